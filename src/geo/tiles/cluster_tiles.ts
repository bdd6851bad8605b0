import bbox from '@turf/bbox';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { clusterAnchors } from './cluster_anchors';
import type { ClusterCollection } from '../types';
import { TILE_EXTENT, TILE_LAYERS, TILE_MAXZOOM } from './cluster_tiles_spec';

export { CLUSTER_TILES_DIR, TILE_EXTENT, TILE_LAYERS, TILE_MAXZOOM } from './cluster_tiles_spec';

/**
 * The clusters as vector tiles, made at build time: the map's worker then decodes a few
 * small tiles instead of parsing the whole GeoJSON file and tiling it itself (at 10,000
 * clusters and more, most of the time to the first frame). One tile set holds two layers:
 * the polygons (`clusters`) and one anchor point per cluster for dots and labels (`anchors`).
 */

/**
 * Simplification tolerance in tile units: below the deepest zoom, MapLibre's own default for
 * GeoJSON sources (0.375 screen pixel at 512-px tiles), so the tiles carry no more vertices
 * than MapLibre would tile itself; at the deepest zoom, which is overzoomed, 1 unit (~1.1 m).
 */
const TOLERANCE = 6;
const TOLERANCE_DEEPEST = 1;

/** Tile buffer in tile units (64 screen pixels): outlines and dots are not cut at tile edges. */
const BUFFER = 1024;

/** The polygon properties the map's style and clicks read (the rest stays in the app's copy). */
const POLYGON_PROPS = ['id', 'status', 'wwtp', 'geometry_quality'] as const;

/** One tile: its address and its encoded bytes (Mapbox Vector Tile, protobuf). */
export interface EncodedTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

const lonToX = (lon: number, z: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number): number => {
  const r = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/**
 * Cuts the clusters into vector tiles, zoom 0 to `TILE_MAXZOOM`. Only tiles with features
 * are returned (the map reads a missing tile as empty). Same input, same bytes.
 *
 * @param fc - clusters (as checked by the loader's validation)
 * @returns the non-empty tiles, by zoom, then x, then y
 */
export function clusterTiles(fc: ClusterCollection): EncodedTile[] {
  if (!fc.features.length) return [];
  const polygons: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: Object.fromEntries(POLYGON_PROPS.map((k) => [k, f.properties[k]])),
    })),
  };
  const options = { maxZoom: TILE_MAXZOOM, indexMaxZoom: 0, extent: TILE_EXTENT, tolerance: TOLERANCE_DEEPEST, buffer: BUFFER };
  const deepest = new GeoJSONVT(polygons, options);
  const coarser = new GeoJSONVT(polygons, { ...options, maxZoom: TILE_MAXZOOM - 1, tolerance: TOLERANCE });
  const anchors = new GeoJSONVT(clusterAnchors(fc), options);
  const box = bbox(polygons);
  const out: EncodedTile[] = [];
  for (let z = 0; z <= TILE_MAXZOOM; z++) {
    // One tile more on each side: a neighbour's buffer may hold the edge of an outline.
    const last = 2 ** z - 1;
    for (let x = Math.max(0, lonToX(box[0], z) - 1); x <= Math.min(last, lonToX(box[2], z) + 1); x++) {
      for (let y = Math.max(0, latToY(box[3], z) - 1); y <= Math.min(last, latToY(box[1], z) + 1); y++) {
        const layers: Parameters<typeof fromGeojsonVt>[0] = {};
        const found = [
          [TILE_LAYERS.polygons, (z === TILE_MAXZOOM ? deepest : coarser).getTile(z, x, y)],
          [TILE_LAYERS.anchors, anchors.getTile(z, x, y)],
        ] as const;
        for (const [name, tile] of found) if (tile && tile.features.length) layers[name] = tile;
        if (Object.keys(layers).length) out.push({ z, x, y, bytes: fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT }) });
      }
    }
  }
  return out;
}
