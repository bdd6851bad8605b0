import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clusterStatsBy } from '../../../src/geo/dataset/cluster_stats';
import { statsCsv } from '../../../src/geo/dataset/stats_csv';
import type { ClusterProps } from '../../../src/geo/types';

const p = (id: string, code: string | null, area: number | null, status: ClusterProps['status'] = 'planned') =>
  ({ id, commune_2025_code: code, planned_area_ha: area, status, wwtp: 'unknown' }) as ClusterProps;

describe('statistics per 2025 commune', () => {
  it('groups by code, sums areas to two decimals, counts those without an area apart', () => {
    const m = clusterStatsBy([p('a', '1', 10.1), p('b', '1', 20.22, 'operating'), p('c', '2', null), p('d', null, 5)], (x) => x.commune_2025_code ?? '');
    expect([...m.keys()]).toEqual(['1', '2', '']);
    expect(m.get('1')).toMatchObject({ count: 2, plannedAreaHa: 30.32, operating: 1, withoutArea: 0 });
    expect(m.get('2')).toMatchObject({ count: 1, plannedAreaHa: 0, withoutArea: 1 });
  });
  it('writes a CSV a spreadsheet reads back: BOM, Vietnamese, numbers, no formula', () => {
    const text = statsCsv(['Xã/phường (2025)', 'Số cụm', 'Diện tích QH'], [['Xã Hiển Khánh', 2, 30.32], ['=cmd|x', 1, 0], ['Tổng', 3, 30.32]]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows).toEqual([['Xã/phường (2025)', 'Số cụm', 'Diện tích QH'], ['Xã Hiển Khánh', '2', '30.32'], ["'=cmd|x", '1', '0'], ['Tổng', '3', '30.32']]);
  });
});
