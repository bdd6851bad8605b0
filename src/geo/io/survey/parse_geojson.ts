import type { Feature, Geometry } from 'geojson';
import { badPosition, parseImport, type ImportCode } from '../import_geojson';
import type { CrsHint, ParseResult, RawSurvey, SurveyIssue } from './types';

/** Survey message code of each GeoJSON import code: the same problem, under `geojson_<code>`. */
export const GEOJSON_SURVEY_CODES: Readonly<Record<ImportCode, string>> = Object.freeze({
  too_large: 'geojson_too_large',
  empty: 'geojson_empty',
  not_utf8: 'geojson_not_utf8',
  bad_json: 'geojson_bad_json',
  wrong_format: 'geojson_wrong_format',
  not_geojson: 'geojson_not_geojson',
  invalid_geojson: 'geojson_invalid_geojson',
  unclosed_ring: 'geojson_unclosed_ring',
  swapped_coordinates: 'geojson_swapped_coordinates',
  projected_coordinates: 'geojson_projected_coordinates',
  no_features: 'geojson_no_features',
  unsupported_geometry: 'geojson_unsupported_geometry',
  too_many_features: 'geojson_too_many_features',
  zip_no_geojson: 'geojson_zip_no_geojson',
  zip_corrupt: 'geojson_zip_corrupt',
  unreadable: 'geojson_unreadable',
  skipped_features: 'geojson_skipped_features',
  crs_ignored: 'geojson_crs_member',
});

type Props = RawSurvey['features'][number]['properties'];

/**
 * Reads a GeoJSON survey file (or a .zip holding one) with the map's own importer
 * ({@link parseImport}), but keeps projected and swapped positions: GeoJSON from CAD or a
 * surveyor's tool is often VN-2000 metres despite RFC 7946. The hint is WGS 84 when every
 * position is a plausible lon/lat and no swap is suspected, or a `crs` member names WGS 84 or
 * VN-2000 / UTM 48N (EPSG:3405); else unknown, for the planner to choose. Property values that
 * are objects or arrays become their JSON text. Self-intersecting rings are checked by
 * parseSurvey, as for every format.
 *
 * @param bytes - the file content (UTF-8 with or without BOM, UTF-16 with a BOM, or a .zip)
 * @param fileName - the file's name (.zip decides unzipping)
 * @param opts - `maxBytes`: size limit of the file and of the unzipped entry (bytes)
 * @returns the raw survey, or the importer's reason under a `geojson_` code
 * @example
 * const r = parseGeoJSONSurvey(new TextEncoder().encode('{"type":"Point","coordinates":[588000,2245000]}'), 'a.geojson');
 * // r.ok === true, r.survey.crs.kind === 'unknown'
 */
export function parseGeoJSONSurvey(bytes: Uint8Array, fileName: string, opts: { maxBytes?: number } = {}): ParseResult {
  const r = parseImport(bytes, fileName, { coordinates: 'any', ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  if (!r.ok) return { ok: false, issue: { code: GEOJSON_SURVEY_CODES[r.error.code], params: r.error.params } };
  const notes: SurveyIssue[] = r.warnings.map((w) => ({ code: GEOJSON_SURVEY_CODES[w.code], params: w.params }));
  const features = r.fc.features.map((f): Feature<Geometry, Props> => ({ type: 'Feature', properties: textProps(f.properties), geometry: f.geometry as Geometry }));
  const named = r.warnings.find((w) => w.code === 'crs_ignored')?.params.crs;
  return { ok: true, survey: { format: 'geojson', features, crs: crsHint(features, typeof named === 'string' ? named : null), notes } };
}

function crsHint(features: Feature<Geometry, Props>[], named: string | null): CrsHint {
  const degrees = allDegrees(features);
  if (named !== null && /CRS84|EPSG:{1,2}(\d\.?\d*:)?4326\b/i.test(named)) return degrees ? { kind: 'known', crs: 'EPSG:4326', from: 'crs-member' } : { kind: 'unknown' };
  if (named !== null && /EPSG:{1,2}(\d\.?\d*:)?3405\b/i.test(named)) return degrees ? { kind: 'unknown' } : { kind: 'known', crs: 'VN2000-UTM48', from: 'crs-member' };
  return degrees ? { kind: 'known', crs: 'EPSG:4326', from: 'format' } : { kind: 'unknown' };
}

/** True when every position is within lon/lat range and none looks like Vietnam's [lat, lon]. */
function allDegrees(features: Feature<Geometry, Props>[]): boolean {
  return features.every((f) => !badPosition(f.geometry));
}

function textProps(p: Record<string, unknown> | null): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p ?? {})) {
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : (JSON.stringify(v) ?? null);
    // Defined, not assigned: a "__proto__" key from the file stays a plain property.
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
