import { unzipSync } from 'fflate';
import { selfIntersections } from './check_rings';
import { parseDxf } from './parse_dxf';
import { parseGeoJSONSurvey } from './parse_geojson';
import { parseKml } from './parse_kml';
import { parseShapefile } from './parse_shapefile';
import { parseTable } from './parse_table';
import type { ParseResult, SurveyIssue } from './types';

/** Default size limit of a survey file, and of what is unzipped from it (bytes): 50 MiB. */
export const SURVEY_MAX_BYTES = 50 * 1024 * 1024;

type Kind = 'shapefile' | 'kml' | 'dxf' | 'geojson' | 'table';

/**
 * Reads a planner's survey file into a RawSurvey (./types.ts) with the file's own coordinates and a
 * hint of its coordinate system, choosing the reader by content first and extension second: a
 * zip holding a .shp, .shx or .dbf is a Shapefile, one holding a .kml a KMZ, one holding a
 * .geojson/.json GeoJSON; then .kml, .dxf, .geojson/.json; .csv, .tsv and .txt are boundary-point
 * tables. Every format's polygons are then checked for rings that cross themselves, refused
 * with the feature and the crossing point (`ring_self_intersection`). Never throws: any failure
 * is one coded issue (messages in survey_messages.ts, vi and en).
 *
 * @param bytes - the file content
 * @param fileName - the file's name (its extension decides when the content does not)
 * @param opts - `maxBytes`: limit of the file and of what is unzipped from it (bytes, default {@link SURVEY_MAX_BYTES})
 * @returns the raw survey, or one coded reason to refuse the file
 * @example
 * const r = parseSurvey(zipBytes, 'ranh_gioi.zip');
 * // r.ok && r.survey.format === 'shapefile', r.survey.crs = { kind: 'wkt', wkt: 'PROJCS["VN_2000_TM-3_zone_482",…' }
 */
export function parseSurvey(bytes: Uint8Array, fileName: string, opts: { maxBytes?: number } = {}): ParseResult {
  try {
    return parse(bytes, typeof fileName === 'string' ? fileName : '', opts?.maxBytes && opts.maxBytes > 0 ? opts.maxBytes : SURVEY_MAX_BYTES);
  } catch (e) {
    return fail('survey_unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 160) });
  }
}

function parse(bytes: Uint8Array, fileName: string, maxBytes: number): ParseResult {
  if (!(bytes instanceof Uint8Array)) return fail('survey_unreadable', { detail: 'expected the file bytes (Uint8Array)' });
  if (bytes.length > maxBytes) return fail('survey_too_large', { size_mb: mb(bytes.length), limit_mb: mb(maxBytes) });
  if (bytes.length === 0) return fail('survey_empty', {});
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  const kind = chooseKind(bytes, ext);
  if (typeof kind !== 'string') return { ok: false, issue: kind };
  const opts = { maxBytes };
  const r =
    kind === 'shapefile' ? parseShapefile(bytes, fileName, opts)
    : kind === 'kml' ? parseKml(bytes, fileName, opts)
    : kind === 'dxf' ? parseDxf(bytes, fileName)
    : kind === 'geojson' ? parseGeoJSONSurvey(bytes, fileName, opts)
    : parseTable(bytes);
  if (!r.ok) return r;
  const crossing = selfIntersections(r.survey.features);
  const first = crossing[0];
  if (first) return fail('ring_self_intersection', { feature: first.feature, x: round(first.x), y: round(first.y), count: crossing.length });
  return r;
}

/** The reader for a file: by what a zip holds, by the first bytes, then by the extension. */
function chooseKind(b: Uint8Array, ext: string): Kind | SurveyIssue {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5)) {
    // A zip's content decides, except that a .kmz is KML even when it holds none (then kmz_no_kml).
    const names: string[] = [];
    try {
      // The filter declines every entry: this reads the directory only.
      unzipSync(b, { filter: (f) => (names.push(f.name), false) });
    } catch (e) {
      return issue('survey_zip_corrupt', { detail: String((e as Error)?.message ?? e).slice(0, 120) });
    }
    const files = names.filter((n) => !n.endsWith('/') && !/(^|\/)(__MACOSX\/|\._)/.test(n));
    if (files.some((n) => /\.(shp|shx|dbf)$/i.test(n))) return 'shapefile';
    if (ext === 'kmz' || files.some((n) => /\.kml$/i.test(n))) return 'kml';
    if (files.some((n) => /\.(geo)?json$/i.test(n))) return 'geojson';
    return issue('zip_unknown_content', { entries: files.join(', ').slice(0, 200) || '—' });
  }
  if (ext === 'zip' || ext === 'kmz') return issue('survey_zip_corrupt', { detail: 'not a ZIP archive' });
  if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(ext)) return 'shapefile';
  if (ext === 'dwg' || startsWithText(b, 'AC10')) return issue('dwg_not_supported', {});
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 1024)).replace(/^[\uFEFF\s]+/, '');
  if (/^<\?xml|^<kml/i.test(head) && /<kml[\s>]/i.test(head)) return 'kml';
  if (/^(0\s*[\r\n]+\s*SECTION|999\s*[\r\n])/.test(head) || startsWithText(b, 'AutoCAD Binary DXF')) return 'dxf';
  if (ext === 'kml') return 'kml';
  if (ext === 'dxf') return 'dxf';
  if (ext === 'geojson' || ext === 'json' || /^[{[]/.test(head) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'table';
  return issue('unsupported_format', { ext: ext ? `.${ext}` : '—' });
}

function startsWithText(b: Uint8Array, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Degrees to 7 decimals (about 1 cm), metres to the millimetre. */
function round(v: number): number {
  return Math.abs(v) <= 360 ? Math.round(v * 1e7) / 1e7 : Math.round(v * 1e3) / 1e3;
}

function mb(b: number): number {
  return Math.round((b / 1048576) * 10) / 10;
}

function issue(code: string, params: Record<string, string | number>): SurveyIssue {
  return { code, params };
}

function fail(code: string, params: Record<string, string | number>): { ok: false; issue: SurveyIssue } {
  return { ok: false, issue: { code, params } };
}
