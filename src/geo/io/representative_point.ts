import { area, booleanPointInPolygon, centroid } from '@turf/turf';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

/**
 * A point that represents a cluster in tables: the point itself; for polygons the
 * centroid (mean of vertices) when it lies inside, else the middle of the widest
 * interior span of a horizontal line through the centroid (or through the middle of
 * the bounding box), so concave shapes (U, L, ring) still get an interior point.
 * MultiPolygons use their largest part.
 *
 * @param g - Point, Polygon or MultiPolygon (lon/lat degrees)
 * @returns [lon, lat] in degrees, or null for an empty geometry
 * @example
 * representativePoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function representativePoint(g: Point | Polygon | MultiPolygon): Position | null {
  if (g.type === 'Point') return g.coordinates;
  const poly: Polygon | null =
    g.type === 'Polygon' ? g : largestPart(g);
  if (!poly || poly.coordinates.length === 0 || (poly.coordinates[0]?.length ?? 0) < 4) return null;
  const c = centroid(poly).geometry.coordinates as [number, number];
  if (booleanPointInPolygon(c, poly, { ignoreBoundary: true })) return c;
  const ys = (poly.coordinates[0] as Position[]).map((p) => p[1] as number);
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2;
  return widestSpanMiddle(poly, c[1]) ?? widestSpanMiddle(poly, midY) ?? c;
}

function largestPart(g: MultiPolygon): Polygon | null {
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const coordinates of g.coordinates) {
    const p: Polygon = { type: 'Polygon', coordinates };
    const a = area(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best;
}

function widestSpanMiddle(poly: Polygon, y: number): Position | null {
  const xs: number[] = [];
  for (const ring of poly.coordinates) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[i + 1] as [number, number];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) [best, width] = [[((xs[i] as number) + (xs[i + 1] as number)) / 2, y], w];
  }
  return best;
}
