import { describe, expect, it } from 'vitest';
import { reconcile, reconciliationMarkdown, type ReportedFigures } from '../../../src/geo/dataset/reconcile';
import type { ClusterProps } from '../../../src/geo/types';

const cluster = (patch: Partial<ClusterProps>): ClusterProps => ({
  id: 'x', name: 'CCN X', ex_province: 'Hà Nam', old_district: null, communes: [], new_commune: null,
  planned_area_ha: null, status: 'planned', wwtp: 'unknown', occupancy_pct: null, projects: null, workers: null,
  model: null, industries: null, decision: null, sources: ['https://example.org'], as_of: '2024',
  geometry_quality: 'point-district', ...patch,
});

const reported = (): ReportedFigures => ({
  provinces: [
    { name: 'Hà Nam', planned_count: 4, planned_ha: 100, established_count: 2, operating_count: 1, wwtp_count: 1, wwtp_ok_count: 1, as_of: '2024-12-31', sources: ['https://e.org'] },
    { name: 'Nam Định', planned_count: 1, planned_ha: null, established_count: null, operating_count: 0, wwtp_count: null, wwtp_ok_count: null, as_of: '2024-12-31', sources: ['https://e.org'] },
  ],
});

describe('reconcile', () => {
  const cs = Object.freeze([
    cluster({ id: 'a', status: 'operating', planned_area_ha: 30, wwtp: 'compliant' }),
    cluster({ id: 'b', status: 'established', planned_area_ha: 20.5, wwtp: 'under_construction' }),
    cluster({ id: 'c', status: 'planned' }),
    cluster({ id: 'd', ex_province: 'Nam Định', status: 'operating', wwtp: 'operating' }),
  ]);
  const rows = reconcile(cs, reported());

  it('returns one row per ex-province plus a total, in a fixed order', () => {
    expect(rows.map((r) => r.ex_province)).toEqual(['Hà Nam', 'Nam Định', 'Ninh Bình', 'Total']);
  });
  it('counts operating ⊂ established ⊂ planned', () => {
    const hn = rows[0]!;
    expect(hn.planned).toEqual({ dataset: 3, reported: 4, gap: -1 });
    expect(hn.established).toEqual({ dataset: 2, reported: 2, gap: 0 });
    expect(hn.operating).toEqual({ dataset: 1, reported: 1, gap: 0 });
  });
  it('leaves a cluster withdrawn from the plan out of every count and of the hectares', () => {
    const withWithdrawn = reconcile([...cs, cluster({ id: 'w', status: 'withdrawn', planned_area_ha: 40, wwtp: 'compliant' })], reported());
    expect(withWithdrawn).toEqual(rows);
  });
  it('sums known areas only and shows the gap', () => {
    expect(rows[0]!.planned_ha).toEqual({ dataset: 50.5, reported: 100, gap: -49.5 });
    expect(rows[0]!.with_area).toBe(2);
  });
  it('counts WWTPs built/building and compliant/stable', () => {
    expect(rows[0]!.wwtp).toEqual({ dataset: 2, reported: 1, gap: 1 });
    expect(rows[0]!.wwtp_ok).toEqual({ dataset: 1, reported: 1, gap: 0 });
  });
  it('leaves the gap null where nothing was reported, and the total null when any part is', () => {
    expect(rows[1]!.established).toEqual({ dataset: 1, reported: null, gap: null });
    expect(rows[2]!.planned).toEqual({ dataset: 0, reported: null, gap: null });
    expect(rows[3]!.planned).toEqual({ dataset: 4, reported: null, gap: null });
  });
  it('renders a markdown table with signed gaps', () => {
    const md = reconciliationMarkdown(rows);
    expect(md).toContain('| Hà Nam | 3 / 4 (-1) |');
    expect(md).toContain('2 / 1 (+1)');
    expect(md.split('\n')).toHaveLength(6);
  });
});
