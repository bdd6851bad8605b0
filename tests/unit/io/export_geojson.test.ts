import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanClockwise } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportAreas, exportGeoJSON } from '../../../src/geo/io/export_geojson';
import { deepFreeze } from '../helpers/deep_freeze';

const dir = resolve(__dirname, '../../fixtures/export');
const load = (name: string) => deepFreeze(JSON.parse(readFileSync(resolve(dir, 'in', name), 'utf8')) as FeatureCollection);

describe('exportGeoJSON fixtures (in/ → out/, REGEN=1 rewrites)', () => {
  for (const name of ['mixed.geojson']) {
    it(name, () => {
      const text = exportGeoJSON(load(name).features, { title: 'fixture' });
      const outPath = resolve(dir, 'out', name);
      if (process.env.REGEN) writeFileSync(outPath, text);
      expect(text).toBe(readFileSync(outPath, 'utf8'));
    });
  }
});

describe('exportGeoJSON', () => {
  const fc = load('mixed.geojson');
  const out = JSON.parse(exportGeoJSON(fc.features)) as FeatureCollection;

  it('writes no crs and no bbox, only type/features at the top', () => {
    expect(Object.keys(out)).toEqual(['type', 'features']);
    expect(out.features[0]).not.toHaveProperty('bbox');
    expect(out.features[0]).not.toHaveProperty('foo');
  });
  it('keeps the feature id and every property, cluster fields first then sorted', () => {
    const f = out.features[0] as Feature;
    expect(f.id).toBe('a');
    expect(Object.keys(f.properties ?? {})).toEqual(['id', 'name', 'communes', 'extra', 'zeta']);
    expect(Object.keys((f.properties?.extra ?? {}) as object)).toEqual(['a', 'b']);
  });
  it('keeps a surveyed footprint to 8 decimals (about 1 mm)', () => {
    const g = { type: 'Polygon' as const, coordinates: [[[105.123456789, 20.1], [105.2, 20.1], [105.2, 20.2], [105.123456789, 20.1]]] };
    const text = exportGeoJSON([{ type: 'Feature', properties: { id: 's', geometry_quality: 'surveyed' }, geometry: g }, { type: 'Feature', properties: { id: 'q', geometry_quality: 'schematic-commune' }, geometry: g }] as never, { title: 't', exported_at: '2026-01-01T00:00:00Z' });
    expect(text).toContain('105.12345679');
    expect(text).toContain('105.123457,');
  });
  it('rounds coordinates to 6 decimals without -0', () => {
    const pt = out.features[2]?.geometry as { coordinates: number[] };
    expect(pt.coordinates).toEqual([0, 21]);
    expect(Object.is(pt.coordinates[0], -0)).toBe(false);
    const poly = out.features[0]?.geometry as Polygon;
    expect(poly.coordinates[0]).toContainEqual([106, 20.123457]);
    for (const ring of poly.coordinates) for (const p of ring) for (const v of p) expect(Math.abs(v * 1e6 - Math.round(v * 1e6))).toBeLessThan(1e-6);
  });
  it('rewinds: outer rings counter-clockwise, holes clockwise', () => {
    const poly = out.features[0]?.geometry as Polygon;
    expect(booleanClockwise(poly.coordinates[0] as number[][])).toBe(false);
    expect(booleanClockwise(poly.coordinates[1] as number[][])).toBe(true);
    const mp = out.features[1]?.geometry as { coordinates: number[][][][] };
    expect(booleanClockwise(mp.coordinates[0]?.[0] as number[][])).toBe(false);
  });
  it('writes null properties as {} and keeps a null geometry', () => {
    expect(out.features[1]?.properties).toEqual({});
    expect(out.features[3]?.geometry).toBeNull();
  });
  it('is stable: same input, same text', () => {
    expect(exportGeoJSON(fc.features)).toBe(exportGeoJSON(fc.features));
  });
  it('writes metadata as a sorted foreign member', () => {
    const t = exportGeoJSON([], { title: 'x', exported_at: '2026-11-23T00:00:00Z' });
    expect(t).toBe('{"type":"FeatureCollection","metadata":{"exported_at":"2026-11-23T00:00:00Z","title":"x"},"features":[]}\n');
  });
  it('rejects a non-feature and a bad position with precise messages', () => {
    expect(() => exportGeoJSON([{ type: 'Point' } as unknown as Feature])).toThrow('Expected feature 0 to be a GeoJSON Feature, got "Point"');
    expect(() =>
      exportGeoJSON([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [Number.NaN, 1] } }]),
    ).toThrow(/feature 0 positions to be \[lon, lat\] finite numbers/);
  });
});

describe('exportAreas', () => {
  const cw: Polygon = { type: 'Polygon', coordinates: [[[106, 20], [106, 20.1], [106.1, 20.1], [106, 20]]] };
  it('wraps bare polygons with empty properties and rewinds them', () => {
    const out = JSON.parse(exportAreas(deepFreeze([cw]))) as FeatureCollection<Polygon>;
    expect(out.features[0]?.properties).toEqual({});
    expect(booleanClockwise(out.features[0]?.geometry.coordinates[0] as number[][])).toBe(false);
  });
  it('keeps the properties of area features', () => {
    const out = JSON.parse(exportAreas(deepFreeze([{ type: 'Feature', properties: { label: 'Vùng 1' }, geometry: cw }]))) as FeatureCollection;
    expect(out.features[0]?.properties).toEqual({ label: 'Vùng 1' });
  });
  it('rejects a point', () => {
    expect(() => exportAreas([{ type: 'Point', coordinates: [1, 2] } as unknown as Polygon])).toThrow(
      'Expected area 0 to be a Polygon or MultiPolygon, got "Point"',
    );
  });
});
