import { kinks } from '@turf/kinks';
import type { Feature, Geometry, Position } from 'geojson';

/** Where a polygon ring crosses itself: the 1-based feature number and the crossing point in the file's own coordinates. */
export interface SelfIntersection {
  feature: number;
  x: number;
  y: number;
}

/**
 * Finds the polygon rings that cross themselves ("bow-ties"), with @turf/kinks, in any planar
 * coordinates (degrees or metres: the test is the same). Each ring is tested on its own, so a
 * hole touching its shell at a vertex is not reported; repeated consecutive vertices are
 * dropped first, since kinks would see the zero-length edge's neighbours as crossing there.
 * Non-polygon features are skipped. O(n²) per ring: about 0.1 s for a 5,000-vertex ring.
 *
 * @param features - features with the file's coordinates (a RawSurvey's)
 * @returns one entry per crossing, in feature order (empty when every ring is simple)
 * @example
 * selfIntersections([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] } }])
 * // [{ feature: 1, x: 1, y: 1 }]
 */
export function selfIntersections(features: readonly Feature<Geometry | null, unknown>[]): SelfIntersection[] {
  const out: SelfIntersection[] = [];
  features.forEach((f, i) => {
    const g = f.geometry;
    const polygons = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      for (const ring of rings) {
        const r = withoutRepeats(ring);
        if (r.length < 5) continue; // a triangle (4 positions, closed) cannot cross itself
        const seen = new Set<string>();
        for (const k of kinks({ type: 'Polygon', coordinates: [r] }).features) {
          const [x, y] = k.geometry.coordinates as [number, number];
          // Two edges through one shared vertex are found twice (once per pair of edges).
          if (seen.has(`${x},${y}`)) continue;
          seen.add(`${x},${y}`);
          out.push({ feature: i + 1, x, y });
        }
      }
    }
  });
  return out;
}

function withoutRepeats(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}
