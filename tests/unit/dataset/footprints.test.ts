import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, booleanClockwise } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { applyFootprints, FootprintError } from '../../../geodata/build/footprints';
import type { ClusterProps } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const read = (p: string): unknown => JSON.parse(readFileSync(resolve(root, p), 'utf8'));
const provinceOutline = read('geodata/boundaries/province.geojson');
const clusters = deepFreeze(
  (read('tests/fixtures/bad-geodata/valid.geojson') as FeatureCollection<Polygon, ClusterProps>).features.map((f) => ({ ...f.properties, geometry_source: null, geometry_as_of: null })),
);
const IN = 'tests/fixtures/footprints/in/footprints.geojson';
const OUT = 'tests/fixtures/footprints/out/footprints.geojson';
const input = deepFreeze(read(IN) as FeatureCollection<Polygon | MultiPolygon>);
const apply = (fc: unknown) => applyFootprints(clusters, fc, { provinceOutline });

/** The fixture with the first footprint's properties (or geometry) patched. */
function patched(props: Record<string, unknown>, geometry?: unknown): unknown {
  const [first, ...rest] = input.features;
  return { ...input, features: [{ ...first, properties: { ...first!.properties, ...props }, ...(geometry ? { geometry } : {}) }, ...rest] };
}
/** The problems the footprints are refused for. */
function problemsOf(fc: unknown): string[] {
  try {
    apply(fc);
  } catch (e) {
    expect(e).toBeInstanceOf(FootprintError);
    return (e as FootprintError).problems;
  }
  throw new Error('expected the footprints to be refused');
}

describe('applyFootprints', () => {
  it('gives each footprint\'s cluster its geometry, quality, source and date (fixture in/ → out/, REGEN=1 rewrites)', () => {
    const out = { type: 'FeatureCollection', features: [...apply(input).values()] };
    if (process.env.REGEN) writeFileSync(resolve(root, OUT), JSON.stringify(out, null, 1) + '\n');
    expect(out).toEqual(read(OUT));
  });

  it('the cluster keeps its other properties; its area is the footprint\'s, not the schematic square\'s', () => {
    const traced = apply(input).get('hn-fixture')!;
    expect(traced.properties).toMatchObject({
      id: 'hn-fixture', name: 'CCN Fixture', planned_area_ha: 10, sources: ['https://example.org/source'],
      geometry_quality: 'traced', geometry_source: 'QĐ 512/QĐ-UBND ngày 16/3/2020 (mẫu)', geometry_as_of: '2020-03-16',
      notes: 'Footprint: Traced over the boundary description of the decision\'s annex (fixture).',
    });
    const ha = area(traced) / 1e4;
    expect(ha).toBeCloseTo(area(input.features[0]!) / 1e4, 2);
    expect(Math.abs(ha - 10)).toBeGreaterThan(5);
    const surveyed = apply(input).get('hn-fixture-point')!;
    expect(surveyed.geometry.type).toBe('MultiPolygon');
    expect(surveyed.properties).toMatchObject({ geometry_quality: 'surveyed', geometry_source: 'https://example.org/survey.zip', geometry_as_of: '2024-11', notes: null });
  });

  it('winds rings as RFC 7946 asks and rounds to 6 decimals', () => {
    const ring = (apply(input).get('hn-fixture')!.geometry as Polygon).coordinates[0]!;
    expect(booleanClockwise(ring)).toBe(false);
    expect(ring.flat().every((x) => Math.round(x * 1e6) / 1e6 === x)).toBe(true);
  });

  it('an empty file changes nothing', () => {
    expect(apply({ type: 'FeatureCollection', features: [] }).size).toBe(0);
  });

  const refusals: [string, unknown, RegExp][] = [
    ['an unknown id', patched({ id: 'hn-no-such-cluster' }), /hn-no-such-cluster › id: no cluster has this id/],
    ['no source', patched({ geometry_source: undefined }), /hn-fixture › geometry_source: required/],
    ['an empty source', patched({ geometry_source: ' ' }), /hn-fixture › geometry_source: required/],
    ['no date', patched({ geometry_as_of: null }), /hn-fixture › geometry_as_of: required/],
    ['a date that is not ISO', patched({ geometry_as_of: '16/3/2020' }), /hn-fixture › geometry_as_of: required.*got "16\/3\/2020"/],
    ['a schematic quality', patched({ geometry_quality: 'schematic-commune' }), /hn-fixture › geometry_quality: must be traced or surveyed/],
    ['no quality', patched({ geometry_quality: undefined }), /hn-fixture › geometry_quality: must be traced or surveyed; got nothing/],
    ['a misspelt property', patched({ geometry_sources: 'x' }), /hn-fixture › geometry_sources: unknown property/],
    ['a point', patched({}, { type: 'Point', coordinates: [105.95, 20.6] }), /hn-fixture › geometry: must be a Polygon or MultiPolygon; got "Point"/],
    ['a self-intersecting ring', patched({}, { type: 'Polygon', coordinates: [[[105.948, 20.598], [105.953, 20.603], [105.953, 20.598], [105.948, 20.603], [105.948, 20.598]]] }), /hn-fixture › geometry: polygon self-intersects/],
    ['an open ring', patched({}, { type: 'Polygon', coordinates: [[[105.948, 20.598], [105.953, 20.598], [105.953, 20.603], [105.948, 20.603]]] }), /hn-fixture › geometry: ring 0 is not closed/],
    ['a footprint outside the province', patched({}, { type: 'Polygon', coordinates: [[[105.0, 21.0], [105.01, 21.0], [105.01, 21.01], [105.0, 21.01], [105.0, 21.0]]] }), /hn-fixture › geometry: feature lies outside the province outline/],
    ['two footprints for one cluster', { ...input, features: [input.features[0], input.features[0]] }, /hn-fixture › id: a second footprint for the same cluster/],
  ];
  for (const [what, fc, reason] of refusals) {
    it(`refuses ${what}, naming the id and the problem`, () => {
      const problems = problemsOf(fc);
      expect(problems.some((p) => reason.test(p)), problems.join('\n')).toBe(true);
      expect(problems.every((p) => p.startsWith('footprints.geojson › '))).toBe(true);
    });
  }

  it('refuses a file that is not a FeatureCollection, and a feature without an id', () => {
    expect(problemsOf([])[0]).toMatch(/must be a GeoJSON FeatureCollection/);
    expect(problemsOf(patched({ id: undefined }))[0]).toMatch(/\(no id\) › id: feature #0 must have properties with the id of a cluster/);
  });

  it('lists every problem at once, and the message names them', () => {
    const fc = { ...input, features: [patched({ id: 'hn-nope' }) as FeatureCollection, patched({ geometry_source: null }) as FeatureCollection].map((c) => c.features[0]) };
    expect(() => apply(fc)).toThrow(/2 problem\(s\) in the footprints:\n.*hn-nope › id.*\n.*hn-fixture › geometry_source/);
  });
});
