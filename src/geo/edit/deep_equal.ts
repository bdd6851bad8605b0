/**
 * Structural equality of two JSON-like values: same primitives (`Object.is`, so `NaN` equals
 * itself), arrays of equal items in the same order, plain objects with the same keys and equal
 * values (key order ignored). A key holding `undefined` counts as absent, as in JSON.
 *
 * @param a - a value (JSON data: what journal values and GeoJSON are made of)
 * @param b - another value
 * @returns whether both would serialise to the same JSON up to key order
 * @example
 * deepEqual({ type: 'Point', coordinates: [106, 20] }, { coordinates: [106, 20], type: 'Point' }) // true
 * deepEqual([1, 2], [2, 1]) // false
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => x[k] !== undefined);
  const ky = Object.keys(y).filter((k) => y[k] !== undefined);
  if (kx.length !== ky.length) return false;
  for (const k of kx) if (!Object.prototype.hasOwnProperty.call(y, k) || !deepEqual(x[k], y[k])) return false;
  return true;
}
