import { area as turfArea, bbox as turfBbox, booleanIntersects, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { distanceTrust, type DistanceTrust } from '../proximity/distance_trust';
import { featureDistancePrepared, type ProximityGeometry } from '../proximity/feature_distance';
import { searchKey } from '../search/search_clusters';
import type { ClusterFeature, ClusterProps, VillageFeature, ZoneFeature } from '../types';
import {
  ARTICLES, AREA_OCCUPANCY_ABOVE_PCT, AREA_UNLEASED_MAX_HA, EXPANSION_OCCUPANCY_MIN_PCT, SIZE_MAX_HA, SIZE_MIN_HA, SIZE_MIN_SMALL_HA,
} from './decree32';

type Poly = Polygon | MultiPolygon;

/** A cluster a planner proposes: a new one, or an expansion of one in the dataset. */
export interface ProposalInput {
  name: string;
  kind: 'new' | 'expansion';
  /** The cluster expanded (expansion only). */
  expands: string | null;
  /** `small`: a craft-village cluster or one in a mountain area (5 ha minimum), as the planner says. */
  variant: 'standard' | 'small';
  geometry: Poly;
}

/** A 2025 commune or ward (polygon, GSO code, name). */
export type CommuneFeature = Feature<Poly, { code: string; name: string }>;

export interface CheckContext {
  clusters: readonly ClusterFeature[];
  zones: readonly ZoneFeature[];
  villages: readonly VillageFeature[];
  communes: readonly CommuneFeature[];
  /** The other open proposals (their overlap is reported too). */
  others: readonly { id: string; name: string; geometry: Poly }[];
  /** The ex-province(s) each 2025 commune was made from, by GSO code (from the old communes now in it). */
  exProvinces?: ReadonlyMap<string, readonly string[]>;
}

/** pass / fail against the rule; warn: a conflict to look at; no-data: the dataset cannot say; info: a fact for the file. */
export type Verdict = 'pass' | 'fail' | 'warn' | 'no-data' | 'info';

/** One line of the check: which, under which article, the verdict, and what the app used (message parameters). */
export interface CheckLine {
  id: 'size' | 'total' | 'overlapClusters' | 'overlapZones' | 'overlapProposals' | 'location' | 'planList' | 'areaOccupancy' | 'occupancy' | 'infrastructure' | 'nearVillage' | 'nearZone' | 'nearCluster';
  article: string | null;
  verdict: Verdict;
  params: Record<string, string | number>;
}

const ha = (g: Poly | Feature<Poly>): number => turfArea(g) / 10_000;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const boxesMeet = (a: number[], b: number[]) => !(a[0]! > b[2]! || b[0]! > a[2]! || a[1]! > b[3]! || b[1]! > a[3]!);

/** Overlap (ha) of two polygonal shapes; 0 when they only touch. */
function overlapHa(a: Poly, b: Poly): number {
  if (!boxesMeet(turfBbox(a), turfBbox(b))) return 0;
  const x = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: a }, { type: 'Feature', properties: {}, geometry: b }]));
  return x ? ha(x.geometry) : 0;
}

const isPolygonal = (g: { type: string }): g is Poly => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** Why a proposed shape cannot be checked, or null: it has no area, it crosses itself, or it lies outside the province. */
export function proposalProblem(geometry: unknown, province: Poly): { code: 'no-area' | 'self-intersects' | 'outside'; at?: [number, number] } | null {
  const g = geometry as Poly | null;
  if (!g || typeof g !== 'object' || !isPolygonal(g) || !Array.isArray(g.coordinates)) return { code: 'no-area' };
  let a: number;
  try {
    // (a bow-tie's lobes cancel out in its area: it is named for what it is first)
    const k = kinks(g as Polygon).features[0];
    if (k) return { code: 'self-intersects', at: k.geometry.coordinates as [number, number] };
    a = ha(g);
  } catch {
    return { code: 'no-area' };
  }
  if (!Number.isFinite(a) || a < 0.01) return { code: 'no-area' };
  // (the outline is drawn at low resolution: a shape mostly inside counts as inside)
  if (overlapHa(g, province) < 0.9 * a) return { code: 'outside' };
  return null;
}

/** Names joined for a message, the first few only. */
function names(list: readonly string[], max = 6): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} … (+${list.length - max})`;
}

/** The 2025 communes a shape lies in, with the share of its area in each (largest first). */
export function communesOf(g: Poly, communes: readonly CommuneFeature[]): { code: string; name: string; share: number }[] {
  const total = ha(g);
  const out: { code: string; name: string; share: number }[] = [];
  for (const c of communes) {
    const o = overlapHa(g, c.geometry);
    if (o > 0) out.push({ code: c.properties.code, name: c.properties.name, share: o / total });
  }
  return out.sort((a, b) => b.share - a.share);
}

/** The communes touching any of `codes` (sharing a border), with them. */
export function withNeighbours(codes: readonly string[], communes: readonly CommuneFeature[]): CommuneFeature[] {
  const core = communes.filter((c) => codes.includes(c.properties.code));
  return communes.filter((c) => codes.includes(c.properties.code) || core.some((k) => boxesMeet(turfBbox(k.geometry), turfBbox(c.geometry)) && booleanIntersects(k.geometry, c.geometry)));
}

/**
 * Article 8.1.c on the established clusters of an area: average occupancy above 50 %
 * (weighted by area) or unleased industrial land at most 100 ha. The planned area stands for
 * the industrial land. A cluster without area or occupancy makes the answer unknown, unless
 * the rule holds even if each of them were wholly unleased.
 */
export function areaOccupancy(established: readonly ClusterProps[]): { verdict: Verdict; avg: number | null; unleased: number | null; missing: string[] } {
  if (!established.length) return { verdict: 'pass', avg: null, unleased: 0, missing: [] };
  const known = established.filter((p) => p.planned_area_ha !== null && p.occupancy_pct !== null);
  const missing = established.filter((p) => !known.includes(p));
  const area = known.reduce((s, p) => s + p.planned_area_ha!, 0);
  const leased = known.reduce((s, p) => s + (p.planned_area_ha! * p.occupancy_pct!) / 100, 0);
  const unleased = area - leased;
  if (!missing.length) {
    const avg = area > 0 ? (leased / area) * 100 : null;
    const ok = (avg !== null && avg > AREA_OCCUPANCY_ABOVE_PCT) || unleased <= AREA_UNLEASED_MAX_HA;
    return { verdict: ok ? 'pass' : 'fail', avg: avg === null ? null : round2(avg), unleased: round2(unleased), missing: [] };
  }
  // Without their figures, the most they can add is their whole area (if it is known).
  const upper = missing.every((p) => p.planned_area_ha !== null) ? unleased + missing.reduce((s, p) => s + p.planned_area_ha!, 0) : Infinity;
  return { verdict: upper <= AREA_UNLEASED_MAX_HA ? 'pass' : 'no-data', avg: null, unleased: Number.isFinite(upper) ? round2(upper) : null, missing: missing.map((p) => p.name) };
}

/** The size rule (Article 2.1): [10, 75] ha, or [5, 75] ha for a craft-village or mountain cluster. */
export function sizeVerdict(haValue: number, variant: ProposalInput['variant']): Verdict {
  const min = variant === 'small' ? SIZE_MIN_SMALL_HA : SIZE_MIN_HA;
  return haValue >= min && haValue <= SIZE_MAX_HA ? 'pass' : 'fail';
}

function nearest<T extends { properties: { id: string; name: string; geometry_quality: ClusterProps['geometry_quality'] } }>(
  g: Poly, list: readonly (T & { geometry: ProximityGeometry })[], skip: string | null,
): { name: string; km: number; trust: DistanceTrust } | null {
  let best: { f: T; km: number } | null = null;
  for (const f of list) {
    if (f.properties.id === skip) continue;
    const km = featureDistancePrepared(g, f.geometry);
    if (!best || km < best.km) best = { f, km };
  }
  return best ? { name: best.f.properties.name, km: Math.round(best.km * 100) / 100, trust: distanceTrust(best.f.properties, null) } : null;
}

/**
 * Checks a proposed cluster against Decree 32/2024/NĐ-CP with the dataset's figures: each
 * line says the article, the verdict and what was used; "no-data" where the dataset cannot say.
 */
export function checkProposal(p: ProposalInput, ctx: CheckContext): CheckLine[] {
  const lines: CheckLine[] = [];
  const own = ha(p.geometry);
  const base = p.kind === 'expansion' ? ctx.clusters.find((c) => c.properties.id === p.expands) ?? null : null;

  // Size, or the total after expansion.
  if (p.kind === 'new') {
    const min = p.variant === 'small' ? SIZE_MIN_SMALL_HA : SIZE_MIN_HA;
    // Judged on the area as shown (to 0.01 ha), so "10,00 ha" is never a failure.
    lines.push({ id: 'size', article: ARTICLES.size, verdict: sizeVerdict(round2(own), p.variant), params: { ha: round2(own), min, max: SIZE_MAX_HA } });
  } else if (!base) {
    lines.push({ id: 'total', article: ARTICLES.total, verdict: 'no-data', params: { ha: round2(own), existing: '', total: '', max: SIZE_MAX_HA } });
  } else {
    const measured = base.properties.geometry_quality === 'surveyed' || base.properties.geometry_quality === 'traced';
    // A measured footprint is subtracted where the expansion overlaps it; a schematic one cannot be.
    const existing = measured && base.geometry.type !== 'Point' ? ha(base.geometry as Poly) : base.properties.planned_area_ha;
    const shared = measured && base.geometry.type !== 'Point' ? overlapHa(p.geometry, base.geometry as Poly) : 0;
    const total = existing === null ? null : round2(existing + own - shared);
    lines.push({
      id: 'total', article: ARTICLES.total, verdict: total === null ? 'no-data' : total <= SIZE_MAX_HA ? 'pass' : 'fail',
      params: { ha: round2(own), existing: existing === null ? '' : round2(existing), total: total === null ? '' : round2(total), max: SIZE_MAX_HA, basis: measured ? 'footprint' : 'planned' },
    });
  }

  // Overlaps.
  const overlaps = (list: readonly { id: string; name: string; geometry: Poly; schematic: boolean }[], id: CheckLine['id']) => {
    const hit = list.map((f) => ({ f, o: overlapHa(p.geometry, f.geometry) })).filter((x) => x.o > 0.005);
    const total = hit.reduce((s, x) => s + x.o, 0);
    lines.push({ id, article: null, verdict: hit.length ? 'warn' : 'pass', params: { ha: round2(total), names: names(hit.sort((a, b) => b.o - a.o).map((x) => x.f.name)), schematic: hit.some((x) => x.f.schematic) ? 1 : 0 } });
  };
  const polys = <P extends { id: string; name: string; geometry_quality: ClusterProps['geometry_quality'] }>(fs: readonly { properties: P; geometry: { type: string } }[]) =>
    fs.filter((f) => isPolygonal(f.geometry)).map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry as unknown as Poly, schematic: !['surveyed', 'traced'].includes(f.properties.geometry_quality) }));
  overlaps(polys(ctx.clusters).filter((c) => c.id !== p.expands), 'overlapClusters');
  overlaps(polys(ctx.zones), 'overlapZones');
  overlaps(ctx.others.map((o) => ({ ...o, schematic: false })), 'overlapProposals');

  // Where it lies.
  const where = communesOf(p.geometry, ctx.communes);
  const provinces = [...new Set(where.flatMap((w) => ctx.exProvinces?.get(w.code) ?? []))];
  lines.push({ id: 'location', article: null, verdict: where.length ? 'info' : 'no-data', params: { communes: names(where.map((w) => `${w.name} (${Math.round(w.share * 100)} %)`)), provinces: provinces.join(', '), n: where.length } });

  if (p.kind === 'new') {
    // In the plan list: a planned cluster of the same name, or one at this place.
    const key = searchKey(p.name.replace(/^(CCN|cụm công nghiệp)\s+/i, ''));
    const planned = ctx.clusters.filter((c) => c.properties.status === 'planned');
    const byName = key ? planned.filter((c) => searchKey(c.properties.name).includes(key)) : [];
    const byPlace = planned.filter((c) => !byName.includes(c) && (isPolygonal(c.geometry) ? overlapHa(p.geometry, c.geometry as Poly) > 0 : booleanIntersects(p.geometry, c.geometry)));
    const found = [...byName, ...byPlace];
    lines.push({ id: 'planList', article: ARTICLES.planList, verdict: found.length ? 'pass' : 'warn', params: { names: names(found.map((c) => c.properties.name)), how: byName.length ? 'name' : byPlace.length ? 'place' : '' } });

    // Occupancy of the clusters already established in the area (2025 communes and neighbours).
    const area = withNeighbours(where.map((w) => w.code), ctx.communes);
    const codes = new Set(area.map((c) => c.properties.code));
    const established = ctx.clusters.map((c) => c.properties).filter((c) => (c.status === 'established' || c.status === 'operating') && c.commune_2025_code && codes.has(c.commune_2025_code));
    const r = areaOccupancy(established);
    lines.push({
      id: 'areaOccupancy', article: ARTICLES.areaOccupancy, verdict: r.verdict,
      params: { area: names(area.map((c) => c.properties.name), 10), n: established.length, clusters: names(established.map((c) => c.name)), avg: r.avg ?? '', unleased: r.unleased ?? '', missing: names(r.missing), above: AREA_OCCUPANCY_ABOVE_PCT, max: AREA_UNLEASED_MAX_HA },
    });
  } else {
    const b = base?.properties ?? null;
    lines.push({
      id: 'occupancy', article: ARTICLES.occupancy,
      verdict: !b || b.occupancy_pct === null ? 'no-data' : b.occupancy_pct >= EXPANSION_OCCUPANCY_MIN_PCT ? 'pass' : 'fail',
      params: { pct: b?.occupancy_pct ?? '', min: EXPANSION_OCCUPANCY_MIN_PCT, name: b?.name ?? '' },
    });
    const w = b?.wwtp ?? 'unknown';
    lines.push({
      id: 'infrastructure', article: ARTICLES.infrastructure,
      verdict: w === 'operating' || w === 'compliant' ? 'pass' : w === 'unknown' ? 'no-data' : 'fail',
      params: { wwtp: w },
    });
  }

  // What lies near it.
  const near = (id: 'nearVillage' | 'nearZone' | 'nearCluster', hit: ReturnType<typeof nearest>) =>
    lines.push({ id, article: null, verdict: hit ? 'info' : 'no-data', params: hit ? { name: hit.name, km: hit.km, trust: hit.trust } : {} });
  near('nearVillage', nearest(p.geometry, ctx.villages as never, null));
  near('nearZone', nearest(p.geometry, ctx.zones as never, null));
  near('nearCluster', nearest(p.geometry, ctx.clusters as never, p.expands));
  return lines;
}
