import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, Position } from 'geojson';
import { crsFromPrj, detectCrs, reprojectFeatures } from './crs';
import { matchSurvey } from './match_survey';
import { parseSurvey } from './parse_survey';
import type { CrsCandidate, SurveyPreview, SurveyRequest, SurveyResponse } from './survey_protocol';
import type { RawSurvey } from './types';

/** The merged province with a margin (lon/lat), where an imported shape may land. */
export const SURVEY_BOUNDS: [number, number, number, number] = [105.3, 19.8, 106.8, 20.8];

/** Calls `fn` with every position of some features (nested coordinate arrays of any depth). */
function eachPosition(features: readonly Feature<Geometry | null, unknown>[], fn: (x: number, y: number) => void): void {
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') fn(c[0] as number, c[1] as number);
    else for (const x of c) walk(x);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
}

/** Every position of a survey's features (for detecting its coordinate system). */
export function surveyPositions(s: RawSurvey): [number, number][] {
  const out: [number, number][] = [];
  eachPosition(s.features, (x, y) => out.push([x, y]));
  return out;
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

/** Above this many shapes the preview is a picture (the map's own tiles of them cost the page seconds). */
export const VECTOR_PREVIEW_MAX = 2000;
/** The picture's longer side (px). */
const IMAGE_SIDE = 2048;
/** The colour of imported shapes on the map (src/map/palette.ts IMPORTED_COLOR). */
const INK = '17, 17, 17';

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Draws the shapes over their box, in Web Mercator, as a PNG (needs OffscreenCanvas: a browser's worker). */
async function previewImage(features: readonly Feature<Geometry | null, unknown>[], box: [number, number, number, number]): Promise<SurveyPreview | null> {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const [w0, s0, e0, n0] = box;
  const x0 = (w0 * Math.PI) / 180;
  const x1 = (e0 * Math.PI) / 180;
  const y0 = mercY(s0);
  const y1 = mercY(n0);
  const span = Math.max(x1 - x0, y1 - y0) || 1e-9;
  const width = Math.max(1, Math.round((IMAGE_SIDE * (x1 - x0)) / span));
  const height = Math.max(1, Math.round((IMAGE_SIDE * (y1 - y0)) / span));
  const canvas = new OffscreenCanvas(width, height);
  // (read back once, but this keeps the canvas in memory: a GPU canvas, software-emulated on office PCs, is far slower for many small paths)
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const px = (p: Position): [number, number] => [(((p[0]! * Math.PI) / 180 - x0) / (x1 - x0 || 1)) * width, (1 - (mercY(p[1]!) - y0) / (y1 - y0 || 1)) * height];
  ctx.fillStyle = `rgba(${INK}, 0.2)`;
  ctx.strokeStyle = `rgba(${INK}, 0.9)`;
  ctx.lineWidth = 1;
  const ring = (r: Position[]) => r.forEach((p, i) => (i ? ctx.lineTo(...px(p)) : ctx.moveTo(...px(p))));
  // Paths in batches: one fill and one stroke per thousand shapes, not per shape.
  const BATCH = 1000;
  for (let i = 0; i < features.length; i += BATCH) {
    ctx.beginPath();
    for (const f of features.slice(i, i + BATCH)) {
      const g = f.geometry;
      if (!g) continue;
      if (g.type === 'Polygon') g.coordinates.forEach(ring);
      else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly) => poly.forEach(ring));
      else if (g.type === 'LineString') ring(g.coordinates);
      else if (g.type === 'MultiLineString') g.coordinates.forEach(ring);
      else if (g.type === 'Point') {
        const [x, y] = px(g.coordinates);
        ctx.rect(x - 1.5, y - 1.5, 3, 3);
      }
    }
    ctx.fill('nonzero');
    ctx.stroke();
  }
  return { kind: 'image', blob: await canvas.convertToBlob({ type: 'image/png' }), bbox: box, shown: features.length };
}

/**
 * The survey import's work, off the main thread: parse a file, propose coordinate systems,
 * reproject on the planner's choice, match the shapes with clusters, hand out accepted shapes.
 * Keeps the last parsed survey and its reprojection between the steps.
 *
 * @param post - sends a response (progress messages included) back to the app
 */
export function createSurveyHandler(post: (r: SurveyResponse) => void): (req: SurveyRequest) => Promise<void> {
  let last: RawSurvey | null = null;
  let projected: Feature<Geometry | null, Record<string, unknown>>[] | null = null;
  return async (req) => {
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
            eachPosition(last.features, () => total++);
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
      eachPosition(out, (x, y) => {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      });
      post({
        type: 'reprojected',
        id: req.id,
        count: out.length,
        bbox: box[0] <= box[2] ? box : null,
        preview: (out.length > VECTOR_PREVIEW_MAX && box[0] <= box[2] ? await previewImage(out, box) : null) ?? { kind: 'geojson', blob: previewBlob(out) },
        outside: first ? { code: 'survey_outside_province', params: { n: outside.length, feature: first.feature + 1, vertex: first.vertex + 1 } } : null,
      });
    } catch (e) {
      post({ type: 'failed', id: req.id, issue: { code: 'survey_unreadable', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } });
    }
  };
}
