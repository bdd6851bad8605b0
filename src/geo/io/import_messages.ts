import type { ImportCode } from './import_geojson';

/**
 * What the planner reads for each import outcome, Vietnamese first. `{param}` placeholders
 * are filled from `ImportIssue.params`; the app adds `{file}` (the dropped file's name).
 * Feature numbers (`{feature}`) and ring numbers (`{ring}`, 1 = outer ring) are 1-based.
 * Part of the app's message catalogue (src/app/i18n.ts, keys `import:<code>`).
 *
 * @example
 * IMPORT_MESSAGES.bad_json.en // 'The file {file} is not valid JSON: error at line {line}, column {column}. …'
 */
export const IMPORT_MESSAGES: Readonly<Record<ImportCode, { vi: string; en: string }>> = Object.freeze({
  too_large: {
    vi: 'Tệp {file} quá lớn: {size_mb} MB, giới hạn là {limit_mb} MB (tính cả dung lượng sau khi giải nén). Hãy lọc bớt đối tượng rồi xuất lại.',
    en: 'The file {file} is too large: {size_mb} MB, the limit is {limit_mb} MB (the unzipped size counts too). Keep fewer features and export again.',
  },
  empty: {
    vi: 'Tệp {file} trống, không có nội dung để nhập.',
    en: 'The file {file} is empty: there is nothing to import.',
  },
  not_utf8: {
    vi: 'Tệp {file} không được mã hoá UTF-8. Hãy lưu lại tệp GeoJSON với mã hoá UTF-8.',
    en: 'The file {file} is not UTF-8 text. Save the GeoJSON again with UTF-8 encoding.',
  },
  bad_json: {
    vi: 'Tệp {file} không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column}. Tệp có thể bị cắt dở hoặc bị sửa tay sai cú pháp.',
    en: 'The file {file} is not valid JSON: error at line {line}, column {column}. The file may be truncated or hand-edited with a syntax error.',
  },
  wrong_format: {
    vi: 'Tệp {file} có vẻ là định dạng {format}, không phải GeoJSON. Hãy xuất sang GeoJSON (WGS 84, kinh độ/vĩ độ), ví dụ bằng QGIS, rồi nhập lại.',
    en: 'The file {file} looks like {format}, not GeoJSON. Export it as GeoJSON (WGS 84 lon/lat), e.g. with QGIS, and import again.',
  },
  not_geojson: {
    vi: 'Tệp {file} là JSON nhưng không phải GeoJSON (tìm thấy {found}). Cần một FeatureCollection, Feature hoặc hình học GeoJSON.',
    en: 'The file {file} is JSON but not GeoJSON (found {found}). Expected a FeatureCollection, a Feature or a GeoJSON geometry.',
  },
  invalid_geojson: {
    // (the validator's trace is English: the Vietnamese message says what to do instead)
    vi: 'Đối tượng thứ {feature} trong {file} không đúng chuẩn GeoJSON: kiểu hình học, tọa độ hoặc thuộc tính sai cấu trúc. Hãy mở tệp bằng QGIS, sửa đối tượng này rồi xuất lại.',
    en: 'Feature {feature} in {file} is not valid GeoJSON: {trace}.',
  },
  unclosed_ring: {
    vi: 'Đối tượng thứ {feature} trong {file}: vòng {ring} của đa giác không khép kín (điểm đầu và điểm cuối phải trùng nhau).',
    en: 'Feature {feature} in {file}: polygon ring {ring} is not closed (its first and last positions must be the same).',
  },
  swapped_coordinates: {
    vi: 'Đối tượng thứ {feature} trong {file} có toạ độ [{x}, {y}]: có vẻ vĩ độ và kinh độ bị đảo. GeoJSON ghi [kinh độ, vĩ độ], ví dụ [106.0, 20.3].',
    en: 'Feature {feature} in {file} has coordinates [{x}, {y}]: latitude and longitude look swapped. GeoJSON is [lon, lat], e.g. [106.0, 20.3].',
  },
  projected_coordinates: {
    vi: 'Đối tượng thứ {feature} trong {file} có toạ độ [{x}, {y}], ngoài phạm vi độ: có thể là toạ độ phẳng (mét, ví dụ UTM hay VN-2000). Hãy xuất sang WGS 84 kinh độ/vĩ độ (EPSG:4326).',
    en: 'Feature {feature} in {file} has coordinates [{x}, {y}], outside the range of degrees: projected coordinates (metres? e.g. UTM or VN-2000). Export as WGS 84 lon/lat (EPSG:4326).',
  },
  no_features: {
    vi: 'Tệp {file} là GeoJSON hợp lệ nhưng không có đối tượng nào.',
    en: 'The file {file} is valid GeoJSON but has no features.',
  },
  unsupported_geometry: {
    vi: 'Tệp {file} không có đối tượng nào hiển thị được (chỉ có: {types}). Bản đồ nhận điểm, đường và đa giác.',
    en: 'The file {file} has no feature that can be shown (only: {types}). The map takes points, lines and polygons.',
  },
  too_many_features: {
    vi: 'Tệp {file} có {count} đối tượng, nhiều hơn giới hạn {limit}. Hãy lọc bớt rồi xuất lại.',
    en: 'The file {file} has {count} features, more than the limit of {limit}. Keep fewer and export again.',
  },
  zip_no_geojson: {
    vi: 'Tệp nén {file} không chứa tệp .geojson hay .json nào (có: {entries}). Shapefile hay KML cần được chuyển sang GeoJSON trước.',
    en: 'The ZIP file {file} holds no .geojson or .json file (found: {entries}). Convert a Shapefile or KML to GeoJSON first.',
  },
  zip_corrupt: {
    vi: 'Không mở được tệp nén {file}: tệp hỏng hoặc không phải ZIP ({detail}).',
    en: 'Cannot open the ZIP file {file}: it is damaged or not a ZIP archive ({detail}).',
  },
  unreadable: {
    vi: 'Không đọc được tệp {file} ({detail}).',
    en: 'Cannot read the file {file} ({detail}).',
  },
  skipped_features: {
    vi: 'Đã bỏ qua {count} đối tượng trong {file} không có hình học hiển thị được ({types}).',
    en: 'Skipped {count} features in {file} without a geometry that can be shown ({types}).',
  },
  crs_ignored: {
    vi: 'Tệp {file} khai báo hệ toạ độ "{crs}"; GeoJSON (RFC 7946) luôn dùng WGS 84 kinh độ/vĩ độ nên khai báo này bị bỏ qua.',
    en: 'The file {file} declares the coordinate system "{crs}"; GeoJSON (RFC 7946) is always WGS 84 lon/lat, so it is ignored.',
  },
});
