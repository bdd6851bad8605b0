import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { clustersNearPolygonReference } from '../../../src/geo/proximity/proximity_reference';
import { clustersNearPolygon } from '../../../src/geo/proximity/within_polygon';
import { deepFreeze } from '../helpers/deep_freeze';
import { KM_PER_DEG, makeCluster, pt, randomData, rectRing } from '../helpers/proximity_shapes';

const drawn: Polygon = { type: 'Polygon', coordinates: [rectRing(106, 20, 106.1, 20.1)] };

describe('clustersNearPolygon', () => {
  it('selects clusters intersecting the polygon at km = 0, touching included', () => {
    const clusters = deepFreeze([
      makeCluster('inside', pt(106.05, 20.05)),
      makeCluster('touching', { type: 'Polygon', coordinates: [rectRing(106.1, 20.05, 106.11, 20.06)] }),
      makeCluster('outside', pt(106.2, 20.05)),
    ]);
    expect(clustersNearPolygon(clusters, drawn, 0)).toEqual([
      { id: 'inside', distanceKm: 0 },
      { id: 'touching', distanceKm: 0 },
    ]);
  });

  it('adds clusters within km of the polygon, with their distance', () => {
    const north = makeCluster('north-1km', pt(106.05, 20.1 + 1 / KM_PER_DEG));
    const result = clustersNearPolygon(deepFreeze([north]), drawn, 1.01);
    expect(result.map((n) => n.id)).toEqual(['north-1km']);
    // Mid-edge, the 0.1° north edge (a great-circle arc) bows poleward by L²/(8R)·tan(lat) ≈ 0.78 m.
    const edgeKm = 0.1 * KM_PER_DEG * Math.cos((20.1 * Math.PI) / 180);
    const bowKm = ((edgeKm * edgeKm) / (8 * 6371.0088)) * Math.tan((20.1 * Math.PI) / 180);
    expect(result[0]!.distanceKm).toBeCloseTo(1 - bowKm, 5);
    expect(clustersNearPolygon([north], drawn, 0.9)).toEqual([]);
  });

  it('matches the reference loop on random data, for a MultiPolygon too', () => {
    const data = deepFreeze(randomData(51, { clusters: 80, zones: 0, villages: 0 }));
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [drawn.coordinates, [rectRing(105.7, 20.4, 105.9, 20.6)]] };
    for (const km of [0, 2]) {
      for (const shape of [drawn, multi]) {
        expect(clustersNearPolygon(data.clusters, shape, km)).toEqual(clustersNearPolygonReference(data, shape, km));
      }
    }
  });

  it('rejects a point or a bad radius', () => {
    const clusters = [makeCluster('c', pt(106, 20))];
    expect(() => clustersNearPolygon(clusters, pt(106, 20) as unknown as Polygon, 0)).toThrow('Expected polygon to be a Polygon or MultiPolygon, got Point');
    expect(() => clustersNearPolygon(clusters, drawn, -0.5)).toThrow('Expected km to be a finite number of kilometres >= 0, got -0.5');
  });
});
