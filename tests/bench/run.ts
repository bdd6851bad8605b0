/**
 * `npm run bench`: restoring the edit journal at start (tests/bench/journal_bench.ts, its own
 * "Journal restore (Node)" section), then proximity analysis, plain Turf loops against ProximityIndex,
 * on synthetic data (100 / 1,000 / 10,000 clusters × 50,000 villages × 500 KCN)
 * and on the real data when geodata/ has it. Writes the "Proximity (Node)"
 * section of BENCHMARKS.md and raw JSON to tests/bench/out/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { synthClusters, synthVillages, synthZones } from '../../src/geo/synth/synth';
import type { ProximityData } from '../../src/geo/proximity/proximity_types';
import type { ClusterCollection, VillageCollection, ZoneCollection } from '../../src/geo/types';
import { benchProximity } from './proximity_bench';
import type { BenchRow } from './proximity_bench';
import { markdownTable, replaceSection } from './markdown_section';
import { benchJournal, journalSection } from './journal_bench';

const SIZES = [100, 1000, 10000];
const VILLAGES = 50000;
const ZONES = 500;
const OUT_DIR = 'tests/bench/out';
const REAL = { clusters: 'geodata/clusters.geojson', zones: 'geodata/industrial_zones.geojson', villages: 'geodata/craft_villages.geojson' };

function synthetic(clusters: number, villages: number, zones: number): ProximityData {
  return { clusters: synthClusters(clusters, 1).features, zones: synthZones(zones, 2).features, villages: synthVillages(villages, 3).features };
}

function realData(): ProximityData | null {
  if (!Object.values(REAL).every((p) => existsSync(p))) return null;
  const read = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
  return {
    clusters: read<ClusterCollection>(REAL.clusters).features,
    zones: read<ZoneCollection>(REAL.zones).features,
    villages: read<VillageCollection>(REAL.villages).features,
  };
}

const fmtMs = (ms: number): string => (ms >= 100 ? Math.round(ms).toLocaleString('en') : ms.toFixed(1));
const fmtRatio = (r: number): string => `${r >= 100 ? Math.round(r).toLocaleString('en') : r.toFixed(1)}×`;

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// Journal restore first: it takes seconds and writes its own section (`-- --journal` stops after it).
{
  const runs = 11;
  const warmup = 3;
  const rows = [];
  if (existsSync(REAL.clusters)) {
    const text = readFileSync(REAL.clusters, 'utf8');
    log('journal restore: real clusters…');
    rows.push(benchJournal('real', JSON.parse(text) as ClusterCollection, text, 10_000, runs, warmup));
  }
  const synth = synthClusters(10_000, 1);
  const synthText = JSON.stringify(synth);
  log('journal restore: 10,000 synthetic clusters…');
  rows.push(benchJournal('synthetic', synth, synthText, 10_000, runs, warmup));
  const section = journalSection(rows, runs, warmup);
  const file = 'BENCHMARKS.md';
  writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '', 'journal', section));
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(`${OUT_DIR}/journal.json`, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
  log(section);
  if (process.argv.includes('--journal')) process.exit(0);
}

const loadAtStart = os.loadavg()[0] ?? 0;
const started = performance.now();
log('warm-up (200 clusters × 2,000 villages × 50 KCN)…');
benchProximity('warm-up', synthetic(200, 2000, 50));

const results: { label: string; rows: BenchRow[]; buildMs: number }[] = [];
const real = realData();
if (real) {
  const label = `real (${real.clusters.length} CCN × ${real.villages.length} villages × ${real.zones.length} KCN)`;
  log(label);
  results.push({ label, ...benchProximity(label, real) });
} else {
  log(`real data skipped: needs ${Object.values(REAL).join(', ')}`);
}
for (const n of SIZES) {
  const label = `synthetic ${n.toLocaleString('en')} CCN × 50,000 villages × 500 KCN`;
  log(label);
  const data = synthetic(n, VILLAGES, ZONES);
  results.push({ label, ...benchProximity(label, data) });
}
const totalS = (performance.now() - started) / 1000;

const rows = results.flatMap((r) =>
  r.rows.map((b) => [
    b.data,
    b.query,
    b.workload,
    `${b.sampled ? '~' : ''}${fmtMs(b.referenceMs)}`,
    b.sampled ? `sample: ${b.sample}, extrapolated` : 'all',
    fmtMs(b.indexedMs),
    fmtRatio(b.referenceMs / b.indexedMs),
    b.agrees ? 'yes' : '**NO**',
  ]),
);
const builds = results.map((r) => `${r.label}: ${fmtMs(r.buildMs)} ms`).join('; ');
const cpus = os.cpus();
const body = `## Proximity (Node)

${new Date().toISOString().slice(0, 10)} · ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} · Node ${process.version} · ${os.platform()} ${os.release()} · \`npm run bench\` (tests/bench/run.ts), whole run ${totalS.toFixed(0)} s, 1-min load average ${loadAtStart.toFixed(1)} at start / ${(os.loadavg()[0] ?? 0).toFixed(1)} at end (other work on the machine shows up in both columns).

*Reference* = the plain Turf loop over every pair (\`src/geo/proximity/proximity_reference.ts\`). *Indexed* = \`ProximityIndex\` (\`src/geo/proximity/proximity_index.ts\`: Flatbush over padded bounding boxes, KDBush/geokdbush over village points, candidates from boxes expanded conservatively per latitude, then refined to the same distances as Turf's \`featureDistance\`, with each polygon's segments made once and a vertex skipping the segments whose box is farther than its best so far), timed without the index build. Synthetic data from \`src/geo/synth/synth.ts\` (seeds 1, 2, 3; clusters 10–75 ha, KCN 100–500 ha, villages uniform over the province). One timed pass after a warm-up pass. Where the reference was too slow to run whole it ran on a seeded sample and its time is extrapolated linearly (\`~\`, × workload / sample); the last column says whether the indexed answer equals the reference's on that sample (same ids, distances within 1 m).

${markdownTable(['data', 'query', 'workload', 'reference (ms)', 'reference ran on', 'indexed (ms)', 'ratio', 'same answer'], rows)}

Index build (once per data set): ${builds}.
`;

const path = 'BENCHMARKS.md';
writeFileSync(path, replaceSection(existsSync(path) ? readFileSync(path, 'utf8') : '', 'proximity', body));
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(`${OUT_DIR}/proximity.json`, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus[0]?.model, cores: cpus.length, totalS, results }, null, 2));
log(body);
