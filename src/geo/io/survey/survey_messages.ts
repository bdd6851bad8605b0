/**
 * What the planner reads for each survey-import problem, Vietnamese first; `{param}` placeholders
 * come from the params, `{file}` from the app. Part of the app's message catalogue
 * (src/app/i18n.ts, keys `survey:<code>`).
 */
export const SURVEY_MESSAGES: Readonly<Record<string, { vi: string; en: string }>> = {
  survey_unreadable: {
    vi: 'Không đọc được tệp {file}: {detail}. Bản đồ và các thay đổi vẫn giữ nguyên.',
    en: 'The file {file} could not be read: {detail}. The map and your changes are as they were.',
  },
  survey_prj_unknown: {
    vi: 'Tệp .prj của {file} ghi một hệ tọa độ ứng dụng không đọc được: hệ tọa độ được đề xuất theo giá trị các điểm, hãy kiểm tra.',
    en: "The .prj of {file} names a coordinate system this app cannot read: one is proposed from the points' values instead; check it.",
  },
  survey_no_crs: {
    vi: 'Tọa độ trong {file} không khớp hệ tọa độ nào ứng dụng biết (WGS 84; VN-2000 TM-3 105°00′, 105°30′; UTM 48N): không điểm nào rơi vào tỉnh. Hãy kiểm tra cột X, Y và đơn vị (mét). Chưa có gì được áp dụng.',
    en: 'The coordinates in {file} fit no coordinate system this app knows (WGS 84; VN-2000 TM-3 105°00′, 105°30′; UTM 48N): no point lands in the province. Check the X and Y columns and the unit (metres). Nothing has been applied.',
  },
  survey_nothing_parsed: {
    vi: 'Chưa có tệp nào được đọc để chuyển tọa độ.',
    en: 'No file has been read to transform.',
  },
  survey_outside_province: {
    vi: '{n} điểm của {file} nằm ngoài tỉnh với hệ tọa độ này (điểm đầu tiên: hình {feature}, đỉnh {vertex}). Hãy chọn hệ tọa độ khác; chưa có gì được áp dụng.',
    en: '{n} points of {file} fall outside the province in this coordinate system (first: shape {feature}, vertex {vertex}). Choose another coordinate system; nothing has been applied.',
  },
  // parse_survey.ts, check_rings.ts (file-level problems of every format)
  survey_too_large: {
    vi: 'Tệp {file} quá lớn: {size_mb} MB, giới hạn là {limit_mb} MB (tính cả phần giải nén).',
    en: 'The file {file} is too large: {size_mb} MB, the limit is {limit_mb} MB (the unzipped size counts too).',
  },
  survey_empty: {
    vi: 'Tệp {file} trống, không có gì để đọc.',
    en: 'The file {file} is empty: there is nothing to read.',
  },
  unsupported_format: {
    vi: 'Chưa đọc được tệp {file} (đuôi {ext}). Hãy dùng KML/KMZ, Shapefile nén .zip, DXF, GeoJSON hoặc bảng tọa độ CSV.',
    en: 'The file {file} (extension {ext}) cannot be read. Use KML/KMZ, a zipped Shapefile, DXF, GeoJSON or a CSV coordinate table.',
  },
  dwg_not_supported: {
    vi: 'Tệp {file} là bản vẽ DWG, định dạng đóng không đọc được. Trong AutoCAD, hãy lưu thành DXF (Save As → DXF) rồi nhập lại.',
    en: 'The file {file} is a DWG drawing, a closed format that cannot be read. In AutoCAD, save it as DXF (Save As → DXF) and import that.',
  },
  survey_zip_corrupt: {
    vi: 'Không mở được tệp nén {file}: tệp hỏng hoặc không phải ZIP ({detail}).',
    en: 'Cannot open the ZIP file {file}: it is damaged or not a ZIP archive ({detail}).',
  },
  zip_unknown_content: {
    vi: 'Tệp nén {file} không chứa Shapefile (.shp, .shx, .dbf), KML hay GeoJSON (có: {entries}).',
    en: 'The ZIP file {file} holds no Shapefile (.shp, .shx, .dbf), KML or GeoJSON (found: {entries}).',
  },
  zip_entry_too_large: {
    vi: 'Phần {entry} trong tệp nén {file} quá lớn khi giải nén: {size_mb} MB, giới hạn là {limit_mb} MB.',
    en: 'The part {entry} of the ZIP file {file} is too large unzipped: {size_mb} MB, the limit is {limit_mb} MB.',
  },
  ring_self_intersection: {
    vi: 'Hình thứ {feature} trong {file} có đường ranh giới tự cắt (hình "nơ"), tại điểm x = {x}, y = {y} ({count} chỗ cắt). Hãy sửa thứ tự các đỉnh rồi nhập lại.',
    en: 'Shape {feature} in {file} has a boundary that crosses itself (a "bow-tie") at x = {x}, y = {y} ({count} crossings). Fix the order of its vertices and import again.',
  },
  // parse_kml.ts
  kmz_no_kml: {
    vi: 'Tệp KMZ {file} không chứa tệp .kml nào (có: {entries}).',
    en: 'The KMZ file {file} holds no .kml file (found: {entries}).',
  },
  kml_not_xml: {
    vi: 'Tệp {file} không phải KML: không có phần tử XML nào.',
    en: 'The file {file} is not KML: it holds no XML element.',
  },
  kml_bad_xml: {
    vi: 'Tệp KML {file} không đúng cú pháp XML: lỗi ở dòng {line}, cột {column}. Tệp có thể bị cắt dở hoặc bị sửa tay sai.',
    en: 'The KML file {file} is not well-formed XML: error at line {line}, column {column}. The file may be truncated or hand-edited with a mistake.',
  },
  kml_not_kml: {
    vi: 'Tệp {file} là XML nhưng không phải KML (phần tử gốc là <{root}>, cần <kml>).',
    en: 'The file {file} is XML but not KML (its root element is <{root}>, expected <kml>).',
  },
  kml_bad_encoding: {
    vi: 'Tệp KML {file} không đọc được theo bảng mã {encoding} mà tệp khai báo. Hãy lưu lại với mã hoá UTF-8.',
    en: 'The KML file {file} cannot be read in the {encoding} encoding it declares. Save it again as UTF-8.',
  },
  kml_no_placemarks: {
    vi: 'Tệp KML {file} không có địa điểm (Placemark) nào.',
    en: 'The KML file {file} has no placemarks.',
  },
  kml_no_geometry: {
    vi: 'Không địa điểm nào trong {placemarks} địa điểm của tệp KML {file} có hình (điểm, đường hay vùng).',
    en: 'None of the {placemarks} placemarks of the KML file {file} has a geometry (point, line or polygon).',
  },
  kml_skipped_placemarks: {
    vi: 'Đã bỏ qua {count} địa điểm không có hình trong {file}.',
    en: 'Skipped {count} placemarks without a geometry in {file}.',
  },
  kml_skipped_overlays: {
    vi: 'Đã bỏ qua {count} lớp phủ ảnh hoặc liên kết mạng (GroundOverlay, NetworkLink) trong {file}: chỉ đọc các địa điểm.',
    en: 'Skipped {count} ground overlays or network links in {file}: only placemarks are read.',
  },
  // parse_shapefile.ts
  shp_not_zipped: {
    vi: 'Tệp {file} ({ext}) chỉ là một phần của Shapefile. Hãy nén các tệp .shp, .shx, .dbf và .prj cùng tên vào một tệp .zip rồi nhập tệp .zip đó.',
    en: 'The file {file} ({ext}) is only one part of a Shapefile. Zip the .shp, .shx, .dbf and .prj files of the same name together and import the .zip.',
  },
  shp_incomplete: {
    vi: 'Shapefile {layer} trong {file} thiếu {missing}. Cần đủ .shp, .shx và .dbf (và nên có .prj); hãy nén lại đủ các tệp.',
    en: 'The Shapefile {layer} in {file} lacks {missing}. It needs .shp, .shx and .dbf (and should have .prj); zip all of them again.',
  },
  shp_truncated: {
    vi: 'Tệp {layer}.shp trong {file} bị cắt cụt ở bản ghi {record}: có {bytes} byte, cần {expected} byte. Hãy sao chép hoặc xuất lại tệp.',
    en: 'The file {layer}.shp in {file} is cut short at record {record}: it has {bytes} bytes, {expected} are needed. Copy or export it again.',
  },
  shp_bad_header: {
    vi: 'Tệp {layer}.shp trong {file} không phải tệp hình Shapefile (phần đầu tệp sai).',
    en: 'The file {layer}.shp in {file} is not a Shapefile geometry file (its header is wrong).',
  },
  shp_unsupported_type: {
    vi: 'Shapefile {layer} trong {file} có kiểu hình {type}, không đọc được (chỉ đọc điểm, đường, vùng).',
    en: 'The Shapefile {layer} in {file} has shape type {type}, which cannot be read (points, lines and polygons only).',
  },
  shp_bad_record: {
    vi: 'Bản ghi {record} của {layer}.shp trong {file} bị hỏng (số phần, số điểm hoặc tọa độ không hợp lệ).',
    en: 'Record {record} of {layer}.shp in {file} is damaged (its part count, point count or coordinates are not valid).',
  },
  shp_unreadable: {
    vi: 'Không đọc được hình của Shapefile {layer} trong {file} ({detail}).',
    en: 'Cannot read the shapes of the Shapefile {layer} in {file} ({detail}).',
  },
  shp_dbf_count: {
    vi: 'Shapefile {layer} trong {file} không khớp: {layer}.shp có {shp} hình nhưng {layer}.dbf có {dbf} dòng thuộc tính. Các tệp có thể lấy từ hai lần xuất khác nhau.',
    en: 'The Shapefile {layer} in {file} does not match: {layer}.shp has {shp} shapes but {layer}.dbf has {dbf} attribute rows. The files may come from two different exports.',
  },
  dbf_truncated: {
    vi: 'Tệp {layer}.dbf trong {file} bị cắt cụt ở dòng {record} (phần đầu tệp ghi {records} dòng).',
    en: 'The file {layer}.dbf in {file} is cut short at row {record} (its header says {records} rows).',
  },
  dbf_bad_header: {
    vi: 'Tệp {layer}.dbf trong {file} có phần đầu hỏng (độ dài các trường không khớp).',
    en: 'The file {layer}.dbf in {file} has a damaged header (its field lengths do not add up).',
  },
  shp_no_features: {
    vi: 'Shapefile {layer} trong {file} không có hình nào (mọi bản ghi đều rỗng hoặc đã xoá).',
    en: 'The Shapefile {layer} in {file} has no shapes (every record is empty or deleted).',
  },
  shp_layers_skipped: {
    vi: 'Đã bỏ qua các lớp {layers} trong {file}: tệp .prj của chúng khác lớp {layer}, nên hệ tọa độ có thể khác. Hãy nhập riêng từng lớp.',
    en: 'Skipped the layers {layers} in {file}: their .prj differs from that of {layer}, so their coordinate system may differ. Import them one by one.',
  },
  shp_null_shapes: {
    vi: 'Đã bỏ qua {count} bản ghi không có hình trong {layer}.shp ({file}).',
    en: 'Skipped {count} records without a shape in {layer}.shp ({file}).',
  },
  dbf_deleted_rows: {
    vi: 'Đã bỏ qua {count} dòng được đánh dấu xoá trong {layer}.dbf ({file}).',
    en: 'Skipped {count} rows marked as deleted in {layer}.dbf ({file}).',
  },
  dbf_vietnamese_codepage: {
    vi: 'Các trường {fields} của {layer}.dbf ({file}) được ghi bằng bảng mã {codepage}, không phải Unicode; đã chuyển sang Unicode. Hãy kiểm tra lại tên có dấu.',
    en: 'The fields {fields} of {layer}.dbf ({file}) are written in the {codepage} code page, not Unicode; they were converted to Unicode. Check the accented names.',
  },
  dbf_codepage_unknown: {
    vi: 'Không nhận ra bảng mã của các trường {fields} trong {layer}.dbf ({file}); đã đọc theo {codepage}, chữ có dấu có thể bị sai. Nên xuất lại Shapefile với mã hoá UTF-8.',
    en: 'The code page of the fields {fields} in {layer}.dbf ({file}) is not recognised; they were read as {codepage}, so accented letters may be wrong. Export the Shapefile again as UTF-8.',
  },
  // parse_dxf.ts
  dxf_binary: {
    vi: 'Tệp {file} là DXF nhị phân, chưa đọc được. Trong AutoCAD, hãy lưu thành DXF dạng ASCII rồi nhập lại.',
    en: 'The file {file} is a binary DXF, which cannot be read. In AutoCAD, save it as an ASCII DXF and import that.',
  },
  dxf_not_dxf: {
    vi: 'Tệp {file} không phải bản vẽ DXF (phải bắt đầu bằng mục SECTION).',
    en: 'The file {file} is not a DXF drawing (it must begin with a SECTION).',
  },
  dxf_unreadable: {
    vi: 'Tệp DXF {file} bị hỏng ở dòng {line}: mã nhóm hoặc giá trị không hợp lệ.',
    en: 'The DXF file {file} is damaged at line {line}: a group code or value is not valid.',
  },
  dxf_truncated: {
    vi: 'Tệp DXF {file} bị cắt cụt sau dòng {line} (thiếu phần kết thúc). Hãy lưu hoặc sao chép lại tệp.',
    en: 'The DXF file {file} is cut short after line {line} (its end is missing). Save or copy it again.',
  },
  dxf_no_closed: {
    vi: 'Bản vẽ {file} không có hình khép kín nào (polyline đóng hoặc hatch); chỉ thấy {total} đối tượng khác: {found}. Hãy vẽ ranh giới bằng polyline đóng (Close).',
    en: 'The drawing {file} has no closed shape (closed polyline or hatch); it has {total} other entities only: {found}. Draw the boundary as a closed polyline (Close).',
  },
  dxf_dropped: {
    vi: 'Đã bỏ qua {total} đối tượng không phải hình khép kín trong {file} (polyline hở, đường, cung, chữ, khối…): {found}.',
    en: 'Skipped {total} entities of {file} that are not closed shapes (open polylines, lines, arcs, texts, blocks…): {found}.',
  },
  dxf_paper_space: {
    vi: 'Đã bỏ qua {count} đối tượng ở không gian giấy (paper space: khung, bảng tên) trong {file}; chỉ đọc không gian mô hình.',
    en: 'Skipped {count} paper-space entities (frames, title blocks) of {file}; only model space is read.',
  },
  dxf_bulges: {
    vi: '{count} đoạn cung trong các polyline của {file} được thay bằng các đoạn thẳng ngắn (mỗi đoạn tối đa 22,5°).',
    en: '{count} arc segments in the polylines of {file} were replaced by short straight segments (at most 22.5° each).',
  },
  dxf_codepage_unknown: {
    vi: 'Tệp DXF {file} không phải UTF-8 và không ghi bảng mã; đã đọc theo {codepage}, tên lớp và chữ có dấu có thể bị sai.',
    en: 'The DXF file {file} is not UTF-8 and names no code page; it was read as {codepage}, so accented layer names and texts may be wrong.',
  },
  // parse_geojson.ts: the GeoJSON import's problems, as the survey import reports them
  geojson_too_large: {
    vi: 'Tệp {file} quá lớn: {size_mb} MB, giới hạn là {limit_mb} MB (tính cả phần giải nén).',
    en: 'The file {file} is too large: {size_mb} MB, the limit is {limit_mb} MB (the unzipped size counts too).',
  },
  geojson_empty: {
    vi: 'Tệp GeoJSON {file} trống, không có gì để đọc.',
    en: 'The GeoJSON file {file} is empty: there is nothing to read.',
  },
  geojson_not_utf8: {
    vi: 'Tệp GeoJSON {file} không phải văn bản UTF-8 (hay UTF-16 có BOM). Hãy lưu lại với mã hoá UTF-8.',
    en: 'The GeoJSON file {file} is not UTF-8 text (nor UTF-16 with a BOM). Save it again as UTF-8.',
  },
  geojson_bad_json: {
    vi: 'Tệp {file} không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column}. Tệp có thể bị cắt dở hoặc bị sửa tay sai cú pháp.',
    en: 'The file {file} is not valid JSON: error at line {line}, column {column}. The file may be truncated or hand-edited with a syntax error.',
  },
  geojson_wrong_format: {
    vi: 'Tệp {file} có vẻ là định dạng {format}, không phải GeoJSON.',
    en: 'The file {file} looks like {format}, not GeoJSON.',
  },
  geojson_not_geojson: {
    vi: 'Tệp {file} là JSON nhưng không phải GeoJSON (tìm thấy {found}). Cần một FeatureCollection, Feature hoặc hình học GeoJSON.',
    en: 'The file {file} is JSON but not GeoJSON (found {found}). Expected a FeatureCollection, a Feature or a GeoJSON geometry.',
  },
  geojson_invalid_geojson: {
    vi: 'Đối tượng thứ {feature} trong {file} không đúng chuẩn GeoJSON: {trace}.',
    en: 'Feature {feature} in {file} is not valid GeoJSON: {trace}.',
  },
  geojson_unclosed_ring: {
    vi: 'Đối tượng thứ {feature} trong {file}: vòng {ring} của đa giác không khép kín (điểm đầu và điểm cuối phải trùng nhau).',
    en: 'Feature {feature} in {file}: polygon ring {ring} is not closed (its first and last positions must be the same).',
  },
  geojson_swapped_coordinates: {
    vi: 'Đối tượng thứ {feature} trong {file} có tọa độ [{x}, {y}]: có vẻ vĩ độ và kinh độ bị đảo.',
    en: 'Feature {feature} in {file} has coordinates [{x}, {y}]: latitude and longitude look swapped.',
  },
  geojson_projected_coordinates: {
    vi: 'Đối tượng thứ {feature} trong {file} có tọa độ [{x}, {y}], ngoài phạm vi độ (tọa độ phẳng, mét).',
    en: 'Feature {feature} in {file} has coordinates [{x}, {y}], outside the range of degrees (projected, metres).',
  },
  geojson_no_features: {
    vi: 'Tệp {file} là GeoJSON hợp lệ nhưng không có đối tượng nào.',
    en: 'The file {file} is valid GeoJSON but has no features.',
  },
  geojson_unsupported_geometry: {
    vi: 'Tệp {file} không có đối tượng nào có hình (chỉ có: {types}).',
    en: 'The file {file} has no feature with a geometry (only: {types}).',
  },
  geojson_too_many_features: {
    vi: 'Tệp {file} có {count} đối tượng, nhiều hơn giới hạn {limit}. Hãy lọc bớt rồi xuất lại.',
    en: 'The file {file} has {count} features, more than the limit of {limit}. Keep fewer and export again.',
  },
  geojson_zip_no_geojson: {
    vi: 'Tệp nén {file} không chứa tệp .geojson hay .json nào (có: {entries}).',
    en: 'The ZIP file {file} holds no .geojson or .json file (found: {entries}).',
  },
  geojson_zip_corrupt: {
    vi: 'Không mở được tệp nén {file}: tệp hỏng hoặc không phải ZIP ({detail}).',
    en: 'Cannot open the ZIP file {file}: it is damaged or not a ZIP archive ({detail}).',
  },
  geojson_unreadable: {
    vi: 'Không đọc được tệp GeoJSON {file} ({detail}).',
    en: 'Cannot read the GeoJSON file {file} ({detail}).',
  },
  geojson_skipped_features: {
    vi: 'Đã bỏ qua {count} đối tượng trong {file} không có hình ({types}).',
    en: 'Skipped {count} features in {file} without a geometry ({types}).',
  },
  geojson_crs_member: {
    vi: 'Tệp {file} khai báo hệ tọa độ "{crs}" (thành phần crs, không có trong chuẩn RFC 7946); hãy kiểm tra hệ tọa độ đề xuất.',
    en: 'The file {file} declares the coordinate system "{crs}" (a crs member, not part of RFC 7946); check the proposed coordinate system.',
  },
  // parse_table.ts (boundary-point tables; rows are 1-based lines of the table, {column} its header or number)
  table_empty: {
    vi: 'Bảng tọa độ {file} trống: không có dòng nào có số liệu.',
    en: 'The coordinate table {file} is empty: no row holds any values.',
  },
  table_no_coordinates: {
    vi: 'Không nhận ra cột tọa độ trong bảng {file} (tìm thấy: {columns}). Cần hai cột X, Y (mét, VN-2000) hoặc Kinh độ, Vĩ độ (độ, WGS 84).',
    en: 'No coordinate columns recognised in the table {file} (found: {columns}). Two columns X, Y (metres, VN-2000) or Longitude, Latitude (degrees, WGS 84) are needed.',
  },
  table_missing_cell: {
    vi: 'Dòng {row} của bảng {file}: thiếu giá trị ở cột {column}. Hãy điền đủ tọa độ của mọi điểm rồi nhập lại.',
    en: 'Row {row} of the table {file}: the {column} cell is empty. Fill in every point\'s coordinates and import again.',
  },
  table_not_a_number: {
    vi: 'Dòng {row} của bảng {file}, cột {column}: "{text}" không phải là số.',
    en: 'Row {row} of the table {file}, column {column}: "{text}" is not a number.',
  },
  table_mixed_units: {
    vi: 'Dòng {row} của bảng {file}, cột {column}: giá trị {text} không cùng loại với các dòng khác (mét hay độ?). Có thể gõ nhầm hoặc sai dấu phân cách hàng nghìn.',
    en: 'Row {row} of the table {file}, column {column}: the value {text} is not of the same kind as the other rows (metres or degrees?). It may be a typo or a wrong thousands separator.',
  },
  table_extra_cells: {
    vi: 'Dòng {row} của bảng {file} có {found} ô trong khi tiêu đề có {expected} cột: có lẽ số dùng dấu phẩy thập phân trong tệp phân cách bằng dấu phẩy. Hãy lưu lại với dấu chấm phẩy hoặc tab.',
    en: 'Row {row} of the table {file} has {found} cells where the header has {expected} columns: decimal commas in a comma-separated file? Save it again with semicolons or tabs.',
  },
  table_too_few_points: {
    vi: 'Ranh giới {parcel} (từ dòng {row}) trong bảng {file} chỉ có {n} điểm; một ranh giới cần ít nhất 3 điểm.',
    en: 'The boundary {parcel} (from row {row}) in the table {file} has only {n} points; a boundary needs at least 3.',
  },
  table_rows_skipped: {
    vi: 'Đã bỏ qua các dòng chữ không thuộc ranh giới nào trong bảng {file}: dòng {rows}.',
    en: 'Skipped text rows that belong to no boundary in the table {file}: rows {rows}.',
  },
  table_vn2000_degrees: {
    vi: 'Bảng {file} ghi kinh độ, vĩ độ theo VN-2000: chúng lệch khoảng 220 m so với WGS 84 và ứng dụng chưa chuyển được. Hãy dùng tọa độ phẳng VN-2000 (X, Y) hoặc WGS 84.',
    en: 'The table {file} gives VN-2000 longitudes and latitudes: they are about 220 m off WGS 84, and the app cannot convert them. Use VN-2000 plane coordinates (X, Y) or WGS 84.',
  },
};
