import { describe, expect, it } from 'vitest';
import { area, booleanClockwise, kinks } from '@turf/turf';
import { schematicFootprint } from '../../../src/geo/dataset/schematic_footprint';

describe('schematicFootprint', () => {
  for (const ha of [1, 6.6, 28.216, 75, 386, 1086.49]) {
    it(`is area-true within 0.1% for ${ha} ha`, () => {
      const p = schematicFootprint([106.1, 20.3], ha);
      expect(Math.abs(area(p) / 1e4 - ha) / ha).toBeLessThan(0.001);
    });
  }
  it('is a closed, counter-clockwise, simple ring centred on the point', () => {
    const p = schematicFootprint([105.9, 20.5], 50);
    const ring = p.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(booleanClockwise(ring)).toBe(false);
    expect(kinks(p).features).toHaveLength(0);
    const xs = ring.map((q) => q[0]!);
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(105.9, 5);
  });
  it('rounds to at most 6 decimals', () => {
    for (const [x, y] of schematicFootprint([105.123456789, 20.987654321], 12.3).coordinates[0]!) {
      expect(Math.round(x! * 1e6) / 1e6).toBe(x);
      expect(Math.round(y! * 1e6) / 1e6).toBe(y);
    }
  });
  it('rejects a non-positive area and a bad centre with a precise message', () => {
    expect(() => schematicFootprint([106, 20], 0)).toThrow(/positive finite number of hectares, got 0/);
    expect(() => schematicFootprint([106, Number.NaN], 5)).toThrow(/center must be \[lon, lat\]/);
  });
});
