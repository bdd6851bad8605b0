import { createProximityHandler } from '../geo/proximity/proximity_handler';
import type { ProximityAnswer, ProximityQuestion, ProximityRequest, ProximityResponse } from '../geo/proximity/proximity_protocol';
import type { ProximityData } from '../geo/proximity/proximity_types';

/** Asks proximity questions; the index lives wherever the client puts it. */
export interface ProximityClient {
  load(data: ProximityData): Promise<void>;
  ask(q: ProximityQuestion): Promise<ProximityAnswer>;
}

type Post = (req: ProximityRequest) => void;
type Unsent = { type: 'load'; data: ProximityData } | { type: 'ask'; question: ProximityQuestion };

function client(post: Post, listen: (cb: (r: ProximityResponse) => void) => void): ProximityClient {
  let next = 1;
  const pending = new Map<number, { ok: (r: ProximityResponse) => void; fail: (e: Error) => void }>();
  listen((r) => {
    const p = pending.get(r.requestId);
    if (!p) return;
    pending.delete(r.requestId);
    if (r.type === 'error') p.fail(new Error(r.message));
    else p.ok(r);
  });
  const send = (req: Unsent) =>
    new Promise<ProximityResponse>((ok, fail) => {
      const requestId = next++;
      pending.set(requestId, { ok, fail });
      post({ ...req, requestId });
    });
  return {
    load: async (data) => void (await send({ type: 'load', data })),
    ask: async (question) => {
      const r = await send({ type: 'ask', question });
      if (r.type !== 'answer') throw new Error(`Expected an answer, got ${r.type}`);
      return r.answer;
    },
  };
}

/**
 * Runs the proximity index in a Web Worker, so panning never waits for it. The worker is
 * started by the first request, not at start-up (where it would compete with the map's).
 */
export function createWorkerClient(makeWorker: () => Worker): ProximityClient {
  let worker: Worker | null = null;
  let onResponse: (r: ProximityResponse) => void = () => {};
  return client(
    (req) => {
      if (!worker) {
        worker = makeWorker();
        worker.addEventListener('message', (e: MessageEvent<ProximityResponse>) => onResponse(e.data));
      }
      worker.postMessage(req);
    },
    (cb) => (onResponse = cb),
  );
}

/** The same protocol on the calling thread (tests, or where workers are unavailable). */
export function createInlineClient(): ProximityClient {
  const handle = createProximityHandler();
  let cb: (r: ProximityResponse) => void = () => {};
  return client(
    (req) => queueMicrotask(() => cb(handle(req))),
    (f) => (cb = f),
  );
}
