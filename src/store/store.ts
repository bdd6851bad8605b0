import { DEFAULT_LIST_COLUMNS, readColumns, type ListColumn } from '../geo/dataset/list_columns';
import { DEFAULT_PROX } from '../geo/proximity/prox_state';
import { createStore, type StateCreator } from 'zustand/vanilla';
import { EMPTY_FILTER } from '../geo/dataset/filter_clusters';
import { applyJournal } from '../geo/edit/apply_journal';
import type { JournalRecord } from '../geo/edit/change';
import type { ClusterCollection, ClusterGeometry } from '../geo/types';
import { communeIndex, relocateEdited, type CommuneFeature, type CommuneIndex } from '../geo/dataset/commune_at';
import type { CommuneCollection, DataSlice, EditorState, EditSlice, FilterSlice, ProximitySlice, Selection, SelectionSlice, SelectMode, Store, SurveySlice, ViewSlice } from './types';

/** The communes indexed once per loaded file. */
const communeIndexes = new WeakMap<CommuneCollection, CommuneIndex>();
function indexOf(communes: CommuneCollection): CommuneIndex {
  let i = communeIndexes.get(communes);
  if (!i) communeIndexes.set(communes, (i = communeIndex(communes.features.filter((f): f is CommuneFeature => f.geometry.type !== 'Point'))));
  return i;
}

/**
 * The clusters the app shows: the bundled ones with the journal applied, an edited footprint
 * placed in the 2025 commune it now lies in (once the communes are loaded).
 */
function edited(base: ClusterCollection | null, journal: readonly JournalRecord[], communes: CommuneCollection | null): Pick<Store, 'clusters' | 'editedIds' | 'applyProblems'> {
  if (!base) return { clusters: null, editedIds: new Set(), applyProblems: [] };
  const a = applyJournal(base, journal);
  const clusters = communes && a.fc !== base ? relocateEdited(a.fc, base, indexOf(communes)) : a.fc;
  return { clusters, editedIds: a.edited, applyProblems: a.problems };
}

const LAYER_FLAG = { zones: 'showZones', villages: 'showVillages', communes: 'showCommunes', communes2009: 'showCommunes2009' } as const;

const dataSlice: StateCreator<Store, [], [], DataSlice> = (set) => ({
  dataStatus: 'idle',
  loadErrors: [],
  clusters: null,
  zones: null,
  villages: null,
  exProvinces: null,
  province: null,
  reported: null,
  communes: null,
  oldUnits: null,
  setLoading: () => set({ dataStatus: 'loading' }),
  setData: (d, errors) =>
    set((s) => {
      const { clusters, ...rest } = d;
      const base = clusters !== undefined ? clusters : s.baseClusters;
      const communes = d.communes !== undefined ? d.communes : s.communes;
      return {
        ...rest,
        baseClusters: base,
        ...(clusters !== undefined || d.communes !== undefined ? edited(base, s.journal, communes) : {}),
        loadErrors: [...s.loadErrors, ...errors],
        dataStatus: base ? 'ready' : 'error',
      };
    }),
});

const filterSlice: StateCreator<Store, [], [], FilterSlice> = (set) => ({
  filter: { ...EMPTY_FILTER },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: { ...EMPTY_FILTER } }),
});

/** Applies a pick to the current selection. */
export function combineSelection(current: Selection, ids: readonly string[], mode: SelectMode): Selection {
  const cur = current.type === 'clusters' ? current.ids : [];
  let next: string[];
  if (mode === 'replace') next = [...new Set(ids)];
  else if (mode === 'add') next = [...new Set([...cur, ...ids])];
  else if (mode === 'remove') {
    const drop = new Set(ids);
    next = cur.filter((id) => !drop.has(id));
  } else {
    const flip = new Set(ids);
    next = [...cur.filter((id) => !flip.has(id)), ...[...flip].filter((id) => !cur.includes(id))];
  }
  return next.length ? { type: 'clusters', ids: next } : { type: 'none' };
}

const selectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  selection: { type: 'none' },
  focusId: null,
  areas: [],
  imported: null,
  inspected: null,
  place: null,
  choice: null,
  inspect: (inspected) => set({ inspected, place: null }),
  // One details panel at a time: a cluster's, a KCN's or a village's.
  openPlace: (place) => set((s) => ({ place, choice: null, focusId: place ? null : s.focusId, inspected: place ? null : s.inspected })),
  choose: (choice) => set({ choice }),
  setFocus: (id) => set((s) => ({ focusId: id, place: id ? null : s.place, choice: null })),
  select: (ids, mode) => set((s) => ({ selection: combineSelection(s.selection, ids, mode) })),
  clearSelection: () => set({ selection: { type: 'none' }, areas: [] }),
  addArea: (a) => set((s) => ({ areas: [...s.areas, a] })),
  setImported: (imported) => set({ imported, inspected: null }),
});

/** A small preference kept in this browser; where storage is refused the app works without it. */
const PREFS_KEY = 'ccn-map.listColumns';
function storedColumns(): ListColumn[] {
  try {
    const raw = globalThis.localStorage?.getItem(PREFS_KEY);
    return readColumns(raw ? JSON.parse(raw) : null);
  } catch {
    return [...DEFAULT_LIST_COLUMNS];
  }
}

const viewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  proposalId: null,
  openProposal: (proposalId) => set({ proposalId }),
  report: null,
  openReport: (report) => set({ report }),
  listColumns: storedColumns(),
  setListColumns: (cols) => {
    const next = readColumns(cols);
    try {
      globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(next));
    } catch {
      // (private mode, full storage: the choice lasts this visit)
    }
    set({ listColumns: next });
  },
  lang: 'vi',
  panel: 'filters',
  basemap: 'bundled',
  showZones: true,
  showVillages: true,
  showCommunes: true,
  showCommunes2009: false,
  tool: 'pan',
  notices: [],
  fitRequest: 0,
  flyRequest: null,
  camera: null,
  cameraRequest: null,
  setLang: (lang) => set({ lang }),
  setPanel: (panel) => set({ panel }),
  setBasemap: (basemap) => set({ basemap }),
  setTool: (tool) => set({ tool }),
  setLayer: (layer, on) => set({ [LAYER_FLAG[layer]]: on }),
  notify: (n) =>
    set((s) =>
      // The same notice is shown once, not stacked.
      s.notices.some((m) => m.key === n.key && JSON.stringify(m.params) === JSON.stringify(n.params))
        ? s
        : { notices: [...s.notices, n] },
    ),
  dismissNotice: (n) => set((s) => ({ notices: s.notices.filter((m) => m !== n) })),
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  setCamera: (camera) => set({ camera }),
  jumpTo: (c) => set((s) => ({ cameraRequest: { ...c, n: (s.cameraRequest?.n ?? 0) + 1 } })),
  flyTo: (id, layer = 'cluster') => set((s) => ({ flyRequest: { id, layer, n: (s.flyRequest?.n ?? 0) + 1 } })),
  flyToBox: (bbox) => set((s) => ({ flyRequest: { id: '', layer: 'box', bbox, n: (s.flyRequest?.n ?? 0) + 1 } })),
});

const editSlice: StateCreator<Store, [], [], EditSlice> = (set) => ({
  baseClusters: null,
  journal: [],
  journalState: 'loading',
  unsaved: [],
  applyProblems: [],
  editedIds: new Set(),
  editor: null,
  setJournal: (journal, journalState) => set((s) => ({ journal, journalState, ...(s.baseClusters ? edited(s.baseClusters, journal, s.communes) : {}) })),
  addRecords: (records) =>
    set((s) => {
      const have = new Set(s.journal.map((r) => r.id));
      const fresh = records.filter((r) => !have.has(r.id));
      if (!fresh.length) return s;
      const journal = [...s.journal, ...fresh];
      return { journal, ...(s.baseClusters ? edited(s.baseClusters, journal, s.communes) : {}) };
    }),
  setJournalState: (journalState) => set({ journalState }),
  markUnsaved: (ids, on) =>
    set((s) => {
      const drop = new Set(ids);
      return { unsaved: on ? [...new Set([...s.unsaved, ...ids])] : s.unsaved.filter((id) => !drop.has(id)) };
    }),
  openEditor: (id) =>
    set((s) => {
      const f = id ? s.clusters?.features.find((c) => c.properties.id === id) : undefined;
      const q = f?.properties.geometry_quality;
      const editor: EditorState = {
        id,
        tool: 'none',
        draft: (f?.geometry as ClusterGeometry | undefined) ?? null,
        draftChanged: false,
        quality: q === 'surveyed' ? 'surveyed' : 'traced',
        canUndo: false,
        canRedo: false,
        command: null,
      };
      return { editor, focusId: id ?? s.focusId };
    }),
  closeEditor: () => set({ editor: null }),
  patchEditor: (patch) => set((s) => (s.editor ? { editor: { ...s.editor, ...patch } } : s)),
  editorCommand: (kind) =>
    set((s) => (s.editor ? { editor: { ...s.editor, command: { kind, n: (s.editor.command?.n ?? 0) + 1 } } } : s)),
});

const surveySlice: StateCreator<Store, [], [], SurveySlice> = (set) => ({
  survey: null,
  startSurvey: (file) =>
    set({ survey: { file, stage: 'parsing', progress: null, format: null, candidates: [], crs: null, points: 0, count: null, rows: [], notes: [], problem: null } }),
  patchSurvey: (patch) => set((s) => (s.survey ? { survey: { ...s.survey, ...patch } } : s)),
  setSurveyRow: (i, patch) =>
    set((s) => (s.survey ? { survey: { ...s.survey, rows: s.survey.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) } } : s)),
  endSurvey: () => set({ survey: null }),
});

/** Distances the proximity panel allows (km). */
export const PROX_KM_MIN = 0.5;
export const PROX_KM_MAX = 20;
/** Most nearest features a union question lists. */
export const PROX_N_MAX = 200;

const proximitySlice: StateCreator<Store, [], [], ProximitySlice> = (set) => ({
  prox: { ...DEFAULT_PROX, fromIds: [] },
  proxMeasuredOnly: false,
  setProxMeasuredOnly: (on) => set({ proxMeasuredOnly: on }),
  proxAnswer: null,
  proxOverlay: null,
  proxStatus: 'idle',
  proxError: null,
  setProx: (patch) =>
    set((s) => {
      const prox = { ...s.prox, ...patch };
      prox.km = Math.min(PROX_KM_MAX, Math.max(PROX_KM_MIN, Number.isFinite(prox.km) ? prox.km : 5));
      prox.n = Math.min(PROX_N_MAX, Math.max(1, Number.isInteger(prox.n) ? prox.n : 5));
      return { prox };
    }),
  setProxResult: ({ answer, overlay = null, status, error = null }) =>
    set({ proxAnswer: answer, proxOverlay: overlay, proxStatus: status, proxError: error }),
});

/** Creates a fresh store (one per app, one per test). */
export function createAppStore() {
  return createStore<Store>()((...a) => ({
    ...dataSlice(...a),
    ...filterSlice(...a),
    ...selectionSlice(...a),
    ...viewSlice(...a),
    ...proximitySlice(...a),
    ...editSlice(...a),
    ...surveySlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
