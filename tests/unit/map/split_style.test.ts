import { describe, expect, it } from 'vitest';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, clusterLayerOn, clusterSources, FIRST_STAGE_SOURCES, isClusterLayer, isOverlay, OVERLAY_SOURCES, splitStyle } from '../../../src/map/style';
import { LYR, SRC } from '../../../src/map/ids';
import { GEOMETRY_QUALITIES } from '../../../src/geo/types';
import { CONTEXT_KEY, CONTEXT_PART } from '../../../src/geo/tiles/map_context';

const init = {
  data: { context: 'https://x/data/map_context.geojson' },
  clusterTiles: 'https://x/data/tiles/{z}/{x}/{y}.pbf',
  showZones: false,
  showVillages: true,
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
    expect(Object.keys(first.sources).sort()).toEqual([SRC.clusters, SRC.osm].sort());
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
  const surveyed = filterOf(LYR.clusterLineSurveyed);
  const schematic = filterOf(LYR.clusterLineSchematic);
  const feature = (type: 1 | 3, quality: string | undefined) => ({ type, properties: quality === undefined ? {} : { geometry_quality: quality } });
  const at = { zoom: 10 };

  it('each polygon is in exactly one outline layer (its own bucket), by its geometry quality', () => {
    expect([surveyed.filter(at, feature(3, 'surveyed')), schematic.filter(at, feature(3, 'surveyed'))]).toEqual([true, false]);
    for (const q of [...GEOMETRY_QUALITIES.filter((x) => x !== 'surveyed'), undefined]) {
      expect([surveyed.filter(at, feature(3, q)), schematic.filter(at, feature(3, q))], String(q)).toEqual([false, true]);
    }
  });

  it('draws no outline for point features, and only the schematic one dashed', () => {
    expect([surveyed.filter(at, feature(1, 'surveyed')), schematic.filter(at, feature(1, 'schematic'))]).toEqual([false, false]);
    const paint = (id: string) => (style.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
    expect(paint(LYR.clusterLineSchematic)['line-dasharray']).toBeDefined();
    expect(paint(LYR.clusterLineSurveyed)['line-dasharray']).toBeUndefined();
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

  it('the fill and line layers shown from the start read two sources (MapLibre redraws tile masks per source switch)', () => {
    const shown = (l: LayerSpecification) => (l as { layout?: { visibility?: string } }).layout?.visibility !== 'none';
    const clipped = style.layers.filter((l) => (l.type === 'fill' || l.type === 'line') && !isOverlay(l) && shown(l));
    expect(new Set(clipped.map((l) => (l as { source: string }).source))).toEqual(new Set([SRC.context, SRC.clusters]));
  });
});
