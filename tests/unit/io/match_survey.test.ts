import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { matchSurvey } from '../../../src/geo/io/survey/match_survey';
import type { ClusterCollection } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const clusters = deepFreeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection).features;
const square = (lon: number, lat: number, d = 0.002): Polygon => ({ type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] });
const shape = (g: Polygon, properties: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry: g, properties });

describe('matchSurvey', () => {
  it('pairs by id, then by folded name without "CCN", then by overlap; each cluster once', () => {
    const m = matchSurvey(
      [
        shape(square(105.0, 19.0), { id: 'nd-mau-y-yen' }),
        shape(square(105.0, 19.0), { TEN: 'cụm công nghiệp Hải Hậu (mẫu)' }),
        shape(square(105.92, 20.62)),
        shape(square(105.92, 20.62)),
        shape(square(104.0, 19.0), { Name: 'Không có' }),
      ],
      clusters,
    );
    expect(m.map((x) => [x.clusterId, x.basis])).toEqual([
      ['nd-mau-y-yen', 'id'],
      ['nd-mau-hai-hau', 'name'],
      ['hn-mau-dong-van', 'overlap'],
      [null, 'none'],
      [null, 'none'],
    ]);
    expect(m[3]!.alsoOverlaps).toEqual(['hn-mau-dong-van']);
    expect(m[4]!.label).toBe('Không có');
    expect(m[2]!.label).toBe('#3');
    expect(m[0]!.areaHa).toBeGreaterThan(15);
  });
  it('gives a point no area', () => {
    const [p] = matchSurvey([{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.9, 20.45] }, properties: {} }], clusters);
    expect(p!.areaHa).toBeNull();
  });
});
