import type { Polygon } from 'geojson';
import type { Random } from './seeded_random';

const M_PER_DEG_LAT = 110574;
const M_PER_DEG_LON_EQUATOR = 111320;

/**
 * Round to a number of decimals.
 *
 * @param x - the value
 * @param digits - decimals to keep
 * @returns the rounded value
 * @example
 * roundTo(1.23456, 2); // 1.23
 */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * A random star-shaped (hence simple, valid) counter-clockwise polygon of
 * `areaHa` hectares, wholly inside `bbox`.
 *
 * @param rand - the seeded source
 * @param areaHa - target area (hectares)
 * @param bbox - extent the polygon must stay in (degrees)
 * @returns the polygon, coordinates rounded to 1e-7° (≈ 1 cm)
 * @example
 * synthPolygon(mulberry32(1), 30, [105.54, 19.89, 106.6, 20.71]);
 */
export function synthPolygon(rand: Random, areaHa: number, bbox: readonly number[]): Polygon {
  if (!Number.isFinite(areaHa) || areaHa <= 0) throw new Error(`Expected areaHa to be a finite number > 0, got ${String(areaHa)}`);
  const k = 5 + Math.floor(rand() * 4);
  const raw: [number, number][] = [];
  for (let i = 0; i < k; i++) {
    const angle = ((i + 0.8 * rand()) / k) * 2 * Math.PI;
    const r = 0.6 + 0.4 * rand();
    raw.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  let twiceArea = 0;
  raw.forEach(([x, y], i) => {
    const [nx, ny] = raw[(i + 1) % k]!;
    twiceArea += x * ny - nx * y;
  });
  const scaleM = Math.sqrt((areaHa * 10000) / (twiceArea / 2));
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  const marginLat = scaleM / M_PER_DEG_LAT;
  const lat = y0 + marginLat + rand() * Math.max(0, y1 - y0 - 2 * marginLat);
  const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  const marginLon = scaleM / mPerDegLon;
  const lon = x0 + marginLon + rand() * Math.max(0, x1 - x0 - 2 * marginLon);
  const ring = raw.map(([x, y]): [number, number] => [roundTo(lon + (x * scaleM) / mPerDegLon, 7), roundTo(lat + (y * scaleM) / M_PER_DEG_LAT, 7)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}
