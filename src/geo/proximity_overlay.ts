import buffer from '@turf/buffer';
import centroid from '@turf/centroid';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { ProximityAnswer } from './proximity_protocol';
import type { ProximityData } from './proximity_types';

/** What an overlay feature draws: a distance ring, a village→cluster link, or a hit marker. */
export type OverlayRole = 'ring' | 'link' | 'hit';

/** One row of a proximity result table. */
export interface ProximityRow {
  /** Feature listed in the row (a cluster, a village or a zone). */
  id: string;
  layer: 'cluster' | 'village' | 'zone';
  /** Its counterpart (nearest zone / nearest cluster), if the question has one. */
  otherId: string | null;
  otherLayer: 'cluster' | 'zone' | null;
  /** Edge-to-edge distance (km). */
  distanceKm: number;
}

type Lookup = Map<string, Feature<Geometry, { id: string }>>;

function index(data: ProximityData): Record<'cluster' | 'village' | 'zone', Lookup> {
  const m = (fs: readonly Feature<Geometry, { id: string }>[]): Lookup => new Map(fs.map((f) => [f.properties.id, f]));
  return { cluster: m(data.clusters), village: m(data.villages), zone: m(data.zones) };
}

function anchor(f: Feature<Geometry>): Position {
  return f.geometry.type === 'Point' ? (f.geometry as Point).coordinates : centroid(f).geometry.coordinates;
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
  }
}

/**
 * What the map draws for a result: the ring at `km` around the chosen zone or cluster,
 * a line from each listed feature to its counterpart, and a marker on each hit.
 *
 * @param answer - the worker's answer
 * @param rows - its rows (see {@link proximityRows})
 * @param data - the analysed features
 * @param km - ring distance (km)
 */
export function proximityOverlay(answer: ProximityAnswer, rows: readonly ProximityRow[], data: ProximityData, km: number): FeatureCollection {
  const by = index(data);
  const out: Feature[] = [];
  const centre =
    answer.kind === 'satellites' ? by.zone.get(answer.zoneId) : answer.kind === 'villagesNearCluster' ? by.cluster.get(answer.clusterId) : undefined;
  if (centre && km > 0) {
    const ring = buffer(centre as Feature<Geometry>, km, { units: 'kilometers', steps: 16 });
    if (ring) out.push({ ...ring, properties: { role: 'ring' satisfies OverlayRole } });
  }
  for (const r of rows) {
    const f = by[r.layer].get(r.id);
    if (!f) continue;
    const a = anchor(f);
    out.push({ type: 'Feature', properties: { role: 'hit' satisfies OverlayRole, id: r.id, layer: r.layer }, geometry: { type: 'Point', coordinates: a } });
    const o = r.otherId && r.otherLayer ? by[r.otherLayer].get(r.otherId) : undefined;
    if (o && answer.kind !== 'satellites' && answer.kind !== 'villagesNearCluster') {
      out.push({ type: 'Feature', properties: { role: 'link' satisfies OverlayRole }, geometry: { type: 'LineString', coordinates: [a, anchor(o)] } });
    }
  }
  return { type: 'FeatureCollection', features: out };
}
