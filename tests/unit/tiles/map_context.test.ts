import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { CONTEXT_KEY, mapContext, mapContextFile } from '../../../src/geo/tiles/map_context';

const fc = (...ids: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id) => ({ type: 'Feature', properties: { id, name: id.toUpperCase() }, geometry: { type: 'Point', coordinates: [106, 20.3] } })),
});

describe('mapContext', () => {
  it('merges the files, each feature tagged with its file, properties and geometry kept', () => {
    const out = mapContext({ exProvinces: fc('ha-nam', 'nam-dinh'), province: fc('ninh-binh-2025'), zones: fc('kcn-1') });
    expect(out.features.map((f) => [f.properties!.id, f.properties![CONTEXT_KEY]])).toEqual([
      ['ha-nam', 'ex-province'],
      ['nam-dinh', 'ex-province'],
      ['ninh-binh-2025', 'province'],
      ['kcn-1', 'zone'],
    ]);
    expect(out.features[3]).toMatchObject({ properties: { name: 'KCN-1' }, geometry: { type: 'Point', coordinates: [106, 20.3] } });
  });

  it('leaves out a part that is null or missing, and features without a geometry', () => {
    const zones = fc('kcn-1');
    zones.features.push({ type: 'Feature', properties: { id: 'bad' }, geometry: null as never });
    expect(mapContext({ exProvinces: null, zones }).features.map((f) => f.properties!.id)).toEqual(['kcn-1']);
  });

  it('does not change the collections it is given', () => {
    const zones = fc('kcn-1');
    mapContext({ zones });
    expect(zones.features[0]!.properties).toEqual({ id: 'kcn-1', name: 'KCN-1' });
  });
});

describe('mapContextFile', () => {
  it('writes the parts it can read and leaves out a file that is not a feature collection', () => {
    const text = mapContextFile({ exProvinces: JSON.stringify(fc('ha-nam')), province: '{"type":"FeatureCollection","features":[', zones: '{"type":"Feature"}' });
    expect(JSON.parse(text).features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['ha-nam']);
    expect(JSON.parse(mapContextFile({}))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
