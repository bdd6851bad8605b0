import type { ProximityQuestion } from '../geo/proximity_protocol';
import type { ProximityClient } from '../store/proximity_client';
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
 * Keeps the proximity answer in step with the panel: loads the data into the client
 * (a Web Worker in the app) when it changes, asks when the question changes, and drops
 * answers that arrive after a newer question.
 *
 * @returns unsubscribe
 */
export function runProximity(store: AppStore, client: ProximityClient): () => void {
  let loaded: object | null = null;
  let asked = '';
  let seq = 0;
  const run = async (s: Store) => {
    if (s.panel !== 'proximity' || !s.clusters) return;
    const q = currentQuestion(s);
    const key = JSON.stringify(q);
    const dataChanged = loaded !== s.clusters;
    if (!dataChanged && key === asked) return;
    asked = key;
    const my = ++seq;
    if (!q) return s.setProxResult({ answer: null, status: 'idle' });
    store.getState().setProxResult({ answer: s.proxAnswer, status: 'running' });
    try {
      if (dataChanged) {
        loaded = s.clusters;
        await client.load({ clusters: s.clusters.features, zones: s.zones?.features ?? [], villages: s.villages?.features ?? [] });
      }
      const answer = await client.ask(q);
      if (my === seq) store.getState().setProxResult({ answer, status: 'idle' });
    } catch (e) {
      if (my === seq) store.getState().setProxResult({ answer: null, status: 'error', error: (e as Error).message });
    }
  };
  void run(store.getState());
  return store.subscribe((s, p) => {
    if (s.panel !== p.panel || s.prox !== p.prox || s.clusters !== p.clusters) void run(s);
  });
}
