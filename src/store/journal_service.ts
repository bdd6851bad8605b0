import type { JournalRecord } from '../geo/edit/change';
import type { AppStore } from './store';

/** A record the storage could not read back, by its storage key. */
export interface BadRecord {
  key: number;
  reason: string;
}

/** What the journal needs of its storage (src/store/journal_db.ts in the app, a fake in tests). */
export interface JournalBackend {
  load(): Promise<{ records: JournalRecord[]; bad: BadRecord[] }>;
  append(records: readonly JournalRecord[]): Promise<void>;
  subscribe(cb: (added: JournalRecord[], bad: BadRecord[]) => void): () => void;
  close(): void;
}

/** The planner's way to record edits: at once in the store, then in the browser's storage. */
export interface JournalService {
  /**
   * Adds records to the journal: the map and panels show them at once; storage follows in one
   * transaction. Resolves false when storage failed (the records stay, marked unsaved).
   */
  commit(records: JournalRecord[]): Promise<boolean>;
  /** Tries again to store the records that could not be stored. */
  retry(): Promise<boolean>;
  /** Resolves once the stored journal has been restored (or found unavailable). */
  ready: Promise<void>;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return (e as { name?: string })?.name === 'QuotaExceededError' ? 'quota' : 'failed';
}

/**
 * Restores the stored journal into the store, listens for other tabs' edits, and stores new
 * ones. Without storage (null backend) edits are kept in memory and the planner is told.
 *
 * @param store - the app store
 * @param open - opens the storage (null when the browser has none)
 */
export function startJournal(store: AppStore, open: () => Promise<JournalBackend | null>): JournalService {
  let backend: JournalBackend | null = null;
  const notify = store.getState().notify;
  const reportBad = (bad: BadRecord[]) => {
    if (!bad.length) return;
    // (the reasons' translations load only when a record is damaged)
    void import('../geo/edit/record_reasons').then(({ explainRecordReason }) => {
      const list = (lang: 'vi' | 'en') => bad.map((b) => `#${b.key} (${explainRecordReason(b.reason)[lang]})`).join('; ');
      notify({ key: 'edit.corrupt', params: { n: bad.length, keys_vi: list('vi'), keys_en: list('en') } });
    });
  };
  const ready = (async () => {
    try {
      backend = await open();
    } catch {
      backend = null;
    }
    if (!backend) {
      store.getState().setJournalState('memory');
      notify({ key: 'edit.noStorage' });
      return;
    }
    let loaded: { records: JournalRecord[]; bad: BadRecord[] };
    try {
      loaded = await backend.load();
    } catch {
      store.getState().setJournalState('memory');
      notify({ key: 'edit.noStorage' });
      return;
    }
    // Edits made while the journal was loading (rare: the panels come later) are kept after the stored ones.
    const pending = store.getState().journal;
    store.getState().setJournal([...loaded.records, ...pending.filter((p) => !loaded.records.some((r) => r.id === p.id))], 'stored');
    reportBad(loaded.bad);
    backend.subscribe((added, bad) => {
      if (added.length) {
        store.getState().addRecords(added);
        notify({ key: 'edit.fromOtherTab', params: { n: added.length } });
      }
      reportBad(bad);
    });
  })();

  const store_ = async (records: readonly JournalRecord[]): Promise<boolean> => {
    await ready;
    if (!backend) return false;
    try {
      await backend.append(records);
      store.getState().markUnsaved(records.map((r) => r.id), false);
      if (store.getState().journalState !== 'stored' && !store.getState().unsaved.length) store.getState().setJournalState('stored');
      return true;
    } catch (e) {
      store.getState().setJournalState('memory');
      notify({ key: errorCode(e) === 'quota' ? 'edit.quota' : 'edit.saveFailed' });
      return false;
    }
  };

  return {
    ready,
    async commit(records) {
      const s = store.getState();
      s.addRecords(records);
      s.markUnsaved(records.map((r) => r.id), true);
      return store_(records);
    },
    async retry() {
      const s = store.getState();
      const ids = new Set(s.unsaved);
      const records = s.journal.filter((r) => ids.has(r.id));
      return records.length ? store_(records) : true;
    },
  };
}
