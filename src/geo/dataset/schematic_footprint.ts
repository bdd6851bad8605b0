import { area } from '@turf/turf';
import type { Polygon, Position } from 'geojson';

/**
 * Build an area-true schematic square footprint centred on a point.
 *
 * The square is axis-aligned in lon/lat; its side is first estimated on a local
 * equirectangular approximation, then rescaled until its geodesic area (as
 * computed by `@turf/area`) is within 0.01 % of the target. Coordinates are
 * rounded to 6 decimals (≈0.1 m), and the outer ring is counter-clockwise (RFC 7946).
 *
 * @param center - Centre `[lon, lat]` in degrees (WGS 84).
 * @param areaHa - Target area in hectares (must be finite and > 0).
 * @returns A Polygon whose geodesic area equals `areaHa` within 0.1 % (after rounding).
 * @throws RangeError when `areaHa` is not a positive finite number or `center` is not a valid lon/lat.
 * @example
 * const sq = schematicFootprint([106.0, 20.4], 50); // 50 ha square
 */
export function schematicFootprint(center: Position, areaHa: number): Polygon {
  if (!Number.isFinite(areaHa) || areaHa <= 0) {
    throw new RangeError(`areaHa must be a positive finite number of hectares, got ${areaHa}`);
  }
  const [lon, lat] = center;
  if (
    lon === undefined || lat === undefined ||
    !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) >= 89 || Math.abs(lon) > 180
  ) {
    throw new RangeError(`center must be [lon, lat] in degrees, got ${JSON.stringify(center)}`);
  }
  const targetM2 = areaHa * 10_000;
  const mPerDegLat = 110_574;
  const mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  let side = Math.sqrt(targetM2);
  let poly = square(lon, lat, side / mPerDegLon / 2, side / mPerDegLat / 2);
  for (let i = 0; i < 6; i++) {
    const a = area(poly);
    if (Math.abs(a - targetM2) / targetM2 < 1e-4) break;
    side *= Math.sqrt(targetM2 / a);
    poly = square(lon, lat, side / mPerDegLon / 2, side / mPerDegLat / 2);
  }
  return poly;
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function square(lon: number, lat: number, halfLon: number, halfLat: number): Polygon {
  const w = r6(lon - halfLon);
  const e = r6(lon + halfLon);
  const s = r6(lat - halfLat);
  const n = r6(lat + halfLat);
  // counter-clockwise: SW → SE → NE → NW → SW
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
