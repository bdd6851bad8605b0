/**
 * One file to exchange edits: a .zip holding the journal's active changes (what the app
 * re-imports) and, for the maintainer, the edited clusters as GeoJSON, as rows of the source
 * table and as footprints. Reading it refuses the whole file at the first problem, with a code
 * from {@link ChangesCode} and the parameters its message (changes_messages.ts) needs.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { exportGeoJSON } from '../io/export_geojson';
import { jsonErrorPosition } from '../io/json_error_position';
import type { ClusterCollection, ClusterFeature } from '../types';
import { activeChanges, applyJournal } from './apply_journal';
import { checkRecord, type Change, type FootprintValue, type JournalRecord } from './change';
import { changesReadme } from './changes_readme';
import { clustersSourceCsv, splitNotes } from './clusters_csv';
import { newClusterProblem } from './new_cluster_problem';
import { explainRecordReason, FILE_REASONS, shortValue, type RecordReason } from './record_reasons';

/** `format` of changes.json. */
export const CHANGES_FORMAT = 'ccn-changes';
/** The one `version` this app reads and writes. */
export const CHANGES_VERSION = 1;
/** `dataset` of changes.json: changes only make sense over the data they were made on. */
export const CHANGES_DATASET = 'ninh-binh-ccn';
/** Largest accepted file, and largest accepted unzipped changes.json (50 MiB). */
export const CHANGES_MAX_BYTES = 50 * 1024 * 1024;

/** Names of the entries of a changes .zip. */
export const CHANGES_ENTRIES = Object.freeze({
  journal: 'changes.json',
  clusters: 'clusters_changed.geojson',
  csv: 'clusters_changed.csv',
  footprints: 'footprints.geojson',
  readme: 'README.txt',
});

/** Every reason {@link parseChangesFile} can refuse a file for. */
export type ChangesCode =
  | 'too_large'
  | 'empty'
  | 'zip_corrupt'
  | 'no_journal'
  | 'not_changes'
  | 'not_utf8'
  | 'bad_json'
  | 'is_geojson'
  | 'wrong_format'
  | 'wrong_version'
  | 'other_dataset'
  | 'no_change_list'
  | 'no_changes'
  | 'bad_record'
  | 'unknown_cluster'
  | 'unreadable';

/** Why a changes file was refused: a code and the values its message fills in. */
export interface ChangesIssue {
  code: ChangesCode;
  params: Record<string, string | number>;
}

/** Result of {@link parseChangesFile}. */
export type ChangesParse = { ok: true; changes: Change[]; exportedAt: string | null } | { ok: false; issue: ChangesIssue };

/** Options of {@link buildChangesFile}. */
export interface ChangesFileOptions {
  /** When the file is made (written as `exported_at` and as the zip entries' time). */
  exportedAt: Date;
  /** Name and version of the exporting app, written as `app`. */
  app?: string;
}

const NO_COLUMN = new Set(['decision_date', 'investor', 'new_commune']);
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]*$/i;

/** A footprint the build takes from footprints.geojson: a traced or surveyed polygon (it refuses points). */
const isFootprint = (f: ClusterFeature): boolean =>
  (f.properties.geometry_quality === 'traced' || f.properties.geometry_quality === 'surveyed') && f.geometry.type !== 'Point';
/** A position the build takes from the lon/lat columns. */
const isSourcePoint = (f: ClusterFeature): boolean => f.properties.geometry_quality === 'source-coordinates' && f.geometry.type === 'Point';

/** A change with its keys in one order and `from` never missing, so files diff well. */
function plainChange(c: Change): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: 'change', id: c.id, target: c.target, field: c.field, from: c.from ?? null, to: c.to, source: c.source, as_of: c.as_of, at: c.at };
  if (c.group !== undefined) o.group = c.group;
  return o;
}

/**
 * Builds the changes file of a journal.
 *
 * Entries: `changes.json` (`{ format, version, dataset, exported_at, app?, changes }`, one change
 * per line: the journal's active changes in order, less those `applyJournal` could not apply,
 * which a colleague's app would refuse the whole file for), `clusters_changed.geojson`,
 * `clusters_changed.csv` (see `clustersSourceCsv`), `footprints.geojson` (changed clusters
 * with a traced or surveyed polygon: `{ id, geometry_quality, geometry_source, geometry_as_of }`,
 * plus `notes` when the cluster carries a committed footprint's note, the format of
 * geodata/sources/footprints.geojson) and `README.txt` (Vietnamese, then English; it names the
 * clusters whose edits the source tables cannot carry).
 *
 * @param base - the bundled clusters
 * @param records - the journal, in order
 * @param opts - export time and app name
 * @returns the .zip bytes
 * @throws TypeError when `opts.exportedAt` is not a valid date
 * @example
 * const zip = buildChangesFile(bundled, journal, { exportedAt: new Date(), app: 'ccn-map 0.1.0' });
 */
export function buildChangesFile(base: ClusterCollection, records: readonly JournalRecord[], opts: ChangesFileOptions): Uint8Array {
  const when = opts?.exportedAt;
  if (!(when instanceof Date) || Number.isNaN(when.getTime())) throw new TypeError(`Expected opts.exportedAt to be a valid Date, got ${String(when)}`);
  const exportedAt = when.toISOString();
  const applied = applyJournal(base, records);
  const failed = new Set(applied.problems.map((p) => p.change));
  const kept = activeChanges(records).filter((c) => !failed.has(c));
  const edited = applied.fc.features.filter((f) => applied.edited.has(f.properties.id));

  const head = { format: CHANGES_FORMAT, version: CHANGES_VERSION, dataset: CHANGES_DATASET, exported_at: exportedAt, ...(opts.app ? { app: opts.app } : {}) };
  const lines = kept.map((c) => JSON.stringify(plainChange(c)));
  const journal = `${JSON.stringify(head).slice(0, -1)},"changes":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;

  const footprints = edited.filter(isFootprint).map((f) => {
    const p = f.properties;
    const notes = splitNotes(p.notes).footprint;
    return {
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: { id: p.id, geometry_quality: p.geometry_quality, geometry_source: p.geometry_source ?? null, geometry_as_of: p.geometry_as_of ?? null, ...(notes ? { notes } : {}) },
    };
  });
  const byId = new Map(edited.map((f) => [f.properties.id, f]));
  const withoutColumn = new Set<string>();
  const notCarried = new Set<string>();
  for (const c of kept) {
    if (NO_COLUMN.has(c.field) && c.to !== null) withoutColumn.add(c.target);
    const f = byId.get(c.target);
    if (c.field === 'geometry' && f && !isFootprint(f) && !isSourcePoint(f)) notCarried.add(c.target);
  }
  const nonUrlSources = edited.filter((f) => (f.properties.sources ?? []).some((s) => !HTTP_URL.test(s))).map((f) => f.properties.id);
  const readme = changesReadme({
    exportedAt, app: opts.app, changes: kept.length, clusters: edited.length, footprints: footprints.length,
    withoutColumn: [...withoutColumn], footprintNotCarried: [...notCarried], nonUrlSources,
  });
  return zipSync(
    {
      [CHANGES_ENTRIES.journal]: strToU8(journal),
      [CHANGES_ENTRIES.clusters]: strToU8(exportGeoJSON(edited, { title: 'Cụm công nghiệp đã sửa / Edited industrial clusters', exported_at: exportedAt })),
      [CHANGES_ENTRIES.csv]: strToU8(clustersSourceCsv(edited)),
      [CHANGES_ENTRIES.footprints]: strToU8(exportGeoJSON(footprints)),
      [CHANGES_ENTRIES.readme]: strToU8(readme),
    },
    { level: 6, mtime: when },
  );
}

const fail = (code: ChangesCode, params: Record<string, string | number> = {}): ChangesParse => ({ ok: false, issue: { code, params } });
const megabytes = (n: number): number => Math.round((n / 1048576) * 10) / 10;
const tooLarge = (size: number): ChangesParse => fail('too_large', { size_mb: megabytes(size), limit_mb: megabytes(CHANGES_MAX_BYTES) });
const errorText = (e: unknown): string => shortValue(e instanceof Error ? e.message : String(e));
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown): string => (v === undefined ? '—' : shortValue(JSON.stringify(v) ?? String(v)));

/**
 * Reads a changes file: the .zip {@link buildChangesFile} makes, or a bare changes.json
 * (UTF-8, with or without BOM). Never throws and never accepts part of a file.
 *
 * Order of checks: size → empty → ZIP (an entry named changes.json, at the root or in a folder,
 * outside `__MACOSX/`; the size limit also applies unzipped) → UTF-8 → JSON (line and column of
 * the first error) → `format`, `version`, `dataset` → a non-empty `changes` list → per record,
 * in order: nesting at most 16 levels, `checkRecord`, a change and not a revert, an id not seen
 * before in the file, positions within WGS 84 degrees, for a new cluster its properties
 * (`newClusterProblem`), for any other change a target that is `known` or created by an
 * earlier record. Record numbers are 1-based.
 *
 * @param bytes - the file content
 * @param fileName - its name (a `.zip` name is read as a zip)
 * @param known - ids of the clusters the app has (bundled and created locally)
 * @returns the changes and `exported_at` (null when absent or not text), or the first problem
 * @example
 * const r = parseChangesFile(bytes, 'thay-doi.zip', new Set(clusters.map((f) => f.properties.id)));
 * if (!r.ok) notify(`changes:${r.issue.code}`, { file: 'thay-doi.zip', ...r.issue.params });
 */
export function parseChangesFile(bytes: Uint8Array, fileName: string, known: ReadonlySet<string>): ChangesParse {
  try {
    return parse(bytes, typeof fileName === 'string' ? fileName : '', known && typeof known.has === 'function' ? known : new Set());
  } catch (e) {
    return fail('unreadable', { detail: errorText(e) });
  }
}

function parse(input: Uint8Array, fileName: string, known: ReadonlySet<string>): ChangesParse {
  if (!(input instanceof Uint8Array)) return fail('unreadable', { detail: 'expected the file bytes (Uint8Array)' });
  if (input.length > CHANGES_MAX_BYTES) return tooLarge(input.length);
  if (input.length === 0) return fail('empty');
  let bytes = input;
  const isZipMagic = input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b && (input[2] === 3 || input[2] === 5);
  if (isZipMagic || /\.zip$/i.test(fileName)) {
    if (!isZipMagic) return fail('zip_corrupt', { detail: 'not a ZIP archive' });
    const z = unzipJournal(input);
    if (!(z instanceof Uint8Array)) return z;
    bytes = z;
  }
  const first = bytes.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (first === -1) return fail('empty');
  // Only text that opens like JSON is read as a journal: anything else is some other file.
  if (bytes[first] !== 0x7b && bytes[first] !== 0x5b) return fail('not_changes');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not_utf8');
  }
  text = text.replace(/^\uFEFF/, '');
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const pos = jsonErrorPosition(text);
    return pos ? fail('bad_json', { line: pos.line, column: pos.column }) : fail('unreadable', { detail: errorText(e) });
  }
  return fromJson(root, known);
}

function unzipJournal(zip: Uint8Array): Uint8Array | ChangesParse {
  const entries: { name: string; size: number }[] = [];
  try {
    // The first pass reads the directory only: the filter declines every entry.
    unzipSync(zip, { filter: (f) => (entries.push({ name: f.name, size: f.originalSize }), false) });
  } catch (e) {
    return fail('zip_corrupt', { detail: errorText(e) });
  }
  const files = entries.filter((e) => !e.name.endsWith('/') && !/(^|\/)(__MACOSX\/|\._)/.test(e.name));
  const pick = files.find((e) => e.name.toLowerCase() === CHANGES_ENTRIES.journal) ?? files.find((e) => /(^|\/)changes\.json$/i.test(e.name));
  if (!pick) return fail('no_journal', { entries: shortValue(files.map((e) => e.name).join(', ') || '—') });
  // fflate never writes past the declared size, so a lying header cannot inflate a bomb.
  if (pick.size > CHANGES_MAX_BYTES) return tooLarge(pick.size);
  let taken = false;
  let out: Uint8Array | undefined;
  try {
    out = unzipSync(zip, { filter: (f) => (f.name === pick.name && !taken ? (taken = true) : false) })[pick.name];
  } catch (e) {
    return fail('zip_corrupt', { detail: errorText(e) });
  }
  if (!out) return fail('zip_corrupt', { detail: `cannot read ${shortValue(pick.name)}` });
  if (out.length > CHANGES_MAX_BYTES) return tooLarge(out.length);
  if (out.length === 0) return fail('empty');
  return out;
}

/**
 * Deepest nesting a record may have: a MultiPolygon footprint in `from` or `to` is 7 levels.
 * Deeper data could only overflow the stack of whatever serialises it later (export, storage).
 */
const MAX_DEPTH = 16;

function deeperThan(v: unknown, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (limit === 0) return true;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (deeperThan(x, limit - 1)) return true;
  return false;
}

/** Whether every position of a (checked) coordinate list is within WGS 84 degrees. */
function inDegrees(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return true;
  if (typeof c[0] === 'number') return Math.abs(c[0]) <= 180 && Math.abs(c[1] as number) <= 90;
  return depth < MAX_DEPTH && c.every((x) => inDegrees(x, depth + 1));
}

const badRecord = (record: number, r: RecordReason): ChangesParse => fail('bad_record', { record, reason: r.code, reason_vi: r.vi, reason_en: r.en });

function fromJson(root: unknown, known: ReadonlySet<string>): ChangesParse {
  if (!isObj(root)) return fail('not_changes');
  if (root.format !== CHANGES_FORMAT) {
    if (root.type === 'FeatureCollection' || root.type === 'Feature') return fail('is_geojson');
    return fail('wrong_format', { format: shown(root.format), expected: CHANGES_FORMAT });
  }
  if (root.version !== CHANGES_VERSION) return fail('wrong_version', { version: shown(root.version), supported: CHANGES_VERSION });
  if (root.dataset !== CHANGES_DATASET) return fail('other_dataset', { dataset: shown(root.dataset), expected: CHANGES_DATASET });
  if (!Array.isArray(root.changes)) return fail('no_change_list');
  if (root.changes.length === 0) return fail('no_changes');
  const ids = new Set<string>();
  const clusters = new Set(known);
  const changes: Change[] = [];
  for (let i = 0; i < root.changes.length; i++) {
    if (deeperThan(root.changes[i], MAX_DEPTH)) return badRecord(i + 1, FILE_REASONS.too_deep);
    const checked = checkRecord(root.changes[i]);
    if (!checked.ok) return badRecord(i + 1, explainRecordReason(checked.reason));
    const r = checked.record;
    if (r.kind === 'revert') return badRecord(i + 1, FILE_REASONS.revert_in_file);
    if (r.kind === 'proposal') return badRecord(i + 1, FILE_REASONS.proposal_in_file);
    if (ids.has(r.id)) return badRecord(i + 1, FILE_REASONS.duplicate_id);
    ids.add(r.id);
    const shape = r.field === 'feature' ? (r.to as ClusterFeature).geometry : r.field === 'geometry' ? (r.to as FootprintValue).geometry : null;
    if (shape && !inDegrees(shape.coordinates, 0)) return badRecord(i + 1, FILE_REASONS.coordinates_range);
    if (r.field === 'feature') {
      const p = newClusterProblem((r.to as ClusterFeature).properties as unknown as Record<string, unknown>);
      if (p) return badRecord(i + 1, p);
      clusters.add(r.target);
    } else if (!clusters.has(r.target)) {
      return fail('unknown_cluster', { record: i + 1, id: shortValue(r.target) });
    }
    changes.push(r);
  }
  const at = root.exported_at;
  return { ok: true, changes, exportedAt: typeof at === 'string' && Number.isFinite(Date.parse(at)) ? at : null };
}
