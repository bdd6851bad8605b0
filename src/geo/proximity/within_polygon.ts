import type { MultiPolygon, Polygon } from 'geojson';
import { ProximityIndex } from './proximity_index';
import type { Neighbour } from './proximity_types';
import type { ClusterFeature } from '../types';

// One cluster-only index per cluster array (by identity), so repeated selections do not rebuild it.
const memo = new WeakMap<readonly ClusterFeature[], ProximityIndex>();

/**
 * Clusters overlapping, or within `km` of, a polygon the user supplies (for
 * selection and export). Indexed (Flatbush) and refined with Turf; the index
 * is built on first use for a given `clusters` array and reused after.
 *
 * @param clusters - the clusters; treat the array as immutable (the memo is by identity)
 * @param polygon - the user's Polygon or MultiPolygon (lon/lat degrees)
 * @param km - radius (kilometres, ≥ 0; 0 = intersects, touching included)
 * @returns matching clusters' ids with distances (kilometres), sorted by distance then id
 * @example
 * clustersNearPolygon(clusters, drawnPolygon, 0); // [{ id: 'nd-thang-cuong', distanceKm: 0 }, ...]
 */
export function clustersNearPolygon(clusters: readonly ClusterFeature[], polygon: Polygon | MultiPolygon, km: number): Neighbour[] {
  if (!Array.isArray(clusters)) throw new Error(`Expected clusters to be an array, got ${typeof clusters}`);
  let index = memo.get(clusters);
  if (!index) {
    index = new ProximityIndex({ clusters, zones: [], villages: [] });
    memo.set(clusters, index);
  }
  return index.clustersNearPolygon(polygon, km);
}
