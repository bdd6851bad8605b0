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
  it('rejects a crs member (RFC 7946)', () => {
    const errs = validateClusters({ ...good, crs: { type: 'name' } }, { fileName: 'f', provinceOutline });
    expect(errs.some((e) => e.field === 'crs')).toBe(true);
  });
  it('rejects a polygon flagged as a point', () => {
    const errs = validateClusters(withProps({ geometry_quality: 'point-commune' }), { fileName: 'f', provinceOutline });
    expect(errs.some((e) => e.field === 'geometry_quality')).toBe(true);
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
