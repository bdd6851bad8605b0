import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../src/geo/search/fold_diacritics';

describe('foldDiacritics', () => {
  it('folds every spelling of Đồng Văn to the same key', () => {
    for (const s of ['dong van', 'Dong Van', 'ĐỒNG VĂN', 'Đồng Văn', 'Đồng Văn'.normalize('NFD')]) {
      expect(foldDiacritics(s)).toBe('dong van');
    }
  });
  it('treats tone placement variants alike (Hòa/Hoà, Thủy/Thuỷ)', () => {
    expect(foldDiacritics('Hòa')).toBe(foldDiacritics('Hoà'));
    expect(foldDiacritics('Thủy')).toBe(foldDiacritics('Thuỷ'));
  });
  it('maps the vowels with horn and breve (ơ ư ă â ê ô)', () => {
    expect(foldDiacritics('Ơ Ư Ă Â Ê Ô ơ ư ă â ê ô')).toBe('o u a a e o o u a a e o');
  });
  it('collapses whitespace and trims', () => {
    expect(foldDiacritics('  Nghĩa   Hưng ')).toBe('nghia hung');
  });
});
