import { describe, expect, it } from 'vitest';
import { buildNameIndex, searchKey } from '../../../src/geo/search/search_clusters';

const index = buildNameIndex([
  { id: 'c1', name: 'CCN Đồng Văn', fields: [{ field: 'oldDistrict', text: 'Thị xã Duy Tiên' }] },
  { id: 'c2', name: 'CCN An Mỹ - Đồn Xá', fields: [{ field: 'oldCommune', text: 'An Mỹ · Đồn Xá' }] },
  { id: 'c3', name: 'CCN Hoà Hậu' },
  { id: 'z1', name: 'KCN Đồng Văn I', kind: 'zone' },
  { id: 'z2', name: 'KCN hỗ trợ Đồng Văn III', kind: 'zone' },
  { id: 'v1', name: 'Đồng Văn (mây tre)', kind: 'village', fields: [{ field: 'craft', text: 'mây tre đan' }] },
  { id: '13285', name: 'Phường Phủ Lý', kind: 'commune' },
  { id: 'o1', name: 'Xã Quang Trung', kind: 'oldCommune', fields: [{ field: 'oldDistrict', text: 'Huyện Vụ Bản' }] },
]);
const ids = (q: string) => index.search(q).map((h) => h.id);

describe('searchKey', () => {
  it('folds accents, tone placement, case, punctuation and spaces', () => {
    expect(searchKey('An Mỹ - Đồn Xá')).toBe('an my don xa');
    expect(searchKey('Hoà')).toBe(searchKey('Hòa'));
    expect(searchKey('  THUỶ,  Hoá ')).toBe('thuy hoa');
  });
});

describe('the search over every layer', () => {
  it('finds clusters, KCN and villages of a name; name prefixes first, clusters before KCN before villages', () => {
    expect(ids('dong van')).toEqual(['c1', 'z1', 'v1', 'z2']);
    expect(index.search('dong van').map((h) => h.rank)).toEqual([0, 0, 0, 1]);
  });
  it('ignores the words every name has, spaces and punctuation', () => {
    expect(ids('an my don xa')).toEqual(['c2']);
    expect(ids('AN MỸ-ĐỒN XÁ')).toEqual(['c2']);
    expect(ids('dongvan')[0]).toBe('c1');
    expect(ids('phuong phu ly')).toEqual(['13285']);
    expect(ids('hoa hau')).toEqual(['c3']);
  });
  it('says which field matched when it was not the name', () => {
    const [h] = index.search('duy tien');
    expect(h).toMatchObject({ id: 'c1', rank: 3, field: 'oldDistrict' });
    expect(index.search('may tre')[0]).toMatchObject({ id: 'v1', field: null });
    expect(index.search('vu ban')[0]).toMatchObject({ id: 'o1', kind: 'oldCommune', field: 'oldDistrict' });
  });
  it('caps the hits only when asked', () => {
    expect(index.search('d').length).toBeGreaterThan(2);
    expect(index.search('d', 2)).toHaveLength(2);
    expect(index.search('   ')).toEqual([]);
  });
});
