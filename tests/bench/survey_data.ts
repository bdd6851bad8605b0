/**
 * The synthetic survey Shapefile of `npm run bench:survey`: parcels surveyed in VN-2000 TM-3
 * 105°00′ (EPSG:5897, as ex-Hà Nam and ex-Ninh Bình files come), spread over the merged province,
 * written by GDAL (`ogr2ogr -f "ESRI Shapefile" -a_srs EPSG:5897`, so the .prj is GDAL's own text)
 * and zipped with fflate as a planner would send it. Made at bench time into tests/bench/out/survey/
 * (git-ignored), never committed; reused while its parameters are unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mulberry32 } from '../../src/geo/synth/seeded_random';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

const ROOT = resolve(import.meta.dirname, '../..');
export const SURVEY_DIR = join(ROOT, 'tests/bench/out/survey');
const OUTLINE = join(ROOT, 'geodata/boundaries/province.geojson');

/**
 * VN-2000 TM-3 105°00′ written out here (not taken from src/geo/io/survey/crs.ts, the code under
 * test): Transverse Mercator on WGS 84's ellipsoid, k 0.9999, false easting 500 km, with the
 * EPSG:6960 shift. Used only to place the parcels; GDAL's .prj and PROJ's own transformation
 * are what ogr2ogr then uses.
 */
const TM3_105 = '+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

/** What was generated. */
export interface SurveyShapefile {
  /** The zip a planner would import (.shp, .shx, .dbf, .prj, .cpg). */
  zip: string;
  /** The unzipped .shp (ogr2ogr's input). */
  shp: string;
  polygons: number;
  vertices: number;
  /** Bytes of each part and of the zip. */
  bytes: { shp: number; shx: number; dbf: number; prj: number; cpg: number; unzipped: number; zip: number };
  prj: string;
  seed: number;
}

const COMMUNES = ['Đồng Văn', 'Hòa Mạc', 'Kiện Khê', 'Ý Yên', 'Nghĩa Hưng', 'Gia Viễn', 'Yên Mô', 'Kim Sơn', 'Thanh Liêm', 'Bình Lục', 'Xuân Trường', 'Hải Hậu'];

/**
 * Parcels as a GeoJSON FeatureCollection text in TM-3 105° metres (x easting, y northing, mm):
 * star-shaped rings (one vertex per equal sector, jittered; radius 75–100 % of a base radius), so
 * every ring is simple, as the import requires; 8–40 distinct vertices each; base areas of 10–75 ha, like an
 * industrial cluster; centres uniform inside the province outline, each parcel inside it whole.
 */
function parcelsGeoJSON(n: number, seed: number): { text: string; vertices: number } {
  const outline = (JSON.parse(readFileSync(OUTLINE, 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] }).features;
  const [w, s, e, nn] = bbox({ type: 'FeatureCollection', features: outline });
  const inside = (p: [number, number]) => outline.some((o) => booleanPointInPolygon(p, o));
  const toTm = proj4('WGS84', TM3_105);
  const toLl = proj4(TM3_105, 'WGS84');
  const rand = mulberry32(seed);
  const parts: string[] = [];
  let vertices = 0;
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  while (parts.length < n) {
    const c: [number, number] = [w + rand() * (e - w), s + rand() * (nn - s)];
    if (!inside(c)) continue;
    const [cx, cy] = toTm.forward(c);
    const ha = 10 + rand() * 65;
    const radius = Math.sqrt((ha * 10_000) / Math.PI);
    const k = 8 + Math.floor(rand() * 33);
    // One vertex per sector of 360°/k, jittered: every gap between angles is under 180°, so the
    // ring is star-shaped around its centre and cannot cross itself.
    const phase = rand() * 2 * Math.PI;
    const angles = Array.from({ length: k }, (_, j) => phase + ((j + 0.1 + 0.8 * rand()) * 2 * Math.PI) / k);
    const ring = angles.map((a) => {
      const r = radius * (0.75 + 0.25 * rand());
      return [r3(cx! + r * Math.cos(a)), r3(cy! + r * Math.sin(a))] as [number, number];
    });
    if (!ring.every((p) => inside(toLl.forward(p) as [number, number]))) continue;
    ring.push(ring[0]!);
    vertices += k;
    const i = parts.length + 1;
    const props = { ma: `KS-${String(i).padStart(6, '0')}`, ten: `Thửa ${i} · ${COMMUNES[i % COMMUNES.length]}`, dien_tich: Math.round(ha * 10_000 * 10) / 10, ngay_do: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` };
    parts.push(JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } }));
  }
  return { text: `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`, vertices };
}

/** Whether GDAL's ogr2ogr runs here; its version line, or null. */
export function gdalVersion(): string | null {
  try {
    return execFileSync('ogr2ogr', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * Makes (or reuses) the synthetic survey Shapefile. Needs ogr2ogr; returns null without it.
 *
 * @param polygons - how many parcels
 * @param seed - PRNG seed
 * @returns paths and sizes, or null when GDAL is missing
 */
export function surveyShapefile(polygons: number, seed: number): SurveyShapefile | null {
  const stem = `parcels_${polygons}_${seed}`;
  const dir = join(SURVEY_DIR, stem);
  const meta = join(dir, 'meta.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as SurveyShapefile;
  if (!gdalVersion()) return null;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { text, vertices } = parcelsGeoJSON(polygons, seed);
  const src = join(dir, `${stem}_tm3.geojson`);
  writeFileSync(src, text);
  const shp = join(dir, `${stem}.shp`);
  // RESIZE: text fields as wide as their longest value (GDAL's default for GeoJSON strings is 80 characters).
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-a_srs', 'EPSG:5897', '-lco', 'ENCODING=UTF-8', '-lco', 'RESIZE=YES', '-nlt', 'POLYGON', shp, src], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(src);
  const part = (ext: string) => join(dir, `${stem}.${ext}`);
  const files = Object.fromEntries(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => [`${stem}.${ext}`, new Uint8Array(readFileSync(part(ext)))]));
  const zip = join(dir, `${stem}.zip`);
  writeFileSync(zip, zipSync(files, { level: 6, mtime: new Date('2025-07-01T00:00:00Z') }));
  const size = (ext: string) => statSync(part(ext)).size;
  const bytes = { shp: size('shp'), shx: size('shx'), dbf: size('dbf'), prj: size('prj'), cpg: size('cpg'), unzipped: 0, zip: statSync(zip).size };
  bytes.unzipped = bytes.shp + bytes.shx + bytes.dbf + bytes.prj + bytes.cpg;
  const out: SurveyShapefile = { zip, shp, polygons, vertices, bytes, prj: readFileSync(part('prj'), 'utf8').trim(), seed };
  writeFileSync(meta, JSON.stringify(out, null, 1));
  return out;
}

/** The same parcels as several layers of one zip. */
export interface SplitShapefile {
  zip: string;
  layers: number;
  perLayer: number;
  bytes: { unzipped: number; zip: number };
}

/**
 * The same parcels cut into `layers` Shapefiles of consecutive records (`ogr2ogr -where "FID …"`,
 * each with the same .prj), zipped together: a zip the import reads as one survey (it takes
 * every layer whose .prj matches the first's), with fewer features per layer.
 *
 * @param file - the single-layer Shapefile
 * @param layers - how many layers
 * @returns the zip and its sizes (reused while present)
 */
export function splitShapefile(file: SurveyShapefile, layers: number): SplitShapefile {
  const dir = join(SURVEY_DIR, `parcels_${file.polygons}_${file.seed}_x${layers}`);
  const meta = join(dir, 'meta.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as SplitShapefile;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(file.polygons / layers);
  const files: Record<string, Uint8Array> = {};
  let unzipped = 0;
  for (let i = 0; i < layers; i++) {
    const name = `parcels_${String.fromCharCode(97 + i)}`;
    const shp = join(dir, `${name}.shp`);
    execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-lco', 'RESIZE=YES', '-where', `FID >= ${i * per} AND FID < ${(i + 1) * per}`, shp, file.shp], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) {
      const b = new Uint8Array(readFileSync(join(dir, `${name}.${ext}`)));
      files[`${name}.${ext}`] = b;
      unzipped += b.length;
    }
  }
  const prjs = new Set(Object.entries(files).filter(([k]) => k.endsWith('.prj')).map(([, v]) => Buffer.from(v).toString('utf8').trim()));
  if (prjs.size !== 1 || ![...prjs][0]!.startsWith(file.prj)) throw new Error(`Expected every layer's .prj to be the original's, got ${[...prjs].join(' / ')}`);
  const zip = join(dir, `parcels_${file.polygons}_${file.seed}_x${layers}.zip`);
  writeFileSync(zip, zipSync(files, { level: 6, mtime: new Date('2025-07-01T00:00:00Z') }));
  const out: SplitShapefile = { zip, layers, perLayer: per, bytes: { unzipped, zip: statSync(zip).size } };
  writeFileSync(meta, JSON.stringify(out, null, 1));
  return out;
}
