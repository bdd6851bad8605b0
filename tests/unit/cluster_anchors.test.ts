import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { clusterAnchors, clusterMap, clusterMapText } from '../../src/geo/cluster_anchors';
import type { ClusterCollection } from '../../src/geo/types';
import { deepFreeze } from './helpers/deep_freeze';

const fc = deepFreeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);

describe('clusterAnchors', () => {
  it('gives one point per cluster, inside its polygon, flagging point-only clusters', () => {
    const a = clusterAnchors(fc);
    expect(a.features.map((f) => f.properties.id)).toEqual(fc.features.map((f) => f.properties.id));
    a.features.forEach((p, i) => {
      const src = fc.features[i]!;
      expect(p.properties.point_only).toBe(src.geometry.type === 'Point');
      if (src.geometry.type === 'Point') expect(p.geometry.coordinates).toEqual(src.geometry.coordinates);
      else expect(booleanPointInPolygon(p.geometry, src.geometry as never)).toBe(true);
    });
  });
  it('uses a point on the surface when the centroid falls outside (a U shape)', () => {
    const u = {
      type: 'FeatureCollection',
      features: [{ ...fc.features[1]!, geometry: { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] } }],
    } as ClusterCollection;
    const p = clusterAnchors(u).features[0]!;
    expect(booleanPointInPolygon(p.geometry, u.features[0]!.geometry as never)).toBe(true);
  });
});

describe('clusterMap', () => {
  it('holds each polygon and each anchor point once, under the cluster id, with the style properties only', () => {
    const m = clusterMap(fc);
    const polygons = m.features.filter((f) => f.geometry.type !== 'Point');
    const points = m.features.filter((f) => f.geometry.type === 'Point');
    expect(polygons.map((f) => f.properties.id)).toEqual(fc.features.filter((f) => f.geometry.type !== 'Point').map((f) => f.properties.id));
    expect(points).toEqual(clusterAnchors(fc).features);
    polygons.forEach((f) => {
      const src = fc.features.find((c) => c.properties.id === f.properties.id)!;
      expect(f.geometry).toEqual(src.geometry);
      expect(f.properties).toEqual({ ...points.find((p) => p.properties.id === f.properties.id)!.properties, point_only: false });
      expect(Object.keys(f.properties).sort()).toEqual(['ex_province', 'geometry_quality', 'id', 'name', 'point_only', 'status', 'wwtp']);
    });
  });

  it('writes the cluster map file: anchor points rounded to 6 decimals, polygons as given, the input untouched', () => {
    const parsed = JSON.parse(clusterMapText(fc)) as ReturnType<typeof clusterMap>;
    const exact = clusterMap(fc);
    expect(parsed.features.map((f) => f.properties)).toEqual(exact.features.map((f) => f.properties));
    parsed.features.forEach((f, i) => {
      const e = exact.features[i]!;
      if (f.geometry.type !== 'Point' || e.geometry.type !== 'Point') return void expect(f.geometry).toEqual(e.geometry);
      for (const [k, x] of f.geometry.coordinates.entries()) {
        expect(Math.abs(x - e.geometry.coordinates[k]!)).toBeLessThanOrEqual(5e-7);
        expect(String(x).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
      }
    });
  });
});
