import { describe, expect, it } from 'vitest';
import { t, tn } from '../../../src/app/i18n';

describe('messages with a count', () => {
  it('take the singular in English for 1, the plural otherwise; Vietnamese has one form', () => {
    expect(tn('en', 'sel.count', 1)).toBe('1 cluster selected');
    expect(tn('en', 'sel.count', 2)).toBe('2 clusters selected');
    expect(tn('en', 'search.count', 1)).toBe('1 result');
    expect(tn('en', 'prox.count', 0)).toBe('0 results');
    expect(tn('vi', 'sel.count', 1)).toBe('Đã chọn 1 cụm');
    expect(tn('vi', 'search.count', 3)).toBe('3 kết quả');
  });
  it('let a formatted number stand in for the count', () => {
    expect(tn('vi', 'sel.count', 1200, { n: '1.200' })).toBe('Đã chọn 1.200 cụm');
    expect(t('en', 'sel.count', { n: 5 })).toBe('5 clusters selected');
  });
});
