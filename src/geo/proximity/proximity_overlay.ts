import buffer from '@turf/buffer';
import centroid from '@turf/centroid';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { ProximityAnswer } from './proximity_protocol';
import type { ProximityRow } from './proximity_rows';
import type { ProximityData } from './proximity_types';

/** What an overlay feature draws: a distance ring, a village→cluster link, or a hit marker. */
export type OverlayRole = 'ring' | 'link' | 'hit';

type Lookup = Map<string, Feature<Geometry, { id: string }>>;

function index(data: ProximityData): Record<'cluster' | 'village' | 'zone', Lookup> {
  const m = (fs: readonly Feature<Geometry, { id: string }>[]): Lookup => new Map(fs.map((f) => [f.properties.id, f]));
  return { cluster: m(data.clusters), village: m(data.villages), zone: m(data.zones) };
}

function anchor(f: Feature<Geometry>): Position {
  return f.geometry.type === 'Point' ? (f.geometry as Point).coordinates : centroid(f).geometry.coordinates;
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
