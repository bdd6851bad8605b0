import { describe, expect, it } from 'vitest';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { OUTLINE_KINDS_FROM_ZOOM, basemapCredit, buildStyle, clusterLayerOn, clusterSources, FIRST_STAGE_SOURCES, IMAGERY_ATTRIBUTION, isClusterLayer, isOverlay, LAYER_GROUPS, landOpacity, OVERLAY_SOURCES, splitStyle } from '../../../src/map/style';
import { LYR, SRC } from '../../../src/map/ids';
import { GEOMETRY_QUALITIES } from '../../../src/geo/types';
import { OUTLINE } from '../../../src/map/palette';
import { CONTEXT_KEY, CONTEXT_PART } from '../../../src/geo/tiles/map_context';

const init = {
  data: { context: 'https://x/data/map_context.geojson' },
  clusterTiles: 'https://x/data/tiles/{z}/{x}/{y}.pbf',
  showZones: false,
  showVillages: true,
  showCommunes: true,
  showCommunes2009: false,
  osm: false,
};

/** Replays the later stage the way MapView adds it: each layer below its `before`. */
function replay(first: LayerSpecification[], later: { layer: LayerSpecification; before: string | undefined }[]): string[] {
  const ids = first.map((l) => l.id);
  for (const { layer, before } of later) {
    const at = before === undefined ? ids.length : ids.indexOf(before);
    expect(at).toBeGreaterThanOrEqual(0);
    ids.splice(at, 0, layer.id);
  }
  return ids;
}

describe('splitStyle', () => {
  const full = buildStyle('https://x/', init);
  const { first, later } = splitStyle(full, FIRST_STAGE_SOURCES);

  it('starts with the clusters (their tiles)', () => {
    expect(Object.keys(first.sources).sort()).toEqual([SRC.clusters, SRC.osm, SRC.imagery].sort());
    expect(first.sources[SRC.clusters]).toMatchObject({ type: 'vector', tiles: [init.clusterTiles], promoteId: 'id' });
    const ids = first.layers.map((l) => l.id);
    expect(ids).toContain(LYR.clusterFill);
    expect(ids).toContain(LYR.clusterDot);
    expect(ids).toContain(LYR.clusterLabel);
    expect(ids).not.toContain(LYR.land);
    expect(ids).not.toContain(LYR.zoneFill);
  });

  it('holds back every other source and layer, with their data and visibility', () => {
    expect(Object.keys(later.sources).sort()).toEqual(Object.keys(full.sources).filter((id) => !FIRST_STAGE_SOURCES.has(id)).sort());
    expect(later.sources[SRC.context]).toMatchObject({ type: 'geojson', data: init.data.context });
    const zoneFill = later.layers.find((l) => l.layer.id === LYR.zoneFill)!.layer;
    expect(zoneFill.layout).toMatchObject({ visibility: 'none' });
    expect(first.layers.length + later.layers.length).toBe(full.layers.length);
  });

  it('adds the later layers back in the full style order', () => {
    expect(replay([...first.layers], later.layers)).toEqual(full.layers.map((l) => l.id));
  });

  it('keeps layers without a source first, and puts a later layer on top when no first-stage layer follows it', () => {
    const style = { version: 8 as const, sources: { a: { type: 'geojson' as const, data: 'a' }, b: { type: 'geojson' as const, data: 'b' } }, layers: [
      { id: 'bg', type: 'background' as const },
      { id: 'a1', type: 'fill' as const, source: 'a' },
      { id: 'b1', type: 'fill' as const, source: 'b' },
    ] };
    const split = splitStyle(style, new Set(['a']));
    expect(split.first.layers.map((l) => l.id)).toEqual(['bg', 'a1']);
    expect(split.later.layers).toEqual([{ layer: style.layers[2], before: undefined }]);
    expect(replay(split.first.layers, split.later.layers)).toEqual(['bg', 'a1', 'b1']);
  });
});

describe('buildStyle overlays', () => {
  it('starts every overlay layer hidden (the overlays start empty) and nothing else', () => {
    const style = buildStyle('https://x/', init);
    const overlays = style.layers.filter(isOverlay);
    expect(new Set(overlays.map((l) => ('source' in l ? l.source : '')))).toEqual(new Set(OVERLAY_SOURCES));
    for (const l of overlays) expect(l.layout).toMatchObject({ visibility: 'none' });
    expect(style.layers.find((l) => l.id === LYR.clusterFill)?.layout?.visibility).toBeUndefined();
  });
});

describe('cluster layers, tiled or from GeoJSON', () => {
  const tiled = buildStyle('https://x/', init);
  const plain = buildStyle('https://x/', { ...init, clusterTiles: undefined });
  const byId = (s: typeof tiled, id: string) => s.layers.find((l) => l.id === id) as LayerSpecification & { source: string; 'source-layer'?: string };

  it('reads polygons and anchors from the one tile source, each from its tile layer', () => {
    expect(Object.keys(tiled.sources)).not.toContain(SRC.clusterAnchors);
    expect(byId(tiled, LYR.clusterFill)).toMatchObject({ source: SRC.clusters, 'source-layer': 'clusters' });
    expect(byId(tiled, LYR.clusterLineSchematic)).toMatchObject({ source: SRC.clusters, 'source-layer': 'clusters' });
    expect(byId(tiled, LYR.clusterHighlight)).toMatchObject({ source: SRC.highlight });
    expect(byId(tiled, LYR.clusterHighlight)['source-layer']).toBeUndefined();
    expect(byId(tiled, LYR.clusterDot)).toMatchObject({ source: SRC.clusters, 'source-layer': 'anchors' });
    expect(byId(tiled, LYR.clusterLabel)).toMatchObject({ source: SRC.clusters, 'source-layer': 'anchors' });
    expect(byId(tiled, LYR.zoneFill)['source-layer']).toBeUndefined();
  });

  it('without tiles, reads two GeoJSON sources; a tiled layer switched back equals it', () => {
    expect(plain.sources[SRC.clusters]).toMatchObject({ type: 'geojson' });
    expect(plain.sources[SRC.clusterAnchors]).toMatchObject({ type: 'geojson' });
    expect(byId(plain, LYR.clusterDot)).toMatchObject({ source: SRC.clusterAnchors });
    for (const l of tiled.layers) {
      const back = clusterLayerOn(l, false);
      expect(back, l.id).toEqual(byId(plain, l.id));
      expect(isClusterLayer(l)).toBe(l.id.startsWith('cluster-') && l.id !== LYR.clusterHighlight);
    }
  });

  it('gives GeoJSON sources the data handed to it, or empty ones', () => {
    const polygons = { type: 'FeatureCollection' as const, features: [] };
    const anchors = { type: 'FeatureCollection' as const, features: [] };
    expect(clusterSources({ polygons, anchors })).toEqual({
      [SRC.clusters]: { type: 'geojson', data: polygons, promoteId: 'id' },
      [SRC.clusterAnchors]: { type: 'geojson', data: anchors, promoteId: 'id' },
    });
    expect(clusterSources(null)[SRC.clusters]).toMatchObject({ type: 'geojson', data: { features: [] } });
  });
});

describe('cluster outlines', () => {
  const style = buildStyle('https://x/', init);
  const filterOf = (id: string) => {
    const at = style.layers.findIndex((l) => l.id === id);
    return featureFilter((style.layers[at] as LayerSpecification & { filter: FilterSpecification }).filter, `layers[${at}].filter`);
  };
  const OUTLINES = { surveyed: LYR.clusterLineSurveyed, traced: LYR.clusterLineTraced, schematic: LYR.clusterLineSchematic } as const;
  const filters = Object.entries(OUTLINES).map(([kind, id]) => [kind, filterOf(id)] as const);
  const feature = (type: 1 | 3, quality: string | undefined) => ({ type, properties: quality === undefined ? {} : { geometry_quality: quality } });
  const at = { zoom: 10 };
  /** The outline layers that draw a feature. */
  const drawnBy = (type: 1 | 3, quality: string | undefined) => filters.filter(([, f]) => f.filter(at, feature(type, quality))).map(([kind]) => kind);
  const paint = (id: string) => (style.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;

  it('each polygon is in exactly one outline layer (its own bucket), by its geometry quality', () => {
    const expected: Record<string, keyof typeof OUTLINES> = {
      surveyed: 'surveyed',
      'source-coordinates': 'surveyed',
      traced: 'traced',
      'schematic-commune': 'schematic',
      'schematic-district': 'schematic',
      // (a polygon should never carry a point quality; if one does, it is not drawn as a boundary)
      'point-commune': 'schematic',
      'point-district': 'schematic',
    };
    expect(Object.keys(expected).sort()).toEqual([...GEOMETRY_QUALITIES].sort());
    for (const q of GEOMETRY_QUALITIES) expect(drawnBy(3, q), q).toEqual([expected[q]]);
    expect(drawnBy(3, undefined)).toEqual(['schematic']);
    expect(drawnBy(3, 'made-up')).toEqual(['schematic']);
  });

  it('draws no outline for point features', () => {
    for (const q of [...GEOMETRY_QUALITIES, undefined]) expect(drawnBy(1, q), String(q)).toEqual([]);
  });

  it('surveyed solid, traced a double line, schematic dashed, with the palette\'s pattern', () => {
    expect(paint(LYR.clusterLineSurveyed)['line-dasharray']).toBeUndefined();
    expect(paint(LYR.clusterLineSurveyed)['line-gap-width']).toBeUndefined();
    expect(paint(LYR.clusterLineTraced)['line-dasharray']).toBeUndefined();
    expect(paint(LYR.clusterLineTraced)['line-gap-width']).toBeDefined();
    expect(paint(LYR.clusterLineSchematic)['line-dasharray']).toEqual([...OUTLINE.schematicDash]);
    expect(paint(LYR.clusterLineSchematic)['line-gap-width']).toBeUndefined();
    // widths by zoom: the traced lines are thinner than the surveyed one, and the pair with its gap wider
    const width = (v: unknown) => (v as number[]).slice(3).filter((_, i) => i % 2 === 1);
    const solid = width(paint(LYR.clusterLineSurveyed)['line-width']);
    const line = width(paint(LYR.clusterLineTraced)['line-width']);
    const gap = width(paint(LYR.clusterLineTraced)['line-gap-width']);
    expect(solid).toEqual(OUTLINE.width.map(([, w]) => w));
    solid.forEach((w, i) => {
      expect(line[i]!).toBeLessThan(w);
      expect(2 * line[i]! + gap[i]!).toBeGreaterThan(w);
    });
  });

  it('the three outlines sit together between the cluster fill and the highlight, from zoom 10 (below it the dots carry the wastewater colour)', () => {
    const ids = style.layers.map((l) => l.id);
    const i = ids.indexOf(LYR.clusterFill);
    expect(ids.slice(i, i + 5)).toEqual([LYR.clusterFill, LYR.clusterLineSurveyed, LYR.clusterLineTraced, LYR.clusterLineSchematic, LYR.clusterHighlight]);
    for (const id of [LYR.clusterLineSurveyed, LYR.clusterLineTraced, LYR.clusterLineSchematic]) expect(style.layers.find((l) => l.id === id)!.minzoom).toBe(OUTLINE_KINDS_FROM_ZOOM);
    const dot = style.layers.find((l) => l.id === LYR.clusterDot)!;
    expect(dot.maxzoom ?? 24).toBeGreaterThan(OUTLINE_KINDS_FROM_ZOOM);
  });
});

describe('online basemaps', () => {
  const layer = (style: ReturnType<typeof buildStyle>, id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { layout?: { visibility?: string }; paint?: Record<string, unknown> };

  it('satellite imagery: EOX Sentinel-2 cloudless 2016 tiles, credited as EOX asks, hidden by default', () => {
    const style = buildStyle('https://x/', init);
    expect(style.sources[SRC.imagery]).toMatchObject({
      type: 'raster',
      tiles: ['https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless_3857/default/g/{z}/{y}/{x}.jpg'],
      attribution: IMAGERY_ATTRIBUTION,
    });
    expect(IMAGERY_ATTRIBUTION).toContain('Sentinel-2 cloudless - https://s2maps.eu</a> by');
    expect(IMAGERY_ATTRIBUTION).toContain('EOX IT Services GmbH</a> (Contains modified Copernicus Sentinel data 2016 &amp; 2017)');
    expect(basemapCredit('imagery')).toBe('Sentinel-2 cloudless - https://s2maps.eu by EOX IT Services GmbH (Contains modified Copernicus Sentinel data 2016 & 2017)');
    expect(basemapCredit('osm')).toBe('© OpenStreetMap contributors');
    expect(basemapCredit('bundled')).toBe('');
    expect(layer(style, LYR.imagery).layout?.visibility).toBe('none');
    expect(layer(style, LYR.land).paint?.['fill-opacity']).toBe(1);
  });

  it('both basemaps lie under the land, and either one shown lightens it', () => {
    const ids = buildStyle('https://x/', init).layers.map((l) => l.id);
    expect(ids.indexOf(LYR.imagery)).toBeLessThan(ids.indexOf(LYR.land));
    expect(ids.indexOf(LYR.osm)).toBeLessThan(ids.indexOf(LYR.land));
    const imagery = buildStyle('https://x/', { ...init, imagery: true });
    expect(layer(imagery, LYR.imagery).layout?.visibility).toBe('visible');
    expect(layer(imagery, LYR.osm).layout?.visibility).toBe('none');
    expect(layer(imagery, LYR.land).paint?.['fill-opacity']).toBe(landOpacity(true));
    expect(landOpacity(true)).toBeLessThan(1);
    expect(LAYER_GROUPS.imagery).toEqual([LYR.imagery]);
  });
});

describe('context layers', () => {
  const style = buildStyle('https://x/', init);
  const layer = (id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { source: string; filter?: FilterSpecification };
  const filterOf = (id: string) => featureFilter(layer(id).filter, `layers[${style.layers.indexOf(layer(id))}].filter`);
  const from = (part: string, type: 1 | 3 = 3) => ({ type, properties: { [CONTEXT_KEY]: part, id: 'x' } });
  const at = { zoom: 10 };

  it('each layer draws only the features of its own file', () => {
    const expected: Record<string, string> = {
      [LYR.land]: CONTEXT_PART.exProvinces,
      [LYR.exProvinceLine]: CONTEXT_PART.exProvinces,
      [LYR.exProvinceLabel]: CONTEXT_PART.exProvinces,
      [LYR.provinceLine]: CONTEXT_PART.province,
      [LYR.zoneFill]: CONTEXT_PART.zones,
      [LYR.zoneLine]: CONTEXT_PART.zones,
      [LYR.zoneLabel]: CONTEXT_PART.zones,
    };
    for (const [id, own] of Object.entries(expected)) {
      expect(layer(id).source, id).toBe(SRC.context);
      for (const part of Object.values(CONTEXT_PART)) expect(filterOf(id).filter(at, from(part)), `${id} / ${part}`).toBe(part === own);
    }
    // KCN given as a point only have a label, no fill or outline
    expect(filterOf(LYR.zoneFill).filter(at, from(CONTEXT_PART.zones, 1))).toBe(false);
  });

  it('the fill and line layers shown at the opening view read two sources (MapLibre redraws tile masks per source switch)', () => {
    // (the communes start at zoom 9, past the province view; bench:browser measures them)
    const shown = (l: LayerSpecification) => (l as { layout?: { visibility?: string } }).layout?.visibility !== 'none' && (l.minzoom ?? 0) < 9;
    const clipped = style.layers.filter((l) => (l.type === 'fill' || l.type === 'line') && !isOverlay(l) && shown(l));
    expect(new Set(clipped.map((l) => (l as { source: string }).source))).toEqual(new Set([SRC.context, SRC.clusters]));
  });
});
