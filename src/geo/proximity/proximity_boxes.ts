import Flatbush from 'flatbush';
import { bboxGapKm, EARTH_RADIUS_KM, expandBBoxKm, geometryBBox } from './bbox_expand';
import type { BBox2 } from './bbox_expand';
import { featureDistancePrepared, proximityGeometry } from './feature_distance';
import type { ProximityGeometry } from './feature_distance';
import { isBetter } from './proximity_types';
import type { Neighbour } from './proximity_types';

/** Features packed for search: a Flatbush over padded boxes, plus ids and geometries. */
export interface BoxSet {
  tree: Flatbush | null;
  ids: string[];
  geometries: ProximityGeometry[];
  boxes: BBox2[];
  /** First radius tried by nearest searches (kilometres): the mean spacing. */
  startKm: number;
}

/**
 * Index features by their bounding boxes, once per dataset.
 *
 * @param features - features with `properties.id` and a Point/Polygon/MultiPolygon
 * @param kind - name used in error messages (e.g. `cluster`)
 * @returns the packed set; `tree` is null when there are no features
 * @example
 * const set = buildBoxSet(clusters, 'cluster');
 */
export function buildBoxSet(
  features: readonly { geometry: ProximityGeometry; properties: { id: string } }[],
  kind: string,
): BoxSet {
  if (!Array.isArray(features)) throw new Error(`Expected ${kind}s to be an array, got ${typeof features}`);
  const ids = features.map((f, i) => {
    const id: unknown = f?.properties?.id;
    if (typeof id !== 'string' || id === '') throw new Error(`Expected ${kind} ${i} to have a non-empty string properties.id, got ${JSON.stringify(id)}`);
    return id;
  });
  const geometries = features.map((f, i) => proximityGeometry(f, `${kind} ${i} (${ids[i]})`));
  const boxes = geometries.map(geometryBBox);
  if (features.length === 0) return { tree: null, ids, geometries, boxes, startKm: 1 };
  const tree = new Flatbush(features.length);
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  const rad = Math.PI / 180;
  const widthKm = (tree.maxX - tree.minX) * rad * EARTH_RADIUS_KM * Math.cos(((tree.minY + tree.maxY) / 2) * rad);
  const heightKm = (tree.maxY - tree.minY) * rad * EARTH_RADIUS_KM;
  const startKm = Math.max(0.05, Math.sqrt((widthKm * heightKm) / features.length));
  return { tree, ids, geometries, boxes, startKm };
}

/**
 * The nearest member of `set` to `query` (distance, then id, on ties), by
 * growing search rings; candidates are refined with `featureDistance` in the
 * order of their box lower bound, and skipped once that bound exceeds the best.
 *
 * @param set - the indexed features
 * @param query - the query geometry
 * @param queryBox - `geometryBBox(query)`
 * @returns the member's position in `set` and its distance (kilometres), or null for an empty set
 * @example
 * nearestInBoxSet(zones, cluster.geometry, geometryBBox(cluster.geometry));
 */
export function nearestInBoxSet(set: BoxSet, query: ProximityGeometry, queryBox: BBox2): { index: number; distanceKm: number } | null {
  const tree = set.tree;
  if (!tree) return null;
  const seen = new Set<number>();
  let bestKm = Infinity;
  let best = -1;
  for (let r = set.startKm; ; r *= 2) {
    const e = expandBBoxKm(queryBox, r);
    const candidates = tree
      .search(e[0], e[1], e[2], e[3], (i) => !seen.has(i))
      .map((i) => ({ i, lower: bboxGapKm(queryBox, set.boxes[i]!) }))
      .sort((a, b) => a.lower - b.lower);
    for (const { i, lower } of candidates) {
      seen.add(i);
      if (lower > bestKm) continue;
      const d = featureDistancePrepared(query, set.geometries[i]!);
      if (best === -1 || isBetter(d, set.ids[i]!, bestKm, set.ids[best]!)) {
        bestKm = d;
        best = i;
      }
    }
    // Anything outside the ring is farther than r; the ring covering the tree means all were seen.
    const covers = e[0] <= tree.minX && e[1] <= tree.minY && e[2] >= tree.maxX && e[3] >= tree.maxY;
    if (bestKm <= r || covers) return best === -1 ? null : { index: best, distanceKm: bestKm };
  }
}

/**
 * Members of `set` within `km` of `query`, refined with `featureDistance`.
 *
 * @param set - the indexed features
 * @param query - the query geometry
 * @param queryBox - `geometryBBox(query)`
 * @param km - radius (kilometres, ≥ 0)
 * @returns unsorted neighbours with their distances (kilometres)
 * @example
 * withinInBoxSet(clusters, zone.geometry, geometryBBox(zone.geometry), 5);
 */
export function withinInBoxSet(set: BoxSet, query: ProximityGeometry, queryBox: BBox2, km: number): Neighbour[] {
  if (!set.tree) return [];
  const e = expandBBoxKm(queryBox, km);
  const found: Neighbour[] = [];
  for (const i of set.tree.search(e[0], e[1], e[2], e[3])) {
    if (bboxGapKm(queryBox, set.boxes[i]!) > km) continue;
    const d = featureDistancePrepared(query, set.geometries[i]!);
    if (d <= km) found.push({ id: set.ids[i]!, distanceKm: d });
  }
  return found;
}
