import { describe, expect, it } from 'vitest';
import { exportFileName, type ExportFileNameOptions } from '../../../src/geo/io/export_filename';

const day = new Date(2026, 10, 23, 23, 59);
const name = (o: Partial<ExportFileNameOptions>) =>
  exportFileName({ provinces: null, statuses: null, what: 'filtered', date: day, ext: 'geojson', ...o });

describe('exportFileName', () => {
  const cases: [Partial<ExportFileNameOptions>, string][] = [
    [{ provinces: ['Hà Nam'], statuses: ['operating'] }, 'cum-cong-nghiep_loc_ha-nam_operating_2026-11-23.geojson'],
    [{}, 'cum-cong-nghiep_loc_toan-tinh_2026-11-23.geojson'],
    [{ provinces: ['Ninh Bình', 'Hà Nam', 'Nam Định'] }, 'cum-cong-nghiep_loc_toan-tinh_2026-11-23.geojson'],
    [{ provinces: ['Nam Định', 'Hà Nam'], ext: 'csv' }, 'cum-cong-nghiep_loc_ha-nam-nam-dinh_2026-11-23.csv'],
    [{ statuses: ['operating', 'planned'] }, 'cum-cong-nghiep_loc_toan-tinh_planned-operating_2026-11-23.geojson'],
    [{ statuses: ['planned', 'established', 'operating', 'withdrawn'] }, 'cum-cong-nghiep_loc_toan-tinh_2026-11-23.geojson'],
    [{ statuses: ['planned', 'established', 'operating'] }, 'cum-cong-nghiep_loc_toan-tinh_planned-established-operating_2026-11-23.geojson'],
    [{ provinces: [], statuses: [] }, 'cum-cong-nghiep_loc_khong-tinh_khong-trang-thai_2026-11-23.geojson'],
    [{ what: 'selection', provinces: ['Ninh Bình'] }, 'cum-cong-nghiep_chon_ninh-binh_2026-11-23.geojson'],
    [{ what: 'areas', provinces: ['Ninh Bình'], statuses: ['planned'] }, 'vung-chon_2026-11-23.geojson'],
    [{ provinces: ['../ĐẢO / x:y*?'] }, 'cum-cong-nghiep_loc_dao-x-y_2026-11-23.geojson'],
    [{ date: new Date(2026, 0, 5) }, 'cum-cong-nghiep_loc_toan-tinh_2026-01-05.geojson'],
  ];
  for (const [o, want] of cases) it(want, () => expect(name(o)).toBe(want));

  it('is ASCII and filename-safe for any input', () => {
    const n = name({ provinces: ['Hà Nam', 'Ωmega<>|"\\', ''], statuses: ['planned', '../..'] });
    expect(n).toMatch(/^[a-z0-9_.-]+$/);
  });
  it('rejects an invalid date and unknown kinds', () => {
    expect(() => name({ date: new Date('nope') })).toThrow('Expected a valid Date, got Invalid Date');
    expect(() => name({ what: 'all' as 'areas' })).toThrow('Expected what to be selection, filtered or areas, got all');
    expect(() => name({ ext: 'xls' as 'csv' })).toThrow('Expected ext to be geojson, csv or xlsx, got xls');
  });
});
