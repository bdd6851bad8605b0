/**
 * Importing a colleague's changes: which incoming changes are already here, which can be
 * appended, and which meet a local change on the same fact and need the planner's choice.
 * Pure: the plan is computed from the bundled data, the local journal and the incoming list.
 */
import type { ClusterCollection, ClusterFeature } from '../types';
import { activeChanges, applyJournal, currentValue } from './apply_journal';
import { EDIT_FIELDS, valueProblem, type Change, type ChangeField, type JournalRecord } from './change';
import { deepEqual } from './deep_equal';

/** An incoming change that meets a local change on the same cluster and field, with different values. */
export interface MergeConflict {
  target: string;
  field: ChangeField;
  /** The value here now (for `feature`: the local cluster as the journal makes it). */
  mine: unknown;
  /** The incoming value (its `to`). */
  theirs: unknown;
  incoming: Change;
  /**
   * The local change that set `mine`. Null only for a `feature` conflict with a bundled
   * cluster that no local change created.
   */
  mineChange: Change | null;
}

/** What importing a list of changes would do; nothing is applied until {@link resolveMerge}. */
export interface MergePlan {
  /** Changes to append as they are (each with `from` set to the value it replaces here). */
  apply: Change[];
  /** Changes already here: same id in the local journal, or the same final value. */
  same: Change[];
  /** Incoming changes overtaken by a later incoming change on the same cluster and field. */
  superseded: Change[];
  conflicts: MergeConflict[];
}

/** The fields a `feature` conflict compares and can adopt: the ones a change may set. */
const FEATURE_FIELDS: readonly ChangeField[] = [...EDIT_FIELDS, 'geometry'];

const keyOf = (c: Change): string => `${c.target}\u0000${c.field}`;

/** A value as the merge compares it: a footprint is its shape and quality, nothing else. */
function comparable(field: ChangeField, v: unknown): unknown {
  if (field !== 'geometry' || !v || typeof v !== 'object') return v ?? null;
  const f = v as { geometry?: unknown; quality?: unknown };
  return { geometry: f.geometry, quality: f.quality };
}

/**
 * The fields (facts and footprint) in which an incoming new cluster differs from the local
 * one, counting only values a change may set (the others could not be adopted anyway).
 *
 * @param mine - the local cluster
 * @param theirs - the incoming cluster (a `feature` change's `to`)
 * @returns the differing fields, in {@link EDIT_FIELDS} order, then `geometry`
 */
export function featureDifferences(mine: ClusterFeature, theirs: ClusterFeature): ChangeField[] {
  return FEATURE_FIELDS.filter((field) => {
    const t = currentValue(theirs, field);
    return valueProblem(field, t) === null && !deepEqual(comparable(field, currentValue(mine, field)), comparable(field, t));
  });
}

/**
 * Plans the import of a colleague's changes.
 *
 * - An incoming change whose id is already in the local journal (as a change or a revert, so a
 *   change reverted here stays reverted), or repeats an earlier incoming id, is `same`.
 * - Of several incoming changes on one (target, field) only the last counts (for `feature`,
 *   the first: later ones would not apply); the others are `superseded`.
 * - A counted fact or footprint change with no local active change on that field is `apply`.
 *   When the last local active change on it is one the incoming file also holds before its own
 *   last change, the colleague changed it after seeing ours: `apply` too (fast-forward).
 *   Otherwise equal values (deep equality, geometry included) are `same`, different ones a conflict.
 * - An incoming `feature` (a new cluster) is `apply` unless a cluster of that id exists here;
 *   then it is `same` when no settable fact or footprint differs, else a conflict.
 *
 * Reverts do not travel: the file holds the colleague's active changes only.
 *
 * @param base - the bundled clusters
 * @param local - the local journal, in order
 * @param incoming - the colleague's changes, in their order (e.g. from `parseChangesFile`)
 * @returns the plan; `apply` and `conflicts` keep the incoming order
 * @example
 * const plan = planMerge(base, journal, parsed.changes);
 * const toAppend = resolveMerge(plan, () => 'mine'); // keep every local value
 */
export function planMerge(base: ClusterCollection, local: readonly JournalRecord[], incoming: readonly Change[]): MergePlan {
  const localIds = new Set(local.map((r) => r.id));
  const here = new Map(applyJournal(base, local).fc.features.map((f) => [f.properties.id, f]));
  const baseIds = new Set(base.features.map((f) => f.properties.id));
  const lastLocal = new Map<string, Change>();
  const creators = new Map<string, Change>();
  for (const c of activeChanges(local)) {
    lastLocal.set(keyOf(c), c);
    if (c.field === 'feature' && !baseIds.has(c.target) && !creators.has(c.target)) creators.set(c.target, c);
  }

  const counted = new Map<string, number>();
  const idsOnKey = new Map<string, Set<string>>();
  const repeated = new Set<number>();
  const seen = new Set<string>();
  incoming.forEach((c, i) => {
    if (seen.has(c.id)) {
      repeated.add(i);
      return;
    }
    seen.add(c.id);
    const k = keyOf(c);
    let ids = idsOnKey.get(k);
    if (!ids) idsOnKey.set(k, (ids = new Set()));
    ids.add(c.id);
    if (c.field !== 'feature' || !counted.has(k)) counted.set(k, i);
  });

  const plan: MergePlan = { apply: [], same: [], superseded: [], conflicts: [] };
  // Clusters this plan creates, so later incoming changes on them find their values.
  const created = new Map<string, ClusterFeature>();
  incoming.forEach((c, i) => {
    if (repeated.has(i) || localIds.has(c.id)) return void plan.same.push(c);
    const k = keyOf(c);
    if (counted.get(k) !== i) return void plan.superseded.push(c);
    if (c.field === 'feature') {
      const theirs = c.to as ClusterFeature;
      const mine = here.get(c.target);
      if (!mine) {
        created.set(c.target, theirs);
        return void plan.apply.push({ ...c, from: null });
      }
      if (featureDifferences(mine, theirs).length === 0) return void plan.same.push(c);
      return void plan.conflicts.push({ target: c.target, field: c.field, mine, theirs, incoming: c, mineChange: creators.get(c.target) ?? null });
    }
    const mine = currentValue(here.get(c.target) ?? created.get(c.target), c.field);
    const l = lastLocal.get(k);
    if (!l || idsOnKey.get(k)?.has(l.id)) return void plan.apply.push({ ...c, from: mine });
    if (deepEqual(comparable(c.field, mine), comparable(c.field, c.to))) return void plan.same.push(c);
    plan.conflicts.push({ target: c.target, field: c.field, mine, theirs: c.to, incoming: c, mineChange: l });
  });
  return plan;
}

/** Length cap of a derived id, so it stays within the 100 characters `checkRecord` allows. */
const ID_ROOT = 80;

/**
 * The changes to append once the planner has chosen for every conflict: `apply`, then for each
 * conflict chosen `'theirs'` the incoming change with `from` set to the local value (its id
 * kept, so importing the same file again finds it `same`). A `feature` conflict chosen
 * `'theirs'` cannot re-create a cluster that exists, so it becomes one change per differing
 * fact or footprint ({@link featureDifferences}), ids `<incoming id>:<field>`, grouped.
 *
 * @param plan - from {@link planMerge}
 * @param choice - called once per conflict with its index; `'mine'` keeps the local value
 * @returns the changes to append to the local journal, in order
 */
export function resolveMerge(plan: MergePlan, choice: (c: MergeConflict, i: number) => 'mine' | 'theirs'): Change[] {
  const out = [...plan.apply];
  plan.conflicts.forEach((c, i) => {
    if (choice(c, i) !== 'theirs') return;
    if (c.field !== 'feature') return void out.push({ ...c.incoming, from: c.mine });
    const mine = c.mine as ClusterFeature;
    const theirs = c.theirs as ClusterFeature;
    const { id, source, as_of, at } = c.incoming;
    for (const field of featureDifferences(mine, theirs)) {
      out.push({
        kind: 'change', id: `${id.slice(0, ID_ROOT)}:${field}`, target: c.target, field,
        from: currentValue(mine, field), to: currentValue(theirs, field), source, as_of, at, group: c.incoming.group ?? id,
      });
    }
  });
  return out;
}
