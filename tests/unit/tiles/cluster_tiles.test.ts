import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { Polygon, Position } from 'geojson';
import { clusterAnchors } from '../../../src/geo/tiles/cluster_anchors';
import { clusterTiles, TILE_LAYERS, TILE_MAXZOOM, type EncodedTile } from '../../../src/geo/tiles/cluster_tiles';
import type { ClusterCollection } from '../../../src/geo/types';
import { synthClusters } from '../../../src/geo/synth/synth';
import { deepFreeze } from '../helpers/deep_freeze';

const fc = deepFreeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);
const tiles = clusterTiles(fc);
const decode = (t: EncodedTile) => new VectorTile(new PbfReader(t.bytes));

/** Every feature of a tile layer, as GeoJSON in longitude/latitude. */
function featuresOf(t: EncodedTile, layer: string) {
  const l = decode(t).layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).toGeoJSON(t.x, t.y, t.z)) as (GeoJSON.Feature & { properties: Record<string, unknown> })[] : [];
}

const idsAt = (z: number, layer: string) => new Set(tiles.filter((t) => t.z === z).flatMap((t) => featuresOf(t, layer).map((f) => f.properties.id)));

describe('clusterTiles', () => {
  it('covers every zoom from 0 to the deepest, and only with tiles that hold features', () => {
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set(Array.from({ length: TILE_MAXZOOM + 1 }, (_, z) => z)));
    for (const t of tiles) {
      const layers = decode(t).layers;
      expect(Object.keys(layers).length, `${t.z}/${t.x}/${t.y}`).toBeGreaterThan(0);
    }
    // one tile per address
    expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(tiles.length);
  });

  it('holds every polygon cluster and one anchor per cluster at the deepest zoom, with the properties the map reads', () => {
    const polygonIds = fc.features.filter((f) => f.geometry.type !== 'Point').map((f) => f.properties.id);
    expect([...idsAt(TILE_MAXZOOM, TILE_LAYERS.polygons)].sort()).toEqual(fc.features.map((f) => f.properties.id).sort());
    expect(polygonIds.length).toBeGreaterThan(0);
    const anchors = tiles.filter((t) => t.z === TILE_MAXZOOM).flatMap((t) => featuresOf(t, TILE_LAYERS.anchors));
    const byId = new Map(clusterAnchors(fc).features.map((a) => [a.properties.id, a]));
    expect(new Set(anchors.map((a) => a.properties.id))).toEqual(new Set(byId.keys()));
    for (const a of anchors) {
      const src = byId.get(a.properties.id as string)!;
      expect(a.properties).toMatchObject({ name: src.properties.name, status: src.properties.status, point_only: src.properties.point_only });
    }
    const poly = tiles.filter((t) => t.z === TILE_MAXZOOM).flatMap((t) => featuresOf(t, TILE_LAYERS.polygons));
    for (const f of poly) {
      const src = fc.features.find((c) => c.properties.id === f.properties.id)!;
      expect(f.properties).toEqual({ id: src.properties.id, status: src.properties.status, wwtp: src.properties.wwtp, geometry_quality: src.properties.geometry_quality });
    }
  });

  it('keeps vertices within about a metre at the deepest zoom', () => {
    const src = fc.features.find((f) => f.geometry.type === 'Polygon')!;
    const ring = (src.geometry as Polygon).coordinates[0]!;
    const decoded: Position[] = tiles
      .filter((t) => t.z === TILE_MAXZOOM)
      .flatMap((t) => featuresOf(t, TILE_LAYERS.polygons).filter((f) => f.properties.id === src.properties.id))
      .flatMap((f) => (f.geometry as Polygon).coordinates.flat());
    const metres = (a: Position, b: Position) => Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);
    for (const v of ring) {
      const nearest = Math.min(...decoded.map((d) => metres(v, d)));
      expect(nearest, `vertex ${v.join(',')}`).toBeLessThan(1.5);
    }
  });

  it('below the deepest zoom, carries no more vertices than MapLibre\'s own GeoJSON tiling (its default tolerance)', () => {
    // MapLibre's GeoJSON source: tolerance 0.375 px and buffer 128 px of a 512-px tile, in 8192 units.
    // Synthetic clusters: irregular polygons with many vertices (the fixture's squares have nothing to simplify).
    const many = synthClusters(300, 7);
    const ours = clusterTiles(many);
    const maplibre = new GeoJSONVT(many as never, { maxZoom: 18, extent: 8192, tolerance: 6, buffer: 2048 });
    const vertices = (features: { geometry: unknown }[]) => JSON.stringify(features.map((f) => f.geometry)).split('],[').length;
    let checked = 0;
    for (const t of ours.filter((t) => t.z >= 6 && t.z < TILE_MAXZOOM)) {
      const mine = vertices(featuresOf(t, TILE_LAYERS.polygons));
      const theirs = maplibre.getTile(t.z, t.x, t.y);
      const reference = theirs ? vertices(theirs.features.filter((f) => f.type !== 1) as never) : 0;
      expect(mine, `${t.z}/${t.x}/${t.y}`).toBeLessThanOrEqual(reference + 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives the same bytes for the same input, and nothing for no clusters', () => {
    const again = clusterTiles(fc);
    expect(again.map((t) => Buffer.from(t.bytes).toString('base64'))).toEqual(tiles.map((t) => Buffer.from(t.bytes).toString('base64')));
    expect(clusterTiles({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});
