/**
 * Access to the reference gazetteer (censusVN2009 communes, MIT, 2009 boundaries) for the build.
 * The gazetteer itself is not in the repo; only positions and dissolved outlines derived from it are.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GAZETTEER_DIR, readCsv } from './common';
import type { AdminUnitRecord } from '../../src/geo/dataset/match_commune';

/** One 2009 commune with its centroid and 2025 crosswalk. */
export interface CommuneRec extends AdminUnitRecord {
  commune_id: string;
  lon: number;
  lat: number;
  /** 2025 commune ("A | B" when split), '' when the crosswalk gives none. */
  new_commune: string;
  /** GSO code of the pre-reform unit it was matched to ('' when none). */
  old_code: string;
}

export interface Gazetteer {
  communes: CommuneRec[];
  polygons: Map<string, Feature<Polygon | MultiPolygon>>;
  /** sha256 of the input files, to record which gazetteer version built the data. */
  hashes: Record<string, string>;
}

/** Load the commune table and polygons from GAZETTEER_DIR. */
export function loadGazetteer(): Gazetteer {
  const csvPath = resolve(GAZETTEER_DIR, 'communes_old.csv');
  const gjPath = resolve(GAZETTEER_DIR, 'communes_old.geojson');
  const communes: CommuneRec[] = readCsv(csvPath).map((r) => ({
    province: r.province ?? '',
    district: r.district ?? '',
    commune: r.commune ?? '',
    commune_id: r.commune_id ?? '',
    lon: Number(r.centroid_lon),
    lat: Number(r.centroid_lat),
    new_commune: r.new_commune_2025 ?? '',
    old_code: /#(\d+)\s*$/.exec(r.match_2025_03 ?? '')?.[1] ?? '',
  }));
  const gjText = readFileSync(gjPath, 'utf8');
  const fc = JSON.parse(gjText) as FeatureCollection<Polygon | MultiPolygon, { commune_id: number }>;
  const polygons = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of fc.features) polygons.set(String(f.properties.commune_id), f);
  const h = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
  return {
    communes,
    polygons,
    hashes: { 'communes_old.csv': h(readFileSync(csvPath, 'utf8')), 'communes_old.geojson': h(gjText) },
  };
}
