import type { MultiPolygon, Polygon } from 'geojson';
import type { ProximityAnswer, ProximityQuestion } from '../geo/proximity/proximity_protocol';
import type { ProximityClient } from './proximity_client';
import { selectFilteredIds } from './selectors';
import type { AppStore } from './store';

/** Asks proximity questions about the store's current data. */
export interface ProximityService {
  ask(q: ProximityQuestion): Promise<ProximityAnswer>;
}

/**
 * Wraps a client (a Web Worker in the app) so that it always answers about the data
 * in the store: the data is sent again whenever the loaded clusters change.
 */
export function createProximityService(store: AppStore, client: ProximityClient): ProximityService {
  // What the worker holds: the clusters, zones and villages it was sent (zones and villages can
  // arrive after the clusters; a question about a KCN must not meet an index without it).
  let loadedFor: readonly (object | null)[] = [];
  let loading: Promise<void> = Promise.resolve();
  return {
    async ask(q) {
      const s = store.getState();
      const now = [s.clusters, s.zones, s.villages];
      if (s.clusters && now.some((x, i) => x !== loadedFor[i])) {
        loadedFor = now;
        loading = client.load({ clusters: s.clusters.features, zones: s.zones?.features ?? [], villages: s.villages?.features ?? [] });
      }
      await loading;
      return client.ask(q);
    },
  };
}

/**
 * Ids of the visible (filtered) clusters that intersect, or lie within `km` of, a polygon.
 *
 * @param store - the app store
 * @param service - proximity service
 * @param polygon - area drawn or imported (lon/lat)
 * @param km - distance (km); 0 = intersects
 */
export async function idsInArea(store: AppStore, service: ProximityService, polygon: Polygon | MultiPolygon, km = 0): Promise<string[]> {
  const answer = await service.ask({ kind: 'clustersNearPolygon', polygon, km });
  if (answer.kind !== 'clustersNearPolygon') throw new Error(`Expected a clustersNearPolygon answer, got ${answer.kind}`);
  const visible = new Set(selectFilteredIds(store.getState()));
  return answer.clusters.map((n) => n.id).filter((id) => visible.has(id));
}
