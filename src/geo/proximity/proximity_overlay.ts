import buffer from '@turf/buffer';
import centroid from '@turf/centroid';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { ProximityAnswer } from './proximity_protocol';
import type { ProximityRow } from './proximity_rows';
import type { ProximityData } from './proximity_types';

/** What an overlay feature draws: a distance ring, a village→cluster link, or a hit marker. */
export type OverlayRole = 'ring' | 'link' | 'hit';

/** Most sources a union answer draws rings around. */
const UNION_RINGS_MAX = 30;

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
  const ring = (f: Feature<Geometry> | Geometry, d: number) => {
    const r = buffer(f as Feature<Geometry>, d, { units: 'kilometers', steps: 16 });
    if (r) out.push({ ...r, properties: { role: 'ring' satisfies OverlayRole } });
  };
  if (centre && km > 0) ring(centre, km);
  // A union question: a ring around each source (up to a few dozen; beyond, rings only clutter).
  const sources = new Map<string, Feature<Geometry>>();
  if (answer.kind === 'union') {
    const from = answer.from;
    if (from.layer === 'area') from.polygons.forEach((g, i) => sources.set(`area-${i}`, { type: 'Feature', properties: {}, geometry: g }));
    else for (const id of from.ids) {
      const f = by[from.layer === 'clusters' ? 'cluster' : from.layer === 'zones' ? 'zone' : 'village'].get(id);
      if (f) sources.set(id, f);
    }
    if (answer.mode.kind === 'within' && answer.mode.km > 0 && sources.size <= UNION_RINGS_MAX) for (const f of sources.values()) ring(f, answer.mode.km);
  }
  for (const r of rows) {
    const f = by[r.layer].get(r.id);
    if (!f) continue;
    const a = anchor(f);
    out.push({ type: 'Feature', properties: { role: 'hit' satisfies OverlayRole, id: r.id, layer: r.layer }, geometry: { type: 'Point', coordinates: a } });
    const o = !r.otherId || !r.otherLayer ? undefined : r.otherLayer === 'area' || answer.kind === 'union' ? sources.get(r.otherId) : by[r.otherLayer].get(r.otherId);
    if (o && answer.kind !== 'satellites' && answer.kind !== 'villagesNearCluster') {
      out.push({ type: 'Feature', properties: { role: 'link' satisfies OverlayRole }, geometry: { type: 'LineString', coordinates: [a, anchor(o)] } });
    }
  }
  return { type: 'FeatureCollection', features: out };
}
