/**
 * Turf-style fixtures: each `tests/fixtures/proximity/in/<name>.geojson` holds
 * features tagged `role` (cluster, zone, village, query) and `id`, and the
 * question in the collection's `properties`; the expected answer is
 * `out/<name>.json`. `REGEN=1 npx vitest run tests/unit/proximity_fixtures.test.ts`
 * rewrites the outputs — review the diff by hand.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { answerQuestion } from '../../../src/geo/proximity/proximity_answer';
import { buildProximityIndex } from '../../../src/geo/proximity/proximity_index';
import type { ProximityQuestion } from '../../../src/geo/proximity/proximity_protocol';
import * as ref from '../../../src/geo/proximity/proximity_reference';
import type { ProximityData } from '../../../src/geo/proximity/proximity_types';
import { deepFreeze } from '../helpers/deep_freeze';
import { makeCluster, makeVillage, makeZone } from '../helpers/proximity_shapes';

const DIR = join(__dirname, '../../fixtures/proximity');
type Tagged = Feature<Point | Polygon | MultiPolygon, { role: string; id: string }>;
type Fixture = FeatureCollection<Point | Polygon | MultiPolygon, { role: string; id: string }> & { properties: { question: ProximityQuestion } };

function load(name: string): { data: ProximityData; question: ProximityQuestion } {
  const fc = JSON.parse(readFileSync(join(DIR, 'in', name), 'utf8')) as Fixture;
  const of = (role: string): Tagged[] => fc.features.filter((f) => f.properties.role === role);
  const data = {
    clusters: of('cluster').map((f) => makeCluster(f.properties.id, f.geometry)),
    zones: of('zone').map((f) => makeZone(f.properties.id, f.geometry)),
    villages: of('village').map((f) => makeVillage(f.properties.id, f.geometry as Point)),
  };
  const query = of('query')[0];
  const q = fc.properties.question;
  const question = q.kind === 'clustersNearPolygon' ? { ...q, polygon: query!.geometry as Polygon } : q;
  return deepFreeze({ data, question });
}

function reference(data: ProximityData, q: ProximityQuestion): unknown {
  switch (q.kind) {
    case 'nearestZones':
      return { kind: q.kind, matches: ref.nearestZoneReference(data) };
    case 'nearestClusters':
      return { kind: q.kind, matches: ref.nearestClusterReference(data) };
    case 'satellites':
      return { ...q, clusters: ref.satellitesReference(data, q.zoneId, q.km) };
    case 'allSatellites':
      return { ...q, groups: ref.satellitesOfAllReference(data, q.km) };
    case 'villagesNearCluster':
      return { ...q, villages: ref.villagesNearClusterReference(data, q.clusterId, q.km) };
    case 'clustersNearPolygon':
      return { kind: q.kind, km: q.km, clusters: ref.clustersNearPolygonReference(data, q.polygon, q.km) };
  }
}

// Distances rounded to 0.1 mm keep the expected files readable and stable.
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e7) / 1e7 : v)));
}

describe('proximity fixtures (in/*.geojson → out/*.json)', () => {
  for (const name of readdirSync(join(DIR, 'in')).filter((n) => n.endsWith('.geojson'))) {
    it(name, () => {
      const { data, question } = load(name);
      const answer = rounded(answerQuestion(buildProximityIndex(data), question));
      expect(answer).toEqual(rounded(reference(data, question)));
      const out = join(DIR, 'out', name.replace(/\.geojson$/, '.json'));
      if (process.env.REGEN) writeFileSync(out, `${JSON.stringify(answer, null, 2)}\n`);
      expect(answer).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
