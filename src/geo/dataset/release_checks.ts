/**
 * Checks that hold for the bundled dataset only (not for a planner's file): its notes are
 * readable in Vietnamese, and its as-of dates are backed by its sources.
 */

const URL_RE = /https?:\/\/[^\s|)'"]+/g;

/**
 * What a translation lost of its original: a link, or a run of digits (figures, dates, decision
 * numbers). Separators may change ("39.69" → "39,69") and words may add digits ("March" → "tháng 3").
 *
 * @returns a short description of the first loss, or null when nothing was lost
 */
export function translationLoses(en: string, vi: string): string | null {
  const enUrls = en.match(URL_RE) ?? [];
  const viUrls = new Set(vi.match(URL_RE) ?? []);
  const url = enUrls.find((u) => !viUrls.has(u));
  if (url) return `the link ${url}`;
  const viDigits = new Set(vi.replace(URL_RE, ' ').match(/\d+/g) ?? []);
  const digits = (en.replace(URL_RE, ' ').match(/\d+/g) ?? []).find((d) => !viDigits.has(d));
  return digits ? `the figure ${digits}` : null;
}

/** First day a partial ISO date can mean ("2020" → "2020-01-01"). */
const startOf = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
/** Last day it can mean ("2020" → "2020-12-31"; a month's end is written -31, fine for comparing). */
const endOf = (d: string): string => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

/**
 * Whether `asOf` is newer than every dated source of the feature. Undated sources say nothing
 * either way, so a feature whose sources are all undated passes.
 *
 * @param dates - publication date (YYYY[-MM[-DD]]) of each source URL whose date is known
 * @returns the newest dated source when `asOf` is newer than it, else null
 */
export function asOfBeyondSources(asOf: string, urls: readonly string[], dates: ReadonlyMap<string, string>): { url: string; date: string } | null {
  let newest: { url: string; date: string } | null = null;
  for (const url of urls) {
    const date = dates.get(url);
    if (date && (!newest || endOf(date) > endOf(newest.date))) newest = { url, date };
  }
  return newest && startOf(asOf) > endOf(newest.date) ? newest : null;
}
