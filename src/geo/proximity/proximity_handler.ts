import { answerQuestion } from './proximity_answer';
import { buildProximityIndex } from './proximity_index';
import type { ProximityIndex } from './proximity_index';
import type { ProximityRequest, ProximityResponse } from './proximity_protocol';

/**
 * The worker's logic without the worker: a stateful function that keeps the
 * index built by the last `load` and answers `ask` requests; errors become
 * `error` responses instead of throwing.
 *
 * @param now - clock in milliseconds (injected for tests)
 * @returns a request → response function
 * @example
 * const handle = createProximityHandler();
 * handle({ type: 'load', requestId: 1, data }); // { type: 'loaded', ... }
 * handle({ type: 'ask', requestId: 2, question: { kind: 'nearestZones' } });
 */
export function createProximityHandler(now: () => number = () => performance.now()): (request: ProximityRequest) => ProximityResponse {
  let index: ProximityIndex | null = null;
  return (request) => {
    const requestId = typeof request?.requestId === 'number' ? request.requestId : -1;
    const start = now();
    try {
      switch (request?.type) {
        case 'load':
          index = buildProximityIndex(request.data);
          return { type: 'loaded', requestId, counts: index.size, ms: now() - start };
        case 'ask':
          if (!index) throw new Error('Expected a load request before ask, got ask with no data loaded');
          return { type: 'answer', requestId, answer: answerQuestion(index, request.question), ms: now() - start };
        default:
          throw new Error(`Expected a request type of load or ask, got ${JSON.stringify((request as { type?: unknown } | null)?.type)}`);
      }
    } catch (err) {
      return { type: 'error', requestId, message: err instanceof Error ? err.message : String(err) };
    }
  };
}
