import type { Feature, Geometry } from 'geojson';

/** The file formats a planner's survey files come in. */
export type SurveyFormat = 'geojson' | 'kml' | 'kmz' | 'shapefile' | 'dxf' | 'table';

/**
 * The coordinate systems the import knows: WGS 84 lon/lat, and VN-2000 projected (TM-3 on the
 * provincial meridians, UTM 48N). Projected coordinates are always easting x, northing y here,
 * whatever the file's column order.
 */
export type CrsId = 'EPSG:4326' | 'VN2000-TM3-105' | 'VN2000-TM3-105.5' | 'VN2000-UTM48';

/** What a file says about its coordinate system before the planner confirms one. */
export type CrsHint =
  | { kind: 'known'; crs: CrsId; from: 'format' | 'prj' | 'crs-member' }
  | { kind: 'wkt'; wkt: string }
  | { kind: 'unknown' };

/** A coded problem with the values its message fills in; `code` is a key of the survey message catalogue. */
export interface SurveyIssue {
  code: string;
  params: Record<string, string | number>;
}

/**
 * A survey file as parsed, before reprojection: features with the file's own coordinates
 * (x = easting or longitude, y = northing or latitude) and properties as text or numbers.
 */
export interface RawSurvey {
  format: SurveyFormat;
  features: Feature<Geometry, Record<string, string | number | boolean | null>>[];
  crs: CrsHint;
  /** What was read but not kept (open polylines, text entities, empty rows…): warnings, not errors. */
  notes: SurveyIssue[];
}

/** A parser's result: the raw survey, or one coded reason to refuse the whole file. */
export type ParseResult = { ok: true; survey: RawSurvey } | { ok: false; issue: SurveyIssue };
