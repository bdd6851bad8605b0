import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyJournal } from '../../../src/geo/edit/apply_journal';
import type { Change, JournalRecord } from '../../../src/geo/edit/change';
import { buildChangesFile, CHANGES_ENTRIES, CHANGES_MAX_BYTES, parseChangesFile, type ChangesCode } from '../../../src/geo/edit/changes_file';
import { CHANGES_MESSAGES } from '../../../src/geo/edit/changes_messages';
import { clusterSourceRow, CLUSTERS_CSV_COLUMNS, clustersSourceCsv, splitNotes } from '../../../src/geo/edit/clusters_csv';
import { synthJournal } from '../../../src/geo/edit/synth_journal';
import { CLUSTER_FIELDS } from '../../../src/geo/io/cluster_fields';
import type { ClusterCollection, ClusterFeature } from '../../../src/geo/types';
import { ACTIVE, APP, EXPORTED_AT, JOURNAL } from '../../fixtures/changes/journal';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');
const fixture = (): ClusterCollection => deepFreeze(JSON.parse(read('tests/fixtures/app/clusters.geojson')) as ClusterCollection);
const real = (): ClusterCollection => deepFreeze(JSON.parse(read('geodata/clusters.geojson')) as ClusterCollection);
const known = (fc: ClusterCollection) => new Set(fc.features.map((f) => f.properties.id));
const bytesOf = (name: string) => new Uint8Array(readFileSync(resolve(root, 'tests/fixtures/changes', name)));
const entries = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, new TextDecoder('utf-8', { ignoreBOM: true }).decode(v)]));
const codeOf = (r: ReturnType<typeof parseChangesFile>) => (r.ok ? 'ok' : r.issue.code);

/** Fills a message the way the app does and checks that no placeholder is left. */
function render(code: ChangesCode, params: Record<string, string | number>, file: string) {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : k === 'file' ? file : m));
  const out = { vi: fill(CHANGES_MESSAGES[code].vi), en: fill(CHANGES_MESSAGES[code].en) };
  expect(out.vi, code).not.toMatch(/\{\w+\}/);
  expect(out.en, code).not.toMatch(/\{\w+\}/);
  return out;
}

describe('buildChangesFile → parseChangesFile', () => {
  it('round-trips the active changes, in order, and the export time', () => {
    const base = fixture();
    const zip = buildChangesFile(base, deepFreeze([...JOURNAL]), { exportedAt: EXPORTED_AT, app: APP });
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(Object.values(CHANGES_ENTRIES).sort());
    const r = parseChangesFile(zip, 'thay-doi.zip', known(base));
    expect(r).toEqual({ ok: true, changes: ACTIVE, exportedAt: '2026-11-30T09:15:00.000Z' });
  });

  it('round-trips long random journals over the real data and over synthetic clusters', () => {
    for (const [base, seed] of [[real(), 1], [fixture(), 2]] as const) {
      const journal = synthJournal(base, 600, seed);
      const zip = buildChangesFile(base, journal, { exportedAt: EXPORTED_AT });
      const r = parseChangesFile(zip, 'x.zip', known(base));
      expect(r.ok).toBe(true);
      const expected = applyJournal(base, journal);
      // The receiving side ends with the same clusters as the sender.
      expect(r.ok && applyJournal(base, r.changes).fc).toEqual(expected.fc);
    }
  });

  it('leaves out active changes the journal could not apply (a receiver would refuse the file)', () => {
    const base = fixture();
    const dangling: Change = { ...(ACTIVE[0] as Change), id: 'dangling', target: 'no-such-cluster' };
    const r = parseChangesFile(buildChangesFile(base, [...JOURNAL, dangling], { exportedAt: EXPORTED_AT }), 'x.zip', known(base));
    expect(r.ok && r.changes.map((c) => c.id)).toEqual(ACTIVE.map((c) => c.id));
  });

  it('also reads a bare changes.json, with or without BOM, and a changes.json in a folder', () => {
    const base = fixture();
    for (const name of ['valid-changes.json', 'bom-changes.json', 'in-folder.zip', 'valid.zip']) {
      const r = parseChangesFile(bytesOf(name), name, known(base));
      expect(r, name).toEqual({ ok: true, changes: ACTIVE, exportedAt: '2026-11-30T09:15:00.000Z' });
    }
  });

  it('the committed fixtures are what the generator makes (regenerate: see README)', () => {
    const zip = buildChangesFile(fixture(), JOURNAL, { exportedAt: EXPORTED_AT, app: APP });
    expect(entries(zip)).toEqual(entries(bytesOf('valid.zip')));
  });

  it('refuses an invalid export time', () => {
    expect(() => buildChangesFile(fixture(), JOURNAL, { exportedAt: new Date('x') })).toThrow(/valid Date/);
  });
});

describe('the maintainer files', () => {
  const base = fixture();
  const files = entries(buildChangesFile(base, JOURNAL, { exportedAt: EXPORTED_AT, app: APP }));

  it('clusters_changed.geojson: the changed clusters as after the journal, properties in CLUSTER_FIELDS order', () => {
    const fc = JSON.parse(files[CHANGES_ENTRIES.clusters]!) as ClusterCollection;
    const after = applyJournal(base, JOURNAL);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['hn-mau-kim-bang', 'hn-mau-thanh-liem', 'nd-mau-xuan-tien', 'nb-moi-gia-vien']);
    for (const f of fc.features) {
      const order = CLUSTER_FIELDS.filter((k) => k in f.properties);
      expect(Object.keys(f.properties)).toEqual(order);
      expect(f.properties).toEqual(after.fc.features.find((x) => x.properties.id === f.properties.id)!.properties);
    }
    expect(fc.features[0]!.properties).toMatchObject({ status: 'operating', investor: 'Công ty CP Hạ tầng Kim Bảng' });
  });

  it('clusters_changed.csv: exactly the header of geodata/sources/clusters.csv, BOM, CRLF, and it re-parses', () => {
    const csv = files[CHANGES_ENTRIES.csv]!;
    const header = read('geodata/sources/clusters.csv').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(CLUSTERS_CSV_COLUMNS.join(',')).toBe(header);
    expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CLUSTERS_CSV_COLUMNS]);
    const rows = new Map(parsed.data.map((r) => [r.id, r]));
    expect(rows.get('nd-mau-xuan-tien')!.notes).toBe('Ghi chú có dấu phẩy, "ngoặc kép" và <b>thẻ HTML</b>');
    expect(rows.get('nb-moi-gia-vien')).toMatchObject({ planned_area_ha: '47.5', communes: 'Xã Gia Vân', old_district: 'Huyện Gia Viễn', lon: '', lat: '' });
    expect(rows.get('hn-mau-kim-bang')!.sources).toBe('https://example.invalid/fixture | QĐ 2750/QĐ-UBND ngày 20/11/2025');
  });

  it('every real cluster, written back, gives its row of geodata/sources/clusters.csv (but what the app cannot know)', () => {
    const source = Papa.parse<Record<string, string>>(read('geodata/sources/clusters.csv'), { header: true, skipEmptyLines: true }).data;
    const byId = new Map(source.map((r) => [r.id, r]));
    const appCannotKnow = new Set(['inferred_communes']);
    let compared = 0;
    for (const f of real().features) {
      const want = byId.get(f.properties.id)!;
      const got = Object.fromEntries(CLUSTERS_CSV_COLUMNS.map((c, i) => [c, clusterSourceRow(f)[i]]));
      for (const c of CLUSTERS_CSV_COLUMNS) {
        if (appCannotKnow.has(c)) continue;
        expect(got[c], `${f.properties.id} ${c}`).toBe(want[c]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(93 * 20);
  });

  it('pasted over the old rows of the real LF file, CRLF rows parse as build.ts reads them', () => {
    const text = read('geodata/sources/clusters.csv');
    const f = structuredClone(real().features[0]!) as ClusterFeature;
    f.properties.notes = 'Sửa: "A, B"';
    const row = clustersSourceCsv([f]).split('\r\n')[1]!;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${f.properties.id},`));
    lines[at] = `${row}\r`;
    const parsed = Papa.parse<Record<string, string>>(lines.join('\n'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // build.ts trims text cells (`str`), which also drops the \r a CRLF row leaves in a LF file.
    expect(parsed.data.find((r) => r.id === f.properties.id)!.notes.trim()).toBe('Sửa: "A, B"');
  });

  it('lon/lat only for a source point; build-added notes are not written back', () => {
    const f = structuredClone(fixture().features[2]!) as ClusterFeature;
    const row = (g: ClusterFeature) => Object.fromEntries(CLUSTERS_CSV_COLUMNS.map((c, i) => [c, clusterSourceRow(g)[i]]));
    expect(row(f)).toMatchObject({ lon: '', lat: '' });
    f.properties.geometry_quality = 'source-coordinates';
    expect(row(f)).toMatchObject({ lon: String((f.geometry as { coordinates: number[] }).coordinates[0]), lat: String((f.geometry as { coordinates: number[] }).coordinates[1]) });
    f.properties.notes = 'A | Schematic footprint does not fit inside the commune polygon (2009, low resolution) without overlapping other footprints; placed nearby, inside the province.';
    expect(row(f).notes).toBe('A');
    expect(splitNotes('A | Footprint: vẽ theo phụ lục 2')).toEqual({ table: 'A', footprint: 'vẽ theo phụ lục 2' });
    expect(splitNotes(null)).toEqual({ table: null, footprint: null });
  });

  it('footprints.geojson holds only the changed clusters with a traced or surveyed polygon, in the build\'s format', () => {
    const fc = JSON.parse(files[CHANGES_ENTRIES.footprints]!) as { features: { properties: Record<string, unknown>; geometry: { type: string } }[] };
    expect(fc.features.map((f) => f.properties)).toEqual([{ id: 'hn-mau-thanh-liem', geometry_quality: 'traced', geometry_source: 'vẽ trên ảnh Sentinel-2 cloudless 2016 (EOX, CC BY 4.0)', geometry_as_of: '2016' }]);
    // A surveyed base cluster with a fact edit is included; a traced point (the build takes polygons only) is not.
    const surveyed = base.features.find((f) => f.properties.geometry_quality === 'surveyed')!;
    const more: JournalRecord[] = [
      { ...(ACTIVE[0] as Change), id: 's1', target: surveyed.properties.id },
      { ...(ACTIVE[1] as Change), id: 's2', target: 'nb-moi-gia-vien', to: { quality: 'traced', geometry: { type: 'Point', coordinates: [105.93, 20.31] } } },
    ];
    const z = entries(buildChangesFile(base, [...JOURNAL, ...more], { exportedAt: EXPORTED_AT }));
    const ids = (JSON.parse(z[CHANGES_ENTRIES.footprints]!) as typeof fc).features.map((f) => [f.properties.id, f.properties.geometry_quality, f.geometry.type]);
    expect(ids).toEqual([[surveyed.properties.id, 'surveyed', 'Polygon'], ['hn-mau-thanh-liem', 'traced', 'Polygon']]);
    expect(z[CHANGES_ENTRIES.readme]).toContain('nb-moi-gia-vien');
  });

  it('README.txt: Vietnamese first, then English, naming each file and the hand edits', () => {
    const t = files[CHANGES_ENTRIES.readme]!;
    const vi = t.indexOf('Các tệp trong gói');
    const en = t.indexOf('Files in this package');
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
    for (const name of Object.values(CHANGES_ENTRIES)) {
      expect(t.slice(0, en)).toContain(name);
      expect(t.slice(en)).toContain(name);
    }
    expect(t).toContain('npm run geodata');
    expect(t).toMatch(/investor.*hn-mau-kim-bang/);
    expect(t.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});

describe('parseChangesFile refuses the whole file with a coded issue', () => {
  const base = fixture();
  const table: [file: string, code: ChangesCode, params: Record<string, string | number>][] = [
    ['empty.json', 'empty', {}],
    ['whitespace.json', 'empty', {}],
    ['not-really.zip', 'zip_corrupt', { detail: 'not a ZIP archive' }],
    ['corrupt.zip', 'zip_corrupt', {}],
    ['no-journal.zip', 'no_journal', { entries: 'clusters.geojson, README.txt' }],
    ['notes.csv', 'not_changes', {}],
    ['latin1.json', 'not_utf8', {}],
    ['truncated.json', 'bad_json', { line: 3, column: 60 }],
    ['clusters.geojson', 'is_geojson', {}],
    ['wrong-format.json', 'wrong_format', { format: '"ccn-journal"', expected: 'ccn-changes' }],
    ['wrong-version.json', 'wrong_version', { version: '2', supported: 1 }],
    ['other-dataset.json', 'other_dataset', { dataset: '"ha-noi-ccn"', expected: 'ninh-binh-ccn' }],
    ['no-list.json', 'no_change_list', {}],
    ['no-changes.json', 'no_changes', {}],
    ['bad-record.json', 'bad_record', { record: 3, reason: 'unknown_field', reason_en: 'unknown field "area"' }],
    ['bad-value.json', 'bad_record', { record: 1, reason: 'bad_status' }],
    ['revert-in-file.json', 'bad_record', { record: 7, reason: 'revert_in_file' }],
    ['duplicate-id.json', 'bad_record', { record: 5, reason: 'duplicate_id' }],
    ['bad-new-cluster.json', 'bad_record', { record: 4, reason: 'new_cluster_value', reason_en: 'the new cluster\'s property "sources" is not valid' }],
    ['unknown-cluster.json', 'unknown_cluster', { record: 2, id: 'hn-khong-co' }],
    ['change-before-new-cluster.json', 'unknown_cluster', { record: 4, id: 'nb-moi-gia-vien' }],
  ];
  it.each(table)('%s → %s', (file, code, params) => {
    const r = parseChangesFile(bytesOf(file), file, known(base));
    expect(codeOf(r)).toBe(code);
    if (r.ok) return;
    expect(r.issue.params).toMatchObject(params);
    const m = render(r.issue.code, r.issue.params, file);
    expect(m.vi).toContain(file);
    expect(m.en).toContain(file);
  });

  it('too large, zipped or not (and a zip whose changes.json unzips too large)', () => {
    const big = new Uint8Array(CHANGES_MAX_BYTES + 1);
    expect(codeOf(parseChangesFile(big, 'big.json', known(base)))).toBe('too_large');
    const bomb = zipSync({ 'changes.json': new Uint8Array(CHANGES_MAX_BYTES + 10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1_000_000);
    const r = parseChangesFile(bomb, 'bomb.zip', known(base));
    expect(r).toMatchObject({ ok: false, issue: { code: 'too_large', params: { limit_mb: 50 } } });
  });

  it('a record of a known cluster in the file but unknown to this app names the record and the id', () => {
    const r = parseChangesFile(bytesOf('valid.zip'), 'valid.zip', new Set(['hn-mau-kim-bang']));
    expect(r).toEqual({ ok: false, issue: { code: 'unknown_cluster', params: { record: 2, id: 'hn-mau-thanh-liem' } } });
  });

  it('odd arguments give a coded issue, never a throw', () => {
    for (const b of [undefined, null, 'text', 42, [1, 2]]) {
      expect(codeOf(parseChangesFile(b as unknown as Uint8Array, 'a.json', known(base)))).toBe('unreadable');
    }
    expect(codeOf(parseChangesFile(strToU8('['.repeat(200_000)), 'deep.json', known(base)))).toBe('bad_json');
    expect(parseChangesFile(bytesOf('valid-changes.json'), undefined as unknown as string, undefined as unknown as Set<string>)).toMatchObject({ ok: false, issue: { code: 'unknown_cluster' } });
  });
});

describe('CHANGES_MESSAGES', () => {
  it('has a Vietnamese and an English sentence for every code, with the same placeholders', () => {
    for (const [code, m] of Object.entries(CHANGES_MESSAGES)) {
      expect(m.vi.length, code).toBeGreaterThan(20);
      expect(m.en.length, code).toBeGreaterThan(20);
      expect(m.vi).not.toBe(m.en);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!.replace(/_(vi|en)$/, '')).sort();
      expect(ph(m.vi), code).toEqual(ph(m.en));
      expect(m.vi, code).toContain('{file}');
      expect(m.en, code).not.toMatch(/reason_vi/);
      expect(m.vi, code).not.toMatch(/reason_en/);
    }
  });
});
