/**
 * CLI gate: validates the shipped geodata files; prints one line per error
 * (file › feature id › field: reason) and exits non-zero when any error is found.
 *
 * Run: npm run validate  [-- <dir>]   (default: geodata/)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GEODATA, readCsv } from './common';
import { formatError, validateClusters, validateVillages, validateZones, type ValidationError } from '../../src/geo/dataset/validate_dataset';

const dir = process.argv[2] ? resolve(process.argv[2]) : GEODATA;
const read = (p: string): unknown => JSON.parse(readFileSync(resolve(dir, p), 'utf8'));

const provinceOutline = read('boundaries/province.geojson');
// Publication dates of the sources, where known (sources/source_dates.csv says how each was found).
const release = { sourceDates: new Map(readCsv(resolve(GEODATA, 'sources/source_dates.csv')).map((r) => [r.url ?? '', r.date ?? ''])) };
const errors: ValidationError[] = [
  ...validateClusters(read('clusters.geojson'), { fileName: 'clusters.geojson', provinceOutline, release }),
  ...validateZones(read('industrial_zones.geojson'), { fileName: 'industrial_zones.geojson', provinceOutline, release }),
  ...validateVillages(read('craft_villages.geojson'), { fileName: 'craft_villages.geojson', provinceOutline, release }),
];
const exFc = read('boundaries/ex_provinces.geojson') as { features?: { properties?: { id?: string; name?: string } }[] };
const exIds = (exFc.features ?? []).map((f) => `${f.properties?.id}=${f.properties?.name}`).sort().join(',');
if (exIds !== 'ha-nam=Hà Nam,nam-dinh=Nam Định,ninh-binh=Ninh Bình') {
  errors.push({ file: 'boundaries/ex_provinces.geojson', id: null, field: 'properties', reason: `must hold the 3 ex-provinces with id/name ha-nam/Hà Nam, nam-dinh/Nam Định, ninh-binh/Ninh Bình; got ${exIds}` });
}
for (const e of errors) console.error(formatError(e));
if (errors.length > 0) {
  console.error(`\n${errors.length} error(s).`);
  process.exit(1);
}
console.log(`geodata OK (${dir})`);
