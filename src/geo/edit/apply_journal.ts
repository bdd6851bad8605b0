import type { ClusterCollection, ClusterFeature } from '../types';
import type { Change, FootprintValue, JournalRecord } from './change';

/** A change that could not be applied, and why (shown in the Changes panel). */
export interface ApplyProblem {
  change: Change;
  reason: 'unknown-cluster' | 'already-exists';
}

/** The data with the journal applied. */
export interface Applied {
  fc: ClusterCollection;
  /** Ids of the clusters that at least one active change touched. */
  edited: ReadonlySet<string>;
  problems: ApplyProblem[];
}

/**
 * The changes in force: every change, less those switched off by an odd number of reverts
 * (a revert of a revert puts the change back).
 *
 * @param records - the journal in order
 * @returns the active changes, in journal order
 */
export function activeChanges(records: readonly JournalRecord[]): Change[] {
  const off = new Set<string>();
  for (const r of records) {
    if (r.kind !== 'revert') continue;
    if (off.has(r.reverts)) off.delete(r.reverts);
    else off.add(r.reverts);
  }
  return records.filter((r): r is Change => r.kind === 'change' && !off.has(r.id));
}

/** The later of two ISO dates (YYYY[-MM[-DD]]), compared as text: that order is the date order. */
const laterDate = (a: string, b: string): string => (b > a ? b : a);

const QUALITY_WITH_SOURCE = new Set(['traced', 'surveyed']);

/**
 * Applies the journal over the bundled clusters, in order. Untouched features are shared with
 * `base` (nothing is copied for them); each touched feature is copied once. Fact changes add
 * their source to `sources` and move `as_of` forward; footprint changes set the geometry, its
 * quality and, for traced or surveyed shapes, its source and date.
 *
 * @param base - the bundled clusters (not mutated)
 * @param records - the journal
 * @returns the edited collection, the ids it touched, and the changes it could not apply
 */
export function applyJournal(base: ClusterCollection, records: readonly JournalRecord[]): Applied {
  const changes = activeChanges(records);
  if (!changes.length) return { fc: base, edited: new Set(), problems: [] };
  const features = base.features.slice();
  const index = new Map<string, number>();
  features.forEach((f, i) => index.set(f.properties.id, i));
  const copied = new Set<number>();
  const edited = new Set<string>();
  const problems: ApplyProblem[] = [];
  const own = (i: number): ClusterFeature => {
    if (!copied.has(i)) {
      const f = features[i]!;
      features[i] = { ...f, properties: { ...f.properties, sources: [...(f.properties.sources ?? [])] } };
      copied.add(i);
    }
    return features[i]!;
  };
  for (const c of changes) {
    if (c.field === 'feature') {
      if (index.has(c.target)) {
        problems.push({ change: c, reason: 'already-exists' });
        continue;
      }
      const f = c.to as ClusterFeature;
      const props = { ...f.properties, sources: [...(f.properties.sources ?? [])] };
      if (!props.sources.includes(c.source)) props.sources.push(c.source);
      props.as_of = laterDate(props.as_of ?? c.as_of, c.as_of);
      index.set(c.target, features.length);
      copied.add(features.length);
      features.push({ type: 'Feature', properties: props, geometry: f.geometry });
      edited.add(c.target);
      continue;
    }
    const i = index.get(c.target);
    if (i === undefined) {
      problems.push({ change: c, reason: 'unknown-cluster' });
      continue;
    }
    const f = own(i);
    const p = f.properties;
    if (c.field === 'geometry') {
      const v = c.to as FootprintValue;
      f.geometry = v.geometry;
      p.geometry_quality = v.quality;
      const sourced = QUALITY_WITH_SOURCE.has(v.quality);
      p.geometry_source = sourced ? c.source : null;
      p.geometry_as_of = sourced ? c.as_of : null;
    } else {
      (p as unknown as Record<string, unknown>)[c.field] = c.to;
      // The translation was of the old text: the planner's words stand in both languages.
      if (c.field === 'notes') delete p.notes_vi;
      if (!p.sources.includes(c.source)) p.sources.push(c.source);
      p.as_of = laterDate(p.as_of, c.as_of);
    }
    edited.add(c.target);
  }
  return { fc: { ...base, features }, edited, problems };
}

/**
 * The value a field has in a feature, in the journal's terms (a footprint is geometry plus
 * quality).
 *
 * @param f - the cluster (or undefined when it does not exist)
 * @param field - a fact field or `geometry`
 */
export function currentValue(f: ClusterFeature | undefined, field: Change['field']): unknown {
  if (!f) return null;
  if (field === 'feature') return f;
  if (field === 'geometry') return { geometry: f.geometry, quality: f.properties.geometry_quality } satisfies FootprintValue;
  return (f.properties as unknown as Record<string, unknown>)[field] ?? null;
}
