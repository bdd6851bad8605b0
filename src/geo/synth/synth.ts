import type { Point } from 'geojson';
import { mulberry32, pickOne } from './seeded_random';
import { roundTo, synthPolygon } from './synth_polygon';
import type { Random } from './seeded_random';
import { EX_PROVINCES, STATUSES, WWTP_STATES } from '../types';
import type { ClusterCollection, ExProvince, VillageCollection, ZoneCollection } from '../types';

/** The merged province's extent `[minLon, minLat, maxLon, maxLat]` (degrees). */
export const NINH_BINH_BBOX: readonly [number, number, number, number] = [105.54, 19.89, 106.6, 20.71];

const SOURCE = 'https://example.invalid/synthetic';
const AS_OF = '2025-07-01';
const DISTRICTS: Record<ExProvince, readonly string[]> = {
  'Hà Nam': ['Duy Tiên', 'Kim Bảng', 'Lý Nhân', 'Thanh Liêm', 'Bình Lục', 'Phủ Lý'],
  'Nam Định': ['Ý Yên', 'Vụ Bản', 'Nam Trực', 'Trực Ninh', 'Xuân Trường', 'Giao Thủy', 'Hải Hậu', 'Nghĩa Hưng'],
  'Ninh Bình': ['Gia Viễn', 'Hoa Lư', 'Nho Quan', 'Yên Mô', 'Yên Khánh', 'Kim Sơn', 'Tam Điệp'],
};
const INDUSTRIES = ['Dệt may', 'Cơ khí', 'Chế biến nông sản', 'Vật liệu xây dựng', 'Đồ gỗ mỹ nghệ', 'Da giày'];
const MODELS = ['Nhà nước đầu tư hạ tầng', 'Doanh nghiệp đầu tư hạ tầng', null];
const CRAFTS = ['Mây tre đan', 'Thêu ren', 'Gốm', 'Chạm khắc đá', 'Dệt', 'Sơn mài', null];

function checkArgs(n: number, seed: number, bbox: readonly number[]): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected n to be an integer >= 0, got ${String(n)}`);
  if (!Number.isInteger(seed)) throw new Error(`Expected seed to be an integer, got ${String(seed)}`);
  const [x0, y0, x1, y1] = bbox;
  if (bbox.length !== 4 || !(x0! < x1! && y0! < y1!)) {
    throw new Error(`Expected bbox [minLon, minLat, maxLon, maxLat] with min < max, got ${JSON.stringify(bbox)}`);
  }
}

function pad(i: number, width: number): string {
  return String(i + 1).padStart(width, '0');
}

function intOrNull(rand: Random, max: number): number | null {
  return rand() < 0.2 ? null : Math.floor(rand() * (max + 1));
}

function synthPoint(rand: Random, bbox: readonly number[]): Point {
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  return { type: 'Point', coordinates: [roundTo(x0 + rand() * (x1 - x0), 7), roundTo(y0 + rand() * (y1 - y0), 7)] };
}

/**
 * Synthetic industrial clusters (CCN): valid polygons of 10–75 ha with
 * realistic ClusterProps, for benchmarks and tests. Pure and seeded.
 *
 * @param n - how many clusters
 * @param seed - PRNG seed (integer); same seed, same output
 * @param bbox - extent `[minLon, minLat, maxLon, maxLat]` (degrees), default the province
 * @returns a FeatureCollection of `n` clusters with ids `syn-ccn-000001`…
 * @example
 * synthClusters(100, 1).features[0].properties.id; // 'syn-ccn-000001'
 */
export function synthClusters(n: number, seed: number, bbox: readonly number[] = NINH_BINH_BBOX): ClusterCollection {
  checkArgs(n, seed, bbox);
  const rand = mulberry32(seed);
  const features: ClusterCollection['features'] = [];
  for (let i = 0; i < n; i++) {
    const area = 10.5 + rand() * 64;
    const province = pickOne(rand, EX_PROVINCES);
    const status = pickOne(rand, STATUSES);
    features.push({
      type: 'Feature',
      geometry: synthPolygon(rand, area, bbox),
      properties: {
        id: `syn-ccn-${pad(i, 6)}`,
        name: `CCN Tổng hợp ${i + 1}`,
        ex_province: province,
        old_district: pickOne(rand, DISTRICTS[province]),
        communes: [`Xã Tổng hợp ${1 + Math.floor(rand() * 500)}`],
        new_commune: rand() < 0.7 ? `Xã Mới ${1 + Math.floor(rand() * 130)}` : null,
        planned_area_ha: roundTo(area, 2),
        status,
        wwtp: pickOne(rand, WWTP_STATES),
        occupancy_pct: status === 'operating' ? Math.floor(rand() * 101) : null,
        projects: intOrNull(rand, 60),
        workers: intOrNull(rand, 8000),
        model: pickOne(rand, MODELS),
        industries: pickOne(rand, INDUSTRIES),
        decision: `${1 + Math.floor(rand() * 3000)}/QĐ-UBND`,
        sources: [SOURCE],
        as_of: AS_OF,
        geometry_quality: 'schematic-commune',
        notes: 'synthetic',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Synthetic industrial zones (KCN): valid polygons of 100–500 ha.
 *
 * @param n - how many zones
 * @param seed - PRNG seed (integer)
 * @param bbox - extent (degrees), default the province
 * @returns a FeatureCollection with ids `syn-kcn-0001`…
 * @example
 * synthZones(500, 2).features.length; // 500
 */
export function synthZones(n: number, seed: number, bbox: readonly number[] = NINH_BINH_BBOX): ZoneCollection {
  checkArgs(n, seed, bbox);
  const rand = mulberry32(seed);
  const features: ZoneCollection['features'] = [];
  for (let i = 0; i < n; i++) {
    const area = 100 + rand() * 400;
    const province = pickOne(rand, EX_PROVINCES);
    features.push({
      type: 'Feature',
      geometry: synthPolygon(rand, area, bbox),
      properties: {
        id: `syn-kcn-${pad(i, 4)}`,
        name: `KCN Tổng hợp ${i + 1}`,
        ex_province: province,
        old_district: pickOne(rand, DISTRICTS[province]),
        communes: [`Xã Tổng hợp ${1 + Math.floor(rand() * 500)}`],
        new_commune: null,
        area_ha: roundTo(area, 2),
        status: pickOne(rand, STATUSES),
        sources: [SOURCE],
        as_of: AS_OF,
        geometry_quality: 'schematic-commune',
        notes: 'synthetic',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Synthetic craft villages (làng nghề): points uniform in `bbox`.
 *
 * @param n - how many villages
 * @param seed - PRNG seed (integer)
 * @param bbox - extent (degrees), default the province
 * @returns a FeatureCollection with ids `syn-ln-000001`…
 * @example
 * synthVillages(50000, 3).features[0].geometry.type; // 'Point'
 */
export function synthVillages(n: number, seed: number, bbox: readonly number[] = NINH_BINH_BBOX): VillageCollection {
  checkArgs(n, seed, bbox);
  const rand = mulberry32(seed);
  const features: VillageCollection['features'] = [];
  for (let i = 0; i < n; i++) {
    const province = pickOne(rand, EX_PROVINCES);
    features.push({
      type: 'Feature',
      geometry: synthPoint(rand, bbox),
      properties: {
        id: `syn-ln-${pad(i, 6)}`,
        name: `Làng nghề Tổng hợp ${i + 1}`,
        craft: pickOne(rand, CRAFTS),
        ex_province: province,
        old_district: pickOne(rand, DISTRICTS[province]),
        old_commune: `Xã Tổng hợp ${1 + Math.floor(rand() * 500)}`,
        new_commune: null,
        recognised: rand() < 0.6 ? 'yes' : 'unknown',
        sources: [SOURCE],
        as_of: AS_OF,
        geometry_quality: 'point-commune',
        notes: 'synthetic',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
