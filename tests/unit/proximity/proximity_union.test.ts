import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceTrust, rowTrust } from '../../../src/geo/proximity/distance_trust';
import { buildProximityIndex } from '../../../src/geo/proximity/proximity_index';
import { unionReference } from '../../../src/geo/proximity/proximity_reference';
import type { ProximityData, UnionFrom, UnionMode } from '../../../src/geo/proximity/proximity_types';
import { synthClusters, synthVillages, synthZones } from '../../../src/geo/synth/synth';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(readFileSync(resolve(root, 'geodata', f), 'utf8')).features;
const shipped: ProximityData = deepFreeze({ clusters: read('clusters.geojson'), zones: read('industrial_zones.geojson'), villages: read('craft_villages.geojson') });

describe('union proximity: the index answers what the plain Turf loops answer', () => {
  const index = buildProximityIndex(shipped);
  const dongVan = shipped.zones.filter((z) => z.properties.name.includes('Đồng Văn')).map((z) => z.properties.id);
  const cases: [string, UnionFrom, 'clusters' | 'zones' | 'villages', UnionMode][] = [
    ['clusters within 5 km of every phase of KCN Đồng Văn', { layer: 'zones', ids: dongVan }, 'clusters', { kind: 'within', km: 5 }],
    ['villages within 2 km of ten clusters', { layer: 'clusters', ids: shipped.clusters.slice(0, 10).map((c) => c.properties.id) }, 'villages', { kind: 'within', km: 2 }],
    ['the 7 clusters nearest to five clusters (not themselves)', { layer: 'clusters', ids: shipped.clusters.slice(20, 25).map((c) => c.properties.id) }, 'clusters', { kind: 'nearest', n: 7 }],
    ['the 3 KCN nearest to villages', { layer: 'villages', ids: shipped.villages.slice(0, 4).map((v) => v.properties.id) }, 'zones', { kind: 'nearest', n: 3 }],
    ['clusters within 1 km of a drawn area', { layer: 'area', polygons: [{ type: 'Polygon', coordinates: [[[105.9, 20.5], [106.0, 20.5], [106.0, 20.6], [105.9, 20.6], [105.9, 20.5]]] }] }, 'clusters', { kind: 'within', km: 1 }],
  ];
  for (const [name, from, to, mode] of cases) {
    it(name, () => {
      const got = index.union(from, to, mode);
      expect(got).toEqual(unionReference(shipped, from, to, mode));
      if (mode.kind === 'nearest') expect(got).toHaveLength(mode.n);
      else expect(got.length).toBeGreaterThan(0);
      // Each hit says which source it is nearest to, and a source is never its own hit.
      if (from.layer !== 'area') for (const h of got) expect(from.ids).toContain(h.fromId);
      if (from.layer === to) for (const h of got) expect(from.ids).not.toContain(h.id);
    });
  }
  it('"dong van" means every phase: the union holds what each phase alone finds, each at its smallest distance', () => {
    expect(dongVan.length).toBeGreaterThanOrEqual(4);
    const all = index.union({ layer: 'zones', ids: dongVan }, 'clusters', { kind: 'within', km: 5 });
    const best = new Map<string, number>();
    for (const z of dongVan) for (const n of index.satellites(z, 5)) best.set(n.id, Math.min(best.get(n.id) ?? Infinity, n.distanceKm));
    expect(new Map(all.map((h) => [h.id, h.distanceKm]))).toEqual(best);
  });
  it('agrees with the reference on 400 synthetic clusters and 6 KCN', () => {
    const data: ProximityData = { clusters: synthClusters(400, 7).features, zones: synthZones(6, 8).features, villages: synthVillages(50, 9).features };
    const idx = buildProximityIndex(data);
    const from: UnionFrom = { layer: 'zones', ids: data.zones.map((z) => z.properties.id) };
    for (const mode of [{ kind: 'within', km: 2 }, { kind: 'nearest', n: 15 }] as UnionMode[]) {
      expect(idx.union(from, 'clusters', mode)).toEqual(unionReference(data, from, 'clusters', mode));
    }
  });
  it('refuses unknown ids and a bad n, with what it got', () => {
    expect(() => index.union({ layer: 'zones', ids: ['nope'] }, 'clusters', { kind: 'within', km: 1 })).toThrow(/zones ids present in the data, got "nope"/);
    expect(() => index.union({ layer: 'zones', ids: [] }, 'clusters', { kind: 'nearest', n: 0 })).toThrow(/integer >= 1, got 0/);
    expect(index.union({ layer: 'zones', ids: [] }, 'clusters', { kind: 'within', km: 3 })).toEqual([]);
  });
});

describe('distanceTrust', () => {
  const at = (q: string, commune: string | null = 'Xã A') => ({ geometry_quality: q as never, commune_2025: commune });
  it('measured only between traced or surveyed footprints (or a planner\'s area)', () => {
    expect(distanceTrust(at('surveyed'), at('traced'))).toBe('measured');
    expect(distanceTrust(at('traced'), null)).toBe('measured');
    expect(distanceTrust(at('surveyed'), at('schematic-commune'))).toBe('schematic');
    expect(distanceTrust(at('source-coordinates'), at('surveyed'))).toBe('schematic');
  });
  it('both schematic in the same 2025 commune: meaningless; in different communes: schematic', () => {
    expect(distanceTrust(at('schematic-commune'), at('point-commune'))).toBe('same-commune');
    expect(distanceTrust(at('schematic-commune'), at('point-commune', 'Xã B'))).toBe('schematic');
    expect(distanceTrust(at('schematic-commune', null), at('point-commune', null))).toBe('schematic');
    expect(distanceTrust(at('point-commune'), null)).toBe('schematic');
  });
  it('a result row: against its counterpart; without one (an area) only its own footprint counts', () => {
    const places = new Map([['zone:z1', at('schematic-commune')], ['cluster:c1', at('surveyed')]]);
    const placeOf = (layer: string, id: string) => places.get(`${layer}:${id}`);
    expect(rowTrust({ otherLayer: 'zone', otherId: 'z1' }, at('point-commune'), placeOf)).toBe('same-commune');
    expect(rowTrust({ otherLayer: 'cluster', otherId: 'c1' }, at('traced'), placeOf)).toBe('measured');
    expect(rowTrust({ otherLayer: 'area', otherId: 'area-0' }, at('traced'), placeOf)).toBe('measured');
    expect(rowTrust({ otherLayer: null, otherId: null }, at('schematic-commune'), placeOf)).toBe('schematic');
  });
});
