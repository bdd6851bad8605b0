/**
 * The app state a shared link carries, as a compact, readable URL hash, e.g.
 * `map=10.2/20.35/106.01&prov=ha-nam,nam-dinh&st=operating&sel=hn-dong-van,nd-my-thuan&focus=hn-dong-van&lang=en`.
 *
 * Keys, always written in this order, each only when not the default:
 * - `map=<zoom>/<lat>/<lon>` (OSM order; zoom 2 decimals, lat/lon 5 decimals ≈ 1 m)
 * - `prov=ha-nam,nam-dinh,ninh-binh` province slugs; `st=planned,established,operating`;
 *   `wwtp=none,under_construction,…`; `model=<percent-encoded names>` with `~` for "no data"
 *   (a facet written empty, `st=`, means "nothing passes"; absent means no constraint)
 * - `area=<min>..<max>` hectares, either side may be empty (`area=10..`)
 * - `sel=<id>,<id>` selected cluster ids; `focus=<id>`; `panel=filters|stats|reconcile|proximity`; `lang=en`
 * - the proximity question, when given: `q=union&from=zones&ids=<id>,<id>&to=clusters&km=5` (or `n=3`),
 *   `q=satellites&zone=<id>&km=5`, … (see `proximity/prox_state.ts`)
 */
import { EMPTY_FILTER, NO_COMMUNE, NO_MODEL, type ClusterFilter } from './dataset/filter_clusters';
import { foldDiacritics } from './search/fold_diacritics';
import { decodeProx, encodeProx, PROX_KEYS, type KnownIds, type ProxState } from './proximity/prox_state';
import { EX_PROVINCES, STATUSES, WWTP_STATES, type ExProvince } from './types';

/** Side panels a link can open. */
export const PANELS = ['filters', 'stats', 'list', 'reconcile', 'proximity', 'proposals', 'changes'] as const;
export type Panel = (typeof PANELS)[number];

/** Interface languages. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Map camera: centre in WGS 84 degrees and MapLibre zoom. */
export interface UrlView {
  lon: number;
  lat: number;
  zoom: number;
}

/** Everything a link restores. */
export interface UrlState {
  view?: UrlView;
  filter: ClusterFilter;
  selection: string[];
  focus: string | null;
  panel: Panel | null;
  lang: Lang;
  /** The proximity question (written while the proximity panel is open). */
  prox?: ProxState;
}

/** What an absent key means; merge a decoded partial state over it to get a full state. */
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({
  filter: EMPTY_FILTER,
  selection: [],
  focus: null,
  panel: null,
  lang: 'vi',
});

/** Largest accepted zoom (MapLibre's maximum). */
export const MAX_ZOOM = 24;
/** Latitude limit of Web Mercator, degrees. */
export const MAX_LAT = 85.051129;

const PROVINCE_SLUG = new Map<ExProvince, string>(EX_PROVINCES.map((p) => [p, foldDiacritics(p).replace(/ /g, '-')]));
const SLUG_PROVINCE = new Map<string, ExProvince>([...PROVINCE_SLUG].map(([p, s]) => [s, p]));
const NUM = /^-?\d+(\.\d+)?$/;

/**
 * Writes the state as a URL hash (without the leading `#`). Defaults are left out, so
 * the default state gives `''`. View numbers are rounded (zoom 2, lat/lon 5 decimals);
 * a view with a non-finite number is left out. Everything else round-trips exactly
 * through {@link decodeHash}.
 *
 * @param state - the state to share
 * @returns the hash text, URL-safe
 * @example
 * encodeHash({ view: { lon: 106.01, lat: 20.35, zoom: 10.2 }, filter: { ...EMPTY_FILTER, statuses: ['operating'] },
 *   selection: ['hn-dong-van'], focus: null, panel: null, lang: 'en' })
 * // 'map=10.2/20.35/106.01&st=operating&sel=hn-dong-van&lang=en'
 */
export function encodeHash(state: UrlState): string {
  const parts: string[] = [];
  const v = state.view;
  if (v && [v.lon, v.lat, v.zoom].every(Number.isFinite)) {
    parts.push(`map=${round(v.zoom, 2)}/${round(v.lat, 5)}/${round(v.lon, 5)}`);
  }
  const f = state.filter ?? EMPTY_FILTER;
  if (f.provinces) parts.push(`prov=${f.provinces.map((p) => PROVINCE_SLUG.get(p) ?? enc(p)).join(',')}`);
  if (f.statuses) parts.push(`st=${f.statuses.map(enc).join(',')}`);
  if (f.wwtp) parts.push(`wwtp=${f.wwtp.map(enc).join(',')}`);
  if (f.models) parts.push(`model=${f.models.map((m) => (m === NO_MODEL ? '~' : enc(m).replace(/~/g, '%7E'))).join(',')}`);
  if (f.communes) parts.push(`xa=${f.communes.map((c) => (c === NO_COMMUNE ? '~' : enc(c))).join(',')}`);
  if (f.areaMin !== null || f.areaMax !== null) parts.push(`area=${f.areaMin ?? ''}..${f.areaMax ?? ''}`);
  if (state.selection?.length) parts.push(`sel=${state.selection.map(enc).join(',')}`);
  if (state.focus) parts.push(`focus=${enc(state.focus)}`);
  if (state.panel) parts.push(`panel=${state.panel}`);
  if (state.lang && state.lang !== 'vi') parts.push(`lang=${state.lang}`);
  if (state.prox) parts.push(...encodeProx(state.prox));
  return parts.join('&');
}

/**
 * Reads a URL hash written by {@link encodeHash}. Only keys present in the hash appear
 * in `state` (any valid filter key yields a whole `filter`, its absent facets `null`; a facet
 * whose every value is unknown is dropped, never read as "nothing passes"). Invalid or
 * stale parts — unknown keys, bad numbers, views out of range, unknown enum values, cluster
 * ids not in `known` — are dropped and named in `ignored` (`key` or `key=value`). Never throws.
 *
 * @param hash - `location.hash`, with or without the leading `#`
 * @param known - ids of the clusters loaded now, to drop stale selections and focus
 * @returns the decoded partial state and the names of what was dropped
 * @example
 * decodeHash('#st=operating,closed&sel=hn-dong-van,gone', { clusterIds: new Set(['hn-dong-van']) })
 * // { state: { filter: { ...EMPTY_FILTER, statuses: ['operating'] }, selection: ['hn-dong-van'] },
 * //   ignored: ['st=closed', 'sel=gone'] }
 */
export function decodeHash(hash: string, known: KnownIds): { state: Partial<UrlState>; ignored: string[] } {
  const state: Partial<UrlState> = {};
  const ignored: string[] = [];
  try {
    const text = String(hash ?? '').replace(/^#/, '');
    if (text === '') return { state, ignored };
    const seen = new Set<string>();
    let filter: ClusterFilter | null = null;
    const proxRaw = new Map<string, string>();
    const facet = (): ClusterFilter => (filter ??= { ...EMPTY_FILTER });
    for (const part of text.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const raw = eq < 0 ? null : part.slice(eq + 1);
      const drop = (what = key) => ignored.push(short(what));
      if (raw === null || seen.has(key)) {
        drop(seen.has(key) ? `${key} (repeated)` : key);
        continue;
      }
      seen.add(key);
      const tokens = (mapOne: (t: string) => string | null): string[] | null => {
        if (raw === '') return [];
        const out: string[] = [];
        for (const t of raw.split(',')) {
          const v = mapOne(t);
          if (v === null) drop(`${key}=${safeDecode(t) ?? t}`);
          else if (!out.includes(v)) out.push(v);
        }
        return out.length > 0 ? out : null; // every value was bad: drop the facet, not "nothing passes"
      };
      const enumOf = <T extends string>(values: readonly T[]) => (t: string): T | null => {
        const d = safeDecode(t);
        return d !== null && (values as readonly string[]).includes(d) ? (d as T) : null;
      };
      switch (key) {
        case 'map': {
          const v = parseView(raw);
          if (v) state.view = v;
          else drop(`map=${raw}`);
          break;
        }
        case 'prov': {
          const p = tokens((t) => SLUG_PROVINCE.get(t) ?? null);
          if (p) facet().provinces = p as ExProvince[];
          break;
        }
        case 'st': {
          const s = tokens(enumOf(STATUSES));
          if (s) facet().statuses = s as ClusterFilter['statuses'];
          break;
        }
        case 'wwtp': {
          const w = tokens(enumOf(WWTP_STATES));
          if (w) facet().wwtp = w as ClusterFilter['wwtp'];
          break;
        }
        case 'model': {
          const m = tokens((t) => (t === '~' ? NO_MODEL : safeDecode(t) || null));
          if (m) facet().models = m;
          break;
        }
        case 'xa': {
          const c = tokens((t) => (t === '~' ? NO_COMMUNE : /^\d+$/.test(t) ? t : null));
          if (c) facet().communes = c;
          break;
        }
        case 'area': {
          const a = parseArea(raw);
          if (a) Object.assign(facet(), a);
          else drop(`area=${raw}`);
          break;
        }
        case 'sel': {
          const s = tokens((t) => {
            const id = safeDecode(t);
            return id !== null && known.clusterIds.has(id) ? id : null;
          });
          state.selection = s ?? [];
          break;
        }
        case 'focus': {
          const id = safeDecode(raw);
          if (id !== null && known.clusterIds.has(id)) state.focus = id;
          else drop(`focus=${id ?? raw}`);
          break;
        }
        case 'panel': {
          const p = enumOf(PANELS)(raw);
          if (p) state.panel = p;
          else drop(`panel=${raw}`);
          break;
        }
        case 'lang': {
          const l = enumOf(LANGS)(raw);
          if (l) state.lang = l;
          else drop(`lang=${raw}`);
          break;
        }
        default:
          if ((PROX_KEYS as readonly string[]).includes(key)) proxRaw.set(key, raw);
          else drop();
      }
    }
    if (filter) state.filter = filter;
    if (proxRaw.size) {
      const prox = decodeProx(proxRaw, known, ignored);
      if (prox) state.prox = prox;
    }
    return { state, ignored };
  } catch {
    return { state: {}, ignored: [short(String(hash))] };
  }
}

function parseView(raw: string): UrlView | null {
  const p = raw.split('/');
  if (p.length !== 3 || !p.every((x) => NUM.test(x))) return null;
  const [zoom, lat, lon] = p.map(Number) as [number, number, number];
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > MAX_LAT || Math.abs(lon) > 180) return null;
  return { lon, lat, zoom };
}

function parseArea(raw: string): Pick<ClusterFilter, 'areaMin' | 'areaMax'> | null {
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)?\.\.(\d+(?:\.\d+)?(?:e[+-]?\d+)?)?$/.exec(raw);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const areaMin = m[1] === undefined ? null : Number(m[1]);
  const areaMax = m[2] === undefined ? null : Number(m[2]);
  if (areaMin !== null && areaMax !== null && areaMin > areaMax) return null;
  return { areaMin, areaMax };
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function round(v: number, d: number): string {
  const k = 10 ** d;
  const r = Math.round(v * k) / k;
  return String(r === 0 ? 0 : r);
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
