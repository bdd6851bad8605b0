/**
 * Fold a Vietnamese (or any Latin-script) string for accent-insensitive matching:
 * NFC-normalise, lower-case, map đ/Đ to d, strip combining marks (tones and vowel
 * marks, whatever their placement: "Hòa"/"Hoà", "Thủy"/"Thuỷ" fold alike),
 * and collapse runs of whitespace to one space, trimmed.
 *
 * @param s - Input text (any Unicode normalisation form).
 * @returns The folded ASCII-ish key, e.g. `"hoa hau"` for `"Hoà  Hậu"`.
 * @example
 * foldDiacritics('Đồng Văn') // 'dong van'
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
