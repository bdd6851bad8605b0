import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { expandBBoxKm, geometryBBox } from './bbox_expand';
import { featureDistance, proximityGeometry } from './feature_distance';
import type { ProximityGeometry } from './feature_distance';
import { buildBoxSet, nearestInBoxSet, withinInBoxSet } from './proximity_boxes';
import type { BoxSet } from './proximity_boxes';
import type { BBox2 } from './bbox_expand';
import { byDistanceThenId, checkKm, NEAREST_SEARCH_MAX_KM } from './proximity_types';
import type { NearestMatch, Neighbour, ProximityData, ProxLayer, SatelliteGroup, UnionFrom, UnionHit, UnionMode } from './proximity_types';

/** A source of a union question, ready for the index. */
interface Source { id: string; geometry: ProximityGeometry; box: BBox2 }

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
  private readonly villageById: Map<string, number>;

  /** @param data - the three datasets; ids must be unique within each */
  constructor(data: ProximityData) {
    if (data === null || typeof data !== 'object') throw new Error(`Expected proximity data {clusters, zones, villages}, got ${String(data)}`);
    this.clusters = buildBoxSet(data.clusters, 'cluster');
    this.zones = buildBoxSet(data.zones, 'zone');
    this.villages = buildBoxSet(data.villages, 'village');
    this.clusterById = positions(this.clusters, 'cluster');
    this.zoneById = positions(this.zones, 'zone');
    this.villageById = positions(this.villages, 'village');
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

  /**
   * A question over a set of features: every target within `km` of any source, or the `n`
   * targets nearest to any source, each with its edge-to-edge distance to its nearest source
   * and which source that is. A source is not its own target.
   *
   * @param from - the sources: ids of one layer, or areas (Polygon/MultiPolygon)
   * @param to - the layer asked about
   * @param mode - within `km` (≥ 0), or the nearest `n` (integer ≥ 1)
   * @returns the targets, sorted by distance (km) then id
   */
  union(from: UnionFrom, to: ProxLayer, mode: UnionMode): UnionHit[] {
    const sources = this.sourcesOf(from);
    const exclude = from.layer === to ? new Set(from.ids) : null;
    if (mode.kind === 'within') return this.unionWithin(sources, to, checkKm(mode.km, 'mode.km'), exclude);
    if (!Number.isInteger(mode.n) || mode.n < 1) throw new Error(`Expected mode.n to be an integer >= 1, got ${String(mode.n)}`);
    if (!sources.length) return [];
    // Within a radius the answer is exact, so once it holds n targets the n nearest are among them.
    for (let km = 1; ; km *= 4) {
      const r = Math.min(km, NEAREST_SEARCH_MAX_KM);
      const hits = this.unionWithin(sources, to, r, exclude);
      if (hits.length >= mode.n || r === NEAREST_SEARCH_MAX_KM) return hits.slice(0, mode.n);
    }
  }

  private sourcesOf(from: UnionFrom): Source[] {
    if (from === null || typeof from !== 'object') throw new Error(`Expected the sources {layer, ids} or {layer: 'area', polygons}, got ${String(from)}`);
    if (from.layer === 'area') {
      return from.polygons.map((p, i) => {
        const g = proximityGeometry(p, `area ${i}`);
        return { id: `area-${i}`, geometry: g, box: geometryBBox(g) };
      });
    }
    const [set, byId] = from.layer === 'clusters' ? [this.clusters, this.clusterById] : from.layer === 'zones' ? [this.zones, this.zoneById] : [this.villages, this.villageById];
    return from.ids.map((id) => {
      const i = byId.get(id);
      if (i === undefined) throw new Error(`Expected ${from.layer} ids present in the data, got "${id}"`);
      return { id, geometry: set.geometries[i]!, box: set.boxes[i]! };
    });
  }

  private unionWithin(sources: readonly Source[], to: ProxLayer, km: number, exclude: ReadonlySet<string> | null): UnionHit[] {
    const best = new Map<string, UnionHit>();
    const target = to === 'clusters' ? this.clusters : this.zones;
    for (const s of sources) {
      const hits = to === 'villages' ? this.villagesNear(s.geometry, s.box, km) : withinInBoxSet(target, s.geometry, s.box, km);
      for (const h of hits) {
        if (exclude?.has(h.id)) continue;
        const prior = best.get(h.id);
        if (!prior || h.distanceKm < prior.distanceKm || (h.distanceKm === prior.distanceKm && s.id < prior.fromId)) best.set(h.id, { id: h.id, distanceKm: h.distanceKm, fromId: s.id });
      }
    }
    return [...best.values()].sort(byDistanceThenId);
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
