import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { checkRecord, type JournalRecord } from '../geo/edit/change';

const DB_NAME = 'ccn-edits';
const DB_VERSION = 1;
const STORE = 'journal';
const CHANNEL = 'ccn-journal';

interface JournalSchema extends DBSchema {
  // Values are typed unknown: what comes back from storage is checked, never trusted.
  journal: { key: number; value: unknown };
}
type Db = IDBPDatabase<JournalSchema>;

/** Why a save failed: storage full, no usable database, or anything else. */
export type JournalWriteErrorCode = 'quota' | 'unavailable' | 'failed';

/** A save to the journal that stored nothing; `code` says what the app should offer (export on 'quota'). */
export class JournalWriteError extends Error {
  /** The kind of failure. */
  readonly code: JournalWriteErrorCode;

  /**
   * @param code - the kind of failure
   * @param message - a sentence for the log
   * @param cause - the browser's error, when there was one
   */
  constructor(code: JournalWriteErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JournalWriteError';
    this.code = code;
  }
}

/** A stored entry that could not be used: its key (append order) and why. */
export interface BadEntry {
  key: number;
  reason: string;
}

/** The journal as read from storage. */
export interface LoadedJournal {
  /** The records that pass `checkRecord`, in the order they were appended. */
  records: JournalRecord[];
  /** Stored entries that fail `checkRecord` (or cannot be read): named and skipped, never thrown. */
  bad: BadEntry[];
}

/** The edit journal in the browser's storage, shared by the tabs of one origin. */
export interface JournalStore {
  /**
   * Reads the whole journal. Later subscriber calls bring only what was appended after this read.
   * Rejects only when the database cannot be read at all.
   */
  load(): Promise<LoadedJournal>;
  /**
   * All records in ONE readwrite transaction: all stored or none (a tab killed mid-save leaves
   * nothing half-applied). Rejects with JournalWriteError (QuotaExceededError → 'quota'). After
   * commit, notifies other tabs.
   */
  append(records: readonly JournalRecord[]): Promise<void>;
  /**
   * Records appended by another tab or context of the same origin since this store last read,
   * checked with checkRecord, in order. Nothing is delivered before the first `load()` (which
   * returns those records itself).
   *
   * @returns a function that ends the subscription
   */
  subscribe(cb: (added: JournalRecord[], bad: BadEntry[]) => void): () => void;
  /** Closes the database connection and the channel; later appends reject with 'unavailable'. */
  close(): void;
}

const errName = (e: unknown): string => (e && typeof e === 'object' && 'name' in e ? String(e.name) : '');

/** "Name: message" of a browser error, for the log. */
function explain(e: unknown): string {
  const o = e as { name?: unknown; message?: unknown } | null;
  return o && typeof o === 'object' ? `${String(o.name ?? 'Error')}: ${String(o.message ?? '')}` : String(e);
}

/** An entry read from the object store, or the reason it could not be read. */
type Entry = { key: number; value: unknown } | { key: number; unreadable: string };

/**
 * Entries with a key above `after`, in key order (keys start at 1). One unreadable value (a
 * lost blob file) fails a whole getAll, so then each entry is read alone and the failures named.
 */
async function readEntries(db: Db, after: number): Promise<Entry[]> {
  const range = IDBKeyRange.lowerBound(after, true);
  const tx = db.transaction(STORE, 'readonly');
  tx.done.catch(() => {});
  try {
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
    return keys.map((key, i) => ({ key, value: values[i] }));
  } catch {
    const keys = await db.getAllKeys(STORE, range);
    const entries: Entry[] = [];
    for (const key of keys) {
      try {
        entries.push({ key, value: await db.get(STORE, key) });
      } catch (e) {
        entries.push({ key, unreadable: `unreadable (${explain(e)})` });
      }
    }
    return entries;
  }
}

/** Splits entries into checked records and bad ones. */
function check(entries: readonly Entry[]): LoadedJournal {
  const out: LoadedJournal = { records: [], bad: [] };
  for (const e of entries) {
    if ('unreadable' in e) {
      out.bad.push({ key: e.key, reason: e.unreadable });
      continue;
    }
    const c = checkRecord(e.value);
    if (c.ok) out.records.push(c.record);
    else out.bad.push({ key: e.key, reason: c.reason });
  }
  return out;
}

/**
 * Opens (creating) the journal; null when IndexedDB cannot be used (private mode, disabled):
 * the app then keeps edits in memory and says so.
 *
 * @param opts - `dbName` (default `ccn-edits`), `factory` (default the page's `indexedDB`) and
 *   `channelName` (default `ccn-journal`), so tests can give each store its own world
 * @returns the store, or null
 */
export async function openJournalStore(opts: { dbName?: string; factory?: IDBFactory; channelName?: string } = {}): Promise<JournalStore | null> {
  let db: Db;
  try {
    // Reading window.indexedDB itself throws in some browsers when storage is blocked.
    const factory = opts.factory ?? globalThis.indexedDB;
    if (!factory) return null;
    const req = factory.open(opts.dbName ?? DB_NAME, DB_VERSION);
    req.addEventListener('upgradeneeded', () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { autoIncrement: true });
    });
    db = (await wrap(req)) as unknown as Db;
  } catch {
    return null;
  }
  return journalStore(db, opts.channelName ?? CHANNEL);
}

function journalStore(db: Db, channelName: string): JournalStore {
  let closed = false;
  let shut = false;
  let loaded = false;
  // The highest key this store has read (load or delivery); autoIncrement keys start at 1.
  let last = 0;
  // Keys of this store's own appends not yet read past, so they are not delivered back to it.
  const own = new Set<number>();
  const subscribers = new Set<(added: JournalRecord[], bad: BadEntry[]) => void>();

  // Another tab opening a newer version waits for this connection: let it go.
  db.addEventListener('versionchange', () => close());
  db.addEventListener('close', () => void (closed = true));

  // Loads and deliveries run one after another, so no entry is read twice by overlapping reads.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const p = queue.then(f);
    queue = p.catch(() => {});
    return p;
  };

  const readPast = async (): Promise<Entry[]> => {
    const entries = await readEntries(db, last);
    for (const e of entries) last = Math.max(last, e.key);
    return entries;
  };

  let queued = false;
  const refresh = (): void => {
    if (queued || closed || !loaded || !subscribers.size) return;
    queued = true;
    serial(async () => {
      queued = false;
      if (closed) return;
      const { records, bad } = check((await readPast()).filter((e) => !own.delete(e.key)));
      if (!records.length && !bad.length) return;
      for (const cb of [...subscribers]) {
        try {
          cb(records, bad);
        } catch (e) {
          // One broken view must not stop the others, nor the journal; the error still shows.
          setTimeout(() => {
            throw e;
          });
        }
      }
    })
      // A failed read leaves `last` where it was: the next message or visibility change retries.
      .catch(() => {});
  };

  let channel: BroadcastChannel | null = null;
  try {
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(channelName);
      channel.onmessage = (ev: MessageEvent) => {
        const key = (ev.data as { key?: unknown } | null)?.key;
        if (typeof key === 'number' && loaded && key <= last) return;
        refresh();
      };
    }
  } catch {
    channel = null;
  }
  // A tab coming back to the front catches up even where messages were missed or unsupported.
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh();
  };
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) document.addEventListener('visibilitychange', onVisible);

  const begin = () => {
    try {
      // Strict: the planner's save is on disk before it is reported done.
      return db.transaction(STORE, 'readwrite', { durability: 'strict' });
    } catch (e) {
      throw new JournalWriteError('unavailable', `The edit journal cannot be written (${explain(e)})`, e);
    }
  };

  function close(): void {
    if (shut) return;
    shut = closed = true;
    subscribers.clear();
    channel?.close();
    channel = null;
    if (hasDocument) document.removeEventListener('visibilitychange', onVisible);
    db.close();
  }

  return {
    load: () =>
      serial(async () => {
        const journal = check(await readPast());
        loaded = true;
        for (const k of own) if (k <= last) own.delete(k);
        return journal;
      }),

    async append(records) {
      if (!records.length) return;
      if (closed) throw new JournalWriteError('unavailable', 'The edit journal is closed: the changes were not saved');
      const tx = begin();
      const keys: number[] = [];
      const pending: Promise<unknown>[] = [];
      let thrown: unknown = null;
      try {
        // add, not put: the e2e tests simulate a full disk by patching IDBObjectStore.prototype.add.
        for (const r of records) {
          pending.push(
            tx.store.add(r).then((k) => {
              keys.push(k);
              own.add(k);
            }),
          );
        }
      } catch (e) {
        thrown = e;
        try {
          tx.abort();
        } catch {
          // Already aborted by the failure itself.
        }
      }
      const settled = await Promise.allSettled([...pending, tx.done]);
      const errors = [thrown, tx.error, ...settled.map((s) => (s.status === 'rejected' ? s.reason : null))].filter((e) => e);
      if (!errors.length) {
        try {
          channel?.postMessage({ key: Math.max(...keys) });
        } catch {
          // A closed channel: the others still catch up on their next visibility change.
        }
        return;
      }
      for (const k of keys) own.delete(k);
      const quota = errors.find((e) => errName(e) === 'QuotaExceededError');
      if (quota) throw new JournalWriteError('quota', 'The browser\'s storage for this site is full: the changes were not saved', quota);
      const first = errors.find((e) => errName(e) !== 'AbortError') ?? errors[0];
      if (closed) throw new JournalWriteError('unavailable', `The edit journal was closed while saving (${explain(first)})`, first);
      throw new JournalWriteError('failed', `Saving the changes failed: nothing was stored (${explain(first)})`, first);
    },

    subscribe(cb) {
      subscribers.add(cb);
      return () => void subscribers.delete(cb);
    },

    close,
  };
}
