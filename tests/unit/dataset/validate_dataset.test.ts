import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, validateClusters, validateVillages, validateZones } from '../../../src/geo/dataset/validate_dataset';

const root = resolve(__dirname, '../../..');
const provinceOutline = JSON.parse(readFileSync(resolve(root, 'geodata/boundaries/province.geojson'), 'utf8')) as unknown;
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(root, 'tests/fixtures/bad-geodata', name), 'utf8'));
const run = (name: string) => validateClusters(fixture(name), { fileName: name, provinceOutline });

describe('validateClusters on crafted bad fixtures', () => {
  it('accepts the valid fixture (so each bad one fails for its own reason)', () => {
    expect(run('valid.geojson')).toEqual([]);
  });
  const cases: [string, string, RegExp][] = [
    ['missing-source.geojson', 'sources', /at least one source URL/],
    ['unknown-status.geojson', 'status', /must be one of planned, established, operating, withdrawn; got "closed"/],
    ['open-ring.geojson', 'geometry', /ring 0 is not closed/],
    ['self-intersection.geojson', 'geometry', /self-intersects/],
    ['outside-province.geojson', 'geometry', /outside the province outline/],
    ['duplicate-id.geojson', 'id', /duplicate id "hn-fixture"/],
    ['area-mismatch.geojson', 'planned_area_ha', /differs from planned_area_ha 12 ha by more than 1%/],
  ];
  for (const [file, field, reason] of cases) {
    it(`${file} fails on ${field}`, () => {
      const errs = run(file);
      const hit = errs.find((e) => e.field === field && reason.test(e.reason));
      expect(hit, errs.map(formatError).join('\n')).toBeDefined();
      expect(hit?.file).toBe(file);
      expect(hit?.id).toBe('hn-fixture');
    });
  }
});

describe('validate_dataset details', () => {
  const good = fixture('valid.geojson') as { type: string; features: { properties: Record<string, unknown> }[] };
  const withProps = (patch: Record<string, unknown>) => ({
    ...good,
    features: [{ ...good.features[0], properties: { ...good.features[0]?.properties, ...patch } }],
  });

  it('rejects a non-http source', () => {
    const errs = validateClusters(withProps({ sources: ['ftp://x.org/a'] }), { fileName: 'f', provinceOutline });
    expect(errs.map((e) => e.field)).toContain('sources');
  });
  it('rejects a district inferred from a name that is not marked name-inferred, unless a named commune gave it', () => {
    const field = (p: Record<string, unknown>) => validateClusters(withProps(p), { fileName: 'f', provinceOutline }).filter((e) => e.field === 'location_basis');
    expect(field({ inferred_district: 'Huyện Ý Yên', communes: [], location_basis: 'source' })).toHaveLength(1);
    expect(field({ inferred_district: 'Huyện Ý Yên', communes: [], location_basis: 'name-inferred' })).toHaveLength(0);
    expect(field({ inferred_district: 'Huyện Ý Yên', communes: ['Yên Thắng'], location_basis: 'source' })).toHaveLength(0);
  });
  it('rejects a crs member (RFC 7946)', () => {
    const errs = validateClusters({ ...good, crs: { type: 'name' } }, { fileName: 'f', provinceOutline });
    expect(errs.some((e) => e.field === 'crs')).toBe(true);
  });
  it('rejects a polygon flagged as a point', () => {
    const errs = validateClusters(withProps({ geometry_quality: 'point-commune' }), { fileName: 'f', provinceOutline });
    expect(errs.some((e) => e.field === 'geometry_quality')).toBe(true);
  });
  it('accepts the optional fields of the interface: investor, decision_date, geometry_source, geometry_as_of (null when unknown)', () => {
    const filled = { investor: 'Công ty CP Hạ tầng X', decision_date: '2020-03-16' };
    const empty = { investor: null, decision_date: null, geometry_source: null, geometry_as_of: null };
    expect(validateClusters(withProps(filled), { fileName: 'f', provinceOutline }).map(formatError)).toEqual([]);
    expect(validateClusters(withProps(empty), { fileName: 'f', provinceOutline }).map(formatError)).toEqual([]);
  });
  it('rejects a decision_date that is not an ISO date', () => {
    const errs = validateClusters(withProps({ decision_date: '16/3/2020' }), { fileName: 'f', provinceOutline });
    expect(errs.map((e) => e.field)).toEqual(['decision_date']);
  });
  it('rejects properties not in the interface', () => {
    const errs = validateClusters(withProps({ colour: 'red' }), { fileName: 'f', provinceOutline });
    expect(errs.some((e) => e.field === 'colour')).toBe(true);
  });
  it('rejects a file that is not a FeatureCollection', () => {
    expect(validateZones({ type: 'Feature' }, { fileName: 'z', provinceOutline })[0]?.field).toBe('type');
  });
  it('requires points for villages', () => {
    const errs = validateVillages(good, { fileName: 'v', provinceOutline });
    expect(errs.some((e) => e.field === 'geometry' && /Point/.test(e.reason))).toBe(true);
  });
  it('formats errors with file, id, field and reason', () => {
    expect(formatError({ file: 'a.geojson', id: 'x', field: 'status', reason: 'bad' })).toBe('a.geojson › x › status: bad');
  });
  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(good)) as unknown;
    const before = JSON.stringify(frozen);
    validateClusters(Object.freeze(frozen), { fileName: 'f', provinceOutline });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe('traced and surveyed footprints', () => {
  const good = fixture('valid.geojson') as { type: string; features: { properties: Record<string, unknown>; geometry: unknown }[] };
  const polygon = good.features[0]!;
  const point = good.features[1]!;
  const one = (f: (typeof good.features)[number], patch: Record<string, unknown>) =>
    validateClusters({ ...good, features: [{ ...f, properties: { ...f.properties, ...patch } }] }, { fileName: 'f', provinceOutline });
  const SOURCED = { geometry_source: 'QĐ 512/QĐ-UBND ngày 16/3/2020', geometry_as_of: '2020-03-16' };

  for (const q of ['traced', 'surveyed']) {
    it(`accepts a ${q} polygon with its source and date, whatever its area (it is not a schematic square)`, () => {
      expect(one(polygon, { geometry_quality: q, ...SOURCED, planned_area_ha: 55 }).map(formatError)).toEqual([]);
    });
    it(`rejects a ${q} footprint without geometry_source, or without geometry_as_of`, () => {
      const noSource = one(polygon, { geometry_quality: q, geometry_as_of: '2020-03-16' });
      expect(noSource.map((e) => e.field)).toEqual(['geometry_source']);
      expect(noSource[0]?.reason).toMatch(/must name its source/);
      expect(one(polygon, { geometry_quality: q, ...SOURCED, geometry_source: '  ' }).map((e) => e.field)).toEqual(['geometry_source']);
      expect(one(polygon, { geometry_quality: q, geometry_source: SOURCED.geometry_source }).map((e) => e.field)).toEqual(['geometry_as_of']);
      expect(one(polygon, { geometry_quality: q, ...SOURCED, geometry_as_of: 'March 2020' }).map((e) => e.field)).toEqual(['geometry_as_of']);
    });
    it(`rejects a ${q} Point (a footprint is a polygon)`, () => {
      expect(one(point, { geometry_quality: q, ...SOURCED }).map((e) => e.field)).toEqual(['geometry_quality']);
    });
  }

  it('rejects a footprint source on a schematic or point geometry', () => {
    expect(one(polygon, { geometry_source: 'https://example.org/map' }).map((e) => e.field)).toEqual(['geometry_source']);
    expect(one(point, { geometry_as_of: '2020' }).map((e) => e.field)).toEqual(['geometry_as_of']);
  });
});

describe('sources a reader can follow', () => {
  it('accepts an official document number beside URLs, and refuses hearsay', async () => {
    const { isSourceRef } = await import('../../../src/geo/dataset/source_ref');
    for (const s of ['https://baonamdinh.vn/a.html', 'QĐ 512/QĐ-UBND ngày 16/3/2020', 'Nghị quyết 1674/NQ-UBTVQH15', 'Nghị định 32/2024/NĐ-CP', 'ranh-gioi.dxf — 45/QĐ-UBND']) expect(isSourceRef(s), s).toBe(true);
    for (const s of ['anh Nam nói', 'ftp://x.org/a', 'bản đồ 1/500', '', 'http://localhost/a', 'x512/QĐ-UBND']) expect(isSourceRef(s), s).toBe(false);
  });
});
