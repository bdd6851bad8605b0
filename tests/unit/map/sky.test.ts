import { describe, expect, it } from 'vitest';
import { skyVisible } from '../../../src/map/sky';

describe('skyVisible', () => {
  const c = (a: number) => ({ a });
  it('is false for MapLibre\'s default sky (both colours transparent) and for none', () => {
    expect(skyVisible({ 'sky-color': c(0), 'horizon-color': c(0) })).toBe(false);
    expect(skyVisible(undefined)).toBe(false);
  });
  it('is true when either colour shows, even faintly, or is unknown', () => {
    expect(skyVisible({ 'sky-color': c(0.01), 'horizon-color': c(0) })).toBe(true);
    expect(skyVisible({ 'sky-color': c(0), 'horizon-color': c(1) })).toBe(true);
    expect(skyVisible({ 'horizon-color': c(0) })).toBe(true);
  });
});
