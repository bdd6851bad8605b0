import { render } from 'preact';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import './style.css';
import { App } from './App';
import { createAppStore } from '../store/store';
import { loadData } from '../store/load_data';
import { checkFile } from './check_file';
import { runProximity } from './proximity_runner';
import { syncUrl } from './url_sync';
import { createWorkerClient } from '../store/proximity_client';
import { createProximityService } from '../store/proximity_service';
import { startJournal } from '../store/journal_service';
import { openJournalStore } from '../store/journal_db';

const store = createAppStore();
const base = new URL(import.meta.env.BASE_URL, location.href).href;
const proximity = createProximityService(
  store,
  createWorkerClient(() => new Worker(new URL('../geo/proximity/proximity.worker.ts', import.meta.url), { type: 'module' })),
);
// The data requests go out before the first render (the map's worker asks for the same files);
// checking them and building the panels wait until the map has drawn the clusters and their context.
let mapDrawn = () => {};
const drawn = new Promise<void>((resolve) => (mapDrawn = resolve));
void loadData(store, base, checkFile, fetch, drawn);
// The planner's edits are restored beside the bundled data (IndexedDB is read off the main thread).
const journal = startJournal(store, () => openJournalStore());
void journal.ready.then(() => (document.body.dataset.journal = 'restored'));
render(<App store={store} assetBase={base} proximity={proximity} journal={journal} onMapDrawn={mapDrawn} />, document.getElementById('app')!);
syncUrl(store);
runProximity(store, proximity);

// Offline: the production build precaches itself in a service worker (see vite.config.ts),
// once the map is drawn (precaching downloads the whole app again).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void drawn.then(() =>
    navigator.serviceWorker.register(new URL('sw.js', base).href).catch(() => {
      store.getState().notify({ key: 'notice.offlineUnavailable' });
    }),
  );
}
