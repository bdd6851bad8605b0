/**
 * Reads a boundary-point table (a CSV/TSV file, or text pasted from Word or Excel) into one
 * polygon per parcel. Pure; never throws: a table that cannot be read whole is refused with one
 * coded issue (messages in survey_messages.ts, `table_*`).
 */
import Papa from 'papaparse';
import type { Feature, Geometry } from 'geojson';
import type { CrsHint, ParseResult, SurveyIssue } from './types';

type Props = Record<string, string | number | boolean | null>;
type Role = 'x' | 'y' | 'lon' | 'lat' | 'name' | 'seq' | 'parcel' | 'other';

/** Folds Vietnamese to plain lower-case ASCII words ("Toạ độ X (m)" → "toa do x m"). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** What a header cell names, from its folded words. */
function roleOf(header: string): Role {
  const w = fold(header).split(' ');
  const has = (...k: string[]) => k.some((x) => w.includes(x));
  const all = w.join(' ');
  if (has('lon', 'long', 'lng', 'longitude') || all.includes('kinh do')) return 'lon';
  if (has('lat', 'latitude') || all.includes('vi do')) return 'lat';
  if (has('x', 'northing') || all === 'n') return 'x';
  if (has('y', 'easting') || all === 'e') return 'y';
  if (has('thua', 'lo', 'khu', 'parcel', 'polygon', 'vung', 'cum', 'block', 'area', 'shape', 'ranh')) return 'parcel';
  if (has('diem', 'moc', 'point', 'name', 'hieu', 'ten', 'id', 'ma')) return 'name';
  if (has('stt', 'tt', 'no', 'sequence')) return 'seq';
  return 'other';
}

const LABEL = /\b(khu|thua|lo|parcel|polygon|vung|cum|ranh gioi|dien tich|tong|area|block|bang)\b/;
/** Words of a parcel's own name ("Khu A", "Thửa 12"), as opposed to a table's title. */
const PARCEL_WORDS = /\b(khu|thua|lo|vung|parcel|polygon|block)\b/;
const NUMERIC = /^[+\-−]?(\d[\d\s.,'\u00a0\u202f\u2009]*|[.,]\d+)$/;
const DMS = /^([+-]?\d+(?:[.,]\d+)?)\s*°\s*(?:(\d+(?:[.,]\d+)?)\s*['′’]\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:"|″|''|”)\s*)?([NEBĐ])?$/i;
const looksNumeric = (s: string) => NUMERIC.test(s) || DMS.test(s);

/** The decimal separator one cell implies, or null when it could be either ("595.733"). */
function decimalVote(raw: string): '.' | ',' | null {
  const s = raw.replace(/[\s'\u00a0\u202f\u2009]/g, '').replace(/^[+\-−]/, '');
  const dot = s.lastIndexOf('.'), comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!sep) return null;
  const parts = s.split(sep);
  // A repeated separator groups thousands, so the other one is the decimal mark.
  if (parts.length > 2) return sep === '.' ? ',' : '.';
  return /^\d{1,3}$/.test(parts[0] as string) && /^\d{3}$/.test(parts[1] as string) ? null : sep;
}

const GROUPED = { '.': /^\d{1,3}(\.\d{3})+$/, ',': /^\d{1,3}(,\d{3})+$/ };

/** Parses a number with `dec` as decimal mark, or with the other mark when the cell itself shows it unambiguously; NaN if it is not a number. */
function toNumber(raw: string, dec: '.' | ','): number {
  const v = toNumberWith(raw, dec);
  if (!Number.isNaN(v)) return v;
  const own = decimalVote(raw);
  return own && own !== dec ? toNumberWith(raw, own) : NaN;
}

/** Parses a number written with `dec` as decimal mark (dots, commas, spaces or apostrophes between thousands), or a D°M′S″ angle. */
function toNumberWith(raw: string, dec: '.' | ','): number {
  const dms = DMS.exec(raw.trim());
  if (dms) {
    const part = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : 0);
    const d = part(dms[1]), m = part(dms[2]), sec = part(dms[3]);
    if (m >= 60 || sec >= 60) return NaN;
    return Math.sign(d || 1) * (Math.abs(d) + m / 60 + sec / 3600);
  }
  let s = raw.replace(/[\s'\u00a0\u202f\u2009]/g, '').replace('−', '-').replace(/^\+/, '');
  if (!/^-?[\d.,]+$/.test(s)) return NaN;
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  const thou = dec === '.' ? ',' : '.';
  const [int = '', frac, ...rest] = s.split(dec);
  if (rest.length > 0 || (frac !== undefined && !/^\d+$/.test(frac))) return NaN;
  if (int.includes(thou) && !GROUPED[thou].test(int)) return NaN;
  const digits = int.split(thou).join('');
  if (!/^\d*$/.test(digits) || (digits === '' && frac === undefined)) return NaN;
  const v = Number(`${digits || '0'}${frac !== undefined ? `.${frac}` : ''}`);
  return neg ? -v : v;
}

/** Text from a file's bytes: UTF-8 or UTF-16 with a BOM, UTF-8, else the Vietnamese Windows code page. */
function decode(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder('windows-1258').decode(b);
    } catch {
      return new TextDecoder('windows-1252').decode(b);
    }
  }
}

/** A cell trimmed; one of only dashes, dots or separators (a placeholder, or a row of separators) is empty. */
const cell = (c: unknown): string => {
  const t = String(c ?? '').replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  return /^[-–—_.,;|\s]*$/.test(t) ? '' : t;
};

/** The column separator: tabs (Excel, Word), semicolons (CSV with decimal commas), pipes, commas, else runs of blanks. */
function splitRows(text: string): { rows: string[][]; delimiter: string } {
  const delimiter = ['\t', ';', '|', ','].find((d) => text.includes(d));
  if (!delimiter) return { rows: text.split(/\r\n|\r|\n/).map((l) => (l.trim() === '' ? [''] : l.trim().split(/\s+/).map(cell))), delimiter: ' ' };
  const r = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  return { rows: r.data.map((row) => (Array.isArray(row) ? row.map(cell) : [''])), delimiter };
}

/** The projected system a table's text states ("Hệ VN-2000, kinh tuyến trục 105°30′, múi chiếu 3°"): known only when it names VN-2000 and one system. */
function statedCrs(texts: string[]): { vn2000: boolean; hint: CrsHint } {
  const t = fold(texts.join(' | ').replace(/°/g, ' do ').replace(/[′']/g, ' phut '));
  const vn2000 = /\bvn ?2000\b/.test(t);
  const found = new Set<'VN2000-TM3-105' | 'VN2000-TM3-105.5' | 'VN2000-UTM48'>();
  // A meridian is 105 after "kinh tuyến trục"/"KTT"/"central meridian" or before a degree sign, then 30 (or .5) minutes or none.
  for (const m of t.matchAll(/(?:kinh tuyen truc|ktt|central meridian|lon 0)\s*(105)(?:\s+do)?(?:\s+(\d{1,2}))?|\b(105)\s+do(?:\s+(\d{1,2}))?/g)) {
    const min = m[2] ?? m[4];
    if (min === '30' || min === '5') found.add('VN2000-TM3-105.5');
    else if (min === undefined || min === '0' || min === '00') found.add('VN2000-TM3-105');
  }
  if (/\butm\b|mui chieu 6\b|mui 6\b/.test(t)) {
    found.delete('VN2000-TM3-105');
    found.add('VN2000-UTM48');
  }
  const [only] = found;
  return { vn2000, hint: vn2000 && found.size === 1 && only ? { kind: 'known', crs: only, from: 'format' } : { kind: 'unknown' } };
}

const fail = (code: string, params: SurveyIssue['params'] = {}): ParseResult => ({ ok: false, issue: { code, params } });
const digits = (c: string) => c.replace(/\D/g, '').length;
/** A row holding a coordinate: a number of three digits or more (an STT alone is not one). */
const isDataRow = (r: string[]) => r.some((c) => looksNumeric(c) && digits(c) >= 3);
const numericCells = (r: string[]) => r.filter((c) => c !== '' && looksNumeric(c)).length;

interface Columns {
  a: number;
  b: number;
  name: number;
  seq: number;
  parcel: number;
}

/** Picks the coordinate columns and the name columns from the header, or from the values when the header names none. */
function chooseColumns(header: string[] | null, data: string[][]): Columns | null {
  const roles = header ? header.map(roleOf) : [];
  const at = (r: Role) => roles.indexOf(r);
  const named = { name: at('name'), seq: at('seq'), parcel: at('parcel') };
  for (const [p, q] of [['x', 'y'], ['lon', 'lat']] as const) {
    if (at(p) >= 0 && at(q) >= 0) return { a: Math.min(at(p), at(q)), b: Math.max(at(p), at(q)), ...named };
  }
  // By value: the first two adjacent columns holding coordinates in most rows (metres, or degrees with decimals).
  const width = Math.max(0, ...data.map((r) => r.length));
  const kind = (c: number): 'm' | 'deg' | null => {
    let m = 0, deg = 0;
    for (const r of data) {
      const cell = r[c] ?? '';
      const v = toNumber(cell, '.');
      if (Math.abs(v) >= 1000) m++;
      else if (Math.abs(v) <= 180 && (/[.,]\d/.test(cell) || DMS.test(cell))) deg++;
    }
    return m * 2 > data.length ? 'm' : deg * 2 > data.length ? 'deg' : null;
  };
  const kinds = Array.from({ length: width }, (_, c) => kind(c));
  const c = kinds.findIndex((k, i) => k !== null && k === kinds[i + 1]);
  if (c < 0) return null;
  if (header && named.name >= 0) return { a: c, b: c + 1, ...named };
  // Without a header: the first mostly-text column left of the coordinates names the points; else a leading number column is the STT.
  const text = Array.from({ length: c }, (_, i) => i).find((i) => data.filter((r) => r[i] && !looksNumeric(r[i] as string)).length * 2 > data.length) ?? -1;
  return { a: c, b: c + 1, name: text, seq: text !== 0 && c > 0 ? 0 : -1, parcel: named.parcel };
}

interface Parcel {
  name: string | null;
  firstRow: number;
  lastRow: number;
  points: { name: string; a: number; b: number; row: number; textA: string; textB: string }[];
}

/**
 * Reads a boundary-point table. Accepted: tabs, semicolons, pipes or commas between columns (runs
 * of blanks when there is none of them); decimal commas or points, with dots, commas, spaces or
 * apostrophes between thousands ("2.245.123,45", "2 245 123,45"); degrees also as D°M′S″; a header
 * row or none, title rows above it and merged header cells; columns such as "STT, X (m), Y (m)",
 * "Số hiệu điểm, X, Y", "Tên điểm, Toạ độ X, Toạ độ Y", "lon, lat", "Kinh độ, Vĩ độ" (found by
 * their values when the header names none); several parcels separated by blank rows, a label row
 * ("Khu B"), a repeated header, or a parcel column whose value changes (blank cells continue the
 * parcel above, as with merged Excel cells).
 *
 * The columns' order follows the values: VN-2000 northings (≥ 1 000 000 m) and longitudes (> 90°)
 * are told apart from eastings and latitudes whatever the header says; when the values cannot tell,
 * X is the northing (the Vietnamese convention) and the longitude comes first. Positions are then
 * [easting, northing] or [lon, lat], as RawSurvey wants.
 *
 * @param input - the file's bytes (UTF-8/UTF-16 with BOM, UTF-8, else Windows-1258) or pasted text
 * @returns format 'table': one Polygon per parcel (ring closed if the table does not repeat its
 *   first point), properties `name` (the parcel's, or null), `points` ("M1,M2,…", the table's
 *   names, else its STT, else 1, 2, …), `parcel` (1-based), `first_row`, `last_row`; CRS hint
 *   EPSG:4326 for degrees, a VN-2000 system when the text states one, else unknown. Or one issue:
 *   `table_empty`, `table_no_coordinates`, `table_missing_cell`, `table_not_a_number`,
 *   `table_mixed_units`, `table_extra_cells` (comma-separated files only: decimal commas splitting numbers),
 *   `table_too_few_points` (rows are 1-based lines of the table). Notes: `table_rows_skipped`, `table_vn2000_degrees`.
 * @example
 * parseTable('STT\tX (m)\tY (m)\n1\t2273600,03\t595500,97\n2\t2273710,03\t595621,40\n3\t2273689,37\t595807,80');
 * // ok; one Polygon [[595500.97, 2273600.03], …, [595500.97, 2273600.03]], points "1,2,3"
 */
export function parseTable(input: string | Uint8Array): ParseResult {
  const text = (typeof input === 'string' ? input : input instanceof Uint8Array ? decode(input) : '').replace(/^\uFEFF/, '');
  const { rows, delimiter } = splitRows(text);
  const blank = (r: string[]) => r.every((c) => c === '');
  const first = rows.findIndex(isDataRow);
  if (first < 0) return rows.some((r) => !blank(r)) ? fail('table_no_coordinates', { columns: listCells(rows.find((r) => !blank(r)) ?? []) }) : fail('table_empty');

  // Rows above the first data row: titles (one cell) and header rows; a merged header cell names every column under it.
  const pre = rows.slice(0, first).filter((r) => !blank(r));
  let header: string[] | null = null;
  let lastHeader = -1;
  for (const [i, r] of pre.entries()) {
    if (r.filter((c) => c !== '').length < 2) continue;
    const above: string[] | null = header;
    header = r.map((c, j) => (c !== '' ? c : above?.[j] ?? ''));
    lastHeader = i;
  }
  const body = rows.slice(first).map((r, i) => ({ r, row: first + i + 1 }));
  const dataRows = body.map((x) => x.r).filter((r) => numericCells(r) >= 2);
  // Split on blanks, a header of several words ("Số hiệu điểm") no longer lines up with its columns.
  const headerWidthOk = header !== null && (delimiter !== ' ' || dataRows.every((r) => r.length === header?.length));
  const cols = chooseColumns(headerWidthOk ? header : null, dataRows);
  if (!cols) return fail('table_no_coordinates', { columns: listCells(header ?? rows[first] ?? []) });
  const named = headerWidthOk ? header : null;
  const colName = (c: number) => named?.[c] || String(c + 1);

  // Decimal mark per column, by the cells that show it; the other column's, then the point, decide otherwise.
  const voteOf = (c: number) => {
    let dot = 0, comma = 0;
    for (const { r } of body) {
      const v = decimalVote(r[c] ?? '');
      if (v === '.') dot++;
      else if (v === ',') comma++;
    }
    return dot > comma ? '.' : comma > dot ? ',' : null;
  };
  const va = voteOf(cols.a), vb = voteOf(cols.b);
  const decA = va ?? vb ?? '.', decB = vb ?? va ?? '.';

  const parcels: Parcel[] = [];
  const skipped: number[] = [];
  let cur: Parcel | null = null;
  // A one-cell row between the header and the first point labels the first parcel, and so does one just above the header that names a parcel ("Khu A").
  const above = lastHeader > 0 ? pre[lastHeader - 1] : undefined;
  const named0 = above && above.filter((c) => c !== '').length === 1 && PARCEL_WORDS.test(fold(above.join(' '))) ? above : undefined;
  const labelRow = (lastHeader >= 0 ? pre.slice(lastHeader + 1).at(-1) : undefined) ?? named0;
  let pending: { name: string; row: number } | null = labelRow ? { name: labelRow.find((c) => c !== '') as string, row: rows.indexOf(labelRow) + 1 } : null;
  let parcelKey = '';
  const close = () => {
    if (cur) parcels.push(cur);
    cur = null;
  };
  for (const { r, row } of body) {
    if (blank(r)) { close(); continue; }
    const filled = r.filter((c) => c !== '');
    const ca = r[cols.a] ?? '', cb = r[cols.b] ?? '';
    if (filled.length === 1 && !looksNumeric(filled[0] as string)) {
      const only = filled[0] as string;
      // A lone text is a parcel's label unless it is a point name whose coordinates are missing.
      const at = r.indexOf(only);
      if (r.length === 1 || LABEL.test(fold(only)) || only.length > 12 || (at !== cols.name && at !== cols.seq)) {
        close();
        if (pending) skipped.push(pending.row);
        pending = { name: only, row };
        parcelKey = '';
        continue;
      }
    }
    if (!looksNumeric(ca) && !looksNumeric(cb) && numericCells(r) === 0 && r.some((c) => ['x', 'y', 'lon', 'lat'].includes(roleOf(c)))) {
      close(); // a header again: the next table starts
      continue;
    }
    if (ca === '') return fail('table_missing_cell', { row, column: colName(cols.a) });
    if (cb === '') return fail('table_missing_cell', { row, column: colName(cols.b) });
    const a = toNumber(ca, decA), b = toNumber(cb, decB);
    if (Number.isNaN(a)) return fail('table_not_a_number', { row, column: colName(cols.a), text: ca.slice(0, 40) });
    if (Number.isNaN(b)) return fail('table_not_a_number', { row, column: colName(cols.b), text: cb.slice(0, 40) });
    if (delimiter === ',' && named) {
      // More filled cells than header columns in a CSV: most likely decimal commas splitting the numbers.
      const last = r.reduce((m, c, i) => (c !== '' ? i : m), -1);
      if (last >= named.length) return fail('table_extra_cells', { row, expected: named.length, found: last + 1 });
    }
    const key = cols.parcel >= 0 ? r[cols.parcel] ?? '' : '';
    if (key !== '' && key !== parcelKey) {
      close();
      parcelKey = key;
      if (pending) skipped.push(pending.row);
      pending = { name: key, row };
    }
    if (!cur) {
      cur = { name: pending?.name ?? null, firstRow: row, lastRow: row, points: [] };
      pending = null;
    }
    const p: Parcel = cur;
    const label = (cols.name >= 0 && r[cols.name]) || (cols.seq >= 0 && r[cols.seq]) || String(p.points.length + 1);
    p.points.push({ name: label, a, b, row, textA: ca, textB: cb });
    p.lastRow = row;
  }
  close();
  if (pending) skipped.push(pending.row);
  if (parcels.length === 0) return fail('table_empty');

  // Metres or degrees by the median of each column; a value of the other kind is a typo or a broken number.
  const all = parcels.flatMap((p) => p.points);
  const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] as number;
  const ma = Math.abs(median(all.map((p) => p.a))), mb = Math.abs(median(all.map((p) => p.b)));
  const metres = ma >= 1000 || mb >= 1000;
  for (const pt of all) {
    for (const [v, c, t] of [[pt.a, cols.a, pt.textA], [pt.b, cols.b, pt.textB]] as const) {
      if (metres ? Math.abs(v) < 1000 : Math.abs(v) > 180) return fail('table_mixed_units', { row: pt.row, column: colName(c), text: t.slice(0, 40) });
    }
  }
  const roleA = named ? roleOf(named[cols.a] ?? '') : 'other';
  // True when the first column holds the northing (or the latitude): positions are then [b, a].
  const firstIsY = metres
    ? (ma >= 1_000_000) !== (mb >= 1_000_000) ? ma >= 1_000_000 : roleA !== 'y'
    : (ma > 90) !== (mb > 90) ? mb > 90 : roleA === 'lat';

  const features: Feature<Geometry, Props>[] = [];
  for (const [k, p] of parcels.entries()) {
    const ring = p.points.map((pt) => (firstIsY ? [pt.b, pt.a] : [pt.a, pt.b]) as [number, number]);
    const f0 = ring[0] as [number, number], l0 = ring[ring.length - 1] as [number, number];
    const closed = ring.length > 1 && f0[0] === l0[0] && f0[1] === l0[1];
    const n = ring.length - (closed ? 1 : 0);
    if (n < 3) return fail('table_too_few_points', { parcel: p.name ?? String(k + 1), row: p.firstRow, n });
    features.push({
      type: 'Feature',
      properties: { name: p.name, points: p.points.map((x) => x.name).join(','), parcel: k + 1, first_row: p.firstRow, last_row: p.lastRow },
      geometry: { type: 'Polygon', coordinates: [closed ? ring : [...ring, f0]] },
    });
  }
  const stated = statedCrs([...pre.flat(), ...(header ?? []), ...parcels.map((p) => p.name ?? ''), ...skipped.map((r) => (rows[r - 1] ?? []).join(' '))]);
  const notes: SurveyIssue[] = [];
  if (skipped.length > 0) notes.push({ code: 'table_rows_skipped', params: { rows: skipped.join(', ') } });
  let crs: CrsHint = stated.hint;
  if (!metres) {
    // VN-2000 lon/lat is not WGS 84 (about 220 m apart here), and the import has no such system: the planner decides.
    crs = stated.vn2000 ? { kind: 'unknown' } : { kind: 'known', crs: 'EPSG:4326', from: 'format' };
    if (stated.vn2000) notes.push({ code: 'table_vn2000_degrees', params: {} });
  }
  return { ok: true, survey: { format: 'table', features, crs, notes } };
}

function listCells(r: string[]): string {
  const s = r.filter((c) => c !== '').join(', ');
  return s === '' ? '—' : s.slice(0, 120);
}
