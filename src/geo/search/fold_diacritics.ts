/**
 * Folds a string for accent-insensitive matching of Vietnamese text: lower case,
 * tone and vowel marks removed, `đ`/`Đ` mapped to `d`, whitespace collapsed.
 *
 * @param s - any text (NFC or NFD)
 * @returns the folded text
 * @example
 * foldDiacritics('ĐỒNG VĂN') // 'dong van'
 * foldDiacritics('Thuỷ  Hoà') // 'thuy hoa'
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
