import type { ClusterProps } from '../types';

// A mapped type over every key of ClusterProps: adding a field to the interface
// without listing it here is a compile error, so exports never silently drop it.
const FIELD_ORDER: { [K in keyof Required<ClusterProps>]: true } = {
  id: true,
  name: true,
  ex_province: true,
  old_district: true,
  inferred_district: true,
  communes: true,
  new_commune: true,
  commune_2025: true,
  commune_2025_code: true,
  planned_area_ha: true,
  status: true,
  wwtp: true,
  occupancy_pct: true,
  projects: true,
  workers: true,
  model: true,
  industries: true,
  decision: true,
  decision_date: true,
  established_year: true,
  investor: true,
  sources: true,
  as_of: true,
  geometry_quality: true,
  geometry_source: true,
  geometry_as_of: true,
  location_basis: true,
  notes: true,
  notes_vi: true,
  reported_conflicts: true,
  reported_conflicts_vi: true,
};

/**
 * Every {@link ClusterProps} field, in the fixed order used by the exports
 * (GeoJSON property order, CSV columns): identity, place, size and state,
 * economics, provenance, free text.
 *
 * @example
 * CLUSTER_FIELDS[0] // 'id'
 * CLUSTER_FIELDS.length // 22
 */
export const CLUSTER_FIELDS: readonly (keyof ClusterProps)[] = Object.freeze(
  Object.keys(FIELD_ORDER) as (keyof ClusterProps)[],
);
