import { EX_PROVINCES, type ClusterProps, type ExProvince } from '../types';

/** Summary numbers for a set of clusters. */
export interface ClusterStats {
  count: number;
  /** Sum of planned areas (ha) of the clusters that have one. */
  plannedAreaHa: number;
  /** How many clusters lack a planned area (so the sum is a lower bound). */
  withoutArea: number;
  operating: number;
  /** Clusters whose sources say they have no central wastewater plant. */
  withoutWwtp: number;
  /** Clusters whose wastewater state no source gives. */
  wwtpUnknown: number;
}

/** Statistics for the whole set and per ex-province. */
export interface StatsByProvince {
  total: ClusterStats;
  byProvince: Record<ExProvince, ClusterStats>;
}

function emptyStats(): ClusterStats {
  return { count: 0, plannedAreaHa: 0, withoutArea: 0, operating: 0, withoutWwtp: 0, wwtpUnknown: 0 };
}

function add(s: ClusterStats, p: ClusterProps): void {
  s.count++;
  if (p.planned_area_ha === null) s.withoutArea++;
  else s.plannedAreaHa += p.planned_area_ha;
  if (p.status === 'operating') s.operating++;
  if (p.wwtp === 'none') s.withoutWwtp++;
  if (p.wwtp === 'unknown') s.wwtpUnknown++;
}

/**
 * Counts clusters, planned hectares, operating clusters and clusters without a
 * wastewater plant, for the whole set and per ex-province.
 *
 * @param clusters - the clusters to summarise (e.g. the filtered set)
 * @returns totals and per-ex-province numbers; areas in hectares
 * @example
 * clusterStats(filtered).byProvince['Hà Nam'].plannedAreaHa
 */
export function clusterStats(clusters: readonly ClusterProps[]): StatsByProvince {
  const total = emptyStats();
  const byProvince = Object.fromEntries(EX_PROVINCES.map((p) => [p, emptyStats()])) as Record<
    ExProvince,
    ClusterStats
  >;
  for (const p of clusters) {
    add(total, p);
    const s = byProvince[p.ex_province];
    if (s) add(s, p);
  }
  // Float sums of 2-decimal areas drift; keep two decimals like the sources.
  const round = (s: ClusterStats) => (s.plannedAreaHa = Math.round(s.plannedAreaHa * 100) / 100);
  round(total);
  EX_PROVINCES.forEach((p) => round(byProvince[p]));
  return { total, byProvince };
}

/**
 * The same numbers per group (e.g. per 2025 commune), groups in first-seen order.
 *
 * @param clusters - the clusters to summarise
 * @param keyOf - each cluster's group ('' for none)
 */
export function clusterStatsBy(clusters: readonly ClusterProps[], keyOf: (p: ClusterProps) => string): Map<string, ClusterStats> {
  const out = new Map<string, ClusterStats>();
  for (const p of clusters) {
    const k = keyOf(p);
    let s = out.get(k);
    if (!s) out.set(k, (s = emptyStats()));
    add(s, p);
  }
  for (const s of out.values()) s.plannedAreaHa = Math.round(s.plannedAreaHa * 100) / 100;
  return out;
}
