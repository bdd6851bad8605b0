import type { ClusterProps, ClusterStatus, ExProvince, WwtpState } from '../types';

/** Key used for clusters whose development model no source gives. */
export const NO_MODEL = '';
/** Key used for clusters in no 2025 commune (no geometry inside the province). */
export const NO_COMMUNE = '';

/**
 * What the planner filters on. `null` means "no constraint" for that facet;
 * an empty array means "nothing of this facet passes".
 */
export interface ClusterFilter {
  provinces: ExProvince[] | null;
  statuses: ClusterStatus[] | null;
  wwtp: WwtpState[] | null;
  /** Development models; {@link NO_MODEL} stands for "no data". */
  models: string[] | null;
  /** 2025 communes and wards by GSO code, as the cluster's geometry places it; {@link NO_COMMUNE} for none. */
  communes: string[] | null;
  /** Minimum planned area (ha), inclusive. Clusters without an area fail any area bound. */
  areaMin: number | null;
  /** Maximum planned area (ha), inclusive. */
  areaMax: number | null;
}

/** The filter that lets every cluster through. */
export const EMPTY_FILTER: Readonly<ClusterFilter> = Object.freeze({
  provinces: null,
  statuses: null,
  wwtp: null,
  models: null,
  communes: null,
  areaMin: null,
  areaMax: null,
});

/**
 * Tests one cluster against a filter.
 *
 * @param p - the cluster's properties
 * @param f - the filter
 * @returns true when the cluster passes every facet
 * @example
 * matchesFilter(props, { ...EMPTY_FILTER, provinces: ['Hà Nam'] })
 */
export function matchesFilter(p: ClusterProps, f: ClusterFilter): boolean {
  if (f.provinces && !f.provinces.includes(p.ex_province)) return false;
  if (f.statuses && !f.statuses.includes(p.status)) return false;
  if (f.wwtp && !f.wwtp.includes(p.wwtp)) return false;
  if (f.models && !f.models.includes(p.model ?? NO_MODEL)) return false;
  if (f.communes && !f.communes.includes(p.commune_2025_code ?? NO_COMMUNE)) return false;
  if (f.areaMin !== null || f.areaMax !== null) {
    const a = p.planned_area_ha;
    if (a === null) return false;
    if (f.areaMin !== null && a < f.areaMin) return false;
    if (f.areaMax !== null && a > f.areaMax) return false;
  }
  return true;
}

/**
 * Ids of the clusters that pass a filter, in input order.
 *
 * @param clusters - cluster properties (e.g. `fc.features.map(f => f.properties)`)
 * @param f - the filter
 * @returns ids of the passing clusters
 */
export function filterClusterIds(clusters: readonly ClusterProps[], f: ClusterFilter): string[] {
  const out: string[] = [];
  for (const p of clusters) if (matchesFilter(p, f)) out.push(p.id);
  return out;
}

/**
 * True when the filter constrains nothing.
 *
 * @param f - the filter
 */
export function isEmptyFilter(f: ClusterFilter): boolean {
  return (
    f.provinces === null &&
    f.statuses === null &&
    f.wwtp === null &&
    f.models === null &&
    f.communes === null &&
    f.areaMin === null &&
    f.areaMax === null
  );
}
