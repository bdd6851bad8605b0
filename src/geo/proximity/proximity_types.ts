import type { MultiPolygon, Polygon } from 'geojson';
import type { ClusterFeature, VillageFeature, ZoneFeature } from '../types';

/** The three datasets a proximity analysis runs over. */
export interface ProximityData {
  clusters: readonly ClusterFeature[];
  zones: readonly ZoneFeature[];
  villages: readonly VillageFeature[];
}

/** For one feature (`id`), its nearest feature of another set; nulls when that set is empty. */
export interface NearestMatch {
  id: string;
  nearestId: string | null;
  /** Edge-to-edge distance (kilometres). */
  distanceKm: number | null;
}

/** A feature found near a query, with its edge-to-edge distance (kilometres). */
export interface Neighbour {
  id: string;
  distanceKm: number;
}

/** The satellite clusters of one industrial zone (KCN). */
export interface SatelliteGroup {
  zoneId: string;
  clusters: Neighbour[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order by distance, then by id (code-unit order); null distances go last.
 *
 * @param a - first entry
 * @param b - second entry
 * @returns negative, zero or positive, as for `Array.prototype.sort`
 * @example
 * [{ id: 'b', distanceKm: 1 }, { id: 'a', distanceKm: 1 }].sort(byDistanceThenId); // a, b
 */
export function byDistanceThenId(
  a: { id: string; distanceKm: number | null },
  b: { id: string; distanceKm: number | null },
): number {
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  return da !== db ? da - db : compareIds(a.id, b.id);
}

/**
 * Whether candidate (`distanceKm`, `id`) beats the current best under
 * distance-then-id order.
 *
 * @param distanceKm - candidate distance (kilometres)
 * @param id - candidate id
 * @param bestKm - best distance so far (kilometres, Infinity when none)
 * @param bestId - best id so far
 * @returns true when the candidate should replace the best
 * @example
 * isBetter(1, 'a', 1, 'b'); // true
 */
export function isBetter(distanceKm: number, id: string, bestKm: number, bestId: string): boolean {
  return distanceKm < bestKm || (distanceKm === bestKm && compareIds(id, bestId) < 0);
}

/**
 * Check a search radius.
 *
 * @param km - the radius (kilometres)
 * @param name - the argument name for the error message
 * @returns `km`, when finite and ≥ 0
 * @example
 * checkKm(2); // 2
 */
export function checkKm(km: number, name = 'km'): number {
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) {
    throw new Error(`Expected ${name} to be a finite number of kilometres >= 0, got ${String(km)}`);
  }
  return km;
}

/** The datasets a question can start from or ask about. */
export type ProxLayer = 'clusters' | 'zones' | 'villages';
export const PROX_LAYERS = ['clusters', 'zones', 'villages'] as const satisfies readonly ProxLayer[];

/** Where a union question starts: features of one layer, or drawn/imported areas. */
export type UnionFrom =
  | { layer: ProxLayer; ids: readonly string[] }
  | { layer: 'area'; polygons: readonly (Polygon | MultiPolygon)[] };

/** Within a distance of any source feature, or the N nearest to any of them. */
export type UnionMode = { kind: 'within'; km: number } | { kind: 'nearest'; n: number };

/** One answer of a union question: a target, its distance to the nearest source, and which source that is. */
export interface UnionHit {
  id: string;
  distanceKm: number;
  /** The source feature's id (`area-<i>` for the i-th area). */
  fromId: string;
}

/** Largest radius the nearest-N search grows to (km): beyond the province. */
export const NEAREST_SEARCH_MAX_KM = 400;
