import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, Position } from 'geojson';
import { crsFromPrj, detectCrs, reprojectFeatures } from './crs';
import { matchSurvey } from './match_survey';
import { parseSurvey } from './parse_survey';
import type { CrsCandidate, SurveyRequest, SurveyResponse } from './survey_protocol';
import type { RawSurvey } from './types';

/** The merged province with a margin (lon/lat), where an imported shape may land. */
export const SURVEY_BOUNDS: [number, number, number, number] = [105.3, 19.8, 106.8, 20.8];

/** Every position of a survey's features (for detecting its coordinate system). */
export function surveyPositions(s: RawSurvey): [number, number][] {
  const out: [number, number][] = [];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push([c[0] as number, c[1] as number]);
    else for (const x of c) walk(x);
  };
  for (const f of s.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates as Position[]);
  return out;
}

/** How many positions a survey's features hold (without collecting them). */
function countPositions(s: RawSurvey): number {
  let n = 0;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') n++;
    else for (const x of c) walk(x);
  };
  for (const f of s.features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return n;
}

/** Grows a lon/lat box by every position of a geometry. */
function growBox(b: [number, number, number, number], c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const x = c[0] as number;
    const y = c[1] as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  } else for (const x of c) growBox(b, x);
}

/** Shapes per message or text part: each a few tens of milliseconds at most to receive. */
const PART = 5000;

/** The reprojected shapes as GeoJSON text for the map's own worker to read, in parts (no single huge string). */
function previewBlob(features: readonly Feature<Geometry | null, unknown>[]): Blob {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  for (let i = 0; i < features.length; i += PART) {
    parts.push((i ? ',' : '') + features.slice(i, i + PART).map((f) => JSON.stringify(f)).join(','));
  }
  parts.push(']}');
  return new Blob(parts, { type: 'application/geo+json' });
}

/**
 * The survey import's work, off the main thread: parse a file, propose coordinate systems,
 * reproject on the planner's choice, match the shapes with clusters, hand out accepted shapes.
 * Keeps the last parsed survey and its reprojection between the steps.
 *
 * @param post - sends a response (progress messages included) back to the app
 */
export function createSurveyHandler(post: (r: SurveyResponse) => void): (req: SurveyRequest) => void {
  let last: RawSurvey | null = null;
  let projected: Feature<Geometry | null, Record<string, unknown>>[] | null = null;
  return (req) => {
    try {
      if (req.type === 'parse') {
        post({ type: 'progress', id: req.id, phase: 'parse', done: 0, total: req.bytes.byteLength });
        const result = parseSurvey(req.bytes, req.fileName);
        last = result.ok ? result.survey : null;
        projected = null;
        let total = 0;
        let candidates: CrsCandidate[] = [];
        if (last) {
          const hint = last.crs;
          const stated = hint.kind === 'known' ? hint.crs : hint.kind === 'wkt' ? crsFromPrj(hint.wkt) : null;
          // A .prj the import cannot read is said, and the system is proposed from the values instead.
          if (hint.kind === 'wkt' && !stated) last = { ...last, notes: [...last.notes, { code: 'survey_prj_unknown', params: {} }] };
          const outline = req.outline;
          const province = { bbox: SURVEY_BOUNDS, contains: outline ? (lon: number, lat: number) => booleanPointInPolygon([lon, lat], outline) : undefined };
          // Every position is collected only when the values must tell the system.
          if (stated) {
            total = countPositions(last);
            candidates = [{ crs: stated, swapped: false, inside: -1 }];
          } else {
            const pts = surveyPositions(last);
            total = pts.length;
            candidates = detectCrs(pts, province, req.near);
          }
        }
        // The shapes stay here until reprojected: the app needs only the format, the system and the notes now.
        post({ type: 'parsed', id: req.id, result: last ? { ok: true, survey: { ...last, features: [] } } : result, candidates, total });
        return;
      }
      if (req.type === 'match' || req.type === 'shapes') {
        if (!projected) return post({ type: 'failed', id: req.id, issue: { code: 'survey_nothing_parsed', params: {} } });
        if (req.type === 'shapes') return post({ type: 'shapes', id: req.id, geometries: req.features.map((i) => projected![i]?.geometry ?? null) });
        const matches = matchSurvey(projected, req.clusters);
        for (let i = 0; i < matches.length; i += PART) {
          post({ type: 'matches', id: req.id, matches: matches.slice(i, i + PART) });
          post({ type: 'progress', id: req.id, phase: 'match', done: Math.min(matches.length, i + PART), total: matches.length });
        }
        return post({ type: 'matched', id: req.id, total: matches.length });
      }
      if (!last) return post({ type: 'failed', id: req.id, issue: { code: 'survey_nothing_parsed', params: {} } });
      const features = last.features;
      // Reprojected in chunks, so the app can show progress on large files.
      const out: typeof features = [];
      const outside: { feature: number; vertex: number }[] = [];
      const step = Math.max(1, Math.ceil(features.length / 20));
      for (let i = 0; i < features.length; i += step) {
        const part = reprojectFeatures(features.slice(i, i + step), req.crs, req.swapped, { bbox: SURVEY_BOUNDS });
        for (const f of part.features) out.push(f);
        for (const o of part.outside) outside.push({ feature: o.feature + i, vertex: o.vertex });
        post({ type: 'progress', id: req.id, phase: 'reproject', done: Math.min(features.length, i + step), total: features.length });
      }
      const first = outside[0];
      projected = out;
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const f of out) if (f.geometry && 'coordinates' in f.geometry) growBox(box, f.geometry.coordinates);
      post({
        type: 'reprojected',
        id: req.id,
        count: out.length,
        bbox: box[0] <= box[2] ? box : null,
        preview: previewBlob(out),
        outside: first ? { code: 'survey_outside_province', params: { n: outside.length, feature: first.feature + 1, vertex: first.vertex + 1 } } : null,
      });
    } catch (e) {
      post({ type: 'failed', id: req.id, issue: { code: 'survey_unreadable', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } });
    }
  };
}
