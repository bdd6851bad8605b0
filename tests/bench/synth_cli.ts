/**
 * Write synthetic data as GeoJSON, for benchmarks (Node or browser).
 *
 *   npm run synth -- --clusters 10000 --seed 1 --out tests/bench/out/clusters.geojson
 *   npm run synth -- --villages 50000 --seed 3 --out tests/bench/out/villages.geojson
 *   npm run synth -- --zones 500 --seed 2 --out tests/bench/out/zones.geojson
 *
 * Options: exactly one of --clusters/--zones/--villages <n>; --seed <int> (default 1);
 * --bbox minLon,minLat,maxLon,maxLat (default the province); --out <file> (default stdout).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { NINH_BINH_BBOX, synthClusters, synthVillages, synthZones } from '../../src/geo/synth/synth';

const KINDS = { clusters: synthClusters, zones: synthZones, villages: synthVillages } as const;

function integer(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`Expected --${name} to be an integer, got "${value}"`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      clusters: { type: 'string' },
      zones: { type: 'string' },
      villages: { type: 'string' },
      seed: { type: 'string', default: '1' },
      bbox: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const chosen = (Object.keys(KINDS) as (keyof typeof KINDS)[]).filter((k) => values[k] !== undefined);
  if (chosen.length !== 1) throw new Error(`Expected exactly one of --clusters, --zones, --villages, got ${chosen.length === 0 ? 'none' : chosen.map((k) => `--${k}`).join(', ')}`);
  const kind = chosen[0]!;
  const bbox = values.bbox ? values.bbox.split(',').map(Number) : [...NINH_BINH_BBOX];
  const collection = KINDS[kind](integer(kind, values[kind]!), integer('seed', values.seed), bbox);
  const text = JSON.stringify(collection);
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, text);
    process.stderr.write(`wrote ${collection.features.length} ${kind} to ${values.out}\n`);
  } else {
    process.stdout.write(`${text}\n`);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`synth: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
