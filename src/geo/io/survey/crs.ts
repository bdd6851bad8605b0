/**
 * The coordinate systems of a planner's survey files: VN-2000 projected (TM-3 on the provincial
 * meridians, UTM 48N) and WGS 84, their transformation to WGS 84 lon/lat with proj4, their
 * recognition in a .prj text, a guess from the values alone, and the reprojection of features.
 * Pure: no DOM, no MapLibre.
 */
import proj4 from 'proj4';
import type { Feature, Geometry, Position } from 'geojson';
import type { CrsId } from './types';

/** A VN-2000 projected system: Transverse Mercator on the WGS 84 ellipsoid, latitude of origin 0, false northing 0. */
export interface Vn2000System {
  /** The EPSG code of the same system in PROJ's database. */
  epsg: number;
  /** Central meridian (degrees east). */
  lon0: number;
  /** Scale factor on the central meridian. */
  k: number;
  /** False easting (metres). */
  falseEasting: number;
}

/** The projected VN-2000 ids of {@link CrsId}. */
export type Vn2000CrsId = Exclude<CrsId, 'EPSG:4326'>;

/**
 * VN-2000's 7-parameter shift to WGS 84 (Circular 973/2001/TT-TCĐC; EPSG:6960, the one PROJ uses):
 * dx, dy, dz (m), rx, ry, rz (″), ds (ppm). The rotations are in proj4's position-vector
 * convention, so their signs are the reverse of the circular's coordinate-frame rotations.
 */
export const VN2000_TOWGS84: readonly number[] = Object.freeze([
  -191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278,
]);

/**
 * The three projected VN-2000 systems the import knows, defined once from their parameters.
 * TM-3 105°00′ is used for ex-Hà Nam and ex-Ninh Bình, TM-3 105°30′ for ex-Nam Định, UTM 48N by older files.
 */
export const VN2000_SYSTEMS: Readonly<Record<Vn2000CrsId, Vn2000System>> = Object.freeze({
  'VN2000-TM3-105': { epsg: 5897, lon0: 105, k: 0.9999, falseEasting: 500_000 },
  'VN2000-TM3-105.5': { epsg: 9209, lon0: 105.5, k: 0.9999, falseEasting: 500_000 },
  'VN2000-UTM48': { epsg: 3405, lon0: 105, k: 0.9996, falseEasting: 500_000 },
});

/** The province as a lon/lat box with a margin: [west, south, east, north] (degrees). */
export const PROVINCE_BBOX: [number, number, number, number] = [105.3, 19.8, 106.8, 20.8];

/**
 * Where shapes are expected to land: a lon/lat box, and optionally a finer test inside it (e.g.
 * point-in-polygon on the province outline), which tells more readings apart than the box.
 */
export interface ProvinceArea {
  /** [west, south, east, north] (degrees). */
  bbox: [number, number, number, number];
  /** True when a lon/lat position inside the box is in the area; called only for positions inside the box. */
  contains?: (lon: number, lat: number) => boolean;
}

/** Whether a lon/lat position is in the area (NaN never is). */
function inArea(a: ProvinceArea, lon: number, lat: number): boolean {
  const [w, s, e, n] = a.bbox;
  return lon >= w && lon <= e && lat >= s && lat <= n && (!a.contains || a.contains(lon, lat));
}

/**
 * The proj4 definition of a VN-2000 system.
 *
 * @param crs - a projected VN-2000 id
 * @returns a PROJ string, e.g. `+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=… +units=m +no_defs`
 */
export function proj4Definition(crs: Vn2000CrsId): string {
  const s = VN2000_SYSTEMS[crs];
  return `+proj=tmerc +lat_0=0 +lon_0=${s.lon0} +k=${s.k} +x_0=${s.falseEasting} +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84.join(',')} +units=m +no_defs`;
}

type Transform = (x: number, y: number) => [number, number];
const identity: Transform = (x, y) => [x, y];
const cache = new Map<CrsId, Transform>();

/**
 * The transformation of a system's coordinates to WGS 84 lon/lat. proj4 is slow to set up (parsing
 * the definition on every call costs about twenty times the transform), so each converter is
 * built once and kept.
 *
 * @param crs - the source system
 * @returns `(x, y) => [lon, lat]` in degrees, x easting and y northing (metres) or lon/lat for
 *   EPSG:4326 (identity); `[NaN, NaN]` for non-finite or unprojectable input
 * @example
 * toWgs84('VN2000-TM3-105')(595733.759, 2273406.916); // ≈ [105.92, 20.55]
 */
export function toWgs84(crs: CrsId): Transform {
  const known = cache.get(crs);
  if (known) return known;
  if (crs === 'EPSG:4326') return identity;
  const conv = proj4(proj4Definition(crs), 'WGS84');
  const t: Transform = (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
    const r = conv.forward([x, y]);
    return [r[0] as number, r[1] as number];
  };
  cache.set(crs, t);
  return t;
}

/** One WKT node: its keyword and its arguments (strings, numbers, bare words as strings, nested nodes). */
interface WktNode {
  key: string;
  args: (string | number | WktNode)[];
}

/** A small WKT reader (WKT1, ESRI and WKT2 share this bracket syntax); null when the text is not WKT. */
function parseWkt(text: string): WktNode | null {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i] as string)) i++; };
  const node = (depth: number): WktNode | null => {
    if (depth > 40) return null;
    ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (!m) return null;
    i += m[0].length;
    ws();
    const open = text[i];
    if (open !== '[' && open !== '(') return null;
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) return null;
      if (c === ']' || c === ')') { i++; return { key: m[0].toUpperCase(), args }; }
      if (c === '"') {
        let s = '';
        for (i++; ; i++) {
          if (i >= text.length) return null;
          if (text[i] === '"') { if (text[i + 1] === '"') { s += '"'; i++; } else break; } else s += text[i];
        }
        i++;
        args.push(s);
      } else if (/[-+.\d]/.test(c)) {
        const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
        if (!n) return null;
        i += n[0].length;
        args.push(Number(n[0]));
      } else {
        const save = i;
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
        if (!word) return null;
        i += word[0].length;
        ws();
        if (text[i] === '[' || text[i] === '(') {
          i = save;
          const child = node(depth + 1);
          if (!child) return null;
          args.push(child);
        } else args.push(word[0]);
      }
      ws();
      if (text[i] === ',') i++;
    }
  };
  const root = node(0);
  ws();
  return root && i === text.length ? root : null;
}

const children = (n: WktNode): WktNode[] => n.args.filter((a): a is WktNode => typeof a === 'object');
const nameOf = (n: WktNode | undefined): string => (n && typeof n.args[0] === 'string' ? n.args[0] : '');
const numArg = (n: WktNode | undefined, at: number): number => (n && typeof n.args[at] === 'number' ? n.args[at] : NaN);
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const within = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol;

function find(n: WktNode, keys: readonly string[]): WktNode | undefined {
  for (const c of children(n)) {
    if (keys.includes(c.key)) return c;
    const deeper = find(c, keys);
    if (deeper) return deeper;
  }
  return undefined;
}
function findAll(n: WktNode, keys: readonly string[], out: WktNode[] = []): WktNode[] {
  for (const c of children(n)) {
    if (keys.includes(c.key)) out.push(c);
    findAll(c, keys, out);
  }
  return out;
}
/** The EPSG code a node states for itself (a direct AUTHORITY or ID child), or NaN. */
function epsgOf(n: WktNode): number {
  const id = children(n).find((c) => (c.key === 'AUTHORITY' || c.key === 'ID') && norm(nameOf(c)) === 'epsg');
  return id ? Number(id.args[1]) : NaN;
}

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS'];

type Datum = 'vn2000' | 'wgs84' | 'unknown' | 'other';

/** Whether 7 shift parameters are VN-2000's, in either rotation convention (translations to 1 m are enough). */
function isVn2000Shift(p: number[]): boolean {
  return p.length >= 3 && within(p[0] as number, -191.904, 1) && within(p[1] as number, -39.303, 1) && within(p[2] as number, -111.450, 1);
}

function classifyDatum(crs: WktNode, shift: number[] | null): Datum {
  const datum = find(crs, ['DATUM', 'GEODETICDATUM', 'ENSEMBLE', 'TRF']);
  const dn = norm(nameOf(datum));
  const towgs = find(crs, ['TOWGS84']);
  const tw = shift ?? (towgs ? towgs.args.map(Number) : null);
  const base = find(crs, GEOGRAPHIC) ?? find(crs, ['BASEGEOGCRS', 'BASEGEODCRS']) ?? crs;
  const baseCode = epsgOf(base);
  const datumCode = datum ? epsgOf(datum) : NaN;
  if (dn.includes('vn2000') || dn.includes('vietnam2000') || baseCode === 4756 || datumCode === 6756) return 'vn2000';
  // ESRI WKT from a custom PROJ string keeps the shift only in the datum's name.
  if (dn.includes('towgs84') && dn.includes('19190441')) return 'vn2000';
  if (tw && isVn2000Shift(tw)) return 'vn2000';
  const zeroShift = !tw || tw.every((v) => v === 0);
  if (zeroShift && (/^d?wgs(19)?84$/.test(dn) || dn.startsWith('worldgeodeticsystem1984') || baseCode === 4326 || datumCode === 6326)) return 'wgs84';
  const ell = find(crs, ['SPHEROID', 'ELLIPSOID']);
  const wgsEllipsoid = within(numArg(ell, 1), 6378137, 0.01) && within(numArg(ell, 2), 298.257223563, 1e-6);
  if (zeroShift && wgsEllipsoid && (dn === '' || dn.includes('unknown') || dn.includes('notspecified'))) return 'unknown';
  return 'other';
}

const DEGREE = Math.PI / 180;
/** Whether every length unit of a projected CRS is the metre and every angle of its conversion in degrees. */
function unitsOk(crs: WktNode, conversion: WktNode): boolean {
  const lengths = [...children(crs).filter((c) => c.key === 'UNIT' || c.key === 'LENGTHUNIT'), ...findAll(crs, ['LENGTHUNIT'])];
  if (lengths.some((u) => !within(numArg(u, 1), 1, 1e-12))) return false;
  return findAll(conversion, ['ANGLEUNIT']).every((u) => within(numArg(u, 1), DEGREE, 1e-12));
}

/** The id of a Transverse Mercator with these parameters on this datum, if the import knows it. */
function matchTm(p: { lon0: number; k: number; fe: number; fn: number; lat0: number }, datum: Datum): CrsId | null {
  if (datum !== 'vn2000' && datum !== 'unknown') return null;
  if (!within(p.lat0, 0, 1e-9) || !within(p.fn, 0, 1e-6)) return null;
  for (const [id, s] of Object.entries(VN2000_SYSTEMS) as [Vn2000CrsId, Vn2000System][]) {
    if (!within(p.lon0, s.lon0, 1e-9) || !within(p.k, s.k, 1e-10) || !within(p.fe, s.falseEasting, 1e-6)) continue;
    // A TM-3 (k 0.9999) on these meridians is a VN-2000 convention; UTM parameters on an unnamed datum could as well be WGS 84's.
    if (datum === 'unknown' && s.k !== 0.9999) return null;
    return id;
  }
  return null;
}

const PARAM_NAMES: Record<string, 'lon0' | 'k' | 'fe' | 'fn' | 'lat0'> = {
  centralmeridian: 'lon0', longitudeofnaturalorigin: 'lon0', longitudeoforigin: 'lon0', longitudeofcenter: 'lon0',
  scalefactor: 'k', scalefactoratnaturalorigin: 'k', scalefactoratcentralmeridian: 'k',
  falseeasting: 'fe', falsenorthing: 'fn',
  latitudeoforigin: 'lat0', latitudeofnaturalorigin: 'lat0', latitudeofcenter: 'lat0',
};

function fromProjected(crs: WktNode, shift: number[] | null): CrsId | null {
  const datum = classifyDatum(crs, shift);
  // WKT1 keeps PROJECTION and PARAMETERs on the PROJCS; WKT2 puts both under CONVERSION.
  const conversion = children(crs).find((c) => c.key === 'CONVERSION') ?? crs;
  const method = norm(nameOf(conversion === crs ? children(crs).find((c) => c.key === 'PROJECTION') : find(conversion, ['METHOD', 'PROJECTION'])));
  if (method !== 'transversemercator' && method !== 'gausskruger') return null;
  if (!unitsOk(crs, conversion)) return null;
  const p = { lon0: NaN, k: 1, fe: 0, fn: 0, lat0: 0 };
  for (const par of children(conversion).filter((c) => c.key === 'PARAMETER')) {
    const key = PARAM_NAMES[norm(nameOf(par))];
    if (key) p[key] = numArg(par, 1);
  }
  return matchTm(p, datum);
}

function fromProjString(text: string): CrsId | null {
  const kv = new Map<string, string>();
  for (const m of text.matchAll(/\+([a-z_0-9]+)(?:=(\S+))?/gi)) kv.set((m[1] as string).toLowerCase(), m[2] ?? '');
  const proj = kv.get('proj');
  const shift = kv.get('towgs84')?.split(',').map(Number) ?? null;
  const wgs = kv.get('datum') === 'WGS84' || (kv.get('ellps') === 'WGS84' && (!shift || shift.every((v) => v === 0)));
  if (proj === 'longlat' || proj === 'latlong') return wgs ? 'EPSG:4326' : null;
  if (kv.has('units') && kv.get('units') !== 'm') return null;
  const datum: Datum = shift && isVn2000Shift(shift) ? 'vn2000' : wgs ? 'wgs84' : 'other';
  if (proj === 'utm') return kv.get('zone') === '48' && !kv.has('south') ? matchTm({ lon0: 105, k: 0.9996, fe: 500_000, fn: 0, lat0: 0 }, datum) : null;
  if (proj !== 'tmerc' && proj !== 'etmerc') return null;
  const num = (k: string, d: number) => (kv.has(k) ? Number(kv.get(k)) : d);
  return matchTm({ lon0: num('lon_0', 0), k: num('k', num('k_0', 1)), fe: num('x_0', 0), fn: num('y_0', 0), lat0: num('lat_0', 0) }, datum);
}

/**
 * Recognises a .prj (or any WKT1, ESRI WKT or WKT2 text, or a PROJ string) as one of the import's
 * systems, by its parameters rather than its names: a Transverse Mercator on the VN-2000 datum
 * (named VN-2000 / Vietnam 2000, EPSG:4756, or with VN-2000's TOWGS84) with central meridian 105°
 * or 105.5°, scale 0.9999 and false easting 500 000 m, or 105° with 0.9996 (UTM 48N); a TM-3 on an
 * unnamed datum of the WGS 84 ellipsoid (a QGIS custom CRS saved as ESRI WKT) counts as VN-2000 too.
 * A WGS 84 geographic system is EPSG:4326.
 *
 * @param wkt - the text of the .prj
 * @returns the system, or null for anything else (WGS 84 / UTM, other meridians, Hanoi 1972,
 *   VN-2000 geographic, feet, unreadable text): the planner then picks
 * @example
 * crsFromPrj('PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",…]],…,PARAMETER["Scale_Factor",0.9996],…]'); // 'VN2000-UTM48'
 */
export function crsFromPrj(wkt: string): CrsId | null {
  if (typeof wkt !== 'string' || wkt.length > 100_000) return null;
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('+')) return fromProjString(text);
  let root = parseWkt(text);
  if (!root) return null;
  let shift: number[] | null = null;
  if (root.key === 'BOUNDCRS') {
    const t = find(root, ['ABRIDGEDTRANSFORMATION']);
    if (t) shift = findAll(t, ['PARAMETER']).map((p) => numArg(p, 1));
    root = children(children(root).find((c) => c.key === 'SOURCECRS') ?? root)[0] ?? root;
  }
  if (root.key === 'COMPD_CS' || root.key === 'COMPOUNDCRS') root = children(root).find((c) => [...PROJECTED, ...GEOGRAPHIC].includes(c.key)) ?? root;
  const code = epsgOf(root);
  if (code === 4326) return 'EPSG:4326';
  for (const [id, s] of Object.entries(VN2000_SYSTEMS)) if (s.epsg === code) return id as Vn2000CrsId;
  if (PROJECTED.includes(root.key)) return fromProjected(root, shift);
  if (GEOGRAPHIC.includes(root.key)) {
    const degrees = findAll(root, ['UNIT', 'ANGLEUNIT']).every((u) => within(numArg(u, 1), DEGREE, 1e-12));
    return degrees && classifyDatum(root, shift) === 'wgs84' ? 'EPSG:4326' : null;
  }
  return null;
}

/** A system the planner may confirm, with how many of the points it puts in the province. */
export interface CrsGuess {
  crs: CrsId;
  /** True when the first value of each point is the northing (or the latitude): Vietnamese "X first". */
  swapped: boolean;
  /** Points that land inside the province (its box, and its finer test when given). */
  inside: number;
}

const RANK: readonly CrsId[] = ['EPSG:4326', 'VN2000-TM3-105', 'VN2000-TM3-105.5', 'VN2000-UTM48'];
const inRange = (v: number, lo: number, hi: number) => v >= lo && v < hi;
const isEasting = (v: number) => inRange(v, 400_000, 800_000);
const isNorthing = (v: number) => inRange(v, 2_100_000, 2_400_000);
const isLon = (v: number) => v >= -180 && v <= 180;
const isLat = (v: number) => v >= -90 && v <= 90;

/**
 * Proposes coordinate systems for points whose system is unknown. The value ranges say which are
 * plausible (lon/lat degrees → EPSG:4326; eastings 400 000–800 000 m and northings
 * 2 100 000–2 400 000 m → the three VN-2000 systems) and in which column order (northing first is
 * recognised as swapped); each plausible reading is then ranked by how many points land in the
 * province (its box, or its outline when `province.contains` tests it). The readings often tie:
 * TM-3 105° and UTM 48N land a few hundred metres apart, and a TM-3 105°30′ table read on 105°
 * lands some 50 km west, often still in the province. A reference point (the cluster the survey
 * is for) breaks ties by the distance of the points' mean: a commune-level point tells the two
 * meridians apart, but UTM 48N from TM-3 105° only if it is within about 300 m. Without one the
 * order is WGS 84, TM-3 105°, TM-3 105°30′, UTM 48N. The planner confirms either way.
 *
 * @param points - the file's positions as read, [first value, second value]
 * @param province - where the points should land (default: the box {@link PROVINCE_BBOX})
 * @param near - a lon/lat point the shapes should be near, if known
 * @returns every plausible reading, best first; empty when none fits the ranges
 * @example
 * detectCrs([[2273406.9, 595733.8]])[0]; // { crs: 'VN2000-TM3-105', swapped: true, inside: 1 }
 */
export function detectCrs(
  points: [number, number][],
  province: ProvinceArea = { bbox: PROVINCE_BBOX },
  near?: [number, number],
): CrsGuess[] {
  const pts = points.filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (pts.length === 0) return [];
  const fits = (test: (a: number, b: number) => boolean) => pts.filter(([a, b]) => test(a, b)).length * 2 > pts.length;
  const readings: { crs: CrsId; swapped: boolean }[] = [];
  if (fits((a, b) => isLon(a) && isLat(b))) readings.push({ crs: 'EPSG:4326', swapped: false });
  if (fits((a, b) => isLat(a) && isLon(b))) readings.push({ crs: 'EPSG:4326', swapped: true });
  for (const swapped of [false, true]) {
    if (fits((a, b) => (swapped ? isNorthing(a) && isEasting(b) : isEasting(a) && isNorthing(b)))) {
      for (const crs of Object.keys(VN2000_SYSTEMS) as Vn2000CrsId[]) readings.push({ crs, swapped });
    }
  }
  const scored = readings.map((r) => {
    const t = toWgs84(r.crs);
    let inside = 0, sx = 0, sy = 0, m = 0;
    for (const [a, b] of pts) {
      const [lon, lat] = r.swapped ? t(b, a) : t(a, b);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      if (inArea(province, lon, lat)) inside++;
      sx += lon; sy += lat; m++;
    }
    let dist = Infinity;
    if (near && m > 0) {
      const kx = Math.cos((near[1] * Math.PI) / 180);
      dist = Math.hypot((sx / m - near[0]) * kx, sy / m - near[1]);
    }
    return { guess: { crs: r.crs, swapped: r.swapped, inside }, dist, rank: RANK.indexOf(r.crs) + (r.swapped ? 0.5 : 0) };
  });
  scored.sort((a, b) => b.guess.inside - a.guess.inside || a.dist - b.dist || a.rank - b.rank);
  return scored.map((x) => x.guess);
}

/** A position that landed outside the province: 0-based feature index and vertex index (positions of the feature in order). */
export interface OutsidePosition {
  feature: number;
  vertex: number;
}

/**
 * Transforms every position of Point, LineString, Polygon, Multi* and GeometryCollection
 * geometries to WGS 84 lon/lat. Pure: returns new features (ids and properties shared, any
 * `bbox` dropped since it was in the old system) and never changes the input. A third value
 * (height) is kept.
 *
 * @param features - features with the file's coordinates
 * @param crs - their system
 * @param swapped - true when each position is [northing, easting] (or [lat, lon])
 * @param province - where the positions should land (default: the box {@link PROVINCE_BBOX})
 * @returns the features in lon/lat, and every position that lands outside the province or cannot
 *   be transformed
 */
export function reprojectFeatures<P>(
  features: readonly Feature<Geometry | null, P>[],
  crs: CrsId,
  swapped: boolean,
  province: ProvinceArea = { bbox: PROVINCE_BBOX },
): { features: Feature<Geometry, P>[]; outside: OutsidePosition[] } {
  const t = toWgs84(crs);
  const outside: OutsidePosition[] = [];
  let fi = 0, vi = 0;
  const pos = (p: Position): Position => {
    const [a, b] = p as [number, number];
    const [lon, lat] = swapped ? t(b, a) : t(a, b);
    if (!inArea(province, lon, lat)) outside.push({ feature: fi, vertex: vi });
    vi++;
    return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
  };
  const geom = (g: Geometry): Geometry => {
    switch (g.type) {
      case 'Point': return { type: 'Point', coordinates: pos(g.coordinates) };
      case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(pos) };
      case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(pos) };
      case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(pos)) };
      case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(pos)) };
      case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(pos))) };
      case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map(geom) };
    }
  };
  const out = features.map((f, i) => {
    fi = i;
    vi = 0;
    // GeoJSON allows a null geometry, which @types/geojson's Feature<Geometry> does not spell.
    const r: Feature<Geometry, P> = { type: 'Feature', geometry: f.geometry ? geom(f.geometry) : (null as unknown as Geometry), properties: f.properties };
    if (f.id !== undefined) r.id = f.id;
    return r;
  });
  return { features: out, outside };
}
