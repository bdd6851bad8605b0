import { unzipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
// @ts-expect-error -- shpjs 6 ships no types, and @types/shpjs describes v3's default-export API, which v6 no longer has.
import { parseShp as shpjsParseShp } from 'shpjs';
import type { ParseResult, RawSurvey, SurveyIssue } from './types';

type Props = RawSurvey['features'][number]['properties'];
type Fail = { ok: false; issue: SurveyIssue };

/** shpjs's synchronous .shp reader: one geometry (or null) per record; with no .prj it does not reproject. */
const parseShp = shpjsParseShp as (shp: Uint8Array) => (Geometry | null)[];

/** Default limit of the unzipped parts of one Shapefile together (bytes). */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Shape types shpjs reads (M types are read without their measures); 31 (MultiPatch) is not among them. */
const SHAPE_TYPES = new Set([1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/**
 * Reads a zipped ESRI Shapefile (.shp, .shx, .dbf, optionally .prj and .cpg; every layer in the
 * zip whose .prj matches the first's) into features with the file's own coordinates. Geometry
 * comes from shpjs's `parseShp`, synchronous over the bytes (no fetch: it runs in a worker),
 * given no .prj so it never reprojects. The .dbf is read here, because its text may be in a
 * Vietnamese code page no TextDecoder knows (see {@link decodeDbfText}), which shpjs's .dbf
 * reader (a TextDecoder label only) cannot read. The crs hint is the .prj text, for the
 * coordinate-system module to name.
 *
 * Refused with what and where: a missing .shp, .shx or .dbf (`shp_incomplete`), a .shp cut
 * short (`shp_truncated`, the record number), a record whose lengths do not add up
 * (`shp_bad_record`), a .dbf whose row count differs from the .shp's (`shp_dbf_count`) or that
 * is cut short (`dbf_truncated`). Noted: null shapes, deleted rows, skipped layers, and text
 * read from a Vietnamese legacy code page (`dbf_vietnamese_codepage`, naming the code page and
 * the fields) or from an unknown one (`dbf_codepage_unknown`), so no text is garbled silently.
 *
 * @param bytes - the .zip content
 * @param fileName - the file's name (a bare .shp or .dbf is refused with `shp_not_zipped`)
 * @param opts - `maxBytes`: limit of one layer's parts unzipped (bytes, default 50 MiB)
 * @returns the raw survey (crs from the .prj as WKT, or unknown), or one coded reason
 */
export function parseShapefile(bytes: Uint8Array, fileName: string, opts: { maxBytes?: number } = {}): ParseResult {
  const ext = /\.(shp|shx|dbf|prj|cpg)$/i.exec(fileName)?.[1];
  if (ext) return fail('shp_not_zipped', { ext: `.${ext.toLowerCase()}` });
  const maxBytes = opts.maxBytes && opts.maxBytes > 0 ? opts.maxBytes : DEFAULT_MAX_BYTES;
  const layers = listLayers(bytes);
  if (!layers.ok) return layers;
  const complete = layers.layers.filter((l) => l.shp && l.shx && l.dbf);
  const notes: SurveyIssue[] = [];
  for (const l of layers.layers) {
    if (complete.includes(l)) continue;
    const missing = (['shp', 'shx', 'dbf'] as const).filter((p) => !l[p]).map((p) => `.${p}`).join(', ');
    const issue = { code: 'shp_incomplete', params: { layer: l.name, missing } };
    if (complete.length === 0) return { ok: false, issue };
    if (l.shp || l.dbf) notes.push(issue);
  }
  const first = complete[0];
  if (!first) return fail('shp_incomplete', { layer: '—', missing: '.shp, .shx, .dbf' });

  const features: RawSurvey['features'] = [];
  let wkt: string | null = null;
  const skipped: string[] = [];
  for (const layer of complete) {
    const parts = unzipLayer(bytes, layer, maxBytes);
    if (!parts.ok) return parts;
    const prj = parts.prj === undefined ? null : text(parts.prj).trim() || null;
    if (layer !== first && prj !== wkt) {
      skipped.push(layer.name);
      continue;
    }
    if (layer === first) wkt = prj;
    const read = readLayer(layer.name, parts.shp, parts.dbf, parts.cpg === undefined ? null : text(parts.cpg).trim());
    if (!read.ok) return read;
    // (a loop: spreading tens of thousands of features as arguments overflows a worker's stack)
    for (const f of read.features) features.push(f);
    notes.push(...read.notes);
  }
  if (skipped.length > 0) notes.push({ code: 'shp_layers_skipped', params: { layers: skipped.join(', '), layer: first.name } });
  if (features.length === 0) return fail('shp_no_features', { layer: first.name });
  return { ok: true, survey: { format: 'shapefile', features, crs: wkt ? { kind: 'wkt', wkt } : { kind: 'unknown' }, notes } };
}

interface Layer {
  name: string;
  shp?: Entry;
  shx?: Entry;
  dbf?: Entry;
  prj?: Entry;
  cpg?: Entry;
}
type Entry = { path: string; size: number };

function listLayers(zip: Uint8Array): { ok: true; layers: Layer[] } | Fail {
  const byName = new Map<string, Layer>();
  try {
    // The filter declines every entry: this pass reads the directory only.
    unzipSync(zip, {
      filter: (f) => {
        const m = /^(?!.*(?:^|\/)(?:__MACOSX\/|\._))(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(f.name);
        if (m) {
          const base = (m[1] as string).toLowerCase();
          const layer = byName.get(base) ?? { name: (m[1] as string).split('/').pop() as string };
          layer[(m[2] as string).toLowerCase() as 'shp'] = { path: f.name, size: f.originalSize };
          byName.set(base, layer);
        }
        return false;
      },
    });
  } catch (e) {
    return fail('survey_zip_corrupt', { detail: message(e) });
  }
  return { ok: true, layers: [...byName.values()] };
}

type Parts = { ok: true; shp: Uint8Array; dbf: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array };

function unzipLayer(zip: Uint8Array, l: Layer, maxBytes: number): Parts | Fail {
  const wanted = [l.shp, l.shx, l.dbf, l.prj, l.cpg].filter((e): e is Entry => !!e);
  // fflate never writes past an entry's declared size, so the sum of those sizes bounds a zip bomb.
  const total = wanted.reduce((s, e) => s + e.size, 0);
  if (total > maxBytes) return fail('zip_entry_too_large', { entry: `${l.name}.shp/.dbf`, size_mb: mb(total), limit_mb: mb(maxBytes) });
  let files: Record<string, Uint8Array>;
  try {
    const paths = new Set(wanted.map((e) => e.path));
    files = unzipSync(zip, { filter: (f) => paths.delete(f.name) });
  } catch (e) {
    return fail('survey_zip_corrupt', { detail: message(e) });
  }
  const get = (e?: Entry) => (e ? files[e.path] : undefined);
  const shp = get(l.shp);
  const dbf = get(l.dbf);
  if (!shp || !dbf) return fail('survey_zip_corrupt', { detail: `cannot read ${l.name}` });
  const prj = get(l.prj);
  const cpg = get(l.cpg);
  return { ok: true, shp, dbf, ...(prj ? { prj } : {}), ...(cpg ? { cpg } : {}) };
}

type Read = { ok: true; features: RawSurvey['features']; notes: SurveyIssue[] } | Fail;

function readLayer(layer: string, shp: Uint8Array, dbfBytes: Uint8Array, cpg: string | null): Read {
  const records = walkShp(layer, shp);
  if (!records.ok) return records;
  const dbf = readDbf(layer, dbfBytes, cpg);
  if (!dbf.ok) return dbf;
  if (dbf.rows.length !== records.count) return fail('shp_dbf_count', { layer, shp: records.count, dbf: dbf.rows.length });
  let geometries: (Geometry | null)[];
  try {
    geometries = records.count === 0 ? [] : parseShp(shp);
  } catch (e) {
    return fail('shp_unreadable', { layer, detail: message(e) });
  }
  const features: RawSurvey['features'] = [];
  let nulls = 0;
  let deleted = 0;
  for (let i = 0; i < records.count; i++) {
    const g = geometries[i] ?? null;
    const row = dbf.rows[i] as (typeof dbf.rows)[number];
    if (row.deleted) {
      deleted++;
      continue;
    }
    if (!g) {
      nulls++;
      continue;
    }
    if (!finite(g)) return fail('shp_bad_record', { layer, record: i + 1 });
    // shpjs adds a bbox member; RawSurvey geometries carry coordinates only.
    const { bbox: _bbox, ...geometry } = g as Geometry & { bbox?: unknown };
    void _bbox;
    features.push({ type: 'Feature', properties: row.props, geometry: geometry as Geometry });
  }
  const notes: SurveyIssue[] = [...dbf.notes];
  if (nulls > 0) notes.push({ code: 'shp_null_shapes', params: { layer, count: nulls } });
  if (deleted > 0) notes.push({ code: 'dbf_deleted_rows', params: { layer, count: deleted } });
  return { ok: true, features, notes };
}

/**
 * Checks the .shp record by record before shpjs reads it: shpjs stops silently at a record cut
 * short and reads past a record whose part or point counts lie, so both are found here, by number.
 */
function walkShp(layer: string, b: Uint8Array): { ok: true; count: number } | Fail {
  if (b.length < 100) return fail('shp_truncated', { layer, record: 0, bytes: b.length, expected: 100 });
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getInt32(0) !== 9994) return fail('shp_bad_header', { layer });
  const type = v.getInt32(32, true);
  if (type !== 0 && !SHAPE_TYPES.has(type)) return fail('shp_unsupported_type', { layer, type });
  const declared = v.getInt32(24) * 2;
  let offset = 100;
  let n = 0;
  while (offset < b.length) {
    n++;
    if (offset + 12 > b.length) return fail('shp_truncated', { layer, record: n, bytes: b.length, expected: Math.max(declared, offset + 12) });
    const len = v.getInt32(offset + 4) * 2;
    const end = offset + 8 + len;
    if (len < 4) return fail('shp_bad_record', { layer, record: n });
    if (end > b.length) return fail('shp_truncated', { layer, record: n, bytes: b.length, expected: Math.max(declared, end) });
    const t = v.getInt32(offset + 8, true);
    if (t !== 0 && (t !== type || !recordFits(v, offset + 12, len - 4, t))) return fail('shp_bad_record', { layer, record: n });
    offset = end;
  }
  if (declared > b.length) return fail('shp_truncated', { layer, record: n + 1, bytes: b.length, expected: declared });
  if (type === 0 && n > 0) return fail('shp_unsupported_type', { layer, type });
  return { ok: true, count: n };
}

/** Whether a record's declared parts and points fit in its content (the part after the shape type). */
function recordFits(v: DataView, at: number, len: number, type: number): boolean {
  const base = type % 10;
  const z = type > 10 && type < 20 ? 1 : 0;
  if (base === 1) return len >= 16 + 8 * z;
  if (len < 36) return false;
  if (base === 8) {
    const n = v.getInt32(at + 32, true);
    return n >= 0 && len >= 36 + 16 * n + z * (16 + 8 * n);
  }
  if (len < 40) return false;
  const parts = v.getInt32(at + 32, true);
  const points = v.getInt32(at + 36, true);
  if (parts < 0 || points < 0 || len < 40 + 4 * parts + 16 * points + z * (16 + 8 * points)) return false;
  let prev = 0;
  for (let i = 0; i < parts; i++) {
    const start = v.getInt32(at + 40 + 4 * i, true);
    if (start < prev || start > points || (i === 0 && start !== 0)) return false;
    prev = start;
  }
  return true;
}

function finite(g: Geometry): boolean {
  const stack: unknown[] = ['coordinates' in g ? g.coordinates : []];
  while (stack.length > 0) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number') {
      if (!(c as Position).every(Number.isFinite)) return false;
    } else for (const x of c) stack.push(x);
  }
  return true;
}

// ---- .dbf ----

interface Field {
  name: string;
  type: string;
  length: number;
}
type Dbf = { ok: true; rows: { deleted: boolean; props: Props }[]; notes: SurveyIssue[] } | Fail;

/**
 * Reads a dBase III .dbf: character fields as text in the code page {@link decodeDbfText}
 * chooses, numbers as numbers (blank → null), logicals as booleans, dates as YYYY-MM-DD text.
 */
function readDbf(layer: string, b: Uint8Array, cpg: string | null): Dbf {
  if (b.length < 33) return fail('dbf_truncated', { layer, record: 0, records: 0 });
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  const fields: Field[] = [];
  for (let at = 32; at + 32 <= headerLen && at < b.length && b[at] !== 0x0d; at += 32) {
    const raw = b.subarray(at, at + 11);
    const nul = raw.indexOf(0);
    fields.push({ name: latin1(nul < 0 ? raw : raw.subarray(0, nul)).trim(), type: String.fromCharCode(b[at + 11] as number), length: b[at + 16] as number });
  }
  if (headerLen < 33 || recLen < 1 || fields.reduce((s, f) => s + f.length, 1) > recLen) return fail('dbf_bad_header', { layer });
  const need = headerLen + records * recLen;
  if (need > b.length) return fail('dbf_truncated', { layer, record: Math.floor(Math.max(0, b.length - headerLen) / recLen) + 1, records });

  // Text fields' bytes, sampled to choose one code page for the whole table.
  const sample: Uint8Array[] = [];
  const highFields = new Set<string>();
  for (let r = 0, taken = 0; r < records && taken < 2_000_000; r++) {
    let at = headerLen + r * recLen + 1;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as Field;
      if (f.type === 'C') {
        const cell = b.subarray(at, at + f.length);
        if (cell.some((x) => x >= 0x80)) {
          highFields.add(f.name);
          sample.push(cell);
          taken += cell.length;
        }
      }
      at += f.length;
    }
  }
  const names = fields.map((f) => f.name).filter((n) => highFields.has(n));
  const cp = chooseCodepage(sample, cpg);
  const notes: SurveyIssue[] = [];
  if (names.length > 0 && (cp.id === 'TCVN3' || cp.id === 'VNI' || (cp.id !== cpgId(cpg) && cp.id !== 'UTF-8'))) {
    notes.push({ code: cp.known ? 'dbf_vietnamese_codepage' : 'dbf_codepage_unknown', params: { layer, codepage: cp.name, fields: names.join(', ') } });
  }

  const rows: { deleted: boolean; props: Props }[] = [];
  for (let r = 0; r < records; r++) {
    const start = headerLen + r * recLen;
    let at = start + 1;
    const props: Props = {};
    for (const f of fields) {
      const cell = b.subarray(at, at + f.length);
      at += f.length;
      Object.defineProperty(props, f.name, { value: cellValue(f, cell, cp.decode), enumerable: true, writable: true, configurable: true });
    }
    rows.push({ deleted: b[start] === 0x2a, props });
  }
  return { ok: true, rows, notes };
}

function cellValue(f: Field, cell: Uint8Array, decode: (b: Uint8Array) => string): string | number | boolean | null {
  const ascii = () => latin1(cell).trim();
  switch (f.type) {
    case 'C':
      return decode(trimEnd(cell));
    case 'N':
    case 'F': {
      const s = ascii();
      if (s === '' || /^\*+$/.test(s)) return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : s;
    }
    case 'L': {
      const s = ascii().toUpperCase();
      return s === 'T' || s === 'Y' ? true : s === 'F' || s === 'N' ? false : null;
    }
    case 'D': {
      const s = ascii();
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s === '' ? null : s;
    }
    default:
      return decode(trimEnd(cell)).trim();
  }
}

function trimEnd(cell: Uint8Array): Uint8Array {
  let end = cell.length;
  while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end--;
  return cell.subarray(0, end);
}

// ---- Vietnamese code pages ----

/**
 * TCVN 5712:1993 (VN1) bytes 0x80–0xFF; TCVN3 (ABC, the ".Vn" fonts) is its 0xA1–0xFE part.
 * Generated with glibc's `iconv -f TCVN5712-1 -t UTF-8`, and checked identical over 0xA0–0xFF
 * to the XFree86 X-TrueType table (xc/extras/X-TrueType/TCVN/TCVNtoUCS2.c). 0xB0–0xB4 are
 * combining tone marks, so decoded text is NFC-normalised.
 */
const TCVN_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

/**
 * VNI Windows: a base letter followed by mark bytes (upper-case forms 0xC0–0xDC, lower-case
 * +0x20), and single bytes for the i and y letters, ơ, ư and đ. The layout is the one listed by
 * xvnkb's vni.h (github.com/lamdao/xvnkb): per vowel, base then sắc Ù, huyền Ø, hỏi Û, ngã Õ,
 * nặng Ï; circumflex Â Á À Å Ã Ä; breve Ê É È Ú Ü Ë; i as Í Ì Æ Ó Ò; ỵ Î; Ơ Ô; Ư Ö; Đ Ñ.
 */
const VNI_UPPER: Record<number, string> = {
  0xd9: '\u0301', 0xd8: '\u0300', 0xdb: '\u0309', 0xd5: '\u0303', 0xcf: '\u0323',
  0xc2: '\u0302', 0xc1: '\u0302\u0301', 0xc0: '\u0302\u0300', 0xc5: '\u0302\u0309', 0xc3: '\u0302\u0303', 0xc4: '\u0302\u0323',
  0xca: '\u0306', 0xc9: '\u0306\u0301', 0xc8: '\u0306\u0300', 0xda: '\u0306\u0309', 0xdc: '\u0306\u0303', 0xcb: '\u0306\u0323',
  0xd4: 'Ơ', 0xd6: 'Ư', 0xd1: 'Đ', 0xcd: 'Í', 0xcc: 'Ì', 0xc6: 'Ỉ', 0xd3: 'Ĩ', 0xd2: 'Ị', 0xce: 'Ỵ',
};
const VNI: Record<number, string> = Object.fromEntries(
  Object.entries(VNI_UPPER).flatMap(([k, s]) => [[Number(k), s], [Number(k) + 0x20, s.toLowerCase()]]),
);

/** The 134 precomposed Vietnamese letters (both cases of TCVN3's lower-case set). */
const VIET_LETTERS = new Set([...TCVN_HIGH.slice(0x28)].filter((c) => /\p{L}/u.test(c)).flatMap((c) => [c, c.toUpperCase(), c.toLowerCase()]));
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
/** Vowel groups of Vietnamese syllables, tones removed: those ending in a glide take no final consonant, the others below need one. */
const OPEN_NUCLEI = new Set('a e ê i o ô ơ u ư y oa oe uy uê ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oay oeo uây uôi uya uyu ươi ươu yêu'.split(' '));
const FINAL_NUCLEI = new Set('a ă â e ê i o ô ơ u ư y oa oă oe oo uâ uê uy uô ươ iê yê uyê'.split(' '));
/** A Vietnamese syllable without its tone: initial consonants, a vowel group, a final consonant. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/;

interface Codepage {
  id: string;
  name: string;
  known: boolean;
  decode: (b: Uint8Array) => string;
}

const decoder = (label: string) => {
  const d = new TextDecoder(label);
  return (b: Uint8Array) => d.decode(b).normalize('NFC');
};
const CP_1258: Codepage = { id: 'windows-1258', name: 'Windows-1258', known: true, decode: decoder('windows-1258') };
const CP_1252: Codepage = { id: 'windows-1252', name: 'Windows-1252', known: false, decode: decoder('windows-1252') };
const CP_TCVN3: Codepage = {
  id: 'TCVN3',
  name: 'TCVN3 (ABC)',
  known: true,
  decode: (b) => Array.from(b, (x) => (x < 0x80 ? String.fromCharCode(x) : (TCVN_HIGH[x - 0x80] as string))).join('').normalize('NFC'),
};
const CP_VNI: Codepage = {
  id: 'VNI',
  name: 'VNI Windows',
  known: true,
  decode: (b) => Array.from(b, (x) => (x < 0x80 ? String.fromCharCode(x) : (VNI[x] ?? CP_1252.decode(Uint8Array.of(x))))).join('').normalize('NFC'),
};

/** The TextDecoder label a .cpg names ("UTF-8", "65001", "1258", "ANSI 1258", "CP1252"…), or null. */
function cpgId(cpg: string | null): string | null {
  if (!cpg) return null;
  const s = cpg.trim();
  const num = /^(?:ansi\s*|cp|windows-?)?(\d{3,5})$/i.exec(s)?.[1];
  const label = num ? (num === '65001' ? 'utf-8' : `windows-${num}`) : s;
  try {
    return new TextDecoder(label).encoding === 'utf-8' ? 'UTF-8' : new TextDecoder(label).encoding;
  } catch {
    return /tcvn|abc/i.test(s) ? 'TCVN3' : /vni/i.test(s) ? 'VNI' : null;
  }
}

/**
 * Chooses the .dbf text's code page: UTF-8 when the .cpg says so or every text byte is valid
 * UTF-8; else the candidate (the .cpg's, TCVN3, VNI, Windows-1258, first best on a tie) whose
 * decoded text reads most like Vietnamese (known letters, one tone and a possible vowel group per syllable);
 * else the .cpg's, else Windows-1252 (then marked unknown, so the planner is told).
 */
function chooseCodepage(sample: Uint8Array[], cpg: string | null): Codepage {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const validUtf8 = sample.every((s) => {
    try {
      utf8.decode(s);
      return true;
    } catch {
      return false;
    }
  });
  const named = cpgId(cpg);
  const UTF8: Codepage = { id: 'UTF-8', name: 'UTF-8', known: true, decode: decoder('utf-8') };
  if (validUtf8) return UTF8;
  const fromCpg: Codepage | null =
    named === 'TCVN3' ? CP_TCVN3 : named === 'VNI' ? CP_VNI : named && named !== 'UTF-8' ? { id: named, name: named, known: true, decode: decoder(named) } : null;
  // On a tie the order decides: the .cpg's, then TCVN3 and VNI (the code pages old Vietnamese GIS files use), then Windows-1258.
  const candidates = [...(fromCpg ? [fromCpg] : []), CP_TCVN3, CP_VNI, CP_1258].filter((c, i, a) => a.findIndex((d) => d.id === c.id) === i);
  let best: Codepage | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const score = sample.reduce((s, b) => s + vietnameseScore(c.decode(b)) - (c === CP_TCVN3 ? 3 * countVn1Only(b) : 0), 0);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best ?? fromCpg ?? CP_1252;
}

/**
 * How much a text reads like Vietnamese: +1 per Vietnamese letter, −3 per other non-ASCII
 * character, −3 per word with non-ASCII letters that is no Vietnamese syllable (two tones, an
 * impossible vowel group or consonant), so bytes of another code page score below zero.
 */
function vietnameseScore(s: string): number {
  let score = 0;
  for (const word of s.toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    let tones = 0;
    for (const ch of word) {
      if (ch < '\x80') continue;
      if (VIET_LETTERS.has(ch)) {
        score += 1;
        if (TONE.test(ch.normalize('NFD'))) tones++;
      } else score -= 3;
    }
    const bare = word.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
    const m = SYLLABLE.exec(bare);
    const nucleus = m?.[2] as string;
    if (tones > 1 || !m || !(m[3] ? FINAL_NUCLEI : OPEN_NUCLEI).has(nucleus)) score -= 3;
  }
  return score;
}

/**
 * Bytes only TCVN 5712 VN1 gives a letter: its capitals with tones (0x80–0xA0 and a few
 * scattered codes). TCVN3 (ABC) has none (its fonts drew capitals from the lower-case codes),
 * so a TCVN3 reading that needs them is unlikely.
 */
function countVn1Only(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if ((x >= 0x80 && x <= 0xa0) || VN1_CAPITALS.has(x)) n++;
  return n;
}
const VN1_CAPITALS = new Set([0xaf, 0xba, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xcd, 0xd9, 0xda, 0xdb, 0xe0, 0xf0, 0xff]);

/**
 * Decodes a .dbf text cell in one of the code pages Vietnamese files come in (exported for tests).
 *
 * @param bytes - the cell's bytes
 * @param codepage - 'TCVN3', 'VNI', or a TextDecoder label
 * @returns the text, NFC-normalised
 * @example
 * decodeDbfText(Uint8Array.of(0xa7, 0xe5, 0x6e, 0x67), 'TCVN3') // 'Đồng'
 */
export function decodeDbfText(bytes: Uint8Array, codepage: string): string {
  if (codepage === 'TCVN3') return CP_TCVN3.decode(bytes);
  if (codepage === 'VNI') return CP_VNI.decode(bytes);
  return decoder(codepage)(bytes);
}

// ---- helpers ----

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

function text(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return latin1(b);
  }
}

function mb(b: number): number {
  return Math.round((b / 1048576) * 10) / 10;
}

function message(e: unknown): string {
  return String((e as Error)?.message ?? e).slice(0, 120);
}

function fail(code: string, params: Record<string, string | number>): Fail {
  return { ok: false, issue: { code, params } };
}
