import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { area, bbox, booleanIntersects, centroid } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaOccupancy, checkProposal, proposalProblem, sizeVerdict, type CommuneFeature } from '../../../src/geo/proposal/check_proposal';
import type { ClusterFeature, ClusterProps, VillageFeature, ZoneFeature } from '../../../src/geo/types';

const root = resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(readFileSync(resolve(root, 'geodata', f), 'utf8'));
const clusters = read('clusters.geojson').features as ClusterFeature[];
const zones = read('industrial_zones.geojson').features as ZoneFeature[];
const villages = read('craft_villages.geojson').features as VillageFeature[];
const communes = (read('boundaries/communes_2025.geojson').features as CommuneFeature[]).filter((f) => f.geometry.type !== ('Point' as string));
const province = read('boundaries/province.geojson');
const provinceGeometry = (province.features?.[0] ?? province).geometry;

const oldUnits = read('boundaries/old_units.json') as { communes: { province: string; now_code: string | null }[] };
const exProvinces = new Map<string, string[]>();
for (const c of oldUnits.communes) if (c.now_code) exProvinces.set(c.now_code, [...new Set([...(exProvinces.get(c.now_code) ?? []), c.province])]);
const props = (p: Partial<ClusterProps>): ClusterProps => ({ ...clusters[0]!.properties, ...p });
/** A square of `ha` hectares centred at (lon, lat), its sides along meridians and parallels. */
function square(lon: number, lat: number, haWanted: number): Polygon {
  const side = Math.sqrt(haWanted * 10_000);
  const dLat = side / 111_320 / 2;
  const dLon = side / (111_320 * Math.cos((lat * Math.PI) / 180)) / 2;
  const ring = [[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]];
  const g: Polygon = { type: 'Polygon', coordinates: [ring] };
  // Scale to the exact geodesic area (the sphere's area differs from the plane's by a little).
  const k = Math.sqrt((haWanted * 10_000) / area(g));
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [lon + (x! - lon) * k, lat + (y! - lat) * k])] };
}

describe('the size rule (Decree 32, Article 2.1) at its boundaries', () => {
  it('10–75 ha passes, 9.99 and 75.01 fail; a craft-village or mountain cluster from 5 ha', () => {
    expect([9.99, 10, 75, 75.01].map((h) => sizeVerdict(h, 'standard'))).toEqual(['fail', 'pass', 'pass', 'fail']);
    expect([4.99, 5, 9.99, 75, 75.01].map((h) => sizeVerdict(h, 'small'))).toEqual(['fail', 'pass', 'pass', 'pass', 'fail']);
  });
  it('is measured on the drawn shape (geodesic hectares)', () => {
    const at = (h: number) => checkProposal({ name: 'Thử', kind: 'new', expands: null, variant: 'standard', geometry: square(105.95, 20.45, h) }, { clusters, zones, villages, communes, others: [] }).find((l) => l.id === 'size')!;
    expect(at(9.99)).toMatchObject({ verdict: 'fail', params: { ha: 9.99, min: 10, max: 75 }, article: 'Điều 2 khoản 1' });
    expect(at(10).verdict).toBe('pass');
    expect(at(75).verdict).toBe('pass');
    expect(at(75.01)).toMatchObject({ verdict: 'fail', params: { ha: 75.01 } });
  });
});

describe('the established clusters of the area (Article 8.1.c)', () => {
  const c = (planned_area_ha: number | null, occupancy_pct: number | null, name = 'X') => props({ planned_area_ha, occupancy_pct, name });
  it('average occupancy must exceed 50 % (50 fails, 50.01 passes) unless at most 100 ha stay unleased', () => {
    expect(areaOccupancy([c(150, 50), c(150, 50)])).toMatchObject({ verdict: 'fail', avg: 50, unleased: 150 });
    expect(areaOccupancy([c(150, 50.01), c(150, 50.01)])).toMatchObject({ verdict: 'pass', avg: 50.01 });
    // Unleased land exactly 100 ha passes, 100.01 fails (occupancy below 50 %).
    expect(areaOccupancy([c(200, 50)]).verdict).toBe('pass');
    expect(areaOccupancy([c(200.02, 50)]).verdict).toBe('fail');
  });
  it('no cluster established in the area: the condition does not apply', () => {
    expect(areaOccupancy([])).toMatchObject({ verdict: 'pass', unleased: 0, missing: [] });
  });
  it('a cluster without occupancy makes it "no data", unless the rule holds even if it were all unleased', () => {
    expect(areaOccupancy([c(60, 90), c(70, null, 'Không rõ')])).toMatchObject({ verdict: 'pass', missing: ['Không rõ'] });
    expect(areaOccupancy([c(60, 90), c(120, null, 'Không rõ')])).toMatchObject({ verdict: 'no-data', missing: ['Không rõ'] });
    expect(areaOccupancy([c(null, null, 'Không diện tích')])).toMatchObject({ verdict: 'no-data', unleased: null });
  });
});

describe('an expansion (Article 8.2)', () => {
  const base = clusters.find((f) => f.properties.planned_area_ha !== null && f.geometry.type !== 'Point')!;
  const at = centroid(base).geometry.coordinates as [number, number];
  const check = (p: Partial<ClusterProps>, addHa: number) => {
    const edited = clusters.map((f) => (f === base ? { ...f, properties: { ...f.properties, ...p } } : f));
    return checkProposal({ name: 'Mở rộng', kind: 'expansion', expands: base.properties.id, variant: 'standard', geometry: square(at[0] + 0.02, at[1], addHa) }, { clusters: edited, zones, villages, communes, others: [] });
  };
  it('the total after expansion at most 75 ha; occupancy at least 60 %; the wastewater plant built', () => {
    const ok = check({ planned_area_ha: 50, occupancy_pct: 60, wwtp: 'operating' }, 25);
    expect(ok.find((l) => l.id === 'total')).toMatchObject({ verdict: 'pass', params: { existing: 50, total: 75 } });
    expect(ok.find((l) => l.id === 'occupancy')!.verdict).toBe('pass');
    expect(ok.find((l) => l.id === 'infrastructure')!.verdict).toBe('pass');
    const bad = check({ planned_area_ha: 50, occupancy_pct: 59.99, wwtp: 'under_construction' }, 25.01);
    expect(bad.find((l) => l.id === 'total')!.verdict).toBe('fail');
    expect(bad.find((l) => l.id === 'occupancy')!.verdict).toBe('fail');
    expect(bad.find((l) => l.id === 'infrastructure')!.verdict).toBe('fail');
  });
  it('says "no data" where the dataset has no figure, never a guess', () => {
    const none = check({ planned_area_ha: null, occupancy_pct: null, wwtp: 'unknown' }, 10);
    for (const id of ['total', 'occupancy', 'infrastructure']) expect(none.find((l) => l.id === id)!.verdict).toBe('no-data');
  });
});

describe('a proposal across two communes next to a KCN', () => {
  // Two neighbouring 2025 communes; the square straddles their shared border, next to a KCN.
  const zone = zones.find((z) => z.geometry.type !== 'Point' && z.properties.commune_2025)!;
  const [w, s, e] = bbox(zone.geometry);
  const g = square(e + 0.004, (s + (bbox(zone.geometry)[3] - s) / 2), 80);
  const lines = checkProposal({ name: 'CCN Thử', kind: 'new', expands: null, variant: 'standard', geometry: g }, { clusters, zones, villages, communes, exProvinces, others: [{ id: 'p2', name: 'Đề xuất khác', geometry: square(e + 0.004, s + (bbox(zone.geometry)[3] - s) / 2, 20) }] });
  const line = (id: string) => lines.find((l) => l.id === id)!;
  it('is too large, names where it lies, and reports the other proposal it overlaps', () => {
    expect(w).toBeLessThan(e);
    expect(line('size')).toMatchObject({ verdict: 'fail', params: { ha: 80 } });
    expect(line('location').params.n).toBeGreaterThanOrEqual(1);
    expect(line('location').params.provinces).toBe(zone.properties.ex_province);
    expect(line('overlapProposals')).toMatchObject({ verdict: 'warn', params: { ha: 20 } });
    expect(line('nearZone').params.name).toBeTruthy();
    expect(line('areaOccupancy').article).toBe('Điều 8 khoản 1 điểm c');
    expect(String(line('areaOccupancy').params.area)).toContain(String(line('location').params.communes).split(' (')[0]);
  });
});

describe('bad input', () => {
  it('no area, a bow-tie, outside the province: each named', () => {
    expect(proposalProblem(null, provinceGeometry)).toEqual({ code: 'no-area' });
    expect(proposalProblem({ type: 'Polygon', coordinates: [[[106, 20.4], [106, 20.4], [106, 20.4], [106, 20.4]]] }, provinceGeometry)).toEqual({ code: 'no-area' });
    const bow = { type: 'Polygon', coordinates: [[[105.9, 20.4], [105.92, 20.42], [105.92, 20.4], [105.9, 20.42], [105.9, 20.4]]] };
    expect(proposalProblem(bow, provinceGeometry)).toMatchObject({ code: 'self-intersects', at: [105.91, 20.41] });
    expect(proposalProblem(square(104.5, 21.5, 30), provinceGeometry)).toEqual({ code: 'outside' });
    expect(proposalProblem(square(105.95, 20.45, 30), provinceGeometry)).toBeNull();
    expect(booleanIntersects(square(105.95, 20.45, 30), provinceGeometry)).toBe(true);
  });
});
