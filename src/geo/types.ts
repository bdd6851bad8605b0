import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** The three provinces merged into Ninh Bình on 1 July 2025. */
export const EX_PROVINCES = ['Hà Nam', 'Nam Định', 'Ninh Bình'] as const;
export type ExProvince = (typeof EX_PROVINCES)[number];

/**
 * Lifecycle of a cluster, from the words the sources use. `withdrawn`: taken out of the plan
 * (kept on record, never deleted silently).
 */
export const STATUSES = ['planned', 'established', 'operating', 'withdrawn'] as const;
export type ClusterStatus = (typeof STATUSES)[number];

/** Central wastewater treatment plant (WWTP) state. */
export const WWTP_STATES = ['none', 'under_construction', 'operating', 'compliant', 'unknown'] as const;
export type WwtpState = (typeof WWTP_STATES)[number];

/**
 * How the geometry was obtained: `surveyed` from coordinates (a survey file, a boundary table),
 * `traced` drawn by hand over imagery or from a boundary description; the rest is schematic.
 */
export const GEOMETRY_QUALITIES = [
  'surveyed',
  'traced',
  'source-coordinates',
  'schematic-commune',
  'schematic-district',
  'point-commune',
  'point-district',
] as const;
export type GeometryQuality = (typeof GEOMETRY_QUALITIES)[number];

/** What every sourced place (cluster, zone, village) carries: identity, location and provenance. */
export interface PlaceProps {
  /** Stable ASCII id, e.g. `nd-thang-cuong`. */
  id: string;
  name: string;
  ex_province: ExProvince;
  old_district: string | null;
  /** A district the build inferred from the name alone (no source names it); kept apart from `old_district`. */
  inferred_district?: string | null;
  /** 2025 commune from the crosswalk of the old communes the sources name, where known. */
  new_commune: string | null;
  /** 2025 commune or ward the feature's geometry lies in (point-in-polygon; as good as the placement). */
  commune_2025?: string | null;
  /** Its GSO 2025 code. */
  commune_2025_code?: string | null;
  sources: string[];
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the newest source used. */
  as_of: string;
  geometry_quality: GeometryQuality;
  /** Free-text notes: conflicts between sources, inferences (as compiled, in English, or as a planner wrote them). */
  notes?: string | null;
  /** The same notes in Vietnamese (a translation of `notes`; dropped when a planner edits `notes`). */
  notes_vi?: string | null;
  /** Where sources disagree: what they say and which value was used. */
  reported_conflicts?: string | null;
  /** The same in Vietnamese. */
  reported_conflicts_vi?: string | null;
  /** `source`: a source names the commune/district; `name-inferred`: placed by the name only. */
  location_basis?: LocationBasis | null;
}

/** Properties of one industrial cluster (CCN) feature in `geodata/clusters.geojson`. */
export interface ClusterProps extends PlaceProps {
  /** Old (pre-2025) communes as the sources name them. */
  communes: string[];
  planned_area_ha: number | null;
  status: ClusterStatus;
  wwtp: WwtpState;
  occupancy_pct: number | null;
  projects: number | null;
  workers: number | null;
  /** Development model (free text from sources), null when no source gives it. */
  model: string | null;
  industries: string | null;
  /** Number of the establishment decision, e.g. "QĐ 512/QĐ-UBND". */
  decision: string | null;
  /** Date of that decision (ISO), where a source gives it. */
  decision_date?: string | null;
  /** Year of the establishment decision, where a source gives it. */
  established_year?: number | null;
  /** Infrastructure investor (chủ đầu tư hạ tầng), where a source gives it. */
  investor?: string | null;
  /** Where a traced or surveyed footprint comes from (URL or document reference). */
  geometry_source?: string | null;
  /** Date of that footprint's source (ISO). */
  geometry_as_of?: string | null;
}

/** How a feature's commune/district was found. */
export type LocationBasis = 'source' | 'name-inferred';

export type ClusterGeometry = Polygon | MultiPolygon | Point;
export type ClusterFeature = Feature<ClusterGeometry, ClusterProps>;
export type ClusterCollection = FeatureCollection<ClusterGeometry, ClusterProps>;

/** Properties of one industrial zone (KCN). */
export interface ZoneProps extends PlaceProps {
  communes: string[];
  area_ha: number | null;
  status: ClusterStatus;
}
export type ZoneFeature = Feature<Polygon | MultiPolygon | Point, ZoneProps>;
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon | Point, ZoneProps>;

/** Properties of one craft village (làng nghề). */
export interface VillageProps extends PlaceProps {
  craft: string | null;
  old_commune: string | null;
  recognised: 'yes' | 'unknown';
}
export type VillageFeature = Feature<Point, VillageProps>;
export type VillageCollection = FeatureCollection<Point, VillageProps>;
