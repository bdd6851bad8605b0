import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { communeAt, communeIndex, NEAREST_M, relocateEdited, type CommuneFeature } from '../../../src/geo/dataset/commune_at';

const M_LAT = 1 / 110_574;
const mLon = (lat: number) => 1 / (111_320 * Math.cos((lat * Math.PI) / 180));
const box = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const commune = (code: string, name: string, g: Polygon): CommuneFeature => ({ type: 'Feature', geometry: g, properties: { code, name, kind: 'xã' } });

// Two neighbours drawn independently: A ends 20 m past the line x = 106.0, B starts 20 m before it
// (a strip both claim); a third, C, leaves a 60 m gap below A.
const lat = 20.3;
const dx = (m: number) => m * mLon(lat);
const dy = (m: number) => m * M_LAT;
const A = commune('1', 'Xã A', box(105.98, 20.29, 106.0 + dx(20), 20.31));
const B = commune('2', 'Xã B', box(106.0 - dx(20), 20.29, 106.02, 20.31));
const C = commune('3', 'Xã C', box(105.98, 20.27, 106.0, 20.29 - dy(60)));
const index = communeIndex([A, B, C]);

describe('communeAt', () => {
  it('answers the polygon a point is in', () => {
    expect(communeAt(index, [105.99, 20.3])).toMatchObject({ code: '1', how: 'inside' });
    expect(communeAt(index, [106.01, 20.3])).toMatchObject({ code: '2', how: 'inside' });
  });
  it('in a strip two neighbours both claim, takes the one the point lies deeper in', () => {
    expect(communeAt(index, [106.0 + dx(10), 20.3])).toMatchObject({ code: '2', how: 'inside' });
    expect(communeAt(index, [106.0 - dx(10), 20.3])).toMatchObject({ code: '1', how: 'inside' });
  });
  it('in a gap between polygons, takes the nearest within 100 m; beyond, none', () => {
    expect(communeAt(index, [105.99, 20.29 - dy(15)])).toMatchObject({ code: '1', how: 'nearest', borderM: 15 });
    expect(communeAt(index, [105.99, 20.29 - dy(50)])).toMatchObject({ code: '3', how: 'nearest', borderM: 10 });
    expect(communeAt(index, [106.02 + dx(NEAREST_M - 5), 20.3])).toMatchObject({ code: '2', how: 'nearest' });
    expect(communeAt(index, [106.02 + dx(NEAREST_M + 5), 20.3])).toBeNull();
  });
  it('says how close the answer came to a border', () => {
    expect(communeAt(index, [105.99, 20.31 - dy(40)])!.borderM).toBe(40);
  });
  it('has no answer without communes', () => {
    expect(communeAt(communeIndex([]), [106, 20.3])).toBeNull();
  });
});

describe('the bundled 2025 communes', () => {
  const fc = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../geodata/boundaries/communes_2025.geojson'), 'utf8'));
  const polys = fc.features.filter((f: CommuneFeature) => f.geometry.type !== ('Point' as string)) as CommuneFeature[];
  const idx = communeIndex(polys);
  it('are 129, and every label point lies in its own commune', () => {
    expect(polys).toHaveLength(129);
    const labels = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
    expect(labels).toHaveLength(129);
    for (const l of labels) expect(communeAt(idx, l.geometry.coordinates)?.code, l.properties.name).toBe(l.properties.code);
  });
  it('place Phủ Lý\'s centre in Phường Phủ Lý and Nam Định\'s in Phường Nam Định', () => {
    expect(communeAt(idx, [105.9125, 20.5417])?.name).toBe('Phường Phủ Lý');
    expect(communeAt(idx, [106.1766, 20.4338])?.name).toBe('Phường Nam Định');
  });
});

describe('relocateEdited', () => {
  const cluster = (id: string, g: Polygon, code: string | null) => ({ type: 'Feature' as const, geometry: g, properties: { id, commune_2025: code ? `Xã ${code}` : null, commune_2025_code: code } as never });
  const base = { type: 'FeatureCollection' as const, features: [cluster('a', box(105.985, 20.295, 105.99, 20.3), '1'), cluster('b', box(106.01, 20.295, 106.015, 20.3), '2')] };
  it('keeps the collection when no geometry changed', () => {
    expect(relocateEdited({ ...base }, base, index).features).toBe(base.features);
  });
  it('places a moved footprint in the commune it now lies in; the others keep what the build said', () => {
    const moved = { ...base, features: [cluster('a', box(106.012, 20.295, 106.018, 20.3), '1'), base.features[1]!] };
    const r = relocateEdited(moved, base, index);
    expect(r.features.map((f) => f.properties.commune_2025_code)).toEqual(['2', '2']);
    expect(r.features[0]!.properties.commune_2025).toBe('Xã B');
    expect(r.features[1]).toBe(base.features[1]);
  });
});
