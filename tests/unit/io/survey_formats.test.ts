import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { selfIntersections } from '../../../src/geo/io/survey/check_rings';
import { decodeDbfText } from '../../../src/geo/io/survey/parse_shapefile';
import { parseSurvey } from '../../../src/geo/io/survey/parse_survey';
import { SURVEY_MESSAGES } from '../../../src/geo/io/survey/survey_messages';
import type { ParseResult, RawSurvey } from '../../../src/geo/io/survey/types';

const root = resolve(__dirname, '../../..');
const fixture = (p: string) => new Uint8Array(readFileSync(resolve(root, 'tests/fixtures', p)));
const json = (p: string) => JSON.parse(readFileSync(resolve(root, 'tests/fixtures', p), 'utf8')) as FeatureCollection<Polygon>;
const SOURCE = json('survey/formats/source_vn2000_tm3_105.geojson');
const SOURCE_WGS84 = json('survey/formats/source_wgs84.geojson');
const enc = (s: string) => new TextEncoder().encode(s);

function survey(r: ParseResult): RawSurvey {
  if (!r.ok) throw new Error(JSON.stringify(r.issue));
  return r.survey;
}

/**
 * Whether two closed rings have the same vertices in the same cyclic order, either way round
 * (Shapefile writes outer rings clockwise, GeoJSON counter-clockwise), each within `tol`.
 */
function sameRing(a: Position[], b: Position[], tol: number): boolean {
  const open = (r: Position[]) => r.slice(0, -1);
  const [p, q] = [open(a), open(b)];
  if (p.length !== q.length) return false;
  const near = (u: Position, v: Position) => Math.abs((u[0] as number) - (v[0] as number)) <= tol && Math.abs((u[1] as number) - (v[1] as number)) <= tol;
  for (const r of [q, [...q].reverse()]) {
    for (let s = 0; s < r.length; s++) if (p.every((v, i) => near(v, r[(i + s) % r.length] as Position))) return true;
  }
  return false;
}

function expectSamePolygons(got: RawSurvey['features'], want: Feature<Polygon>[], tol: number) {
  expect(got.map((f) => f.geometry.type)).toEqual(want.map(() => 'Polygon'));
  got.forEach((f, i) => {
    const g = f.geometry as Polygon;
    const w = (want[i] as Feature<Polygon>).geometry;
    expect(g.coordinates.length, `feature ${i + 1} rings`).toBe(w.coordinates.length);
    expect(sameRing(g.coordinates[0] as Position[], w.coordinates[0] as Position[], tol), `feature ${i + 1}: ${JSON.stringify(g.coordinates[0])}`).toBe(true);
  });
}

/** Fills a message as the app does, and checks every placeholder but {file} is filled. */
function render(code: string, params: Record<string, string | number>): { vi: string; en: string } {
  const m = SURVEY_MESSAGES[code];
  if (!m) throw new Error(`no message for ${code}`);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (x, k: string) => (k in params ? String(params[k]) : k === 'file' ? 'f' : x));
  const out = { vi: fill(m.vi), en: fill(m.en) };
  expect(out.vi, code).not.toMatch(/\{\w+\}/);
  expect(out.en, code).not.toMatch(/\{\w+\}/);
  return out;
}

describe('the same polygons in every format (tests/fixtures/survey/formats, see README.md)', () => {
  it('Shapefile with .prj: every vertex within 1e-6 m, the attributes, and the .prj text as the hint', () => {
    const bytes = fixture('survey/formats/ranh_gioi_shp.zip');
    const s = survey(parseSurvey(bytes, 'ranh_gioi_shp.zip'));
    expect(s.format).toBe('shapefile');
    expectSamePolygons(s.features, SOURCE.features, 1e-6);
    expect(s.features.map((f) => f.properties)).toEqual(SOURCE.features.map((f) => f.properties));
    const prj = new TextDecoder().decode(unzipSync(bytes)['ranh_gioi.prj']);
    expect(s.crs).toEqual({ kind: 'wkt', wkt: prj.trim() });
    expect(prj).toMatch(/^PROJCS\["VN_2000_TM-3_zone_482"/);
    expect(s.notes).toEqual([]);
  });
  it('Shapefile without .prj: the same, with an unknown coordinate system', () => {
    const s = survey(parseSurvey(fixture('survey/formats/ranh_gioi_shp_no_prj.zip'), 'ranh_gioi.zip'));
    expectSamePolygons(s.features, SOURCE.features, 1e-6);
    expect(s.features.map((f) => f.properties)).toEqual(SOURCE.features.map((f) => f.properties));
    expect(s.crs).toEqual({ kind: 'unknown' });
  });
  for (const [file, entity] of [['ranh_gioi.dxf', 'LWPOLYLINE'], ['ranh_gioi_hatch.dxf', 'HATCH']] as const) {
    it(`DXF of ${entity}s: every vertex within 1e-6 m, layer names and handles kept, no coordinate system`, () => {
      const s = survey(parseSurvey(fixture(`survey/formats/${file}`), file));
      expect(s.format).toBe('dxf');
      expectSamePolygons(s.features, SOURCE.features, 1e-6);
      expect(s.features.map((f) => f.properties.layer)).toEqual(['RANH_GIOI_CCN', 'Ranh giới đất']);
      expect(s.features.map((f) => f.properties.entity)).toEqual([entity, entity]);
      expect(s.features.map((f) => f.properties.handle)).toEqual(['20000', '20001']);
      expect(s.crs).toEqual({ kind: 'unknown' });
    });
  }
  for (const file of ['ranh_gioi.kml', 'ranh_gioi.kmz']) {
    it(`${file}: every vertex within 1e-6° of the WGS 84 source, names and ExtendedData as text`, () => {
      const s = survey(parseSurvey(fixture(`survey/formats/${file}`), file));
      expect(s.format).toBe(file.endsWith('z') ? 'kmz' : 'kml');
      expectSamePolygons(s.features, SOURCE_WGS84.features, 1e-6);
      expect(s.features.map((f) => f.properties)).toEqual(
        SOURCE_WGS84.features.map(({ properties: p }) => ({ name: p?.ten, ma: p?.ma, dien_tich: String(p?.dien_tich), ghi_chu: p?.ghi_chu, Layer: p?.Layer })),
      );
      expect(s.crs).toEqual({ kind: 'known', crs: 'EPSG:4326', from: 'format' });
    });
  }
  it('GeoJSON: VN-2000 metres kept with an unknown system, WGS 84 known from the format', () => {
    const m = survey(parseSurvey(fixture('survey/formats/source_vn2000_tm3_105.geojson'), 'a.geojson'));
    expectSamePolygons(m.features, SOURCE.features, 0);
    expect(m.crs).toEqual({ kind: 'unknown' });
    const d = survey(parseSurvey(fixture('survey/formats/source_wgs84.geojson'), 'b.geojson'));
    expect(d.crs).toEqual({ kind: 'known', crs: 'EPSG:4326', from: 'format' });
  });
});

describe('bad-input corpus (tests/fixtures/bad-imports, "Survey import" table of its README.md)', () => {
  const table: [file: string, code: string, params: Record<string, string | number>][] = [
    ['shp-truncated.zip', 'shp_truncated', { layer: 'ranh_gioi', record: 2, bytes: 300, expected: 404 }],
    ['shp-dbf-count.zip', 'shp_dbf_count', { layer: 'ranh_gioi', shp: 2, dbf: 1 }],
    ['shp-only.zip', 'shp_incomplete', { layer: 'ranh_gioi', missing: '.shx, .dbf' }],
    ['shapefile-only.zip', 'shp_incomplete', { layer: 'ccn', missing: '.shx' }],
    ['dxf-no-closed.dxf', 'dxf_no_closed', { found: 'LINE ×2, ARC ×1, LWPOLYLINE ×1, TEXT ×1', total: 5 }],
    ['kmz-no-kml.kmz', 'kmz_no_kml', { entries: 'files/anh_hien_trang.jpg, doc.txt' }],
    ['bow-tie.geojson', 'ring_self_intersection', { feature: 2, x: 106.01, y: 20.31, count: 1 }],
    ['boundary.kml', 'kml_no_geometry', { placemarks: 1 }],
    ['truncated.geojson', 'geojson_bad_json', { line: 9, column: 2 }],
    ['latin1.geojson', 'geojson_not_utf8', {}],
    ['not-really.zip', 'survey_zip_corrupt', { detail: 'not a ZIP archive' }],
  ];
  for (const [file, code, params] of table) {
    it(`${file} → ${code}`, () => {
      const r = parseSurvey(fixture(`bad-imports/${file}`), file);
      expect(r.ok ? 'ok' : r.issue.code, JSON.stringify(r).slice(0, 300)).toBe(code);
      if (!r.ok) {
        expect(r.issue.params).toMatchObject(params);
        render(r.issue.code, r.issue.params);
      }
    });
  }
  it('utf16le-bom.geojson and geometry-collection.geojson are accepted now', () => {
    expect(survey(parseSurvey(fixture('bad-imports/utf16le-bom.geojson'), 'u.geojson')).features[0]?.properties.name).toBe('Cụm công nghiệp Đồng Văn');
    expect(survey(parseSurvey(fixture('bad-imports/geometry-collection.geojson'), 'g.geojson')).features.map((f) => f.geometry.type)).toEqual(['Polygon']);
  });
  it('tcvn3-dbf.zip: TCVN3 (ABC) text without a .cpg is converted to Unicode, with a note naming the code page and the fields', () => {
    const s = survey(parseSurvey(fixture('bad-imports/tcvn3-dbf.zip'), 'tcvn3.zip'));
    expect(s.features.map((f) => f.properties)).toEqual(SOURCE.features.map((f) => f.properties));
    expect(s.notes).toEqual([{ code: 'dbf_vietnamese_codepage', params: { layer: 'tcvn3', codepage: 'TCVN3 (ABC)', fields: 'ten, ghi_chu, Layer' } }]);
    expect(render('dbf_vietnamese_codepage', s.notes[0]?.params ?? {}).en).toContain('The fields ten, ghi_chu, Layer of tcvn3.dbf (f) are written in the TCVN3 (ABC) code page');
  });
});

/** A dBase III table of text fields, each cell given as bytes (padded with spaces). */
function dbf(fields: [string, number][], rows: Uint8Array[][]): Uint8Array {
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((s, [, n]) => s + n, 0);
  const out = new Uint8Array(headerLen + rows.length * recLen + 1).fill(0x20);
  const v = new DataView(out.buffer);
  out.fill(0, 0, headerLen);
  out.set([0x03, 125, 7, 1]);
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recLen, true);
  fields.forEach(([name, len], i) => {
    out.set(strToU8(name), 32 + 32 * i);
    out[32 + 32 * i + 11] = 0x43; // 'C'
    out[32 + 32 * i + 16] = len;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLen + r * recLen + 1;
    row.forEach((cell, i) => {
      out.set(cell, at);
      at += (fields[i] as [string, number])[1];
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}
const shpParts = unzipSync(fixture('survey/formats/ranh_gioi_shp.zip'));
const withDbf = (table: Uint8Array, cpg?: string) =>
  zipSync({ 'a.shp': shpParts['ranh_gioi.shp'] as Uint8Array, 'a.shx': shpParts['ranh_gioi.shx'] as Uint8Array, 'a.dbf': table, ...(cpg ? { 'a.cpg': strToU8(cpg) } : {}) });
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('.dbf code pages', () => {
  // "Cụm Đồng Văn", "Khánh Phú" in VNI Windows: base letters, then mark bytes (xvnkb's vni.h layout).
  const VNI = [ascii('Cu\xefm \xd1o\xe0ng Va\xean'), ascii('Kha\xf9nh Phu\xf9')];
  // The same in Windows-1258: ô + combining grave (0xCC), ă = 0xE3, á = a + combining acute (0xEC).
  const CP1258 = [ascii('Cu\xf2m \xd0\xf4\xccng V\xe3n'), ascii('Kha\xecnh Phu\xec')];
  const names = (r: ParseResult) => survey(r).features.map((f) => f.properties.ten);
  it('VNI text is converted, and the note names VNI and the field', () => {
    const r = parseSurvey(withDbf(dbf([['ten', 40]], VNI.map((c) => [c]))), 'vni.zip');
    expect(names(r)).toEqual(['Cụm Đồng Văn', 'Khánh Phú']);
    expect(survey(r).notes).toEqual([{ code: 'dbf_vietnamese_codepage', params: { layer: 'a', codepage: 'VNI Windows', fields: 'ten' } }]);
  });
  it('Windows-1258 (combining tones) is read when the .cpg says 1258 (no note) or detected without one (note)', () => {
    const table = dbf([['ten', 40]], CP1258.map((c) => [c]));
    const named = parseSurvey(withDbf(table, 'ANSI 1258'), 'a.zip');
    expect(names(named)).toEqual(['Cụm Đồng Văn', 'Khánh Phú']);
    expect(survey(named).notes).toEqual([]);
    const found = parseSurvey(withDbf(table), 'a.zip');
    expect(names(found)).toEqual(['Cụm Đồng Văn', 'Khánh Phú']);
    expect(survey(found).notes[0]?.params.codepage).toBe('Windows-1258');
  });
  it('TCVN3 wins over a .cpg naming Windows-1252 when the bytes are TCVN3', () => {
    const tcvn3 = [Uint8Array.of(0x43, 0xf4, 0x6d, 0x20, 0xa7, 0xe5, 0x6e, 0x67, 0x20, 0x56, 0xa8, 0x6e), ascii('Kh\xb8nh Ph\xf3')];
    const r = parseSurvey(withDbf(dbf([['ten', 40]], tcvn3.map((c) => [c])), '1252'), 'a.zip');
    expect(names(r)).toEqual(['Cụm Đồng Văn', 'Khánh Phú']);
    expect(survey(r).notes[0]).toMatchObject({ code: 'dbf_vietnamese_codepage', params: { codepage: 'TCVN3 (ABC)' } });
  });
  it('UTF-8 is read as such, with or without a .cpg', () => {
    const utf8 = [strToU8('Cụm Đồng Văn'), strToU8('Khánh Phú')];
    for (const cpg of ['UTF-8', undefined]) {
      const r = parseSurvey(withDbf(dbf([['ten', 40]], utf8.map((c) => [c])), cpg), 'a.zip');
      expect(names(r)).toEqual(['Cụm Đồng Văn', 'Khánh Phú']);
      expect(survey(r).notes).toEqual([]);
    }
  });
  it('text in no code page it can recognise is read as Windows-1252 and the planner is told which fields', () => {
    const r = parseSurvey(withDbf(dbf([['ten', 20], ['chu', 10]], [[ascii('M\xfcller \xd7\xd7'), ascii('ok')], [ascii('\xa9\xae\xbf'), ascii('ok')]])), 'a.zip');
    expect(names(r)).toEqual(['Müller ××', '©®¿']);
    expect(survey(r).notes).toEqual([{ code: 'dbf_codepage_unknown', params: { layer: 'a', codepage: 'Windows-1252', fields: 'ten' } }]);
  });
  it('decodeDbfText reads TCVN3 combining tone bytes (0xB0–0xB4) into precomposed letters', () => {
    expect(decodeDbfText(Uint8Array.of(0xa7, 0xe5, 0x6e, 0x67), 'TCVN3')).toBe('Đồng');
    expect(decodeDbfText(Uint8Array.of(0x61, 0xb3), 'TCVN3')).toBe('á');
  });
});

describe('Shapefile records', () => {
  it('a bare .shp is refused with the advice to zip its parts', () => {
    const r = parseSurvey(shpParts['ranh_gioi.shp'] as Uint8Array, 'ranh_gioi.shp');
    expect(!r.ok && r.issue).toEqual({ code: 'shp_not_zipped', params: { ext: '.shp' } });
  });
  it('a null shape and a deleted row are skipped, each with a note', () => {
    const shp = (shpParts['ranh_gioi.shp'] as Uint8Array).slice();
    // Record 1 is bytes 100–267 (8-byte header, 160 bytes of a 7-point polygon); record 2's shape type is at 276.
    new DataView(shp.buffer).setInt32(276, 0, true);
    const table = (shpParts['ranh_gioi.dbf'] as Uint8Array).slice();
    table[new DataView(table.buffer).getUint16(8, true)] = 0x2a; // row 1 marked deleted
    const r = parseSurvey(zipSync({ 'a.shp': shp, 'a.shx': shpParts['ranh_gioi.shx'] as Uint8Array, 'a.dbf': table }), 'a.zip');
    expect(!r.ok && r.issue).toEqual({ code: 'shp_no_features', params: { layer: 'a' } });
    const onlyNull = parseSurvey(zipSync({ 'a.shp': shp, 'a.shx': shpParts['ranh_gioi.shx'] as Uint8Array, 'a.dbf': shpParts['ranh_gioi.dbf'] as Uint8Array }), 'a.zip');
    expect(survey(onlyNull).features.length).toBe(1);
    expect(survey(onlyNull).notes).toEqual([{ code: 'shp_null_shapes', params: { layer: 'a', count: 1 } }]);
  });
  it('a record whose point count runs past its length is refused by number', () => {
    const shp = (shpParts['ranh_gioi.shp'] as Uint8Array).slice();
    new DataView(shp.buffer).setInt32(276 + 40, 9999, true); // record 2's point count (after type, bbox, part count)
    const r = parseSurvey(zipSync({ 'a.shp': shp, 'a.shx': shpParts['ranh_gioi.shx'] as Uint8Array, 'a.dbf': shpParts['ranh_gioi.dbf'] as Uint8Array }), 'a.zip');
    expect(!r.ok && r.issue).toEqual({ code: 'shp_bad_record', params: { layer: 'a', record: 2 } });
  });
  it('a second layer with another .prj is skipped with a note; one with the same .prj is read', () => {
    const p = shpParts;
    const layer = (n: string, prj: string) => ({ [`${n}.shp`]: p['ranh_gioi.shp'] as Uint8Array, [`${n}.shx`]: p['ranh_gioi.shx'] as Uint8Array, [`${n}.dbf`]: p['ranh_gioi.dbf'] as Uint8Array, [`${n}.prj`]: strToU8(prj) });
    const same = survey(parseSurvey(zipSync({ ...layer('a', 'X'), ...layer('b', 'X') }), 'ab.zip'));
    expect(same.features.length).toBe(4);
    const other = survey(parseSurvey(zipSync({ ...layer('a', 'X'), ...layer('b', 'Y') }), 'ab.zip'));
    expect(other.features.length).toBe(2);
    expect(other.notes).toEqual([{ code: 'shp_layers_skipped', params: { layers: 'b', layer: 'a' } }]);
  });
});

/** A DXF of ENTITIES only (enough for AutoCAD and for the reader), from [code, value] pairs. */
const dxfOf = (...entities: (string | number)[][]) => enc(['0', 'SECTION', '2', 'ENTITIES', ...entities.flat().map(String), '0', 'ENDSEC', '0', 'EOF'].join('\n'));
const lw = (layer: string, flag: number, pts: number[][], extra: (string | number)[] = []) => ['0', 'LWPOLYLINE', '5', 'A1', '8', layer, ...extra, '90', pts.length, '70', flag, ...pts.flatMap((p) => ['10', p[0], '20', p[1], ...(p[2] ? ['42', p[2]] : [])])];

describe('DXF entities', () => {
  it('a LWPOLYLINE closed by flag 1 (no repeated vertex) is a polygon; an open one is dropped and counted', () => {
    const s = survey(parseSurvey(dxfOf(lw('A', 1, [[0, 0], [100, 0], [100, 100], [0, 100]]), lw('B', 0, [[0, 0], [5, 5], [9, 0]])), 'a.dxf'));
    expect(s.features.map((f) => [f.properties.layer, (f.geometry as Polygon).coordinates[0]])).toEqual([['A', [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]]]);
    expect(s.notes).toEqual([{ code: 'dxf_dropped', params: { found: 'LWPOLYLINE ×1', total: 1 } }]);
  });
  it('a bulge becomes chords on its arc (a semicircle: 8 chords), with a note', () => {
    const s = survey(parseSurvey(dxfOf(lw('A', 1, [[0, 0], [10, 0, 1], [10, 10], [0, 10]])), 'a.dxf'));
    const ring = (s.features[0]?.geometry as Polygon).coordinates[0] as Position[];
    const arc = ring.slice(1, 10);
    expect(arc.length).toBe(9);
    for (const [x, y] of arc) expect(Math.hypot((x as number) - 10, (y as number) - 5)).toBeCloseTo(5, 9);
    expect(Math.max(...arc.map((p) => p[0] as number))).toBeCloseTo(15, 9);
    expect(s.notes).toEqual([{ code: 'dxf_bulges', params: { count: 1 } }]);
  });
  it('an old-style POLYLINE with VERTEX and SEQEND, closed by flag 1, is a polygon', () => {
    const v = (x: number, y: number) => ['0', 'VERTEX', '8', 'P', '10', x, '20', y];
    const s = survey(parseSurvey(dxfOf(['0', 'POLYLINE', '8', 'P', '66', 1, '70', 1], v(0, 0), v(5, 0), v(5, 5), ['0', 'SEQEND']), 'p.dxf'));
    expect((s.features[0]?.geometry as Polygon).coordinates[0]).toEqual([[0, 0], [5, 0], [5, 5], [0, 0]]);
  });
  it('a HATCH of line edges with an island is a polygon with a hole; a lone TEXT inside becomes its label', () => {
    const edges = (pts: number[][]) => ['93', pts.length, ...pts.flatMap((p, i) => ['72', 1, '10', p[0], '20', p[1], '11', (pts[(i + 1) % pts.length] as number[])[0], '21', (pts[(i + 1) % pts.length] as number[])[1]]), '97', 0];
    const hatch = ['0', 'HATCH', '5', 'H1', '8', 'THUA', '100', 'AcDbHatch', '10', 0, '20', 0, '30', 0, '2', 'SOLID', '70', 1, '71', 0, '91', 2,
      '92', 1, ...edges([[0, 0], [50, 0], [50, 50], [0, 50]]), '92', 16, ...edges([[10, 10], [20, 10], [20, 20], [10, 20]]), '75', 0, '76', 1, '98', 0];
    const text = ['0', 'TEXT', '8', 'CHU', '10', 30, '20', 30, '40', 2, '1', 'Lô \\U+0110'];
    const s = survey(parseSurvey(dxfOf(hatch, text), 'h.dxf'));
    expect(s.features.length).toBe(1);
    expect((s.features[0]?.geometry as Polygon).coordinates).toEqual([[[0, 0], [50, 0], [50, 50], [0, 50], [0, 0]], [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]]);
    expect(s.features[0]?.properties).toEqual({ layer: 'THUA', handle: 'H1', entity: 'HATCH', label: 'Lô Đ' });
    expect(s.notes).toEqual([{ code: 'dxf_dropped', params: { found: 'TEXT ×1', total: 1 } }]);
  });
  it('a HATCH arc edge is approximated on its circle', () => {
    const hatch = ['0', 'HATCH', '8', 'H', '100', 'AcDbHatch', '2', 'SOLID', '70', 1, '71', 0, '91', 1, '92', 1, '93', 2,
      '72', 1, '10', -10, '20', 0, '11', 10, '21', 0, '72', 2, '10', 0, '20', 0, '40', 10, '50', 0, '51', 180, '73', 1, '97', 0];
    const ring = (survey(parseSurvey(dxfOf(hatch), 'h.dxf')).features[0]?.geometry as Polygon).coordinates[0] as Position[];
    expect(ring.length).toBe(10); // start of the line, 8 chord starts of the half circle, closing vertex
    for (const [x, y] of ring.slice(1, -1)) expect(Math.hypot(x as number, y as number)).toBeCloseTo(10, 9);
  });
  it('paper-space entities (frames, title blocks) are left out with a note', () => {
    const s = survey(parseSurvey(dxfOf(lw('A', 1, [[0, 0], [1, 0], [1, 1]]), lw('KHUNG', 1, [[0, 0], [420, 0], [420, 297], [0, 297]], ['67', 1])), 'a.dxf'));
    expect(s.features.map((f) => f.properties.layer)).toEqual(['A']);
    expect(s.notes).toEqual([{ code: 'dxf_paper_space', params: { count: 1 } }]);
  });
  it('a bow-tie drawn as a closed polyline is refused with the crossing point in drawing units', () => {
    const r = parseSurvey(dxfOf(lw('A', 1, [[601000, 2240000], [601100, 2240100], [601100, 2240000], [601000, 2240100]])), 'a.dxf');
    expect(!r.ok && r.issue).toEqual({ code: 'ring_self_intersection', params: { feature: 1, x: 601050, y: 2240050, count: 1 } });
  });
  it('the two inputs that make dxf-parser 1.1.2 loop forever are refused at once, with their line', () => {
    // An unknown group right after a LWPOLYLINE vertex's X, and a VERTEX run ended by another entity (checked hanging with node).
    const lwUnknown = dxfOf(['0', 'LWPOLYLINE', '8', 'A', '90', 2, '10', 0, '999', 'x', '20', 0, '10', 1, '20', 1]);
    expect(parseSurvey(lwUnknown, 'a.dxf')).toEqual({ ok: false, issue: { code: 'dxf_unreadable', params: { line: 13 } } }); // the 999 where 20 should be
    const vertexRun = dxfOf(['0', 'POLYLINE', '8', 'A', '70', 1, '0', 'VERTEX', '10', 0, '20', 0, '0', 'LINE', '10', 0, '20', 0, '11', 1, '21', 1]);
    expect(parseSurvey(vertexRun, 'a.dxf')).toMatchObject({ ok: false, issue: { code: 'dxf_unreadable' } });
  });
  it('damage is refused with its line: a code that is no number, a bad value, a POLYLINE without SEQEND, a cut-off file', () => {
    const lines = ['0', 'SECTION', '2', 'ENTITIES', '0', 'LWPOLYLINE', '8', 'A', 'x9', '3'];
    expect(parseSurvey(enc(lines.join('\n')), 'a.dxf')).toEqual({ ok: false, issue: { code: 'dxf_unreadable', params: { line: 9 } } });
    expect(parseSurvey(dxfOf(lw('A', 1, [[0, 0], [1, 0], [1, 1]]).map((x) => (x === 1 ? 'one' : x))), 'a.dxf')).toMatchObject({ ok: false, issue: { code: 'dxf_unreadable' } });
    const noSeqend = dxfOf(['0', 'POLYLINE', '8', 'P', '70', 1, '0', 'VERTEX', '10', 0, '20', 0, '0', 'LINE', '10', 0, '20', 0, '11', 1, '21', 1]);
    expect(parseSurvey(noSeqend, 'a.dxf')).toEqual({ ok: false, issue: { code: 'dxf_unreadable', params: { line: 18 } } }); // the LINE that ends the VERTEX run
    expect(parseSurvey(enc(lines.slice(0, 7).join('\n')), 'a.dxf')).toEqual({ ok: false, issue: { code: 'dxf_truncated', params: { line: 7 } } });
    expect(parseSurvey(enc('AutoCAD Binary DXF\r\n\x1a\0'), 'a.dxf')).toEqual({ ok: false, issue: { code: 'dxf_binary', params: {} } });
    expect(parseSurvey(enc('AC1032\0\0\0'), 'a.dwg')).toEqual({ ok: false, issue: { code: 'dwg_not_supported', params: {} } });
  });
});

describe('KML', () => {
  const kml = (body: string) => enc(`<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n${body}\n</Document></kml>`);
  it('a MultiGeometry is split into its polygon, point and line, each with the placemark\'s name and data', () => {
    const s = survey(parseSurvey(kml(`<Placemark><name>Lô A</name><ExtendedData><Data name="so_thua"><value>12</value></Data></ExtendedData><MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>106,20,0 106.1,20,0 106.1,20.1,0 106,20,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Point><coordinates>106.05,20.05,0</coordinates></Point><LineString><coordinates>106,20 106.1,20.1</coordinates></LineString></MultiGeometry></Placemark>
      <Placemark><name>trống</name></Placemark>`), 'a.kml'));
    expect(s.features.map((f) => [f.geometry.type, f.properties])).toEqual([
      ['Polygon', { name: 'Lô A', so_thua: '12' }],
      ['Point', { name: 'Lô A', so_thua: '12' }],
      ['LineString', { name: 'Lô A', so_thua: '12' }],
    ]);
    expect((s.features[1]?.geometry as { coordinates: number[] }).coordinates).toEqual([106.05, 20.05]);
    expect(s.notes).toEqual([{ code: 'kml_skipped_placemarks', params: { count: 1 } }]);
  });
  it('XML that is not well-formed is refused with its line and column; a KML without placemarks too', () => {
    const r = parseSurvey(kml('<Placemark><name>A</name>\n<Point><coordinates>1,2</Point></Placemark>'), 'a.kml');
    expect(!r.ok && r.issue.code).toBe('kml_bad_xml');
    expect(!r.ok && r.issue.params).toMatchObject({ line: 4 });
    expect(!r.ok && r.issue.params.column).toBeGreaterThan(0);
    expect(parseSurvey(kml('<Folder/>'), 'a.kml')).toEqual({ ok: false, issue: { code: 'kml_no_placemarks', params: {} } });
  });
  it('a KMZ reads its doc.kml, whatever else it holds', () => {
    const doc = unzipSync(fixture('survey/formats/ranh_gioi.kmz'))['doc.kml'] as Uint8Array;
    const s = survey(parseSurvey(zipSync({ 'files/a.png': Uint8Array.of(1), 'other.kml': kml(''), 'doc.kml': doc }), 'x.kmz'));
    expect(s.features.length).toBe(2);
  });
});

describe('GeoJSON as a survey', () => {
  it('a crs member naming VN-2000 / UTM 48N (EPSG:3405) is the hint; CRS84 with degrees is WGS 84', () => {
    const fc = (crs: string, c: number[]) => enc(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: crs } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }] }));
    expect(survey(parseSurvey(fc('urn:ogc:def:crs:EPSG::3405', [588000, 2245000]), 'a.geojson')).crs).toEqual({ kind: 'known', crs: 'VN2000-UTM48', from: 'crs-member' });
    expect(survey(parseSurvey(fc('urn:ogc:def:crs:OGC:1.3:CRS84', [106, 20]), 'a.geojson')).crs).toEqual({ kind: 'known', crs: 'EPSG:4326', from: 'crs-member' });
    expect(survey(parseSurvey(fc('urn:ogc:def:crs:EPSG::5897', [601000, 2240000]), 'a.geojson')).crs).toEqual({ kind: 'unknown' });
  });
  it('swapped [lat, lon] is kept for the planner to confirm (unknown system), not refused', () => {
    expect(survey(parseSurvey(fixture('bad-imports/swapped-coordinates.geojson'), 's.geojson')).crs).toEqual({ kind: 'unknown' });
  });
  it('nested properties become their JSON text', () => {
    const s = survey(parseSurvey(enc('{"type":"Feature","properties":{"a":{"b":1},"c":[1,2]},"geometry":{"type":"Point","coordinates":[106,20]}}'), 'a.json'));
    expect(s.features[0]?.properties).toEqual({ a: '{"b":1}', c: '[1,2]' });
  });
});

describe('routing', () => {
  it('a .csv, .tsv or .txt boundary-point table goes to parseTable', () => {
    for (const f of ['hanam_tm3_105.csv', 'hanam_tm3_105.tsv']) {
      const s = survey(parseSurvey(fixture(`survey/${f}`), f.replace('.tsv', '.txt')));
      expect(s.format).toBe('table');
      expect(s.features[0]?.geometry.type).toBe('Polygon');
    }
  });
  it('content decides before the extension: a KML named .json, a DXF named .txt, a zipped Shapefile named .kmz', () => {
    expect(survey(parseSurvey(fixture('survey/formats/ranh_gioi.kml'), 'ranh_gioi.json')).format).toBe('kml');
    expect(survey(parseSurvey(fixture('survey/formats/ranh_gioi.dxf'), 'ranh_gioi.txt')).format).toBe('dxf');
    expect(survey(parseSurvey(fixture('survey/formats/ranh_gioi_shp.zip'), 'ranh_gioi.kmz')).format).toBe('shapefile');
  });
  it('too large, empty, and unknown files are refused before any reader runs', () => {
    expect(parseSurvey(new Uint8Array(11), 'a.kml', { maxBytes: 10 })).toEqual({ ok: false, issue: { code: 'survey_too_large', params: { size_mb: 0, limit_mb: 0 } } });
    expect(parseSurvey(new Uint8Array(0), 'a.kml')).toEqual({ ok: false, issue: { code: 'survey_empty', params: {} } });
    expect(parseSurvey(enc('hello'), 'a.xlsx')).toEqual({ ok: false, issue: { code: 'unsupported_format', params: { ext: '.xlsx' } } });
    expect(parseSurvey(zipSync({ 'a.txt': enc('x') }), 'a.zip')).toEqual({ ok: false, issue: { code: 'zip_unknown_content', params: { entries: 'a.txt' } } });
  });
});

describe('selfIntersections', () => {
  const poly = (ring: number[][]): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
  it('finds where a bow-tie crosses itself, once per crossing', () => {
    expect(selfIntersections([poly([[0, 0], [1, 0], [1, 1], [0, 0]]), poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])])).toEqual([{ feature: 2, x: 1, y: 1 }]);
  });
  it('does not see a crossing at a repeated vertex, nor where a hole touches its shell', () => {
    expect(selfIntersections([poly([[0, 0], [4, 0], [4, 0], [4, 4], [0, 4], [0, 0]])])).toEqual([]);
    const touching: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 0], [1, 2], [2, 1], [0, 0]]] } };
    expect(selfIntersections([touching])).toEqual([]);
  });
  it('finds a ring touching itself at a vertex (a figure eight)', () => {
    expect(selfIntersections([poly([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]])])).toEqual([{ feature: 1, x: 1, y: 1 }]);
  });
});
