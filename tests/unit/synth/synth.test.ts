import { describe, expect, it } from 'vitest';
import { area, booleanValid, booleanWithin, bboxPolygon } from '@turf/turf';
import { mulberry32 } from '../../../src/geo/synth/seeded_random';
import { NINH_BINH_BBOX, synthClusters, synthVillages, synthZones } from '../../../src/geo/synth/synth';
import { EX_PROVINCES, STATUSES, WWTP_STATES } from '../../../src/geo/types';

describe('mulberry32', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first[0]).toBe(0.6270739405881613);
  });

  it('rejects a non-integer seed', () => {
    expect(() => mulberry32(1.5)).toThrow('Expected seed to be an integer, got 1.5');
  });
});

describe('synthClusters', () => {
  const clusters = synthClusters(300, 7).features;

  it('is deterministic for a seed', () => {
    expect(synthClusters(300, 7).features).toEqual(clusters);
    expect(synthClusters(300, 8).features).not.toEqual(clusters);
  });

  it('makes valid polygons of 10–75 ha inside the extent', () => {
    const extent = bboxPolygon([...NINH_BINH_BBOX]);
    for (const c of clusters) {
      expect(c.geometry.type).toBe('Polygon');
      expect(booleanValid(c.geometry)).toBe(true);
      const ha = area(c.geometry) / 10000;
      expect(ha).toBeGreaterThanOrEqual(10);
      expect(ha).toBeLessThanOrEqual(75);
      expect(Math.abs(ha - c.properties.planned_area_ha!)).toBeLessThan(1);
      expect(booleanWithin(c.geometry, extent)).toBe(true);
    }
  });

  it('fills ClusterProps with realistic values', () => {
    const ids = new Set(clusters.map((c) => c.properties.id));
    expect(ids.size).toBe(clusters.length);
    expect(clusters[0]!.properties.id).toBe('syn-ccn-000001');
    for (const { properties: p } of clusters) {
      expect(EX_PROVINCES).toContain(p.ex_province);
      expect(STATUSES).toContain(p.status);
      expect(WWTP_STATES).toContain(p.wwtp);
      expect(p.geometry_quality).toBe('schematic-commune');
      expect(p.sources).toEqual(['https://example.invalid/synthetic']);
      expect(p.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.occupancy_pct !== null) expect(p.occupancy_pct).toBeGreaterThanOrEqual(0);
      if (p.occupancy_pct !== null) expect(p.occupancy_pct).toBeLessThanOrEqual(100);
      if (p.status !== 'operating') expect(p.occupancy_pct).toBeNull();
    }
    expect(new Set(clusters.map((c) => c.properties.status)).size).toBe(STATUSES.length);
  });

  it('honours a custom extent and checks its arguments', () => {
    const box = [106, 20, 106.1, 20.1] as const;
    const extent = bboxPolygon([...box]);
    expect(synthClusters(20, 1, box).features.every((c) => booleanWithin(c.geometry, extent))).toBe(true);
    expect(() => synthClusters(-1, 1)).toThrow('Expected n to be an integer >= 0, got -1');
    expect(() => synthClusters(1, 0.5)).toThrow('Expected seed to be an integer, got 0.5');
    expect(() => synthClusters(1, 1, [106, 20, 105, 21])).toThrow('Expected bbox [minLon, minLat, maxLon, maxLat] with min < max, got [106,20,105,21]');
  });
});

describe('synthZones and synthVillages', () => {
  it('makes valid zones of 100–500 ha', () => {
    for (const z of synthZones(50, 2).features) {
      expect(booleanValid(z.geometry)).toBe(true);
      const ha = area(z.geometry) / 10000;
      expect(ha).toBeGreaterThanOrEqual(99);
      expect(ha).toBeLessThanOrEqual(501);
    }
  });

  it('makes village points inside the extent with unique ids', () => {
    const villages = synthVillages(1000, 3).features;
    expect(new Set(villages.map((v) => v.properties.id)).size).toBe(1000);
    for (const v of villages) {
      const [lon, lat] = v.geometry.coordinates as [number, number];
      expect(lon).toBeGreaterThanOrEqual(NINH_BINH_BBOX[0]);
      expect(lat).toBeLessThanOrEqual(NINH_BINH_BBOX[3]);
      expect(['yes', 'unknown']).toContain(v.properties.recognised);
    }
  });
});
