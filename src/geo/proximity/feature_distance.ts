import { booleanIntersects, distance, lineString, pointToLineDistance, pointToPolygonDistance } from '@turf/turf';
import { bboxGapKm, geometryBBox } from './bbox_expand';
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

/** The geometries the proximity analysis accepts. */
export type ProximityGeometry = Point | Polygon | MultiPolygon;

/** Anything with such a geometry: a Feature or the bare geometry. */
export type ProximityInput = ProximityGeometry | Feature<ProximityGeometry, unknown>;

const ACCEPTED = ['Point', 'Polygon', 'MultiPolygon'];

/**
 * Unwrap and check one input; throws a message naming the argument.
 *
 * @param input - a Feature or geometry
 * @param name - the argument name used in the error message
 * @returns the geometry
 * @example
 * proximityGeometry({ type: 'Point', coordinates: [106, 20] }, 'a');
 */
export function proximityGeometry(input: ProximityInput, name: string): ProximityGeometry {
  if (input === null || typeof input !== 'object') {
    throw new Error(`Expected ${name} to be a Feature or geometry, got ${String(input)}`);
  }
  const geometry = input.type === 'Feature' ? input.geometry : input;
  if (geometry === null || typeof geometry !== 'object' || !ACCEPTED.includes(geometry.type)) {
    const got = geometry === null || typeof geometry !== 'object' ? String(geometry) : geometry.type;
    throw new Error(`Expected ${name} to be a Point, Polygon or MultiPolygon, got ${got}`);
  }
  return geometry;
}

function rings(geometry: Polygon | MultiPolygon): LineString[] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.flatMap((poly) => poly.map((ring) => lineString(ring).geometry));
}

function vertices(geometry: Polygon | MultiPolygon): Position[] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // The closing vertex repeats the first one.
  return polys.flatMap((poly) => poly.flatMap((ring) => ring.slice(0, -1)));
}

function boxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  return !(a[0]! > b[2]! || b[0]! > a[2]! || a[1]! > b[3]! || b[1]! > a[3]!);
}

function pointToShapes(p: Position, lines: readonly LineString[]): number {
  let best = Infinity;
  for (const line of lines) best = Math.min(best, pointToLineDistance(p, line, { units: 'kilometers' }));
  return best;
}

/**
 * Shortest distance between two features, edge to edge, in kilometres (Turf
 * geodesic): 0 when they touch, overlap, or one holds the other; a point in a
 * polygon's hole is as far as the hole's edge. Polygon to polygon is the
 * minimum over each one's vertices to the other's boundary, both ways.
 *
 * @param a - a Point, Polygon or MultiPolygon (Feature or geometry)
 * @param b - a Point, Polygon or MultiPolygon (Feature or geometry)
 * @returns the distance (kilometres, ≥ 0)
 * @example
 * const sq = (x: number) => polygon([[[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]]]);
 * featureDistance(sq(0), sq(0.02)); // ≈ 1.112 (0.01° of longitude at the equator)
 * featureDistance(sq(0), point([0.005, 0.005])); // 0 (inside)
 */
export function featureDistance(a: ProximityInput, b: ProximityInput): number {
  const ga = proximityGeometry(a, 'a');
  const gb = proximityGeometry(b, 'b');
  if (ga.type === 'Point' && gb.type === 'Point') {
    return distance(ga.coordinates, gb.coordinates, { units: 'kilometers' });
  }
  if (ga.type === 'Point' || gb.type === 'Point') {
    const [p, poly] = ga.type === 'Point' ? [ga, gb as Polygon | MultiPolygon] : [gb as Point, ga as Polygon | MultiPolygon];
    return Math.max(0, pointToPolygonDistance(p.coordinates, poly, { units: 'kilometers' }));
  }
  // Disjoint boxes cannot intersect; skipping the test changes no result.
  if (boxesOverlap(geometryBBox(ga), geometryBBox(gb)) && booleanIntersects(ga, gb)) return 0;
  const ringsA = rings(ga);
  const ringsB = rings(gb);
  let best = Infinity;
  for (const v of vertices(ga)) best = Math.min(best, pointToShapes(v, ringsB));
  for (const v of vertices(gb)) best = Math.min(best, pointToShapes(v, ringsA));
  return best;
}

/** A polygon's vertices and boundary segments (each with its box), made once per geometry. */
interface Prepared {
  vertices: Position[];
  segments: { line: LineString; box: [number, number, number, number] }[];
}
const preparedOf = new WeakMap<object, Prepared>();

function prepare(g: Polygon | MultiPolygon): Prepared {
  const hit = preparedOf.get(g);
  if (hit) return hit;
  const segments: Prepared['segments'] = [];
  for (const ring of rings(g)) {
    const c = ring.coordinates;
    for (let i = 0; i + 1 < c.length; i++) {
      const a = c[i]!;
      const b = c[i + 1]!;
      segments.push({ line: { type: 'LineString', coordinates: [a, b] }, box: [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)] });
    }
  }
  const p = { vertices: vertices(g), segments };
  preparedOf.set(g, p);
  return p;
}

function scan(vs: readonly Position[], segments: Prepared['segments'], best: number): number {
  for (const v of vs) {
    const vb = [v[0]!, v[1]!, v[0]!, v[1]!];
    for (const s of segments) {
      // The box's distance is a lower bound of the segment's: one no nearer than the best cannot win.
      if (bboxGapKm(vb, s.box) >= best) continue;
      const d = pointToLineDistance(v, s.line, { units: 'kilometers' });
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * {@link featureDistance}, the same value, for the index: each polygon's segments are made
 * once, and a vertex skips the segments whose box is farther than the best distance so far.
 * The references keep the plain loops.
 */
export function featureDistancePrepared(a: ProximityGeometry, b: ProximityGeometry): number {
  if (a.type === 'Point' || b.type === 'Point') return featureDistance(a, b);
  if (boxesOverlap(geometryBBox(a), geometryBBox(b)) && booleanIntersects(a, b)) return 0;
  const pa = prepare(a);
  const pb = prepare(b);
  return scan(pb.vertices, pa.segments, scan(pa.vertices, pb.segments, Infinity));
}
