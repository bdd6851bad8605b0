import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { expandBBoxKm, geometryBBox } from './bbox_expand';
import { featureDistance, proximityGeometry } from './feature_distance';
import type { ProximityGeometry } from './feature_distance';
import { buildBoxSet, nearestInBoxSet, withinInBoxSet } from './proximity_boxes';
import type { BoxSet } from './proximity_boxes';
import { byDistanceThenId, checkKm } from './proximity_types';
import type { NearestMatch, Neighbour, ProximityData, SatelliteGroup } from './proximity_types';

function positions(set: BoxSet, kind: string): Map<string, number> {
  const byId = new Map<string, number>();
  set.ids.forEach((id, i) => {
    const prior = byId.get(id);
    if (prior !== undefined) throw new Error(`Expected unique ${kind} ids, got "${id}" at ${prior} and ${i}`);
    byId.set(id, i);
  });
  return byId;
}

/**
 * Spatial indexes over clusters, zones (KCN) and craft villages, built once;
 * every query prunes with the index and refines with `featureDistance`, so it
 * returns exactly what the plain loops of `proximity_reference` return.
 * Distances are in kilometres, edge to edge.
 */
export class ProximityIndex {
  private readonly clusters: BoxSet;
  private readonly zones: BoxSet;
  private readonly villages: BoxSet;
  private readonly villagePoints: KDBush | null;
  private readonly clusterById: Map<string, number>;
  private readonly zoneById: Map<string, number>;

  /** @param data - the three datasets; ids must be unique within each */
  constructor(data: ProximityData) {
    if (data === null || typeof data !== 'object') throw new Error(`Expected proximity data {clusters, zones, villages}, got ${String(data)}`);
    this.clusters = buildBoxSet(data.clusters, 'cluster');
    this.zones = buildBoxSet(data.zones, 'zone');
    this.villages = buildBoxSet(data.villages, 'village');
    this.clusterById = positions(this.clusters, 'cluster');
    this.zoneById = positions(this.zones, 'zone');
    positions(this.villages, 'village');
    this.villagePoints = null;
    if (this.villages.geometries.length > 0) {
      const kd = new KDBush(this.villages.geometries.length);
      this.villages.geometries.forEach((g, i) => {
        if (g.type !== 'Point') throw new Error(`Expected village ${i} (${this.villages.ids[i]}) to be a Point, got ${g.type}`);
        kd.add(g.coordinates[0]!, g.coordinates[1]!);
      });
      this.villagePoints = kd.finish();
    }
  }

  /** Counts of indexed features. */
  get size(): { clusters: number; zones: number; villages: number } {
    return { clusters: this.clusters.ids.length, zones: this.zones.ids.length, villages: this.villages.ids.length };
  }

  /** @returns the nearest zone of every cluster, sorted by distance (km) then id */
  nearestZones(): NearestMatch[] {
    return this.nearestOfAll(this.clusters, this.zones);
  }

  /** @returns the nearest cluster of every craft village, sorted by distance (km) then id */
  nearestClusters(): NearestMatch[] {
    return this.nearestOfAll(this.villages, this.clusters);
  }

  /**
   * @param zoneId - the zone's `properties.id`
   * @param km - radius (kilometres, ≥ 0; 0 = touching or overlapping)
   * @returns the zone's satellite clusters, sorted by distance (km) then id
   */
  satellites(zoneId: string, km: number): Neighbour[] {
    checkKm(km);
    const z = this.zoneById.get(zoneId);
    if (z === undefined) throw new Error(`Expected a zone id present in the data, got "${zoneId}"`);
    const g = this.zones.geometries[z]!;
    return withinInBoxSet(this.clusters, g, this.zones.boxes[z]!, km).sort(byDistanceThenId);
  }

  /**
   * @param km - radius (kilometres, ≥ 0)
   * @returns the satellite clusters of every zone, sorted by zone id
   */
  allSatellites(km: number): SatelliteGroup[] {
    checkKm(km);
    return [...this.zones.ids]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((zoneId) => ({ zoneId, clusters: this.satellites(zoneId, km) }));
  }

  /**
   * @param clusterId - the cluster's `properties.id`
   * @param km - radius (kilometres, ≥ 0)
   * @returns craft villages within `km` of the cluster, sorted by distance (km) then id
   */
  villagesNearCluster(clusterId: string, km: number): Neighbour[] {
    checkKm(km);
    const c = this.clusterById.get(clusterId);
    if (c === undefined) throw new Error(`Expected a cluster id present in the data, got "${clusterId}"`);
    return this.villagesNear(this.clusters.geometries[c]!, this.clusters.boxes[c]!, km);
  }

  /**
   * @param polygon - a user-drawn Polygon or MultiPolygon
   * @param km - radius (kilometres, ≥ 0; 0 = intersects)
   * @returns clusters overlapping or within `km` of it, sorted by distance (km) then id
   */
  clustersNearPolygon(polygon: Polygon | MultiPolygon, km: number): Neighbour[] {
    checkKm(km);
    const g = proximityGeometry(polygon, 'polygon');
    if (g.type === 'Point') throw new Error('Expected polygon to be a Polygon or MultiPolygon, got Point');
    return withinInBoxSet(this.clusters, g, geometryBBox(g), km).sort(byDistanceThenId);
  }

  private villagesNear(query: ProximityGeometry, box: readonly number[], km: number): Neighbour[] {
    const kd = this.villagePoints;
    if (!kd) return [];
    let candidates: number[];
    if (query.type === 'Point') {
      // geokdbush's radius (6371 km) is a little smaller than Turf's, so its circle holds ours; pad for rounding.
      candidates = around(kd, query.coordinates[0]!, query.coordinates[1]!, Infinity, km * 1.001 + 0.001);
    } else {
      const e = expandBBoxKm(box, km);
      candidates = kd.range(e[0], e[1], e[2], e[3]);
    }
    const found: Neighbour[] = [];
    for (const i of candidates) {
      const d = featureDistance(query, this.villages.geometries[i]!);
      if (d <= km) found.push({ id: this.villages.ids[i]!, distanceKm: d });
    }
    return found.sort(byDistanceThenId);
  }

  private nearestOfAll(from: BoxSet, to: BoxSet): NearestMatch[] {
    return from.geometries
      .map((g, i): NearestMatch => {
        const hit = nearestInBoxSet(to, g, from.boxes[i]!);
        const id = from.ids[i]!;
        return hit ? { id, nearestId: to.ids[hit.index]!, distanceKm: hit.distanceKm } : { id, nearestId: null, distanceKm: null };
      })
      .sort(byDistanceThenId);
  }
}

/**
 * Build the proximity indexes once per dataset (Flatbush over cluster and
 * zone boxes, KDBush over village points).
 *
 * @param data - clusters, zones (KCN) and craft villages
 * @returns the index; query it for distances in kilometres
 * @example
 * const index = buildProximityIndex({ clusters, zones, villages });
 * index.satellites('kcn-hoa-xa', 5); // [{ id: 'nd-...', distanceKm: 0.8 }, ...]
 */
export function buildProximityIndex(data: ProximityData): ProximityIndex {
  return new ProximityIndex(data);
}
