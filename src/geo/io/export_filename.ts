import { foldDiacritics } from '../search/fold_diacritics';
import { EX_PROVINCES, STATUSES } from '../types';

/** What an export holds: the planner's selection, the filtered clusters, or drawn areas. */
export type ExportWhat = 'selection' | 'filtered' | 'areas';

/** Options of {@link exportFileName}. */
export interface ExportFileNameOptions {
  /** Province filter (names as in ClusterProps, e.g. "Hà Nam"); null = all provinces. */
  provinces: string[] | null;
  /** Status filter (e.g. "operating"); null = all statuses. */
  statuses: string[] | null;
  what: ExportWhat;
  /** Export day, taken in the local time zone. */
  date: Date;
  ext: 'geojson' | 'csv' | 'xlsx';
}

/** Leading word per kind of export (ASCII Vietnamese). */
const PREFIX: Record<ExportWhat, string> = {
  filtered: 'cum-cong-nghiep_loc',
  selection: 'cum-cong-nghiep_chon',
  areas: 'vung-chon',
};

/**
 * Builds an ASCII, filename-safe name for an export:
 * `<prefix>[_<provinces>][_<statuses>]_<YYYY-MM-DD>.<ext>`.
 *
 * - prefix: `cum-cong-nghiep_loc` (filtered: "lọc"), `cum-cong-nghiep_chon` (selection: "chọn"),
 *   `vung-chon` (drawn areas; provinces and statuses are not written for areas).
 * - provinces: slugs (diacritics folded, non-alphanumerics → `-`) in the canonical order
 *   Hà Nam, Nam Định, Ninh Bình, then others sorted, joined with `-`; `null` or all three →
 *   `toan-tinh` ("whole province"); `[]` → `khong-tinh`.
 * - statuses: status values in lifecycle order joined with `-`; `null` or all three → omitted;
 *   `[]` → `khong-trang-thai`.
 * - date: local calendar day.
 *
 * @param opts - what is exported, the active filter facets, the day and the extension
 * @returns the file name
 * @throws RangeError when `date` is invalid, TypeError on an unknown `what`/`ext`
 * @example
 * exportFileName({ provinces: ['Hà Nam'], statuses: ['operating'], what: 'filtered', date: new Date(2026, 10, 23), ext: 'geojson' })
 * // 'cum-cong-nghiep_loc_ha-nam_operating_2026-11-23.geojson'
 * exportFileName({ provinces: null, statuses: null, what: 'selection', date: new Date(2026, 10, 23), ext: 'csv' })
 * // 'cum-cong-nghiep_chon_toan-tinh_2026-11-23.csv'
 */
export function exportFileName(opts: ExportFileNameOptions): string {
  const { provinces, statuses, what, date, ext } = opts;
  if (!(what in PREFIX)) throw new TypeError(`Expected what to be selection, filtered or areas, got ${String(what)}`);
  if (ext !== 'geojson' && ext !== 'csv' && ext !== 'xlsx') throw new TypeError(`Expected ext to be geojson, csv or xlsx, got ${String(ext)}`);
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`Expected a valid Date, got ${String(date)}`);
  const parts = [PREFIX[what]];
  if (what !== 'areas') {
    parts.push(provinceToken(provinces));
    const st = statusToken(statuses);
    if (st) parts.push(st);
  }
  parts.push(localIsoDay(date));
  return `${parts.join('_')}.${ext}`;
}

/**
 * The local calendar day of a date as YYYY-MM-DD (file names, captions).
 *
 * @param date - any valid Date
 * @example
 * localIsoDay(new Date(2026, 10, 23)) // '2026-11-23'
 */
export function localIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function slug(s: string): string {
  return foldDiacritics(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

function ordered(values: string[], canonical: readonly string[]): string[] {
  const uniq = [...new Set(values)];
  const known = canonical.filter((c) => uniq.includes(c));
  const rest = uniq.filter((v) => !canonical.includes(v)).sort();
  return [...known, ...rest];
}

function provinceToken(provinces: string[] | null): string {
  if (provinces === null) return 'toan-tinh';
  if (provinces.length === 0) return 'khong-tinh';
  if (EX_PROVINCES.every((p) => provinces.includes(p))) return 'toan-tinh';
  return ordered(provinces, EX_PROVINCES).map(slug).filter(Boolean).join('-') || 'khong-tinh';
}

function statusToken(statuses: string[] | null): string | null {
  if (statuses === null || STATUSES.every((s) => statuses.includes(s))) return null;
  if (statuses.length === 0) return 'khong-trang-thai';
  return ordered(statuses, STATUSES).map(slug).filter(Boolean).join('-') || 'khong-trang-thai';
}
