import { describe, expect, it } from 'vitest';
import { adminKey, matchCommune, matchDistrict } from '../../../src/geo/dataset/match_commune';

const recs = Object.freeze([
  { province: 'Hà Nam', district: 'Huyện Kim Bảng', commune: 'Xã Thanh Sơn' },
  { province: 'Hà Nam', district: 'Huyện Thanh Liêm', commune: 'Thị trấn Kiện Khê' },
  { province: 'Hà Nam', district: 'Huyện Lý Nhân', commune: 'Xã Hoà Hậu' },
  { province: 'Ninh Bình', district: 'Huyện Kim Sơn', commune: 'Xã Thanh Sơn' },
  { province: 'Hà Nam', district: 'Huyện Thanh Liêm', commune: 'Xã Thanh Sơn' },
]);

describe('adminKey', () => {
  it('strips unit prefixes and trailing parentheses, folds accents', () => {
    expect(adminKey('TT Kiện Khê (Thanh Liêm)')).toBe('kien khe');
    expect(adminKey('P. Ninh Phong')).toBe('ninh phong');
    expect(adminKey('Thị xã Duy Tiên')).toBe(adminKey('Huyện Duy Tiên'));
    expect(adminKey('Thành phố Tam Điệp')).toBe(adminKey('Thị xã Tam Điệp'));
  });
});

describe('matchCommune', () => {
  it('is insensitive to tone placement (Hòa/Hoà)', () => {
    expect(matchCommune('Hòa Hậu', 'Hà Nam', [], recs)).toHaveLength(1);
  });
  it('searches within the named district first', () => {
    const hits = matchCommune('Thanh Sơn', 'Hà Nam', ['Huyện Kim Bảng'], recs);
    expect(hits.map((h) => h.district)).toEqual(['Huyện Kim Bảng']);
  });
  it('returns every namesake of the province when no district is named, never another province', () => {
    expect(matchCommune('Thanh Sơn', 'Hà Nam', [], recs)).toHaveLength(2);
  });
  it('does not jump to a namesake outside the named district', () => {
    expect(matchCommune('Kiện Khê', 'Hà Nam', ['Huyện Kim Bảng'], recs)).toEqual([]);
  });
});

describe('matchDistrict', () => {
  it('matches a district across type changes', () => {
    expect(matchDistrict('Thị xã Thanh Liêm', 'Hà Nam', recs)).toEqual(['Huyện Thanh Liêm']);
  });
});
