import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../src/geo/dataset/filter_clusters';
import { DEFAULT_URL_STATE, decodeHash, encodeHash, type UrlState } from '../../../src/geo/url_state';
import { DEFAULT_PROX } from '../../../src/geo/proximity/prox_state';
import { mulberry32, pickOne } from '../../../src/geo/synth/seeded_random';
import { EX_PROVINCES, STATUSES, WWTP_STATES } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const ids = ['hn-dong-van', 'nd-my-thuan', 'nb-gian-khau', 'hn-tiên-xyz'];
const known = { clusterIds: new Set(ids) };
const full = (s: Partial<UrlState>): UrlState => ({ ...DEFAULT_URL_STATE, ...s });
const roundTrip = (s: UrlState) => {
  const { state, ignored } = decodeHash(`#${encodeHash(deepFreeze(s))}`, known);
  expect(ignored).toEqual([]);
  return full(state);
};

describe('encodeHash', () => {
  it('writes the documented compact form', () => {
    const s = full({
      view: { lon: 106.01, lat: 20.35, zoom: 10.2 },
      filter: { ...EMPTY_FILTER, provinces: ['Hà Nam', 'Nam Định'], statuses: ['operating'] },
      selection: ['hn-dong-van', 'nd-my-thuan'],
      focus: 'hn-dong-van',
      lang: 'en',
    });
    expect(encodeHash(s)).toBe('map=10.2/20.35/106.01&prov=ha-nam,nam-dinh&st=operating&sel=hn-dong-van,nd-my-thuan&focus=hn-dong-van&lang=en');
  });
  it('writes nothing for the default state', () => expect(encodeHash(full({}))).toBe(''));
  it('rounds the view (zoom 2, lat/lon 5 decimals)', () => {
    expect(encodeHash(full({ view: { lon: 106.123456789, lat: -0.000001, zoom: 9.87654 } }))).toBe('map=9.88/0/106.12346');
  });
  it('is URL-safe', () => {
    const h = encodeHash(full({ filter: { ...EMPTY_FILTER, models: ['Nhà nước, tư nhân & FDI', '', 'a~b#c'] }, selection: ['hn-tiên-xyz'] }));
    expect(h).toMatch(/^[A-Za-z0-9\-_.~%=&,/]*$/);
  });
});

describe('round trip', () => {
  it('every facet, area bounds, panel and language', () => {
    const s = full({
      view: { lon: 105.97512, lat: 20.25, zoom: 12.5 },
      filter: {
        provinces: ['Ninh Bình'],
        statuses: ['planned', 'established'],
        wwtp: ['under_construction', 'none'],
        models: ['Nhà nước, tư nhân & FDI', '', 'a~b#c'],
        communes: ['13753', ''],
        areaMin: 10.5,
        areaMax: 75,
      },
      selection: ['hn-tiên-xyz', 'nb-gian-khau'],
      focus: 'nb-gian-khau',
      panel: 'proximity',
      lang: 'vi',
    });
    expect(roundTrip(s)).toEqual(s);
  });
  it('empty facets mean "nothing passes" and survive', () => {
    const s = full({ filter: { ...EMPTY_FILTER, provinces: [], statuses: [], wwtp: [], models: [] } });
    expect(roundTrip(s)).toEqual(s);
  });
  it('one-sided area bounds', () => {
    for (const [areaMin, areaMax] of [[10, null], [null, 0], [0, 0]] as const) {
      const s = full({ filter: { ...EMPTY_FILTER, areaMin, areaMax } });
      expect(roundTrip(s)).toEqual(s);
    }
  });
  it('500 seeded random valid states', () => {
    const rand = mulberry32(42);
    const subset = <T,>(xs: readonly T[]): T[] | null => (rand() < 0.4 ? null : xs.filter(() => rand() < 0.5));
    for (let n = 0; n < 500; n++) {
      const s = full({
        view: rand() < 0.5 ? undefined : { lon: Math.round((rand() * 360 - 180) * 1e5) / 1e5, lat: Math.round((rand() * 170 - 85) * 1e5) / 1e5, zoom: Math.round(rand() * 2400) / 100 },
        filter: {
          provinces: subset(EX_PROVINCES),
          statuses: subset(STATUSES),
          wwtp: subset(WWTP_STATES),
          models: subset(['', 'Nhà nước', 'Tư nhân, FDI', '~%&=#']),
          communes: subset(['13285', '13753', '']),
          areaMin: rand() < 0.5 ? null : Math.round(rand() * 1000) / 10,
          areaMax: null,
        },
        selection: ids.filter(() => rand() < 0.3),
        focus: rand() < 0.5 ? null : pickOne(rand, ids),
        panel: rand() < 0.3 ? null : pickOne(rand, ['filters', 'stats', 'reconcile', 'proximity'] as const),
        lang: pickOne(rand, ['vi', 'en'] as const),
      });
      if (s.view === undefined) delete s.view;
      expect(roundTrip(s), encodeHash(s)).toEqual(s);
    }
  });
});

describe('decodeHash drops bad and stale parts and names them', () => {
  const cases: [hash: string, state: Partial<UrlState>, ignored: string[]][] = [
    ['', {}, []],
    ['#', {}, []],
    ['#map=10/20/106', { view: { zoom: 10, lat: 20, lon: 106 } }, []],
    ['#map=10/20', {}, ['map=10/20']],
    ['#map=abc/20/106', {}, ['map=abc/20/106']],
    ['#map=10/20/1e2', {}, ['map=10/20/1e2']],
    ['#map=30/20/106', {}, ['map=30/20/106']],
    ['#map=10/95/106', {}, ['map=10/95/106']],
    ['#map=10/20/200', {}, ['map=10/20/200']],
    ['#map=10/NaN/106', {}, ['map=10/NaN/106']],
    ['#prov=ha-nam,ha-tay', { filter: { ...EMPTY_FILTER, provinces: ['Hà Nam'] } }, ['prov=ha-tay']],
    ['#prov=ha-tay', {}, ['prov=ha-tay']],
    ['#prov=ha-tay&st=planned', { filter: { ...EMPTY_FILTER, statuses: ['planned'] } }, ['prov=ha-tay']],
    ['#st=operating,closed', { filter: { ...EMPTY_FILTER, statuses: ['operating'] } }, ['st=closed']],
    ['#wwtp=maybe', {}, ['wwtp=maybe']],
    ['#area=50..10', {}, ['area=50..10']],
    ['#area=-5..10', {}, ['area=-5..10']],
    ['#area=..', {}, ['area=..']],
    ['#area=abc', {}, ['area=abc']],
    ['#sel=hn-dong-van,gone-id', { selection: ['hn-dong-van'] }, ['sel=gone-id']],
    ['#sel=gone-id', { selection: [] }, ['sel=gone-id']],
    ['#sel=%E0%A4%A', { selection: [] }, ['sel=%E0%A4%A']],
    ['#focus=gone-id', {}, ['focus=gone-id']],
    ['#panel=settings', {}, ['panel=settings']],
    ['#lang=fr', {}, ['lang=fr']],
    ['#lang=en&lang=vi', { lang: 'en' }, ['lang (repeated)']],
    ['#zoom=3&lang', {}, ['zoom', 'lang']],
    ['#&&lang=en&', { lang: 'en' }, []],
    [`#${'x'.repeat(200)}=1`, {}, [`${'x'.repeat(59)}…`]],
  ];
  for (const [hash, state, ignored] of cases) {
    it(JSON.stringify(hash).slice(0, 60), () => {
      expect(decodeHash(hash, known)).toEqual({ state, ignored });
    });
  }
  it('never throws on random junk', () => {
    const rand = mulberry32(9);
    const alphabet = 'map=/&,.~%#sel=prov=st=area=..focus=lang=en-0123456789éZ\u0000\uD800';
    for (let n = 0; n < 2000; n++) {
      const h = Array.from({ length: Math.floor(rand() * 60) }, () => pickOne(rand, [...alphabet])).join('');
      const r = decodeHash(h, known);
      expect(Array.isArray(r.ignored)).toBe(true);
    }
    expect(decodeHash(undefined as unknown as string, known)).toEqual({ state: {}, ignored: [] });
  });
});

describe('the proximity question in the link', () => {
  const known = { clusterIds: new Set(['hn-a']), zoneIds: new Set(['kcn-1', 'kcn-2']), villageIds: new Set(['v-1']) };
  const base = { ...DEFAULT_URL_STATE, filter: EMPTY_FILTER };
  it('round-trips a union question and the presets', () => {
    const union = { ...DEFAULT_PROX, fromIds: ['kcn-1', 'kcn-2'], km: 2.5 };
    const hash = encodeHash({ ...base, panel: 'proximity', prox: union });
    expect(hash).toBe('panel=proximity&q=union&from=zones&ids=kcn-1,kcn-2&to=clusters&km=2.5');
    expect(decodeHash(hash, known)).toEqual({ state: { panel: 'proximity', prox: union }, ignored: [] });
    const nearest = { ...DEFAULT_PROX, fromIds: [], from: 'selection' as const, to: 'villages' as const, mode: 'nearest' as const, n: 3 };
    expect(decodeHash(encodeHash({ ...base, prox: nearest }), known).state.prox).toEqual(nearest);
    const sat = { ...DEFAULT_PROX, fromIds: [], kind: 'satellites' as const, zoneId: 'kcn-2', km: 10 };
    expect(decodeHash(encodeHash({ ...base, prox: sat }), known).state.prox).toEqual(sat);
  });
  it('drops stale ids and bad values with a name, keeping the rest of the question', () => {
    const { state, ignored } = decodeHash('q=union&from=zones&ids=kcn-1,gone&to=roads&km=-1', known);
    expect(state.prox).toMatchObject({ kind: 'union', from: 'zones', fromIds: ['kcn-1'], to: 'clusters', km: 5 });
    expect(ignored).toEqual(['km=-1', 'to=roads', 'ids=gone']);
    expect(decodeHash('q=teleport&km=3', known)).toEqual({ state: {}, ignored: ['q=teleport'] });
    expect(decodeHash('km=3', known).ignored).toEqual(['km (no q)']);
  });
});
