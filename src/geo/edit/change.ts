import { GEOMETRY_QUALITIES, STATUSES, WWTP_STATES, type ClusterFeature, type ClusterGeometry, type GeometryQuality } from '../types';
import type { MultiPolygon, Polygon } from 'geojson';
import { newClusterProblem } from './new_cluster_problem';

/** Cluster facts a planner can edit from the details panel. */
export const EDIT_FIELDS = [
  'name',
  'status',
  'wwtp',
  'planned_area_ha',
  'occupancy_pct',
  'established_year',
  'decision',
  'decision_date',
  'investor',
  'new_commune',
  'notes',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** A footprint as the journal keeps it: the shape and how it was obtained. */
export interface FootprintValue {
  geometry: ClusterGeometry;
  quality: GeometryQuality;
}

/**
 * What a change touches: one fact, the footprint (`geometry`), or a whole cluster the dataset
 * lacks (`feature`: from null to the new feature).
 */
export type ChangeField = EditField | 'geometry' | 'feature';

/** One change to one cluster: the journal's unit, small and serialisable. */
export interface Change {
  kind: 'change';
  /** Unique and stable across export and import (a random id). */
  id: string;
  /** The cluster's id. */
  target: string;
  field: ChangeField;
  /** The value before (as the planner saw it); null for a new cluster. */
  from: unknown;
  to: unknown;
  /** A URL or a document reference, e.g. "QĐ 512/QĐ-UBND ngày 16/3/2020". */
  source: string;
  /** Date of that source (ISO, YYYY[-MM[-DD]]). */
  as_of: string;
  /** When the change was made (ISO timestamp). */
  at: string;
  /** Changes saved together (one form save) share a group and are stored in one transaction. */
  group?: string;
}

/** Switches a change off (or, a second time, on again): reverts are journal entries too. */
export interface Revert {
  kind: 'revert';
  id: string;
  /** Id of the change switched. */
  reverts: string;
  at: string;
}

/** A proposed cluster under assessment, as the journal keeps it (the latest record of a proposal wins). */
export interface ProposalValue {
  name: string;
  kind: 'new' | 'expansion';
  /** The cluster expanded (expansion only). */
  expands: string | null;
  /** `small`: a craft-village or mountain cluster (5 ha minimum). */
  variant: 'standard' | 'small';
  geometry: Polygon | MultiPolygon;
  created_at: string;
}

/** Saves a proposal (`value`) or deletes it (`value` null): proposals are kept like edits. */
export interface ProposalRecord {
  kind: 'proposal';
  id: string;
  /** The proposal's own id (several records may save the same proposal). */
  proposal: string;
  value: ProposalValue | null;
  at: string;
}

export type JournalRecord = Change | Revert | ProposalRecord;

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MAX_TEXT = 5000;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether a value is a position list of the right depth with finite lon/lat. */
function positionsOk(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) return c.length >= 2 && c.length <= 3 && c.every(finite);
  return c.every((x) => positionsOk(x, depth - 1));
}

/** Checks a cluster geometry's shape (not its topology): type and coordinate nesting. */
export function geometryProblem(g: unknown): string | null {
  if (!isObj(g)) return 'expected a geometry object';
  const depth = g.type === 'Point' ? 0 : g.type === 'Polygon' ? 2 : g.type === 'MultiPolygon' ? 3 : -1;
  if (depth < 0) return `expected Point, Polygon or MultiPolygon, found ${JSON.stringify(g.type)}`;
  if (!positionsOk(g.coordinates, depth)) return 'coordinates are not a valid position list';
  if (g.type === 'Polygon' && (g.coordinates as unknown[][]).some((r) => r.length < 4)) return 'a ring has fewer than 4 positions';
  return null;
}

/**
 * Checks a value for a field: the value a change may set. Null clears a fact (the source says
 * nothing any more); name, geometry and feature are never null.
 *
 * @returns a sentence saying what is wrong, or null
 */
export function valueProblem(field: ChangeField, v: unknown): string | null {
  if (field === 'geometry') {
    if (!isObj(v)) return 'expected { geometry, quality }';
    if (!(GEOMETRY_QUALITIES as readonly unknown[]).includes(v.quality)) return `unknown geometry quality ${JSON.stringify(v.quality)}`;
    return geometryProblem(v.geometry);
  }
  if (field === 'feature') {
    if (!isObj(v) || v.type !== 'Feature' || !isObj(v.properties)) return 'expected a GeoJSON Feature with properties';
    const p = v.properties;
    if (typeof p.id !== 'string' || !p.id) return 'the new cluster has no id';
    if (typeof p.name !== 'string' || !p.name.trim()) return 'the new cluster has no name';
    return geometryProblem(v.geometry);
  }
  if (v === null) return field === 'name' ? 'a name cannot be empty' : null;
  switch (field) {
    case 'status':
      return (STATUSES as readonly unknown[]).includes(v) ? null : `status must be one of ${STATUSES.join(', ')}`;
    case 'wwtp':
      return (WWTP_STATES as readonly unknown[]).includes(v) ? null : `wwtp must be one of ${WWTP_STATES.join(', ')}`;
    case 'planned_area_ha':
      return finite(v) && v > 0 && v < 10_000 ? null : 'area must be a positive number of hectares';
    case 'occupancy_pct':
      return finite(v) && v >= 0 && v <= 100 ? null : 'occupancy must be between 0 and 100 %';
    case 'established_year':
      return Number.isInteger(v) && (v as number) >= 1950 && (v as number) <= 2100 ? null : 'year must be a whole year (1950–2100)';
    case 'decision_date':
      return typeof v === 'string' && ISO_DATE.test(v) ? null : 'date must be YYYY-MM-DD';
    default:
      return typeof v === 'string' && v.length <= MAX_TEXT ? null : `expected text of at most ${MAX_TEXT} characters`;
  }
}

/** A record as it came from storage or a file, checked; `reason` names the first problem. */
export type Checked = { ok: true; record: JournalRecord } | { ok: false; reason: string };

/**
 * Checks one journal record read from storage or from a changes file (never trusted).
 *
 * @param r - the parsed value
 * @returns the record, or the first problem as a sentence
 */
export function checkRecord(r: unknown): Checked {
  const bad = (reason: string): Checked => ({ ok: false, reason });
  if (!isObj(r)) return bad('not an object');
  if (typeof r.id !== 'string' || !r.id || r.id.length > 100) return bad('missing id');
  if (typeof r.at !== 'string' || !ISO_TIME.test(r.at)) return bad('"at" is not a timestamp');
  if (r.kind === 'revert') {
    if (typeof r.reverts !== 'string' || !r.reverts) return bad('a revert names no change');
    return { ok: true, record: { kind: 'revert', id: r.id, reverts: r.reverts, at: r.at } };
  }
  if (r.kind === 'proposal') return checkProposalRecord(r);
  if (r.kind !== 'change') return bad(`unknown kind ${JSON.stringify(r.kind)}`);
  if (typeof r.target !== 'string' || !r.target) return bad('missing target cluster id');
  const field = r.field as ChangeField;
  if (!([...EDIT_FIELDS, 'geometry', 'feature'] as readonly unknown[]).includes(field)) return bad(`unknown field ${JSON.stringify(r.field)}`);
  if (typeof r.source !== 'string' || !r.source.trim()) return bad('no source');
  if (typeof r.as_of !== 'string' || !ISO_DATE.test(r.as_of)) return bad('"as_of" is not a date');
  if (!('to' in r)) return bad('no new value');
  const p = valueProblem(field, r.to);
  if (p) return bad(p);
  if (field === 'feature') {
    if ((r.to as ClusterFeature).properties.id !== r.target) return bad('the new cluster\'s id differs from the target');
    // The map filters and styles by these properties: a wrong type would break it, not one record.
    const np = newClusterProblem((r.to as ClusterFeature).properties as unknown as Record<string, unknown>);
    if (np) return bad(np.en);
  }
  const c: Change = { kind: 'change', id: r.id, target: r.target, field, from: r.from ?? null, to: r.to, source: r.source.trim(), as_of: r.as_of, at: r.at };
  if (typeof r.group === 'string') c.group = r.group;
  return { ok: true, record: c };
}

function checkProposalRecord(r: Record<string, unknown>): Checked {
  const bad = (reason: string): Checked => ({ ok: false, reason });
  if (typeof r.proposal !== 'string' || !r.proposal || r.proposal.length > 100) return bad('a proposal record names no proposal');
  const base = { kind: 'proposal' as const, id: r.id as string, proposal: r.proposal, at: r.at as string };
  if (r.value === null) return { ok: true, record: { ...base, value: null } };
  const v = r.value;
  if (!isObj(v)) return bad('a proposal has no value');
  if (typeof v.name !== 'string' || !v.name.trim() || v.name.length > 300) return bad('a proposal has no name');
  if (v.kind !== 'new' && v.kind !== 'expansion') return bad('a proposal is neither new nor an expansion');
  if (v.variant !== 'standard' && v.variant !== 'small') return bad('a proposal has no size rule');
  if (v.expands !== null && (typeof v.expands !== 'string' || !v.expands)) return bad('a proposal names no cluster to expand');
  if (typeof v.created_at !== 'string' || !ISO_TIME.test(v.created_at)) return bad('a proposal has no creation time');
  const g = v.geometry as { type?: unknown } | undefined;
  if (!isObj(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return bad('a proposal\'s boundary is not a polygon');
  const gp = geometryProblem(g);
  if (gp) return bad(gp);
  return { ok: true, record: { ...base, value: { name: v.name, kind: v.kind, expands: v.expands as string | null, variant: v.variant, geometry: g as unknown as Polygon | MultiPolygon, created_at: v.created_at } } };
}

/**
 * The proposals a journal holds now: for each, its latest record, unless that deletes it.
 *
 * @returns the proposals in the order they were first saved
 */
export function proposalsOf(records: readonly JournalRecord[]): (ProposalValue & { id: string })[] {
  const latest = new Map<string, ProposalValue | null>();
  for (const r of records) if (r.kind === 'proposal') latest.set(r.proposal, r.value);
  return [...latest].filter((e): e is [string, ProposalValue] => e[1] !== null).map(([id, v]) => ({ id, ...v }));
}

/** A random id for a journal record (crypto where available). */
export function newRecordId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
