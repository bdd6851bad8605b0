import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CommuneProps } from '../geo/dataset/commune_at';
import type { ClusterFilter } from '../geo/dataset/filter_clusters';
import type { ProximityAnswer } from '../geo/proximity/proximity_protocol';
import type { ProxState } from '../geo/proximity/prox_state';
import type { ListColumn } from '../geo/dataset/list_columns';
import type { Lang } from '../geo/format';
import type { ClusterCollection, ClusterGeometry, VillageCollection, ZoneCollection } from '../geo/types';
import type { JournalRecord, ProposalValue } from '../geo/edit/change';
import type { ApplyProblem } from '../geo/edit/apply_journal';
import type { CrsId, SurveyFormat, SurveyIssue } from '../geo/io/survey/types';
import type { CrsCandidate } from '../geo/io/survey/survey_protocol';
import type { SurveyMatch } from '../geo/io/survey/match_survey';

/**
 * What the imported layer draws: the features, the URL of their GeoJSON, or the URL of a
 * picture of them over a box (a large survey's preview).
 */
export type ImportedData = FeatureCollection | { url: string; kind: 'geojson' } | { url: string; kind: 'image'; bbox: [number, number, number, number] };

/** A file the app could not use, and why (shown to the user). */
export interface LoadError {
  file: string;
  message: string;
}

/** geodata/boundaries/old_units.json. */
export interface OldUnits {
  communes: { name: string; district: string; province: string; lon: number; lat: number; now_code: string | null; now_name: string | null }[];
  districts: { name: string; province: string; bbox: [number, number, number, number] }[];
}

/** What the map can fly to: a feature of a layer by id (a 2025 commune by code), or a box. */
export type FlyLayer = 'cluster' | 'zone' | 'village' | 'commune' | 'box';

/** A KCN or craft village whose details are open. */
export interface OpenPlace {
  kind: 'zone' | 'village';
  id: string;
}

/** Several features under one click: the planner picks one (screen position of the click). */
export interface PlaceChoice {
  hits: { kind: 'cluster' | 'zone' | 'village'; id: string; name: string }[];
  x: number;
  y: number;
}

/** The optional layers the planner switches on and off. */
export type LayerGroup = 'zones' | 'villages' | 'communes' | 'communes2009';

/** The 2025 communes file: polygons and their label points, both with the commune's code and name. */
export type CommuneCollection = FeatureCollection<Polygon | MultiPolygon | Point, CommuneProps>;

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
  /** The 129 communes and wards of 2025 (polygons, then one label point each). */
  communes: CommuneCollection | null;
  /** The communes (2009) and districts documents still name, and where each lies now. */
  oldUnits: OldUnits | null;
  setLoading(): void;
  setData(d: Partial<Pick<DataSlice, 'clusters' | 'zones' | 'villages' | 'exProvinces' | 'province' | 'reported' | 'communes' | 'oldUnits'>>, errors: LoadError[]): void;
}

export interface FilterSlice {
  filter: ClusterFilter;
  setFilter(patch: Partial<ClusterFilter>): void;
  resetFilter(): void;
}

/** What is selected (Placemark's `Sel`): nothing, or a set of clusters. */
export type Selection = { type: 'none' } | { type: 'clusters'; ids: string[] };

/** How a pick combines with the current selection. */
export type SelectMode = 'replace' | 'add' | 'remove' | 'toggle';

/** An area the planner drew or imported to select with (kept so it can be exported). */
export type AreaFeature = Feature<Polygon | MultiPolygon, { id: string; source: 'drawn' | 'imported'; name?: string }>;

export interface SelectionSlice {
  selection: Selection;
  /** The cluster whose details are open. */
  focusId: string | null;
  /** Areas drawn or imported for selection, in order. */
  areas: AreaFeature[];
  /** The KCN or village whose details are open (a cluster's are `focusId`). */
  place: OpenPlace | null;
  /** The chooser shown when a click lands on several features. */
  choice: PlaceChoice | null;
  openPlace(p: OpenPlace | null): void;
  choose(c: PlaceChoice | null): void;
  /** The properties of the imported feature the planner clicked (shown as text). */
  inspected: Record<string, unknown> | null;
  inspect(properties: Record<string, unknown> | null): void;
  /**
   * Features imported by the planner, shown as their own layer (never mixed with the dataset):
   * the features, or the URL of their GeoJSON (a survey's preview, which the map's worker reads).
   */
  imported: { name: string; data: ImportedData; bbox: [number, number, number, number] | null } | null;
  setFocus(id: string | null): void;
  /** Combines ids with the selection ('toggle' flips each id). */
  select(ids: readonly string[], mode: SelectMode): void;
  clearSelection(): void;
  addArea(a: AreaFeature): void;
  setImported(v: SelectionSlice['imported']): void;
}

/** Map centre (degrees) and zoom. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export type PanelId = 'filters' | 'stats' | 'list' | 'reconcile' | 'proximity' | 'proposals' | 'changes';
/** The map's pointer tool. */
export type Tool = 'pan' | 'polygon' | 'circle';
/** The map's background: the bundled land only, or an online basemap under it. */
export type Basemap = 'bundled' | 'osm' | 'imagery';
/** A message shown once; a key of the message catalogue plus parameters. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
}

/** A proposed cluster (new or an expansion) a planner is assessing; kept in the edit journal. */
export type Proposal = ProposalValue & { id: string };

export type ReportRequest = { kind: 'set' } | { kind: 'profile'; id: string } | { kind: 'proposal'; id: string };

export interface ViewSlice {
  lang: Lang;
  panel: PanelId;
  basemap: Basemap;
  showZones: boolean;
  showVillages: boolean;
  /** The 2025 communes and wards (boundaries and names), on by default. */
  showCommunes: boolean;
  /** The 2009 communes, for reading older documents (off by default). */
  showCommunes2009: boolean;
  tool: Tool;
  notices: Notice[];
  /** Bumped to ask the map to frame the whole province. */
  fitRequest: number;
  /** A cluster id the map should fly to (search result), with a counter so the same id flies again. */
  flyRequest: { id: string; layer: FlyLayer; n: number; bbox?: [number, number, number, number] } | null;
  /** Where the map looks (reported by the map after each move). */
  camera: Camera | null;
  /** A camera the map should jump to (from a shared link), with a counter. */
  cameraRequest: (Camera & { n: number }) | null;
  /** The printable report on screen: of the selection (or filtered set), or one cluster's profile. */
  report: ReportRequest | null;
  openReport(r: ReportRequest | null): void;
  /** The proposal open in the Proposals panel (proposals themselves are journal records). */
  proposalId: string | null;
  openProposal(id: string | null): void;
  /** The cluster table's optional columns (remembered in this browser). */
  listColumns: ListColumn[];
  setListColumns(cols: ListColumn[]): void;
  setLang(l: Lang): void;
  setPanel(p: PanelId): void;
  setBasemap(b: Basemap): void;
  setLayer(layer: LayerGroup, on: boolean): void;
  setTool(t: Tool): void;
  notify(n: Notice): void;
  dismissNotice(n: Notice): void;
  requestFit(): void;
  flyTo(id: string, layer?: FlyLayer): void;
  /** Frames a lon/lat box (an old district a document names). */
  flyToBox(bbox: [number, number, number, number]): void;
  setCamera(c: Camera): void;
  jumpTo(c: Camera): void;
}

/** The proximity questions the panel offers. */
export type { ProxFrom, ProxKind, ProxState } from '../geo/proximity/prox_state';
export { PROX_FROMS } from '../geo/proximity/prox_state';

export interface ProximitySlice {
  prox: ProxState;
  /** Hide distances between schematic positions (keep measured ones). */
  proxMeasuredOnly: boolean;
  setProxMeasuredOnly(on: boolean): void;
  proxAnswer: ProximityAnswer | null;
  /** What the map draws for the answer (computed off the hot path, with Turf buffer). */
  proxOverlay: FeatureCollection | null;
  proxStatus: 'idle' | 'running' | 'error';
  proxError: string | null;
  setProx(patch: Partial<ProxState>): void;
  setProxResult(r: { answer: ProximityAnswer | null; overlay?: FeatureCollection | null; status: ProximitySlice['proxStatus']; error?: string | null }): void;
}

/** The footprint tool while editing: none, drawing a new shape, or reshaping/moving the current one. */
export type EditTool = 'none' | 'draw' | 'reshape';

/** The cluster being edited (or a new one), with the footprint drafted on the map. */
export interface EditorState {
  /** The cluster's id; null while a new cluster is being added. */
  id: string | null;
  tool: EditTool;
  /** The footprint as drafted (starts as the cluster's own; null: none yet). */
  draft: ClusterGeometry | null;
  /** Whether the draft differs from what the cluster had when editing began. */
  draftChanged: boolean;
  /** How the drafted footprint was obtained. */
  quality: 'traced' | 'surveyed';
  /** The drawing tool's own undo/redo stacks. */
  canUndo: boolean;
  canRedo: boolean;
  /** A request to the map: undo, redo, or load `draft` into the drawing tool (counter: repeats run again). */
  command: { kind: 'undo' | 'redo' | 'load'; n: number } | null;
}

/** Where the journal is kept: loading, in the browser's storage, or only in memory (storage unavailable or full). */
export type JournalState = 'loading' | 'stored' | 'memory';

export interface EditSlice {
  /** The bundled clusters as loaded and checked; `clusters` is this with the journal applied. */
  baseClusters: ClusterCollection | null;
  /** Every change and revert, in order (the truth of the edits). */
  journal: JournalRecord[];
  journalState: JournalState;
  /** Ids of journal records not (yet) in the browser's storage. */
  unsaved: string[];
  /** Changes that could not be applied (e.g. a cluster no longer in the bundled data). */
  applyProblems: ApplyProblem[];
  /** Ids of the clusters an active change touched. */
  editedIds: ReadonlySet<string>;
  editor: EditorState | null;
  /** Replaces the journal (as restored from storage). */
  setJournal(records: JournalRecord[], state: JournalState): void;
  /** Appends records (made here or arrived from another tab); ids already present are skipped. */
  addRecords(records: readonly JournalRecord[]): void;
  setJournalState(state: JournalState): void;
  markUnsaved(ids: readonly string[], unsaved: boolean): void;
  openEditor(id: string | null): void;
  closeEditor(): void;
  patchEditor(patch: Partial<Omit<EditorState, 'command'>>): void;
  editorCommand(kind: 'undo' | 'redo' | 'load'): void;
}

/** One imported shape in the review: the cluster it is paired with, and the planner's decision. */
export interface SurveyRow {
  match: SurveyMatch;
  clusterId: string | null;
  decision: 'pending' | 'accepted' | 'rejected';
}

/** A survey file on its way in: parsing, choosing its coordinate system, reviewing the matches. */
export interface SurveyState {
  file: string;
  stage: 'parsing' | 'crs' | 'reprojecting' | 'matching' | 'review';
  progress: { done: number; total: number } | null;
  format: SurveyFormat | null;
  candidates: CrsCandidate[];
  crs: { crs: CrsId; swapped: boolean } | null;
  /** How many positions the file holds. */
  points: number;
  /** How many shapes are reprojected (they stay in the survey worker), once a coordinate system is chosen. */
  count: number | null;
  rows: SurveyRow[];
  /** Warnings from the parser (what it dropped) and the last problem (e.g. points outside the province). */
  notes: SurveyIssue[];
  problem: SurveyIssue | null;
}

export interface SurveySlice {
  survey: SurveyState | null;
  startSurvey(file: string): void;
  patchSurvey(patch: Partial<SurveyState>): void;
  setSurveyRow(i: number, patch: Partial<SurveyRow>): void;
  endSurvey(): void;
}

export type Store = DataSlice & FilterSlice & SelectionSlice & ViewSlice & ProximitySlice & EditSlice & SurveySlice;
