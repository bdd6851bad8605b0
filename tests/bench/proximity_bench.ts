import type { Polygon } from 'geojson';
import { buildProximityIndex } from '../../src/geo/proximity/proximity_index';
import * as ref from '../../src/geo/proximity/proximity_reference';
import { mulberry32 } from '../../src/geo/synth/seeded_random';
import type { NearestMatch, Neighbour, ProximityData, UnionHit } from '../../src/geo/proximity/proximity_types';

/** One measured query: reference (maybe on a sample, extrapolated) against the index. */
export interface BenchRow {
  data: string;
  query: string;
  workload: string;
  /** Reference time for the whole workload (ms); extrapolated when `sampled`. */
  referenceMs: number;
  sampled: boolean;
  sample: string;
  indexedMs: number;
  /** Indexed answers equal the reference's (ids, distances within 1 m) on the sample. */
  agrees: boolean;
}

/** Pair budgets that keep one reference sample to a few seconds. */
const POLYGON_PAIRS = 5000;
const POINT_PAIRS = 80000;
const SATELLITE_KM = 2;
const VILLAGE_KM = 2;
const POLYGON_KM = 1;
const VILLAGE_QUERIES = 100;
const POLYGON_QUERIES = 20;
const UNION_SOURCES = 10;
const UNION_KM = 5;

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

function sampleOf<T>(items: readonly T[], n: number, seed: number): T[] {
  if (n >= items.length) return [...items];
  const rand = mulberry32(seed);
  const picked = new Set<number>();
  while (picked.size < n) picked.add(Math.floor(rand() * items.length));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]!);
}

function sameNeighbours(a: readonly Neighbour[], b: readonly Neighbour[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i]!.id && Math.abs(n.distanceKm - b[i]!.distanceKm) < 1e-3);
}

function sameMatches(indexed: readonly NearestMatch[], reference: readonly NearestMatch[]): boolean {
  const byId = new Map(indexed.map((m) => [m.id, m]));
  return reference.every((r) => {
    const m = byId.get(r.id);
    return m !== undefined && m.nearestId === r.nearestId && Math.abs((m.distanceKm ?? 0) - (r.distanceKm ?? 0)) < 1e-3;
  });
}

function drawnRectangles(n: number, seed: number): Polygon[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const w = 105.54 + rand() * 0.9;
    const s = 19.89 + rand() * 0.65;
    return { type: 'Polygon', coordinates: [[[w, s], [w + 0.15, s], [w + 0.15, s + 0.15], [w, s + 0.15], [w, s]]] };
  });
}

function row(data: string, query: string, workload: string, refMs: number, done: number, total: number, unit: string, indexedMs: number, agrees: boolean): BenchRow {
  const sampled = done < total;
  return { data, query, workload, referenceMs: (refMs * total) / done, sampled, sample: `${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${unit}`, indexedMs, agrees };
}

/**
 * Measure the six proximity queries on one data set, reference against index.
 * Returns the rows and the index build time (ms).
 */
export function benchProximity(label: string, data: ProximityData): { rows: BenchRow[]; buildMs: number } {
  const { clusters, zones, villages } = data;
  const N = clusters.length;
  const built = time(() => buildProximityIndex(data));
  const index = built.result;
  const rows: BenchRow[] = [];

  const nz = time(() => index.nearestZones());
  const nzSample = sampleOf(clusters, Math.max(1, Math.ceil(POLYGON_PAIRS / Math.max(1, zones.length))), 1);
  const nzRef = time(() => ref.nearestZoneReference({ ...data, clusters: nzSample }));
  rows.push(row(label, 'nearest KCN of every cluster', `${N.toLocaleString('en')} clusters`, nzRef.ms, nzSample.length, N, 'clusters', nz.ms, sameMatches(nz.result, nzRef.result)));

  const sat = time(() => index.allSatellites(SATELLITE_KM));
  const satSample = sampleOf(zones, Math.max(1, Math.ceil(POLYGON_PAIRS / Math.max(1, N))), 2);
  const satRef = time(() => ref.satellitesOfAllReference({ ...data, zones: satSample }, SATELLITE_KM));
  const satAgree = satRef.result.every((g) => sameNeighbours(sat.result.find((h) => h.zoneId === g.zoneId)?.clusters ?? [], g.clusters));
  rows.push(row(label, `satellite clusters of every KCN (${SATELLITE_KM} km)`, `${zones.length} KCN`, satRef.ms, satSample.length, zones.length, 'KCN', sat.ms, satAgree));

  const nc = time(() => index.nearestClusters());
  const ncSample = sampleOf(villages, Math.max(1, Math.ceil(POINT_PAIRS / Math.max(1, N))), 3);
  const ncRef = time(() => ref.nearestClusterReference({ ...data, villages: ncSample }));
  rows.push(row(label, 'nearest cluster of every craft village', `${villages.length.toLocaleString('en')} villages`, ncRef.ms, ncSample.length, villages.length, 'villages', nc.ms, sameMatches(nc.result, ncRef.result)));

  const vQueries = sampleOf(clusters, VILLAGE_QUERIES, 4).map((c) => c.properties.id);
  const vn = time(() => vQueries.map((id) => index.villagesNearCluster(id, VILLAGE_KM)));
  const vSample = vQueries.slice(0, Math.max(1, Math.ceil(POINT_PAIRS / Math.max(1, villages.length))));
  const vnRef = time(() => vSample.map((id) => ref.villagesNearClusterReference(data, id, VILLAGE_KM)));
  rows.push(row(label, `craft villages within ${VILLAGE_KM} km of a cluster`, `${vQueries.length} queries`, vnRef.ms, vSample.length, vQueries.length, 'queries', vn.ms, vnRef.result.every((r, i) => sameNeighbours(vn.result[i]!, r))));

  const drawn = drawnRectangles(POLYGON_QUERIES, 5);
  const cp = time(() => drawn.map((p) => index.clustersNearPolygon(p, POLYGON_KM)));
  const cpSample = drawn.slice(0, Math.max(1, Math.ceil(POLYGON_PAIRS / Math.max(1, N))));
  const cpRef = time(() => cpSample.map((p) => ref.clustersNearPolygonReference(data, p, POLYGON_KM)));
  rows.push(row(label, `clusters within ${POLYGON_KM} km of a drawn 0.15° square`, `${drawn.length} queries`, cpRef.ms, cpSample.length, drawn.length, 'queries', cp.ms, cpRef.result.every((r, i) => sameNeighbours(cp.result[i]!, r))));

  // One union question: clusters within UNION_KM of any of UNION_SOURCES KCN (every phase of a
  // zone at once). Per target the answer does not depend on the other targets, so the reference
  // runs on a sample of clusters and the index's answer is compared on that sample.
  const sources = sampleOf(zones, UNION_SOURCES, 6).map((z) => z.properties.id);
  const from = { layer: 'zones' as const, ids: sources };
  const un = time(() => index.union(from, 'clusters', { kind: 'within', km: UNION_KM }));
  const unSample = sampleOf(clusters, Math.max(1, Math.ceil(POLYGON_PAIRS / Math.max(1, sources.length))), 7);
  const unRef = time(() => ref.unionReference({ ...data, clusters: unSample }, from, 'clusters', { kind: 'within', km: UNION_KM }));
  const inSample = new Set(unSample.map((c) => c.properties.id));
  const unAgree = sameUnion(un.result.filter((h) => inSample.has(h.id)), unRef.result);
  rows.push(row(label, `clusters within ${UNION_KM} km of any of ${sources.length} KCN (one union)`, `${N.toLocaleString('en')} clusters`, unRef.ms, unSample.length, N, 'clusters', un.ms, unAgree));

  return { rows, buildMs: built.ms };
}

function sameUnion(a: readonly UnionHit[], b: readonly UnionHit[]): boolean {
  return a.length === b.length && a.every((h, i) => h.id === b[i]!.id && h.fromId === b[i]!.fromId && Math.abs(h.distanceKm - b[i]!.distanceKm) < 1e-3);
}
