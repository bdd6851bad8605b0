import type { ClusterProps } from '../types';

/** Columns the cluster table can show besides the name, in display order. */
export const LIST_COLUMNS = ['ex_province', 'status', 'wwtp', 'planned_area_ha', 'occupancy_pct', 'commune_2025', 'geometry_quality', 'sources'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
export const DEFAULT_LIST_COLUMNS: readonly ListColumn[] = ['ex_province', 'status', 'wwtp', 'planned_area_ha'];

const STATUS_ORDER = { planned: 0, established: 1, operating: 2, withdrawn: 3 } as const;
const WWTP_ORDER = { none: 0, under_construction: 1, operating: 2, compliant: 3, unknown: 4 } as const;
const QUALITY_ORDER = { surveyed: 0, traced: 1, 'source-coordinates': 2, 'schematic-commune': 3, 'schematic-district': 4, 'point-commune': 5, 'point-district': 6 } as const;

/** Missing values sort last in both directions (they are not small, they are unknown). */
function nullsLast(a: number | null | undefined, b: number | null | undefined, dir: 1 | -1): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return dir * (a - b);
}

/**
 * Orders two clusters by a column (or the name), ascending when `dir` is 1; clusters without
 * a value go last either way; ties by name.
 */
export function compareBy(a: ClusterProps, b: ClusterProps, key: ListColumn | 'name', dir: 1 | -1): number {
  const byName = a.name.localeCompare(b.name, 'vi');
  let c: number;
  switch (key) {
    case 'planned_area_ha': c = nullsLast(a.planned_area_ha, b.planned_area_ha, dir); break;
    case 'occupancy_pct': c = nullsLast(a.occupancy_pct, b.occupancy_pct, dir); break;
    case 'sources': c = dir * ((a.sources?.length ?? 0) - (b.sources?.length ?? 0)); break;
    case 'status': c = dir * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]); break;
    case 'wwtp': c = dir * (WWTP_ORDER[a.wwtp] - WWTP_ORDER[b.wwtp]); break;
    case 'geometry_quality': c = dir * (QUALITY_ORDER[a.geometry_quality] - QUALITY_ORDER[b.geometry_quality]); break;
    case 'commune_2025': {
      const x = a.commune_2025 ?? null;
      const y = b.commune_2025 ?? null;
      c = x === y ? 0 : x === null ? 1 : y === null ? -1 : dir * x.localeCompare(y, 'vi');
      break;
    }
    case 'ex_province': c = dir * a.ex_province.localeCompare(b.ex_province, 'vi'); break;
    case 'name': return dir * byName;
  }
  return c || byName;
}

/** The columns a stored choice names, in display order; unknown names are dropped, none falls back to the default. */
export function readColumns(stored: unknown): ListColumn[] {
  const names = Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
  const cols = LIST_COLUMNS.filter((c) => names.includes(c));
  return cols.length || Array.isArray(stored) ? cols : [...DEFAULT_LIST_COLUMNS];
}
