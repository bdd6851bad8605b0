import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { featureDistance } from '../../../src/geo/proximity/feature_distance';
import type { ProximityInput } from '../../../src/geo/proximity/feature_distance';
import { deepFreeze } from '../helpers/deep_freeze';
import { KM_PER_DEG, pt, rectRing, square } from '../helpers/proximity_shapes';

const R = 6371.0088;
const RAD = Math.PI / 180;
const ONE_KM_DEG = 1 / KM_PER_DEG; // 1 km along a meridian, in degrees
const SIDE = 0.01;
const M = 1e-3; // 1 m, in km

describe('featureDistance: squares 1 km apart', () => {
  it('is 1 km between squares 1 km apart along the equator', () => {
    const a = deepFreeze(square(0, 0, SIDE));
    const b = deepFreeze(square(SIDE + ONE_KM_DEG, 0, SIDE));
    expect(featureDistance(a, b)).toBeCloseTo(1, 6);
  });

  it('is 1 km between squares 1 km apart north-south at lat 20°', () => {
    const a = deepFreeze(square(106, 20, SIDE));
    const b = deepFreeze(square(106, 20 + SIDE + ONE_KM_DEG, SIDE));
    expect(featureDistance(a, b)).toBeCloseTo(1, 6);
  });

  it('uses the shorter, poleward side for squares 1 km (at lat 20°) apart east-west', () => {
    const gapDeg = ONE_KM_DEG / Math.cos(20 * RAD);
    const a = deepFreeze(square(106, 20, SIDE));
    const b = deepFreeze(square(106 + SIDE + gapDeg, 20, SIDE));
    // Distance from the north-east corner (lat 20.01°) to the other square's meridian edge.
    const expected = Math.asin(Math.cos((20 + SIDE) * RAD) * Math.sin(gapDeg * RAD)) * R;
    expect(expected).toBeCloseTo(0.99994, 5);
    expect(Math.abs(featureDistance(a, b) - expected)).toBeLessThan(M / 100);
  });

  it('is symmetric', () => {
    const a = square(106, 20, SIDE);
    const b = square(106.03, 20.02, 0.02);
    expect(featureDistance(a, b)).toBe(featureDistance(b, a));
  });
});

describe('featureDistance: zero cases', () => {
  it('is 0 for squares sharing an edge', () => {
    expect(featureDistance(square(106, 20, SIDE), square(106 + SIDE, 20, SIDE))).toBe(0);
  });

  it('is 0 for squares touching at one corner', () => {
    expect(featureDistance(square(106, 20, SIDE), square(106 + SIDE, 20 + SIDE, SIDE))).toBe(0);
  });

  it('is 0 for overlapping squares', () => {
    expect(featureDistance(square(106, 20, SIDE), square(106.005, 20.005, SIDE))).toBe(0);
  });

  it('is 0 for a square inside another (no edges cross)', () => {
    expect(featureDistance(square(106, 20, 0.1), square(106.04, 20.04, SIDE))).toBe(0);
  });

  it('is 0 for a point inside a polygon and for a point on its edge', () => {
    expect(featureDistance(pt(106.005, 20.005), square(106, 20, SIDE))).toBe(0);
    expect(featureDistance(square(106, 20, SIDE), pt(106.005, 20))).toBe(0);
  });

  it('is 0 for identical points', () => {
    expect(featureDistance(pt(106, 20), pt(106, 20))).toBe(0);
  });
});

describe('featureDistance: points', () => {
  it('is the great-circle distance between two points', () => {
    expect(featureDistance(pt(106, 20), pt(106, 20 + ONE_KM_DEG))).toBeCloseTo(1, 9);
    expect(featureDistance(pt(105.6, 19.9), pt(106.5, 20.7))).toBe(distance([105.6, 19.9], [106.5, 20.7]));
  });

  it('is 1 km, less the great-circle bow of the edge, from a point 1 km north of a square', () => {
    // The north edge is a great-circle arc: mid-edge it bows poleward by L²/(8R)·tan(lat) ≈ 7.8 mm.
    const edgeKm = SIDE * RAD * R * Math.cos((20 + SIDE) * RAD);
    const bowKm = ((edgeKm * edgeKm) / (8 * R)) * Math.tan((20 + SIDE) * RAD);
    expect(bowKm * 1e6).toBeCloseTo(7.8, 1);
    expect(featureDistance(pt(106.005, 20 + SIDE + ONE_KM_DEG), square(106, 20, SIDE))).toBeCloseTo(1 - bowKm, 7);
  });

  it('measures a point in a hole to the hole edge', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [rectRing(106, 20, 106.1, 20.1), rectRing(106.04, 20.04, 106.06, 20.06).reverse()] };
    // Nearest hole edges are the meridians 0.01° east and west.
    const expected = Math.asin(Math.cos(20.05 * RAD) * Math.sin(0.01 * RAD)) * R;
    expect(featureDistance(pt(106.05, 20.05), holed)).toBeCloseTo(expected, 6);
  });

  it('takes the nearest part of a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(106, 20, SIDE).coordinates, square(106, 20 + SIDE + 2 * ONE_KM_DEG, SIDE).coordinates] };
    const south = square(106, 20 - SIDE - ONE_KM_DEG, SIDE);
    expect(featureDistance(multi, south)).toBeCloseTo(1, 6);
    expect(featureDistance(pt(106.005, 20 + SIDE + ONE_KM_DEG), multi)).toBeCloseTo(1, 4);
  });

  it('accepts Features as well as geometries', () => {
    const f = { type: 'Feature' as const, geometry: pt(106, 20), properties: null };
    expect(featureDistance(f, pt(106, 20 + ONE_KM_DEG))).toBeCloseTo(1, 9);
  });
});

describe('featureDistance: input checks', () => {
  it('names the argument and the type it got', () => {
    const line: LineString = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
    expect(() => featureDistance(line as unknown as ProximityInput, pt(0, 0))).toThrow('Expected a to be a Point, Polygon or MultiPolygon, got LineString');
    expect(() => featureDistance(pt(0, 0), null as unknown as ProximityInput)).toThrow('Expected b to be a Feature or geometry, got null');
    const empty = { type: 'Feature', geometry: null, properties: {} } as unknown as ProximityInput;
    expect(() => featureDistance(empty, pt(0, 0))).toThrow('Expected a to be a Point, Polygon or MultiPolygon, got null');
  });
});
