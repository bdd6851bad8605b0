/** A seeded pseudo-random source: each call returns a float in [0, 1). */
export type Random = () => number;

/**
 * Create a deterministic pseudo-random generator (mulberry32, 32-bit state).
 * The same seed always yields the same sequence, so synthetic data and
 * property tests are reproducible.
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a function returning floats in [0, 1)
 * @example
 * const rand = mulberry32(1);
 * rand(); // 0.6270739405881613
 */
export function mulberry32(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new Error(`Expected seed to be an integer, got ${String(seed)}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pick a uniformly random element of a non-empty list.
 *
 * @param rand - the seeded source
 * @param items - the choices
 * @returns one of `items`
 * @example
 * pickOne(mulberry32(1), ['a', 'b']); // 'b'
 */
export function pickOne<T>(rand: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('Expected a non-empty list to pick from, got []');
  return items[Math.floor(rand() * items.length)] as T;
}
