import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterClusterIds, isEmptyFilter, matchesFilter, NO_MODEL } from '../../../src/geo/dataset/filter_clusters';
import { clusterStats } from '../../../src/geo/dataset/cluster_stats';
import { buildNameIndex } from '../../../src/geo/search/search_clusters';
import { formatHa, formatKm, formatNumber } from '../../../src/geo/format';
import type { ClusterProps } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

function props(over: Partial<ClusterProps>): ClusterProps {
  return {
    id: 'x', name: 'CCN X', ex_province: 'Hà Nam', old_district: null, communes: [], new_commune: null,
    planned_area_ha: 10, status: 'planned', wwtp: 'unknown', occupancy_pct: null, projects: null, workers: null,
    model: null, industries: null, decision: null, sources: ['https://example.invalid/a'], as_of: '2025',
    geometry_quality: 'schematic-commune', ...over,
  };
}

const clusters = deepFreeze([
  props({ id: 'a', name: 'CCN Đồng Văn', ex_province: 'Hà Nam', status: 'operating', wwtp: 'compliant', planned_area_ha: 50.25 }),
  props({ id: 'b', name: 'CCN Kim Bảng', ex_province: 'Hà Nam', status: 'planned', wwtp: 'none', planned_area_ha: 30.5 }),
  props({ id: 'c', name: 'CCN Xuân Tiến', ex_province: 'Nam Định', status: 'operating', wwtp: 'operating', planned_area_ha: null, model: 'làng nghề' }),
  props({ id: 'd', name: 'CCN Gián Khẩu', ex_province: 'Ninh Bình', status: 'established', wwtp: 'none', planned_area_ha: 70 }),
]);

describe('matchesFilter / filterClusterIds', () => {
  it('lets everything through the empty filter', () => {
    expect(filterClusterIds(clusters, EMPTY_FILTER)).toEqual(['a', 'b', 'c', 'd']);
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
  });
  it('filters by ex-province (multi-select)', () => {
    expect(filterClusterIds(clusters, { ...EMPTY_FILTER, provinces: ['Hà Nam', 'Ninh Bình'] })).toEqual(['a', 'b', 'd']);
    expect(filterClusterIds(clusters, { ...EMPTY_FILTER, provinces: [] })).toEqual([]);
  });
  it('filters by status, wastewater and model (no data as its own key)', () => {
    expect(filterClusterIds(clusters, { ...EMPTY_FILTER, statuses: ['operating'] })).toEqual(['a', 'c']);
    expect(filterClusterIds(clusters, { ...EMPTY_FILTER, wwtp: ['none'] })).toEqual(['b', 'd']);
    expect(filterClusterIds(clusters, { ...EMPTY_FILTER, models: [NO_MODEL] })).toEqual(['a', 'b', 'd']);
  });
  it('applies an inclusive area range and drops clusters without an area', () => {
    const f = { ...EMPTY_FILTER, areaMin: 30.5, areaMax: 70 };
    expect(filterClusterIds(clusters, f)).toEqual(['a', 'b', 'd']);
    expect(matchesFilter(clusters[2]!, { ...EMPTY_FILTER, areaMin: 0 })).toBe(false);
  });
});

describe('clusterStats', () => {
  it('sums per ex-province and in total', () => {
    const s = clusterStats(clusters);
    expect(s.total).toEqual({ count: 4, plannedAreaHa: 150.75, withoutArea: 1, operating: 2, withoutWwtp: 2, wwtpUnknown: 0 });
    expect(s.byProvince['Hà Nam']).toEqual({ count: 2, plannedAreaHa: 80.75, withoutArea: 0, operating: 1, withoutWwtp: 1, wwtpUnknown: 0 });
    expect(s.byProvince['Nam Định'].withoutArea).toBe(1);
    expect(s.byProvince['Ninh Bình'].count).toBe(1);
  });
  it('gives zeros for an empty set', () => {
    expect(clusterStats([]).total.count).toBe(0);
  });
});

describe('buildNameIndex', () => {
  const idx = buildNameIndex(clusters.map((c) => ({ id: c.id, name: c.name, extra: 'Duy Tiên' })));
  it.each(['dong van', 'Dong Van', 'ĐỒNG VĂN', 'đồng văn', 'CCN dong van'])('finds Đồng Văn for %s', (q) => {
    expect(idx.search(q)[0]?.id).toBe('a');
  });
  it('ranks a word-start match above an infix one and finds extra fields last', () => {
    // Ties sort in Vietnamese alphabetical order (Đ after D, before G).
    expect(idx.search('tien').map((h) => h.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(idx.search('duy tien').every((h) => h.rank === 3)).toBe(true);
  });
  it('returns nothing for an empty query', () => {
    expect(idx.search('  ')).toEqual([]);
  });
});

describe('format', () => {
  it('uses vi-VN separators', () => {
    expect(formatNumber(1035.5, 'vi')).toBe('1.035,5');
    expect(formatHa(3178.5, 'vi')).toBe('3.178,5 ha');
    expect(formatHa(3178.5, 'en')).toBe('3,178.5 ha');
    expect(formatKm(2.345, 'vi')).toBe('2,35 km');
  });
});
