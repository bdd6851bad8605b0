import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Polygon } from 'geojson';
import { changesFromForm, newClusterChange } from '../../../src/geo/edit/form_changes';
import { footprintCheck } from '../../../src/geo/edit/footprint_check';
import { applyJournal } from '../../../src/geo/edit/apply_journal';
import { checkRecord } from '../../../src/geo/edit/change';
import type { ClusterCollection } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const base = deepFreeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);
const now = new Date('2026-12-01T09:00:00Z');

/** A square of about `ha` hectares at 20.3° N (geodesic area within 0.5 %). */
function square(ha: number, lon = 106, lat = 20.3): Polygon {
  const side = Math.sqrt(ha * 10_000);
  const dLat = side / 110_574;
  const dLon = side / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

describe('footprintCheck', () => {
  it('measures the area and flags more than 10 % off the planned area', () => {
    const c = footprintCheck(square(20), 20);
    expect(c.areaHa).toBeCloseTo(20, 0);
    expect(c.offPlan).toBe(false);
    expect(footprintCheck(square(23), 20).offPlan).toBe(true);
    expect(footprintCheck(square(17), 20).offPlan).toBe(true);
    expect(footprintCheck(square(21), 20).offPlan).toBe(false);
  });
  it('applies Decree 32 sizes: 10–75 ha, 5–75 ha for craft-village or mountain clusters', () => {
    expect(footprintCheck(square(9), null).size).toBe('small');
    expect(footprintCheck(square(11), null).size).toBe('ok');
    expect(footprintCheck(square(80), null).size).toBe('large');
    expect(footprintCheck(square(7), null, 'craftOrMountain').size).toBe('ok');
    expect(footprintCheck(square(4), null, 'craftOrMountain').size).toBe('small');
  });
  it('says nothing for a point or without a planned area', () => {
    expect(footprintCheck({ type: 'Point', coordinates: [106, 20] }, 20)).toMatchObject({ areaHa: null, diffPct: null, size: null, offPlan: false });
    expect(footprintCheck(square(20), null).diffPct).toBeNull();
  });
});

describe('changesFromForm', () => {
  const f = base.features[0]!;
  it('does not save without a source or a valid date', () => {
    const r = changesFromForm(f, { values: { status: 'withdrawn' }, footprint: null, source: ' ', as_of: '2026-13' }, now);
    expect('problems' in r && r.problems.map((p) => p.key).sort()).toEqual(['edit.needDate', 'edit.needSource']);
    const future = changesFromForm(f, { values: { status: 'withdrawn' }, footprint: null, source: 'QĐ 1/QĐ-UBND', as_of: '2027-01-01' }, now);
    expect('problems' in future).toBe(true);
  });
  it('makes one change per changed field, in one group, that apply and check', () => {
    const r = changesFromForm(
      f,
      { values: { status: 'withdrawn', name: f.properties.name, occupancy_pct: 55 }, footprint: { geometry: square(20), quality: 'traced' }, source: 'QĐ 512/QĐ-UBND ngày 16/3/2020', as_of: '2020-03-16' },
      now,
    );
    if (!('changes' in r)) throw new Error(JSON.stringify(r));
    expect(r.changes.map((c) => c.field)).toEqual(['status', 'occupancy_pct', 'geometry']);
    expect(new Set(r.changes.map((c) => c.group)).size).toBe(1);
    for (const c of r.changes) expect(checkRecord(JSON.parse(JSON.stringify(c))).ok).toBe(true);
    const out = applyJournal(base, r.changes).fc.features.find((x) => x.properties.id === f.properties.id)!;
    expect(out.properties.status).toBe('withdrawn');
    expect(out.properties.geometry_quality).toBe('traced');
    expect(out.properties.geometry_source).toBe('QĐ 512/QĐ-UBND ngày 16/3/2020');
    expect(out.properties.sources).toContain('QĐ 512/QĐ-UBND ngày 16/3/2020');
  });
  it('refuses a bad value and a save that changes nothing', () => {
    const bad = changesFromForm(f, { values: { occupancy_pct: 140 }, footprint: null, source: 'x', as_of: '2025' }, now);
    expect('problems' in bad && bad.problems[0]?.field).toBe('occupancy_pct');
    const same = changesFromForm(f, { values: { name: f.properties.name }, footprint: null, source: 'x', as_of: '2025' }, now);
    expect('problems' in same && same.problems[0]?.key).toBe('edit.nothingChanged');
  });
});

describe('newClusterChange', () => {
  it('adds a cluster with a dataset-style unique id, its source and quality', () => {
    const taken = new Set(base.features.map((x) => x.properties.id).concat('nd-truc-tuan'));
    const c = newClusterChange({ name: 'CCN Trực Tuấn', ex_province: 'Nam Định', planned_area_ha: 67 }, { geometry: square(67, 106.2, 20.2), quality: 'traced' }, { source: 'https://example.vn/a', as_of: '2025-06-01', now, taken });
    expect(c.target).toBe('nd-truc-tuan-2');
    expect(checkRecord(JSON.parse(JSON.stringify(c))).ok).toBe(true);
    const out = applyJournal(base, [c]).fc;
    expect(out.features.length).toBe(base.features.length + 1);
    expect(out.features.at(-1)!.properties).toMatchObject({ id: 'nd-truc-tuan-2', planned_area_ha: 67, geometry_quality: 'traced', sources: ['https://example.vn/a'] });
  });
});
