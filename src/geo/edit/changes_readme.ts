/** Facts about one changes file that its README states. */
export interface ChangesReadmeInfo {
  /** ISO timestamp of the export. */
  exportedAt: string;
  /** The exporting app, when known. */
  app?: string;
  changes: number;
  clusters: number;
  footprints: number;
  /** Clusters with an edit to a field that clusters.csv has no column for (decision_date, investor, new_commune). */
  withoutColumn: readonly string[];
  /** Clusters whose edited geometry is neither a traced or surveyed polygon nor a source's point (the build places these itself). */
  footprintNotCarried: readonly string[];
  /** Clusters whose `sources` hold a document reference, not an http(s) URL (the dataset gate asks for URLs). */
  nonUrlSources: readonly string[];
}

const list = (ids: readonly string[]): string => ids.join(', ');

/**
 * The README.txt of a changes file: what each file is and how a maintainer uses it, Vietnamese
 * then English, CRLF line ends (it is opened on Windows as often as not).
 *
 * @param i - counts and the clusters that need a hand edit
 * @returns the text
 */
export function changesReadme(i: ChangesReadmeInfo): string {
  const by = i.app ? ` (${i.app})` : '';
  const vi = [
    'NHẬT KÝ THAY ĐỔI – CỤM CÔNG NGHIỆP TỈNH NINH BÌNH',
    `Xuất lúc ${i.exportedAt}${by}. Số thay đổi: ${i.changes}; số cụm được sửa: ${i.clusters}; số ranh giới vẽ tay hoặc đo đạc: ${i.footprints}.`,
    '',
    'Các tệp trong gói',
    '- changes.json: các thay đổi đang có hiệu lực, theo thứ tự (mỗi thay đổi: mã, cụm, trường, giá trị cũ và mới, nguồn, ngày của nguồn, thời điểm sửa). Ứng dụng đọc tệp này khi nhập thay đổi của đồng nghiệp; nhập cùng một tệp hai lần không tạo bản sao, và không có gì bị ghi đè khi chưa được chọn.',
    '- clusters_changed.geojson: các cụm được sửa, như sau khi áp dụng các thay đổi (GeoJSON, WGS 84 kinh độ/vĩ độ).',
    '- clusters_changed.csv: các cụm được sửa thành các dòng đúng theo tiêu đề của geodata/sources/clusters.csv (UTF-8 có BOM, xuống dòng CRLF).',
    '- footprints.geojson: ranh giới vẽ tay (traced) hoặc đo đạc (surveyed) của các cụm được sửa, cùng định dạng với geodata/sources/footprints.geojson.',
    '- README.txt: tệp này.',
    '',
    'Người duy trì dữ liệu dùng gói như sau',
    '1. Trong geodata/sources/clusters.csv, thay dòng có cùng id bằng dòng của clusters_changed.csv; cụm mới (id chưa có) thêm vào cuối bảng. Mở tệp CSV bằng trình soạn thảo văn bản, hoặc trong bảng tính với mọi cột là văn bản, để không ô nào bị đổi.',
    '2. Cột inferred_district và inferred_communes để trống vì ứng dụng không lưu chúng: giữ giá trị của dòng cũ. Cột lon/lat chỉ có giá trị khi toạ độ lấy từ nguồn.',
    '3. Trong geodata/sources/footprints.geojson, thay đối tượng cùng id bằng đối tượng của footprints.geojson trong gói, hoặc thêm vào.',
    '4. Chạy npm run geodata rồi npm run validate, xem lại thay đổi (git diff) rồi commit; có thể lưu changes.json trong cùng commit làm bằng chứng.',
  ];
  const en = [
    'CHANGES JOURNAL – INDUSTRIAL CLUSTERS OF NINH BÌNH PROVINCE',
    `Exported at ${i.exportedAt}${by}. Changes: ${i.changes}; clusters edited: ${i.clusters}; traced or surveyed footprints: ${i.footprints}.`,
    '',
    'Files in this package',
    '- changes.json: the changes in force, in order (each: id, cluster, field, old and new value, source, date of the source, time of the edit). The app reads this file when a colleague imports the changes; importing the same file twice adds nothing, and nothing is overwritten without a choice.',
    '- clusters_changed.geojson: the edited clusters as they are after the changes (GeoJSON, WGS 84 lon/lat).',
    '- clusters_changed.csv: the edited clusters as rows in exactly the header of geodata/sources/clusters.csv (UTF-8 with BOM, CRLF line ends).',
    '- footprints.geojson: the traced or surveyed footprints of the edited clusters, in the format of geodata/sources/footprints.geojson.',
    '- README.txt: this file.',
    '',
    'How a maintainer uses it',
    '1. In geodata/sources/clusters.csv, replace the row with the same id by the row of clusters_changed.csv; add new clusters (ids not there yet) at the end. Open the CSV in a text editor, or in a spreadsheet with every column as text, so that no cell is altered.',
    '2. The inferred_district and inferred_communes columns are empty because the app does not keep them: keep the old row\'s values. lon/lat are filled only for coordinates taken from a source.',
    '3. In geodata/sources/footprints.geojson, replace the feature with the same id by the one in this package\'s footprints.geojson, or add it.',
    '4. Run npm run geodata, then npm run validate, review the diff (git diff) and commit; changes.json can go in the same commit as the record of the edits.',
  ];
  if (i.withoutColumn.length || i.footprintNotCarried.length || i.nonUrlSources.length) {
    vi.push('');
    en.push('');
  }
  if (i.withoutColumn.length) {
    vi.push(`Lưu ý: decision_date, investor và new_commune không có cột trong clusters.csv (new_commune do bản dựng tính từ danh mục xã); các sửa đổi này chỉ có trong changes.json và clusters_changed.geojson, cần chuyển tay: ${list(i.withoutColumn)}.`);
    en.push(`Note: decision_date, investor and new_commune have no column in clusters.csv (the build derives new_commune from the gazetteer); these edits are only in changes.json and clusters_changed.geojson and need a hand edit: ${list(i.withoutColumn)}.`);
  }
  if (i.footprintNotCarried.length) {
    vi.push(`Lưu ý: bảng nguồn chỉ mang đa giác vẽ tay hoặc đo đạc, hoặc điểm có toạ độ từ nguồn; hình học đã sửa của các cụm sau không thuộc loại đó nên bản dựng sẽ tự đặt lại chúng: ${list(i.footprintNotCarried)}.`);
    en.push(`Note: the source tables carry only a traced or surveyed polygon, or a point with a source's coordinates; the edited geometry of these clusters is neither, so the build will place them itself: ${list(i.footprintNotCarried)}.`);
  }
  if (i.nonUrlSources.length) {
    vi.push(`Lưu ý: nguồn của các cụm sau có mục không phải địa chỉ http(s) (ví dụ số quyết định), mà npm run validate đòi địa chỉ URL; hãy thêm URL của văn bản hoặc chuyển phần dẫn chiếu vào notes: ${list(i.nonUrlSources)}.`);
    en.push(`Note: the sources of these clusters include entries that are not http(s) URLs (e.g. a decision number), and npm run validate asks for URLs; add the document's URL or move the reference to notes: ${list(i.nonUrlSources)}.`);
  }
  return [...vi, '', '----', '', ...en, ''].join('\r\n');
}
