import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/geo/proximity/proximity_answer';
import { createProximityHandler } from '../../../src/geo/proximity/proximity_handler';
import { buildProximityIndex } from '../../../src/geo/proximity/proximity_index';
import type { ProximityQuestion, ProximityRequest } from '../../../src/geo/proximity/proximity_protocol';
import { PROXIMITY_QUESTION_KINDS } from '../../../src/geo/proximity/proximity_protocol';
import { deepFreeze } from '../helpers/deep_freeze';
import { randomData, rectRing } from '../helpers/proximity_shapes';

const fixedClock = () => 0;

function fixture() {
  return deepFreeze(randomData(41, { clusters: 20, zones: 4, villages: 40 }));
}

function everyQuestion(data: ReturnType<typeof fixture>): ProximityQuestion[] {
  const polygon = { type: 'Polygon' as const, coordinates: [rectRing(105.8, 20.1, 106.3, 20.5)] };
  return [
    { kind: 'nearestZones' },
    { kind: 'nearestClusters' },
    { kind: 'satellites', zoneId: data.zones[0]!.properties.id, km: 5 },
    { kind: 'allSatellites', km: 5 },
    { kind: 'villagesNearCluster', clusterId: data.clusters[0]!.properties.id, km: 5 },
    { kind: 'clustersNearPolygon', polygon, km: 0 },
    { kind: 'union', from: { layer: 'zones', ids: data.zones.map((z) => z.properties.id) }, to: 'clusters', mode: { kind: 'within', km: 5 } },
  ];
}

describe('proximity worker handler', () => {
  it('refuses a question before data is loaded', () => {
    const handle = createProximityHandler(fixedClock);
    expect(handle({ type: 'ask', requestId: 7, question: { kind: 'nearestZones' } })).toEqual({
      type: 'error',
      requestId: 7,
      message: 'Expected a load request before ask, got ask with no data loaded',
    });
  });

  it('reports the counts once loaded', () => {
    const data = fixture();
    expect(createProximityHandler(fixedClock)({ type: 'load', requestId: 1, data })).toEqual({
      type: 'loaded',
      requestId: 1,
      counts: { clusters: 20, zones: 4, villages: 40 },
      ms: 0,
    });
  });

  it('answers each question kind as answerQuestion does, echoing the request id', () => {
    const data = fixture();
    const handle = createProximityHandler(fixedClock);
    handle({ type: 'load', requestId: 1, data });
    const index = buildProximityIndex(data);
    everyQuestion(data).forEach((question, i) => {
      expect(handle({ type: 'ask', requestId: 10 + i, question })).toEqual({ type: 'answer', requestId: 10 + i, answer: answerQuestion(index, question), ms: 0 });
    });
  });

  it('covers every declared question kind', () => {
    expect(everyQuestion(fixture()).map((q) => q.kind)).toEqual([...PROXIMITY_QUESTION_KINDS]);
  });

  it('sends answers that survive structured cloning (postMessage) unchanged', () => {
    const data = fixture();
    const index = buildProximityIndex(structuredClone(data));
    for (const question of everyQuestion(data)) {
      const answer = answerQuestion(index, structuredClone(question));
      expect(structuredClone(answer)).toEqual(answer);
    }
  });

  it('turns bad requests into error responses', () => {
    const handle = createProximityHandler(fixedClock);
    const data = fixture();
    handle({ type: 'load', requestId: 1, data });
    const unknownKind = { type: 'ask', requestId: 2, question: { kind: 'everything' } } as unknown as ProximityRequest;
    expect(handle(unknownKind)).toMatchObject({ type: 'error', requestId: 2, message: expect.stringContaining('got "everything"') });
    expect(handle({ type: 'ask', requestId: 3, question: { kind: 'satellites', zoneId: 'nope', km: 1 } })).toMatchObject({
      type: 'error',
      message: 'Expected a zone id present in the data, got "nope"',
    });
    expect(handle({ type: 'nonsense', requestId: 4 } as unknown as ProximityRequest)).toMatchObject({ type: 'error', requestId: 4, message: 'Expected a request type of load or ask, got "nonsense"' });
    const badLoad = { type: 'load', requestId: 5, data: { clusters: 'x', zones: [], villages: [] } } as unknown as ProximityRequest;
    expect(handle(badLoad)).toMatchObject({ type: 'error', message: 'Expected clusters to be an array, got string' });
  });
});
