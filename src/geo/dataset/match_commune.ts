import { foldDiacritics } from '../search/fold_diacritics';

/** One administrative unit as the gazetteer names it (2009 boundaries). */
export interface AdminUnitRecord {
  province: string;
  district: string;
  commune: string;
}

const UNIT_PREFIX =
  /^(xa|phuong|thi tran|tt\.?|p\.|p|huyen|thi xa|tx\.?|thanh pho|tp\.?|quan)\s+/;

/**
 * Reduce an administrative name to a comparison key: fold diacritics (đ→d, tone
 * placement ignored), drop a trailing parenthetical, and strip a leading unit
 * prefix such as "Xã ", "Phường ", "Thị trấn ", "TT ", "P. ", "Huyện ", "Thị xã ",
 * "Thành phố ", "TP ".
 *
 * @param name - Commune or district name as a source writes it.
 * @returns The folded key, e.g. `"kien khe"` for `"TT Kiện Khê"`.
 */
export function adminKey(name: string): string {
  let k = foldDiacritics(name.replace(/\([^)]*\)\s*$/u, ''));
  for (let i = 0; i < 2; i++) k = k.replace(UNIT_PREFIX, '');
  return k.trim();
}

/**
 * Find gazetteer communes matching a commune name, searching the named
 * district(s) first and the whole province only when no district is given.
 * A district is given when `districts` is non-empty; if the name is not found in
 * those districts the result is empty (one commune name occurs in several districts,
 * so we never jump to a namesake elsewhere).
 *
 * @param name - Commune name as the source writes it ("Xã Trác Văn", "TT Phố Cà", "Hòa Hậu").
 * @param province - Ex-province of the unit ("Hà Nam" | "Nam Định" | "Ninh Bình").
 * @param districts - District names as the source writes them (may be empty).
 * @param records - The gazetteer units.
 * @returns All matching records (0, 1 or several); the caller decides about ambiguity.
 */
export function matchCommune<T extends AdminUnitRecord>(
  name: string,
  province: string,
  districts: readonly string[],
  records: readonly T[],
): T[] {
  const key = adminKey(name);
  if (key === '') return [];
  const inProvince = records.filter((r) => r.province === province && adminKey(r.commune) === key);
  if (districts.length === 0) return inProvince;
  const dKeys = new Set(districts.map(adminKey));
  return inProvince.filter((r) => dKeys.has(adminKey(r.district)));
}

/**
 * Find the gazetteer district names of a province matching a district name
 * ("Thị xã Duy Tiên" matches "Huyện Duy Tiên"; "Thành phố Tam Điệp" matches "Thị xã Tam Điệp").
 *
 * @param name - District name as a source writes it.
 * @param province - Ex-province.
 * @param records - The gazetteer units.
 * @returns Distinct matching gazetteer district names (usually 0 or 1).
 */
export function matchDistrict(
  name: string,
  province: string,
  records: readonly AdminUnitRecord[],
): string[] {
  const key = adminKey(name);
  const out = new Set<string>();
  for (const r of records) {
    if (r.province === province && adminKey(r.district) === key) out.add(r.district);
  }
  return [...out].sort();
}
