import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ClusterFilter } from '../geo/filter_clusters';
import type { Lang } from '../geo/format';
import type { ClusterCollection, VillageCollection, ZoneCollection } from '../geo/types';

/** A file the app could not use, and why (shown to the user). */
export interface LoadError {
  file: string;
  message: string;
}

/** Boundary layers bundled with the app. */
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;

/** Published totals per ex-province (geodata/reported_figures.json), kept opaque to the store. */
export type ReportedFigures = Record<string, unknown>;

export interface DataSlice {
  dataStatus: 'idle' | 'loading' | 'ready' | 'error';
  loadErrors: LoadError[];
  clusters: ClusterCollection | null;
  zones: ZoneCollection | null;
  villages: VillageCollection | null;
  exProvinces: BoundaryCollection | null;
  province: BoundaryCollection | null;
  reported: ReportedFigures | null;
  setLoading(): void;
  setData(d: Partial<Pick<DataSlice, 'clusters' | 'zones' | 'villages' | 'exProvinces' | 'province' | 'reported'>>, errors: LoadError[]): void;
}

export interface FilterSlice {
  filter: ClusterFilter;
  setFilter(patch: Partial<ClusterFilter>): void;
  resetFilter(): void;
}

/** What is selected (Placemark's `Sel`): nothing, or a set of clusters. */
export type Selection = { type: 'none' } | { type: 'clusters'; ids: string[] };

export interface SelectionSlice {
  selection: Selection;
  /** The cluster whose details are open. */
  focusId: string | null;
  setFocus(id: string | null): void;
  setSelection(sel: Selection): void;
}

export type PanelId = 'filters' | 'stats' | 'reconcile';
export type Basemap = 'bundled' | 'osm';
/** A message shown once; a key of the message catalogue plus parameters. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
}

export interface ViewSlice {
  lang: Lang;
  panel: PanelId;
  basemap: Basemap;
  showZones: boolean;
  showVillages: boolean;
  notices: Notice[];
  /** Bumped to ask the map to frame the whole province. */
  fitRequest: number;
  /** A cluster id the map should fly to (search result), with a counter so the same id flies again. */
  flyRequest: { id: string; n: number } | null;
  setLang(l: Lang): void;
  setPanel(p: PanelId): void;
  setBasemap(b: Basemap): void;
  setLayer(layer: 'zones' | 'villages', on: boolean): void;
  notify(n: Notice): void;
  dismissNotice(i: number): void;
  requestFit(): void;
  flyTo(id: string): void;
}

export type Store = DataSlice & FilterSlice & SelectionSlice & ViewSlice;
