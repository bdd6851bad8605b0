import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyJournal } from '../../../src/geo/edit/apply_journal';
import { buildChangesFile, parseChangesFile, type ChangesParse } from '../../../src/geo/edit/changes_file';
import { CHANGES_MESSAGES } from '../../../src/geo/edit/changes_messages';
import { planMerge } from '../../../src/geo/edit/merge_changes';
import { synthJournal } from '../../../src/geo/edit/synth_journal';
import { mulberry32, pickOne, type Random } from '../../../src/geo/synth/seeded_random';
import { byteMutation, type ByteOp } from '../helpers/byte_mutation';

/** The mutations drawn here (no insertion: the draws of this file's seeds stay what they were). */
const OPS: readonly ByteOp[] = ['truncate', 'flip', 'delete', 'duplicate'];
import type { ClusterCollection } from '../../../src/geo/types';
import { APP, EXPORTED_AT, JOURNAL } from '../../fixtures/changes/journal';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const base = deepFreeze(JSON.parse(readFileSync(resolve(root, 'tests/fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);
const known = new Set(base.features.map((f) => f.properties.id));
const small = buildChangesFile(base, JOURNAL, { exportedAt: EXPORTED_AT, app: APP });
const large = buildChangesFile(base, synthJournal(base, 120, 9), { exportedAt: EXPORTED_AT });
const journalOf = (zip: Uint8Array) => unzipSync(zip)['changes.json']!;
const SEEDS = [
  { name: 'thay-doi.zip', bytes: small },
  { name: 'lon.zip', bytes: large },
  { name: 'changes.json', bytes: journalOf(small) },
  { name: 'changes.json', bytes: journalOf(large) },
];

const DEEP = '__DEEP__';
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>', '{file}', '{record}', '=HYPERLINK("http://x")'];
const WEIRD: unknown[] = [null, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 5e-324, 'x', '', true, [], {}, [[]], [1], [1, 'a'], { type: 'Feature' }, { type: 'Polygon' }, [200, 95], [1e308, 1e308], 'FeatureCollection', 'change', 'revert', ...HTML, DEEP];

/** Drops a key, or puts a value of a wrong type, a huge number, HTML or deep nesting in its place. */
function jsonMutation(rand: Random, b: Uint8Array, last: boolean): Uint8Array {
  const doc: unknown = JSON.parse(new TextDecoder().decode(b));
  const holders: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (holders.push([v, i]), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (holders.push([v as Record<string, unknown>, k]), walk(x));
  };
  walk(doc);
  const [h, k] = pickOne(rand, holders);
  if (rand() < 0.2) {
    if (Array.isArray(h)) h.splice(k as number, 1);
    else delete h[k as string];
  } else if (rand() < 0.15 && typeof (h as Record<string | number, unknown>)[k] === 'string') {
    (h as Record<string | number, unknown>)[k] = `${(h as Record<string | number, string>)[k]}${pickOne(rand, HTML)}`;
  } else (h as Record<string | number, unknown>)[k] = pickOne(rand, WEIRD);
  // Deep nesting goes in as text, in the last round only: the next round could not walk it.
  const depth = last ? 17 + Math.floor(rand() * 200_000) : 3;
  const nested = rand() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return strToU8(JSON.stringify(doc).replace(`"${DEEP}"`, () => nested));
}

const rezip = (name: string, b: Uint8Array): Uint8Array => (name.endsWith('.zip') ? zipSync({ 'changes.json': b, 'README.txt': strToU8('x') }) : b);

/** The property: a coded issue whose message exists in both languages with its placeholders, or changes that apply. */
function check(r: ChangesParse, label: string): string {
  expect(typeof r.ok, label).toBe('boolean');
  if (!r.ok) {
    const m = CHANGES_MESSAGES[r.issue.code];
    expect(m, `${label}: ${r.issue.code}`).toBeDefined();
    for (const lang of ['vi', 'en'] as const) {
      expect(m[lang].length, label).toBeGreaterThan(20);
      for (const ph of m[lang].matchAll(/\{(\w+)\}/g)) {
        if (ph[1] !== 'file') expect(r.issue.params, `${label}: ${r.issue.code} lacks {${ph[1]}}`).toHaveProperty(ph[1] as string);
      }
    }
    return r.issue.code;
  }
  expect(r.changes.length, label).toBeGreaterThan(0);
  // What the parser accepts must be safe to merge, apply and export again.
  const plan = planMerge(base, [], r.changes);
  const after = applyJournal(base, plan.apply);
  expect(() => buildChangesFile(base, plan.apply, { exportedAt: EXPORTED_AT }), label).not.toThrow();
  expect(after.fc.features.length, label).toBeGreaterThanOrEqual(base.features.length);
  return 'ok';
}

function run(n: number, seed: number, mutate: (rand: Random, s: (typeof SEEDS)[number]) => Uint8Array): Map<string, number> {
  const rand = mulberry32(seed);
  const codes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = pickOne(rand, SEEDS);
    const bytes = mutate(rand, s);
    let r: ChangesParse | undefined;
    const t0 = performance.now();
    expect(() => (r = parseChangesFile(bytes, s.name, known)), `case ${i}`).not.toThrow();
    expect(performance.now() - t0, `case ${i}`).toBeLessThan(500);
    const c = check(r!, `case ${i} (${s.name})`);
    // A refused record names its reason; none may fall through to the untranslated fallback.
    const key = !r!.ok && r!.issue.code === 'bad_record' ? `bad_record:${r!.issue.params.reason}` : c;
    expect(key, `case ${i}`).not.toBe('bad_record:other');
    codes.set(key, (codes.get(key) ?? 0) + 1);
  }
  // FUZZ_LOG=1 prints which outcomes a run reached.
  if (process.env.FUZZ_LOG) console.log(Object.fromEntries(codes));
  return codes;
}

describe('parseChangesFile never throws (seeded fuzz)', () => {
  it('600 byte-level mutations (truncate, flip, delete, duplicate) of valid changes files', () => {
    const codes = run(600, 20261130, (rand, s) => {
      let b = s.bytes;
      for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) b = byteMutation(rand, b, OPS);
      return b;
    });
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });

  it('900 JSON mutations (dropped keys, wrong types, huge numbers, HTML, deep nesting), zipped or bare', () => {
    const codes = run(900, 7, (rand, s) => {
      let b = s.name.endsWith('.zip') ? journalOf(s.bytes) : s.bytes;
      for (let k = 0, m = 1 + Math.floor(rand() * 3); k < m; k++) b = jsonMutation(rand, b, k === m - 1);
      return rezip(s.name, b);
    });
    for (const c of ['ok', 'wrong_format', 'wrong_version', 'other_dataset', 'no_change_list', 'unknown_cluster', 'bad_record:too_deep', 'bad_record:coordinates_range', 'bad_record:new_cluster_nested']) {
      expect(codes.get(c), c).toBeGreaterThan(0);
    }
  });
});
