import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR, LYR, SRC } from './ids';
import type { Basemap } from '../store/types';
import type { Lang } from '../geo/format';
import { TILE_LAYERS, TILE_MAXZOOM } from '../geo/tiles/cluster_tiles_spec';
import { CONTEXT_KEY, CONTEXT_PART, type ContextPart } from '../geo/tiles/map_context';
import { AREA_COLOR, PROPOSAL_COLOR, COMMUNE_2009_COLOR, COMMUNE_COLOR, HIGHLIGHT_COLOR, IMPORTED_COLOR, OUTLINE, PROX_COLOR, STATUS_COLOR, VILLAGE_COLOR, WWTP_COLOR, ZONE_COLOR } from './palette';

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });
const vis = (on: boolean): 'visible' | 'none' => (on ? 'visible' : 'none');

function matchColor(prop: string, table: Record<string, string>, fallback: string): ExpressionSpecification {
  return ['match', ['get', prop], ...Object.entries(table).flat(), fallback] as unknown as ExpressionSpecification;
}

/** Footprints from coordinates: a surveyed boundary, or a polygon a source gave as coordinates. */
const SURVEYED: ExpressionSpecification = ['match', ['get', 'geometry_quality'], ['surveyed', 'source-coordinates'], true, false];
/** Footprints drawn by hand over imagery or from a boundary description. */
const TRACED: ExpressionSpecification = ['==', ['get', 'geometry_quality'], 'traced'];
/** Everything else is schematic (the `schematic-*` squares, and any quality the map does not know). */
const SCHEMATIC: ExpressionSpecification = ['!', ['any', SURVEYED, TRACED]];
const IS_POINT: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const POLYGONS: ExpressionSpecification = ['!', IS_POINT];
const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const FOCUSED: ExpressionSpecification = ['boolean', ['feature-state', 'focused'], false];
/** Filtered out: hidden through feature state, so a filter change repaints without re-tiling. */
const HIDDEN: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];
const SHOWN_OPACITY: ExpressionSpecification = ['case', HIDDEN, 0, 1];
/** An outline width by zoom: `OUTLINE.width` times `k`. */
const outlineWidth = (k = 1): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...OUTLINE.width.flatMap(([z, w]) => [z, w * k])] as unknown as ExpressionSpecification;
/** The context source's features from one of its files (see src/geo/tiles/map_context.ts). */
const part = (k: ContextPart): ExpressionSpecification => ['==', ['get', CONTEXT_KEY], CONTEXT_PART[k]];

/** From this zoom clusters have outlines, which tell surveyed (solid), traced (double) and schematic (dashed) apart. */
export const OUTLINE_KINDS_FROM_ZOOM = 10;

/** Credits of the bundled layers, per UI language (the 2025 communes' as their MIT source asks for it, see geodata/README.md). */
const CREDITS: Record<Lang, { boundaries: string; data: string; communes: string; communes2009: string }> = {
  vi: {
    boundaries: 'Ranh giới: censusVN2009 (MIT, © 2017 Marc Choisy)',
    data: 'Dữ liệu CCN: nguồn công khai (xem chi tiết)',
    communes: 'Xã/phường 2025: vietnamese-provinces-database (MIT), từ sapnhap.bando.com.vn',
    communes2009: 'Xã 2009: censusVN2009 (MIT, © 2017 Marc Choisy)',
  },
  en: {
    boundaries: 'Boundaries: censusVN2009 (MIT, © 2017 Marc Choisy)',
    data: 'Cluster data: public sources (see details)',
    communes: 'Communes 2025: vietnamese-provinces-database (MIT), from sapnhap.bando.com.vn',
    communes2009: 'Communes 2009: censusVN2009 (MIT, © 2017 Marc Choisy)',
  },
};

/** The bundled layers' credit lines in the UI language (the 2009 communes' only while they are shown). */
export function bundledCredits(lang: Lang, communes2009: boolean): string[] {
  const c = CREDITS[lang];
  return [c.boundaries, c.communes, ...(communes2009 ? [c.communes2009] : []), c.data];
}

/** MapLibre's own UI strings (control tooltips, the map's label), per UI language. */
export const MAP_UI_STRINGS: Record<Lang, Record<string, string>> = {
  vi: {
    'NavigationControl.ZoomIn': 'Phóng to',
    'NavigationControl.ZoomOut': 'Thu nhỏ',
    'NavigationControl.ResetBearing': 'Xoay về hướng bắc',
    'AttributionControl.ToggleAttribution': 'Hiện/ẩn nguồn bản đồ',
    'AttributionControl.MapFeedback': 'Góp ý về bản đồ',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'Map.Title': 'Bản đồ',
  },
  en: {
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'AttributionControl.MapFeedback': 'Map feedback',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'Map.Title': 'Map',
  },
};

/** Credit of the OpenStreetMap basemap, as OSM asks for it. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/**
 * Credit of the satellite basemap as EOX asks for it (with its links, on-line): Sentinel-2
 * cloudless 2016, CC BY 4.0 (see README, Licences). Its tropical tiles are from 2017 data.
 */
export const IMAGERY_ATTRIBUTION =
  '<a href="https://s2maps.eu" target="_blank" rel="noopener">Sentinel-2 cloudless - https://s2maps.eu</a> by ' +
  '<a href="https://eox.at" target="_blank" rel="noopener">EOX IT Services GmbH</a> (Contains modified Copernicus Sentinel data 2016 &amp; 2017)';

/** The credit line of a basemap as plain text (for a map image), empty for none. */
export function basemapCredit(basemap: Basemap): string {
  if (basemap === 'osm') return OSM_ATTRIBUTION;
  if (basemap === 'imagery') return 'Sentinel-2 cloudless - https://s2maps.eu by EOX IT Services GmbH (Contains modified Copernicus Sentinel data 2016 & 2017)';
  return '';
}

/** Imagery tiles: the 2016 Sentinel-2 cloudless layer (10 m), Web Mercator, from EOX's WMTS. */
const IMAGERY_TILES = 'https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless_3857/default/g/{z}/{y}/{x}.jpg';

/** Sources the map can load by URL itself (fetched and parsed in MapLibre's worker). */
export type UrlSource = 'context' | 'villages';

/** What the map starts with, so that nothing is re-tiled right after the first load. */
export interface MapInit {
  /** Absolute URLs of the bundled files, per source; a source without one starts empty. */
  data: Partial<Record<UrlSource, string>>;
  /**
   * Absolute URL template (`…/{z}/{x}/{y}.pbf`) of the build's cluster tiles (polygons and
   * anchors in one vector source); without it the clusters start as empty GeoJSON sources.
   */
  clusterTiles?: string;
  showZones: boolean;
  showVillages: boolean;
  showCommunes: boolean;
  showCommunes2009: boolean;
  osm: boolean;
  /** UI language of the map's controls and credits (default Vietnamese). */
  lang?: Lang;
  /** The satellite basemap is on (default off). */
  imagery?: boolean;
}

/** Layers per optional group, switched through `visibility`. */
export const LAYER_GROUPS = {
  zones: [LYR.zoneFill, LYR.zoneLine, LYR.zoneLabel],
  villages: [LYR.villageDot, LYR.villageLabel],
  communes: [LYR.communeLine, LYR.communeLabel],
  communes2009: [LYR.commune2009Line, LYR.commune2009Label],
  osm: [LYR.osm],
  imagery: [LYR.imagery],
} as const;

/** Land fill opacity: lighter over an online basemap (OpenStreetMap or imagery). */
export const landOpacity = (online: boolean): number => (online ? 0.35 : 1);

/**
 * The app's map style: everything bundled, nothing fetched from the network except
 * glyphs from the app's own origin. The optional online basemaps (OpenStreetMap, satellite
 * imagery) are present but hidden unless `init` turns one on.
 * The bundled files are given by URL, so MapLibre's worker fetches, parses and tiles them
 * while the main thread starts the app; layer visibility is the initial one (a later
 * change of a layout property would reload the source's tiles).
 *
 * @param assetBase - absolute URL of the app's base (for the glyphs)
 * @param init - data URLs and initial layer visibility
 */
export function buildStyle(assetBase: string, init: MapInit): StyleSpecification {
  const data = (k: UrlSource) => init.data[k] ?? empty();
  const statusColor = matchColor('status', STATUS_COLOR, '#999');
  const wwtpColor = matchColor('wwtp', WWTP_COLOR, '#999');
  const style: StyleSpecification = {
    version: 8,
    glyphs: `${assetBase}fonts/{fontstack}/{range}.pbf`,
    sources: {
      [SRC.osm]: {
        type: 'raster',
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        tileSize: 256,
        maxzoom: 19,
        attribution: OSM_ATTRIBUTION,
      },
      [SRC.imagery]: {
        type: 'raster',
        tiles: [IMAGERY_TILES],
        tileSize: 256,
        // 10 m pixels: deeper zooms enlarge these tiles instead of asking for more.
        maxzoom: 14,
        attribution: IMAGERY_ATTRIBUTION,
      },
      // The worker loads sources in this order: the clusters first.
      ...clusterSources(init.clusterTiles ? { tiles: init.clusterTiles } : null),
      // Land, boundaries and zones in one source: one set of tile clipping masks per pass, not three.
      [SRC.context]: { type: 'geojson', data: data('context') },
      [SRC.villages]: { type: 'geojson', data: data('villages'), promoteId: 'id' },
      [SRC.communes]: { type: 'geojson', data: empty() },
      [SRC.communes2009]: { type: 'geojson', data: empty() },
      [SRC.highlight]: { type: 'geojson', data: empty() },
      [SRC.areas]: { type: 'geojson', data: empty() },
      [SRC.proposal]: { type: 'geojson', data: empty() },
      [SRC.imported]: { type: 'geojson', data: empty() },
      [SRC.prox]: { type: 'geojson', data: empty() },
    },
    layers: [
      // No background layer: the map's container shows OUTSIDE_COLOR through the cleared
      // canvas, which saves a full-screen fill on every frame (see MapView).
      { id: LYR.imagery, type: 'raster', source: SRC.imagery, layout: { visibility: vis(!!init.imagery) } },
      { id: LYR.osm, type: 'raster', source: SRC.osm, layout: { visibility: vis(init.osm) } },
      {
        id: LYR.land,
        type: 'fill',
        source: SRC.context,
        filter: part('exProvinces'),
        paint: {
          'fill-color': ['match', ['get', 'id'], 'ha-nam', '#f7f4ec', 'nam-dinh', '#f3f6ee', '#f6f1f4'],
          'fill-opacity': landOpacity(init.osm || !!init.imagery),
          // Fills whose edges a line layer draws anyway skip the antialiasing pass (one draw less per tile and frame).
          'fill-antialias': false,
        },
      },
      {
        id: LYR.exProvinceLine,
        type: 'line',
        source: SRC.context,
        filter: part('exProvinces'),
        paint: { 'line-color': '#8c8c8c', 'line-width': 1.2, 'line-dasharray': [4, 2] },
      },
      { id: LYR.provinceLine, type: 'line', source: SRC.context, filter: part('province'), paint: { 'line-color': '#444', 'line-width': 2.2 } },
      {
        id: LYR.commune2009Line,
        type: 'line',
        source: SRC.communes2009,
        minzoom: 9,
        layout: { visibility: vis(init.showCommunes2009) },
        paint: { 'line-color': COMMUNE_2009_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 13, 1.2], 'line-dasharray': [2, 2] },
      },
      {
        id: LYR.communeLine,
        type: 'line',
        source: SRC.communes,
        minzoom: 9,
        filter: ['!', IS_POINT],
        layout: { visibility: vis(init.showCommunes) },
        // (faint at province scale, where they would crowd the clusters; firm from zoom 11)
        paint: { 'line-color': COMMUNE_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 13, 1.5], 'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 11, 0.8] },
      },
      {
        id: LYR.zoneFill,
        type: 'fill',
        source: SRC.context,
        filter: ['all', part('zones'), ['!', IS_POINT]],
        layout: { visibility: vis(init.showZones) },
        paint: { 'fill-color': ZONE_COLOR, 'fill-opacity': 0.18, 'fill-antialias': false },
      },
      {
        id: LYR.zoneLine,
        type: 'line',
        source: SRC.context,
        filter: ['all', part('zones'), ['!', IS_POINT]],
        layout: { visibility: vis(init.showZones) },
        paint: { 'line-color': ZONE_COLOR, 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      { id: LYR.proxRing, type: 'line', source: SRC.prox, filter: ['==', ['get', 'role'], 'ring'], paint: { 'line-color': PROX_COLOR, 'line-width': 2, 'line-dasharray': [3, 2] } },
      { id: LYR.proxLink, type: 'line', source: SRC.prox, filter: ['==', ['get', 'role'], 'link'], paint: { 'line-color': PROX_COLOR, 'line-width': 1.2, 'line-opacity': 0.8 } },
      {
        id: LYR.proxHit,
        type: 'circle',
        source: SRC.prox,
        filter: ['==', ['get', 'role'], 'hit'],
        paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 11, 'circle-stroke-color': PROX_COLOR, 'circle-stroke-width': 2.5 },
      },
      {
        id: LYR.clusterFill,
        type: 'fill',
        source: SRC.clusters,
        filter: POLYGONS,
        paint: { 'fill-color': statusColor, 'fill-opacity': ['case', HIDDEN, 0, SELECTED, 0.9, 0.7], 'fill-antialias': false },
      },
      // Each outline draws only its own clusters (its own bucket). When they shared one bucket
      // and picked their clusters by opacity, the GPU drew both over every polygon, the dashed
      // one with its costlier shader, at opacity 0 where it did not apply.
      // Outlines from zoom 10 only: below it a footprint is a few pixels across, no dash or double
      // line can be read, and the cluster's dot (stroked in the wastewater colour) says it all.
      {
        id: LYR.clusterLineSurveyed,
        type: 'line',
        source: SRC.clusters,
        minzoom: OUTLINE_KINDS_FROM_ZOOM,
        filter: ['all', POLYGONS, SURVEYED],
        paint: { 'line-color': wwtpColor, 'line-width': outlineWidth(), 'line-opacity': SHOWN_OPACITY },
      },
      {
        // A double line: solid like a surveyed boundary, never mistaken for the schematic dash.
        id: LYR.clusterLineTraced,
        type: 'line',
        source: SRC.clusters,
        minzoom: OUTLINE_KINDS_FROM_ZOOM,
        filter: ['all', POLYGONS, TRACED],
        paint: {
          'line-color': wwtpColor,
          'line-width': outlineWidth(OUTLINE.tracedLine),
          'line-gap-width': outlineWidth(OUTLINE.tracedGap),
          'line-opacity': SHOWN_OPACITY,
        },
      },
      {
        id: LYR.clusterLineSchematic,
        type: 'line',
        source: SRC.clusters,
        minzoom: OUTLINE_KINDS_FROM_ZOOM,
        filter: ['all', POLYGONS, SCHEMATIC],
        paint: { 'line-color': wwtpColor, 'line-width': outlineWidth(), 'line-dasharray': [...OUTLINE.schematicDash], 'line-opacity': SHOWN_OPACITY },
      },
      {
        // Only the selected and focused clusters are in this source (an overlay, hidden while
        // empty): drawing the highlight over every polygon at width 0 cost a full line pass per
        // frame and a shader program at start.
        id: LYR.clusterHighlight,
        type: 'line',
        source: SRC.highlight,
        paint: {
          'line-color': ['case', ['get', 'focused'], '#000', '#1a1a1a'],
          'line-width': ['case', ['get', 'focused'], 4, 3],
          'line-gap-width': 2,
        },
      },
      {
        // Anchors keep small clusters visible at province scale; they fade out as the polygons grow.
        id: LYR.clusterDot,
        type: 'circle',
        source: SRC.clusterAnchors,
        maxzoom: 12,
        filter: ['!=', ['get', 'point_only'], true],
        paint: {
          'circle-color': statusColor,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, ['case', ['any', FOCUSED, SELECTED], 6.5, 4], 11, ['case', ['any', FOCUSED, SELECTED], 8.5, 6]],
          'circle-stroke-color': ['case', ['any', FOCUSED, SELECTED], HIGHLIGHT_COLOR, wwtpColor],
          'circle-stroke-width': ['case', FOCUSED, 3, SELECTED, 3, 1.5],
          'circle-opacity': ['interpolate', ['linear'], ['zoom'], 10.5, SHOWN_OPACITY, 11.5, 0],
          'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 10.5, SHOWN_OPACITY, 11.5, 0],
        },
      },
      {
        // Clusters no source gives an area for: a hollow marker at every zoom, never a polygon of made-up size.
        id: LYR.clusterPoint,
        type: 'circle',
        source: SRC.clusterAnchors,
        filter: ['==', ['get', 'point_only'], true],
        paint: {
          'circle-color': '#ffffff',
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4, 11, 6, 14, 7],
          'circle-stroke-color': ['case', ['any', FOCUSED, SELECTED], HIGHLIGHT_COLOR, statusColor],
          'circle-stroke-width': ['case', FOCUSED, 4.5, SELECTED, 4.5, 3],
          'circle-opacity': SHOWN_OPACITY,
          'circle-stroke-opacity': SHOWN_OPACITY,
        },
      },
      {
        id: LYR.villageDot,
        type: 'circle',
        source: SRC.villages,
        layout: { visibility: vis(init.showVillages) },
        paint: {
          'circle-color': VILLAGE_COLOR,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 2.5, 12, 5],
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 1,
        },
      },
      { id: LYR.areaFill, type: 'fill', source: SRC.areas, paint: { 'fill-color': AREA_COLOR, 'fill-opacity': 0.08 } },
      { id: LYR.areaLine, type: 'line', source: SRC.areas, paint: { 'line-color': AREA_COLOR, 'line-width': 2, 'line-dasharray': [1, 1] } },
      { id: LYR.proposalFill, type: 'fill', source: SRC.proposal, paint: { 'fill-color': PROPOSAL_COLOR, 'fill-opacity': 0.12 } },
      { id: LYR.proposalLine, type: 'line', source: SRC.proposal, paint: { 'line-color': PROPOSAL_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1] } },
      { id: LYR.importedFill, type: 'fill', source: SRC.imported, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': IMPORTED_COLOR, 'fill-opacity': 0.2 } },
      { id: LYR.importedLine, type: 'line', source: SRC.imported, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': IMPORTED_COLOR, 'line-width': 2 } },
      { id: LYR.importedPoint, type: 'circle', source: SRC.imported, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': IMPORTED_COLOR, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      {
        id: LYR.commune2009Label,
        type: 'symbol',
        source: SRC.communes2009,
        minzoom: 12,
        layout: { visibility: vis(init.showCommunes2009), 'text-field': ['get', 'commune'], 'text-font': FONT_REGULAR, 'text-size': 10.5, 'symbol-placement': 'point' },
        paint: { 'text-color': COMMUNE_2009_COLOR, 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
      },
      {
        // Names from zoom 10, placed at a point inside each commune (made by mapshaper at build).
        id: LYR.communeLabel,
        type: 'symbol',
        source: SRC.communes,
        minzoom: 10,
        filter: IS_POINT,
        layout: { visibility: vis(init.showCommunes), 'text-field': ['get', 'name'], 'text-font': FONT_REGULAR, 'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10.5, 14, 13], 'text-max-width': 8 },
        paint: { 'text-color': COMMUNE_COLOR, 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      },
      {
        id: LYR.villageLabel,
        type: 'symbol',
        source: SRC.villages,
        minzoom: 12,
        layout: { visibility: vis(init.showVillages), 'text-field': ['get', 'name'], 'text-font': FONT_REGULAR, 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
        paint: { 'text-color': VILLAGE_COLOR, 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      },
      {
        id: LYR.exProvinceLabel,
        type: 'symbol',
        source: SRC.context,
        filter: part('exProvinces'),
        maxzoom: 10,
        layout: { 'text-field': ['get', 'name'], 'text-font': FONT_BOLD, 'text-size': 15, 'text-letter-spacing': 0.05 },
        paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.5, 'text-opacity': 0.8 },
      },
      {
        id: LYR.zoneLabel,
        type: 'symbol',
        source: SRC.context,
        filter: part('zones'),
        minzoom: 10,
        layout: { visibility: vis(init.showZones), 'text-field': ['get', 'name'], 'text-font': FONT_REGULAR, 'text-size': 12 },
        paint: { 'text-color': ZONE_COLOR, 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      },
      {
        id: LYR.clusterLabel,
        type: 'symbol',
        source: SRC.clusterAnchors,
        minzoom: 10.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_BOLD,
          'text-size': 12.5,
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
          'text-max-width': 10,
        },
        paint: { 'text-color': '#222', 'text-halo-color': '#fff', 'text-halo-width': 1.6, 'text-opacity': SHOWN_OPACITY },
      },
    ],
  };
  // The overlays start empty, so hidden (see OVERLAY_SOURCES).
  style.layers = style.layers.map((l) => (isOverlay(l) ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as LayerSpecification) : l));
  style.layers = style.layers.map((l) => clusterLayerOn(l, !!init.clusterTiles));
  return style;
}

/** How far the map can be panned (lon/lat); also the area the cluster tiles are requested for. */
export const MAP_BOUNDS: [number, number, number, number] = [104.6, 19.3, 107.6, 21.3];

/**
 * The clusters' sources: the build's vector tiles (one source, polygons and anchors as two
 * tile layers), or two GeoJSON sources with the given data (the app's own copy: when the
 * tiles could not be loaded, or the clusters file did not pass the checks).
 *
 * @param from - the tile URL template, or the polygons and anchors (null: empty)
 */
export function clusterSources(
  from: { tiles: string } | { polygons: GeoJSON.FeatureCollection; anchors: GeoJSON.FeatureCollection } | null,
): Record<string, SourceSpecification> {
  if (from && 'tiles' in from) {
    return { [SRC.clusters]: { type: 'vector', tiles: [from.tiles], maxzoom: TILE_MAXZOOM, bounds: MAP_BOUNDS, promoteId: 'id' } };
  }
  return {
    [SRC.clusters]: { type: 'geojson', data: from?.polygons ?? empty(), promoteId: 'id' },
    [SRC.clusterAnchors]: { type: 'geojson', data: from?.anchors ?? empty(), promoteId: 'id' },
  };
}

/** Whether a layer draws the clusters (polygons or anchor points), whichever sources hold them. */
export const isClusterLayer = (l: LayerSpecification): boolean =>
  'source' in l && (l.source === SRC.clusters || l.source === SRC.clusterAnchors);

/**
 * A cluster layer pointed at the clusters' tiles (`tiled`) or at their GeoJSON sources; any
 * other layer unchanged. The style writes cluster layers for GeoJSON: the polygon layers on
 * `SRC.clusters`, the dots and labels on `SRC.clusterAnchors`.
 */
export function clusterLayerOn(l: LayerSpecification, tiled: boolean): LayerSpecification {
  if (!isClusterLayer(l)) return l;
  const anchors = ANCHOR_LAYERS.has(l.id);
  const { 'source-layer': _, ...rest } = l as LayerSpecification & { 'source-layer'?: string };
  if (!tiled) return { ...rest, source: anchors ? SRC.clusterAnchors : SRC.clusters } as LayerSpecification;
  return { ...rest, source: SRC.clusters, 'source-layer': anchors ? TILE_LAYERS.anchors : TILE_LAYERS.polygons } as LayerSpecification;
}

/** Layers drawn from the anchor points (one per cluster). */
const ANCHOR_LAYERS: ReadonlySet<string> = new Set([LYR.clusterDot, LYR.clusterPoint, LYR.clusterLabel]);

/**
 * The planner's overlays (selection highlight, drawn or imported areas, imported features, proximity answers).
 * Their layers are hidden while the overlay is empty: an empty source still costs every
 * frame its tile masks and draw calls.
 */
export const OVERLAY_SOURCES: ReadonlySet<string> = new Set([SRC.highlight, SRC.areas, SRC.proposal, SRC.imported, SRC.prox]);

/** Whether a layer draws one of the OVERLAY_SOURCES. */
export const isOverlay = (l: LayerSpecification): l is LayerSpecification & { source: string } =>
  'source' in l && OVERLAY_SOURCES.has(l.source as string);

/** Sources of the first frame: the clusters (tiles, or polygons and anchors), and the online basemaps (off unless the planner turned one on). */
export const FIRST_STAGE_SOURCES: ReadonlySet<string> = new Set([SRC.clusters, SRC.clusterAnchors, SRC.osm, SRC.imagery]);

/** What a style adds after its first frame: sources, and layers with the layer each goes below. */
export interface LaterStage {
  sources: Record<string, SourceSpecification>;
  layers: { layer: LayerSpecification; before: string | undefined }[];
}

/**
 * Splits a style in two: what the first frame needs (the given sources, their layers and
 * the layers without a source), and the rest, to add once that frame is drawn. Each later
 * layer goes below the next first-stage layer of the full style, so the final order is the
 * full style's.
 */
export function splitStyle(style: StyleSpecification, first: ReadonlySet<string>): { first: StyleSpecification; later: LaterStage } {
  const inFirst = (l: LayerSpecification) => !('source' in l) || first.has(l.source as string);
  const sources = Object.entries(style.sources);
  const later: LaterStage = { sources: Object.fromEntries(sources.filter(([id]) => !first.has(id))), layers: [] };
  style.layers.forEach((layer, i) => {
    if (inFirst(layer)) return;
    later.layers.push({ layer, before: style.layers.slice(i + 1).find(inFirst)?.id });
  });
  return {
    first: { ...style, sources: Object.fromEntries(sources.filter(([id]) => first.has(id))), layers: style.layers.filter(inFirst) },
    later,
  };
}
