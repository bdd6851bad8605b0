import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
} from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Change, JournalRecord } from '../../../src/geo/edit/change';
import { JournalWriteError, openJournalStore, type JournalStore } from '../../../src/store/journal_db';

// idb and IDBKeyRange.lowerBound look the IndexedDB classes up as globals, as in a page. The
// classes hold no data: every test has its own factory, so nothing is shared between tests.
Object.assign(globalThis, { IDBCursor, IDBCursorWithValue, IDBDatabase, IDBIndex, IDBKeyRange, IDBObjectStore, IDBOpenDBRequest, IDBRequest, IDBTransaction });

let channelSeq = 0;
const opened: JournalStore[] = [];
/** A fresh world: its own factory and channel name. */
const world = () => ({ factory: new IDBFactory(), channelName: `journal-test-${++channelSeq}` });
async function open(w: { factory: IDBFactory; channelName: string }): Promise<JournalStore> {
  const s = await openJournalStore(w);
  if (!s) throw new Error('expected a store');
  opened.push(s);
  return s;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

const change = (id: string, to: unknown = 'Đồng Văn I'): Change => ({
  kind: 'change',
  id,
  target: 'ccn-001',
  field: 'name',
  from: 'Đồng Văn',
  to,
  source: 'QĐ 512/QĐ-UBND ngày 16/3/2020',
  as_of: '2020-03-16',
  at: '2025-07-01T08:00:00Z',
});
const ids = (rs: readonly JournalRecord[]) => rs.map((r) => r.id);
const settle = () => new Promise((r) => setTimeout(r, 30));

/** Writes values straight into the journal's object store, as another program might. */
async function rawAdd(factory: IDBFactory, values: unknown[]): Promise<void> {
  const db = await new Promise<globalThis.IDBDatabase>((ok, fail) => {
    const req = factory.open('ccn-edits', 1);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction('journal', 'readwrite');
    for (const v of values) tx.objectStore('journal').add(v);
    tx.oncomplete = () => ok();
    tx.onabort = () => fail(tx.error);
  });
  db.close();
}

/** Makes the nth call of IDBObjectStore.prototype.add (1-based) do `fail` instead. */
function failNthAdd(n: number, fail: (store: globalThis.IDBObjectStore) => unknown) {
  const add = IDBObjectStore.prototype.add;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: globalThis.IDBObjectStore, ...args) {
    return ++calls === n ? (fail(this) as globalThis.IDBRequest<IDBValidKey>) : add.apply(this, args);
  });
}

describe('journal storage (IndexedDB)', () => {
  it('append then load in a second store (as after a reload) returns the same records in order', async () => {
    const w = world();
    const a = await open(w);
    const revert: JournalRecord = { kind: 'revert', id: 'r1', reverts: 'c1', at: '2025-07-01T09:00:00Z' };
    await a.append([change('c1'), change('c2')]);
    await a.append([revert, change('c3')]);
    a.close();
    const { records, bad } = await (await open(w)).load();
    expect(records).toEqual([change('c1'), change('c2'), revert, change('c3')]);
    expect(bad).toEqual([]);
  });

  it('a group of 3 whose 3rd write fails stores none of them', async () => {
    const w = world();
    const a = await open(w);
    await a.append([change('before')]);
    failNthAdd(3, () => {
      throw new DOMException('cannot clone', 'DataCloneError');
    });
    const err = await a.append([change('g1'), change('g2'), change('g3')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalWriteError);
    expect((err as JournalWriteError).code).toBe('failed');
    vi.restoreAllMocks();
    expect(ids((await (await open(w)).load()).records)).toEqual(['before']);
  });

  it('corrupt entries are named with key and reason; the good ones around them are restored', async () => {
    const w = world();
    const a = await open(w);
    await a.append([change('c1')]);
    const noId: Record<string, unknown> = { ...change('x') };
    delete noId.id;
    await rawAdd(w.factory, ['garbage', noId, { ...change('c-bad'), field: 'colour' }]);
    await a.append([change('c2')]);
    const { records, bad } = await (await open(w)).load();
    expect(ids(records)).toEqual(['c1', 'c2']);
    expect(bad).toEqual([
      { key: 2, reason: 'not an object' },
      { key: 3, reason: 'missing id' },
      { key: 4, reason: 'unknown field "colour"' },
    ]);
  });

  it('an entry that cannot be read at all is named; the others still load', async () => {
    const w = world();
    const a = await open(w);
    await a.append([change('c1'), change('c2'), change('c3')]);
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(() => {
      throw new DOMException('Failed to read large IndexedDB value', 'UnknownError');
    });
    const get = IDBObjectStore.prototype.get;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: globalThis.IDBObjectStore, key) {
      if (key === 2) throw new DOMException('Failed to read large IndexedDB value', 'UnknownError');
      return get.call(this, key);
    });
    const { records, bad } = await (await open(w)).load();
    expect(ids(records)).toEqual(['c1', 'c3']);
    expect(bad).toEqual([{ key: 2, reason: 'unreadable (UnknownError: Failed to read large IndexedDB value)' }]);
  });

  it('quota thrown by a write rejects with code "quota" and stores nothing', async () => {
    const w = world();
    const a = await open(w);
    failNthAdd(2, () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await a.append([change('q1'), change('q2')]).catch((e: unknown) => e);
    expect((err as JournalWriteError).code).toBe('quota');
    vi.restoreAllMocks();
    expect((await a.load()).records).toEqual([]);
  });

  it('quota reported as the transaction\'s abort (as Chromium does at commit) rejects with "quota"', async () => {
    const w = world();
    const a = await open(w);
    // fake-indexeddb has no quota; its internal _abort(name) is how the browser ends the transaction.
    failNthAdd(2, (store) => {
      const req = IDBObjectStore.prototype.add.call(store, 'never stored');
      (store.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    const err = await a.append([change('q1'), change('q2'), change('q3')]).catch((e: unknown) => e);
    expect((err as JournalWriteError).code).toBe('quota');
    vi.restoreAllMocks();
    expect((await a.load()).records).toEqual([]);
  });

  it('an append after close rejects with code "unavailable"', async () => {
    const a = await open(world());
    a.close();
    const err = await a.append([change('c1')]).catch((e: unknown) => e);
    expect((err as JournalWriteError).code).toBe('unavailable');
  });

  it('an append in tab A reaches B\'s subscriber exactly once, and not A\'s', async () => {
    const w = world();
    const [a, b] = [await open(w), await open(w)];
    await Promise.all([a.load(), b.load()]);
    const gotA: string[] = [];
    const gotB: string[] = [];
    a.subscribe((added) => gotA.push(...ids(added)));
    b.subscribe((added) => gotB.push(...ids(added)));
    await a.append([change('c1'), change('c2')]);
    await vi.waitFor(() => expect(gotB).toEqual(['c1', 'c2']));
    await settle();
    expect(gotB).toEqual(['c1', 'c2']);
    expect(gotA).toEqual([]);
  });

  it('appends interleaved from two tabs all arrive: none lost, none duplicated, in append order', async () => {
    const w = world();
    const [a, b] = [await open(w), await open(w)];
    await Promise.all([a.load(), b.load()]);
    const gotA: string[] = [];
    const gotB: string[] = [];
    a.subscribe((added) => gotA.push(...ids(added)));
    b.subscribe((added) => gotB.push(...ids(added)));
    const fromA = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const fromB = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    await Promise.all(fromA.flatMap((id, i) => [a.append([change(id)]), b.append([change(fromB[i]!)])]));
    await vi.waitFor(() => expect(gotA.length + gotB.length).toBe(12));
    await settle();
    const order = ids((await (await open(w)).load()).records);
    expect(order.length).toBe(12);
    expect(gotA).toEqual(order.filter((id) => id.startsWith('b')));
    expect(gotB).toEqual(order.filter((id) => id.startsWith('a')));
  });

  it('an entry another tab wrote between two of this tab\'s own appends is still delivered', async () => {
    const w = world();
    const a = await open(w);
    // B writes on another channel, so A hears nothing until the nudge below: A's two appends and B's land first.
    const b = await open({ factory: w.factory, channelName: `${w.channelName}-quiet` });
    await a.load();
    const got: string[] = [];
    a.subscribe((added) => got.push(...ids(added)));
    await a.append([change('a1')]);
    await b.append([change('b1')]);
    await a.append([change('a2')]);
    const nudge = new BroadcastChannel(w.channelName);
    nudge.postMessage({});
    nudge.close();
    await vi.waitFor(() => expect(got).toEqual(['b1']));
    await settle();
    expect(got).toEqual(['b1']);
  });

  it('subscribers also hear of corrupt entries another program wrote', async () => {
    const w = world();
    const a = await open(w);
    await a.load();
    const bad: { key: number; reason: string }[] = [];
    a.subscribe((_, b) => bad.push(...b));
    await rawAdd(w.factory, [42]);
    const nudge = new BroadcastChannel(w.channelName);
    nudge.postMessage({ key: 1 });
    nudge.close();
    await vi.waitFor(() => expect(bad).toEqual([{ key: 1, reason: 'not an object' }]));
  });

  it('openJournalStore returns null when the factory throws on open', async () => {
    const throwing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await openJournalStore({ factory: throwing })).toBeNull();
  });

  it('openJournalStore returns null when the open request fails (a newer version is stored)', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((ok) => {
      const req = factory.open('ccn-edits', 2);
      req.onsuccess = () => (req.result.close(), ok());
    });
    expect(await openJournalStore({ factory })).toBeNull();
  });
});
