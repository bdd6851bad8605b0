import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crsFromPrj, detectCrs, PROVINCE_BBOX, reprojectFeatures, toWgs84, type ProvinceArea } from '../../../src/geo/io/survey/crs';
import type { CrsId } from '../../../src/geo/io/survey/types';
import { deepFreeze } from '../helpers/deep_freeze';

const dir = resolve(__dirname, '../../fixtures/survey');
const read = (name: string) => readFileSync(resolve(dir, name), 'utf8');
const SYSTEMS: { crs: CrsId; grid: string; stem: string }[] = [
  { crs: 'VN2000-TM3-105', grid: 'grid_tm3_105.csv', stem: 'hanam_tm3_105' },
  { crs: 'VN2000-TM3-105.5', grid: 'grid_tm3_105_30.csv', stem: 'namdinh_tm3_105_30' },
  { crs: 'VN2000-UTM48', grid: 'grid_utm48.csv', stem: 'ninhbinh_utm48' },
];

/** Metres between two lon/lat positions (local equirectangular on the mean sphere: exact to far below a millimetre at these distances). */
function metres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const k = Math.cos((((a[1] as number) + (b[1] as number)) / 2) * rad);
  return 6_371_008.8 * rad * Math.hypot(((a[0] as number) - (b[0] as number)) * k, (a[1] as number) - (b[1] as number));
}
const ring = (fc: FeatureCollection) => ((fc.features[0] as Feature<Polygon>).geometry.coordinates[0] as Position[]);
const polygon = (stem: string) => JSON.parse(read(`${stem}.geojson`)) as FeatureCollection;
const truth = (stem: string) => JSON.parse(read(`${stem}_wgs84.geojson`)) as FeatureCollection;
/** The table's points as a surveyor lists them: [X northing, Y easting]. */
const xFirst = (stem: string) => ring(polygon(stem)).slice(0, -1).map(([e, n]) => [n, e] as [number, number]);
/** A lon/lat point `east`/`north` metres from the truth's mean vertex (a cluster's known position). */
function nearTruth(stem: string, east = 0, north = 0): [number, number] {
  const pts = ring(truth(stem)).slice(0, -1);
  const lon = pts.reduce((s, p) => s + (p[0] as number), 0) / pts.length;
  const lat = pts.reduce((s, p) => s + (p[1] as number), 0) / pts.length;
  return [lon + east / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + north / 110_574];
}
const provinceOutline = JSON.parse(readFileSync(resolve(__dirname, '../../../geodata/boundaries/province.geojson'), 'utf8')) as FeatureCollection<Polygon>;
const PROVINCE: ProvinceArea = { bbox: PROVINCE_BBOX, contains: (lon, lat) => booleanPointInPolygon([lon, lat], provinceOutline.features[0] as Feature<Polygon>) };

describe('toWgs84 against PROJ (cs2cs)', () => {
  for (const s of SYSTEMS) {
    it(`${s.crs}: every one of the 651 grid points within 0.01 m`, () => {
      const rows = read(s.grid).trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
      expect(rows).toHaveLength(651);
      const t = toWgs84(s.crs);
      let worst = 0;
      for (const [, , e, n, lon, lat] of rows as number[][]) worst = Math.max(worst, metres(t(e as number, n as number), [lon as number, lat as number]));
      expect(worst).toBeLessThan(0.01);
    });
    it(`${s.crs}: every vertex of ${s.stem} within 0.01 m`, () => {
      const t = toWgs84(s.crs);
      const want = ring(truth(s.stem));
      ring(polygon(s.stem)).forEach(([e, n], i) => expect(metres(t(e as number, n as number), want[i] as Position), `vertex ${i}`).toBeLessThan(0.01));
    });
  }
  it('EPSG:4326 is the identity; non-finite input gives NaN, never a throw', () => {
    expect(toWgs84('EPSG:4326')(105.9, 20.3)).toEqual([105.9, 20.3]);
    expect(toWgs84('VN2000-TM3-105')(NaN, 2_200_000)).toEqual([NaN, NaN]);
    expect(toWgs84('VN2000-UTM48')(600_000, Infinity)).toEqual([NaN, NaN]);
  });
  it('the three systems really differ where the issue says (UTM vs TM-3 105°: hundreds of metres)', () => {
    const [e, n] = [599_000, 2_239_500];
    const d = metres(toWgs84('VN2000-TM3-105')(e, n), toWgs84('VN2000-UTM48')(e, n));
    expect(d).toBeGreaterThan(300);
    expect(d).toBeLessThan(2000);
    expect(metres(toWgs84('VN2000-TM3-105')(e, n), toWgs84('VN2000-TM3-105.5')(e, n))).toBeGreaterThan(40_000);
  });
});

describe('crsFromPrj', () => {
  const EXPECTED: Record<string, CrsId | null> = {
    'ogr_t_tm3_105.prj': 'VN2000-TM3-105', 'ogr_a_tm3_105.prj': 'VN2000-TM3-105', 'wkt1_tm3_105.prj': 'VN2000-TM3-105', 'wkt2_tm3_105.prj': 'VN2000-TM3-105',
    'ogr_t_tm3_105_30.prj': 'VN2000-TM3-105.5', 'ogr_a_tm3_105_30.prj': 'VN2000-TM3-105.5', 'wkt1_tm3_105_30.prj': 'VN2000-TM3-105.5', 'wkt2_tm3_105_30.prj': 'VN2000-TM3-105.5',
    'custom_wkt1_tm3_105_30.prj': 'VN2000-TM3-105.5', 'custom_esri_tm3_105_30.prj': 'VN2000-TM3-105.5', 'custom_wkt2_tm3_105_30.prj': 'VN2000-TM3-105.5',
    'ogr_t_utm48.prj': 'VN2000-UTM48', 'ogr_a_utm48.prj': 'VN2000-UTM48', 'wkt1_utm48.prj': 'VN2000-UTM48', 'wkt2_utm48.prj': 'VN2000-UTM48', 'custom_wkt1_utm48.prj': 'VN2000-UTM48',
    'ogr_t_wgs84.prj': 'EPSG:4326', 'wkt1_wgs84.prj': 'EPSG:4326', 'wkt2_wgs84.prj': 'EPSG:4326',
    'ogr_t_wgs84_utm48.prj': null, 'ogr_t_tm3_105_45.prj': null, 'ogr_t_hanoi72_gk18.prj': null, 'ogr_t_vn2000_geographic.prj': null,
  };
  it('every .prj GDAL wrote in the fixtures gives its system (each file is listed here)', () => {
    const files = readdirSync(resolve(dir, 'prj')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) expect(crsFromPrj(read(`prj/${f}`)), f).toBe(EXPECTED[f]);
  });
  it('WKT1 and WKT2 are read by their parameters too, not only by the EPSG code at the end', () => {
    for (const f of Object.keys(EXPECTED).filter((k) => /^wkt[12]_/.test(k))) {
      const text = read(`prj/${f}`).trim();
      const noCode = text.replace(/,\s*(AUTHORITY\["EPSG","\d+"\]|ID\["EPSG",\d+\])\]$/, ']');
      expect(noCode, f).not.toBe(text);
      expect(crsFromPrj(noCode), f).toBe(EXPECTED[f]);
    }
  });
  const esri = read('prj/ogr_t_tm3_105.prj');
  it('variants a Vietnamese office meets: own names, TOWGS84 in either sign convention, PROJ strings, a BOM', () => {
    // Hand-written in the style of the .prj files VN-2000 tools hand out (datum named D_VN_2000, circular's signs).
    const vn = 'PROJCS["VN2000 Nam Dinh",GEOGCS["GCS_VN-2000",DATUM["D_VN_2000",SPHEROID["WGS_1984",6378137,298.257223563],TOWGS84[-191.90441,-39.30318,-111.45032,-0.00928836,0.01975479,-0.00427372,0.252906278]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.5],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["Meter",1]]';
    expect(crsFromPrj(vn)).toBe('VN2000-TM3-105.5');
    expect(crsFromPrj(vn.replace('D_VN_2000', 'D_Unknown'))).toBe('VN2000-TM3-105.5');
    expect(crsFromPrj('\uFEFF' + esri + '\r\n')).toBe('VN2000-TM3-105');
    expect(crsFromPrj('+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs')).toBe('VN2000-TM3-105');
    expect(crsFromPrj('+proj=utm +zone=48 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m')).toBe('VN2000-UTM48');
    expect(crsFromPrj('+proj=utm +zone=48 +datum=WGS84 +units=m')).toBeNull();
    expect(crsFromPrj('+proj=longlat +datum=WGS84 +no_defs')).toBe('EPSG:4326');
  });
  it('null for a changed parameter, another unit, UTM on an unnamed datum, or text that is not WKT', () => {
    expect(crsFromPrj(esri.replace('"Scale_Factor",0.9999', '"Scale_Factor",0.9996'))).toBe('VN2000-UTM48');
    expect(crsFromPrj(esri.replace('"Scale_Factor",0.9999', '"Scale_Factor",1.0'))).toBeNull();
    expect(crsFromPrj(esri.replace('"False_Easting",500000.0', '"False_Easting",0.0'))).toBeNull();
    expect(crsFromPrj(esri.replace('"Latitude_Of_Origin",0.0', '"Latitude_Of_Origin",20.0'))).toBeNull();
    expect(crsFromPrj(esri.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]'))).toBeNull();
    expect(crsFromPrj(esri.replace('Transverse_Mercator', 'Lambert_Conformal_Conic'))).toBeNull();
    expect(crsFromPrj(read('prj/ogr_t_utm48.prj').replace('D_Vietnam_2000', 'D_Unknown'))).toBeNull();
    for (const bad of ['', '   ', 'PROJCS[', 'PROJCS["x",', esri.slice(0, -1), 'GEOGCS["a"] junk', 'hello', '[[[]]]', 'A['.repeat(500), null as unknown as string, 42 as unknown as string]) {
      expect(crsFromPrj(bad), String(bad).slice(0, 30)).toBeNull();
    }
  });
});

describe('detectCrs', () => {
  for (const s of SYSTEMS) {
    it(`${s.stem}: the X-first table is recognised as swapped VN-2000, and its own system is among the readings`, () => {
      const got = detectCrs(xFirst(s.stem));
      expect(got.map((g) => g.swapped)).toEqual([true, true, true]);
      expect(got.find((g) => g.crs === s.crs)?.inside).toBe(xFirst(s.stem).length);
      expect(detectCrs(xFirst(s.stem).map(([n, e]) => [e, n])).every((g) => !g.swapped)).toBe(true);
    });
    it(`${s.stem}: ranked first with the cluster's position known to 150 m`, () => {
      expect(detectCrs(xFirst(s.stem), PROVINCE, nearTruth(s.stem, 150, -100))[0]).toEqual({ crs: s.crs, swapped: true, inside: xFirst(s.stem).length });
    });
  }
  it('a commune-level position (3 km off) is enough to tell TM-3 105° from TM-3 105°30′', () => {
    expect(detectCrs(xFirst('namdinh_tm3_105_30'), PROVINCE, nearTruth('namdinh_tm3_105_30', -2000, 2200))[0]?.crs).toBe('VN2000-TM3-105.5');
    expect(detectCrs(xFirst('hanam_tm3_105'), PROVINCE, nearTruth('hanam_tm3_105', 2500, -1500))[0]?.crs).toBe('VN2000-TM3-105');
  });
  it('the province outline ranks the Hà Nam table by where it lands: read on 105°30′ it falls in Thái Bình', () => {
    const got = detectCrs(xFirst('hanam_tm3_105'), PROVINCE);
    expect(got[0]).toEqual({ crs: 'VN2000-TM3-105', swapped: true, inside: 10 });
    expect(got.find((g) => g.crs === 'VN2000-TM3-105.5')?.inside).toBe(0);
  });
  it('without a reference the UTM table lands in the province on all three readings: a tie in the fixed order (the planner must confirm)', () => {
    const got = detectCrs(xFirst('ninhbinh_utm48'), PROVINCE);
    expect(got).toEqual(['VN2000-TM3-105', 'VN2000-TM3-105.5', 'VN2000-UTM48'].map((crs) => ({ crs, swapped: true, inside: 12 })));
  });
  it('lon/lat: WGS 84 in either column order', () => {
    const ll = ring(truth('ninhbinh_utm48')).map(([lon, lat]) => [lon, lat] as [number, number]);
    expect(detectCrs(ll)[0]).toEqual({ crs: 'EPSG:4326', swapped: false, inside: ll.length });
    expect(detectCrs(ll.map(([a, b]) => [b, a]))).toEqual([{ crs: 'EPSG:4326', swapped: true, inside: ll.length }]);
  });
  it('nothing plausible: empty, non-finite, or values of no known range', () => {
    expect(detectCrs([])).toEqual([]);
    expect(detectCrs([[NaN, NaN], [Infinity, 1]])).toEqual([]);
    expect(detectCrs([[5_000_000, 9_000_000], [12_345, 67_890]])).toEqual([]);
  });
  it('a majority decides: one stray point does not hide the reading', () => {
    const pts = [...xFirst('hanam_tm3_105'), [0, 0] as [number, number]];
    expect(detectCrs(pts, PROVINCE)[0]).toEqual({ crs: 'VN2000-TM3-105', swapped: true, inside: 10 });
  });
});

describe('reprojectFeatures', () => {
  const p: Position = [595_733.759, 2_273_406.916];
  const q: Position = [595_800, 2_273_500, 12.5];
  const features = deepFreeze([
    { type: 'Feature', id: 'a', bbox: [1, 2, 3, 4], properties: { name: 'pt' }, geometry: { type: 'Point', coordinates: p } },
    { type: 'Feature', properties: null, geometry: { type: 'MultiPoint', coordinates: [p, q] } },
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [p, q] } },
    { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[p, q], [q, p]] } },
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[p, q, [595_900, 2_273_400], p]] } },
    { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[p, q, [595_900, 2_273_400], p]]] } },
    { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: q }, { type: 'LineString', coordinates: [p, [9e6, 9e6]] }] } },
    { type: 'Feature', properties: { empty: true }, geometry: null },
  ] as unknown as Feature<Geometry | null, Record<string, unknown> | null>[]);

  it('every geometry type, pure, ids and properties kept, bbox dropped, height kept, outside positions named', () => {
    const { features: out, outside } = reprojectFeatures(features, 'VN2000-TM3-105', false);
    const t = toWgs84('VN2000-TM3-105');
    const P = t(p[0] as number, p[1] as number);
    const Q = [...t(q[0] as number, q[1] as number), 12.5];
    expect(out[0]).toEqual({ type: 'Feature', id: 'a', properties: { name: 'pt' }, geometry: { type: 'Point', coordinates: P } });
    expect(out[1]?.geometry).toEqual({ type: 'MultiPoint', coordinates: [P, Q] });
    expect(out[2]?.geometry).toEqual({ type: 'LineString', coordinates: [P, Q] });
    expect(out[3]?.geometry).toEqual({ type: 'MultiLineString', coordinates: [[P, Q], [Q, P]] });
    expect((out[4]?.geometry as Polygon).coordinates[0]).toHaveLength(4);
    expect(out[5]?.geometry.type).toBe('MultiPolygon');
    expect(out[7]).toEqual({ type: 'Feature', properties: { empty: true }, geometry: null });
    // The far point (9e6, 9e6) is feature 6's third position; nothing else lands outside.
    expect(outside).toEqual([{ feature: 6, vertex: 2 }]);
  });
  it('swapped reads [northing, easting]; the same shapes land in the same places', () => {
    const swapped = deepFreeze([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(polygon('ninhbinh_utm48')).map(([e, n]) => [n, e])] } }] as Feature<Polygon>[]);
    const { features: out, outside } = reprojectFeatures(swapped, 'VN2000-UTM48', true, PROVINCE);
    expect(outside).toEqual([]);
    const want = ring(truth('ninhbinh_utm48'));
    ((out[0]?.geometry as Polygon).coordinates[0] as Position[]).forEach((c, i) => expect(metres(c, want[i] as Position)).toBeLessThan(0.01));
  });
  it('the wrong system puts every vertex outside, each one reported', () => {
    const { outside } = reprojectFeatures(polygon('hanam_tm3_105').features as Feature<Polygon>[], 'VN2000-TM3-105.5', false, PROVINCE);
    expect(outside).toHaveLength(11);
    expect(outside[10]).toEqual({ feature: 0, vertex: 10 });
  });
});
