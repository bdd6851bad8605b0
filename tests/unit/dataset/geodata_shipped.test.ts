import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { formatError, validateClusters, validateVillages, validateZones } from '../../../src/geo/dataset/validate_dataset';

const dir = resolve(__dirname, '../../../geodata');
const read = (p: string): unknown => JSON.parse(readFileSync(resolve(dir, p), 'utf8'));
const provinceOutline = read('boundaries/province.geojson');

describe('shipped geodata passes the gate', () => {
  it('clusters.geojson', () => {
    expect(validateClusters(read('clusters.geojson'), { fileName: 'clusters.geojson', provinceOutline }).map(formatError)).toEqual([]);
  });
  it('industrial_zones.geojson', () => {
    expect(validateZones(read('industrial_zones.geojson'), { fileName: 'industrial_zones.geojson', provinceOutline }).map(formatError)).toEqual([]);
  });
  it('craft_villages.geojson', () => {
    expect(validateVillages(read('craft_villages.geojson'), { fileName: 'craft_villages.geojson', provinceOutline }).map(formatError)).toEqual([]);
  });
  it('boundaries: 3 ex-provinces with ids and names, 1 merged province', () => {
    const ex = read('boundaries/ex_provinces.geojson') as FeatureCollection;
    expect(ex.features.map((f) => [f.properties?.id, f.properties?.name])).toEqual([
      ['ha-nam', 'Hà Nam'], ['nam-dinh', 'Nam Định'], ['ninh-binh', 'Ninh Bình'],
    ]);
    const p = read('boundaries/province.geojson') as FeatureCollection;
    expect(p.features).toHaveLength(1);
    // about 3,850 km² (the three 2009 outlines sum to ~3,852 km²)
    expect(area(p) / 1e6).toBeGreaterThan(3700);
    expect(area(p) / 1e6).toBeLessThan(4000);
  });
  it('no two polygon footprints (clusters and KCN) overlap', () => {
    const boxes: [string, number, number, number, number][] = [];
    for (const file of ['clusters.geojson', 'industrial_zones.geojson']) {
      for (const f of (read(file) as FeatureCollection).features) {
        if (f.geometry.type !== 'Polygon') continue;
        const ring = f.geometry.coordinates[0] ?? [];
        const xs = ring.map((p) => p[0] ?? 0);
        const ys = ring.map((p) => p[1] ?? 0);
        boxes.push([String(f.properties?.id), Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
      }
    }
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a[1] < b[3] && a[3] > b[1] && a[2] < b[4] && a[4] > b[2]) overlapping.push(`${a[0]} × ${b[0]}`);
      }
    }
    expect(overlapping).toEqual([]);
  });
});

describe('the December 2026 corrections (../shared/data/facts/additions_2026-12_*)', () => {
  const all = [
    ...(read('clusters.geojson') as FeatureCollection).features,
    ...(read('industrial_zones.geojson') as FeatureCollection).features,
    ...(read('craft_villages.geojson') as FeatureCollection).features,
  ].map((f) => f.properties as Record<string, unknown>);
  const byId = (id: string) => all.find((p) => p.id === id)!;
  it('Trác Văn established in 2022, Châu Giang 39.69 ha established 2020 in Thị xã Duy Tiên, Thắng Cường planned', () => {
    expect(byId('hn-trac-van')).toMatchObject({ status: 'established', established_year: 2022, as_of: '2023-06-08' });
    expect(byId('hn-chau-giang')).toMatchObject({ status: 'established', planned_area_ha: 39.69, established_year: 2020, old_district: 'Thị xã Duy Tiên', decision: 'QĐ 512/QĐ-UBND 16/3/2020' });
    expect(byId('nd-thang-cuong')).toMatchObject({ status: 'planned', established_year: null });
  });
  it('CCN Trực Tuấn is in, in Xã Cổ Lễ; CCN Quang Trung is in Xã Hiển Khánh by both crosswalk and location', () => {
    expect(byId('nd-truc-tuan')).toMatchObject({ planned_area_ha: 67, commune_2025: 'Xã Cổ Lễ' });
    expect(byId('nd-quang-trung')).toMatchObject({ new_commune: 'Xã Hiển Khánh', commune_2025: 'Xã Hiển Khánh' });
  });
  it('writes Duy Tiên one way, and keeps a district inferred from a name apart from the sourced one', () => {
    expect(all.filter((p) => p.old_district === 'Huyện Duy Tiên' || p.inferred_district === 'Huyện Duy Tiên')).toEqual([]);
    const inferred = all.filter((p) => p.inferred_district);
    expect(inferred.length).toBeGreaterThan(0);
    for (const p of inferred) expect(p.old_district, String(p.id)).toBeNull();
  });
});
