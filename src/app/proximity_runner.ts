import type { MultiPolygon, Polygon } from 'geojson';
import type { ProximityQuestion } from '../geo/proximity/proximity_protocol';
import type { UnionFrom } from '../geo/proximity/proximity_types';
import { selectFilteredIds } from '../store/selectors';
import { proximityRows } from '../geo/proximity/proximity_rows';
import type { ProximityService } from '../store/proximity_service';
import type { AppStore } from '../store/store';
import type { Store } from '../store/types';

/** The sources of a union question in the current state, or null when there are none yet. */
function unionFrom(s: Store): UnionFrom | null {
  const p = s.prox;
  switch (p.from) {
    case 'selection': {
      const ids = s.selection.type === 'clusters' ? s.selection.ids : [];
      return ids.length ? { layer: 'clusters', ids } : null;
    }
    case 'filtered': {
      const ids = selectFilteredIds(s);
      return ids.length ? { layer: 'clusters', ids } : null;
    }
    case 'zones':
    case 'villages':
      return p.fromIds.length ? { layer: p.from, ids: p.fromIds } : null;
    case 'area': {
      const polygons = s.areas.map((a) => a.geometry).filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
      return polygons.length ? { layer: 'area', polygons } : null;
    }
  }
}

/** The question the panel's state asks, or null when a choice is missing. */
export function currentQuestion(s: Store): ProximityQuestion | null {
  const { kind, zoneId, clusterId, km } = s.prox;
  switch (kind) {
    case 'union': {
      const from = unionFrom(s);
      return from ? { kind, from, to: s.prox.to, mode: s.prox.mode === 'within' ? { kind: 'within', km } : { kind: 'nearest', n: s.prox.n } } : null;
    }
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
  let loaded: readonly (object | null)[] = [];
  let asked = '';
  let seq = 0;
  const run = async (s: Store) => {
    if (s.panel !== 'proximity' || !s.clusters) return;
    const q = currentQuestion(s);
    const key = JSON.stringify({ q, km: s.prox.km });
    const dataChanged = !loaded.length || loaded.some((x, i) => x !== [s.clusters, s.zones, s.villages][i]);
    if (!dataChanged && key === asked) return;
    asked = key;
    const my = ++seq;
    if (!q) return s.setProxResult({ answer: null, status: 'idle' });
    store.getState().setProxResult({ answer: s.proxAnswer, overlay: s.proxOverlay, status: 'running' });
    loaded = [s.clusters, s.zones, s.villages];
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
    // A union question over the selection, the filter or the drawn areas follows them.
    const follows = s.prox.kind === 'union' && ((s.prox.from === 'selection' && s.selection !== p.selection) || (s.prox.from === 'filtered' && s.filter !== p.filter) || (s.prox.from === 'area' && s.areas !== p.areas));
    if (s.panel !== p.panel || s.prox !== p.prox || s.clusters !== p.clusters || s.zones !== p.zones || s.villages !== p.villages || follows) void run(s);
  });
}
