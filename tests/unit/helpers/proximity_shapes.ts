import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { mulberry32 } from '../../../src/geo/synth/seeded_random';
import type { Random } from '../../../src/geo/synth/seeded_random';
import { synthPolygon } from '../../../src/geo/synth/synth_polygon';
import type { ProximityGeometry } from '../../../src/geo/proximity/feature_distance';
import type { ProximityData } from '../../../src/geo/proximity/proximity_types';
import type { ClusterFeature, VillageFeature, ZoneFeature } from '../../../src/geo/types';

/** Kilometres per degree along a meridian on Turf's sphere (R = 6371.0088 km). */
export const KM_PER_DEG = (6371.0088 * Math.PI) / 180;

/** Closed counter-clockwise rectangle ring. */
export function rectRing(west: number, south: number, east: number, north: number): Position[] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]];
}

/** Axis-aligned square polygon with its south-west corner at (lon, lat), side in degrees. */
export function square(lon: number, lat: number, sideDeg: number): Polygon {
  return { type: 'Polygon', coordinates: [rectRing(lon, lat, lon + sideDeg, lat + sideDeg)] };
}

/** A Point geometry. */
export function pt(lon: number, lat: number): Point {
  return { type: 'Point', coordinates: [lon, lat] };
}

const PROVINCE = [105.54, 19.89, 106.6, 20.71] as const;

/**
 * A random geometry in the province: grid-snapped rectangles (so touching and
 * overlapping happen often), star polygons, multipolygons and points.
 */
export function randomGeometry(rand: Random, area: readonly number[] = PROVINCE): ProximityGeometry {
  const [x0, y0, x1, y1] = area as [number, number, number, number];
  const roll = rand();
  if (roll < 0.35) {
    const grid = 0.005;
    const snap = (v: number): number => Math.round(v / grid) * grid;
    const w = snap(x0 + rand() * (x1 - x0));
    const s = snap(y0 + rand() * (y1 - y0));
    const cells = 1 + Math.floor(rand() * 3);
    return { type: 'Polygon', coordinates: [rectRing(w, s, w + cells * grid, s + (1 + Math.floor(rand() * 3)) * grid)] };
  }
  if (roll < 0.7) return synthPolygon(rand, 5 + rand() * 300, area);
  if (roll < 0.8) {
    const a = synthPolygon(rand, 10 + rand() * 60, area);
    const [cx, cy] = a.coordinates[0]![0]!;
    const b = synthPolygon(rand, 10 + rand() * 60, [cx! - 0.03, cy! - 0.03, cx! + 0.03, cy! + 0.03]);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [a.coordinates, b.coordinates] };
    return multi;
  }
  return pt(x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0));
}

const BASE = { ex_province: 'Ninh Bình' as const, old_district: null, new_commune: null, communes: [], status: 'planned' as const, sources: ['https://example.invalid/synthetic'], as_of: '2025-07-01', geometry_quality: 'schematic-commune' as const };

/** A minimal valid cluster with the given id and geometry. */
export function makeCluster(id: string, geometry: ProximityGeometry): ClusterFeature {
  return { type: 'Feature', geometry, properties: { ...BASE, id, name: id, planned_area_ha: null, wwtp: 'unknown', occupancy_pct: null, projects: null, workers: null, model: null, industries: null, decision: null } };
}

/** A minimal valid industrial zone with the given id and geometry. */
export function makeZone(id: string, geometry: ProximityGeometry): ZoneFeature {
  return { type: 'Feature', geometry, properties: { ...BASE, id, name: id, area_ha: null } };
}

/** A minimal valid craft village with the given id and point. */
export function makeVillage(id: string, geometry: Point): VillageFeature {
  const { communes: _communes, status: _status, ...rest } = BASE;
  return { type: 'Feature', geometry, properties: { ...rest, id, name: id, craft: null, old_commune: null, recognised: 'unknown' } };
}

/** A random, reproducible data set; a small `area` crowds features so many touch or overlap. */
export function randomData(seed: number, counts: { clusters: number; zones: number; villages: number }, area: readonly number[] = PROVINCE): ProximityData {
  const rand = mulberry32(seed);
  const clusters = Array.from({ length: counts.clusters }, (_, i) => makeCluster(`c${String(i).padStart(4, '0')}`, randomGeometry(rand, area)));
  const zones = Array.from({ length: counts.zones }, (_, i) => makeZone(`z${String(i).padStart(3, '0')}`, randomGeometry(rand, area)));
  const [x0, y0, x1, y1] = area as [number, number, number, number];
  const onGrid = (v: number): number => Math.round(v / 0.005) * 0.005;
  const villages = Array.from({ length: counts.villages }, (_, i) => {
    const lon = x0 + rand() * (x1 - x0);
    const lat = y0 + rand() * (y1 - y0);
    // Some villages sit on the 0.005° grid, i.e. on rectangle corners and edges.
    return makeVillage(`v${String(i).padStart(5, '0')}`, rand() < 0.3 ? pt(onGrid(lon), onGrid(lat)) : pt(lon, lat));
  });
  return { clusters, zones, villages };
}
