import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { clusterAnchors } from '../../../src/geo/tiles/cluster_anchors';
import type { ClusterCollection } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const fc = deepFreeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);

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
