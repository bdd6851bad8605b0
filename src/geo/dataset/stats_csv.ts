import Papa from 'papaparse';
import { CSV_BOM, guardFormula } from '../io/export_csv';

/**
 * A statistics table as CSV for spreadsheets, like the clusters' export: UTF-8 with BOM, CRLF,
 * numbers as numbers, text guarded against formulas.
 *
 * @param header - column names (in the UI's language)
 * @param rows - one row per group, then the total
 */
export function statsCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : guardFormula(v));
  return CSV_BOM + Papa.unparse({ fields: header.map(cell), data: rows.map((r) => r.map(cell)) }, { newline: '\r\n' }) + '\r\n';
}
