/**
 * How the build's cluster tiles are laid out (see cluster_tiles.ts, which makes them): shared
 * by the build and by the map, which must not pull the tiler into the app's bundle.
 */

/** Tile layer names (MapLibre's `source-layer`). */
export const TILE_LAYERS = { polygons: 'clusters', anchors: 'anchors' } as const;

/** Where the build puts the tiles, relative to the app's base URL ({z}/{x}/{y}.pbf). */
export const CLUSTER_TILES_DIR = 'data/tiles';

/**
 * Deepest zoom of the tiles; the map overzooms them beyond. With `TILE_EXTENT` the vertex grid
 * at this zoom is about 1.1 m (at 20° N), finer than any cluster boundary the sources give.
 */
export const TILE_MAXZOOM = 12;

/** Tile coordinate units per tile side (8192 = MapLibre's own internal resolution). */
export const TILE_EXTENT = 8192;
