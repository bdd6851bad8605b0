/**
 * A round scale-bar length (1, 2 or 5 × a power of ten metres) that fits in `maxPx` pixels.
 *
 * @param metresPerPixel - ground resolution (m per CSS pixel)
 * @param maxPx - longest bar allowed (CSS pixels)
 * @returns the bar length (m)
 * @example
 * scaleBarMetres(10, 120) // 1000
 */
export function scaleBarMetres(metresPerPixel: number, maxPx: number): number {
  const max = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [5, 2, 1].find((m) => m * pow <= max) ?? 1;
  return step * pow;
}
