/** A Vietnamese official document number: "512/QĐ-UBND", "32/2024/NĐ-CP", "1674/NQ-UBTVQH15". */
const DOCUMENT_NUMBER = /(^|[^\p{L}\d])\d{1,6}\/(\d{4}\/)?[A-ZĐ][A-ZĐ\d]*(-[A-ZĐ\d]+)*(?![\p{L}\d])/u;

/**
 * Whether a source is one a reader can follow: an http(s) URL, or a reference to an official
 * document by its number (planners cite decisions they hold on paper).
 *
 * @param s - a source as cited
 * @example
 * isSourceRef('https://baonamdinh.vn/a.html') // true
 * isSourceRef('QĐ 512/QĐ-UBND ngày 16/3/2020') // true
 * isSourceRef('anh Nam nói') // false
 */
export function isSourceRef(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  return isHttpUrl(s) || DOCUMENT_NUMBER.test(s);
}

/** An absolute http(s) URL with a dotted host name. */
export function isHttpUrl(u: unknown): boolean {
  if (typeof u !== 'string') return false;
  try {
    const p = new URL(u);
    return (p.protocol === 'http:' || p.protocol === 'https:') && p.hostname.includes('.');
  } catch {
    return false;
  }
}
