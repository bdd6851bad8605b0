/**
 * Deterministic build: geodata/sources/*.csv + gazetteer (reference, not in repo)
 *   → geodata/{clusters,industrial_zones,craft_villages}.geojson, geodata/boundaries/*.geojson,
 *     and the generated sections of geodata/README.md.
 *
 * Run: npm run geodata   (GAZETTEER_DIR overrides the gazetteer location)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  area, bbox as turfBbox, booleanPointInPolygon, centerOfMass, featureCollection, intersect, pointOnFeature, truncate,
} from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { GEODATA, PROVINCE_ID, readCsv, splitList, type Row } from './common';
import { loadGazetteer, type CommuneRec } from './gazetteer';
import { dissolve, finish } from './boundaries';
import { matchCommune, matchDistrict } from '../../src/geo/dataset/match_commune';
import { schematicFootprint } from '../../src/geo/dataset/schematic_footprint';
import { reconcile, reconciliationMarkdown, type ReportedFigures } from '../../src/geo/dataset/reconcile';
import { applyFootprints } from './footprints';
import { buildCommunes2025, COMMUNES_ATTRIBUTION, SIMPLIFY_INTERVAL_M } from './communes';
import { communeAt, communeIndex } from '../../src/geo/dataset/commune_at';
import { representativePoint } from '../../src/geo/io/representative_point';
import { foldDiacritics } from '../../src/geo/search/fold_diacritics';
import { EX_PROVINCES, type ClusterProps, type ExProvince, type GeometryQuality, type LocationBasis, type VillageProps, type ZoneProps } from '../../src/geo/types';

type Poly = Feature<Polygon | MultiPolygon>;

const SIMPLIFY_DEG = 0.0005;
/** Gap kept between schematic footprints (degrees, ≈ 30 m). */
const GAP = 0.0003;

const gaz = loadGazetteer();

// ---------- boundaries ----------
const provincePolys = new Map<ExProvince, Poly>();
const exFeatures: Poly[] = [];
for (const name of EX_PROVINCES) {
  const parts = gaz.communes.filter((c) => c.province === name).map((c) => {
    const f = gaz.polygons.get(c.commune_id);
    if (!f) throw new Error(`no polygon for commune ${c.commune_id}`);
    return f;
  });
  const d = finish(dissolve(parts), SIMPLIFY_DEG);
  d.properties = { id: PROVINCE_ID[name], name, source: 'Dissolved censusVN2009 commune polygons (2009 boundaries, MIT © 2017 Marc Choisy); sliver holes filled; simplified 0.0005°' };
  provincePolys.set(name, d);
  exFeatures.push(d);
}
const province = finish(dissolve(exFeatures.map((f) => ({ ...f, properties: {} }))), SIMPLIFY_DEG);
province.properties = { id: 'ninh-binh-2025', name: 'Ninh Bình', note: 'Merged province (1 July 2025) = ex-Hà Nam + ex-Nam Định + ex-Ninh Bình; outer boundary dissolved from censusVN2009 communes (MIT).' };

function truncateGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return truncate({ type: 'Feature', properties: {}, geometry: g }, { precision: 5, coordinates: 2 }).geometry as Polygon | MultiPolygon;
}

function writeJson(path: string, obj: unknown): void {
  writeFileSync(resolve(GEODATA, path), JSON.stringify(obj) + '\n');
}
writeJson('boundaries/ex_provinces.geojson', featureCollection(exFeatures));
writeJson('boundaries/province.geojson', featureCollection([province]));
// The 2009 communes as they are (MIT), for reading documents that still name them: names only.
writeJson('boundaries/communes_2009.geojson', {
  type: 'FeatureCollection',
  attribution: 'censusVN2009 (MIT, © 2017 Marc Choisy), 2009 boundaries, low resolution',
  features: gaz.communes.flatMap((c) => {
    const f = gaz.polygons.get(c.commune_id);
    return f ? [{ type: 'Feature', geometry: truncateGeometry(f.geometry), properties: { commune: c.commune, district: c.district, province: c.province } }] : [];
  }),
});

// ---------- location resolution ----------
interface Loc {
  communes: CommuneRec[];
  district: string | null;
  level: 'commune' | 'district';
  /** Given as 2025 units: anchored at the centre of their old communes, not at the first one. */
  of2025?: boolean;
}

// The 2025 communes come first: sources written since July 2025 name only the new units.
const communes2025 = await buildCommunes2025();
const communeIdx = communeIndex(communes2025.polygons.features);
/** The 2009 communes whose centroid lies in each 2025 unit, by the unit's name. */
const oldBy2025 = new Map<string, CommuneRec[]>();
for (const c of gaz.communes) {
  const now = communeAt(communeIdx, [c.lon, c.lat]);
  if (now) (oldBy2025.get(now.name) ?? oldBy2025.set(now.name, []).get(now.name)!).push(c);
}

function resolveLocation(prov: ExProvince, districtCell: string, communeCell: string): Loc | null {
  const srcDistricts = splitList(districtCell.replace(/\([^)]*\)/g, ''));
  const gDistricts = [...new Set(srcDistricts.flatMap((d) => matchDistrict(d, prov, gaz.communes)))];
  const found: CommuneRec[] = [];
  let of2025 = false;
  for (const raw of splitList(communeCell)) {
    // "Xã Nghĩa Hưng (2025)": a 2025 unit a source names; it stands for the old communes now in it.
    const unit = raw.match(/^(.*\S)\s*\(2025\)$/u)?.[1];
    if (unit) {
      const olds = (oldBy2025.get(unit) ?? []).filter((c) => c.province === prov);
      if (!olds.length) throw new Error(`"${raw}": no 2009 commune of ex-${prov} lies in a 2025 unit named ${unit}`);
      found.push(...olds);
      of2025 = true;
      continue;
    }
    const hint = raw.match(/\(([^)]*)\)\s*$/u)?.[1];
    const name = raw.replace(/\([^)]*\)\s*$/u, '').trim();
    const ds = hint ? [hint] : gDistricts;
    let hits = matchCommune(name, prov, ds, gaz.communes);
    if (hits.length === 0 && ds.length > 0) {
      const anywhere = matchCommune(name, prov, [], gaz.communes);
      if (anywhere.length === 1) hits = anywhere;
    }
    if (hits.length === 1 && hits[0]) found.push(hits[0]);
  }
  if (found.length > 0) return { communes: found, district: found[0]?.district ?? null, level: 'commune', of2025 };
  if (gDistricts.length >= 1) return { communes: [], district: gDistricts[0] ?? null, level: 'district' };
  return null;
}

const unionCache = new Map<string, Poly>();
function targetPolygon(loc: Loc, prov: ExProvince): Poly {
  const recs = loc.level === 'commune' ? loc.communes : gaz.communes.filter((c) => c.province === prov && c.district === loc.district);
  const key = recs.map((r) => r.commune_id).join(',');
  const hit = unionCache.get(key);
  if (hit) return hit;
  const polys = recs.map((r) => {
    const f = gaz.polygons.get(r.commune_id);
    if (!f) throw new Error(`no polygon ${r.commune_id}`);
    return f;
  });
  const u = dissolve(polys);
  unionCache.set(key, u);
  return u;
}

function anchorOf(loc: Loc, prov: ExProvince): Position {
  const c = loc.communes[0];
  if (loc.level === 'commune' && c && !loc.of2025) return [c.lon, c.lat];
  const t = targetPolygon(loc, prov);
  const com = centerOfMass(t).geometry.coordinates;
  if (booleanPointInPolygon(com, t)) return [r6(com[0] ?? 0), r6(com[1] ?? 0)];
  const p = pointOnFeature(t).geometry.coordinates;
  return [r6(p[0] ?? 0), r6(p[1] ?? 0)];
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// The clause-by-clause checked crosswalk (sources/communes_2025_crosswalk.csv), by the old unit's
// GSO code, wins over the LLM-assisted one of the gazetteer: it corrects Xã Quang Trung (Vụ Bản)
// → Xã Hiển Khánh, among others.
// Its rows name the cluster too: that also covers communes merged away before the 2009 polygons
// could place them (the cluster then sits in its district, but its 2025 commune is known).
const checkedCrosswalk = new Map<string, string[]>();
const checkedByCluster = new Map<string, Set<string>>();
for (const r of readCsv(resolve(GEODATA, 'sources/communes_2025_crosswalk.csv'))) {
  const units = splitList(r.new_2025_unit, /\s*\|\s*/).map((u) => u.replace(/\s*\(\d+\)$/, ''));
  if (!units.length) continue;
  if (r.old_gso_code) checkedCrosswalk.set(r.old_gso_code, units);
  if (r.cluster_id) for (const u of units) (checkedByCluster.get(r.cluster_id) ?? checkedByCluster.set(r.cluster_id, new Set()).get(r.cluster_id)!).add(u);
}

/** Where the checked crosswalk changed a feature's 2025 commune: id → the gazetteer's answer. */
const crosswalkCorrections = new Map<string, string | null>();

function newCommune(loc: Loc | null, checked = true): string | null {
  if (!loc) return null;
  const set = new Set<string>();
  for (const c of loc.communes) for (const n of (checked ? checkedCrosswalk.get(c.old_code) : null) ?? splitList(c.new_commune, /\s*\|\s*/)) set.add(n);
  return set.size > 0 ? [...set].sort().join(' | ') : null;
}

// ---------- schematic placement ----------
const placed: BBox[] = [];

function overlaps(b: BBox): boolean {
  return placed.some((p) => b[0] < p[2] + GAP && b[2] > p[0] - GAP && b[1] < p[3] + GAP && b[3] > p[1] - GAP);
}

function insideFraction(sq: Polygon, target: Poly): number {
  const i = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: sq }, target]));
  return i ? area(i) / area(sq) : 0;
}

function* spiral(maxRing: number): Generator<[number, number]> {
  for (let k = 0; k <= maxRing; k++) {
    const ring: [number, number][] = [];
    for (let i = -k; i <= k; i++) for (let j = -k; j <= k; j++) if (Math.max(Math.abs(i), Math.abs(j)) === k) ring.push([i, j]);
    ring.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || a[0] - b[0] || a[1] - b[1]);
    yield* ring;
  }
}

const provinceOutline = province;

/** Place an area-true square near `anchor`, inside `target` if possible, never overlapping earlier footprints. */
function placeFootprint(anchor: Position, ha: number, target: Poly): { poly: Polygon; inside: boolean } {
  const probe = schematicFootprint(anchor, ha);
  const b0 = turfBbox(probe);
  const step = Math.max((b0[2] - b0[0]) / 3, 0.0008);
  let spill: Polygon | null = null;
  for (const [i, j] of spiral(Math.ceil(0.08 / step))) {
    const c: Position = [r6((anchor[0] ?? 0) + i * step), r6((anchor[1] ?? 0) + j * step)];
    const sq = schematicFootprint(c, ha);
    const b = turfBbox(sq);
    if (overlaps(b)) continue;
    const dist = Math.max(Math.abs(i), Math.abs(j)) * step;
    if (dist <= 0.04 && insideFraction(sq, target) >= 0.999) {
      placed.push(b);
      return { poly: sq, inside: true };
    }
    if (!spill && insideFraction(sq, provinceOutline) >= 0.999) spill = sq;
    if (spill && dist > 0.04) break;
  }
  if (!spill) throw new Error(`cannot place ${ha} ha near ${anchor.join(',')}`);
  placed.push(turfBbox(spill));
  return { poly: spill, inside: false };
}

// ---------- features ----------
const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));
const str = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s.trim());
const urls = (s: string | undefined): string[] => splitList(s, /\s*\|\s*/);
const basis = (s: string | undefined): LocationBasis | null => (s === 'source' || s === 'name-inferred' ? s : null);
const joinNotes = (...xs: (string | null)[]): string | null => {
  const t = xs.filter((x): x is string => !!x && x.trim() !== '').join(' | ');
  return t === '' ? null : t;
};

// Vietnamese translations of the notes, keyed by the exact English text: a note changed in
// the sources loses its translation (and `npm run validate` says so) rather than keep a stale one.
const notesVi = new Map(readCsv(resolve(GEODATA, 'sources/notes_vi.csv')).map((r) => [r.en ?? '', r.vi ?? '']));
const vi = (s: string | undefined): string | null => {
  const en = str(s);
  return en === null ? null : str(notesVi.get(en));
};
const translated = (r: Row) => ({
  notes: str(r.notes), notes_vi: vi(r.notes), reported_conflicts: str(r.conflicts), reported_conflicts_vi: vi(r.conflicts),
});

interface Unplaced { file: string; id: string; name: string; reason: string }
const unplaced: Unplaced[] = [];

interface Pending<P> { row: Row; props: P; loc: Loc; area: number | null }

function locFor(row: Row, communeCol: string): Loc | null {
  const prov = row.ex_province as ExProvince;
  const district = row.old_district || row.inferred_district || '';
  const communes = row[communeCol] || row.inferred_communes || '';
  return resolveLocation(prov, district, communes);
}

const clusterRows = readCsv(resolve(GEODATA, 'sources/clusters.csv'));
const zoneRows = readCsv(resolve(GEODATA, 'sources/industrial_zones.csv'));
const villageRows = readCsv(resolve(GEODATA, 'sources/craft_villages.csv'));

/** Rows that can be placed become pending features; the others are listed as unplaced, with the reason. */
function pendingFrom<P extends { planned_area_ha?: number | null; area_ha?: number | null }>(
  rows: Row[],
  file: string,
  make: (r: Row, loc: Loc) => P,
): Pending<P>[] {
  const out: Pending<P>[] = [];
  for (const r of rows) {
    const loc = locFor(r, 'communes');
    if (!loc) {
      unplaced.push({ file, id: r.id ?? '', name: r.name ?? '', reason: 'no source names its district or commune, and its name matches no unique commune or district' });
      continue;
    }
    const props = make(r, loc);
    out.push({ row: r, props, loc, area: props.planned_area_ha ?? props.area_ha ?? null });
  }
  return out;
}

const clusterPending = pendingFrom<ClusterProps>(clusterRows, 'clusters', (r, loc) => ({
  id: r.id ?? '', name: r.name ?? '', ex_province: r.ex_province as ExProvince,
  old_district: str(r.old_district), inferred_district: str(r.inferred_district), communes: splitList(r.communes),
  new_commune: checkedByCluster.has(r.id ?? '') ? [...checkedByCluster.get(r.id ?? '')!].sort().join(' | ') : newCommune(loc), planned_area_ha: num(r.planned_area_ha),
  status: r.status as ClusterProps['status'], wwtp: (r.wwtp || 'unknown') as ClusterProps['wwtp'],
  occupancy_pct: num(r.occupancy_pct), projects: num(r.projects), workers: num(r.workers), model: str(r.model),
  industries: str(r.industries), decision: str(r.decision), sources: urls(r.sources), as_of: r.as_of ?? '',
  geometry_quality: 'point-commune', geometry_source: null, geometry_as_of: null, ...translated(r),
  location_basis: basis(r.location_basis), established_year: num(r.established_year),
}));

// Reviewed footprints (traced or surveyed) replace the schematic geometry; the schematic
// squares placed below keep clear of them.
const footprints = applyFootprints(
  clusterPending.map((p) => p.props),
  JSON.parse(readFileSync(resolve(GEODATA, 'sources/footprints.geojson'), 'utf8')),
  { provinceOutline: province, fileName: 'sources/footprints.geojson' },
);
for (const f of footprints.values()) placed.push(turfBbox(f));

const zonePending = pendingFrom<ZoneProps>(zoneRows, 'industrial_zones', (r, loc) => ({
  id: r.id ?? '', name: r.name ?? '', ex_province: r.ex_province as ExProvince,
  old_district: str(r.old_district), inferred_district: str(r.inferred_district), communes: splitList(r.communes),
  new_commune: newCommune(loc), area_ha: num(r.area_ha), status: r.status as ZoneProps['status'],
  sources: urls(r.sources), as_of: r.as_of ?? '', geometry_quality: 'point-commune', ...translated(r),
  location_basis: basis(r.location_basis),
}));

type AnyProps = ClusterProps | ZoneProps;
function geometryFor<P extends AnyProps>(p: Pending<P>): Feature<Polygon | Point, P> {
  const prov = p.props.ex_province;
  const lon = num(p.row.lon);
  const lat = num(p.row.lat);
  if (lon !== null && lat !== null) {
    p.props.geometry_quality = 'source-coordinates';
    return { type: 'Feature', properties: p.props, geometry: { type: 'Point', coordinates: [lon, lat] } };
  }
  const level = p.loc.level;
  if (p.area !== null) {
    const { poly, inside } = placeFootprint(anchorOf(p.loc, prov), p.area, targetPolygon(p.loc, prov));
    p.props.geometry_quality = (level === 'commune' ? 'schematic-commune' : 'schematic-district') satisfies GeometryQuality;
    if (!inside) {
      // a note without its translation stays untranslated (validate reports it), not half translated
      const viOk = !p.props.notes || !!p.props.notes_vi;
      p.props.notes = joinNotes(p.props.notes ?? null, `Schematic footprint does not fit inside the ${level} polygon (2009, low resolution) without overlapping other footprints; placed nearby, inside the province.`);
      if (viOk) p.props.notes_vi = joinNotes(p.props.notes_vi ?? null, `Ô sơ đồ không đặt vừa trong ranh giới ${level === 'commune' ? 'xã' : 'huyện'} (2009, độ phân giải thấp) mà không chồng lên ô khác; đặt ở gần đó, trong tỉnh.`);
    }
    return { type: 'Feature', properties: p.props, geometry: poly };
  }
  p.props.geometry_quality = level === 'commune' ? 'point-commune' : 'point-district';
  return { type: 'Feature', properties: p.props, geometry: { type: 'Point', coordinates: anchorOf(p.loc, prov) } };
}

// clusters first (they must sit inside their commune), bigger first, then by id: deterministic
const byAreaThenId = <P extends AnyProps>(a: Pending<P>, b: Pending<P>): number =>
  (b.area ?? 0) - (a.area ?? 0) || (a.props.id < b.props.id ? -1 : 1);
const clusterFeatures: Feature<Polygon | MultiPolygon | Point, ClusterProps>[] = [...clusterPending].sort(byAreaThenId).map((p) => footprints.get(p.props.id) ?? geometryFor(p));
const zoneFeatures = [...zonePending].sort(byAreaThenId).map(geometryFor);
const order = (ids: string[]) => (a: Feature, b: Feature): number =>
  ids.indexOf(String((a.properties as { id: string }).id)) - ids.indexOf(String((b.properties as { id: string }).id));
clusterFeatures.sort(order(clusterRows.map((r) => r.id ?? '')));
zoneFeatures.sort(order(zoneRows.map((r) => r.id ?? '')));

const villageFeatures: Feature<Point, VillageProps>[] = [];
for (const r of villageRows) {
  const loc = locFor(r, 'old_commune');
  if (!loc) {
    unplaced.push({ file: 'craft_villages', id: r.id ?? '', name: r.name ?? '', reason: 'the source names neither district nor commune' });
    continue;
  }
  const prov = r.ex_province as ExProvince;
  const lon = num(r.lon);
  const lat = num(r.lat);
  const hasCoords = lon !== null && lat !== null;
  villageFeatures.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: hasCoords ? [lon, lat] : anchorOf(loc, prov) },
    properties: {
      id: r.id ?? '', name: r.name ?? '', craft: str(r.craft), ex_province: prov,
      old_district: str(r.old_district), inferred_district: str(r.inferred_district), old_commune: str(r.old_commune),
      new_commune: newCommune(loc), recognised: r.recognised === 'yes' ? 'yes' : 'unknown', sources: urls(r.sources),
      as_of: r.as_of ?? '', geometry_quality: hasCoords ? 'source-coordinates' : loc.level === 'commune' ? 'point-commune' : 'point-district',
      ...translated(r), location_basis: basis(r.location_basis),
    },
  });
}

// ---------- 2025 communes: the layer, and each feature's commune by where it lies ----------
writeJson('boundaries/communes_2025.geojson', {
  type: 'FeatureCollection',
  attribution: COMMUNES_ATTRIBUTION,
  features: [...communes2025.polygons.features, ...communes2025.labels.features],
});
// The old communes (2009) and districts documents still name, for the search: where each lies
// now is said by location (its 2009 centroid in the 2025 polygons), not by the crosswalk.
const oldDistricts = new Map<string, { name: string; province: string; bbox: number[] }>();
const oldCommunes = gaz.communes.flatMap((c) => {
  if (!c.commune) return [];
  const now = communeAt(communeIdx, [c.lon, c.lat]);
  const key = `${c.province}|${c.district}`;
  const b = turfBbox(gaz.polygons.get(c.commune_id) ?? { type: 'Point', coordinates: [c.lon, c.lat] });
  const d = oldDistricts.get(key);
  if (!d) oldDistricts.set(key, { name: c.district, province: c.province, bbox: [...b] });
  else d.bbox = [Math.min(d.bbox[0]!, b[0]), Math.min(d.bbox[1]!, b[1]), Math.max(d.bbox[2]!, b[2]), Math.max(d.bbox[3]!, b[3])];
  return [{ name: c.commune, district: c.district, province: c.province, lon: c.lon, lat: c.lat, now_code: now?.code ?? null, now_name: now?.name ?? null }];
});
writeJson('boundaries/old_units.json', {
  note: 'Communes (2009 boundaries, censusVN2009, MIT) and districts before July 2025; now_* = the 2025 commune at the old commune\'s centroid.',
  communes: oldCommunes,
  districts: [...oldDistricts.values()].map((d) => ({ ...d, bbox: d.bbox.map((x) => Math.round(x * 1e5) / 1e5) })),
});
for (const p of [...clusterPending, ...zonePending]) {
  const before = newCommune(p.loc, false);
  if (before !== p.props.new_commune) crosswalkCorrections.set(p.props.id, before);
}
const placesOutside: string[] = [];
for (const f of [...clusterFeatures, ...zoneFeatures, ...villageFeatures]) {
  const at = representativePoint(f.geometry);
  const hit = at ? communeAt(communeIdx, at) : null;
  f.properties.commune_2025 = hit?.name ?? null;
  f.properties.commune_2025_code = hit?.code ?? null;
  if (!hit) placesOutside.push(f.properties.id);
}

writeJson('clusters.geojson', featureCollection(clusterFeatures));
writeJson('industrial_zones.geojson', featureCollection(zoneFeatures));
writeJson('craft_villages.geojson', featureCollection(villageFeatures));

// ---------- README generated sections ----------
const reported = JSON.parse(readFileSync(resolve(GEODATA, 'reported_figures.json'), 'utf8')) as ReportedFigures;
const rows = reconcile(clusterFeatures.map((f) => f.properties), reported);

function countsTable(): string {
  const lines = ['| ex-province | clusters | with area (polygon) | point only | planned | established | operating | KCN | craft villages |', '|---|---|---|---|---|---|---|---|---|'];
  for (const p of EX_PROVINCES) {
    const cs = clusterFeatures.filter((f) => f.properties.ex_province === p);
    const poly = cs.filter((f) => f.geometry.type !== 'Point').length;
    lines.push(`| ${p} | ${cs.length} | ${poly} | ${cs.length - poly} | ${cs.filter((f) => f.properties.status === 'planned').length} | ${cs.filter((f) => f.properties.status === 'established').length} | ${cs.filter((f) => f.properties.status === 'operating').length} | ${zoneFeatures.filter((f) => f.properties.ex_province === p).length} | ${villageFeatures.filter((f) => f.properties.ex_province === p).length} |`);
  }
  return lines.join('\n');
}

function qualityTable(): string {
  const all = [...clusterFeatures.map((f) => ['clusters', f] as const), ...zoneFeatures.map((f) => ['industrial_zones', f] as const), ...villageFeatures.map((f) => ['craft_villages', f] as const)];
  const keys = ['schematic-commune', 'schematic-district', 'point-commune', 'point-district', 'source-coordinates', 'traced', 'surveyed'];
  const lines = [`| file | ${keys.join(' | ')} | name-inferred location | footprint spills outside its commune/district |`, `|---|${keys.map(() => '---').join('|')}|---|---|`];
  for (const file of ['clusters', 'industrial_zones', 'craft_villages']) {
    const fs = all.filter(([f]) => f === file).map(([, f]) => f.properties as AnyProps | VillageProps);
    lines.push(`| ${file} | ${keys.map((k) => fs.filter((p) => p.geometry_quality === k).length).join(' | ')} | ${fs.filter((p) => p.location_basis === 'name-inferred').length} | ${fs.filter((p) => (p.notes ?? '').includes('does not fit inside')).length} |`);
  }
  return lines.join('\n');
}

/** Features whose commune by location is not the crosswalk's (or one of its) 2025 communes. */
function communeDisagreements(): string {
  const lines = ['| file | id | name | crosswalk (`new_commune`) | by location (`commune_2025`) | location basis | geometry |', '|---|---|---|---|---|---|---|'];
  const all = [...clusterFeatures.map((f) => ['clusters', f.properties] as const), ...zoneFeatures.map((f) => ['industrial_zones', f.properties] as const), ...villageFeatures.map((f) => ['craft_villages', f.properties] as const)];
  let n = 0;
  for (const [file, p] of all) {
    if (!p.new_commune || !p.commune_2025) continue;
    const crosswalk = p.new_commune.split(/\s*\|\s*/).map(foldDiacritics);
    if (crosswalk.includes(foldDiacritics(p.commune_2025))) continue;
    n++;
    lines.push(`| ${file} | ${p.id} | ${p.name} | ${p.new_commune} | ${p.commune_2025} | ${p.location_basis ?? ''} | ${p.geometry_quality} |`);
  }
  // (placed in a district, a feature lies wherever the district had room: the crosswalk is then the better answer)
  return n ? `${lines.join('\n')}\n\nA feature placed in its district (\`schematic-district\`, its commune having been merged before the 2009 polygons could place it) or by its name only (\`name-inferred\`) lies wherever there was room: for it the crosswalk is the better answer.` : 'None.';
}

function unplacedTable(): string {
  const lines = ['| file | id | name | reason |', '|---|---|---|---|'];
  for (const u of unplaced) lines.push(`| ${u.file} | ${u.id} | ${u.name} | ${u.reason} |`);
  return lines.join('\n');
}

const generated = [
  '<!-- generated:start (npm run geodata rewrites this section) -->',
  '### Counts',
  '', countsTable(), '',
  '### Geometry quality', '', qualityTable(), '',
  '### Dataset vs reported (reconciliation)',
  '',
  'Cells: dataset / reported (gap = dataset − reported). Counting: every cluster in the dataset counts as planned; "established" = established + operating (reports count operating clusters among the established); "operating" = operating. Planned ha sums the known areas only. WWTP built/building = `wwtp` under_construction, operating or compliant; compliant/stable = operating or compliant. Reported figures: `reported_figures.json` (end 2024, published July 2025).',
  '', reconciliationMarkdown(rows), '',
  '### 2025 communes: crosswalk against location',
  '',
  `\`commune_2025\` is the 2025 commune or ward the feature's own geometry lies in (its footprint's centre, or its point), by point-in-polygon over \`boundaries/communes_2025.geojson\` (the gazetteer's 129 polygons, cleaned and simplified by mapshaper on shared borders, ${SIMPLIFY_INTERVAL_M} m): the deepest polygon where neighbours overlap, the nearest within 100 m where the point falls in none. For a schematic footprint this is only as good as its placement (see *Geometry*). \`new_commune\` is the crosswalk's answer from the old communes the sources name (the checked \`sources/communes_2025_crosswalk.csv\` first). Where they disagree:`,
  '', communeDisagreements(), '',
  `The checked crosswalk changed the gazetteer's answer for: ${[...crosswalkCorrections].map(([id, before]) => `${id} (${before ?? 'none'} → ${[...clusterFeatures, ...zoneFeatures].find((f) => f.properties.id === id)?.properties.new_commune ?? 'none'})`).join('; ') || 'none'}.`,
  '',
  placesOutside.length ? `In no 2025 commune (outside the province or more than 100 m off every polygon): ${placesOutside.join(', ')}.` : 'Every feature lies in a 2025 commune.',
  '',
  '### Rows of geodata/sources not placed on the map',
  '', unplacedTable(), '',
  `Gazetteer input (sha256, first 16 hex): ${Object.entries(gaz.hashes).map(([k, v]) => `\`${k}\` ${v}`).join(', ')}, \`communes_2025.geojson\` ${communes2025.hash}.`,
  '<!-- generated:end -->',
].join('\n');

const readmePath = resolve(GEODATA, 'README.md');
let readme = '';
try {
  readme = readFileSync(readmePath, 'utf8');
} catch {
  readme = '# geodata\n\n<!-- generated:start --><!-- generated:end -->\n';
}
readme = readme.replace(/<!-- generated:start[\s\S]*?<!-- generated:end -->/, generated);
writeFileSync(readmePath, readme);

console.log(`clusters ${clusterFeatures.length}, zones ${zoneFeatures.length}, villages ${villageFeatures.length}, unplaced ${unplaced.length}`);
console.log(reconciliationMarkdown(rows));
