import type { ProximityQuestion } from '../geo/proximity/proximity_protocol';
import { proximityRows } from '../geo/proximity/proximity_rows';
import type { ProximityService } from '../store/proximity_service';
import type { AppStore } from '../store/store';
import type { Store } from '../store/types';

/** The question the panel's state asks, or null when a choice is missing. */
export function currentQuestion(s: Store): ProximityQuestion | null {
  const { kind, zoneId, clusterId, km } = s.prox;
  switch (kind) {
    case 'satellites':
      return zoneId ? { kind, zoneId, km } : null;
    case 'villagesNearCluster':
      return clusterId ? { kind, clusterId, km } : null;
    case 'nearestZones':
    case 'nearestClusters':
      return { kind };
  }
}

/**
 * Keeps the proximity answer in step with the panel: asks the service (a Web Worker in
 * the app) when the question or the data changes, draws the overlay with lazily loaded
 * code, and drops answers that arrive after a newer question.
 *
 * @returns unsubscribe
 */
export function runProximity(store: AppStore, service: ProximityService): () => void {
  let loaded: object | null = null;
  let asked = '';
  let seq = 0;
  const run = async (s: Store) => {
    if (s.panel !== 'proximity' || !s.clusters) return;
    const q = currentQuestion(s);
    const key = JSON.stringify({ q, km: s.prox.km });
    const dataChanged = loaded !== s.clusters;
    if (!dataChanged && key === asked) return;
    asked = key;
    const my = ++seq;
    if (!q) return s.setProxResult({ answer: null, status: 'idle' });
    store.getState().setProxResult({ answer: s.proxAnswer, overlay: s.proxOverlay, status: 'running' });
    loaded = s.clusters;
    try {
      const [answer, { proximityOverlay }] = await Promise.all([service.ask(q), import('../geo/proximity/proximity_overlay')]);
      if (my !== seq) return;
      const data = { clusters: s.clusters.features, zones: s.zones?.features ?? [], villages: s.villages?.features ?? [] };
      const overlay = proximityOverlay(answer, proximityRows(answer, s.prox.km), data, s.prox.km);
      store.getState().setProxResult({ answer, overlay, status: 'idle' });
    } catch (e) {
      if (my === seq) store.getState().setProxResult({ answer: null, status: 'error', error: (e as Error).message });
    }
  };
  void run(store.getState());
  return store.subscribe((s, p) => {
    if (s.panel !== p.panel || s.prox !== p.prox || s.clusters !== p.clusters) void run(s);
  });
}
