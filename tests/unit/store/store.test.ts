import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAppStore } from '../../../src/store/store';
import { loadData, DATA_FILES, type FileCheck } from '../../../src/store/load_data';
import { selectFilteredIds, selectFilteredStats, selectFocused, selectNameIndex, selectReconciliation } from '../../../src/store/selectors';

const FIX = resolve(import.meta.dirname, '../../fixtures/app');
const noCheck: FileCheck = async () => [];

/** A fetch that serves the app fixture, with per-file overrides. */
function fixtureFetch(override: Record<string, string | number> = {}): typeof fetch {
  return (async (url: string | URL) => {
    const name = String(url).split('/').pop()!;
    const o = override[name];
    if (typeof o === 'number') return new Response('', { status: o, statusText: 'Not Found' });
    return new Response(o ?? readFileSync(resolve(FIX, name), 'utf8'), { status: 200 });
  }) as typeof fetch;
}

describe('loadData', () => {
  it('loads every file into the store', async () => {
    const store = createAppStore();
    await loadData(store, 'http://x/', noCheck, fixtureFetch());
    const s = store.getState();
    expect(s.dataStatus).toBe('ready');
    expect(s.loadErrors).toEqual([]);
    expect(s.clusters!.features).toHaveLength(8);
    expect(s.zones!.features).toHaveLength(2);
    expect(s.exProvinces!.features).toHaveLength(3);
  });
  it('names the file and the problem, and keeps the other files', async () => {
    const store = createAppStore();
    await loadData(store, 'http://x/', noCheck, fixtureFetch({ 'craft_villages.geojson': '{"type":"Feature"}', 'industrial_zones.geojson': 404, 'clusters.geojson': '{oops' }));
    const s = store.getState();
    expect(s.dataStatus).toBe('error');
    const byFile = Object.fromEntries(s.loadErrors.map((e) => [e.file, e.message]));
    expect(byFile['clusters.geojson']).toMatch(/^not valid JSON/);
    expect(byFile['industrial_zones.geojson']).toBe('HTTP 404 Not Found');
    expect(byFile['craft_villages.geojson']).toBe('expected "type": "FeatureCollection", found "Feature"');
    expect(s.exProvinces!.features).toHaveLength(3);
  });
  it('reports what the schema check finds and drops that file', async () => {
    const store = createAppStore();
    const check: FileCheck = async (key) => (key === 'clusters' ? ['a › status: bad', 'b › sources: bad'] : []);
    await loadData(store, 'http://x/', check, fixtureFetch());
    expect(store.getState().loadErrors).toEqual([{ file: 'clusters.geojson', message: 'a › status: bad; b › sources: bad' }]);
    expect(store.getState().clusters).toBeNull();
  });
  it('lists the data files it loads', () => {
    expect(Object.values(DATA_FILES).every((p) => p.startsWith('data/'))).toBe(true);
  });
});

describe('store and selectors', () => {
  async function loaded() {
    const store = createAppStore();
    await loadData(store, 'http://x/', noCheck, fixtureFetch());
    return store;
  }
  it('filters, and keeps the same array while nothing changed', async () => {
    const store = await loaded();
    const a = selectFilteredIds(store.getState());
    expect(a).toHaveLength(8);
    store.getState().setLang('en');
    expect(selectFilteredIds(store.getState())).toBe(a);
    store.getState().setFilter({ provinces: ['Ninh Bình'] });
    expect(selectFilteredIds(store.getState())).toEqual(['nb-mau-gian-khau', 'nb-mau-khanh-nhac']);
    expect(selectFilteredStats(store.getState()).total.plannedAreaHa).toBe(115);
    store.getState().resetFilter();
    expect(selectFilteredIds(store.getState())).toHaveLength(8);
  });
  it('focuses a cluster and finds names without accents', async () => {
    const store = await loaded();
    const hit = selectNameIndex(store.getState()).search('gian khau')[0]!;
    store.getState().setFocus(hit.id);
    expect(selectFocused(store.getState())!.properties.name).toBe('CCN Mẫu Gián Khẩu');
  });
  it('shows each notice once', () => {
    const store = createAppStore();
    store.getState().notify({ key: 'notice.basemapFailed' });
    store.getState().notify({ key: 'notice.basemapFailed' });
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotice(store.getState().notices[0]!);
    expect(store.getState().notices).toHaveLength(0);
  });
  it('reconciles the dataset with the reported figures', async () => {
    const store = await loaded();
    const rec = selectReconciliation(store.getState())!;
    const hn = rec.rows.find((r) => r.ex_province === 'Hà Nam')!;
    expect(hn.planned).toEqual({ dataset: 3, reported: 4, gap: -1 });
    expect(rec.sources).toEqual(['https://example.invalid/fixture']);
  });
});
