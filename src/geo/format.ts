/** UI languages. */
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Formats a number for the UI language: vi-VN uses "." for thousands and "," for
 * decimals (1.035,5).
 *
 * @param n - the number
 * @param lang - UI language
 * @param maxDecimals - maximum fraction digits (default 2)
 * @returns the formatted number
 * @example
 * formatNumber(1035.5, 'vi') // '1.035,5'
 */
export function formatNumber(n: number, lang: Lang, maxDecimals = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxDecimals, useGrouping: true }).format(n);
}

/**
 * Formats an area in hectares ("1.035,5 ha").
 *
 * @param ha - area (ha)
 * @param lang - UI language
 */
export function formatHa(ha: number, lang: Lang): string {
  return `${formatNumber(ha, lang)} ha`;
}

/**
 * Formats a distance in kilometres with two decimals below 10 km ("2,35 km").
 *
 * @param km - distance (km)
 * @param lang - UI language
 */
export function formatKm(km: number, lang: Lang): string {
  return `${formatNumber(km, lang, km < 10 ? 2 : 1)} km`;
}
