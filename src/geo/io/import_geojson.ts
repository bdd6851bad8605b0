/**
 * Reads a file a planner drops on the map (GeoJSON, or a .zip holding one) into a
 * FeatureCollection, or says precisely what is wrong with it. Never throws: every
 * failure is an {@link ImportIssue} with a code from {@link ImportCode} and the
 * parameters its message (src/geo/io/import_messages.ts) needs. Pure and browser-safe;
 * imports the LGPL-3 `geojson-validation`, so the app lazy-loads this module.
 */
import gjv from 'geojson-validation';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { jsonErrorPosition } from './json_error_position';

/** Every outcome the importer can report, as errors (`ok: false`) or warnings. */
export type ImportCode =
  | 'too_large'
  | 'empty'
  | 'not_utf8'
  | 'bad_json'
  | 'wrong_format'
  | 'not_geojson'
  | 'invalid_geojson'
  | 'unclosed_ring'
  | 'swapped_coordinates'
  | 'projected_coordinates'
  | 'no_features'
  | 'unsupported_geometry'
  | 'too_many_features'
  | 'zip_no_geojson'
  | 'zip_corrupt'
  | 'unreadable'
  | 'skipped_features'
  | 'crs_ignored';

/** One problem: a code and the values its message fills in (`{param}` placeholders). */
export interface ImportIssue {
  code: ImportCode;
  params: Record<string, string | number>;
}

/** Result of {@link parseImport}. */
export type ImportResult =
  | { ok: true; fc: FeatureCollection; kind: 'areas' | 'features'; warnings: ImportIssue[] }
  | { ok: false; error: ImportIssue };

/** Options of {@link parseImport}. */
export interface ImportOptions {
  /** Largest accepted file, and largest accepted unzipped entry, bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Largest accepted number of features (default {@link DEFAULT_MAX_FEATURES}). */
  maxFeatures?: number;
  /**
   * `'degrees'` (default) refuses positions that look projected or swapped; `'any'` keeps them,
   * for the survey import, where the planner then picks the coordinate system.
   */
  coordinates?: 'degrees' | 'any';
}

/** Default size limit: 50 MiB, for the file and for the unzipped GeoJSON inside a .zip. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Default feature limit (the whole dataset is a few hundred features). */
export const DEFAULT_MAX_FEATURES = 20_000;
/** At most this many polygons without cluster properties count as selection areas. */
export const AREAS_MAX = 50;
/** Property names that mark a feature as cluster-like (so never an area). */
export const CLUSTER_LIKE_KEYS: readonly string[] = ['ex_province', 'status', 'planned_area_ha', 'wwtp', 'geometry_quality'];

const SUPPORTED = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
const GEOMETRY_TYPES = new Set([...SUPPORTED, 'GeometryCollection']);
const WRONG_EXT: Record<string, string> = {
  kml: 'KML', kmz: 'KMZ', shp: 'Shapefile', dbf: 'Shapefile', shx: 'Shapefile', prj: 'Shapefile',
  gpx: 'GPX', csv: 'CSV', xls: 'Excel', xlsx: 'Excel', dxf: 'DXF', dwg: 'DWG', gml: 'GML', tab: 'MapInfo', mif: 'MapInfo',
};

/**
 * Parses an imported file.
 *
 * Order of checks: size → empty → ZIP (first `*.geojson`, else first `*.json` entry outside
 * `__MACOSX/`; the size limit also applies to its unzipped size) → text (UTF-8 with or without
 * BOM, UTF-16 LE/BE with a BOM) → JSON (line and column of the first syntax error) → GeoJSON
 * root (a single Feature or Geometry is wrapped into a FeatureCollection) → feature count → per
 * feature, first problem wins: unclosed ring, other RFC 7946 errors (geojson-validation trace),
 * swapped [lat, lon], projected metres (these two only with `coordinates: 'degrees'`).
 * A GeometryCollection is taken apart: each member (nested ones too) becomes a feature with
 * the collection's properties. Features with a null geometry or an empty collection are
 * skipped with a warning.
 * Feature numbers in params are 1-based. Property values are returned as parsed (plain
 * JSON data, never interpreted): the app must render them as text.
 *
 * `kind` is `'areas'` when every feature is a Polygon/MultiPolygon, there are at most
 * {@link AREAS_MAX}, and none has a {@link CLUSTER_LIKE_KEYS} property; else `'features'`.
 *
 * @param bytes - the file content
 * @param fileName - the file's name (extension decides ZIP and names wrong formats)
 * @param opts - size and count limits
 * @returns the collection and its kind, or the first error
 * @example
 * const r = parseImport(new TextEncoder().encode('{"type":"Point","coordinates":[106,20.3]}'), 'a.geojson');
 * // r.ok === true, r.kind === 'features', r.fc.features.length === 1
 */
export function parseImport(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): ImportResult {
  try {
    return parse(bytes, typeof fileName === 'string' ? fileName : '', opts ?? {});
  } catch (e) {
    return fail('unreadable', { detail: short(e instanceof Error ? e.message : String(e)) });
  }
}

function parse(input: Uint8Array, fileName: string, opts: ImportOptions): ImportResult {
  const maxBytes = positive(opts.maxBytes, DEFAULT_MAX_BYTES);
  const maxFeatures = positive(opts.maxFeatures, DEFAULT_MAX_FEATURES);
  const anyCoordinates = opts.coordinates === 'any';
  if (!(input instanceof Uint8Array)) return fail('unreadable', { detail: 'expected the file bytes (Uint8Array)' });
  if (input.length > maxBytes) return tooLarge(input.length, maxBytes);
  if (input.length === 0) return fail('empty', {});

  let bytes = input;
  let name = fileName;
  const isZipName = /\.zip$/i.test(fileName);
  const isZipMagic = input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b && (input[2] === 3 || input[2] === 5);
  if (isZipName || isZipMagic) {
    if (!isZipMagic) return fail('zip_corrupt', { detail: 'not a ZIP archive' });
    const z = unzipFirstGeoJSON(input, maxBytes);
    if (!z.ok) return z;
    bytes = z.bytes;
    name = z.name;
  }
  const wrong = WRONG_EXT[(name.match(/\.([a-z0-9]+)$/i)?.[1] ?? '').toLowerCase()];

  let text: string;
  try {
    text = new TextDecoder(textEncoding(bytes), { fatal: true }).decode(bytes);
  } catch {
    return wrong ? fail('wrong_format', { format: wrong }) : fail('not_utf8', {});
  }
  if (text.trim() === '') return fail('empty', {});
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    if (wrong) return fail('wrong_format', { format: wrong });
    if (text.trimStart().startsWith('<')) return fail('wrong_format', { format: 'XML/HTML' });
    const pos = jsonErrorPosition(text);
    if (!pos) return fail('unreadable', { detail: short(e instanceof Error ? e.message : String(e)) });
    return fail('bad_json', { line: pos.line, column: pos.column });
  }
  return fromJson(root, maxFeatures, anyCoordinates);
}

/** The decoder label for the text's BOM: Windows editors save "Unicode" as UTF-16 LE with a BOM. */
function textEncoding(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function fromJson(root: unknown, maxFeatures: number, anyCoordinates: boolean): ImportResult {
  if (!isRecord(root)) return fail('not_geojson', { found: Array.isArray(root) ? 'an array' : `a ${root === null ? 'null' : typeof root}` });
  const warnings: ImportIssue[] = [];
  if (root.crs !== undefined) warnings.push({ code: 'crs_ignored', params: { crs: crsName(root.crs) } });
  let raw: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) return fail('not_geojson', { found: 'a FeatureCollection without a "features" array' });
    raw = root.features;
  } else if (root.type === 'Feature') {
    raw = [root];
  } else if (typeof root.type === 'string' && GEOMETRY_TYPES.has(root.type)) {
    raw = [{ type: 'Feature', properties: {}, geometry: root }];
  } else {
    return fail('not_geojson', { found: typeof root.type === 'string' ? `type "${short(root.type, 40)}"` : 'no "type" member' });
  }
  if (raw.length === 0) return fail('no_features', {});
  if (raw.length > maxFeatures) return fail('too_many_features', { count: raw.length, limit: maxFeatures });

  const features: Feature[] = [];
  const skipped = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const f = raw[i];
    const n = i + 1;
    if (!isRecord(f) || f.type !== 'Feature') {
      return fail('invalid_geojson', { feature: n, trace: `expected a Feature, got ${isRecord(f) ? `type ${short(JSON.stringify(f.type) ?? 'nothing', 40)}` : short(JSON.stringify(f) ?? typeof f, 40)}` });
    }
    const g = f.geometry;
    const parts = g === null || g === undefined ? [] : isRecord(g) && g.type === 'GeometryCollection' ? members(g) : [g];
    if (parts.length === 0) {
      const t = g === null || g === undefined ? 'null' : 'GeometryCollection';
      skipped.set(t, (skipped.get(t) ?? 0) + 1);
      continue;
    }
    if (f.properties !== undefined && f.properties !== null && !isRecord(f.properties)) {
      return fail('invalid_geojson', { feature: n, trace: 'properties must be an object or null' });
    }
    for (const part of parts) {
      // Each member is checked as a feature of its own, so its errors name the collection's feature number.
      const trace = validate(parts.length === 1 && part === g ? f : { ...f, geometry: part });
      if (trace.length > 0) {
        const ring = unclosedRing(part);
        if (ring) return fail('unclosed_ring', { feature: n, ring });
        return fail('invalid_geojson', { feature: n, trace: short(trace.join('; '), 300) });
      }
      const bad = anyCoordinates ? null : badPosition(part as unknown as Geometry);
      if (bad) return fail(bad.code, { feature: n, x: round6(bad.x), y: round6(bad.y) });
      const out: Feature = { type: 'Feature', properties: isRecord(f.properties) ? f.properties : {}, geometry: part as unknown as Geometry };
      if (parts.length === 1 && (typeof f.id === 'string' || typeof f.id === 'number')) out.id = f.id;
      features.push(out);
    }
  }
  if (features.length === 0) return fail('unsupported_geometry', { types: [...skipped.keys()].join(', ') });
  if (skipped.size > 0) {
    const count = [...skipped.values()].reduce((a, b) => a + b, 0);
    warnings.push({ code: 'skipped_features', params: { count, types: [...skipped.keys()].join(', ') } });
  }
  return { ok: true, fc: { type: 'FeatureCollection', features }, kind: kindOf(features), warnings };
}

/** The members of a GeometryCollection, nested collections flattened (a member that is not an object stays, for the validator to name). */
function members(gc: Record<string, unknown>, depth = 0): unknown[] {
  if (!Array.isArray(gc.geometries) || depth > 32) return [gc];
  return gc.geometries.flatMap((m: unknown) => (isRecord(m) && m.type === 'GeometryCollection' ? members(m, depth + 1) : [m]));
}

function kindOf(features: Feature[]): 'areas' | 'features' {
  if (features.length > AREAS_MAX) return 'features';
  for (const f of features) {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') return 'features';
    if (f.properties && CLUSTER_LIKE_KEYS.some((k) => k in (f.properties as object))) return 'features';
  }
  return 'areas';
}

type Unzipped = { ok: true; bytes: Uint8Array; name: string } | { ok: false; error: ImportIssue };

function unzipFirstGeoJSON(zip: Uint8Array, maxBytes: number): Unzipped {
  const entries: { name: string; size: number }[] = [];
  try {
    // First pass reads the directory only (the filter declines every entry, nothing is inflated).
    unzipSync(zip, { filter: (f) => (entries.push({ name: f.name, size: f.originalSize }), false) });
  } catch (e) {
    return fail('zip_corrupt', { detail: short(e instanceof Error ? e.message : String(e)) });
  }
  const files = entries.filter((e) => !e.name.endsWith('/') && !/(^|\/)(__MACOSX\/|\._)/.test(e.name));
  const pick = files.find((e) => /\.geojson$/i.test(e.name)) ?? files.find((e) => /\.json$/i.test(e.name));
  if (!pick) return fail('zip_no_geojson', { entries: short(files.map((e) => e.name).join(', ') || '—', 200) });
  // The declared size bounds the output buffer (fflate never writes past it), so a lying header cannot inflate a bomb.
  if (pick.size > maxBytes) return tooLarge(pick.size, maxBytes);
  let taken = false;
  let out: Uint8Array | undefined;
  try {
    out = unzipSync(zip, { filter: (f) => (f.name === pick.name && !taken ? (taken = true) : false) })[pick.name];
  } catch (e) {
    return fail('zip_corrupt', { detail: short(e instanceof Error ? e.message : String(e)) });
  }
  if (!out) return fail('zip_corrupt', { detail: `cannot read ${short(pick.name, 80)}` });
  if (out.length > maxBytes) return tooLarge(out.length, maxBytes);
  return { ok: true, bytes: out, name: pick.name };
}

function validate(f: Record<string, unknown>): string[] {
  try {
    // RFC 7946 allows a missing properties member to be read as null; geojson-validation does not.
    const t = gjv.valid(f.properties === undefined ? { ...f, properties: null } : f, true);
    return Array.isArray(t) ? t.map(String) : [];
  } catch (e) {
    return [`validator failed: ${e instanceof Error ? e.message : String(e)}`];
  }
}

/** 1-based number of the first ring whose first and last positions differ, or 0. */
function unclosedRing(g: unknown): number {
  if (!isRecord(g) || !Array.isArray(g.coordinates)) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let k = 0;
  for (const p of polys) {
    if (!Array.isArray(p)) return 0;
    for (const ring of p) {
      k++;
      if (!Array.isArray(ring) || ring.length < 2) continue;
      const a: unknown = ring[0];
      const b: unknown = ring[ring.length - 1];
      if (Array.isArray(a) && Array.isArray(b) && (a.length !== b.length || a.some((v, j) => v !== b[j]))) return k;
    }
  }
  return 0;
}

/**
 * The first position that is not WGS 84 lon/lat: out of range (projected metres), or Vietnam's
 * [lat, lon] order.
 *
 * @param g - a geometry
 * @returns what is wrong and the position, or null when every position is lon/lat
 */
export function badPosition(g: Geometry): { code: 'swapped_coordinates' | 'projected_coordinates'; x: number; y: number } | null {
  const stack: unknown[] = ['coordinates' in g ? g.coordinates : []];
  while (stack.length > 0) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number') {
      const x = c[0];
      const y = c[1] as number;
      if (x >= 8 && x <= 24 && y >= 102 && y <= 110) return { code: 'swapped_coordinates', x, y };
      if (Math.abs(x) > 180 || Math.abs(y) > 90) return { code: 'projected_coordinates', x, y };
    } else {
      for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
    }
  }
  return null;
}

function crsName(crs: unknown): string {
  const name = isRecord(crs) && isRecord(crs.properties) ? crs.properties.name : undefined;
  return short(typeof name === 'string' ? name : JSON.stringify(crs) ?? String(crs), 80);
}

function tooLarge(size: number, limit: number): { ok: false; error: ImportIssue } {
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return fail('too_large', { size_mb: mb(size), limit_mb: mb(limit), bytes: size, limit_bytes: limit });
}

function fail(code: ImportCode, params: Record<string, string | number>): { ok: false; error: ImportIssue } {
  return { ok: false, error: { code, params } };
}

function positive(v: number | undefined, dflt: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : dflt;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function short(s: string, max = 160): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
