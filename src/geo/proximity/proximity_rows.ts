import type { ProximityAnswer } from './proximity_protocol';

const ROW_LAYER = { clusters: 'cluster', zones: 'zone', villages: 'village' } as const;

/** One row of a proximity result table. */
export interface ProximityRow {
  /** Feature listed in the row (a cluster, a village or a zone). */
  id: string;
  layer: 'cluster' | 'village' | 'zone';
  /** Its counterpart (nearest zone / nearest cluster / the source it is nearest to), if the question has one. */
  otherId: string | null;
  otherLayer: 'cluster' | 'zone' | 'village' | 'area' | null;
  /** Edge-to-edge distance (km). */
  distanceKm: number;
}

/**
 * Rows of the result table: every answer flattened to (feature, counterpart, km), keeping
 * only pairs within `km` for the "nearest" questions.
 *
 * @param answer - the worker's answer
 * @param km - distance limit (km) for the nearest-* questions
 */
export function proximityRows(answer: ProximityAnswer, km: number): ProximityRow[] {
  switch (answer.kind) {
    case 'nearestZones':
      return answer.matches
        .filter((m) => m.nearestId !== null && m.distanceKm !== null && m.distanceKm <= km)
        .map((m) => ({ id: m.id, layer: 'cluster', otherId: m.nearestId, otherLayer: 'zone', distanceKm: m.distanceKm! }));
    case 'nearestClusters':
      return answer.matches
        .filter((m) => m.nearestId !== null && m.distanceKm !== null && m.distanceKm <= km)
        .map((m) => ({ id: m.id, layer: 'village', otherId: m.nearestId, otherLayer: 'cluster', distanceKm: m.distanceKm! }));
    case 'satellites':
      return answer.clusters.map((c) => ({ id: c.id, layer: 'cluster', otherId: answer.zoneId, otherLayer: 'zone', distanceKm: c.distanceKm }));
    case 'villagesNearCluster':
      return answer.villages.map((v) => ({ id: v.id, layer: 'village', otherId: answer.clusterId, otherLayer: 'cluster', distanceKm: v.distanceKm }));
    case 'allSatellites':
      return answer.groups.flatMap((g) =>
        g.clusters.map((c) => ({ id: c.id, layer: 'cluster' as const, otherId: g.zoneId, otherLayer: 'zone' as const, distanceKm: c.distanceKm })),
      );
    case 'clustersNearPolygon':
      return answer.clusters.map((c) => ({ id: c.id, layer: 'cluster', otherId: null, otherLayer: null, distanceKm: c.distanceKm }));
    case 'union': {
      const layer = ROW_LAYER[answer.to];
      const otherLayer = answer.from.layer === 'area' ? 'area' : ROW_LAYER[answer.from.layer];
      return answer.hits.map((h) => ({ id: h.id, layer, otherId: h.fromId, otherLayer, distanceKm: h.distanceKm }));
    }
  }
}
