/**
 * The 2025 communes and wards for the map: the gazetteer's full-resolution polygons, overlaps
 * and gaps between neighbours cleaned and simplified by mapshaper on shared arcs (neighbours keep
 * one common border), with a label point inside each.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import mapshaper from 'mapshaper';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { GAZETTEER_DIR } from './common';
import type { CommuneProps } from '../../src/geo/dataset/commune_at';

/** Vertices closer than this to the line through their neighbours go (m): borders stay within it. */
export const SIMPLIFY_INTERVAL_M = 25;

export const COMMUNES_ATTRIBUTION =
  'Ranh giới xã/phường 2025 / administrative boundaries 2025: vietnamese-provinces-database (MIT © 2021 Thang Le Quoc), derived from sapnhap.bando.com.vn';

export interface Communes2025 {
  polygons: FeatureCollection<Polygon | MultiPolygon, CommuneProps>;
  labels: FeatureCollection<Point, CommuneProps>;
  hash: string;
}

interface RawProps {
  code: string | number;
  full_name: string;
  kind: string;
}

/** Reads, cleans and simplifies the 129 polygons (deterministic for the same input). */
export async function buildCommunes2025(): Promise<Communes2025> {
  const path = resolve(GAZETTEER_DIR, 'communes_2025.geojson');
  const text = readFileSync(path, 'utf8');
  const raw = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon, RawProps>;
  const input = {
    type: 'FeatureCollection',
    features: raw.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { code: String(f.properties.code), name: f.properties.full_name.normalize('NFC'), kind: f.properties.kind === 'phường' ? 'phường' : 'xã' },
    })),
  };
  const out = await mapshaper.applyCommands(
    [
      '-i communes.json',
      // overlaps go to one neighbour and slivers between them are filled, so the borders are shared arcs
      '-clean gap-fill-area=20000m2',
      `-simplify interval=${SIMPLIFY_INTERVAL_M} keep-shapes`,
      '-o communes.json format=geojson precision=0.00001',
      '-points inner + name=labels',
      '-o labels.json format=geojson precision=0.00001',
    ].join(' '),
    { 'communes.json': input },
  );
  const polygons = JSON.parse(String(out['communes.json'])) as Communes2025['polygons'];
  const labels = JSON.parse(String(out['labels.json'])) as Communes2025['labels'];
  if (polygons.features.length !== raw.features.length) throw new Error(`communes_2025: ${raw.features.length} polygons in, ${polygons.features.length} out`);
  const byCode = (a: Feature<Polygon | MultiPolygon | Point, CommuneProps>, b: Feature<Polygon | MultiPolygon | Point, CommuneProps>) => a.properties.code.localeCompare(b.properties.code);
  polygons.features.sort(byCode);
  labels.features.sort(byCode);
  return { polygons, labels, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}
