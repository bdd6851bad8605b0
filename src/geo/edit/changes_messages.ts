import type { ChangesCode } from './changes_file';

/**
 * What the planner reads when a changes file is refused, Vietnamese first; each message says
 * that nothing was imported, since the whole file is refused. `{param}` placeholders are filled
 * from the params; the app adds `{file}` (the file's name). Record numbers are 1-based.
 * A record's reason comes in both languages (`{reason_vi}`, `{reason_en}`), so each message
 * stays in one language. Part of the app's catalogue (src/app/i18n.ts, keys `changes:<code>`).
 *
 * @example
 * CHANGES_MESSAGES.unknown_cluster.en // 'Change {record} in {file} refers to a cluster this app does not have ({id}). …'
 */
export const CHANGES_MESSAGES: Readonly<Record<ChangesCode, { vi: string; en: string }>> = Object.freeze({
  too_large: {
    vi: 'Tệp {file} quá lớn: {size_mb} MB, giới hạn là {limit_mb} MB (tính cả dung lượng sau khi giải nén). Không có thay đổi nào được nhập.',
    en: 'The file {file} is too large: {size_mb} MB, the limit is {limit_mb} MB (the unzipped size counts too). No change was imported.',
  },
  empty: {
    vi: 'Tệp {file} trống, không có thay đổi nào để nhập.',
    en: 'The file {file} is empty: there is no change to import.',
  },
  zip_corrupt: {
    vi: 'Không mở được tệp nén {file}: tệp bị hỏng hoặc không phải tệp ZIP. Không có thay đổi nào được nhập.',
    en: 'Cannot open the ZIP file {file}: it is damaged or not a ZIP archive. No change was imported.',
  },
  no_journal: {
    vi: 'Tệp nén {file} không chứa nhật ký thay đổi changes.json (có: {entries}). Hãy chọn tệp .zip mà ứng dụng xuất khi xuất các thay đổi.',
    en: 'The ZIP file {file} holds no changes journal, changes.json (found: {entries}). Choose the .zip the app makes when it exports changes.',
  },
  not_changes: {
    vi: 'Tệp {file} không phải tệp thay đổi: cần tệp .zip mà ứng dụng xuất khi xuất các thay đổi, hoặc tệp changes.json trong đó.',
    en: 'The file {file} is not a changes file: choose the .zip the app makes when it exports changes, or the changes.json inside it.',
  },
  not_utf8: {
    vi: 'Tệp {file} không được mã hoá UTF-8. Hãy lưu lại changes.json với mã hoá UTF-8. Không có thay đổi nào được nhập.',
    en: 'The file {file} is not UTF-8 text. Save changes.json again with UTF-8 encoding. No change was imported.',
  },
  bad_json: {
    vi: 'Tệp {file} không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column}. Tệp có thể bị cắt dở hoặc bị sửa tay sai cú pháp. Không có thay đổi nào được nhập.',
    en: 'The file {file} is not valid JSON: error at line {line}, column {column}. It may be truncated or hand-edited with a syntax error. No change was imported.',
  },
  is_geojson: {
    vi: 'Tệp {file} là GeoJSON, không phải tệp thay đổi. Để xem nó trên bản đồ, hãy dùng "Nhập GeoJSON…".',
    en: 'The file {file} is GeoJSON, not a changes file. To see it on the map, use "Import GeoJSON…".',
  },
  wrong_format: {
    vi: 'Tệp {file} không phải tệp thay đổi của ứng dụng này: trường "format" là {format}, cần "{expected}". Không có thay đổi nào được nhập.',
    en: 'The file {file} is not a changes file of this app: its "format" is {format}, expected "{expected}". No change was imported.',
  },
  wrong_version: {
    vi: 'Tệp {file} có phiên bản {version}; ứng dụng này chỉ đọc phiên bản {supported}. Hãy cập nhật ứng dụng hoặc xin người gửi xuất lại. Không có thay đổi nào được nhập.',
    en: 'The file {file} is version {version}; this app reads version {supported} only. Update the app or ask the sender to export again. No change was imported.',
  },
  other_dataset: {
    vi: 'Tệp {file} chứa thay đổi của bộ dữ liệu {dataset}, không phải "{expected}". Không có thay đổi nào được nhập.',
    en: 'The file {file} holds changes to the data set {dataset}, not "{expected}". No change was imported.',
  },
  no_change_list: {
    vi: 'Tệp {file} không có danh sách "changes". Không có thay đổi nào được nhập.',
    en: 'The file {file} has no "changes" list. No change was imported.',
  },
  no_changes: {
    vi: 'Tệp {file} không có thay đổi nào để nhập.',
    en: 'The file {file} has no change to import.',
  },
  bad_record: {
    vi: 'Bản ghi thứ {record} trong {file} không hợp lệ: {reason_vi}. Không có thay đổi nào được nhập.',
    en: 'Record {record} in {file} is not valid: {reason_en}. No change was imported.',
  },
  unknown_cluster: {
    vi: 'Thay đổi thứ {record} trong {file} sửa một cụm mà ứng dụng này không có ({id}). Có thể tệp được làm trên dữ liệu khác. Không có thay đổi nào được nhập.',
    en: 'Change {record} in {file} refers to a cluster this app does not have ({id}). The file may have been made on other data. No change was imported.',
  },
  unreadable: {
    vi: 'Không đọc được tệp {file}. Không có thay đổi nào được nhập.',
    en: 'Cannot read the file {file}. No change was imported.',
  },
});
