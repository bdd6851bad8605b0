import { describe, expect, it } from 'vitest';
import { scaleBarMetres } from '../../../src/geo/io/scale_bar';

describe('scaleBarMetres', () => {
  it('picks the largest 1-2-5 length that fits', () => {
    expect(scaleBarMetres(100, 120)).toBe(10000);
    expect(scaleBarMetres(10, 120)).toBe(1000);
    expect(scaleBarMetres(3, 120)).toBe(200);
    expect(scaleBarMetres(0.5, 120)).toBe(50);
  });
});
