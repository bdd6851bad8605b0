/**
 * Synthetic cluster files for the browser benchmark that pass the app's loader validation:
 * polygons from `synthClusters`, kept only when every vertex lies inside the real province
 * outline (geodata/boundaries/province.geojson), coordinates rounded to 6 decimals (the
 * validator's limit), ids renumbered. Cached in tests/bench/out/browser-data/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { synthClusters } from '../../../src/geo/synth/synth';
import { clusterTiles } from '../../../src/geo/tiles/cluster_tiles';
import type { ClusterCollection } from '../../../src/geo/types';

const ROOT = resolve(import.meta.dirname, '../../..');
export const DATA_DIR = join(ROOT, 'tests/bench/out/browser-data');
const OUTLINE = join(ROOT, 'geodata/boundaries/province.geojson');

/** The real data files the app loads besides clusters (served unchanged). */
export const REAL_FILES: Record<string, string> = {
  'industrial_zones.geojson': join(ROOT, 'geodata/industrial_zones.geojson'),
  'craft_villages.geojson': join(ROOT, 'geodata/craft_villages.geojson'),
  'ex_provinces.geojson': join(ROOT, 'geodata/boundaries/ex_provinces.geojson'),
  'province.geojson': OUTLINE,
  'reported_figures.json': join(ROOT, 'geodata/reported_figures.json'),
};

function outline(): Feature<Polygon | MultiPolygon>[] {
  const fc = JSON.parse(readFileSync(OUTLINE, 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
  return fc.features;
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * `n` synthetic clusters inside the province, as the text of clusters.geojson (cached).
 *
 * @param n - how many clusters
 * @returns path of the file
 */
export function clustersFile(n: number): string {
  const path = join(DATA_DIR, `clusters-${n}.geojson`);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  const polys = outline();
  const inside = (p: Position) => polys.some((o) => booleanPointInPolygon(p, o));
  const kept: ClusterCollection['features'] = [];
  for (let seed = 11; kept.length < n; seed++) {
    // the outline fills about half its bounding box
    for (const f of synthClusters(Math.ceil((n - kept.length) * 2.4) + 10, seed).features) {
      const g = f.geometry as Polygon;
      const ring = g.coordinates[0]!.map(([x, y]) => [r6(x!), r6(y!)]);
      if (!ring.every(inside)) continue;
      const id = `syn-ccn-${String(kept.length + 1).padStart(6, '0')}`;
      kept.push({ ...f, geometry: { type: 'Polygon', coordinates: [ring] }, properties: { ...f.properties, id, name: `CCN Tổng hợp ${kept.length + 1}` } });
      if (kept.length === n) break;
    }
  }
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: kept }));
  return path;
}

/**
 * The cluster tiles the app's build cuts from clusters.geojson, for `n` synthetic clusters
 * (cached; a tile with no clusters is not written, as in the build).
 *
 * @param n - how many clusters
 * @returns the directory holding {z}/{x}/{y}.pbf
 */
export function tilesDir(n: number): string {
  const dir = join(DATA_DIR, `tiles-${n}`);
  const done = join(dir, 'complete');
  if (existsSync(done)) return dir;
  for (const t of clusterTiles(JSON.parse(readFileSync(clustersFile(n), 'utf8')) as ClusterCollection)) {
    mkdirSync(join(dir, String(t.z), String(t.x)), { recursive: true });
    writeFileSync(join(dir, String(t.z), String(t.x), `${t.y}.pbf`), t.bytes);
  }
  writeFileSync(done, '');
  return dir;
}
