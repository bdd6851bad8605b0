import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { detectCrs, reprojectFeatures } from '../../../src/geo/io/survey/crs';
import { parseTable } from '../../../src/geo/io/survey/parse_table';
import { SURVEY_MESSAGES } from '../../../src/geo/io/survey/survey_messages';
import type { CrsId, ParseResult, RawSurvey, SurveyIssue } from '../../../src/geo/io/survey/types';
import { mulberry32, pickOne, type Random } from '../../../src/geo/synth/seeded_random';

const dir = resolve(__dirname, '../../fixtures/survey');
const read = (name: string) => readFileSync(resolve(dir, name), 'utf8');
const STEMS: { stem: string; crs: CrsId }[] = [
  { stem: 'hanam_tm3_105', crs: 'VN2000-TM3-105' },
  { stem: 'namdinh_tm3_105_30', crs: 'VN2000-TM3-105.5' },
  { stem: 'ninhbinh_utm48', crs: 'VN2000-UTM48' },
];
const ringOf = (fc: FeatureCollection) => (fc.features[0] as Feature<Polygon>).geometry.coordinates[0] as Position[];
const projected = (stem: string) => ringOf(JSON.parse(read(`${stem}.geojson`)) as FeatureCollection);
const truth = (stem: string) => ringOf(JSON.parse(read(`${stem}_wgs84.geojson`)) as FeatureCollection);
function metres(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const k = Math.cos((((a[1] as number) + (b[1] as number)) / 2) * rad);
  return 6_371_008.8 * rad * Math.hypot(((a[0] as number) - (b[0] as number)) * k, (a[1] as number) - (b[1] as number));
}

function survey(r: ParseResult): RawSurvey {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issue)}`);
  return r.survey;
}
const rings = (r: ParseResult) => survey(r).features.map((f) => (f.geometry as Polygon).coordinates[0] as Position[]);
const issue = (r: ParseResult): SurveyIssue => {
  if (r.ok) throw new Error('expected an issue, got ok');
  return r.issue;
};

// The Hà Nam points as [easting, northing] and how a surveyor writes them.
const HN = projected('hanam_tm3_105').slice(0, -1) as [number, number][];
const HN_RING = projected('hanam_tm3_105');
const fixed = (v: number) => v.toFixed(3);
const vnComma = (v: number) => fixed(v).replace('.', ',');
const vnDots = (v: number) => { const [i, f] = fixed(v).split('.') as [string, string]; return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f}`; };
const spaces = (v: number) => { const [i, f] = fixed(v).split('.') as [string, string]; return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${f}`; };
const enGroups = (v: number) => { const [i, f] = fixed(v).split('.') as [string, string]; return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`; };
/** A table of the Hà Nam points: X (northing) first unless `eastFirst`. */
function table(o: { sep?: string; num?: (v: number) => string; header?: string | null; eol?: string; name?: boolean; eastFirst?: boolean; pts?: [number, number][] } = {}): string {
  const { sep = '\t', num = vnComma, header = ['STT', 'X (m)', 'Y (m)'].join(sep), eol = '\n', name = false, eastFirst = false, pts = HN } = o;
  const rows = pts.map(([e, n], i) => [name ? `M${i + 1}` : String(i + 1), ...(eastFirst ? [num(e), num(n)] : [num(n), num(e)])].join(sep));
  return [...(header === null ? [] : [header]), ...rows].join(eol) + eol;
}

describe('parseTable on the fixtures', () => {
  for (const { stem, crs } of STEMS) {
    for (const ext of ['csv', 'tsv']) {
      it(`${stem}.${ext}: one polygon with the projected coordinates to the millimetre, [easting, northing], point names kept`, () => {
        const s = survey(parseTable(readFileSync(resolve(dir, `${stem}.${ext}`))));
        expect(s.format).toBe('table');
        expect(s.crs).toEqual({ kind: 'unknown' });
        expect(s.features).toHaveLength(1);
        const want = projected(stem);
        const got = rings(parseTable(read(`${stem}.${ext}`)))[0] as Position[];
        expect(got).toEqual(want);
        const names = want.slice(0, -1).map((_, i) => `M${i + 1}`);
        const props = s.features[0]?.properties;
        expect(props?.points).toBe(ext === 'csv' && stem.startsWith('namdinh') ? [...names, 'M1'].join(',') : names.join(','));
        expect(props).toMatchObject({ name: null, parcel: 1, first_row: 2 });
      });
    }
    it(`${stem}: table → detectCrs (with the cluster's position) → reprojectFeatures lands within 0.01 m of PROJ`, () => {
      const s = survey(parseTable(read(`${stem}.tsv`)));
      const pts = (s.features[0]?.geometry as Polygon).coordinates[0] as [number, number][];
      const t = truth(stem);
      const near = [t.reduce((a, p) => a + (p[0] as number), 0) / t.length, t.reduce((a, p) => a + (p[1] as number), 0) / t.length] as [number, number];
      const best = detectCrs(pts, undefined, near)[0];
      expect(best).toMatchObject({ crs, swapped: false });
      const out = reprojectFeatures(s.features, crs, false);
      expect(out.outside).toEqual([]);
      ((out.features[0]?.geometry as Polygon).coordinates[0] as Position[]).forEach((p, i) => expect(metres(p, t[i] as Position), `vertex ${i}`).toBeLessThan(0.01));
    });
  }
});

describe('parseTable on pasted variants', () => {
  const variants: [string, string | Uint8Array][] = [
    ['tabs, decimal commas, CRLF, trailing blank lines', table({ eol: '\r\n' }) + '\r\n\r\n\t\t\r\n'],
    ['semicolons, decimal commas', table({ sep: ';' })],
    ['commas, decimal points', table({ sep: ',', num: fixed })],
    ['no header', table({ header: null })],
    ['no header, names, commas', table({ sep: ',', num: fixed, header: null, name: true })],
    ['dots between thousands', table({ num: vnDots })],
    ['spaces between thousands', table({ num: spaces })],
    ['commas between thousands, decimal points, tabs', table({ num: enGroups })],
    ['Số hiệu điểm, X, Y', table({ header: 'Số hiệu điểm\tX\tY', name: true })],
    ['Tên điểm, Tọa độ X, Tọa độ Y (the other accent placement)', table({ header: 'Tên điểm\tTọa độ X\tTọa độ Y', name: true })],
    ['easting first, labelled Y, X', table({ header: 'STT\tY\tX', eastFirst: true })],
    ['easting first under an "X, Y" GIS header: the values decide', table({ header: 'id,X,Y', sep: ',', num: fixed, eastFirst: true })],
    ['blank-separated columns', table({ sep: ' ', num: fixed, header: 'Điểm X Y', name: true })],
    ['blank-separated, a header of several words', table({ sep: '  ', num: fixed, header: 'Số hiệu điểm   X (m)   Y (m)', name: true })],
    ['title rows and a merged two-row header', 'BẢNG TỌA ĐỘ RANH GIỚI\n\nSTT\tSố hiệu điểm\tTọa độ VN-2000\t\n\t\tX (m)\tY (m)\n' + table({ header: null, name: true }).split('\n').map((l) => (l ? `${l.split('\t')[0]}\t${l}` : l)).join('\n')],
    ['quoted CSV cells with decimal commas', 'STT,X (m),Y (m)\n' + HN.map(([e, n], i) => `${i + 1},"${vnComma(n)}","${vnComma(e)}"`).join('\n')],
    ['a column of distances after the coordinates, no header', HN.map(([e, n], i) => `${i + 1}\t${vnComma(n)}\t${vnComma(e)}\t${(50 + i).toFixed(2)}`).join('\n')],
    ['UTF-8 bytes with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(table({ header: 'Tên điểm\tToạ độ X\tToạ độ Y', name: true }))])],
    ['UTF-16 LE with BOM (Excel "Unicode text")', utf16le(table({ header: 'Tên điểm\tToạ độ X\tToạ độ Y', name: true }))],
  ];
  for (const [label, input] of variants) {
    it(label, () => {
      const r = parseTable(input);
      expect(rings(r), label).toEqual([HN_RING]);
      expect(survey(r).crs).toEqual({ kind: 'unknown' });
    });
  }
  it('a number that could be either ("595.733") follows the convention the other cells of its column show', () => {
    const text = 'STT\tX\tY\n' + HN.map(([e, n], i) => `${i + 1}\t${vnDots(n)}\t${i === 2 ? Math.round(e).toLocaleString('de-DE') : vnDots(e)}`).join('\n');
    expect((rings(parseTable(text))[0] as Position[])[2]).toEqual([Math.round(HN[2]?.[0] as number), HN[2]?.[1]]);
    const ambiguousY = 'STT\tX\tY\n' + HN.map(([e, n], i) => `${i + 1}\t${vnComma(n)}\t${Math.round(e).toLocaleString('de-DE')}`).join('\n');
    expect((rings(parseTable(ambiguousY))[0] as Position[])[0]).toEqual([Math.round(HN[0]?.[0] as number), HN[0]?.[1]]);
  });
  it('Windows-1258 bytes (an old Vietnamese Windows file): "Tên điêm" is still the name column', () => {
    const bytes = new Uint8Array([0x54, 0xea, 0x6e, 0x20, 0xf0, 0x69, 0xea, 0x6d, ...new TextEncoder().encode(table({ header: '\tX\tY', name: true }))]);
    expect(rings(parseTable(bytes))).toEqual([HN_RING]);
    expect(survey(parseTable(bytes)).features[0]?.properties.points).toBe(HN.map((_, i) => `M${i + 1}`).join(','));
  });
  it('point names come from the name column, else the STT, else 1, 2, …', () => {
    expect(survey(parseTable(table({ name: true, header: 'Điểm\tX\tY' }))).features[0]?.properties.points).toBe(HN.map((_, i) => `M${i + 1}`).join(','));
    expect(survey(parseTable(table({ header: 'STT\tSố hiệu điểm\tX\tY' }).replace(/^(\d+)\t/gm, '$1\tP$1\t'))).features[0]?.properties.points).toBe(HN.map((_, i) => `P${i + 1}`).join(','));
    expect(survey(parseTable(table().replace(/^(\d+)\t/gm, (_, d: string) => `${Number(d) + 10}\t`))).features[0]?.properties.points).toBe(HN.map((_, i) => String(i + 11)).join(','));
    expect(survey(parseTable(HN.map(([e, n]) => `${fixed(n)},${fixed(e)}`).join('\n'))).features[0]?.properties.points).toBe(HN.map((_, i) => String(i + 1)).join(','));
  });
  it('a merged header cell names the column under it (two header rows pasted from Excel)', () => {
    const text = 'STT\tSố hiệu điểm\tTọa độ VN-2000\t\n\t\tX (m)\tY (m)\n' + table({ header: null, name: true }).replace(/^(M(\d+))/gm, '$2\t$1');
    expect(survey(parseTable(text)).features[0]?.properties.points).toBe(HN.map((_, i) => `M${i + 1}`).join(','));
    expect(rings(parseTable(text))).toEqual([HN_RING]);
  });
  it('a byte-order mark in pasted text is not part of the first column\'s name', () => {
    expect(issue(parseTable('\uFEFFX (m),Y (m)\n2273600.03,595500.97\n,595621.40\n'))).toEqual({ code: 'table_missing_cell', params: { row: 3, column: 'X (m)' } });
    expect(issue(parseTable('\uFEFFX Y\n2273600.03 595500.97\n22736O0.03 595621.40\n'))).toEqual({ code: 'table_not_a_number', params: { row: 3, column: 'X', text: '22736O0.03' } });
  });
  it('a table that repeats its first point is not closed twice', () => {
    const closed = table({ pts: [...HN, HN[0] as [number, number]] });
    expect(rings(parseTable(closed))).toEqual([HN_RING]);
  });

  const A = HN.slice(0, 5), B = HN.slice(5);
  const ringFrom = (p: [number, number][]) => [...p, p[0]];
  it('two parcels separated by a blank row', () => {
    const text = table({ pts: A }) + '\n' + table({ pts: B, header: null });
    const s = survey(parseTable(text));
    expect(rings(parseTable(text))).toEqual([ringFrom(A), ringFrom(B)]);
    expect(s.features.map((f) => [f.properties.parcel, f.properties.first_row, f.properties.last_row])).toEqual([[1, 2, 6], [2, 8, 12]]);
  });
  it('two parcels under label rows ("Khu A", "Khu B"), a footer skipped with a note', () => {
    const text = `Khu A\n${table({ pts: A })}Khu B\n${table({ pts: B, header: null })}Tổng diện tích: 30,1 ha\n`;
    const s = survey(parseTable(text));
    expect(s.features.map((f) => f.properties.name)).toEqual(['Khu A', 'Khu B']);
    expect(rings(parseTable(text))).toEqual([ringFrom(A), ringFrom(B)]);
    expect(s.notes).toEqual([{ code: 'table_rows_skipped', params: { rows: '14' } }]);
  });
  it('two parcels as two pasted tables (the header again)', () => {
    expect(rings(parseTable(table({ pts: A }) + table({ pts: B })))).toEqual([ringFrom(A), ringFrom(B)]);
  });
  it('two parcels by a parcel column, blank cells continuing the parcel above (merged Excel cells)', () => {
    const rows = [...A.map((p, i) => [i === 0 ? 'Thửa 12' : '', p]), ...B.map((p, i) => [i === 0 ? 'Thửa 13' : '', p])] as [string, [number, number]][];
    const text = 'Tên thửa\tĐiểm\tX\tY\n' + rows.map(([k, [e, n]], i) => `${k}\tM${i + 1}\t${vnComma(n)}\t${vnComma(e)}`).join('\n');
    const s = survey(parseTable(text));
    expect(s.features.map((f) => f.properties.name)).toEqual(['Thửa 12', 'Thửa 13']);
    expect(rings(parseTable(text))).toEqual([ringFrom(A), ringFrom(B)]);
  });

  const LL = truth('hanam_tm3_105').slice(0, -1) as [number, number][];
  const llRing = [...LL.map(([lon, lat]) => [Number(lon.toFixed(7)), Number(lat.toFixed(7))]), [Number(LL[0]?.[0].toFixed(7)), Number(LL[0]?.[1].toFixed(7))]];
  it('lon/lat tables are WGS 84 in [lon, lat], whatever the column order', () => {
    const lonlat = 'lon,lat\n' + LL.map(([lon, lat]) => `${lon.toFixed(7)},${lat.toFixed(7)}`).join('\n');
    const kinhVi = 'Kinh độ\tVĩ độ\n' + LL.map(([lon, lat]) => `${lon.toFixed(7).replace('.', ',')}\t${lat.toFixed(7).replace('.', ',')}`).join('\n');
    const latlon = 'Vĩ độ;Kinh độ\n' + LL.map(([lon, lat]) => `${lat.toFixed(7).replace('.', ',')};${lon.toFixed(7).replace('.', ',')}`).join('\n');
    for (const text of [lonlat, kinhVi, latlon]) {
      expect(rings(parseTable(text))).toEqual([llRing]);
      expect(survey(parseTable(text)).crs).toEqual({ kind: 'known', crs: 'EPSG:4326', from: 'format' });
    }
  });
  it('degrees as D°M′S″', () => {
    const r = rings(parseTable('Kinh độ\tVĩ độ\n105°55\'12,3"\t20°33\'00"\n105°55′40″\t20°33′00″\n105°55\'40"\t20°33\'30"\n'))[0] as Position[];
    expect(r[0]).toEqual([105 + 55 / 60 + 12.3 / 3600, 20.55]);
    expect(r).toHaveLength(4);
  });
  it('a system stated in the title becomes the hint; VN-2000 degrees get a note', () => {
    const hint = (title: string) => survey(parseTable(`${title}\n${table()}`)).crs;
    expect(hint('Hệ tọa độ VN-2000, kinh tuyến trục 105°30′, múi chiếu 3°')).toEqual({ kind: 'known', crs: 'VN2000-TM3-105.5', from: 'format' });
    expect(hint('Tọa độ VN-2000 KTT 105°00\' múi 3°')).toEqual({ kind: 'known', crs: 'VN2000-TM3-105', from: 'format' });
    expect(hint('Hệ VN-2000, UTM múi 48')).toEqual({ kind: 'known', crs: 'VN2000-UTM48', from: 'format' });
    expect(hint('Hệ tọa độ VN-2000')).toEqual({ kind: 'unknown' });
    expect(hint('Diện tích 105,5 ha')).toEqual({ kind: 'unknown' });
    const deg = survey(parseTable('Tọa độ VN-2000\nKinh độ,Vĩ độ\n105.92,20.55\n105.93,20.55\n105.93,20.56\n'));
    expect(deg.crs).toEqual({ kind: 'unknown' });
    expect(deg.notes).toEqual([{ code: 'table_vn2000_degrees', params: {} }]);
  });
});

describe('parseTable refuses a bad table with a code and its row', () => {
  const lines = table({ sep: ',', num: fixed, header: 'STT,X (m),Y (m)' }).split('\n');
  const edit = (row: number, text: string) => lines.map((l, i) => (i === row - 1 ? text : l)).join('\n');
  const cases: [string, string | Uint8Array, SurveyIssue][] = [
    ['empty text', '', { code: 'table_empty', params: {} }],
    ['only blank lines and separators', '\n\r\n \t \n;;\n', { code: 'table_empty', params: {} }],
    ['no coordinates at all', 'Tên,Ghi chú\nCCN A,x\n', { code: 'table_no_coordinates', params: { columns: 'Tên, Ghi chú' } }],
    ['numbers but no coordinate pair', 'STT,Diện tích\n1,12.5\n2,3100.25\n', { code: 'table_no_coordinates', params: { columns: 'STT, Diện tích' } }],
    ['a missing X', edit(4, `3,,${fixed(HN[2]?.[0] as number)}`), { code: 'table_missing_cell', params: { row: 4, column: 'X (m)' } }],
    ['a missing Y', edit(5, `4,${fixed(HN[3]?.[1] as number)},`), { code: 'table_missing_cell', params: { row: 5, column: 'Y (m)' } }],
    ['a point with no coordinates', edit(3, 'M2,,'), { code: 'table_missing_cell', params: { row: 3, column: 'X (m)' } }],
    ['a letter O for a zero', edit(6, `5,22736O0.030,${fixed(HN[4]?.[0] as number)}`), { code: 'table_not_a_number', params: { row: 6, column: 'X (m)', text: '22736O0.030' } }],
    ['broken thousands', edit(2, `1,2.27.3600,030,595500.970`).replace(/,/g, ';').replace(/;(\d{3})(?=;|$)/g, ',$1'), { code: 'table_not_a_number', params: { row: 2, column: 'X (m)', text: '2.27.3600,030' } }],
    ['metres and degrees mixed', edit(3, `2,2273710.027,105.92`), { code: 'table_mixed_units', params: { row: 3, column: 'Y (m)', text: '105.92' } }],
    ['decimal commas in a comma-separated file', edit(3, `2,2273710,027,595621,399`), { code: 'table_extra_cells', params: { row: 3, expected: 3, found: 5 } }],
    ['two points', lines.slice(0, 3).join('\n'), { code: 'table_too_few_points', params: { parcel: '1', row: 2, n: 2 } }],
    ['the second parcel has two points', `${table({ pts: HN.slice(0, 4) })}\nKhu B\n${table({ pts: HN.slice(4, 6), header: null })}`, { code: 'table_too_few_points', params: { parcel: 'Khu B', row: 8, n: 2 } }],
    ['three rows, two of them the same closing point', table({ pts: [HN[0], HN[1], HN[0]] as [number, number][] }), { code: 'table_too_few_points', params: { parcel: '1', row: 2, n: 2 } }],
  ];
  for (const [label, input, want] of cases) {
    it(`${label} → ${want.code}`, () => expect(issue(parseTable(input))).toEqual(want));
  }
  it('odd arguments give a coded issue, never a throw', () => {
    for (const x of [undefined, null, 42, {}, [], new Uint8Array(0), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xc3, 0x28, 0x0a])]) {
      const r = parseTable(x as unknown as string);
      expect(r.ok).toBe(false);
    }
  });
});

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

/** Every issue and note of a result has a message in both languages, and its params fill every placeholder but {file}. */
function checkCoded(r: ParseResult, label: string): string {
  const issues = r.ok ? r.survey.notes : [r.issue];
  for (const i of issues) {
    const m = SURVEY_MESSAGES[i.code];
    expect(m, `${label}: no message for ${i.code}`).toBeDefined();
    for (const lang of ['vi', 'en'] as const) {
      expect(m?.[lang], label).toMatch(/\S/);
      for (const ph of (m?.[lang] ?? '').matchAll(/\{(\w+)\}/g)) if (ph[1] !== 'file') expect(i.params, `${label}: ${i.code} lacks {${ph[1]}}`).toHaveProperty(ph[1] as string);
    }
  }
  if (r.ok) {
    expect(r.survey.features.length, label).toBeGreaterThan(0);
    for (const f of r.survey.features) {
      const ring = (f.geometry as Polygon).coordinates[0] as Position[];
      expect(ring.length, label).toBeGreaterThanOrEqual(4);
      expect(ring[0], label).toEqual(ring[ring.length - 1]);
      expect(ring.flat().every(Number.isFinite), label).toBe(true);
    }
  }
  return r.ok ? 'ok' : r.issue.code;
}

describe('parseTable never throws (seeded fuzz)', () => {
  const seeds = [
    read('hanam_tm3_105.csv'), read('namdinh_tm3_105_30.tsv'), read('ninhbinh_utm48.tsv'), read('namdinh_tm3_105_30.csv'),
    table({ sep: ';' }), table({ num: vnDots, name: true, header: 'Tên điểm\tToạ độ X\tToạ độ Y' }),
    `Khu A\n${table({ pts: HN.slice(0, 5) })}\nKhu B\n${table({ pts: HN.slice(5), header: null })}`,
    'Kinh độ,Vĩ độ\n105.92,20.55\n105.93,20.55\n105.93,20.56\n',
  ];
  const ALPHABET = ['\t', ';', ',', '.', ' ', '\n', '\r\n', '"', "'", '°', '-', '−', '0', '5', '9', 'x', 'O', 'Đ', 'ạ', '\u00a0', '', '|', 'Khu ', 'X', 'Y', 'STT'];
  function mutate(rand: Random, s: string): string {
    const at = Math.floor(rand() * (s.length + 1));
    const lines = s.split('\n');
    const li = Math.floor(rand() * lines.length);
    switch (Math.floor(rand() * 8)) {
      case 0: return s.slice(0, at); // truncated paste
      case 1: return s.slice(0, at) + pickOne(rand, ALPHABET) + s.slice(at);
      case 2: return s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 12));
      case 3: return [...lines.slice(0, li), lines[li] ?? '', ...lines.slice(li)].join('\n'); // a row twice
      case 4: return [...lines.slice(0, li), ...lines.slice(li + 1)].join('\n'); // a row lost
      case 5: { // one cell emptied or replaced
        const cells = (lines[li] ?? '').split(/([\t;,])/);
        const ci = 2 * Math.floor((rand() * (cells.length + 1)) / 2);
        cells[ci] = rand() < 0.5 ? '' : pickOne(rand, ['abc', '1.2.3', '2.245.123,45', '105°61\'', '-', '1e5', '∞', 'NaN', '12,5', '"']);
        lines[li] = cells.join('');
        return lines.join('\n');
      }
      case 6: return s.replace(pickOne(rand, ['\t', ';', ',', '.']), pickOne(rand, ['\t', ';', ',', '.', ' ']));
      default: return s.split(pickOne(rand, ['\t', ';', ',', '.'])).join(pickOne(rand, ['\t', ';', ',', '.', ' ', '']));
    }
  }
  it('1500 text mutations each give polygons or a coded issue with vi and en messages, each within 250 ms', () => {
    const rand = mulberry32(20251201);
    const outcomes = new Map<string, number>();
    for (let n = 0; n < 1500; n++) {
      let s = pickOne(rand, seeds);
      for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) s = mutate(rand, s);
      const t0 = performance.now();
      const r = parseTable(s);
      expect(performance.now() - t0, `case ${n}`).toBeLessThan(250);
      const c = checkCoded(r, `case ${n}: ${JSON.stringify(s.slice(0, 80))}`);
      outcomes.set(c, (outcomes.get(c) ?? 0) + 1);
    }
    // The fuzz reaches many outcomes, not one error path.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(300);
    expect(outcomes.size).toBeGreaterThanOrEqual(6);
  });
  it('500 byte mutations (broken UTF-8, stray BOMs, NULs) each give polygons or a coded issue', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      const b = new TextEncoder().encode(pickOne(rand, seeds));
      for (let k = 0, m = 1 + Math.floor(rand() * 4); k < m; k++) b[Math.floor(rand() * b.length)] = pickOne(rand, [0, 0xff, 0xfe, 0xc3, 0x80, 0xef, Math.floor(rand() * 256)]);
      checkCoded(parseTable(b), `bytes ${n}`);
    }
  });
});
