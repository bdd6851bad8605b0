import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyJournal } from '../../../src/geo/edit/apply_journal';
import type { Change, JournalRecord } from '../../../src/geo/edit/change';
import { planMerge, resolveMerge } from '../../../src/geo/edit/merge_changes';
import type { ClusterCollection, ClusterFeature } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
const fixture = (): ClusterCollection => deepFreeze(JSON.parse(readFileSync(resolve(root, 'tests/fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);
const KB = 'hn-mau-kim-bang';
const TL = 'hn-mau-thanh-liem';
let clock = 0;
const change = (id: string, target: string, field: Change['field'], to: unknown, from: unknown = null): Change =>
  deepFreeze({ kind: 'change', id, target, field, from, to, source: 'QĐ 7/QĐ-UBND', as_of: '2026-01-15', at: new Date(Date.UTC(2026, 2, 1) + clock++ * 1000).toISOString() });
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 20.5], [x + 0.01, 20.5], [x + 0.01, 20.51], [x, 20.5]]] });
const footprint = (x: number, quality = 'traced') => ({ geometry: square(x), quality });
const cluster = (id: string, name = 'CCN Mới Gia Viễn', status = 'planned'): ClusterFeature => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [105.9, 20.3] },
  properties: { id, name, ex_province: 'Ninh Bình', old_district: 'Gia Viễn', communes: ['Gia Vân'], new_commune: null, planned_area_ha: 30, status: status as 'planned', wwtp: 'unknown', occupancy_pct: null, projects: null, workers: null, model: null, industries: null, decision: null, sources: [], as_of: '2026', geometry_quality: 'point-commune' },
});
const ids = (cs: readonly Change[]) => cs.map((c) => c.id);

describe('planMerge', () => {
  it('an incoming id already in the local journal is same, even when reverted here', () => {
    const base = fixture();
    const c = change('c1', KB, 'status', 'operating');
    const local: JournalRecord[] = [c, { kind: 'revert', id: 'r1', reverts: 'c1', at: '2026-03-02T00:00:00Z' }];
    const plan = planMerge(base, local, [c]);
    expect(plan).toEqual({ apply: [], same: [c], superseded: [], conflicts: [] });
  });

  it('no local change on the field: apply, with from set to the local value', () => {
    const base = fixture();
    const c = change('c1', KB, 'status', 'operating', 'made-up');
    const plan = planMerge(base, [change('l1', KB, 'wwtp', 'operating')], [c]);
    expect(plan.apply).toEqual([{ ...c, from: base.features[1]!.properties.status }]);
    expect(plan.conflicts).toEqual([]);
  });

  it('a local change with the same final value: same (facts and geometry, deep equality)', () => {
    const base = fixture();
    const local = [change('l1', KB, 'planned_area_ha', 42), change('l2', TL, 'geometry', footprint(106))];
    const incoming = [change('i1', KB, 'planned_area_ha', 42), change('i2', TL, 'geometry', JSON.parse(JSON.stringify(footprint(106))))];
    const plan = planMerge(base, local, incoming);
    expect(ids(plan.same)).toEqual(['i1', 'i2']);
    expect(plan.apply).toEqual([]);
  });

  it('a local change with a different value: a conflict showing both (facts)', () => {
    const base = fixture();
    const mine = change('l1', KB, 'status', 'established');
    const theirs = change('i1', KB, 'status', 'operating');
    const plan = planMerge(base, [mine], [theirs]);
    expect(plan.conflicts).toEqual([{ target: KB, field: 'status', mine: 'established', theirs: 'operating', incoming: theirs, mineChange: mine }]);
    expect(plan.apply).toEqual([]);
  });

  it('a local footprint and a different incoming one: a conflict showing both shapes', () => {
    const base = fixture();
    const mine = change('l1', TL, 'geometry', footprint(106));
    const theirs = change('i1', TL, 'geometry', footprint(106, 'surveyed'));
    const [c] = planMerge(base, [mine], [theirs]).conflicts;
    expect(c).toMatchObject({ field: 'geometry', mine: footprint(106), theirs: footprint(106, 'surveyed'), mineChange: mine });
    const moved = planMerge(base, [mine], [change('i2', TL, 'geometry', footprint(106.001))]).conflicts;
    expect(moved.length).toBe(1);
  });

  it('several incoming changes on one field: only the last counts, the others are superseded', () => {
    const base = fixture();
    const a = change('i1', KB, 'status', 'established');
    const b = change('i2', KB, 'status', 'operating');
    const plan = planMerge(base, [], [a, b]);
    expect(ids(plan.apply)).toEqual(['i2']);
    expect(ids(plan.superseded)).toEqual(['i1']);
    expect(applyJournal(base, resolveMerge(plan, () => 'mine')).fc.features[1]!.properties.status).toBe('operating');
  });

  it('a colleague who changed our change again fast-forwards (apply, no conflict)', () => {
    const base = fixture();
    const ours = change('l1', KB, 'status', 'established');
    const plan = planMerge(base, [ours], [ours, change('i2', KB, 'status', 'operating')]);
    expect(ids(plan.same)).toEqual(['l1']);
    expect(ids(plan.apply)).toEqual(['i2']);
    expect(plan.apply[0]!.from).toBe('established');
    // …but not when we changed it again after sharing.
    const again = planMerge(base, [ours, change('l3', KB, 'status', 'withdrawn')], [ours, change('i2', KB, 'status', 'operating')]);
    expect(again.conflicts.map((c) => [c.mine, c.theirs])).toEqual([['withdrawn', 'operating']]);
  });

  it('a new cluster, then a change to it: both apply, in order', () => {
    const base = fixture();
    const f = change('i1', 'nb-moi', 'feature', cluster('nb-moi'));
    const s = change('i2', 'nb-moi', 'status', 'established');
    const plan = planMerge(base, [], [f, s]);
    expect(ids(plan.apply)).toEqual(['i1', 'i2']);
    expect(plan.apply[1]!.from).toBe('planned');
    const after = applyJournal(base, resolveMerge(plan, () => 'theirs'));
    expect(after.problems).toEqual([]);
    expect(after.fc.features.at(-1)!.properties).toMatchObject({ id: 'nb-moi', status: 'established' });
  });

  it('a new cluster whose id exists here: same when equal, a conflict when its facts differ', () => {
    const base = fixture();
    const mineF = change('l1', 'nb-moi', 'feature', cluster('nb-moi'));
    expect(ids(planMerge(base, [mineF], [change('i1', 'nb-moi', 'feature', cluster('nb-moi'))]).same)).toEqual(['i1']);
    const theirs = change('i2', 'nb-moi', 'feature', cluster('nb-moi', 'CCN Gia Vân', 'established'));
    const plan = planMerge(base, [mineF], [theirs]);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({ target: 'nb-moi', field: 'feature', theirs: theirs.to, mineChange: mineF });
    // With a bundled cluster no local change created, there is no local change to show.
    const bundled = planMerge(base, [], [change('i3', KB, 'feature', cluster(KB))]).conflicts[0];
    expect(bundled?.mineChange).toBeNull();
  });
});

describe('resolveMerge', () => {
  const base = fixture();
  const mine = change('l1', KB, 'status', 'established');
  const theirs = change('i1', KB, 'status', 'operating', 'planned');
  const other = change('i2', TL, 'wwtp', 'operating');

  it('mine keeps the local value: only apply is appended', () => {
    const plan = planMerge(base, [mine], [theirs, other]);
    const out = resolveMerge(plan, () => 'mine');
    expect(ids(out)).toEqual(['i2']);
    expect(applyJournal(base, [mine, ...out]).fc.features[1]!.properties.status).toBe('established');
  });

  it('theirs appends the incoming change with its id and from = the local value', () => {
    const plan = planMerge(base, [mine], [theirs, other]);
    const seen: number[] = [];
    const out = resolveMerge(plan, (c, i) => (seen.push(i), c.field === 'status' ? 'theirs' : 'mine'));
    expect(seen).toEqual([0]);
    expect(out).toEqual([{ ...other, from: base.features[2]!.properties.wwtp }, { ...theirs, from: 'established' }]);
    expect(applyJournal(base, [mine, ...out]).fc.features[1]!.properties.status).toBe('operating');
  });

  it('importing the same file twice is idempotent, whatever was chosen', () => {
    for (const pick of ['mine', 'theirs'] as const) {
      const incoming = [theirs, other, change('i3', 'nb-moi', 'feature', cluster('nb-moi')), change('i4', 'nb-moi', 'notes', 'Theo QĐ 9')];
      const local: JournalRecord[] = [mine];
      local.push(...resolveMerge(planMerge(base, local, incoming), () => pick));
      const second = planMerge(base, local, incoming);
      expect(second.apply, pick).toEqual([]);
      expect(second.conflicts, pick).toEqual(pick === 'mine' ? [expect.objectContaining({ incoming: theirs })] : []);
      expect(resolveMerge(second, () => 'mine'), pick).toEqual([]);
    }
  });

  it('theirs for a new cluster that exists here becomes one change per differing fact, idempotent', () => {
    const mineF = change('l1', 'nb-moi', 'feature', cluster('nb-moi'));
    const theirsF = change('i9', 'nb-moi', 'feature', cluster('nb-moi', 'CCN Gia Vân', 'established'));
    const local: JournalRecord[] = [mineF];
    const out = resolveMerge(planMerge(base, local, [theirsF]), () => 'theirs');
    expect(out.map((c) => [c.id, c.field, c.from, c.to])).toEqual([
      ['i9:name', 'name', 'CCN Mới Gia Viễn', 'CCN Gia Vân'],
      ['i9:status', 'status', 'planned', 'established'],
    ]);
    expect(out.every((c) => c.group === 'i9')).toBe(true);
    local.push(...out);
    const again = planMerge(base, local, [theirsF]);
    expect(ids(again.same)).toEqual(['i9']);
  });
});
