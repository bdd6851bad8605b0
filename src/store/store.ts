import { createStore, type StateCreator } from 'zustand/vanilla';
import { EMPTY_FILTER } from '../geo/filter_clusters';
import type { DataSlice, FilterSlice, SelectionSlice, Store, ViewSlice } from './types';

const dataSlice: StateCreator<Store, [], [], DataSlice> = (set) => ({
  dataStatus: 'idle',
  loadErrors: [],
  clusters: null,
  zones: null,
  villages: null,
  exProvinces: null,
  province: null,
  reported: null,
  setLoading: () => set({ dataStatus: 'loading' }),
  setData: (d, errors) =>
    set((s) => ({
      ...d,
      loadErrors: [...s.loadErrors, ...errors],
      dataStatus: d.clusters ?? s.clusters ? 'ready' : 'error',
    })),
});

const filterSlice: StateCreator<Store, [], [], FilterSlice> = (set) => ({
  filter: { ...EMPTY_FILTER },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: { ...EMPTY_FILTER } }),
});

const selectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  selection: { type: 'none' },
  focusId: null,
  setFocus: (id) => set({ focusId: id }),
  setSelection: (selection) => set({ selection }),
});

const viewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  lang: 'vi',
  panel: 'filters',
  basemap: 'bundled',
  showZones: true,
  showVillages: true,
  notices: [],
  fitRequest: 0,
  flyRequest: null,
  setLang: (lang) => set({ lang }),
  setPanel: (panel) => set({ panel }),
  setBasemap: (basemap) => set({ basemap }),
  setLayer: (layer, on) => set(layer === 'zones' ? { showZones: on } : { showVillages: on }),
  notify: (n) =>
    set((s) =>
      // The same notice is shown once, not stacked.
      s.notices.some((m) => m.key === n.key && JSON.stringify(m.params) === JSON.stringify(n.params))
        ? s
        : { notices: [...s.notices, n] },
    ),
  dismissNotice: (i) => set((s) => ({ notices: s.notices.filter((_, j) => j !== i) })),
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  flyTo: (id) => set((s) => ({ flyRequest: { id, n: (s.flyRequest?.n ?? 0) + 1 } })),
});

/** Creates a fresh store (one per app, one per test). */
export function createAppStore() {
  return createStore<Store>()((...a) => ({
    ...dataSlice(...a),
    ...filterSlice(...a),
    ...selectionSlice(...a),
    ...viewSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
