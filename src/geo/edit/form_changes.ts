import type { ClusterFeature, ClusterProps, ExProvince } from '../types';
import { currentValue } from './apply_journal';
import { newRecordId, valueProblem, type Change, type ChangeField, type EditField, type FootprintValue } from './change';

/** What the planner saved in the edit form: new values, an optional new footprint, and the source for all. */
export interface EditForm {
  values: Partial<Record<EditField, unknown>>;
  footprint: FootprintValue | null;
  source: string;
  as_of: string;
}

/** Why a form cannot be saved: which field, and a message key of the app's catalogue. */
export interface FormProblem {
  field: EditField | 'geometry' | 'source' | 'as_of';
  key: 'edit.needSource' | 'edit.needDate' | 'edit.badValue' | 'edit.nothingChanged';
  detail?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Deep equality of JSON values (geometries included). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changes a form save makes: one per field whose value differs from the cluster's, all in
 * one group with the form's source and date. Nothing is made without a source and a date.
 *
 * @param f - the cluster as shown (journal applied)
 * @param form - what the planner entered
 * @param now - when (for `at`)
 * @returns the changes, or the problems that keep the form from saving
 */
export function changesFromForm(f: ClusterFeature, form: EditForm, now: Date): { changes: Change[] } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (!form.source.trim()) problems.push({ field: 'source', key: 'edit.needSource' });
  if (!DATE.test(form.as_of) || form.as_of > now.toISOString().slice(0, 10)) problems.push({ field: 'as_of', key: 'edit.needDate' });
  const edits: [ChangeField, unknown][] = [];
  for (const [field, v] of Object.entries(form.values) as [EditField, unknown][]) {
    const p = valueProblem(field, v);
    if (p) problems.push({ field, key: 'edit.badValue', detail: p });
    else if (!sameValue(currentValue(f, field), v)) edits.push([field, v]);
  }
  if (form.footprint && !sameValue(currentValue(f, 'geometry'), form.footprint)) {
    const p = valueProblem('geometry', form.footprint);
    if (p) problems.push({ field: 'geometry', key: 'edit.badValue', detail: p });
    else edits.push(['geometry', form.footprint]);
  }
  if (!problems.length && !edits.length) problems.push({ field: 'source', key: 'edit.nothingChanged' });
  if (problems.length) return { problems };
  const group = newRecordId();
  const at = now.toISOString();
  return {
    changes: edits.map(([field, to]) => ({
      kind: 'change',
      id: newRecordId(),
      target: f.properties.id,
      field,
      from: currentValue(f, field),
      to,
      source: form.source.trim(),
      as_of: form.as_of,
      at,
      group,
    })),
  };
}

/** Folds a name into an id-safe slug (ASCII, dashes). */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^(ccn|cum cong nghiep)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const PREFIX: Record<ExProvince, string> = { 'Hà Nam': 'hn', 'Nam Định': 'nd', 'Ninh Bình': 'nb' };

/**
 * A cluster the dataset lacks, as one `feature` change. Its id follows the dataset's pattern
 * (`nd-truc-tuan`), made unique against `taken`.
 *
 * @param p - name, ex-province and what else the planner knows (unknown facts stay null)
 * @param footprint - the drawn footprint (or a point)
 * @param meta - source and date, as for any change
 */
export function newClusterChange(
  p: Pick<ClusterProps, 'name' | 'ex_province'> & Partial<ClusterProps>,
  footprint: FootprintValue,
  meta: { source: string; as_of: string; now: Date; taken: ReadonlySet<string> },
): Change {
  let id = `${PREFIX[p.ex_province]}-${slug(p.name) || 'ccn'}`;
  for (let n = 2; meta.taken.has(id); n++) id = `${PREFIX[p.ex_province]}-${slug(p.name) || 'ccn'}-${n}`;
  const props: ClusterProps = {
    id,
    name: p.name.trim(),
    ex_province: p.ex_province,
    old_district: p.old_district ?? null,
    new_commune: p.new_commune ?? null,
    communes: p.communes ?? [],
    planned_area_ha: p.planned_area_ha ?? null,
    status: p.status ?? 'planned',
    wwtp: p.wwtp ?? 'unknown',
    occupancy_pct: p.occupancy_pct ?? null,
    projects: null,
    workers: null,
    model: null,
    industries: null,
    decision: p.decision ?? null,
    decision_date: p.decision_date ?? null,
    established_year: p.established_year ?? null,
    investor: p.investor ?? null,
    notes: p.notes ?? null,
    sources: [meta.source.trim()],
    as_of: meta.as_of,
    geometry_quality: footprint.quality,
    geometry_source: footprint.quality === 'traced' || footprint.quality === 'surveyed' ? meta.source.trim() : null,
    geometry_as_of: footprint.quality === 'traced' || footprint.quality === 'surveyed' ? meta.as_of : null,
    location_basis: 'source',
  };
  return {
    kind: 'change',
    id: newRecordId(),
    target: id,
    field: 'feature',
    from: null,
    to: { type: 'Feature', properties: props, geometry: footprint.geometry },
    source: meta.source.trim(),
    as_of: meta.as_of,
    at: meta.now.toISOString(),
  };
}
