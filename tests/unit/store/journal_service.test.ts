import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/store/store';
import { startJournal, type JournalBackend } from '../../../src/store/journal_service';
import type { Change, JournalRecord } from '../../../src/geo/edit/change';
import type { ClusterCollection } from '../../../src/geo/types';

const base = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/app/clusters.geojson'), 'utf8')) as ClusterCollection;
const id = base.features[1]!.properties.id;
let n = 0;
const change = (to: unknown, field: Change['field'] = 'status'): Change => ({
  kind: 'change', id: `c${++n}`, target: id, field, from: null, to, source: 'QĐ 1/QĐ-UBND', as_of: '2025-01-01', at: '2026-12-01T08:00:00Z',
});

/** An in-memory backend: what it holds, a way to fail writes, and a way to play another tab. */
function fakeBackend(stored: JournalRecord[] = [], bad: { key: number; reason: string }[] = []) {
  const subs: ((a: JournalRecord[], b: typeof bad) => void)[] = [];
  const state = { stored: [...stored], fail: null as null | Error };
  const backend: JournalBackend = {
    load: async () => ({ records: [...state.stored], bad }),
    append: async (r) => {
      if (state.fail) throw state.fail;
      state.stored.push(...r);
    },
    subscribe: (cb) => {
      subs.push(cb);
      return () => {};
    },
    close: () => {},
  };
  return { backend, state, otherTab: (r: JournalRecord[]) => subs.forEach((s) => s(r, [])) };
}

function storeWithData() {
  const store = createAppStore();
  store.getState().setData({ clusters: base }, []);
  return store;
}
const statusOf = (store: ReturnType<typeof createAppStore>) => store.getState().clusters!.features.find((f) => f.properties.id === id)!.properties.status;

describe('startJournal', () => {
  it('restores the stored journal over the bundled data, and names corrupt records', async () => {
    const store = storeWithData();
    const { backend } = fakeBackend([change('withdrawn')], [{ key: 7, reason: 'unknown field "x"' }]);
    await startJournal(store, async () => backend).ready;
    expect(statusOf(store)).toBe('withdrawn');
    expect(store.getState().baseClusters).toBe(base);
    expect(store.getState().journalState).toBe('stored');
    await vi.waitFor(() => expect(store.getState().notices).toEqual([{ key: 'edit.corrupt', params: { n: 1, keys_vi: '#7 (trường không tồn tại hoặc không sửa được: "x")', keys_en: '#7 (unknown field "x")' } }]));
  });
  it('applies a journal restored before the data arrives', async () => {
    const store = createAppStore();
    const { backend } = fakeBackend([change('operating')]);
    await startJournal(store, async () => backend).ready;
    expect(store.getState().clusters).toBeNull();
    store.getState().setData({ clusters: base }, []);
    expect(statusOf(store)).toBe('operating');
  });
  it('shows a commit at once and stores it; a quota error keeps it, unsaved, and says so', async () => {
    const store = storeWithData();
    const fake = fakeBackend();
    const journal = startJournal(store, async () => fake.backend);
    await journal.ready;
    expect(await journal.commit([change('withdrawn')])).toBe(true);
    expect(fake.state.stored).toHaveLength(1);
    fake.state.fail = Object.assign(new Error('full'), { code: 'quota' });
    const c = change('operating');
    expect(await journal.commit([c])).toBe(false);
    expect(statusOf(store)).toBe('operating');
    expect(store.getState().unsaved).toEqual([c.id]);
    expect(store.getState().journalState).toBe('memory');
    expect(store.getState().notices.map((x) => x.key)).toContain('edit.quota');
    fake.state.fail = null;
    expect(await journal.retry()).toBe(true);
    expect(store.getState().unsaved).toEqual([]);
    expect(store.getState().journalState).toBe('stored');
    expect(fake.state.stored.map((r) => r.id)).toEqual([expect.any(String), c.id]);
  });
  it('takes in another tab\'s records once, and keeps edits in memory without storage', async () => {
    const store = storeWithData();
    const fake = fakeBackend();
    await startJournal(store, async () => fake.backend).ready;
    const r = change('withdrawn');
    fake.otherTab([r]);
    fake.otherTab([r]);
    expect(store.getState().journal).toEqual([r]);
    expect(statusOf(store)).toBe('withdrawn');
    const none = storeWithData();
    const j = startJournal(none, async () => null);
    await j.ready;
    expect(await j.commit([change('operating')])).toBe(false);
    expect(statusOf(none)).toBe('operating');
    expect(none.getState().journalState).toBe('memory');
    expect(none.getState().notices.map((x) => x.key)).toEqual(['edit.noStorage']);
  });
});
