import { kml } from '@tmcw/togeojson';
import { DOMParser, onErrorStopParsing, ParseError } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import type { ParseResult, RawSurvey, SurveyIssue } from './types';

type Props = RawSurvey['features'][number]['properties'];

/** Default limit of the .kml inside a KMZ, unzipped (bytes). */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Properties @tmcw/togeojson derives from styles and view state: not the planner's data. */
const STYLE_KEY = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.+|label-.+|visibility|open|coordinateProperties|links)$/;

/**
 * Reads a Google Earth KML or KMZ (a zip whose first .kml, `doc.kml` by convention, is the
 * document) into features in WGS 84 lon/lat, with @tmcw/togeojson over @xmldom/xmldom's
 * DOMParser, which needs no DOM, so this runs in a Web Worker (Chromium workers have no
 * DOMParser). A MultiGeometry is split into one feature per Polygon, LineString or Point, each
 * with the placemark's name, description and ExtendedData as text; altitudes are dropped.
 * Placemarks without geometry and ground overlays or network links are counted in notes.
 *
 * @param bytes - the .kml or .kmz content
 * @param fileName - the file's name (used for nothing but symmetry with the other parsers)
 * @param opts - `maxBytes`: limit of the unzipped .kml of a KMZ (bytes, default 50 MiB)
 * @returns the raw survey (crs WGS 84 from the format), or one coded reason
 * @example
 * parseKml(new TextEncoder().encode('<kml><Placemark><Point><coordinates>106,20.3</coordinates></Point></Placemark></kml>'), 'a.kml');
 * // { ok: true, survey: { format: 'kml', features: [Point 106,20.3], crs: { kind: 'known', crs: 'EPSG:4326', from: 'format' }, notes: [] } }
 */
export function parseKml(bytes: Uint8Array, fileName: string, opts: { maxBytes?: number } = {}): ParseResult {
  void fileName;
  const maxBytes = opts.maxBytes && opts.maxBytes > 0 ? opts.maxBytes : DEFAULT_MAX_BYTES;
  const isKmz = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  let xml = bytes;
  if (isKmz) {
    const inner = kmlFromKmz(bytes, maxBytes);
    if (!inner.ok) return inner;
    xml = inner.bytes;
  }
  const text = decode(xml);
  if (!text.ok) return text;
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text.text, 'text/xml');
  } catch (e) {
    const loc = (e instanceof ParseError ? e.locator : undefined) as { lineNumber?: number; columnNumber?: number } | undefined;
    const detail = String((e as Error)?.message ?? e).slice(0, 160);
    // xmldom says "missing root element" (at line 0) for text with no element at all.
    if (!loc?.lineNumber) return fail('kml_not_xml', { detail });
    return fail('kml_bad_xml', { line: loc.lineNumber, column: loc.columnNumber ?? 1, detail });
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') return fail('kml_not_kml', { root: String(root?.nodeName ?? '—').slice(0, 40) });
  const placemarks = doc.getElementsByTagName('Placemark').length;
  if (placemarks === 0) return fail('kml_no_placemarks', {});

  const all = kml(doc).features;
  const features: RawSurvey['features'] = [];
  let empty = 0;
  // togeojson yields every placemark first, in document order, then ground overlays and network links.
  for (const f of all.slice(0, placemarks)) {
    const parts = flatten(f.geometry);
    if (parts.length === 0) empty++;
    const properties = textProps(f.properties ?? null);
    for (const geometry of parts) features.push({ type: 'Feature', properties: { ...properties }, geometry });
  }
  if (features.length === 0) return fail('kml_no_geometry', { placemarks });
  const notes: SurveyIssue[] = [];
  if (empty > 0) notes.push({ code: 'kml_skipped_placemarks', params: { count: empty } });
  if (all.length > placemarks) notes.push({ code: 'kml_skipped_overlays', params: { count: all.length - placemarks } });
  return { ok: true, survey: { format: isKmz ? 'kmz' : 'kml', features, crs: { kind: 'known', crs: 'EPSG:4326', from: 'format' }, notes } };
}

type Bytes = { ok: true; bytes: Uint8Array } | { ok: false; issue: SurveyIssue };

function kmlFromKmz(zip: Uint8Array, maxBytes: number): Bytes {
  const entries: { name: string; size: number }[] = [];
  try {
    // The filter declines every entry: this pass reads the directory only.
    unzipSync(zip, { filter: (f) => (entries.push({ name: f.name, size: f.originalSize }), false) });
  } catch (e) {
    return fail('survey_zip_corrupt', { detail: String((e as Error)?.message ?? e).slice(0, 120) });
  }
  const files = entries.filter((e) => !e.name.endsWith('/') && !/(^|\/)(__MACOSX\/|\._)/.test(e.name));
  const kmls = files.filter((e) => /\.kml$/i.test(e.name));
  const pick = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls.find((e) => !e.name.includes('/')) ?? kmls[0];
  if (!pick) return fail('kmz_no_kml', { entries: files.map((e) => e.name).join(', ').slice(0, 200) || '—' });
  // fflate never writes past the declared size, so checking it bounds a zip bomb.
  if (pick.size > maxBytes) return fail('zip_entry_too_large', { entry: pick.name, size_mb: mb(pick.size), limit_mb: mb(maxBytes) });
  let out: Uint8Array | undefined;
  try {
    let taken = false;
    out = unzipSync(zip, { filter: (f) => (f.name === pick.name && !taken ? (taken = true) : false) })[pick.name];
  } catch (e) {
    return fail('survey_zip_corrupt', { detail: String((e as Error)?.message ?? e).slice(0, 120) });
  }
  if (!out) return fail('survey_zip_corrupt', { detail: `cannot read ${pick.name}`.slice(0, 120) });
  return { ok: true, bytes: out };
}

type Text = { ok: true; text: string } | { ok: false; issue: SurveyIssue };

/** KML is UTF-8 by the standard; a BOM or the XML declaration may say otherwise (old exports say windows-1258). */
function decode(b: Uint8Array): Text {
  let label = 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) label = 'utf-16le';
  else if (b[0] === 0xfe && b[1] === 0xff) label = 'utf-16be';
  else {
    const head = String.fromCharCode(...b.subarray(0, 200));
    const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
    if (declared) label = declared;
  }
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(b) };
  } catch {
    return fail('kml_bad_encoding', { encoding: label });
  }
}

/** Polygons, lines and points of a geometry, collections and multi-geometries taken apart, 2D. */
function flatten(g: Geometry | null, depth = 0): Geometry[] {
  if (!g || depth > 32) return [];
  const xy = (p: Position): Position => [p[0] as number, p[1] as number];
  switch (g.type) {
    case 'Point':
      return [{ type: 'Point', coordinates: xy(g.coordinates) }];
    case 'LineString':
      return [{ type: 'LineString', coordinates: g.coordinates.map(xy) }];
    case 'Polygon':
      return [{ type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(xy)) }];
    case 'MultiPoint':
      return g.coordinates.map((c) => ({ type: 'Point', coordinates: xy(c) }));
    case 'MultiLineString':
      return g.coordinates.map((l) => ({ type: 'LineString', coordinates: l.map(xy) }));
    case 'MultiPolygon':
      return g.coordinates.map((p) => ({ type: 'Polygon', coordinates: p.map((r) => r.map(xy)) }));
    case 'GeometryCollection':
      return g.geometries.flatMap((m) => flatten(m, depth + 1));
  }
}

function textProps(p: Record<string, unknown> | null): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p ?? {})) {
    if (STYLE_KEY.test(k) || v === undefined) continue;
    // A description is {"@type": "html", value}; timespans are objects; the rest is text already.
    const value = (typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'value' in v ? String(v.value) : typeof v === 'object' ? JSON.stringify(v) : String(v)).normalize('NFC');
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function mb(b: number): number {
  return Math.round((b / 1048576) * 10) / 10;
}

function fail(code: string, params: Record<string, string | number>): { ok: false; issue: SurveyIssue } {
  return { ok: false, issue: { code, params } };
}
