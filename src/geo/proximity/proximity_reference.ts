import type { MultiPolygon, Polygon } from 'geojson';
import { featureDistance, proximityGeometry } from './feature_distance';
import type { ProximityGeometry } from './feature_distance';
import { byDistanceThenId, checkKm, isBetter } from './proximity_types';
import type { NearestMatch, Neighbour, ProximityData, ProxLayer, SatelliteGroup, UnionFrom, UnionHit, UnionMode } from './proximity_types';

interface Identified {
  geometry: ProximityGeometry;
  properties: { id: string };
}

function nearestOf(query: Identified, others: readonly Identified[]): NearestMatch {
  let bestKm = Infinity;
  let bestId = '';
  for (const other of others) {
    const d = featureDistance(query.geometry, other.geometry);
    if (isBetter(d, other.properties.id, bestKm, bestId)) {
      bestKm = d;
      bestId = other.properties.id;
    }
  }
  const id = query.properties.id;
  return bestKm === Infinity ? { id, nearestId: null, distanceKm: null } : { id, nearestId: bestId, distanceKm: bestKm };
}

function withinOf(query: ProximityGeometry, others: readonly Identified[], km: number): Neighbour[] {
  const found: Neighbour[] = [];
  for (const other of others) {
    const d = featureDistance(query, other.geometry);
    if (d <= km) found.push({ id: other.properties.id, distanceKm: d });
  }
  return found.sort(byDistanceThenId);
}

function find<T extends Identified>(list: readonly T[], id: string, kind: string): T {
  const hit = list.find((f) => f.properties.id === id);
  if (!hit) throw new Error(`Expected a ${kind} id present in the data, got "${id}"`);
  return hit;
}

/**
 * Reference (plain Turf loop): the nearest industrial zone (KCN) of every
 * cluster, edge to edge. O(clusters × zones).
 *
 * @param data - clusters and zones
 * @returns one entry per cluster, sorted by distance (kilometres) then id
 * @example
 * nearestZoneReference({ clusters, zones, villages: [] })[0]; // { id, nearestId, distanceKm }
 */
export function nearestZoneReference(data: ProximityData): NearestMatch[] {
  return data.clusters.map((c) => nearestOf(c, data.zones)).sort(byDistanceThenId);
}

/**
 * Reference: clusters within `km` of one zone (its satellite clusters).
 *
 * @param data - clusters and zones
 * @param zoneId - the zone's `properties.id`
 * @param km - radius (kilometres, ≥ 0; 0 = touching or overlapping)
 * @returns clusters sorted by distance (kilometres) then id
 * @example
 * satellitesReference(data, 'kcn-hoa-xa', 5);
 */
export function satellitesReference(data: ProximityData, zoneId: string, km: number): Neighbour[] {
  checkKm(km);
  return withinOf(find(data.zones, zoneId, 'zone').geometry, data.clusters, km);
}

/**
 * Reference: the satellite clusters of every zone.
 *
 * @param data - clusters and zones
 * @param km - radius (kilometres, ≥ 0)
 * @returns one group per zone, sorted by zone id
 * @example
 * satellitesOfAllReference(data, 5).length === data.zones.length; // true
 */
export function satellitesOfAllReference(data: ProximityData, km: number): SatelliteGroup[] {
  checkKm(km);
  return data.zones
    .map((z) => ({ zoneId: z.properties.id, clusters: withinOf(z.geometry, data.clusters, km) }))
    .sort((a, b) => (a.zoneId < b.zoneId ? -1 : a.zoneId > b.zoneId ? 1 : 0));
}

/**
 * Reference: craft villages within `km` of one cluster.
 *
 * @param data - clusters and villages
 * @param clusterId - the cluster's `properties.id`
 * @param km - radius (kilometres, ≥ 0)
 * @returns villages sorted by distance (kilometres) then id
 * @example
 * villagesNearClusterReference(data, 'nd-thang-cuong', 2);
 */
export function villagesNearClusterReference(data: ProximityData, clusterId: string, km: number): Neighbour[] {
  checkKm(km);
  return withinOf(find(data.clusters, clusterId, 'cluster').geometry, data.villages, km);
}

/**
 * Reference: the nearest cluster of every craft village. O(villages × clusters).
 *
 * @param data - clusters and villages
 * @returns one entry per village, sorted by distance (kilometres) then id
 * @example
 * nearestClusterReference(data)[0]; // { id: village id, nearestId: cluster id, distanceKm }
 */
export function nearestClusterReference(data: ProximityData): NearestMatch[] {
  return data.villages.map((v) => nearestOf(v, data.clusters)).sort(byDistanceThenId);
}

/**
 * Reference: clusters overlapping, or within `km` of, a polygon the user drew.
 *
 * @param data - clusters
 * @param polygon - the selection (Polygon or MultiPolygon)
 * @param km - radius (kilometres, ≥ 0; 0 = intersects)
 * @returns clusters sorted by distance (kilometres) then id
 * @example
 * clustersNearPolygonReference(data, drawn, 0);
 */
export function clustersNearPolygonReference(data: ProximityData, polygon: Polygon | MultiPolygon, km: number): Neighbour[] {
  checkKm(km);
  const geometry = proximityGeometry(polygon, 'polygon');
  if (geometry.type === 'Point') throw new Error('Expected polygon to be a Polygon or MultiPolygon, got Point');
  return withinOf(geometry, data.clusters, km);
}

/**
 * The union question with plain loops: every target against every source with
 * `featureDistance` (Turf). The reference the index must match.
 */
export function unionReference(data: ProximityData, from: UnionFrom, to: ProxLayer, mode: UnionMode): UnionHit[] {
  const list = (l: ProxLayer): readonly Identified[] => (l === 'clusters' ? data.clusters : l === 'zones' ? data.zones : data.villages);
  const sources = from.layer === 'area'
    ? from.polygons.map((p, i) => ({ id: `area-${i}`, geometry: proximityGeometry(p, `area ${i}`) }))
    : from.ids.map((id) => ({ id, geometry: find(list(from.layer as ProxLayer), id, from.layer).geometry }));
  const own = from.layer === to ? new Set(from.ids) : new Set<string>();
  const all: UnionHit[] = [];
  for (const t of list(to)) {
    if (own.has(t.properties.id) || !sources.length) continue;
    let best: UnionHit | null = null;
    for (const s of sources) {
      const d = featureDistance(s.geometry, t.geometry);
      if (!best || d < best.distanceKm || (d === best.distanceKm && s.id < best.fromId)) best = { id: t.properties.id, distanceKm: d, fromId: s.id };
    }
    all.push(best!);
  }
  all.sort(byDistanceThenId);
  return mode.kind === 'within' ? all.filter((h) => h.distanceKm <= checkKm(mode.km)) : all.slice(0, mode.n);
}
