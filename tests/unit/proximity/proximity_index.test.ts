import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { answerQuestion } from '../../../src/geo/proximity/proximity_answer';
import { buildProximityIndex } from '../../../src/geo/proximity/proximity_index';
import type { ProximityQuestion } from '../../../src/geo/proximity/proximity_protocol';
import * as ref from '../../../src/geo/proximity/proximity_reference';
import { mulberry32 } from '../../../src/geo/synth/seeded_random';
import type { NearestMatch, Neighbour, ProximityData } from '../../../src/geo/proximity/proximity_types';
import { deepFreeze } from '../helpers/deep_freeze';
import { makeCluster, makeZone, randomData, rectRing } from '../helpers/proximity_shapes';

const ONE_M_KM = 1e-3;
const PROVINCE = [105.54, 19.89, 106.6, 20.71];
// A 0.1° corner of the province: features crowd, so many touch or overlap.
const CROWDED = [105.9, 20.2, 106.0, 20.3];

function expectSameNeighbours(actual: readonly Neighbour[], expected: readonly Neighbour[]): void {
  expect(actual.map((n) => n.id)).toEqual(expected.map((n) => n.id));
  actual.forEach((n, i) => expect(Math.abs(n.distanceKm - expected[i]!.distanceKm)).toBeLessThan(ONE_M_KM));
}

function expectSameMatches(actual: readonly NearestMatch[], expected: readonly NearestMatch[]): void {
  expect(actual.map((m) => [m.id, m.nearestId])).toEqual(expected.map((m) => [m.id, m.nearestId]));
  actual.forEach((m, i) => expect(Math.abs((m.distanceKm ?? -1) - (expected[i]!.distanceKm ?? -1))).toBeLessThan(ONE_M_KM));
}

function checkAll(data: ProximityData, seed: number): void {
  const index = buildProximityIndex(data);
  const rand = mulberry32(seed + 1000);
  expectSameMatches(index.nearestZones(), ref.nearestZoneReference(data));
  expectSameMatches(index.nearestClusters(), ref.nearestClusterReference(data));
  for (const km of [0, 0.5, 3]) {
    const groups = index.allSatellites(km);
    const expected = ref.satellitesOfAllReference(data, km);
    expect(groups.map((g) => g.zoneId)).toEqual(expected.map((g) => g.zoneId));
    groups.forEach((g, i) => expectSameNeighbours(g.clusters, expected[i]!.clusters));
    for (const c of data.clusters.slice(0, 8)) {
      expectSameNeighbours(index.villagesNearCluster(c.properties.id, km), ref.villagesNearClusterReference(data, c.properties.id, km));
    }
    const [x0, y0, x1, y1] = data.clusters[0]?.geometry.type === 'Point' ? CROWDED : PROVINCE;
    const w = x0! + rand() * (x1! - x0!);
    const s = y0! + rand() * (y1! - y0!);
    const drawn: Polygon = { type: 'Polygon', coordinates: [rectRing(w, s, w + 0.05 + rand() * 0.2, s + 0.05 + rand() * 0.2)] };
    expectSameNeighbours(index.clustersNearPolygon(drawn, km), ref.clustersNearPolygonReference(data, drawn, km));
  }
}

describe('ProximityIndex matches the Turf reference loops (seeded random data)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees across the province, seed ${seed}`, () => {
      checkAll(deepFreeze(randomData(seed, { clusters: 45, zones: 10, villages: 120 })), seed);
    });
  }
  for (const seed of [11, 12, 13, 14, 15]) {
    it(`agrees when crowded (touching, overlapping), seed ${seed}`, () => {
      const data = deepFreeze(randomData(seed, { clusters: 40, zones: 8, villages: 120 }, CROWDED));
      const zeros = buildProximityIndex(data).nearestZones().filter((m) => m.distanceKm === 0);
      expect(zeros.length).toBeGreaterThan(0);
      checkAll(data, seed);
    });
  }
  it('agrees when clusters and zones are far apart (other ends of the province)', () => {
    const west = randomData(21, { clusters: 30, zones: 0, villages: 50 }, [105.54, 19.89, 105.7, 20.0]);
    const east = randomData(22, { clusters: 0, zones: 6, villages: 50 }, [106.45, 20.6, 106.6, 20.71]);
    const data = deepFreeze({ clusters: west.clusters, zones: east.zones, villages: [...west.villages, ...east.villages.map((v) => ({ ...v, properties: { ...v.properties, id: `e${v.properties.id}` } }))] });
    const matches = buildProximityIndex(data).nearestZones();
    expect(Math.min(...matches.map((m) => m.distanceKm ?? 0))).toBeGreaterThan(50);
    checkAll(data, 21);
  });
});

describe('ProximityIndex: edge cases and input checks', () => {
  it('answers with nulls and empty lists when a set is empty', () => {
    const data = deepFreeze(randomData(7, { clusters: 3, zones: 0, villages: 0 }));
    const index = buildProximityIndex(data);
    expect(index.nearestZones().map((m) => m.nearestId)).toEqual([null, null, null]);
    expect(index.villagesNearCluster('c0000', 5)).toEqual([]);
    expect(buildProximityIndex({ clusters: [], zones: [], villages: [] }).nearestClusters()).toEqual([]);
  });

  it('breaks distance ties by id', () => {
    const sq = (west: number): Polygon => ({ type: 'Polygon', coordinates: [rectRing(west, 20, west + 0.01, 20.01)] });
    const zone = makeZone('z', sq(106.01));
    const tied = deepFreeze({ clusters: [makeCluster('b', sq(106.02)), makeCluster('a', sq(106))], zones: [zone], villages: [] });
    expect(buildProximityIndex(tied).satellites('z', 0)).toEqual([{ id: 'a', distanceKm: 0 }, { id: 'b', distanceKm: 0 }]);
    expect(buildProximityIndex({ ...tied, zones: [zone, makeZone('y', sq(106.03))] }).nearestZones()).toEqual([
      { id: 'a', nearestId: 'z', distanceKm: 0 },
      { id: 'b', nearestId: 'y', distanceKm: 0 },
    ]);
  });

  it('rejects bad input with precise messages', () => {
    const data = randomData(6, { clusters: 2, zones: 1, villages: 1 });
    const index = buildProximityIndex(data);
    expect(() => index.satellites('nope', 1)).toThrow('Expected a zone id present in the data, got "nope"');
    expect(() => index.villagesNearCluster('c0000', -1)).toThrow('Expected km to be a finite number of kilometres >= 0, got -1');
    expect(() => index.allSatellites(Number.NaN)).toThrow('got NaN');
    const dup = { ...data, clusters: [data.clusters[0]!, data.clusters[0]!] };
    expect(() => buildProximityIndex(dup)).toThrow('Expected unique cluster ids, got "c0000" at 0 and 1');
    const noId = { ...data, zones: [{ ...data.zones[0]!, properties: { ...data.zones[0]!.properties, id: '' } }] };
    expect(() => buildProximityIndex(noId)).toThrow('Expected zone 0 to have a non-empty string properties.id, got ""');
  });

  it('answers every question kind like the reference', () => {
    const data = deepFreeze(randomData(31, { clusters: 30, zones: 5, villages: 80 }));
    const index = buildProximityIndex(data);
    const zoneId = data.zones[0]!.properties.id;
    const clusterId = data.clusters[0]!.properties.id;
    const polygon: Polygon = { type: 'Polygon', coordinates: [rectRing(105.8, 20.1, 106.2, 20.4)] };
    const cases: [ProximityQuestion, unknown][] = [
      [{ kind: 'nearestZones' }, { kind: 'nearestZones', matches: ref.nearestZoneReference(data) }],
      [{ kind: 'nearestClusters' }, { kind: 'nearestClusters', matches: ref.nearestClusterReference(data) }],
      [{ kind: 'satellites', zoneId, km: 4 }, { kind: 'satellites', zoneId, km: 4, clusters: ref.satellitesReference(data, zoneId, 4) }],
      [{ kind: 'allSatellites', km: 4 }, { kind: 'allSatellites', km: 4, groups: ref.satellitesOfAllReference(data, 4) }],
      [{ kind: 'villagesNearCluster', clusterId, km: 6 }, { kind: 'villagesNearCluster', clusterId, km: 6, villages: ref.villagesNearClusterReference(data, clusterId, 6) }],
      [{ kind: 'clustersNearPolygon', polygon, km: 0 }, { kind: 'clustersNearPolygon', km: 0, clusters: ref.clustersNearPolygonReference(data, polygon, 0) }],
    ];
    for (const [question, expected] of cases) expect(answerQuestion(index, question)).toEqual(expected);
  });
});
