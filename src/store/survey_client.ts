import type { MultiPolygon, Polygon } from 'geojson';
import type { MatchCluster, SurveyMatch } from '../geo/io/survey/match_survey';
import type { CrsId } from '../geo/io/survey/types';
import type { SurveyRequest, SurveyResponse } from '../geo/io/survey/survey_protocol';

type Answer<T extends SurveyResponse['type']> = Extract<SurveyResponse, { type: T }>;
type Progress = (done: number, total: number, phase: 'parse' | 'reproject' | 'match') => void;

/** The survey import's worker, started on first use; `cancel` ends it and whatever it was doing. */
export interface SurveyClient {
  parse(bytes: Uint8Array, fileName: string, onProgress: Progress, hints?: { near?: [number, number]; outline?: Polygon | MultiPolygon }): Promise<Answer<'parsed'> | Answer<'failed'>>;
  reproject(crs: CrsId, swapped: boolean, onProgress: Progress): Promise<Answer<'reprojected'> | Answer<'failed'>>;
  /** Pairs the reprojected shapes with clusters; the parts are joined here. */
  match(clusters: MatchCluster[], onProgress: Progress): Promise<{ type: 'matched'; matches: SurveyMatch[] } | Answer<'failed'>>;
  /** The reprojected geometries of some shapes, by index. */
  shapes(features: number[]): Promise<Answer<'shapes'> | Answer<'failed'>>;
  cancel(): void;
}

/** Thrown to the caller of a request that `cancel` ended. */
export class SurveyCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * A client over a Web Worker (or anything with the same messages, for tests).
 *
 * @param makeWorker - starts a worker (called again after a cancel)
 */
export function createSurveyClient(makeWorker: () => Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>): SurveyClient {
  let worker: ReturnType<typeof makeWorker> | null = null;
  let next = 1;
  const pending = new Map<number, { ok: (r: SurveyResponse) => void; fail: (e: Error) => void; progress: Progress; parts?: SurveyMatch[] }>();
  const start = () => {
    if (worker) return worker;
    const w = makeWorker();
    w.addEventListener('message', (e: Event) => {
      const r = (e as MessageEvent<SurveyResponse>).data;
      const p = pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress') return p.progress(r.done, r.total, r.phase);
      if (r.type === 'matches') {
        p.parts ??= [];
        for (const m of r.matches) p.parts.push(m);
        return;
      }
      pending.delete(r.id);
      p.ok(r.type === 'matched' ? { ...r, matches: p.parts ?? [] } as SurveyResponse : r);
    });
    w.addEventListener('error', (e: Event) => {
      for (const p of pending.values()) p.fail(new Error((e as ErrorEvent).message || 'worker error'));
      pending.clear();
    });
    return (worker = w);
  };
  type Unsent = SurveyRequest extends infer R ? (R extends SurveyRequest ? Omit<R, 'id'> : never) : never;
  const send = <T extends SurveyResponse>(req: Unsent, progress: Progress, transfer: Transferable[] = []) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      pending.set(id, { ok: ok as (r: SurveyResponse) => void, fail, progress });
      start().postMessage({ ...req, id } as SurveyRequest, transfer);
    });
  return {
    parse: (bytes, fileName, onProgress, hints = {}) => send({ type: 'parse', bytes, fileName, ...hints }, onProgress, [bytes.buffer]),
    reproject: (crs, swapped, onProgress) => send({ type: 'reproject', crs, swapped }, onProgress),
    match: (clusters, onProgress) => send({ type: 'match', clusters }, onProgress),
    shapes: (features) => send({ type: 'shapes', features }, () => {}),
    cancel() {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.fail(new SurveyCancelled());
      pending.clear();
    },
  };
}
