/**
 * GeoJSON export of clusters and drawn areas as RFC 7946 text: coordinates rounded
 * to 6 decimals (about 0.1 m), 8 for a surveyed footprint (about 1 mm: it came from coordinates
 * measured to the centimetre), rings rewound (outer counter-clockwise, holes clockwise),
 * no `crs`, no `bbox`, stable key order, one feature per line.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { CLUSTER_FIELDS } from './cluster_fields';

/** A JSON value: what a property or metadata entry may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Optional description written as the top-level foreign member `metadata`
 * (RFC 7946 §6.1 allows foreign members; readers ignore it). Keys are sorted.
 */
export interface ExportMeta {
  /** Human title, e.g. "Cụm công nghiệp đã chọn". */
  title?: string;
  /** ISO 8601 timestamp of the export, e.g. "2026-11-23T08:00:00Z". */
  exported_at?: string;
  /** Attribution / licence line. */
  source?: string;
  /** Anything else (filter, selected ids, app version): plain JSON data. */
  [key: string]: JsonValue | undefined;
}

/** Decimal places kept in exported coordinates (1e-6° ≈ 0.11 m). */
export const EXPORT_DECIMALS = 6;

/**
 * Serialises features as an RFC 7946 FeatureCollection.
 *
 * Every property is kept: ClusterProps fields first in {@link CLUSTER_FIELDS} order,
 * then any other keys sorted, nested object keys sorted. `undefined` entries are
 * dropped and non-finite numbers become `null` (JSON rules); `null` properties become `{}`.
 * A string or number feature `id` is kept; `bbox` and other foreign members are dropped.
 * The input is not mutated.
 *
 * @param features - features to write (any geometry, or null geometry)
 * @param meta - optional description, written as top-level `metadata`
 * @returns GeoJSON text (UTF-8 when saved), one feature per line, ending with a newline
 * @throws TypeError when an item is not a Feature or a position is not finite numbers
 * @example
 * exportGeoJSON([{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [106.1234567, 20.1] } }])
 * // '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[106.123457,20.1]}}\n]}\n'
 */
export function exportGeoJSON(features: readonly Feature<Geometry | null>[], meta?: ExportMeta): string {
  if (!Array.isArray(features)) throw new TypeError(`Expected an array of features, got ${typeof features}`);
  const lines = features.map((f, i) => JSON.stringify(exportFeature(f, i)));
  const head = meta === undefined ? '' : `"metadata":${JSON.stringify(plain(meta, 'metadata', new Set()))},`;
  if (lines.length === 0) return `{"type":"FeatureCollection",${head}"features":[]}\n`;
  return `{"type":"FeatureCollection",${head}"features":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * Serialises drawn selection areas the same way as {@link exportGeoJSON}.
 * Bare geometries become features with empty properties; features keep theirs.
 *
 * @param areas - Polygon / MultiPolygon geometries or features (lon/lat degrees)
 * @param meta - optional description, written as top-level `metadata`
 * @returns GeoJSON FeatureCollection text
 * @throws TypeError when an area is not a Polygon or MultiPolygon
 * @example
 * exportAreas([{ type: 'Polygon', coordinates: [[[106, 20], [106.1, 20], [106.1, 20.1], [106, 20]]] }])
 */
export function exportAreas(
  areas: readonly (Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>)[],
  meta?: ExportMeta,
): string {
  if (!Array.isArray(areas)) throw new TypeError(`Expected an array of areas, got ${typeof areas}`);
  const features = areas.map((a, i): Feature<Geometry | null> => {
    const g: unknown = a?.type === 'Feature' ? a.geometry : a;
    const t = isRecord(g) ? g.type : undefined;
    if (t !== 'Polygon' && t !== 'MultiPolygon') {
      throw new TypeError(`Expected area ${i} to be a Polygon or MultiPolygon, got ${describe(t ?? g)}`);
    }
    return a.type === 'Feature' ? a : { type: 'Feature', properties: {}, geometry: a };
  });
  return exportGeoJSON(features, meta);
}

function exportFeature(f: Feature<Geometry | null>, i: number): Record<string, unknown> {
  if (!isRecord(f) || f.type !== 'Feature') {
    throw new TypeError(`Expected feature ${i} to be a GeoJSON Feature, got ${describe(isRecord(f) ? f.type : f)}`);
  }
  const out: Record<string, unknown> = { type: 'Feature' };
  if (typeof f.id === 'string' || (typeof f.id === 'number' && Number.isFinite(f.id))) out.id = f.id;
  out.properties = orderedProperties(f.properties, i);
  const surveyed = isRecord(f.properties) && f.properties.geometry_quality === 'surveyed';
  out.geometry = f.geometry === null ? null : exportGeometry(f.geometry, i, surveyed ? 1e8 : 1e6);
  return out;
}

function orderedProperties(p: unknown, i: number): Record<string, JsonValue> {
  if (p === null || p === undefined) return {};
  if (!isRecord(p)) throw new TypeError(`Expected feature ${i} properties to be an object or null, got ${describe(p)}`);
  const out: Record<string, JsonValue> = {};
  const seen = new Set<unknown>([p]);
  const known = new Set<string>(CLUSTER_FIELDS);
  const keys = [...CLUSTER_FIELDS.filter((k) => k in p), ...Object.keys(p).filter((k) => !known.has(k)).sort()];
  for (const k of keys) {
    const v = p[k];
    if (v !== undefined) out[k] = plain(v, `feature ${i} property ${k}`, seen);
  }
  return out;
}

function plain(v: unknown, where: string, seen: Set<unknown>): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'object') {
    if (seen.has(v)) throw new TypeError(`Expected plain data in ${where}, got a cycle`);
    seen.add(v);
    let r: JsonValue;
    if (Array.isArray(v)) {
      r = v.map((x: unknown) => (x === undefined ? null : plain(x, where, seen)));
    } else {
      const o: Record<string, JsonValue> = {};
      for (const k of Object.keys(v).sort()) {
        const x: unknown = (v as Record<string, unknown>)[k];
        if (x !== undefined) o[k] = plain(x, where, seen);
      }
      r = o;
    }
    seen.delete(v);
    return r;
  }
  throw new TypeError(`Expected plain data in ${where}, got ${typeof v}`);
}

function exportGeometry(g: Geometry, i: number, scale: number): Record<string, unknown> {
  const pos = (p: Position) => roundPosition(p, i, scale);
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: pos(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(pos) };
    case 'MultiLineString':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(pos)) };
    case 'Polygon':
      return { type: g.type, coordinates: rewindPolygon(g.coordinates.map((r) => r.map(pos))) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => rewindPolygon(p.map((r) => r.map(pos)))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((x) => exportGeometry(x, i, scale)) };
    default:
      throw new TypeError(`Expected feature ${i} geometry to be a GeoJSON geometry, got ${describe((g as { type?: unknown }).type)}`);
  }
}

function roundPosition(p: Position, i: number, scale: number): Position {
  if (!Array.isArray(p) || p.length < 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new TypeError(`Expected feature ${i} positions to be [lon, lat] finite numbers, got ${describe(p)}`);
  }
  return p.map((v) => {
    const r = Math.round(v * scale) / scale;
    return r === 0 ? 0 : r; // no "-0" in the text
  });
}

/** RFC 7946 §3.1.6: exterior ring counter-clockwise, holes clockwise. Rings are fresh arrays, so reversing is safe. */
function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, k) => {
    const a = signedArea(ring);
    const wantCcw = k === 0;
    return (wantCcw && a < 0) || (!wantCcw && a > 0) ? ring.reverse() : ring;
  });
}

/** Twice the signed planar area (degrees²); positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let j = 0; j + 1 < ring.length; j++) {
    const [x1, y1] = ring[j] as Position;
    const [x2, y2] = ring[j + 1] as Position;
    s += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
  }
  return s;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return typeof v;
  }
}
