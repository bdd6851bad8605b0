import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proximityOverlay } from '../../../src/geo/proximity/proximity_overlay';
import { proximityRows } from '../../../src/geo/proximity/proximity_rows';
import { createProximityService, idsInArea } from '../../../src/store/proximity_service';
import { satellitesReference, nearestClusterReference, unionReference } from '../../../src/geo/proximity/proximity_reference';
import { createInlineClient } from '../../../src/store/proximity_client';
import { combineSelection, createAppStore } from '../../../src/store/store';
import { currentQuestion, runProximity } from '../../../src/app/proximity_runner';
import { selectProxOverlay, selectProxRows } from '../../../src/store/selectors';
import { deepFreeze } from '../helpers/deep_freeze';

const FIX = resolve(import.meta.dirname, '../../fixtures/app');
const read = (f: string) => JSON.parse(readFileSync(resolve(FIX, f), 'utf8'));
const data = deepFreeze({ clusters: read('clusters.geojson').features, zones: read('industrial_zones.geojson').features, villages: read('craft_villages.geojson').features });

describe('proximityRows / proximityOverlay', () => {
  it('lists satellites and draws a ring plus one marker per hit', () => {
    const clusters = satellitesReference(data, 'kcn-mau-gian-khau', 20);
    const answer = { kind: 'satellites' as const, zoneId: 'kcn-mau-gian-khau', km: 20, clusters };
    const rows = proximityRows(answer, 20);
    expect(rows.map((r) => r.id)).toEqual(clusters.map((c) => c.id));
    const fc = proximityOverlay(answer, rows, data, 20);
    expect(fc.features.filter((f) => f.properties!.role === 'ring')).toHaveLength(1);
    expect(fc.features.filter((f) => f.properties!.role === 'hit').map((f) => f.properties!.id)).toEqual(clusters.map((c) => c.id));
    expect(fc.features.some((f) => f.properties!.role === 'link')).toBe(false);
  });
  it('keeps only pairs within the distance for "nearest" questions, with a link each', () => {
    const matches = nearestClusterReference(data);
    const answer = { kind: 'nearestClusters' as const, matches };
    const within = matches.filter((m) => m.distanceKm !== null && m.distanceKm <= 3);
    const rows = proximityRows(answer, 3);
    expect(rows.map((r) => r.id)).toEqual(within.map((m) => m.id));
    const links = proximityOverlay(answer, rows, data, 3).features.filter((f) => f.properties!.role === 'link');
    expect(links).toHaveLength(within.length);
  });
});

describe('combineSelection', () => {
  it('replaces, adds (no duplicates) and toggles', () => {
    const none = { type: 'none' } as const;
    const ab = combineSelection(none, ['a', 'b', 'a'], 'replace');
    expect(ab).toEqual({ type: 'clusters', ids: ['a', 'b'] });
    expect(combineSelection(ab, ['b', 'c'], 'add')).toEqual({ type: 'clusters', ids: ['a', 'b', 'c'] });
    expect(combineSelection(ab, ['b', 'c'], 'toggle')).toEqual({ type: 'clusters', ids: ['a', 'c'] });
    expect(combineSelection(ab, ['a', 'b'], 'toggle')).toEqual({ type: 'none' });
  });
});

describe('runProximity', () => {
  it('answers the panel question through the client, as the reference does', async () => {
    const store = createAppStore();
    store.getState().setData({ clusters: read('clusters.geojson'), zones: read('industrial_zones.geojson'), villages: read('craft_villages.geojson') }, []);
    const stop = runProximity(store, createProximityService(store, createInlineClient()));
    expect(currentQuestion(store.getState())).toBeNull();
    store.getState().setPanel('proximity');
    store.getState().setProx({ kind: 'satellites', zoneId: 'kcn-mau-gian-khau', km: 20 });
    await expect.poll(() => store.getState().proxAnswer?.kind).toBe('satellites');
    expect(selectProxRows(store.getState()).map((r) => r.id)).toEqual(satellitesReference(data, 'kcn-mau-gian-khau', 20).map((n) => n.id));
    expect(selectProxOverlay(store.getState())!.features.length).toBeGreaterThan(1);
    store.getState().setProx({ km: 99 });
    expect(store.getState().prox.km).toBe(20);
    store.getState().setProx({ km: 0.1 });
    expect(store.getState().prox.km).toBe(0.5);
    store.getState().setProx({ kind: 'nearestZones' });
    await expect.poll(() => store.getState().proxAnswer?.kind).toBe('nearestZones');
    // A union over the selection follows the selection.
    store.getState().setProx({ kind: 'union', from: 'selection', to: 'clusters', km: 20 });
    await expect.poll(() => store.getState().proxStatus).toBe('idle');
    expect(store.getState().proxAnswer).toBeNull();
    const first = data.clusters[0]!.properties.id;
    store.getState().select([first], 'replace');
    await expect.poll(() => store.getState().proxAnswer?.kind).toBe('union');
    const want = unionReference(data, { layer: 'clusters', ids: [first] }, 'clusters', { kind: 'within', km: 20 }).map((h) => h.id);
    expect(selectProxRows(store.getState()).map((r) => r.id)).toEqual(want);
    stop();
  });
  it('a question about a KCN asked before the KCN file has loaded is answered once it has', async () => {
    const store = createAppStore();
    store.getState().setData({ clusters: read('clusters.geojson') }, []);
    const stop = runProximity(store, createProximityService(store, createInlineClient()));
    store.getState().setProx({ kind: 'satellites', zoneId: 'kcn-mau-gian-khau', km: 20 });
    store.getState().setPanel('proximity');
    await expect.poll(() => store.getState().proxStatus).toBe('error');
    store.getState().setData({ zones: read('industrial_zones.geojson'), villages: read('craft_villages.geojson') }, []);
    await expect.poll(() => store.getState().proxAnswer?.kind).toBe('satellites');
    expect(selectProxRows(store.getState()).map((r) => r.id)).toEqual(satellitesReference(data, 'kcn-mau-gian-khau', 20).map((n) => n.id));
    stop();
  });
  it('reports an error from the client instead of throwing', async () => {
    const store = createAppStore();
    store.getState().setData({ clusters: read('clusters.geojson') }, []);
    const stop = runProximity(store, createProximityService(store, createInlineClient()));
    store.getState().setPanel('proximity');
    store.getState().setProx({ kind: 'villagesNearCluster', clusterId: 'does-not-exist' });
    await expect.poll(() => store.getState().proxStatus).toBe('error');
    expect(store.getState().proxError).toMatch(/does-not-exist/);
    stop();
  });
});

describe('idsInArea', () => {
  it('returns the visible clusters touching a polygon, through the service', async () => {
    const store = createAppStore();
    store.getState().setData({ clusters: read('clusters.geojson'), zones: read('industrial_zones.geojson'), villages: read('craft_villages.geojson') }, []);
    const service = createProximityService(store, createInlineClient());
    const square = { type: 'Polygon' as const, coordinates: [[[105.8, 20.5], [105.98, 20.5], [105.98, 20.67], [105.8, 20.67], [105.8, 20.5]]] };
    expect((await idsInArea(store, service, square)).sort()).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang']);
    store.getState().setFilter({ statuses: ['operating'] });
    expect(await idsInArea(store, service, square)).toEqual(['hn-mau-dong-van']);
  });
});
