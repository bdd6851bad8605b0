import type { MultiPolygon, Point, Polygon } from 'geojson';

/** A 2D bounding box `[minLon, minLat, maxLon, maxLat]` in degrees. */
export type BBox2 = [number, number, number, number];

/** Mean Earth radius used by Turf (km). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;
/** Relative and absolute slack so the bounds stay conservative after rounding. */
const REL_SLACK = 1e-3;
const ABS_SLACK_KM = 1e-3;

/**
 * Bounding box of a Point, Polygon or MultiPolygon, padded so it also holds
 * the great-circle edges between its vertices (which bow slightly poleward).
 *
 * @param geometry - the geometry (lon/lat degrees)
 * @returns the padded box in degrees
 * @example
 * geometryBBox({ type: 'Point', coordinates: [106, 20] }); // ≈ [106, 20, 106, 20] ± 1 m
 */
export function geometryBBox(geometry: Point | Polygon | MultiPolygon): BBox2 {
  const box: BBox2 = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: number[]): void => {
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(`Expected finite [lon, lat] coordinates, got ${JSON.stringify(p)}`);
    }
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  };
  if (geometry.type === 'Point') add(geometry.coordinates);
  else if (geometry.type === 'Polygon') geometry.coordinates.forEach((ring) => ring.forEach(add));
  else geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(add)));
  if (box[0] > box[2]) throw new Error(`Expected a ${geometry.type} with at least one coordinate, got none`);
  // Sagitta of the longest possible edge (the box diagonal) bounds the bow of a great-circle edge.
  const diagKm = Math.hypot((box[2] - box[0]) * RAD, (box[3] - box[1]) * RAD) * EARTH_RADIUS_KM;
  const bowKm = (diagKm * diagKm) / (8 * EARTH_RADIUS_KM) * 2;
  return expandBBoxKm(box, bowKm);
}

/**
 * Grow a box by `km` on every side, conservatively: every point within `km`
 * (great-circle) of any point of `bbox` lies inside the result. Longitude is
 * widened using the latitude farthest from the equator, where degrees are shortest.
 *
 * @param bbox - the box in degrees
 * @param km - the margin (kilometres, ≥ 0)
 * @returns a new, larger box in degrees
 * @example
 * expandBBoxKm([106, 20, 106, 20], 1); // ≈ [105.99041, 19.99099, 106.00959, 20.00901]
 */
export function expandBBoxKm(bbox: readonly number[], km: number): BBox2 {
  if (!Number.isFinite(km) || km < 0) {
    throw new Error(`Expected km to be a finite number >= 0, got ${String(km)}`);
  }
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  const angle = (km * (1 + REL_SLACK) + ABS_SLACK_KM) / EARTH_RADIUS_KM;
  const dLat = angle / RAD;
  const farLat = Math.min(90, Math.max(Math.abs(minY - dLat), Math.abs(maxY + dLat)));
  const ratio = Math.sin(Math.min(angle, Math.PI / 2)) / Math.cos(farLat * RAD);
  const dLon = ratio >= 1 || angle >= Math.PI / 2 ? 360 : Math.asin(ratio) / RAD;
  return [minX - dLon, Math.max(-90, minY - dLat), maxX + dLon, Math.min(90, maxY + dLat)];
}

/**
 * A lower bound on the great-circle distance between any point of box `a` and
 * any point of box `b`; 0 when the boxes touch or overlap.
 *
 * @param a - first box in degrees
 * @param b - second box in degrees
 * @returns the lower bound (kilometres)
 * @example
 * bboxGapKm([0, 0, 1, 1], [0, 2, 1, 3]); // ≈ 111.08 (1° of latitude, less slack)
 */
export function bboxGapKm(a: readonly number[], b: readonly number[]): number {
  const [ax0, ay0, ax1, ay1] = a as [number, number, number, number];
  const [bx0, by0, bx1, by1] = b as [number, number, number, number];
  const gapLat = Math.max(0, by0 - ay1, ay0 - by1);
  const gapLon = Math.max(0, bx0 - ax1, ax0 - bx1);
  if (gapLat === 0 && gapLon === 0) return 0;
  const farLat = Math.max(Math.abs(ay0), Math.abs(ay1), Math.abs(by0), Math.abs(by1));
  const latKm = gapLat * RAD * EARTH_RADIUS_KM;
  // Distance from a point at latitude ≤ farLat to a meridian gapLon away.
  const lonKm = gapLon >= 90 ? 0 : Math.asin(Math.cos(farLat * RAD) * Math.sin(gapLon * RAD)) * EARTH_RADIUS_KM;
  const bound = Math.max(latKm, lonKm);
  return Math.max(0, bound / (1 + REL_SLACK) - ABS_SLACK_KM);
}
