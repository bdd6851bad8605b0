/**
 * Clusters as rows of the maintainer's source table, geodata/sources/clusters.csv, so that
 * edited rows can be pasted over the old ones and `npm run geodata` rebuilds the same facts.
 */
import Papa from 'papaparse';
import type { ClusterFeature } from '../types';

/** The header of geodata/sources/clusters.csv, in order (a unit test compares it with the file). */
export const CLUSTERS_CSV_COLUMNS = Object.freeze([
  'id', 'name', 'ex_province', 'old_district', 'communes', 'planned_area_ha', 'status', 'wwtp',
  'occupancy_pct', 'projects', 'workers', 'model', 'industries', 'decision', 'established_year',
  'lon', 'lat', 'location_basis', 'inferred_district', 'inferred_communes', 'sources', 'as_of',
  'conflicts', 'notes',
] as const);

/** Property each column is read into by geodata/build/build.ts, where the names differ. */
const PROPERTY_OF: Readonly<Record<string, string>> = { conflicts: 'reported_conflicts' };
/** List separators of the source table (build.ts splits `sources` on "|", the others on ";"). */
const SEPARATOR_OF: Readonly<Record<string, string>> = { sources: ' | ', communes: '; ', inferred_communes: '; ' };

// The build appends this sentence to `notes` when it places a schematic square outside its
// commune; written back, the next build would append it a second time.
const BUILD_NOTE = /(?:\s*\|\s*)?Schematic footprint does not fit inside the (?:commune|district) polygon \(2009, low resolution\) without overlapping other footprints; placed nearby, inside the province\./g;
// The build appends a committed footprint's notes as " | Footprint: …" (geodata/build/footprints.ts).
const FOOTPRINT_NOTE = /(?:^|\s*\|\s*)Footprint: ([\s\S]*)$/;

/**
 * Splits a cluster's notes into the source table's part and the part the build added from a
 * committed footprint (`Footprint: …`), which belongs in footprints.geojson instead.
 *
 * @param notes - the cluster's `notes`
 * @returns the table's notes (build-added sentences removed) and the footprint's, each null when empty
 * @example
 * splitNotes('Theo QĐ 12 | Footprint: vẽ theo phụ lục 2') // { table: 'Theo QĐ 12', footprint: 'vẽ theo phụ lục 2' }
 */
export function splitNotes(notes: string | null | undefined): { table: string | null; footprint: string | null } {
  const text = (notes ?? '').replace(BUILD_NOTE, '');
  const m = FOOTPRINT_NOTE.exec(text);
  const table = (m ? text.slice(0, m.index) : text).trim();
  const footprint = m?.[1]?.trim() ?? '';
  return { table: table || null, footprint: footprint || null };
}

function cell(v: unknown, sep: string): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => cell(x, sep)).join(sep);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/**
 * The source-table row of one cluster: each column from the property build.ts reads it into
 * (`conflicts` ← `reported_conflicts`; lists joined with " | " for sources and "; " for
 * communes). `lon`/`lat` are written only for a `source-coordinates` point: the build reads any
 * lon/lat as a source's coordinates, so a schematic or commune point must leave them empty
 * (the build places it again), and a traced or surveyed footprint travels in footprints.geojson.
 * `inferred_district` comes back from its own property; `inferred_communes` stays empty (the
 * build uses it for the placement only). `new_commune` is derived by the
 * build; `decision_date`, `investor` and the footprint fields have no column. `notes` loses the
 * sentences the build adds ({@link splitNotes}), which the next build would add again.
 *
 * @param f - a cluster (as the journal leaves it)
 * @returns one string per {@link CLUSTERS_CSV_COLUMNS} column
 */
export function clusterSourceRow(f: ClusterFeature): string[] {
  const p = f.properties as unknown as Record<string, unknown>;
  const sourcePoint = f.geometry?.type === 'Point' && p.geometry_quality === 'source-coordinates' ? f.geometry.coordinates : null;
  return CLUSTERS_CSV_COLUMNS.map((col) => {
    if (col === 'lon' || col === 'lat') return sourcePoint ? String(sourcePoint[col === 'lon' ? 0 : 1]) : '';
    if (col === 'notes') return splitNotes(typeof p.notes === 'string' ? p.notes : null).table ?? '';
    return cell(p[PROPERTY_OF[col] ?? col], SEPARATOR_OF[col] ?? '; ');
  });
}

/**
 * Clusters as CSV in exactly the header of geodata/sources/clusters.csv: UTF-8 with BOM, CRLF,
 * papaparse quoting. No spreadsheet formula guard: these cells go back into the source table
 * as they are.
 *
 * @param features - the clusters, in the order wanted
 * @returns the CSV text (header, one row per cluster, final CRLF)
 * @example
 * clustersSourceCsv([]) // '\uFEFFid,name,ex_province,…,conflicts,notes\r\n'
 */
export function clustersSourceCsv(features: readonly ClusterFeature[]): string {
  const body = Papa.unparse({ fields: [...CLUSTERS_CSV_COLUMNS], data: features.map(clusterSourceRow) }, { newline: '\r\n', quotes: false, escapeFormulae: false });
  // papaparse ends a header-only table with a newline and a table with rows without one.
  return `\uFEFF${body.replace(/\r\n$/, '')}\r\n`;
}
