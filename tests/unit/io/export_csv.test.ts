import Papa from 'papaparse';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FIELDS } from '../../../src/geo/io/cluster_fields';
import { CSV_BOM, CSV_COLUMNS, clustersToCsv } from '../../../src/geo/io/export_csv';
import type { ClusterFeature, ClusterProps } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const props = (patch: Partial<ClusterProps> = {}): ClusterProps => ({
  id: 'hn-dong-van',
  name: 'CCN Đồng Văn',
  ex_province: 'Hà Nam',
  old_district: 'Thị xã Duy Tiên',
  inferred_district: null,
  communes: ['Duy Minh', 'Tiên Nội'],
  new_commune: 'Phường Duy Tiên',
  commune_2025: 'Phường Duy Tiên',
  commune_2025_code: '13324',
  planned_area_ha: 45.5,
  status: 'operating',
  wwtp: 'operating',
  occupancy_pct: 80,
  projects: 12,
  workers: null,
  model: null,
  industries: 'dệt may, "cơ khí", điện tử\nvà khác',
  decision: null,
  sources: ['https://a.vn/1', 'https://b.vn/2'],
  as_of: '2025-07-01',
  geometry_quality: 'schematic-commune',
  notes: null,
  notes_vi: null,
  reported_conflicts: null,
  reported_conflicts_vi: null,
  location_basis: 'source',
  established_year: 2010,
  investor: null,
  decision_date: null,
  geometry_source: null,
  geometry_as_of: null,
  ...patch,
});
const square = (p: ClusterProps): ClusterFeature => ({
  type: 'Feature',
  properties: p,
  geometry: { type: 'Polygon', coordinates: [[[106, 20], [106.02, 20], [106.02, 20.02], [106, 20.02], [106, 20]]] },
});
const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;

describe('clustersToCsv', () => {
  it('starts with a BOM and uses CRLF', () => {
    const csv = clustersToCsv(deepFreeze([square(props())]));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${CSV_BOM}${CSV_COLUMNS.join(',')}`);
  });
  it('has every ClusterProps field in the documented order, then lon, lat', () => {
    expect(CSV_COLUMNS).toEqual([
      'id', 'name', 'ex_province', 'old_district', 'inferred_district', 'communes', 'new_commune', 'commune_2025', 'commune_2025_code', 'planned_area_ha', 'status', 'wwtp',
      'occupancy_pct', 'projects', 'workers', 'model', 'industries', 'decision', 'decision_date', 'established_year', 'investor', 'sources', 'as_of',
      'geometry_quality', 'geometry_source', 'geometry_as_of', 'location_basis', 'notes', 'notes_vi', 'reported_conflicts', 'reported_conflicts_vi', 'lon', 'lat',
    ]);
    expect(new Set(CLUSTER_FIELDS).size).toBe(Object.keys(props()).length);
  });
  it('round-trips values through a CSV parser: quotes, commas, newlines, Vietnamese, lists, nulls', () => {
    const [header, row] = parse(clustersToCsv([square(props())]));
    const rec = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(rec.name).toBe('CCN Đồng Văn');
    expect(rec.industries).toBe('dệt may, "cơ khí", điện tử\nvà khác');
    expect(rec.communes).toBe('Duy Minh; Tiên Nội');
    expect(rec.sources).toBe('https://a.vn/1; https://b.vn/2');
    expect(rec.workers).toBe('');
    expect(rec.planned_area_ha).toBe('45.5');
    expect(rec.lon).toBe('106.01');
    expect(rec.lat).toBe('20.01');
  });
  it('uses the point itself for Point geometry and leaves lon/lat empty without geometry', () => {
    const pt: ClusterFeature = { type: 'Feature', properties: props(), geometry: { type: 'Point', coordinates: [105.12345678, 20.5] } };
    const none = { type: 'Feature', properties: props({ id: 'x' }), geometry: null } as unknown as ClusterFeature;
    const rows = parse(clustersToCsv([pt, none]));
    expect(rows[1]?.slice(-2)).toEqual(['105.123457', '20.5']);
    expect(rows[2]?.slice(-2)).toEqual(['', '']);
  });
  it('puts the representative point inside a concave polygon', () => {
    const u: ClusterFeature = {
      type: 'Feature',
      properties: props(),
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] },
    };
    const [lon, lat] = (parse(clustersToCsv([u]))[1] ?? []).slice(-2).map(Number);
    expect(booleanPointInPolygon([lon as number, lat as number], u.geometry as Polygon, { ignoreBoundary: true })).toBe(true);
  });
  it('guards against formula injection but leaves negative numbers alone', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '-5', '-0.25', 'ok=1'];
    const rows = parse(clustersToCsv(evil.map((notes, i) => square(props({ id: `c${i}`, notes })))));
    const col = CSV_COLUMNS.indexOf('notes');
    expect(rows.slice(1).map((r) => r[col])).toEqual([
      `'=HYPERLINK("http://x","y")`, "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", '-5', '-0.25', 'ok=1',
    ]);
  });
  it('guards list cells too', () => {
    const rows = parse(clustersToCsv([square(props({ communes: ['=cmd|calc', 'b'] }))]));
    expect(rows[1]?.[CSV_COLUMNS.indexOf('communes')]).toBe("'=cmd|calc; b");
  });
  it('rejects a non-feature', () => {
    expect(() => clustersToCsv([{ type: 'Point' } as unknown as ClusterFeature])).toThrow('Expected feature 0 to be a GeoJSON Feature');
  });
});
