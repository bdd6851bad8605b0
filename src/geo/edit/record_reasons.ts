/**
 * Why a journal record was refused, in Vietnamese and English. `checkRecord` (change.ts) says
 * it in one English sentence; a planner reads it in the app's language, so each of its
 * sentences is matched here to a code and a translation (values quoted from the record stay
 * as they are: they are data, not words).
 */

/** A refusal reason: a stable code and the sentence in each language (no final period). */
export interface RecordReason {
  code: string;
  vi: string;
  en: string;
}

/** Longest quoted value kept in a reason, so a huge or hostile value cannot flood the message. */
const MAX_VALUE = 80;

interface Pattern {
  code: string;
  re: RegExp;
  vi: string;
  en: string;
}

// One entry per sentence checkRecord and valueProblem can give; `$1` is the captured value.
const PATTERNS: readonly Pattern[] = [
  { code: 'not_object', re: /^not an object$/, vi: 'không phải một đối tượng JSON', en: 'not a JSON object' },
  { code: 'no_id', re: /^missing id$/, vi: 'thiếu mã bản ghi (id), hoặc mã dài quá 100 ký tự', en: 'no record id, or an id longer than 100 characters' },
  { code: 'bad_at', re: /^"at" is not a timestamp$/, vi: 'trường "at" không phải thời điểm ISO (ví dụ 2026-11-23T08:00:00Z)', en: '"at" is not an ISO timestamp (e.g. 2026-11-23T08:00:00Z)' },
  { code: 'revert_no_change', re: /^a revert names no change$/, vi: 'bản ghi hoàn tác không nêu thay đổi nào', en: 'a revert that names no change' },
  { code: 'unknown_kind', re: /^unknown kind (.*)$/s, vi: 'loại bản ghi không xác định: $1', en: 'unknown record kind $1' },
  { code: 'no_target', re: /^missing target cluster id$/, vi: 'thiếu mã cụm được sửa (target)', en: 'no target cluster id' },
  { code: 'unknown_field', re: /^unknown field (.*)$/s, vi: 'trường không tồn tại hoặc không sửa được: $1', en: 'unknown field $1' },
  { code: 'no_source', re: /^no source$/, vi: 'thiếu nguồn (source)', en: 'no source' },
  { code: 'bad_as_of', re: /^"as_of" is not a date$/, vi: 'trường "as_of" không phải ngày ISO (YYYY, YYYY-MM hoặc YYYY-MM-DD)', en: '"as_of" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' },
  { code: 'no_value', re: /^no new value$/, vi: 'thiếu giá trị mới (to)', en: 'no new value ("to")' },
  { code: 'footprint_shape', re: /^expected \{ geometry, quality \}$/, vi: 'ranh giới phải có dạng { geometry, quality }', en: 'a footprint must be { geometry, quality }' },
  { code: 'unknown_quality', re: /^unknown geometry quality (.*)$/s, vi: 'mức độ chính xác của hình học không xác định: $1', en: 'unknown geometry quality $1' },
  { code: 'not_geometry', re: /^expected a geometry object$/, vi: 'thiếu đối tượng hình học', en: 'no geometry object' },
  { code: 'geometry_type', re: /^expected Point, Polygon or MultiPolygon, found (.*)$/s, vi: 'hình học phải là Point, Polygon hoặc MultiPolygon, gặp $1', en: 'the geometry must be Point, Polygon or MultiPolygon, found $1' },
  { code: 'bad_coordinates', re: /^coordinates are not a valid position list$/, vi: 'toạ độ không phải danh sách vị trí hợp lệ', en: 'the coordinates are not a valid position list' },
  { code: 'short_ring', re: /^a ring has fewer than 4 positions$/, vi: 'một vòng của đa giác có ít hơn 4 điểm', en: 'a polygon ring has fewer than 4 positions' },
  { code: 'not_feature', re: /^expected a GeoJSON Feature with properties$/, vi: 'cụm mới phải là một Feature GeoJSON có properties', en: 'a new cluster must be a GeoJSON Feature with properties' },
  { code: 'new_no_id', re: /^the new cluster has no id$/, vi: 'cụm mới không có mã (id)', en: 'the new cluster has no id' },
  { code: 'new_no_name', re: /^the new cluster has no name$/, vi: 'cụm mới không có tên', en: 'the new cluster has no name' },
  { code: 'empty_name', re: /^a name cannot be empty$/, vi: 'tên cụm không được để trống', en: 'a name cannot be empty' },
  { code: 'bad_status', re: /^status must be one of (.*)$/s, vi: 'trạng thái phải là một trong: $1', en: 'the status must be one of $1' },
  { code: 'bad_wwtp', re: /^wwtp must be one of (.*)$/s, vi: 'tình trạng xử lý nước thải phải là một trong: $1', en: 'the wastewater treatment state must be one of $1' },
  { code: 'bad_area', re: /^area must be a positive number of hectares$/, vi: 'diện tích phải là một số héc-ta dương (dưới 10.000)', en: 'the area must be a positive number of hectares (below 10,000)' },
  { code: 'bad_occupancy', re: /^occupancy must be between 0 and 100 %$/, vi: 'tỷ lệ lấp đầy phải từ 0 đến 100 %', en: 'the occupancy must be between 0 and 100 %' },
  { code: 'bad_year', re: /^year must be a whole year \(1950–2100\)$/, vi: 'năm phải là số nguyên từ 1950 đến 2100', en: 'the year must be a whole year (1950–2100)' },
  { code: 'bad_date', re: /^date must be YYYY-MM-DD$/, vi: 'ngày phải có dạng YYYY-MM-DD', en: 'the date must be YYYY-MM-DD' },
  { code: 'text_too_long', re: /^expected text of at most (\d+) characters$/, vi: 'cần văn bản dài tối đa $1 ký tự', en: 'expected text of at most $1 characters' },
  { code: 'new_cluster_nested', re: /^the new cluster's property (.*) holds nested data$/s, vi: 'thuộc tính $1 của cụm mới chứa dữ liệu lồng nhau', en: "the new cluster's property $1 holds nested data" },
  { code: 'new_cluster_value', re: /^the new cluster's property (.*) is not valid$/s, vi: 'thuộc tính $1 của cụm mới không hợp lệ', en: "the new cluster's property $1 is not valid" },
  { code: 'id_mismatch', re: /^the new cluster's id differs from the target$/, vi: 'mã của cụm mới khác mã cụm đích (target)', en: "the new cluster's id differs from the target" },
];

/** Shortens a quoted value for a message. */
export function shortValue(s: string): string {
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/**
 * Translates a `checkRecord` reason into a coded, bilingual reason.
 *
 * @param reason - the English sentence from `checkRecord` or `valueProblem`
 * @returns its code and sentences; an unknown sentence gives code `other` (the Vietnamese
 *   says the record is malformed, the English keeps the sentence)
 * @example
 * explainRecordReason('unknown field "area"').vi // 'trường không tồn tại hoặc không sửa được: "area"'
 */
export function explainRecordReason(reason: string): RecordReason {
  for (const p of PATTERNS) {
    const m = p.re.exec(reason);
    if (!m) continue;
    const fill = (t: string) => t.replace('$1', () => shortValue(m[1] ?? ''));
    return { code: p.code, vi: fill(p.vi), en: fill(p.en) };
  }
  return { code: 'other', vi: 'bản ghi không đúng cấu trúc', en: shortValue(reason) };
}

/** Reasons a changes file adds to `checkRecord`'s own. */
export const FILE_REASONS = Object.freeze({
  revert_in_file: { code: 'revert_in_file', vi: 'tệp thay đổi chỉ chứa thay đổi, không chứa bản ghi hoàn tác', en: 'a changes file holds changes only, not reverts' },
  proposal_in_file: { code: 'proposal_in_file', vi: 'tệp thay đổi chỉ chứa thay đổi, không chứa đề xuất (đề xuất được chia sẻ bằng tệp GeoJSON)', en: 'a changes file holds changes only, not proposals (proposals are shared as GeoJSON)' },
  duplicate_id: { code: 'duplicate_id', vi: 'mã bản ghi trùng với một bản ghi trước đó trong tệp', en: 'its id repeats an earlier record of the file' },
  too_deep: { code: 'too_deep', vi: 'dữ liệu lồng nhau quá sâu', en: 'its data is nested too deep' },
  coordinates_range: { code: 'coordinates_range', vi: 'toạ độ nằm ngoài khoảng kinh độ −180…180, vĩ độ −90…90', en: 'a position is outside longitude −180…180, latitude −90…90' },
} satisfies Record<string, RecordReason>);
