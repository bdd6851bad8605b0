import { PROX_LAYERS, type ProxLayer } from './proximity_types';

/** The questions the proximity panel asks: a union over any set, and the presets. */
export const PROX_KINDS = ['union', 'satellites', 'nearestZones', 'villagesNearCluster', 'nearestClusters'] as const;
export type ProxKind = (typeof PROX_KINDS)[number];

/** Where a union question starts: the selected clusters, the filtered ones, chosen KCN or villages, or the drawn areas. */
export const PROX_FROMS = ['selection', 'filtered', 'zones', 'villages', 'area'] as const;
export type ProxFrom = (typeof PROX_FROMS)[number];

/** The proximity question as the panel holds it (the presets use zoneId / clusterId / km). */
export interface ProxState {
  kind: ProxKind;
  zoneId: string | null;
  clusterId: string | null;
  km: number;
  from: ProxFrom;
  /** The chosen KCN or villages when `from` is `zones` or `villages`. */
  fromIds: string[];
  to: ProxLayer;
  mode: 'within' | 'nearest';
  /** How many nearest, when `mode` is `nearest`. */
  n: number;
}

export const DEFAULT_PROX: Readonly<ProxState> = Object.freeze({
  kind: 'union', zoneId: null, clusterId: null, km: 5, from: 'zones', fromIds: [], to: 'clusters', mode: 'within', n: 5,
});

/** Ids a link may name, to drop stale ones (a missing set is not checked). */
export interface KnownIds {
  clusterIds: ReadonlySet<string>;
  zoneIds?: ReadonlySet<string>;
  villageIds?: ReadonlySet<string>;
}

/**
 * The question as URL parts (`q=union&from=zones&ids=a,b&to=clusters&km=5`), written in a
 * fixed order; only what the kind uses.
 */
export function encodeProx(p: ProxState): string[] {
  const enc = encodeURIComponent;
  const parts = [`q=${p.kind}`];
  if (p.kind === 'union') {
    parts.push(`from=${p.from}`);
    if ((p.from === 'zones' || p.from === 'villages') && p.fromIds.length) parts.push(`ids=${p.fromIds.map(enc).join(',')}`);
    parts.push(`to=${p.to}`);
    parts.push(p.mode === 'nearest' ? `n=${p.n}` : `km=${p.km}`);
    return parts;
  }
  if (p.kind === 'satellites' && p.zoneId) parts.push(`zone=${enc(p.zoneId)}`);
  if (p.kind === 'villagesNearCluster' && p.clusterId) parts.push(`cluster=${enc(p.clusterId)}`);
  parts.push(`km=${p.km}`);
  return parts;
}

/** The URL keys of a question. */
export const PROX_KEYS = ['q', 'from', 'ids', 'to', 'km', 'n', 'zone', 'cluster'] as const;

/**
 * Reads the question's URL parts (raw values by key). Invalid or stale values are named in
 * `ignored`; the rest fall back to the defaults.
 *
 * @returns the question, or null when there is no `q` (or it is unknown)
 */
export function decodeProx(raw: ReadonlyMap<string, string>, known: KnownIds, ignored: string[]): ProxState | null {
  const q = raw.get('q');
  if (q === undefined) {
    for (const k of raw.keys()) ignored.push(`${k} (no q)`);
    return null;
  }
  if (!(PROX_KINDS as readonly string[]).includes(q)) {
    ignored.push(`q=${q}`);
    return null;
  }
  const p: ProxState = { ...DEFAULT_PROX, fromIds: [], kind: q as ProxKind };
  const dec = (s: string): string | null => {
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };
  const num = (k: 'km' | 'n', ok: (x: number) => boolean): number | null => {
    const v = raw.get(k);
    if (v === undefined) return null;
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x) || !ok(x)) {
      ignored.push(`${k}=${v}`);
      return null;
    }
    return x;
  };
  p.km = num('km', (x) => x > 0) ?? p.km;
  p.n = num('n', (x) => Number.isInteger(x) && x >= 1) ?? p.n;
  if (raw.has('n')) p.mode = 'nearest';
  const from = raw.get('from');
  if (from !== undefined) {
    if ((PROX_FROMS as readonly string[]).includes(from)) p.from = from as ProxFrom;
    else ignored.push(`from=${from}`);
  }
  const to = raw.get('to');
  if (to !== undefined) {
    if ((PROX_LAYERS as readonly string[]).includes(to)) p.to = to as ProxLayer;
    else ignored.push(`to=${to}`);
  }
  const ids = raw.get('ids');
  if (ids !== undefined) {
    const set = p.from === 'zones' ? known.zoneIds : p.from === 'villages' ? known.villageIds : null;
    for (const t of ids.split(',')) {
      const id = dec(t);
      if (id === null || set === null || (set && !set.has(id))) ignored.push(`ids=${id ?? t}`);
      else if (!p.fromIds.includes(id)) p.fromIds.push(id);
    }
  }
  const one = (k: 'zone' | 'cluster', set: ReadonlySet<string> | undefined): string | null => {
    const v = raw.get(k);
    if (v === undefined) return null;
    const id = dec(v);
    if (id !== null && (!set || set.has(id))) return id;
    ignored.push(`${k}=${id ?? v}`);
    return null;
  };
  p.zoneId = one('zone', known.zoneIds);
  p.clusterId = one('cluster', known.clusterIds);
  return p;
}
