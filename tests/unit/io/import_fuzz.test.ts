import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportAreas, exportGeoJSON } from '../../../src/geo/io/export_geojson';
import { parseImport, type ImportResult } from '../../../src/geo/io/import_geojson';
import { IMPORT_MESSAGES } from '../../../src/geo/io/import_messages';
import { mulberry32, pickOne, type Random } from '../../../src/geo/synth/seeded_random';
import { byteMutation } from '../helpers/byte_mutation';

const root = resolve(__dirname, '../../..');
const clusters = JSON.parse(readFileSync(resolve(root, 'geodata/clusters.geojson'), 'utf8')) as FeatureCollection;
const seeds: { name: string; bytes: Uint8Array }[] = [
  { name: 'clusters.geojson', bytes: strToU8(exportGeoJSON(clusters.features.slice(0, 8))) },
  { name: 'areas.geojson', bytes: strToU8(exportAreas([{ type: 'Polygon', coordinates: [[[106, 20], [106.1, 20], [106.1, 20.1], [106, 20]]] }])) },
  { name: 'point.geojson', bytes: strToU8('{"type":"Point","coordinates":[105.97,20.25]}') },
  { name: 'c.zip', bytes: zipSync({ 'c.geojson': strToU8(exportGeoJSON(clusters.features.slice(0, 3))) }) },
];
const WEIRD: unknown[] = [null, 0, -1, 1e308, 'x', '', '<b>', true, [], {}, [[]], [1], [1, 'a'], { type: 'Feature' }, { type: 'Polygon' }, [200, 95], [20.3, 106], 'FeatureCollection'];

/** Replace one random value of the parsed JSON by a value of a wrong type. */
function typeMutation(rand: Random, b: Uint8Array): Uint8Array {
  const doc: unknown = JSON.parse(new TextDecoder().decode(b));
  const holders: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (holders.push([v, i]), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (holders.push([v as Record<string, unknown>, k]), walk(x));
  };
  walk(doc);
  if (holders.length === 0) return b;
  const [h, k] = pickOne(rand, holders);
  const w = pickOne(rand, WEIRD);
  if (rand() < 0.15) {
    if (Array.isArray(h)) h.splice(k as number, 1);
    else delete h[k as string];
  } else (h as Record<string | number, unknown>)[k] = w;
  return strToU8(JSON.stringify(doc));
}

function check(r: ImportResult, label: string) {
  expect(typeof r.ok, label).toBe('boolean');
  const issues = r.ok ? r.warnings : [r.error];
  for (const i of issues) {
    expect(Object.keys(IMPORT_MESSAGES), label).toContain(i.code);
    for (const ph of IMPORT_MESSAGES[i.code].en.matchAll(/\{(\w+)\}/g)) {
      if (ph[1] !== 'file') expect(i.params, `${label}: ${i.code} lacks {${ph[1]}}`).toHaveProperty(ph[1] as string);
    }
  }
  if (r.ok) expect(r.fc.features.length, label).toBeGreaterThan(0);
}

describe('parseImport never throws (seeded fuzz)', () => {
  it('3000 byte-level mutations each give ok or a coded error, each within 250 ms', () => {
    const rand = mulberry32(20251123);
    const codes = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const s = pickOne(rand, seeds);
      let b = s.bytes;
      for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) b = byteMutation(rand, b);
      const t0 = performance.now();
      const r = parseImport(b, s.name);
      expect(performance.now() - t0, `case ${n}`).toBeLessThan(250);
      check(r, `case ${n}`);
      const c = r.ok ? 'ok' : r.error.code;
      codes.set(c, (codes.get(c) ?? 0) + 1);
    }
    // The fuzz reaches several distinct outcomes, not just one error path.
    expect(codes.size).toBeGreaterThanOrEqual(5);
  });
  it('2000 wrong-type mutations each give ok or a coded error', () => {
    const rand = mulberry32(7);
    const json = seeds.filter((s) => !s.name.endsWith('.zip'));
    const codes = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const s = pickOne(rand, json);
      let b = s.bytes;
      for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) b = typeMutation(rand, b);
      const t0 = performance.now();
      const r = parseImport(b, s.name);
      expect(performance.now() - t0, `case ${n}`).toBeLessThan(250);
      check(r, `case ${n}`);
      codes.add(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toContain('invalid_geojson');
    expect(codes).toContain('ok');
  });
  it('odd arguments do not throw either', () => {
    for (const [b, name] of [[undefined, 'a'], [null, 'a'], ['text', 'a'], [new Uint8Array([0x50, 0x4b, 3, 4]), 'x.zip'], [new Uint8Array([0xff, 0xfe, 0x7b, 0]), 'u16.geojson'], [strToU8('['.repeat(200_000)), 'deep.json']] as const) {
      const r = parseImport(b as unknown as Uint8Array, name as string);
      check(r, String(name));
      expect(r.ok).toBe(false);
    }
  });
});
