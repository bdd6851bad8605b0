/** Province outlines dissolved from the MIT censusVN2009 commune polygons (holes = slivers filled). */
import { featureCollection, rewind, simplify, truncate, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

type Poly = Feature<Polygon | MultiPolygon>;

/** Drop interior rings (the sliver gaps left by independently simplified communes). */
export function fillHoles(f: Poly): Poly {
  const g = f.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: [g.coordinates[0] ?? []] }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => [p[0] ?? []]) };
  return { type: 'Feature', properties: f.properties, geometry };
}

/** Union polygons, fill holes. Throws if the union is empty. */
export function dissolve(parts: Poly[]): Poly {
  const u = parts.length === 1 ? parts[0] : union(featureCollection(parts));
  if (!u) throw new Error('dissolve: empty union');
  return fillHoles(u as Poly);
}

/** Simplify (degrees), round to 6 decimals, enforce RFC 7946 winding. */
export function finish(f: Poly, tolerance: number): Poly {
  const s = tolerance > 0 ? simplify(f, { tolerance, highQuality: true }) : f;
  return rewind(truncate(s, { precision: 6, coordinates: 2 }), { reverse: false }) as Poly;
}
