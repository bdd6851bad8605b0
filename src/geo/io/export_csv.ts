/**
 * CSV export of clusters for spreadsheets: UTF-8 with BOM (so Excel shows Vietnamese),
 * CRLF line ends, one row per cluster, a fixed column set, formula injection guarded.
 */
import Papa from 'papaparse';
import type { Position } from 'geojson';
import { CLUSTER_FIELDS } from './cluster_fields';
import { representativePoint } from './representative_point';
import type { ClusterFeature } from '../types';

/** Byte order mark that makes Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * CSV header, in order: every ClusterProps field ({@link CLUSTER_FIELDS}), then `lon`, `lat`
 * (WGS 84 degrees, 6 decimals) of {@link representativePoint}: the point itself, or for
 * polygons the centroid when it lies inside, else an interior point.
 */
export const CSV_COLUMNS: readonly string[] = Object.freeze([...CLUSTER_FIELDS, 'lon', 'lat']);

/** Separator used to join array values (communes, sources) in one cell. */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * Writes clusters as CSV text.
 *
 * Cells: `null`/missing → empty; arrays joined with {@link CSV_LIST_SEPARATOR}; numbers as
 * JavaScript prints them. A cell whose text starts with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading apostrophe so spreadsheets do not run it as a formula — except plain negative
 * numbers such as `-5` or `-0.25`. Quotes, commas and newlines inside cells are quoted by
 * papaparse. Properties outside ClusterProps are not written. The input is not mutated.
 *
 * @param features - cluster features (Point, Polygon or MultiPolygon; null geometry gives empty lon/lat)
 * @returns CSV text starting with {@link CSV_BOM}, CRLF line ends, ending with CRLF
 * @throws TypeError when an item is not a Feature
 * @example
 * clustersToCsv([cluster]) // '\uFEFFid,name,ex_province,…,lon,lat\r\nhn-dong-van,CCN Đồng Văn,Hà Nam,…,105.9,20.6\r\n'
 */
export function clustersToCsv(features: readonly ClusterFeature[]): string {
  if (!Array.isArray(features)) throw new TypeError(`Expected an array of cluster features, got ${typeof features}`);
  const data = features.map((f, i) => {
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      throw new TypeError(`Expected feature ${i} to be a GeoJSON Feature, got ${JSON.stringify(f)?.slice(0, 80) ?? typeof f}`);
    }
    const p = (f.properties ?? {}) as unknown as Record<string, unknown>;
    const row = CLUSTER_FIELDS.map((k) => guardFormula(cellText(p[k])));
    const pt = pointOf(f);
    row.push(pt ? fixed6(pt[0] as number) : '', pt ? fixed6(pt[1] as number) : '');
    return row;
  });
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n', quotes: false, escapeFormulae: false });
  return `${CSV_BOM}${body}\r\n`;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join(CSV_LIST_SEPARATOR);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/** A cell a spreadsheet would run as a formula, with a leading apostrophe (plain negative numbers kept). */
export function guardFormula(s: string): string {
  return FORMULA_START.test(s) && !NEGATIVE_NUMBER.test(s) ? `'${s}` : s;
}

function pointOf(f: ClusterFeature): Position | null {
  if (!f.geometry) return null;
  try {
    return representativePoint(f.geometry);
  } catch {
    return null;
  }
}

function fixed6(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return String(r === 0 ? 0 : r);
}
