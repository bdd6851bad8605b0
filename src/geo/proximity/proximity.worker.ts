/**
 * Web Worker entry for the proximity analysis. Post a `load` request with the
 * data once (the index is built here, off the main thread), then `ask`
 * requests; every request gets one response with the same `requestId`.
 *
 * @example
 * const worker = new Worker(new URL('./proximity.worker.ts', import.meta.url), { type: 'module' });
 * worker.postMessage({ type: 'load', requestId: 1, data: { clusters, zones, villages } });
 */
import { createProximityHandler } from './proximity_handler';
import type { ProximityRequest, ProximityResponse } from './proximity_protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ProximityRequest>) => void) | null;
  postMessage(message: ProximityResponse): void;
}

const scope = self as unknown as WorkerScope;
const handle = createProximityHandler();
scope.onmessage = (event) => scope.postMessage(handle(event.data));
