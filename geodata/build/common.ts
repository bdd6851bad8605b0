/** Shared helpers for the geodata build scripts (node only; not shipped to the browser). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { foldDiacritics } from '../../src/geo/search/fold_diacritics';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GEODATA = resolve(REPO, 'geodata');
/** Reference gazetteer in the shared/ folder beside the repo (read-only, NOT in the repo). Override with GAZETTEER_DIR. */
export const GAZETTEER_DIR = process.env.GAZETTEER_DIR ?? resolve(REPO, '..', 'shared', 'gazetteer');
/** Researched fact tables (read-only, NOT in the repo). Override with FACTS_DIR. */
export const FACTS_DIR = process.env.FACTS_DIR ?? resolve(REPO, '..', 'shared', 'data', 'facts');

export type Row = Record<string, string>;

/** Parse a UTF-8 CSV file with a header row into string records. */
export function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const r = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (r.errors.length > 0) {
    throw new Error(`${path}: CSV parse errors: ${r.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  }
  return r.data;
}

/** Serialise records to CSV with a fixed column order (LF line endings). */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
}

/** Stable ASCII slug of a name: folded, non-alphanumerics to '-', trimmed. */
export function slug(s: string): string {
  return foldDiacritics(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export const PROVINCE_PREFIX: Record<string, string> = { 'Hà Nam': 'hn', 'Nam Định': 'nd', 'Ninh Bình': 'nb' };
export const PROVINCE_ID: Record<string, string> = { 'Hà Nam': 'ha-nam', 'Nam Định': 'nam-dinh', 'Ninh Bình': 'ninh-binh' };

/** Split a multi-valued cell ("a; b", "a | b") into trimmed non-empty parts. */
export function splitList(cell: string | undefined, sep: RegExp = /\s*;\s*/): string[] {
  if (!cell) return [];
  return cell.split(sep).map((s) => s.trim()).filter((s) => s !== '');
}
