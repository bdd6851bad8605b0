import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSurveyHandler } from '../../../src/geo/io/survey/survey_handler';
import type { SurveyResponse } from '../../../src/geo/io/survey/survey_protocol';

const FIX = resolve(import.meta.dirname, '../../fixtures/survey');
const bytes = (p: string) => new Uint8Array(readFileSync(resolve(FIX, p)));

function run() {
  const out: SurveyResponse[] = [];
  const handle = createSurveyHandler((r) => out.push(r));
  return { out, handle };
}

describe('the survey worker handler', () => {
  it('parses a table, proposes VN-2000 TM-3 105° first, and reprojects it to PROJ\'s coordinates', async () => {
    const { out, handle } = run();
    await handle({ type: 'parse', id: 1, bytes: bytes('hanam_tm3_105.csv'), fileName: 'hanam_tm3_105.csv' });
    const parsed = out.find((r) => r.type === 'parsed')!;
    if (parsed.type !== 'parsed') throw new Error('no answer');
    expect(parsed.result.ok).toBe(true);
    expect(parsed.candidates[0]).toMatchObject({ crs: 'VN2000-TM3-105', swapped: false });
    expect(parsed.total).toBeGreaterThanOrEqual(10);
    await handle({ type: 'reproject', id: 2, crs: 'VN2000-TM3-105', swapped: false });
    expect(out.some((r) => r.type === 'progress' && r.id === 2 && r.phase === 'reproject')).toBe(true);
    const done = out.find((r) => r.type === 'reprojected')!;
    if (done.type !== 'reprojected') throw new Error('no answer');
    expect(done.outside).toBeNull();
    const want = JSON.parse(readFileSync(resolve(FIX, 'hanam_tm3_105_wgs84.geojson'), 'utf8')).features[0].geometry.coordinates[0];
    await handle({ type: 'shapes', id: 3, features: [0, 7] });
    const shapes = out.find((r) => r.type === 'shapes')!;
    if (shapes.type !== 'shapes') throw new Error('no answer');
    expect(shapes.geometries[1]).toBeNull();
    const got = (shapes.geometries[0] as { coordinates: number[][][] }).coordinates[0]!;
    for (const w of want) expect(Math.min(...got.map((g) => Math.hypot(g[0]! - w[0], g[1]! - w[1])))).toBeLessThan(1e-7);
    // The map's preview is the same shapes as GeoJSON text, and the box frames them.
    const preview = JSON.parse(await done.preview.blob.text());
    expect(preview.features).toHaveLength(done.count);
    expect(preview.features[0].geometry).toEqual(shapes.geometries[0]);
    const lons = got.map((g) => g[0]!);
    expect(done.bbox![0]).toBe(Math.min(...lons));
    expect(done.bbox![2]).toBe(Math.max(...lons));
  });
  it('matches the reprojected shapes in the worker and sends the matches in parts, in order', async () => {
    const { out, handle } = run();
    const n = 12_000;
    // Small squares apart from each other: only the cluster's own square overlaps it.
    const features = Array.from({ length: n }, (_, i) => {
      const lon = 105.6 + (i % 100) * 0.005;
      const lat = 20.0 + Math.floor(i / 100) * 0.004;
      const d = 0.001;
      return { type: 'Feature', properties: { name: `ô ${i}` }, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] } };
    });
    await handle({ type: 'parse', id: 1, bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })), fileName: 'o.geojson' });
    await handle({ type: 'reproject', id: 2, crs: 'EPSG:4326', swapped: false });
    const target = features[4321]!;
    await handle({ type: 'match', id: 3, clusters: [{ type: 'Feature', properties: { id: 'c1', name: 'CCN Thử' }, geometry: target.geometry as never }] });
    const parts = out.filter((r) => r.type === 'matches');
    expect(parts.length).toBe(3);
    const all = parts.flatMap((r) => (r.type === 'matches' ? r.matches : []));
    expect(all.map((m) => m.feature)).toEqual(features.map((_, i) => i));
    expect(all.filter((m) => m.clusterId === 'c1').map((m) => m.feature)).toEqual([4321]);
    expect(out.at(-1)).toMatchObject({ type: 'matched', id: 3, total: n });
  });
  it('takes the system from a readable .prj, and names the first point outside the province in a wrong one', async () => {
    const { out, handle } = run();
    await handle({ type: 'parse', id: 1, bytes: bytes('formats/ranh_gioi_shp.zip'), fileName: 'ranh_gioi_shp.zip' });
    const parsed = out.find((r) => r.type === 'parsed')!;
    expect(parsed.type === 'parsed' && parsed.candidates).toEqual([{ crs: 'VN2000-TM3-105', swapped: false, inside: -1 }]);
    await handle({ type: 'reproject', id: 2, crs: 'VN2000-TM3-105', swapped: true });
    const done = out.find((r) => r.type === 'reprojected')!;
    expect(done.type === 'reprojected' && done.outside).toMatchObject({ code: 'survey_outside_province', params: { feature: 1, vertex: 1 } });
  });
  it('answers a reproject before any parse, and a broken file, with coded issues', async () => {
    const { out, handle } = run();
    await handle({ type: 'reproject', id: 1, crs: 'EPSG:4326', swapped: false });
    expect(out[0]).toMatchObject({ type: 'failed', issue: { code: 'survey_nothing_parsed' } });
    await handle({ type: 'parse', id: 2, bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), fileName: 'x.zip' });
    const r = out.find((x) => x.id === 2 && x.type === 'parsed');
    expect(r && r.type === 'parsed' && !r.result.ok).toBe(true);
  });
});
