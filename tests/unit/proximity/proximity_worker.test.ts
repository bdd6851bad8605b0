import { afterEach, describe, expect, it } from 'vitest';
import type { ProximityRequest, ProximityResponse } from '../../../src/geo/proximity/proximity_protocol';
import { randomData } from '../helpers/proximity_shapes';

interface FakeScope {
  onmessage: ((event: { data: ProximityRequest }) => void) | null;
  postMessage(message: ProximityResponse): void;
}

const globals = globalThis as unknown as { self?: FakeScope };

afterEach(() => {
  delete globals.self;
});

describe('proximity.worker entry', () => {
  it('wires self.onmessage to the handler and posts one response per request', async () => {
    const posted: ProximityResponse[] = [];
    globals.self = { onmessage: null, postMessage: (m) => posted.push(structuredClone(m)) };
    await import('../../../src/geo/proximity/proximity.worker');
    const scope = globals.self;
    expect(typeof scope.onmessage).toBe('function');
    const data = structuredClone(randomData(61, { clusters: 10, zones: 3, villages: 20 }));
    scope.onmessage!({ data: { type: 'load', requestId: 1, data } });
    scope.onmessage!({ data: { type: 'ask', requestId: 2, question: { kind: 'nearestZones' } } });
    expect(posted.map((p) => [p.type, p.requestId])).toEqual([
      ['loaded', 1],
      ['answer', 2],
    ]);
    const answer = posted[1]!;
    expect(answer.type === 'answer' && answer.answer.kind === 'nearestZones' ? answer.answer.matches.length : -1).toBe(10);
  });
});
