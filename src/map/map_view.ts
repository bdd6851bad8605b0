import { Map as MLMap, setWorkerUrl, importScriptInWorkers, AttributionControl, NavigationControl, ScaleControl, type IControl } from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import blobProtocolUrl from './blob_protocol.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { attachBoxSelect } from './box_select';
import type { DrawMode, DrawTool } from './draw_tool';
import type { FootprintEditor } from './footprint_editor';
import { clusterAnchors } from '../geo/tiles/cluster_anchors';
import { mapContext, type ContextPart } from '../geo/tiles/map_context';
import type { ClusterCollection, VillageCollection } from '../geo/types';
import type { Lang } from '../geo/format';
import type { Basemap, ImportedData, LayerGroup } from '../store/types';
import { CLUSTER_LAYERS, LYR, SRC } from './ids';
import { skipInvisibleSky } from './sky';
import { OUTSIDE_COLOR } from './palette';
import { TILE_LAYERS } from '../geo/tiles/cluster_tiles_spec';
import { buildStyle, bundledCredits, MAP_UI_STRINGS, clusterLayerOn, clusterSources, FIRST_STAGE_SOURCES, isClusterLayer, isOverlay, LAYER_GROUPS, landOpacity, MAP_BOUNDS, splitStyle, type MapInit, type UrlSource } from './style';

setWorkerUrl(workerUrl);
/** MapLibre's workers learn to read Blob URLs on the first one (src/map/blob_protocol.mjs). */
let blobProtocol: Promise<void> | null = null;
// (No `prewarm()`: starting MapLibre's worker while the app evaluates took a core from the GPU
// thread on 2-core PCs; over 10 interleaved loads the first frame came 120 ms later with it.)

/**
 * The rest of the style is added, and `whenClustersDrawn` resolves, at the latest this long
 * after the map starts (ms): only for a clusters request that stalls (one that fails releases
 * at once, as a source error counts as loaded). Large datasets take seconds on slow PCs, and
 * releasing early would set the app's checks and the context against their tiling.
 */
const CONTEXT_AFTER_MS = 30_000;

/** `whenContextDrawn` resolves at the latest this long after the clusters are drawn (ms). */
const CONTEXT_DRAWN_MAX_MS = 3000;

/** The whole merged province (lon/lat), used until the outline has loaded. */
export const PROVINCE_BOUNDS: [number, number, number, number] = [105.54, 19.89, 106.6, 20.71];

/** What the map reports back to the app. */
export interface MapEvents {
  onClusterClick(id: string | null, modifiers: { add: boolean }): void;
  /** A click on one of the planner's imported features: its properties (as the file had them). */
  onImportedClick(properties: Record<string, unknown>): void;
  /**
   * A click on the map: every cluster, KCN and village under it (villages first, then
   * clusters, then KCN), at that screen point; none when the click is on empty map.
   */
  onPlacesClick(hits: { kind: 'cluster' | 'zone' | 'village'; id: string; name: string }[], point: { x: number; y: number }, modifiers: { add: boolean }): void;
  /** Shift-drag box: ids of the clusters drawn inside it. */
  onBoxSelect(ids: string[]): void;
  /** The footprint being edited changed (null: no shape). */
  onFootprintChange(geometry: Polygon | MultiPolygon | null): void;
  /** The footprint editor switched tool itself. */
  onFootprintTool(tool: 'reshape'): void;
  /** The footprint editor's undo/redo state changed. */
  onFootprintHistory(h: { canUndo: boolean; canRedo: boolean }): void;
  /** A polygon or circle the planner finished drawing. */
  onAreaDrawn(area: Feature<Polygon | MultiPolygon>): void;
  /** A source failed to load (e.g. online basemap tiles). */
  onSourceError(sourceId: string, message: string): void;
  onReady(): void;
  /** The view changed (after a pan or zoom). */
  onMoveEnd(camera: { lon: number; lat: number; zoom: number }): void;
}

/**
 * Owns the MapLibre map. The rest of the app speaks to it through intent methods;
 * data is uploaded only when it really changed, highlight goes through feature state.
 */
export class MapView {
  readonly map: MLMap;
  private uploaded = new WeakMap<object, true>();
  private selected = new Set<string>();
  private focused: string | null = null;
  private allIds: string[] = [];
  private hidden = new Set<string>();
  private ready: Promise<void>;
  /** The drawing tool, only while the planner draws (its layers cost every frame: see `setDrawMode`). */
  private draw: DrawTool | null = null;
  private drawModule: Promise<typeof import('./draw_tool')> | null = null;
  private drawMode: DrawMode | null = null;
  /** The footprint editor (terra-draw), only while a cluster is edited. */
  private editor: FootprintEditor | null = null;
  /** What the editor should be doing: closed (null), or a tool and a shape to start from. */
  private editWanted: { tool: 'none' | 'draw' | 'reshape'; draft: Polygon | MultiPolygon | null } | null = null;
  private editorModule: Promise<typeof import('./footprint_editor')> | null = null;
  /** `destroy` was called (the map is gone). */
  private removed = false;
  private drawing = false;
  /** Sources that hold a bundled file loaded by URL and have not been given data since. */
  private fromUrl = new Set<string>();
  /** Sources that load a bundled file by URL (whatever the map did with it since). */
  private bundled = new Set<string>();
  /** The context's parts as last given (see `setContext`). */
  private contextParts: Record<ContextPart, FeatureCollection | null> | null = null;
  /** The app's own copy of each source's data, as last given. */
  private given = new Map<string, object>();
  /**
   * The clusters are drawn from the build's vector tiles (true) or from the app's own copy in
   * GeoJSON sources (false: no tiles given, a tile failed to load, or the file failed its checks).
   */
  private tiled: boolean;
  /** Whether the highlight source holds anything. */
  private highlighted = false;
  /** A cluster tile failed to load: the app's own copy takes over as soon as it has one. */
  private tilesFailed = false;
  /** Layer ids of each overlay source (shown only while it has features). */
  private overlayLayers = new Map<string, string[]>();
  private communes2009Loaded = false;
  private communes2009Shown = false;
  private lang: Lang = 'vi';
  /** Navigation, scale and attribution, in that order (replaced when the language changes). */
  private controls: IControl[] = [];
  private creditsObserver: ResizeObserver | null = null;
  /** The Blob URL the imported layer reads, if any (revoked when replaced). */
  private importedUrl: string | null = null;
  /**
   * The first frame drawn after the clusters and their anchors have loaded (or failed, or
   * after `CONTEXT_AFTER_MS`), once the rest of the style has been added.
   */
  private drawn: Promise<void>;
  /** Puts MapLibre's own sky drawing back (used by the end-to-end test that compares the two). */
  readonly restoreSky: () => void;

  /**
   * @param container - the element the map fills
   * @param assetBase - absolute base URL of the app (for bundled glyphs)
   * @param events - callbacks into the app
   * @param init - bundled files to load by URL and the initial layer visibility
   */
  constructor(container: HTMLElement, private readonly assetBase: string, private events: MapEvents, init: MapInit) {
    for (const k of Object.keys(init.data) as UrlSource[]) {
      this.fromUrl.add(SRC[k]);
      this.bundled.add(SRC[k]);
    }
    this.tiled = !!init.clusterTiles;
    if (this.tiled) this.bundled.add(SRC.clusters);
    // Start-up order: the map starts with the clusters and their anchors only, so MapLibre's
    // worker tiles and draws them first; the context (land, boundaries, zones, villages,
    // labels, overlays) is added once they are drawn.
    const style = buildStyle(assetBase, init);
    for (const l of style.layers.filter(isOverlay)) this.overlayLayers.set(l.source, [...(this.overlayLayers.get(l.source) ?? []), l.id]);
    const { first, later } = splitStyle(style, FIRST_STAGE_SOURCES);
    // The colour outside the province, shown through the canvas (the style has no background layer).
    container.style.background = OUTSIDE_COLOR;
    this.map = new MLMap({
      container,
      style: first,
      bounds: PROVINCE_BOUNDS,
      fitBoundsOptions: { padding: { top: 20, bottom: 20, left: 20, right: 200 } },
      attributionControl: false,
      locale: MAP_UI_STRINGS[init.lang ?? 'vi'],
      // No preserveDrawingBuffer (it costs every frame a copy): images are taken in `capture`.
      maxBounds: MAP_BOUNDS,
      fadeDuration: 0,
    });
    // (before the first frame: the app's style has no sky, see skipInvisibleSky)
    this.restoreSky = skipInvisibleSky(this.map);
    this.communes2009Shown = init.showCommunes2009;
    this.setLanguage(init.lang ?? 'vi');
    const styleLoaded = new Promise<void>((resolve) => this.map.once('style.load', () => resolve()));
    this.drawn = new Promise<void>((resolve) => {
      // Adds the sources and layers held back for the first frame (once).
      let added = false;
      const done = () => {
        if (added) return;
        added = true;
        for (const [id, spec] of Object.entries(later.sources)) this.map.addSource(id, spec);
        for (const { layer, before } of later.layers) this.map.addLayer(layer, before);
        resolve();
      };
      // Loaded or failed (a source that failed counts as loaded): both end the wait.
      const check = () => {
        if (!this.clusterSourceIds().every((id) => this.map.isSourceLoaded(id))) return;
        this.map.off('sourcedata', check);
        this.map.off('error', check);
        this.map.once('render', done);
        this.map.triggerRepaint();
      };
      this.map.on('sourcedata', check);
      this.map.on('error', check);
      // A clusters request that stalls must not hold the rest back for ever.
      setTimeout(() => void styleLoaded.then(done), CONTEXT_AFTER_MS);
    });
    // Ready once loaded and with the whole style: everything the app asks of the map from then
    // on finds every source and layer.
    const loaded = new Promise<void>((resolve) => this.map.once('load', () => resolve()));
    this.ready = Promise.all([loaded, this.drawn]).then(() => undefined);
    this.ready.then(() => {
      attachBoxSelect(this.map, (ids) => this.events.onBoxSelect(ids.filter((id) => !this.hidden.has(id))));
      this.map.once('idle', () => void this.loadDrawModule());
      this.events.onReady();
    });
    this.map.on('click', (e) => {
      if (this.drawing || this.editWanted) return;
      // The planner's own imported features are on top: a click reads them first.
      const importedLayers = [LYR.importedFill, LYR.importedLine, LYR.importedPoint].filter((l) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none');
      const own = importedLayers.length ? this.map.queryRenderedFeatures(e.point, { layers: importedLayers })[0] : undefined;
      if (own) return this.events.onImportedClick({ ...(own.properties ?? {}) });
      const oe = e.originalEvent as MouseEvent;
      // A village dot is small: a few pixels around the click find it.
      const near: [[number, number], [number, number]] = [[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]];
      const shown = (l: string) => this.map.getLayer(l) && this.map.getLayoutProperty(l, 'visibility') !== 'none';
      const villages = shown(LYR.villageDot) ? this.map.queryRenderedFeatures(near, { layers: [LYR.villageDot] }) : [];
      const clusters = this.visibleOnly(this.map.queryRenderedFeatures(e.point, { layers: [...CLUSTER_LAYERS] }));
      // (A click before the context is on the map finds no KCN layer.)
      const zones = shown(LYR.zoneFill) ? this.map.queryRenderedFeatures(e.point, { layers: [LYR.zoneFill] }) : [];
      const hits: { kind: 'cluster' | 'zone' | 'village'; id: string; name: string }[] = [];
      const seen = new Set<string>();
      for (const [kind, fs] of [['village', villages], ['cluster', clusters], ['zone', zones]] as const) {
        for (const f of fs) {
          const id = String(f.properties?.id ?? '');
          if (!id || seen.has(`${kind}:${id}`)) continue;
          seen.add(`${kind}:${id}`);
          hits.push({ kind, id, name: String(f.properties?.name ?? id) });
        }
      }
      this.events.onPlacesClick(hits, { x: e.point.x, y: e.point.y }, { add: oe.shiftKey || oe.ctrlKey || oe.metaKey });
    });
    for (const l of CLUSTER_LAYERS) {
      this.map.on('mouseenter', l, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', l, () => (this.map.getCanvas().style.cursor = ''));
    }
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.events.onMoveEnd({ lon: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    this.map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId ?? '';
      if (this.bundled.has(sourceId)) return this.recover(sourceId);
      this.events.onSourceError(sourceId, e.error?.message ?? String(e.error));
    });
  }

  /**
   * Resolves once the rest of the style (land, boundaries, KCN, villages, labels) is drawn
   * too, at the first `idle` after the clusters were, or at most `CONTEXT_DRAWN_MAX_MS`
   * after them (an online basemap on a slow line must not hold it up).
   */
  whenContextDrawn(): Promise<void> {
    return this.drawn.then(
      () =>
        new Promise<void>((resolve) => {
          this.map.once('idle', () => resolve());
          setTimeout(resolve, CONTEXT_DRAWN_MAX_MS);
        }),
    );
  }

  /**
   * Resolves at the first frame drawn after the clusters have loaded (or failed, or after
   * `CONTEXT_AFTER_MS`), when the rest of the style is added.
   */
  whenClustersDrawn(): Promise<void> {
    return this.drawn;
  }

  /** Resolves once the map has loaded with its whole style (the app's sync starts then). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Uploads data unless it is already there. The first data the app gives a source that
   * was loaded by URL is the same file (the store parsed its own copy to check it and to
   * answer queries): it is not sent to the worker again.
   */
  private setData(source: string, data: object): void {
    if (this.uploaded.has(data)) return;
    this.uploaded.set(data, true);
    this.given.set(source, data);
    if (this.fromUrl.delete(source)) return;
    (this.map.getSource(source) as GeoJSONSource).setData(data as FeatureCollection);
  }

  /**
   * A bundled file or tile the map could not load itself (a dropped connection, a corrupt
   * file): no map error is shown, the app's own copy is drawn instead when it has one (for
   * the cluster tiles: as soon as it has one), and a file the app could not read either is
   * reported by the loader, by name.
   */
  private recover(source: string): void {
    if (source === SRC.clusters && this.tiled) {
      this.tilesFailed = true;
      const own = this.given.get(SRC.clusters) as ClusterCollection | undefined;
      if (own) this.untile(own);
      return;
    }
    this.fromUrl.delete(source);
    if (source === SRC.context) {
      if (this.contextParts) this.replaceData(source, mapContext(this.contextParts));
      return;
    }
    const own = this.given.get(source);
    if (own) this.replaceData(source, own as FeatureCollection);
  }

  /** Empties a source (its file failed to load or did not pass the checks). */
  private clear(source: string): void {
    this.given.delete(source);
    this.fromUrl.delete(source);
    this.replaceData(source, null);
  }

  /**
   * Replaces a source's data (no memo: overlays change with every gesture); null empties it.
   * An overlay is hidden while empty.
   */
  private replaceData(source: string, fc: FeatureCollection | null): void {
    const data = fc ?? { type: 'FeatureCollection', features: [] };
    (this.map.getSource(source) as GeoJSONSource).setData(data);
    const overlay = this.overlayLayers.get(source);
    if (overlay) this.setVisibility(overlay, data.features.length > 0);
  }

  /** Shows or hides layers. An unchanged value is a no-op in MapLibre (a changed one reloads the layer's source). */
  private setVisibility(ids: readonly string[], on: boolean): void {
    for (const id of ids) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }

  /**
   * Shows the context: ex-province land and outlines, the province outline and the industrial
   * zones, one source (see src/geo/tiles/map_context.ts). A part that is null (its file is unusable)
   * is taken off the map.
   */
  setContext(parts: Record<ContextPart, FeatureCollection | null>): void {
    const before = this.contextParts;
    if (before && (Object.keys(parts) as ContextPart[]).every((k) => parts[k] === before[k])) return;
    this.contextParts = parts;
    // The first parts the app gives are the files the build merged the map's file from: when
    // all are usable and the map loaded that file, there is nothing to upload.
    const asLoaded = this.fromUrl.delete(SRC.context);
    if (!before && asLoaded && Object.values(parts).every(Boolean)) return;
    this.replaceData(SRC.context, mapContext(parts));
  }

  /**
   * Shows the clusters and their anchor points (dots, labels); null empties both. When
   * both came by URL, the anchors are the build's (derived from the same file); otherwise
   * they are computed here.
   *
   * @param fc - the clusters to show
   * @param asBundled - whether they are the bundled file as loaded (no edits applied)
   */
  setClusters(fc: ClusterCollection | null, asBundled = true): void {
    if (!fc) {
      if (this.tiled) this.untile(null);
      this.clear(SRC.clusters);
      this.clear(SRC.clusterAnchors);
      this.allIds = [];
      this.drawHighlight();
      return;
    }
    if (this.uploaded.has(fc)) return;
    this.uploaded.set(fc, true);
    const first = !this.given.has(SRC.clusters);
    this.given.set(SRC.clusters, fc);
    // The first clusters the app gives are the file the build made the tiles from (unless the
    // planner's edits changed them): nothing to upload.
    if (this.tiled && (this.tilesFailed || !first || !asBundled)) this.untile(fc);
    else if (!this.tiled) {
      this.replaceData(SRC.clusters, fc);
      this.replaceData(SRC.clusterAnchors, clusterAnchors(fc));
    }
    this.allIds = fc.features.map((f) => f.properties.id);
    // Feature state of the old data means nothing for the new.
    this.hidden = new Set();
    this.selected = new Set();
    this.focused = null;
    this.drawHighlight();
  }

  setVillages(fc: VillageCollection | null): void {
    if (fc) this.setData(SRC.villages, fc);
    else this.clear(SRC.villages);
  }

  /**
   * Shows only these clusters (null: all). Filtered-out clusters are hidden through
   * feature state: only the changed features are touched and no tile is rebuilt.
   *
   * @param ids - ids of the clusters to show
   */
  setVisibleClusters(ids: readonly string[] | null): void {
    const visible = ids ? new Set(ids) : null;
    const next = new Set<string>();
    if (visible) for (const id of this.allIds) if (!visible.has(id)) next.add(id);
    for (const id of this.hidden) if (!next.has(id)) this.setStateFor(id, { hidden: false });
    for (const id of next) if (!this.hidden.has(id)) this.setStateFor(id, { hidden: true });
    this.hidden = next;
    if (this.selected.size || this.focused) this.drawHighlight();
  }

  private setStateFor(id: string, state: Record<string, boolean>): void {
    for (const target of this.clusterTargets()) this.map.setFeatureState({ ...target, id }, state);
  }

  /** Where a cluster's feature state lives: its polygon and its anchor point. */
  private clusterTargets(): { source: string; sourceLayer?: string }[] {
    return this.tiled
      ? [{ source: SRC.clusters, sourceLayer: TILE_LAYERS.polygons }, { source: SRC.clusters, sourceLayer: TILE_LAYERS.anchors }]
      : [{ source: SRC.clusters }, { source: SRC.clusterAnchors }];
  }

  /** The map sources that hold the clusters. */
  private clusterSourceIds(): string[] {
    return this.tiled ? [SRC.clusters] : [SRC.clusters, SRC.clusterAnchors];
  }

  /** A cluster's feature state on the map (hidden, selected, focused), as its polygon has it. */
  clusterState(id: string): Record<string, unknown> {
    return this.map.getFeatureState({ ...this.clusterTargets()[0]!, id });
  }

  /**
   * Stops drawing the clusters from the build's tiles and draws the app's own copy (null:
   * none) in GeoJSON sources instead: same layers, same places in the style, same visibility
   * and feature state.
   */
  private untile(fc: ClusterCollection | null): void {
    const order = this.map.getStyle().layers;
    const ids = order.map((l) => l.id);
    const layers = order.filter(isClusterLayer);
    for (const l of layers) this.map.removeLayer(l.id);
    this.map.removeSource(SRC.clusters);
    this.tiled = false;
    this.bundled.delete(SRC.clusters);
    for (const [id, spec] of Object.entries(clusterSources(fc ? { polygons: fc, anchors: clusterAnchors(fc) } : null))) this.map.addSource(id, spec);
    for (const l of layers) {
      const before = ids.slice(ids.indexOf(l.id) + 1).find((id) => !layers.some((c) => c.id === id));
      this.map.addLayer(clusterLayerOn(l, false), before);
    }
    // Feature state belongs to a source: the new sources get the current one.
    for (const id of this.hidden) this.setStateFor(id, { hidden: true });
    for (const id of this.selected) this.setStateFor(id, { selected: true });
    if (this.focused) this.setStateFor(this.focused, { focused: true });
  }

  /** Highlights the selected clusters (feature-state diff, no re-upload). */
  setSelection(ids: readonly string[]): void {
    const next = new Set(ids);
    for (const id of this.selected) if (!next.has(id)) this.setStateFor(id, { selected: false });
    for (const id of next) if (!this.selected.has(id)) this.setStateFor(id, { selected: true });
    this.selected = next;
    this.drawHighlight();
  }

  /** Marks the cluster whose details are open. */
  setFocus(id: string | null): void {
    if (this.focused === id) return;
    if (this.focused) this.setStateFor(this.focused, { focused: false });
    if (id) this.setStateFor(id, { focused: true });
    this.focused = id;
    this.drawHighlight();
  }

  /**
   * Outlines the selected and focused clusters that the filter shows: their polygons, from the
   * app's own copy, in a source of their own (nothing is drawn for the others).
   */
  private drawHighlight(): void {
    const fc = this.given.get(SRC.clusters) as ClusterCollection | undefined;
    const wanted = (id: string) => (this.selected.has(id) || id === this.focused) && !this.hidden.has(id);
    const features = (fc?.features ?? [])
      .filter((f) => f.geometry.type !== 'Point' && wanted(f.properties.id))
      .map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { id: f.properties.id, focused: f.properties.id === this.focused } }));
    if (!features.length && !this.highlighted) return;
    this.highlighted = features.length > 0;
    this.replaceData(SRC.highlight, { type: 'FeatureCollection', features });
  }

  /**
   * Starts drawing a selection area, or returns to panning (null). The drawing tool (terra-draw)
   * runs only while the planner draws: started, it keeps three sources and five layers on the
   * map, and even empty they cost every frame (MapLibre redraws its tile clipping masks for
   * each source it switches to, twice a frame).
   */
  setDrawMode(mode: DrawMode | null): void {
    this.drawing = mode !== null;
    this.drawMode = mode;
    if (!mode) {
      // (after the current event: a finished shape returns to panning from the tool's own handler)
      const draw = this.draw;
      this.draw = null;
      if (draw) queueMicrotask(() => !this.removed && draw.destroy());
      return;
    }
    if (this.draw) return this.draw.setMode(mode);
    void this.loadDrawModule().then(({ DrawTool }) => {
      // (the planner may have switched tools while the module loaded)
      if (!this.drawMode || this.draw) return this.draw?.setMode(this.drawMode);
      this.draw = new DrawTool(this.map, (f) => this.events.onAreaDrawn(f));
      this.draw.setMode(this.drawMode);
    });
  }

  /**
   * Opens the footprint editor on a shape, or closes it (null). Like the selection tool it
   * runs only while in use: its layers cost every frame.
   */
  setFootprintEdit(e: { tool: 'none' | 'draw' | 'reshape'; draft: Polygon | MultiPolygon | null } | null): void {
    const wasOpen = !!this.editWanted;
    this.editWanted = e;
    if (!e) {
      const ed = this.editor;
      this.editor = null;
      if (ed) queueMicrotask(() => !this.removed && ed.destroy());
      return;
    }
    if (this.editor) {
      if (!wasOpen) this.editor.load(e.draft);
      return this.editor.setTool(e.tool);
    }
    void (this.editorModule ??= import('./footprint_editor')).then(({ FootprintEditor }) => {
      if (!this.editWanted || this.editor || this.removed) return;
      this.editor = new FootprintEditor(this.map, { onChange: (g) => this.events.onFootprintChange(g), onHistory: (h) => this.events.onFootprintHistory(h), onTool: (t) => this.events.onFootprintTool(t) });
      this.editor.load(this.editWanted.draft);
      this.editor.setTool(this.editWanted.tool);
    });
  }

  /** Asks the footprint editor to undo, redo, or start again from a shape. */
  footprintCommand(kind: 'undo' | 'redo' | 'load', draft: Polygon | MultiPolygon | null): void {
    if (this.editWanted && kind === 'load') this.editWanted = { ...this.editWanted, draft };
    if (!this.editor) return;
    if (kind === 'undo') this.editor.undo();
    else if (kind === 'redo') this.editor.redo();
    else {
      this.editor.load(draft);
      // (reshape again: loading a shape leaves the select mode without a selection)
      this.editor.setTool(this.editWanted?.tool === 'draw' ? 'reshape' : this.editWanted?.tool ?? 'none', true);
    }
  }

  /** The drawing library is not in the initial bundle: it loads once the map is up, or on first use. */
  private loadDrawModule(): Promise<typeof import('./draw_tool')> {
    return (this.drawModule ??= import('./draw_tool'));
  }

  /** Shows the selection areas (drawn or imported). */
  setAreas(fc: FeatureCollection): void {
    this.replaceData(SRC.areas, fc);
  }

  /** The proposal under assessment, or none. */
  setProposal(g: Polygon | MultiPolygon | null): void {
    this.replaceData(SRC.proposal, g ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }] } : null);
  }

  /**
   * Shows the planner's imported features as their own layer: the features, the URL of their
   * GeoJSON, or a picture of them over a box (Blob URLs, given up once replaced).
   */
  setImported(data: ImportedData | null): void {
    const url = data && 'url' in data ? data.url : null;
    if (this.importedUrl && this.importedUrl !== url) URL.revokeObjectURL(this.importedUrl);
    this.importedUrl = url;
    this.setImportedImage(data && 'url' in data && data.kind === 'image' ? data : null);
    if (!data || !('url' in data)) return this.replaceData(SRC.imported, data);
    if (data.kind === 'image') return this.replaceData(SRC.imported, null);
    // (if the script cannot load, MapLibre reads the URL through the page: slower, still shown)
    void (blobProtocol ??= importScriptInWorkers(blobProtocolUrl).catch(() => undefined)).then(() => {
      // (replaced meanwhile: the newer data is already set)
      if (this.importedUrl !== data.url) return;
      (this.map.getSource(SRC.imported) as GeoJSONSource).setData(data.url);
      this.setVisibility(this.overlayLayers.get(SRC.imported) ?? [], true);
    });
  }

  /** The picture of a large import, under its vector layers (an image source needs its URL when made). */
  private setImportedImage(img: { url: string; bbox: [number, number, number, number] } | null): void {
    if (this.map.getLayer(LYR.importedImage)) this.map.removeLayer(LYR.importedImage);
    if (this.map.getSource(SRC.importedImage)) this.map.removeSource(SRC.importedImage);
    if (!img) return;
    const [w, s, e, n] = img.bbox;
    this.map.addSource(SRC.importedImage, { type: 'image', url: img.url, coordinates: [[w, n], [e, n], [e, s], [w, s]] });
    this.map.addLayer({ id: LYR.importedImage, type: 'raster', source: SRC.importedImage, paint: { 'raster-fade-duration': 0, 'raster-resampling': 'linear' } }, LYR.importedFill);
  }

  /** Shows or hides an optional layer group; the 2009 communes load when first shown. */
  /**
   * The controls' tooltips and the credits in the UI language. MapLibre reads its UI strings
   * when a control is added, so the controls are added again.
   */
  setLanguage(lang: Lang): void {
    if (this.controls.length && lang === this.lang) return;
    this.lang = lang;
    this.map._locale = { ...this.map._locale, ...MAP_UI_STRINGS[lang] };
    this.map.getCanvas().setAttribute('aria-label', MAP_UI_STRINGS[lang]['Map.Title'] ?? '');
    for (const c of this.controls) this.map.removeControl(c);
    this.controls = [new NavigationControl({ visualizePitch: false }), new ScaleControl({ unit: 'metric' }), this.attributionControl()];
    const [nav, scale, attrib] = this.controls;
    this.map.addControl(nav!, 'top-right');
    this.map.addControl(scale!, 'bottom-left');
    this.map.addControl(attrib!, 'bottom-right');
    this.watchCredits();
  }

  /**
   * The open credits can take two lines or more (a narrow window, the satellite credit): their
   * height goes to `--map-credits-h` on the map's parent, so the app's panels at the bottom of
   * the map (legend, selection bar) stay clear of them.
   */
  private watchCredits(): void {
    const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib');
    const host = this.map.getContainer().parentElement;
    if (!el || !host || typeof ResizeObserver === 'undefined') return;
    this.creditsObserver?.disconnect();
    this.creditsObserver = new ResizeObserver(() => host.style.setProperty('--map-credits-h', `${Math.ceil(el.getBoundingClientRect().height) + 4}px`));
    this.creditsObserver.observe(el);
  }

  private attributionControl(): AttributionControl {
    return new AttributionControl({ compact: true, customAttribution: bundledCredits(this.lang, this.communes2009Shown) });
  }

  setLayerVisible(group: LayerGroup, on: boolean): void {
    if (group === 'communes2009' && on !== this.communes2009Shown) {
      this.communes2009Shown = on;
      const old = this.controls[2];
      if (old) {
        this.map.removeControl(old);
        this.controls[2] = this.attributionControl();
        this.map.addControl(this.controls[2], 'bottom-right');
        this.watchCredits();
      }
    }
    if (group === 'communes2009' && on && !this.communes2009Loaded) {
      this.communes2009Loaded = true;
      (this.map.getSource(SRC.communes2009) as GeoJSONSource).setData(new URL('data/communes_2009.geojson', this.assetBase).href);
    }
    this.setVisibility(LAYER_GROUPS[group], on);
  }

  /** Shows the 2025 communes (boundaries and names), or none. */
  setCommunes(fc: FeatureCollection | null): void {
    this.replaceData(SRC.communes, fc);
  }

  /**
   * Shows one online basemap under the bundled land, or none, with the land fill lighter over
   * it. A basemap's tiles are requested only while it is shown.
   */
  setBasemap(basemap: Basemap): void {
    this.setVisibility(LAYER_GROUPS.osm, basemap === 'osm');
    this.setVisibility(LAYER_GROUPS.imagery, basemap === 'imagery');
    this.map.setPaintProperty(LYR.land, 'fill-opacity', landOpacity(basemap !== 'bundled'));
  }

  /** Frames a feature collection (or the province when empty). */
  fit(fc: FeatureCollection | null, animate = true): void {
    this.fitBox(fc && fc.features.length ? (bbox(fc) as [number, number, number, number]) : PROVINCE_BOUNDS, animate);
  }

  /** Frames a lon/lat box. */
  fitBox(b: readonly [number, number, number, number], animate = true): void {
    this.map.fitBounds(b as unknown as LngLatBoundsLike, { padding: { top: 30, bottom: 30, left: 30, right: 220 }, animate, maxZoom: 15 });
  }

  /** Shows the proximity result overlay (rings, links, hit markers), or nothing. */
  setProxOverlay(fc: FeatureCollection | null): void {
    this.replaceData(SRC.prox, fc);
  }

  /** Jumps to a view (e.g. from a shared link). */
  jumpTo(c: { lon: number; lat: number; zoom: number }): void {
    this.map.jumpTo({ center: [c.lon, c.lat], zoom: c.zoom });
  }

  /** Flies to one feature (cluster, zone or village). */
  flyTo(f: Feature): void {
    const b = bbox(f) as [number, number, number, number];
    // Panels beside the map may open in the same step: measure the canvas after the DOM has settled.
    requestAnimationFrame(() => {
      this.map.resize();
      this.map.fitBounds(b, { padding: 120, maxZoom: 14, duration: 900 });
    });
  }

  /**
   * A copy of what the map shows now, for image export, with the ground resolution.
   *
   * @returns the canvas copy (device pixels) and metres per CSS pixel at the centre
   */
  async snapshot(): Promise<{ canvas: HTMLCanvasElement; metresPerPixel: number; pixelRatio: number }> {
    await new Promise<void>((res) => {
      this.map.once('idle', () => res());
      this.map.triggerRepaint();
    });
    const canvas = await this.capture();
    const src = this.map.getCanvas();
    const c = this.map.getCenter();
    // Web Mercator ground resolution at the centre's latitude (512-px tiles in MapLibre).
    const metresPerPixel = (40075016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
    return { canvas, metresPerPixel, pixelRatio: src.width / src.clientWidth };
  }

  /**
   * The map for a printed report: framed on `bbox`, north up, at `pixelRatio`, with the names
   * of the `labelIds` clusters at any zoom (and no other names), then the view the planner had
   * is restored. Says which of those names MapLibre could place (the others overlapped).
   */
  async reportSnapshot(bbox: readonly [number, number, number, number], labelIds: readonly string[], pixelRatio = 2): Promise<{ canvas: HTMLCanvasElement; metresPerPixel: number; pixelRatio: number; labelled: string[] }> {
    const m = this.map;
    const camera = { center: m.getCenter(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
    const ratio = m.getPixelRatio();
    const layer = m.getLayer(LYR.clusterLabel) ? LYR.clusterLabel : null;
    const filter = layer ? m.getFilter(layer) : null;
    const zoomRange = layer ? ([m.getLayer(layer)!.minzoom ?? 0, m.getLayer(layer)!.maxzoom ?? 24] as const) : null;
    try {
      if (layer) {
        const only = ['in', ['get', 'id'], ['literal', [...labelIds]]];
        m.setFilter(layer, (filter ? ['all', filter, only] : only) as never);
        m.setLayerZoomRange(layer, 0, 24);
      }
      m.setPixelRatio(pixelRatio);
      m.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: { top: 50, left: 70, right: 70, bottom: 70 }, animate: false, bearing: 0, pitch: 0, maxZoom: 15 });
      const shot = await this.snapshot();
      const labelled = layer ? [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.id)))] : [];
      return { ...shot, labelled };
    } finally {
      if (layer) {
        m.setFilter(layer, (filter ?? null) as never);
        m.setLayerZoomRange(layer, zoomRange![0], zoomRange![1]);
      }
      m.setPixelRatio(ratio);
      m.jumpTo(camera);
    }
  }

  /**
   * A 2D copy of the next frame the map draws. WebGL clears its buffer once a frame is on
   * screen, so the copy is made in the `render` event, while the frame is still there.
   */
  capture(): Promise<HTMLCanvasElement> {
    return new Promise((resolve) => {
      this.map.once('render', () => {
        const src = this.map.getCanvas();
        const canvas = document.createElement('canvas');
        canvas.width = src.width;
        canvas.height = src.height;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = OUTSIDE_COLOR;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(src, 0, 0);
        resolve(canvas);
      });
      this.map.triggerRepaint();
    });
  }

  /** Rendered cluster features (what the user sees), for tests and exports. */
  renderedClusters(): MapGeoJSONFeature[] {
    return this.visibleOnly(this.map.queryRenderedFeatures({ layers: [...CLUSTER_LAYERS] }));
  }

  /** Drops clusters hidden by the filter (they are still in the tiles, drawn transparent). */
  visibleOnly(features: MapGeoJSONFeature[]): MapGeoJSONFeature[] {
    return features.filter((f) => !this.hidden.has(f.properties?.id as string));
  }

  destroy(): void {
    this.draw?.destroy();
    this.editor?.destroy();
    this.creditsObserver?.disconnect();
    this.removed = true;
    this.map.remove();
  }
}
