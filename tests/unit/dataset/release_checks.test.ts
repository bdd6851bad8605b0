import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOfBeyondSources, translationLoses } from '../../../src/geo/dataset/release_checks';
import { validateClusters } from '../../../src/geo/dataset/validate_dataset';

describe('translationLoses', () => {
  it('accepts Vietnamese number separators and extra digits from month names', () => {
    expect(translationLoses('39.69 ha, 1,657 bn VND, March 2022', '39,69 ha, 1.657 tỷ đồng, tháng 3/2022')).toBeNull();
  });
  it('names a lost figure and a lost or altered link', () => {
    expect(translationLoses('QĐ 512/QĐ-UBND of 16/3/2020', 'QĐ 512/QĐ-UBND ngày 16/3/2021')).toBe('the figure 2020');
    expect(translationLoses('see https://a.vn/x-1.htm', 'xem https://a.vn/x-2.htm')).toBe('the link https://a.vn/x-1.htm');
  });
  it('does not take digits inside a link for figures of the text', () => {
    expect(translationLoses('per https://a.vn/2023/07/x', 'theo https://a.vn/2023/07/x')).toBeNull();
  });
});

describe('asOfBeyondSources', () => {
  const dates = new Map([['https://a.vn/1', '2020'], ['https://a.vn/2', '2023-07-24'], ['https://a.vn/3', '2025-07']]);
  it('passes an as-of within the newest dated source, partial dates meaning their whole period', () => {
    expect(asOfBeyondSources('2020-12-31', ['https://a.vn/1'], dates)).toBeNull();
    expect(asOfBeyondSources('2025-07-31', ['https://a.vn/3'], dates)).toBeNull();
    expect(asOfBeyondSources('2023-07-24', ['https://a.vn/1', 'https://a.vn/2'], dates)).toBeNull();
  });
  it('reports the newest dated source when as-of is past it', () => {
    expect(asOfBeyondSources('2021-01-01', ['https://a.vn/1'], dates)).toEqual({ url: 'https://a.vn/1', date: '2020' });
    expect(asOfBeyondSources('2023-07-25', ['https://a.vn/1', 'https://a.vn/2'], dates)).toEqual({ url: 'https://a.vn/2', date: '2023-07-24' });
  });
  it('says nothing when no source is dated', () => {
    expect(asOfBeyondSources('2026-11-23', ['https://b.vn/undated'], dates)).toBeNull();
  });
});

describe('validate with the release rules', () => {
  const root = resolve(__dirname, '../../..');
  const provinceOutline = JSON.parse(readFileSync(resolve(root, 'geodata/boundaries/province.geojson'), 'utf8')) as unknown;
  const good = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/bad-geodata/valid.geojson'), 'utf8')) as { type: string; features: { properties: Record<string, unknown> }[] };
  const url = good.features[0]?.properties.sources as string[];
  const release = { sourceDates: new Map([[url[0] ?? '', '2020-03-16']]) };
  const errs = (patch: Record<string, unknown>, withRelease = true) =>
    validateClusters({ ...good, features: [{ ...good.features[0], properties: { ...good.features[0]?.properties, ...patch } }] }, { fileName: 'f', provinceOutline, ...(withRelease ? { release } : {}) })
      .map((e) => `${e.field}: ${e.reason}`);

  it('asks for the Vietnamese of every note and conflict, keeping its figures', () => {
    expect(errs({ notes: 'Area 39.69 ha.', notes_vi: null, as_of: '2020' })).toEqual([expect.stringMatching(/^notes_vi: missing/)]);
    expect(errs({ reported_conflicts: 'Area: 17 ha vs 10.5 ha.', reported_conflicts_vi: 'Diện tích: 17 ha so với 10 ha.', as_of: '2020' })).toEqual([expect.stringMatching(/^reported_conflicts_vi: must keep the figure 5/)]);
    expect(errs({ notes: 'Area 39.69 ha.', notes_vi: 'Diện tích 39,69 ha.', as_of: '2020' })).toEqual([]);
  });
  it('rejects an as-of newer than the newest dated source, and only for the bundled data', () => {
    expect(errs({ as_of: '2020-03-17' })).toEqual([expect.stringMatching(/^as_of: must not be newer than its newest dated source \(2020-03-16/)]);
    expect(errs({ as_of: '2020-03-17', notes: 'x' }, false)).toEqual([]);
  });
});
