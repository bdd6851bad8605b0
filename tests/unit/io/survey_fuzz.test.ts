import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSurvey } from '../../../src/geo/io/survey/parse_survey';
import { SURVEY_MESSAGES } from '../../../src/geo/io/survey/survey_messages';
import type { ParseResult, SurveyIssue } from '../../../src/geo/io/survey/types';
import { mulberry32, pickOne, type Random } from '../../../src/geo/synth/seeded_random';
import { byteMutation, type ByteOp } from '../helpers/byte_mutation';

/** The mutations drawn here (no insertion: the draws of this file's seeds stay what they were). */
const OPS: readonly ByteOp[] = ['truncate', 'flip', 'delete', 'duplicate'];

const root = resolve(__dirname, '../../..');
const file = (p: string) => new Uint8Array(readFileSync(resolve(root, 'tests/fixtures', p)));
const BULGE_DXF = strToU8(
  ['0', 'SECTION', '2', 'ENTITIES', '0', 'LWPOLYLINE', '8', 'L1', '90', '4', '70', '1', '10', '0', '20', '0', '10', '10', '20', '0', '42', '1', '10', '10', '20', '10', '10', '0', '20', '10',
    '0', 'POLYLINE', '8', 'P', '66', '1', '70', '1', '0', 'VERTEX', '8', 'P', '10', '20', '20', '0', '0', 'VERTEX', '8', 'P', '10', '30', '20', '0', '42', '-0.5', '0', 'VERTEX', '8', 'P', '10', '30', '20', '10', '0', 'SEQEND',
    '0', 'TEXT', '8', 'T', '10', '5', '20', '5', '1', 'Lô A', '0', 'ENDSEC', '0', 'EOF'].join('\n'),
);

/** Seed files per format: the format fixtures (tests/fixtures/survey/formats) and a few more. */
const SEEDS: Record<string, { name: string; bytes: Uint8Array }[]> = {
  shapefile: [
    { name: 'ranh_gioi.zip', bytes: file('survey/formats/ranh_gioi_shp.zip') },
    { name: 'ranh_gioi_no_prj.zip', bytes: file('survey/formats/ranh_gioi_shp_no_prj.zip') },
    { name: 'tcvn3.zip', bytes: file('bad-imports/tcvn3-dbf.zip') },
  ],
  kml: [{ name: 'ranh_gioi.kml', bytes: file('survey/formats/ranh_gioi.kml') }],
  kmz: [{ name: 'ranh_gioi.kmz', bytes: file('survey/formats/ranh_gioi.kmz') }],
  dxf: [
    { name: 'ranh_gioi.dxf', bytes: file('survey/formats/ranh_gioi.dxf') },
    { name: 'ranh_gioi_hatch.dxf', bytes: file('survey/formats/ranh_gioi_hatch.dxf') },
    { name: 'bulge.dxf', bytes: BULGE_DXF },
  ],
  geojson: [
    { name: 'vn2000.geojson', bytes: file('survey/formats/source_vn2000_tm3_105.geojson') },
    { name: 'wgs84.geojson', bytes: file('survey/formats/source_wgs84.geojson') },
    { name: 'u16.geojson', bytes: file('bad-imports/utf16le-bom.geojson') },
  ],
};

/** Re-zips with an entry dropped, or one entry's bytes mutated (so the readers, not the unzip, meet the damage). */
function zipMutation(rand: Random, b: Uint8Array): Uint8Array {
  // An earlier mutation may have left a header claiming gigabytes: such an entry is not inflated here.
  const entries: Record<string, Uint8Array> = unzipSync(b, { filter: (f) => f.originalSize < 1_000_000 });
  const names = Object.keys(entries);
  const name = pickOne(rand, names);
  if (rand() < 0.3) delete entries[name];
  else if (rand() < 0.5) entries[name] = binaryFieldMutation(rand, entries[name] as Uint8Array);
  else entries[name] = byteMutation(rand, entries[name] as Uint8Array, OPS);
  return zipSync(entries);
}

/** Overwrites a 32-bit count or length at a random 4-byte boundary of a binary part (.shp record lengths, part and point counts, .dbf counts). */
function binaryFieldMutation(rand: Random, b: Uint8Array): Uint8Array {
  if (b.length < 8) return b;
  const c = b.slice();
  const at = 4 * Math.floor((rand() * (c.length - 4)) / 4);
  const v = pickOne(rand, [0, 1, -1, 2, 7, 255, 65535, 0x7fffffff, Math.floor(rand() * 1e6)]);
  new DataView(c.buffer).setInt32(at, v, rand() < 0.5);
  return c;
}

/** Breaks KML's XML: a lost angle bracket, a dropped closing tag, an unknown entity, a mismatched tag. */
function xmlMutation(rand: Random, text: string): string {
  const at = Math.floor(rand() * text.length);
  switch (Math.floor(rand() * 5)) {
    case 0: {
      const i = text.indexOf(pickOne(rand, ['<', '>']), at);
      return i < 0 ? text.slice(0, at) : text.slice(0, i) + text.slice(i + 1);
    }
    case 1:
      return text.replace(new RegExp(`</${pickOne(rand, ['Placemark', 'coordinates', 'Polygon', 'name', 'Document', 'LinearRing', 'SimpleData'])}>`), '');
    case 2:
      return `${text.slice(0, at)}&bogus;${text.slice(at)}`;
    case 3:
      return text.replace(/<(\/?)coordinates>/, '<$1coordinatez>');
    default:
      return text.replace(/(-?\d+\.\d+),(-?\d+\.\d+)/, pickOne(rand, ['$2,$1', 'abc,$2', '$1', '$1,$2,$1,$2', '1e999,$2', '']));
  }
}

/** Corrupts DXF groups: a code replaced, a pair dropped or doubled, a value made text, one line lost (pairs shifted). */
function dxfMutation(rand: Random, text: string): string {
  const lines = text.split(/\r?\n/);
  const pair = 2 * Math.floor((rand() * lines.length) / 2);
  switch (Math.floor(rand() * 6)) {
    case 0:
      lines[pair] = pickOne(rand, ['0', '8', '10', '20', '42', '70', '90', '91', '92', '93', '72', '73', '97', '330', '999', 'x', '-1', '1071', '2', '66']);
      break;
    case 1:
      lines.splice(pair, 2);
      break;
    case 2:
      lines.splice(pair, 0, lines[pair] as string, lines[pair + 1] ?? '');
      break;
    case 3:
      lines[pair + 1] = pickOne(rand, ['abc', '', '1e400', 'NaN', '-0', 'SEQEND', 'VERTEX', 'ENDSEC', 'LWPOLYLINE', 'HATCH', '999999999999']);
      break;
    case 4:
      lines.splice(Math.floor(rand() * lines.length), 1);
      break;
    default:
      lines.splice(pair, 2, ...pickOne(rand, [['0', 'POLYLINE'], ['0', 'VERTEX'], ['0', 'SEQEND'], ['0', 'HATCH'], ['0', 'ENDSEC'], ['0', 'EOF'], ['91', '3'], ['93', '1000000']]));
  }
  return lines.join('\n');
}

/** Every issue names a code with a Vietnamese and an English message, and carries the params they fill. */
function checkIssue(i: SurveyIssue, label: string) {
  const m = SURVEY_MESSAGES[i.code];
  expect(m, `${label}: no message for ${i.code}`).toBeDefined();
  if (!m) return;
  expect(m.vi.length, label).toBeGreaterThan(10);
  expect(m.en.length, label).toBeGreaterThan(10);
  for (const [, k] of m.en.matchAll(/\{(\w+)\}/g)) if (k !== 'file') expect(i.params, `${label}: ${i.code} lacks {${k}}`).toHaveProperty(k as string);
}

function check(r: ParseResult, label: string) {
  expect(typeof r.ok, label).toBe('boolean');
  if (r.ok) {
    expect(r.survey.features.length, label).toBeGreaterThan(0);
    for (const n of r.survey.notes) checkIssue(n, label);
  } else checkIssue(r.issue, label);
}

describe('parseSurvey never throws (seeded fuzz, 500 cases per format)', () => {
  // dxf-parser logs some malformed groups to the console; the fuzz only cares that it returns.
  beforeAll(() => void vi.spyOn(console, 'log').mockImplementation(() => undefined));
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  const mutate: Record<string, (rand: Random, b: Uint8Array) => Uint8Array> = {
    shapefile: (rand, b) => (rand() < 0.75 ? zipMutation(rand, b) : byteMutation(rand, b, OPS)),
    kml: (rand, b) => (rand() < 0.6 ? strToU8(xmlMutation(rand, strFromU8(b))) : byteMutation(rand, b, OPS)),
    kmz: (rand, b) => {
      if (rand() < 0.25) return byteMutation(rand, b, OPS);
      if (rand() < 0.3) return zipMutation(rand, b);
      const doc = unzipSync(b, { filter: (f) => f.originalSize < 1_000_000 })['doc.kml'] as Uint8Array;
      return zipSync({ 'doc.kml': strToU8(xmlMutation(rand, strFromU8(doc))) });
    },
    dxf: (rand, b) => (rand() < 0.75 ? strToU8(dxfMutation(rand, strFromU8(b))) : byteMutation(rand, b, OPS)),
    geojson: (rand, b) => byteMutation(rand, b, OPS),
  };
  for (const [format, seeds] of Object.entries(SEEDS)) {
    it(`${format}: 500 mutations each give ok or a coded issue with vi and en messages, each within 1 s`, () => {
      const rand = mulberry32(20261201 + format.length);
      const outcomes = new Map<string, number>();
      for (let n = 0; n < 500; n++) {
        const seed = pickOne(rand, seeds);
        let b = seed.bytes;
        for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) {
          try {
            b = (mutate[format] as (r: Random, x: Uint8Array) => Uint8Array)(rand, b);
          } catch {
            b = byteMutation(rand, b, OPS); // a mutation needing a readable zip met an unreadable one
          }
        }
        const t0 = performance.now();
        const r = parseSurvey(b, seed.name);
        expect(performance.now() - t0, `case ${n}`).toBeLessThan(1000);
        check(r, `${format} case ${n}`);
        const c = r.ok ? 'ok' : r.issue.code;
        outcomes.set(c, (outcomes.get(c) ?? 0) + 1);
      }
      // The mutations reach several outcomes, not just one error path.
      expect(outcomes.size, JSON.stringify([...outcomes])).toBeGreaterThanOrEqual(4);
      expect(outcomes.get('ok') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
    }, 60_000);
  }
  it('odd arguments do not throw either', () => {
    for (const [b, name] of [[undefined, 'a.kml'], [null, 'a.dxf'], ['text', 'a.zip'], [new Uint8Array([0x50, 0x4b, 3, 4]), 'x.zip'], [new Uint8Array([1, 2, 3]), 'x.bin'], [strToU8('<'.repeat(100_000)), 'deep.kml']] as const) {
      const r = parseSurvey(b as unknown as Uint8Array, name);
      check(r, String(name));
      expect(r.ok).toBe(false);
    }
  });
});
