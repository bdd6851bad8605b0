import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/app/check_file';
import { mulberry32 } from '../../../src/geo/synth/seeded_random';
import { loadData } from '../../../src/store/load_data';
import { createAppStore } from '../../../src/store/store';

const FIX = resolve(import.meta.dirname, '../../fixtures/app');
const files: Record<string, string> = Object.fromEntries(
  ['clusters.geojson', 'industrial_zones.geojson', 'craft_villages.geojson', 'ex_provinces.geojson', 'province.geojson', 'reported_figures.json', 'communes_2025.geojson', 'old_units.json'].map((f) => [f, readFileSync(resolve(FIX, f), 'utf8')]),
);

const WEIRD: unknown[] = [null, 0, -1, 1e308, '', 'x', '<script>alert(1)</script>', [], {}, true, [[1, 2]], { type: 'Point' }, NaN];

/** One seeded corruption of a JSON text: cut, flip a byte, or swap a value for a wrong-typed one. */
function mutate(text: string, rand: () => number): string {
  const r = rand();
  if (r < 0.25) return text.slice(0, Math.floor(rand() * text.length));
  if (r < 0.45) {
    const i = Math.floor(rand() * text.length);
    return text.slice(0, i) + String.fromCharCode(32 + Math.floor(rand() * 95)) + text.slice(i + 1);
  }
  const v = JSON.parse(text);
  const paths: { o: Record<string, unknown>; k: string }[] = [];
  const walk = (o: unknown) => {
    if (o && typeof o === 'object') for (const k of Object.keys(o)) { paths.push({ o: o as Record<string, unknown>, k }); walk((o as Record<string, unknown>)[k]); }
  };
  walk(v);
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n && paths.length; i++) {
    const p = paths[Math.floor(rand() * paths.length)]!;
    if (rand() < 0.2) delete p.o[p.k];
    else p.o[p.k] = WEIRD[Math.floor(rand() * WEIRD.length)];
  }
  return JSON.stringify(v);
}

const fetchWith = (override: Record<string, string>): typeof fetch =>
  (async (url: string | URL) => {
    const name = String(url).split('/').pop()!;
    return new Response(override[name] ?? files[name]!, { status: 200 });
  }) as typeof fetch;

describe('data loader under seeded malformed input', () => {
  it('ends every corrupted file in a named error or a valid load; the other files stay loaded', async () => {
    const rand = mulberry32(20261123);
    const names = Object.keys(files);
    let errors = 0;
    for (let i = 0; i < 1500; i++) {
      const name = names[Math.floor(rand() * names.length)]!;
      const bad = mutate(files[name]!, rand);
      const store = createAppStore();
      const started = Date.now();
      await loadData(store, 'http://x/', checkFile, fetchWith({ [name]: bad }));
      expect(Date.now() - started).toBeLessThan(2000);
      const s = store.getState();
      const own = s.loadErrors.filter((e) => e.file === name);
      // A corrupted outline that still parses is data: other layers may then fail against it, for that reason only.
      const allowed = (e: { file: string; message: string }) =>
        e.file === name || (name === 'province.geojson' && /outside the province outline/.test(e.message));
      expect(s.loadErrors.every(allowed), `only ${name} may fail: ${JSON.stringify(s.loadErrors).slice(0, 600)}`).toBe(true);
      for (const e of own) expect(e.message.length).toBeGreaterThan(5);
      if (own.length) errors++;
      if (name !== 'clusters.geojson' && name !== 'province.geojson') expect(s.clusters!.features).toHaveLength(8);
      if (name !== 'province.geojson') expect(s.province).not.toBeNull();
      expect(s.dataStatus === 'ready' || (/^(clusters|province)\.geojson$/.test(name) && s.dataStatus === 'error')).toBe(true);
    }
    expect(errors).toBeGreaterThan(500);
  }, 120_000);
});
