/**
 * Restoring the edit journal at start: what the app does after reading IndexedDB, i.e. check
 * every stored record (`checkRecord`: storage is never trusted) and apply the valid ones over
 * the bundled clusters (`applyJournal`). Compared in the same run with the start without a
 * journal (the same two steps on an empty list). Median of several runs after warm-up runs.
 */
import os from 'node:os';
import { applyJournal } from '../../src/geo/edit/apply_journal';
import { checkRecord, type JournalRecord } from '../../src/geo/edit/change';
import { synthJournal } from '../../src/geo/edit/synth_journal';
import type { ClusterCollection } from '../../src/geo/types';
import { markdownTable } from './markdown_section';

/** One measured data set. */
export interface JournalBenchRow {
  data: string;
  clusters: number;
  records: number;
  /** Fact changes, footprints, reverts, new clusters in the journal. */
  mix: { facts: number; footprints: number; reverts: number; features: number };
  /** Median ms of check + apply with no journal. */
  baselineMs: number;
  /** Median ms of checking every record. */
  checkMs: number;
  /** Median ms of applyJournal on the checked records. */
  applyMs: number;
  /** Median ms of both, timed together. */
  totalMs: number;
  /** Every measured total (ms), in run order. */
  samples: number[];
  /** JSON.parse of the clusters file, for scale: the app pays it at every start anyway. */
  parseClustersMs: number;
  edited: number;
  problems: number;
}

/** The start's restore step: check the stored records, apply the valid ones. */
function restore(base: ClusterCollection, stored: readonly unknown[]) {
  const records: JournalRecord[] = [];
  for (const s of stored) {
    const c = checkRecord(s);
    if (c.ok) records.push(c.record);
  }
  return applyJournal(base, records);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timeIt(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Measures restoring a synthetic journal of `n` records over `base`.
 *
 * @param label - data set name for the table
 * @param base - the bundled clusters
 * @param clustersText - the clusters file's text (its JSON.parse is timed for scale)
 * @param n - journal length
 * @param runs - measured runs (median), after `warmup` unmeasured ones
 */
export function benchJournal(label: string, base: ClusterCollection, clustersText: string, n = 10_000, runs = 9, warmup = 3): JournalBenchRow {
  const journal = synthJournal(base, n, 20261201);
  // What IndexedDB hands back: structured clones, not the objects that were stored.
  const stored: unknown[] = structuredClone(journal);
  const mix = { facts: 0, footprints: 0, reverts: 0, features: 0 };
  for (const r of journal) {
    if (r.kind === 'revert') mix.reverts++;
    else if (r.kind === 'proposal') continue;
    else if (r.field === 'geometry') mix.footprints++;
    else if (r.field === 'feature') mix.features++;
    else mix.facts++;
  }
  for (let i = 0; i < warmup; i++) {
    restore(base, stored);
    restore(base, []);
  }
  const total: number[] = [];
  const baseline: number[] = [];
  const check: number[] = [];
  const apply: number[] = [];
  const parse: number[] = [];
  let last = restore(base, stored);
  for (let i = 0; i < runs; i++) {
    // Alternate the variants so drift on a shared machine hits both alike.
    baseline.push(timeIt(() => restore(base, [])));
    total.push(timeIt(() => (last = restore(base, stored))));
    let checked: JournalRecord[] = [];
    check.push(timeIt(() => (checked = stored.map(checkRecord).flatMap((c) => (c.ok ? [c.record] : [])))));
    apply.push(timeIt(() => applyJournal(base, checked)));
    parse.push(timeIt(() => JSON.parse(clustersText)));
  }
  return {
    data: label, clusters: base.features.length, records: n, mix,
    baselineMs: median(baseline), checkMs: median(check), applyMs: median(apply), totalMs: median(total), samples: total,
    parseClustersMs: median(parse), edited: last.edited.size, problems: last.problems.length,
  };
}

const fmt = (ms: number): string => (ms >= 100 ? Math.round(ms).toLocaleString('en') : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2));

/** The "Journal restore (Node)" section of BENCHMARKS.md. */
export function journalSection(rows: readonly JournalBenchRow[], runs: number, warmup: number, goalMs = 300): string {
  const cpus = os.cpus();
  const table = markdownTable(
    ['data', 'records (facts / footprints / reverts / new clusters)', 'no journal (ms)', 'checkRecord, all (ms)', 'applyJournal (ms)', 'check + apply (ms)', 'slowest run (ms)', `≤ ${goalMs} ms`, 'clusters edited', 'JSON.parse of the clusters file (ms)'],
    rows.map((r) => [
      `${r.data} (${r.clusters.toLocaleString('en')} clusters)`,
      `${r.records.toLocaleString('en')} (${r.mix.facts.toLocaleString('en')} / ${r.mix.footprints.toLocaleString('en')} / ${r.mix.reverts} / ${r.mix.features})`,
      fmt(r.baselineMs), fmt(r.checkMs), fmt(r.applyMs), fmt(r.totalMs), fmt(Math.max(...r.samples)),
      r.totalMs <= goalMs ? 'pass' : '**FAIL**', r.edited.toLocaleString('en'), fmt(r.parseClustersMs),
    ]),
  );
  return `## Journal restore (Node)

${new Date().toISOString().slice(0, 10)} · ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} · Node ${process.version} · \`npm run bench\` (tests/bench/journal_bench.ts), 1-min load average ${(os.loadavg()[0] ?? 0).toFixed(1)}.

What the app does at start once IndexedDB has handed back the journal: \`checkRecord\` on every stored record (storage is never trusted; the records are structured clones, as IndexedDB returns them), then \`applyJournal\` of the valid ones over the bundled clusters. The journal is \`synthJournal\` (src/geo/edit/synth_journal.ts, seed 20261201): 10,000 records, about 70 % fact changes (all eleven editable fields), 25 % footprints of 5–40 vertices (traced or surveyed), 4 % reverts (some switching a change back on) and 1 % new clusters that later records edit; a fifth of the changes cite a source of their own, the rest one of four shared ones (each new source grows a cluster's \`sources\`). *No journal* = the same two steps on an empty list, in the same run (the baseline). Median of ${runs} runs after ${warmup} warm-up runs, variants alternating; the total is timed on its own, so it need not equal the sum of the two columns. Goal: check + apply ≤ 300 ms. The last column puts it in scale: parsing the clusters file, which every start does anyway.

${table}
`;
}
