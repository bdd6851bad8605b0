import { EX_PROVINCES, GEOMETRY_QUALITIES, STATUSES, WWTP_STATES } from '../types';
import { valueProblem } from './change';
import { shortValue, type RecordReason } from './record_reasons';

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  ex_province: EX_PROVINCES,
  status: STATUSES,
  wwtp: WWTP_STATES,
  geometry_quality: GEOMETRY_QUALITIES,
};
const NUMBERS = ['planned_area_ha', 'occupancy_pct', 'projects', 'workers', 'established_year'];
const STRING_LISTS = ['communes', 'sources'];

const scalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * Checks the properties of a new cluster coming from a file, beyond what `checkRecord` checks
 * (id, name, geometry): the app filters and styles by these, and `applyJournal` spreads
 * `sources`, so a wrong type here would break the map rather than one record.
 *
 * Rules: every value is a scalar or a list of scalars (no nesting); `ex_province`, `status`,
 * `wwtp`, `geometry_quality` from their lists; `communes` a list of text (may be empty),
 * `sources` too where present; the numeric facts numbers or null; `as_of` an ISO date where present.
 *
 * @param p - the new cluster's `properties`
 * @returns the first problem as a bilingual reason, or null
 */
export function newClusterProblem(p: Readonly<Record<string, unknown>>): RecordReason | null {
  const bad = (property: string, what: 'nested' | 'value'): RecordReason => {
    const k = shortValue(JSON.stringify(property));
    return what === 'nested'
      ? { code: 'new_cluster_nested', vi: `thuộc tính ${k} của cụm mới chứa dữ liệu lồng nhau`, en: `the new cluster's property ${k} holds nested data` }
      : { code: 'new_cluster_value', vi: `thuộc tính ${k} của cụm mới không hợp lệ`, en: `the new cluster's property ${k} is not valid` };
  };
  for (const [k, v] of Object.entries(p)) {
    if (!scalar(v) && !(Array.isArray(v) && v.every(scalar))) return bad(k, 'nested');
  }
  for (const [k, allowed] of Object.entries(ENUMS)) if (!allowed.includes(p[k] as string)) return bad(k, 'value');
  for (const k of STRING_LISTS) {
    const v = p[k];
    if ((k === 'communes' || v !== undefined) && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) return bad(k, 'value');
  }
  for (const k of NUMBERS) if (p[k] !== undefined && p[k] !== null && typeof p[k] !== 'number') return bad(k, 'value');
  // valueProblem's date rule is the journal's ISO date rule (YYYY[-MM[-DD]]).
  if (p.as_of !== undefined && (typeof p.as_of !== 'string' || valueProblem('decision_date', p.as_of) !== null)) return bad('as_of', 'value');
  return null;
}
