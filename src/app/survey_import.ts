import './i18n_survey';
import type { MultiPolygon, Polygon } from 'geojson';
import bbox from '@turf/bbox';
import { selectClusterById } from '../store/selectors';
import type { CrsId } from '../geo/io/survey/types';
import { newRecordId, type Change } from '../geo/edit/change';
import { currentValue } from '../geo/edit/apply_journal';
import type { AppStore } from '../store/store';
import type { JournalService } from '../store/journal_service';
import { SurveyCancelled, type SurveyClient } from '../store/survey_client';
import type { SurveyRow } from '../store/types';

const progress = (store: AppStore) => (done: number, total: number) => store.getState().patchSurvey({ progress: { done, total } });

/**
 * Reads a planner's file (or pasted table) in the worker and proposes its coordinate system.
 * A file that cannot be read is refused whole with a coded message; nothing else changes.
 */
export async function startSurveyImport(store: AppStore, client: SurveyClient, bytes: Uint8Array, file: string): Promise<void> {
  const s = store.getState();
  // A new file ends the import under way (its answers would land in the new one's review).
  if (s.survey) client.cancel();
  s.startSurvey(file);
  // The cluster the planner has open tells apart readings that all land in the province.
  const open = s.focusId ? selectClusterById(s).get(s.focusId) : undefined;
  const b = open?.geometry ? bbox(open.geometry) : null;
  const near: [number, number] | undefined = b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : undefined;
  const outline = s.province?.features[0]?.geometry;
  let r;
  try {
    r = await client.parse(bytes, file, progress(store), { near, outline });
  } catch (e) {
    // Cancelled: by the planner (the import is already ended) or by a newer file (which must stay).
    if (e instanceof SurveyCancelled) return;
    store.getState().notify({ key: 'survey:survey_unreadable', params: { file, detail: String((e as Error).message) } });
    return store.getState().endSurvey();
  }
  if (r.type === 'failed' || !r.result.ok) {
    const issue = r.type === 'failed' ? r.issue : (r.result as { ok: false; issue: { code: string; params: Record<string, string | number> } }).issue;
    store.getState().notify({ key: `survey:${issue.code}`, params: { ...issue.params, file } });
    return store.getState().endSurvey();
  }
  const survey = r.result.survey;
  if (!r.candidates.length) {
    store.getState().notify({ key: 'survey:survey_no_crs', params: { file } });
    return store.getState().endSurvey();
  }
  store.getState().patchSurvey({ stage: 'crs', progress: null, format: survey.format, candidates: r.candidates, points: r.total, notes: survey.notes });
  const best = r.candidates[0];
  if (best) await chooseCrs(store, client, best.crs, best.swapped);
}

/** Reprojects the import with a coordinate system and shows it; points outside the province are named. */
export async function chooseCrs(store: AppStore, client: SurveyClient, crs: CrsId, swapped: boolean): Promise<void> {
  const file = store.getState().survey?.file;
  if (!file) return;
  store.getState().patchSurvey({ stage: 'reprojecting', crs: { crs, swapped }, problem: null });
  let r;
  try {
    r = await client.reproject(crs, swapped, progress(store));
  } catch (e) {
    if (e instanceof SurveyCancelled) return;
    store.getState().patchSurvey({ stage: 'crs', problem: { code: 'survey_unreadable', params: { detail: String((e as Error).message) } } });
    return;
  }
  if (r.type === 'failed') return store.getState().patchSurvey({ stage: 'crs', problem: r.issue });
  store.getState().patchSurvey({ stage: 'crs', progress: null, count: r.count, problem: r.outside });
  // The planner checks the shapes on the map before confirming; the map's worker reads them.
  const url = URL.createObjectURL(r.preview.blob);
  const data = r.preview.kind === 'image' ? { url, kind: 'image' as const, bbox: r.preview.bbox } : { url, kind: 'geojson' as const };
  store.getState().setImported({ name: file, data, bbox: r.bbox });
}

/**
 * The planner confirmed the coordinate system: each shape is paired with a cluster for review,
 * in the worker that holds the shapes.
 * (The app's own export is WGS 84 GeoJSON: it never comes this way, ImportControl restores its selection.)
 */
export async function confirmCrs(store: AppStore, client: SurveyClient): Promise<void> {
  const s = store.getState();
  const sv = s.survey;
  if (sv?.count == null || sv.problem || sv.stage !== 'crs') return;
  const clusters = (s.clusters?.features ?? []).map((c) => ({ type: 'Feature' as const, geometry: c.geometry, properties: { id: c.properties.id, name: c.properties.name } }));
  s.patchSurvey({ stage: 'matching', progress: null });
  let r;
  try {
    r = await client.match(clusters, progress(store));
  } catch (e) {
    if (e instanceof SurveyCancelled) return;
    store.getState().patchSurvey({ stage: 'crs', progress: null, problem: { code: 'survey_unreadable', params: { detail: String((e as Error).message) } } });
    return;
  }
  if (r.type === 'failed') return store.getState().patchSurvey({ stage: 'crs', progress: null, problem: r.issue });
  const rows: SurveyRow[] = r.matches.map((m) => ({ match: m, clusterId: m.areaHa !== null ? m.clusterId : null, decision: 'pending' }));
  store.getState().patchSurvey({ stage: 'review', progress: null, rows });
}

/** Reprojected geometries of some of the import's shapes, from the worker that holds them. */
export async function surveyShapes(client: SurveyClient, features: number[]) {
  const r = await client.shapes(features);
  return r.type === 'shapes' ? r.geometries : null;
}

/**
 * The accepted shapes become surveyed footprints, through the journal (one group, one source);
 * the rest of the import stays an overlay only if the planner keeps it.
 *
 * @returns false when the source or date is missing or nothing is accepted (nothing is saved)
 */
export async function applySurvey(store: AppStore, journal: JournalService, client: SurveyClient, note: string, asOf: string): Promise<'ok' | 'needSource' | 'nothing'> {
  const s = store.getState();
  const sv = s.survey;
  if (sv?.stage !== 'review') return 'nothing';
  if (!note.trim() || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(asOf)) return 'needSource';
  const rows = sv.rows.filter((r) => r.decision === 'accepted' && r.clusterId);
  let geometries;
  try {
    geometries = await surveyShapes(client, rows.map((r) => r.match.feature));
  } catch {
    geometries = null;
  }
  if (!geometries || store.getState().survey !== sv) return 'nothing';
  const byId = new Map((s.clusters?.features ?? []).map((c) => [c.properties.id, c]));
  const group = newRecordId();
  const at = new Date().toISOString();
  const source = `${sv.file} — ${note.trim()}`;
  const changes: Change[] = [];
  for (const [k, row] of rows.entries()) {
    const f = byId.get(row.clusterId!);
    const g = geometries[k];
    if (!f || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    changes.push({
      kind: 'change',
      id: newRecordId(),
      target: row.clusterId!,
      field: 'geometry',
      from: currentValue(f, 'geometry'),
      to: { geometry: g as Polygon | MultiPolygon, quality: 'surveyed' },
      source,
      as_of: asOf,
      at,
      group,
    });
  }
  if (!changes.length) return 'nothing';
  await journal.commit(changes);
  s.notify({ key: 'survey.applied', params: { n: changes.length, file: sv.file } });
  s.setImported(null);
  s.endSurvey();
  return 'ok';
}

/** Stops the import wherever it is; the map, filters, selection and edits stay as they were. */
export function cancelSurvey(store: AppStore, client: SurveyClient): void {
  client.cancel();
  store.getState().setImported(null);
  store.getState().endSurvey();
}
