/**
 * The clusters as an Excel workbook: the CSV's columns, numbers stored as numbers (so a
 * Vietnamese Excel shows them with its decimal comma and can sum them), text as text (never
 * a formula), lists joined with "; ". Opens in any locale without an import dialog.
 */
import ExcelJS from 'exceljs';
import type { Position } from 'geojson';
import { CLUSTER_FIELDS } from './cluster_fields';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR } from './export_csv';
import { representativePoint } from './representative_point';
import type { ClusterFeature } from '../types';

/** Columns stored as numbers (the rest is text). */
const NUMBER_FIELDS: ReadonlySet<string> = new Set(['planned_area_ha', 'occupancy_pct', 'projects', 'workers', 'established_year', 'lon', 'lat']);

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map((x) => String(x)).join(CSV_LIST_SEPARATOR);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function pointOf(f: ClusterFeature): Position | null {
  try {
    return f.geometry ? representativePoint(f.geometry) : null;
  } catch {
    return null;
  }
}

/**
 * @param features - clusters to write, in order
 * @param opts - sheet name, and the workbook's title (shown in Excel's file properties)
 * @returns the .xlsx file's bytes
 */
export async function clustersToXlsx(features: readonly ClusterFeature[], opts: { sheet: string; title: string; created?: Date }): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ cụm công nghiệp tỉnh Ninh Bình';
  wb.title = opts.title;
  wb.created = opts.created ?? new Date();
  // (Excel allows 31 characters and no []:*?/\ in a sheet name)
  const ws = wb.addWorksheet(opts.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CSV_COLUMNS.map((key) => ({ header: key, key, width: key === 'name' ? 32 : key === 'notes' || key === 'notes_vi' || key === 'sources' ? 60 : NUMBER_FIELDS.has(key) ? 12 : 18 }));
  ws.getRow(1).font = { bold: true };
  for (const f of features) {
    const p = (f.properties ?? {}) as unknown as Record<string, unknown>;
    const row: Record<string, string | number | null> = {};
    for (const k of CLUSTER_FIELDS) row[k] = cell(p[k]);
    const pt = pointOf(f);
    row.lon = pt ? Math.round((pt[0] as number) * 1e6) / 1e6 : null;
    row.lat = pt ? Math.round((pt[1] as number) * 1e6) / 1e6 : null;
    ws.addRow(row);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}
