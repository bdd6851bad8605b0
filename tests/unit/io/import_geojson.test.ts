import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportAreas, exportGeoJSON } from '../../../src/geo/io/export_geojson';
import { DEFAULT_MAX_BYTES, parseImport, type ImportCode, type ImportResult } from '../../../src/geo/io/import_geojson';
import { IMPORT_MESSAGES } from '../../../src/geo/io/import_messages';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const bad = (name: string) => new Uint8Array(readFileSync(resolve(root, 'tests/fixtures/bad-imports', name)));
const enc = (s: string) => new TextEncoder().encode(s);
const codeOf = (r: ImportResult) => (r.ok ? 'ok' : r.error.code);

/** Fills a message the way the app does, and checks no placeholder is left unfilled. */
function render(code: ImportCode, params: Record<string, string | number>, file: string): { vi: string; en: string } {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : k === 'file' ? file : m));
  const out = { vi: fill(IMPORT_MESSAGES[code].vi), en: fill(IMPORT_MESSAGES[code].en) };
  expect(out.vi, `unfilled placeholder in ${code}`).not.toMatch(/\{\w+\}/);
  expect(out.en, `unfilled placeholder in ${code}`).not.toMatch(/\{\w+\}/);
  return out;
}

describe('bad-imports corpus (tests/fixtures/bad-imports, see README.md)', () => {
  const table: [file: string, code: ImportCode | 'ok', params: Record<string, string | number>][] = [
    ['malformed-trailing-comma.geojson', 'bad_json', { line: 4, column: 1 }],
    ['truncated.geojson', 'bad_json', { line: 9, column: 2 }],
    ['wrong-root-type.geojson', 'not_geojson', { found: 'type "Topology"' }],
    ['array-root.json', 'not_geojson', { found: 'an array' }],
    ['string-coordinates.geojson', 'invalid_geojson', { feature: 1 }],
    ['properties-string.geojson', 'invalid_geojson', { feature: 1, trace: 'properties must be an object or null' }],
    ['unclosed-ring.geojson', 'unclosed_ring', { feature: 2, ring: 1 }],
    ['swapped-coordinates.geojson', 'swapped_coordinates', { feature: 1, x: 20.3, y: 106 }],
    ['projected-vn2000.geojson', 'projected_coordinates', { feature: 1, x: 588000, y: 2245000 }],
    ['empty.geojson', 'empty', {}],
    ['whitespace-only.geojson', 'empty', {}],
    ['empty-collection.geojson', 'no_features', {}],
    ['latin1.geojson', 'not_utf8', {}],
    ['boundary.kml', 'wrong_format', { format: 'KML' }],
    ['shapefile-only.zip', 'zip_no_geojson', { entries: 'ccn.shp, ccn.dbf, ccn.prj' }],
    ['corrupt.zip', 'zip_corrupt', {}],
    ['not-really.zip', 'zip_corrupt', { detail: 'not a ZIP archive' }],
    ['areas.zip', 'ok', {}],
    ['html-in-properties.geojson', 'ok', {}],
    ['bom-single-feature.geojson', 'ok', {}],
    ['bare-point.geojson', 'ok', {}],
    ['crs-declared.geojson', 'ok', {}],
    ['geometry-collection.geojson', 'ok', {}],
    ['utf16le-bom.geojson', 'ok', {}],
  ];
  for (const [file, code, params] of table) {
    it(`${file} → ${code}`, () => {
      const bytes = bad(file);
      const before = bytes.slice();
      const r = parseImport(bytes, file);
      expect(codeOf(r), JSON.stringify(r).slice(0, 300)).toBe(code);
      expect(bytes).toEqual(before); // typed arrays cannot be frozen: check the input is untouched instead
      if (!r.ok) {
        expect(r.error.params).toMatchObject(params);
        render(r.error.code, r.error.params, file);
      }
    });
  }

  it('keeps HTML and script in property values as plain strings', () => {
    const r = parseImport(bad('html-in-properties.geojson'), 'x.geojson');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.fc.features[0]?.properties).toEqual({
      name: '<img src=x onerror=alert(1)>',
      notes: '<script>alert("x")</script>',
      link: 'javascript:alert(1)',
      formula: '=HYPERLINK("http://evil")',
      __proto__x: '{"polluted":true}',
    });
  });
  it('a __proto__ key stays an own data property and pollutes nothing', () => {
    const r = parseImport(enc('{"type":"Feature","properties":{"__proto__":{"polluted":1}},"geometry":{"type":"Point","coordinates":[106,20]}}'), 'p.geojson');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('takes the .geojson out of a zip (skipping __MACOSX) and sees polygons as areas', () => {
    const r = parseImport(bad('areas.zip'), 'areas.zip');
    expect(r.ok && r.kind).toBe('areas');
  });
  it('wraps a bare geometry into a FeatureCollection', () => {
    const r = parseImport(bad('bare-point.geojson'), 'p.geojson');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.fc).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.97, 20.25] } }] });
    expect(r.kind).toBe('features');
  });
  it('warns that a crs member is ignored', () => {
    const r = parseImport(bad('crs-declared.geojson'), 'c.geojson');
    expect(r.ok && r.warnings).toEqual([{ code: 'crs_ignored', params: { crs: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }]);
  });
  it('takes a GeometryCollection apart, nested ones too, each member with the feature\'s properties', () => {
    const r = parseImport(bad('geometry-collection.geojson'), 'gc.geojson');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.fc.features.map((f) => [f.geometry?.type, f.properties])).toEqual([['Polygon', { name: 'Vùng A' }]]);
    const nested = {
      type: 'Feature',
      id: 'x',
      properties: { name: 'Lô 1' },
      geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [106, 20] }, { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[106, 20], [106.1, 20]] }] }] },
    };
    const r2 = parseImport(enc(JSON.stringify(nested)), 'n.geojson');
    expect(r2.ok && r2.fc.features.map((f) => [f.geometry?.type, f.properties?.name, f.id])).toEqual([['Point', 'Lô 1', undefined], ['LineString', 'Lô 1', undefined]]);
  });
  it('names the collection\'s feature number when one of its members is broken', () => {
    const gc = (geometries: unknown[]) => ({ type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries } });
    const text = JSON.stringify({ type: 'FeatureCollection', features: [gc([{ type: 'Point', coordinates: [106, 20] }]), gc([{ type: 'Polygon', coordinates: [[[106, 20], [106.1, 20], [106.1, 20.1], [106, 20.1]]] }])] });
    expect(parseImport(enc(text), 'g.geojson')).toEqual({ ok: false, error: { code: 'unclosed_ring', params: { feature: 2, ring: 1 } } });
  });
  it('skips an empty GeometryCollection with a warning, refuses a file of only empty ones', () => {
    const empty = '{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}}';
    expect(parseImport(enc(empty), 'e.geojson')).toEqual({ ok: false, error: { code: 'unsupported_geometry', params: { types: 'GeometryCollection' } } });
  });
  it('reads UTF-16 LE and BE with a BOM (Windows "Unicode"), and UTF-8 with or without one', () => {
    const text = JSON.stringify({ type: 'Feature', properties: { name: 'Cụm Đồng Văn' }, geometry: { type: 'Point', coordinates: [106, 20] } });
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 2; i < le.length; i += 2) be.set([le[i + 1] as number, le[i] as number], i);
    for (const b of [le, be, enc(text), enc(`\uFEFF${text}`)]) {
      const r = parseImport(b, 'u.geojson');
      expect(r.ok && r.fc.features[0]?.properties).toEqual({ name: 'Cụm Đồng Văn' });
    }
    expect(codeOf(parseImport(bad('utf16le-bom.geojson'), 'u.geojson'))).toBe('ok');
  });
  it("keeps projected and swapped positions with coordinates: 'any' (the survey import picks the system)", () => {
    expect(codeOf(parseImport(bad('projected-vn2000.geojson'), 'p.geojson', { coordinates: 'any' }))).toBe('ok');
    expect(codeOf(parseImport(bad('swapped-coordinates.geojson'), 's.geojson', { coordinates: 'any' }))).toBe('ok');
    expect(codeOf(parseImport(bad('projected-vn2000.geojson'), 'p.geojson'))).toBe('projected_coordinates');
  });
  it('skips null geometries with a warning', () => {
    const text = exportGeoJSON([
      { type: 'Feature', properties: {}, geometry: null },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 20] } },
    ]);
    const r = parseImport(enc(text), 'n.geojson');
    expect(r.ok && r.warnings).toEqual([{ code: 'skipped_features', params: { count: 1, types: 'null' } }]);
    expect(r.ok && r.fc.features.length).toBe(1);
  });
});

describe('size and count limits', () => {
  it('refuses a file over maxBytes and states the limit', () => {
    const r = parseImport(enc('{"type":"FeatureCollection","features":[]}'), 'a.geojson', { maxBytes: 10 });
    expect(r).toEqual({ ok: false, error: { code: 'too_large', params: { size_mb: 0, limit_mb: 0, bytes: 42, limit_bytes: 10 } } });
  });
  it('refuses a real 60 MB file under the default 50 MB limit, quickly', () => {
    const big = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    const t0 = performance.now();
    const r = parseImport(big, 'big.geojson');
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r).toEqual({ ok: false, error: { code: 'too_large', params: { size_mb: 60, limit_mb: 50, bytes: big.length, limit_bytes: DEFAULT_MAX_BYTES } } });
  });
  it('applies the limit to the unzipped size (zip bomb)', () => {
    const bomb = zipSync({ 'bomb.geojson': new Uint8Array(2_000_000).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    const r = parseImport(bomb, 'bomb.zip', { maxBytes: 1_000_000 });
    expect(!r.ok && r.error.code).toBe('too_large');
    expect(!r.ok && r.error.params.bytes).toBe(2_000_000);
  });
  it('a zip whose header under-states the size cannot inflate past it', () => {
    const z = zipSync({ 'a.geojson': new Uint8Array(2_000_000).fill(0x20) }, { level: 9 });
    for (let i = 0; i + 4 < z.length; i++) {
      if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) z.set([100, 0, 0, 0], i + 24);
    }
    const r = parseImport(z, 'lie.zip', { maxBytes: 1_000_000 });
    expect(r.ok).toBe(false);
    expect(['empty', 'zip_corrupt', 'too_large']).toContain(!r.ok && r.error.code);
  });
  it('refuses too many features', () => {
    const f = '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[106,20]}}';
    const r = parseImport(enc(`{"type":"FeatureCollection","features":[${Array(5).fill(f).join(',')}]}`), 'm.geojson', { maxFeatures: 4 });
    expect(r).toEqual({ ok: false, error: { code: 'too_many_features', params: { count: 5, limit: 4 } } });
  });
});

describe('kind', () => {
  const sq = (props: Record<string, unknown> = {}): Feature => ({
    type: 'Feature',
    properties: props,
    geometry: { type: 'Polygon', coordinates: [[[106, 20], [106.1, 20], [106.1, 20.1], [106, 20]]] },
  });
  const kind = (fs: Feature[]) => {
    const r = parseImport(enc(exportGeoJSON(fs)), 'k.geojson');
    return r.ok ? r.kind : r.error.code;
  };
  it('few plain polygons are areas', () => expect(kind([sq(), sq({ name: 'Vùng 2' })])).toBe('areas'));
  it('50 polygons are areas, 51 are features', () => {
    expect(kind(Array.from({ length: 50 }, () => sq()))).toBe('areas');
    expect(kind(Array.from({ length: 51 }, () => sq()))).toBe('features');
  });
  it('cluster-like polygons are features', () => expect(kind([sq({ id: 'x', status: 'operating' })])).toBe('features'));
  it('a point among polygons makes features', () =>
    expect(kind([sq(), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 20] } }])).toBe('features'));
});

describe('export → import round trip', () => {
  const clusters = deepFreeze(JSON.parse(readFileSync(resolve(root, 'geodata/clusters.geojson'), 'utf8')) as FeatureCollection);
  it('gives back the same features and properties (after 6-decimal rounding and rewinding)', () => {
    const text = exportGeoJSON(clusters.features, { title: 'round trip' });
    const r = parseImport(enc(text), 'cum-cong-nghiep_chon.geojson');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.kind).toBe('features');
    expect(r.warnings).toEqual([]);
    expect(r.fc.features).toEqual(JSON.parse(text).features);
    expect(r.fc.features.map((f) => f.properties)).toEqual(clusters.features.map((f) => f.properties));
    const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
    clusters.features.forEach((f, i) => {
      const g = r.fc.features[i]?.geometry as { type: string; coordinates: unknown };
      expect(g.type).toBe(f.geometry?.type);
      if (g.type === 'Point') expect(g.coordinates).toEqual(round((f.geometry as { coordinates: unknown }).coordinates));
    });
  });
  it('gives back drawn areas as areas', () => {
    const areas = deepFreeze([{ type: 'Polygon' as const, coordinates: [[[106, 20], [106, 20.1], [106.1, 20.1], [106, 20]]] }]);
    const r = parseImport(enc(exportAreas(areas)), 'vung-chon.geojson');
    expect(r.ok && r.kind).toBe('areas');
    expect(r.ok && r.fc.features[0]?.geometry).toEqual({ type: 'Polygon', coordinates: [[[106, 20], [106.1, 20.1], [106, 20.1], [106, 20]]] });
  });
  it('reads the export from inside a zip too', () => {
    const text = exportGeoJSON(clusters.features.slice(0, 3));
    const r = parseImport(zipSync({ 'docs/readme.txt': strToU8('hi'), 'x/ccn.geojson': strToU8(text) }), 'ccn.zip');
    expect(r.ok && r.fc.features.length).toBe(3);
  });
});

describe('IMPORT_MESSAGES', () => {
  it('has a Vietnamese and an English sentence for every code', () => {
    for (const [code, m] of Object.entries(IMPORT_MESSAGES)) {
      expect(m.vi.length, code).toBeGreaterThan(20);
      expect(m.en.length, code).toBeGreaterThan(20);
      expect(m.vi).not.toBe(m.en);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      // The validator's trace is English text: only the English message quotes it.
      expect(ph(m.vi), code).toEqual(ph(m.en).filter((p) => p !== 'trace'));
      expect(m.vi, code).not.toContain('{trace}');
    }
  });
  it('names projected coordinates as metres and asks for WGS 84 lon/lat', () => {
    expect(IMPORT_MESSAGES.projected_coordinates.en).toMatch(/projected coordinates \(metres\?.*Export as WGS 84 lon\/lat/);
  });
});
