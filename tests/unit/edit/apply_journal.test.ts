import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeChanges, applyJournal, currentValue } from '../../../src/geo/edit/apply_journal';
import type { Change, JournalRecord, Revert } from '../../../src/geo/edit/change';
import { synthJournal } from '../../../src/geo/edit/synth_journal';
import { mulberry32, pickOne } from '../../../src/geo/synth/seeded_random';
import type { ClusterCollection, ClusterFeature } from '../../../src/geo/types';
import { deepFreeze } from '../helpers/deep_freeze';

const root = resolve(__dirname, '../../..');
/** A fresh, frozen copy of the fixture clusters (8 clusters, one surveyed, one point). */
const fixture = (): ClusterCollection => deepFreeze(JSON.parse(readFileSync(resolve(root, 'tests/fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection);
const AT = '2026-03-01T08:00:00Z';
const change = (id: string, target: string, field: Change['field'], to: unknown, source = 'QĐ 1/QĐ-UBND'): Change =>
  ({ kind: 'change', id, target, field, from: null, to, source, as_of: '2026-02-01', at: AT });
const revert = (id: string, reverts: string): Revert => ({ kind: 'revert', id, reverts, at: AT });
const revertsOf = (j: readonly JournalRecord[], id: string): JournalRecord[] => [...j, revert(`rev-${id}-${j.length}`, id)];

describe('applyJournal: apply then revert is the identity (seeded property test)', () => {
  const base = fixture();
  const journals = Array.from({ length: 150 }, (_, s) => deepFreeze(synthJournal(base, 5 + (s % 40), 1000 + s)));

  it('reverting any active change equals the journal without it', () => {
    const rand = mulberry32(42);
    let checked = 0;
    for (const j of journals) {
      const active = activeChanges(j);
      if (!active.length) continue;
      for (let k = 0; k < 3; k++) {
        const c = pickOne(rand, active);
        const reverted = applyJournal(base, revertsOf(j, c.id));
        const without = applyJournal(base, j.filter((r) => r !== c));
        expect(reverted.fc).toEqual(without.fc);
        expect(reverted.edited).toEqual(without.edited);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('a revert of the revert restores the journal', () => {
    const rand = mulberry32(43);
    for (const j of journals) {
      const active = activeChanges(j);
      if (!active.length) continue;
      const c = pickOne(rand, active);
      const twice = revertsOf(revertsOf(j, c.id), c.id);
      expect(applyJournal(base, twice).fc).toEqual(applyJournal(base, j).fc);
    }
  });

  it('reverting every change gives back the base itself', () => {
    for (const j of journals.slice(0, 30)) {
      const all = activeChanges(j).reduce<JournalRecord[]>((acc, c) => revertsOf(acc, c.id), [...j]);
      const r = applyJournal(base, all);
      expect(r.fc).toBe(base);
      expect(r.edited.size).toBe(0);
    }
  });
});

describe('applyJournal: sharing and purity', () => {
  it('untouched features are the same objects as in base; touched ones are copies', () => {
    const base = fixture();
    const r = applyJournal(base, [change('a', 'hn-mau-kim-bang', 'status', 'operating')]);
    r.fc.features.forEach((f, i) => {
      if (f.properties.id === 'hn-mau-kim-bang') expect(f).not.toBe(base.features[i]);
      else expect(f).toBe(base.features[i]);
    });
    expect(r.fc.features[1]!.properties.status).toBe('operating');
    expect(r.fc.features[1]!.properties.sources).toContain('QĐ 1/QĐ-UBND');
  });

  it('does not mutate a frozen base or frozen records, over long random journals', () => {
    const base = fixture();
    for (let s = 0; s < 20; s++) {
      const j = deepFreeze(synthJournal(base, 200, s));
      expect(() => applyJournal(base, j)).not.toThrow();
    }
    expect(base).toEqual(JSON.parse(readFileSync(resolve(root, 'tests/fixtures/app/clusters.geojson'), 'utf8')));
  });

  it('a footprint change sets geometry, quality and, for a traced one, its source and date', () => {
    const base = fixture();
    const g = { type: 'Polygon', coordinates: [[[106, 20.5], [106.01, 20.5], [106.01, 20.51], [106, 20.5]]] };
    const r = applyJournal(base, [change('g', 'hn-mau-thanh-liem', 'geometry', { geometry: g, quality: 'traced' }, 'Ảnh vệ tinh 2025')]);
    const f = r.fc.features.find((x) => x.properties.id === 'hn-mau-thanh-liem')!;
    expect(f.geometry).toEqual(g);
    expect(f.properties).toMatchObject({ geometry_quality: 'traced', geometry_source: 'Ảnh vệ tinh 2025', geometry_as_of: '2026-02-01' });
    expect(currentValue(f, 'geometry')).toEqual({ geometry: g, quality: 'traced' });
  });
});

describe('applyJournal: problems', () => {
  const newCluster = (id: string): ClusterFeature => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [106, 20.4] },
    properties: { id, name: 'CCN Mới', ex_province: 'Ninh Bình', old_district: null, communes: [], new_commune: null, planned_area_ha: null, status: 'planned', wwtp: 'unknown', occupancy_pct: null, projects: null, workers: null, model: null, industries: null, decision: null, sources: [], as_of: '2026', geometry_quality: 'point-commune' },
  });

  it('a change to an unknown cluster is a problem and changes nothing', () => {
    const base = fixture();
    const c = change('u', 'no-such-cluster', 'status', 'operating');
    const r = applyJournal(base, [c]);
    expect(r.problems).toEqual([{ change: c, reason: 'unknown-cluster' }]);
    expect(r.fc.features).toEqual(base.features);
    expect(r.edited.size).toBe(0);
  });

  it('a new cluster whose id exists, in base or created before, is a problem', () => {
    const base = fixture();
    const dupBase = change('d1', 'hn-mau-kim-bang', 'feature', newCluster('hn-mau-kim-bang'));
    const first = change('n1', 'nb-moi', 'feature', newCluster('nb-moi'));
    const second = change('n2', 'nb-moi', 'feature', newCluster('nb-moi'));
    const r = applyJournal(base, [dupBase, first, second]);
    expect(r.problems).toEqual([{ change: dupBase, reason: 'already-exists' }, { change: second, reason: 'already-exists' }]);
    expect(r.fc.features.length).toBe(base.features.length + 1);
    expect(r.fc.features.at(-1)!.properties.sources).toEqual(['QĐ 1/QĐ-UBND']);
  });

  it('a change after a new cluster edits that cluster', () => {
    const base = fixture();
    const r = applyJournal(base, [change('n1', 'nb-moi', 'feature', newCluster('nb-moi')), change('s', 'nb-moi', 'status', 'established')]);
    expect(r.problems).toEqual([]);
    expect(r.fc.features.at(-1)!.properties.status).toBe('established');
    expect([...r.edited]).toEqual(['nb-moi']);
  });
});

describe('applyJournal: notes and their translation', () => {
  it('drops the Vietnamese translation when a planner edits the notes (it was of the old text)', () => {
    const base = fixture();
    const f0 = base.features[0]!;
    const translated: ClusterCollection = { ...base, features: [{ ...f0, properties: { ...f0.properties, notes: 'Area 10 ha.', notes_vi: 'Diện tích 10 ha.' } }, ...base.features.slice(1)] };
    const other = applyJournal(translated, [change('c1', f0.properties.id, 'status', 'operating')]).fc.features[0]!.properties;
    expect(other.notes_vi).toBe('Diện tích 10 ha.');
    const edited = applyJournal(translated, [change('c2', f0.properties.id, 'notes', 'Khảo sát 2026: 12 ha.')]).fc.features[0]!.properties;
    expect(edited.notes).toBe('Khảo sát 2026: 12 ha.');
    expect(edited.notes_vi).toBeUndefined();
  });
});
