import { t } from './i18n';
import { useAppStoreApi, useJournal, useStore } from './use_store';

/** Over the map while changes are not stored: what happened, and export at once. */
export function StorageAlert() {
  const store = useAppStoreApi();
  const journal = useJournal();
  const lang = useStore((s) => s.lang);
  const unsaved = useStore((s) => s.unsaved.length);
  const state = useStore((s) => s.journalState);
  if (!unsaved || state !== 'memory') return null;
  return (
    <div class="storage-alert" role="alert" data-testid="storage-alert">
      <span>{t(lang, 'edit.unsavedAlert', { n: unsaved })}</span>
      <button type="button" class="primary" data-testid="storage-export" onClick={() => void import('./export_changes').then((m) => m.exportChanges(store))}>
        {t(lang, 'edit.exportNow')}
      </button>
      <button type="button" onClick={() => void journal.retry()}>{t(lang, 'edit.retry')}</button>
    </div>
  );
}
