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
import { createSurveyClient } from '../store/survey_client';

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
// The planner's edits are read once the map is drawn too: reading and deserialising them
// competes with the map's start for both cores. The data is handed over after them, so the
// panels never show the clusters unedited (but a storage that never answers does not hold the
// data back: the journal is applied whenever it comes).
const JOURNAL_WAIT_MS = 4000;
const journal = startJournal(store, () => drawn.then(() => import('../store/journal_db')).then((m) => m.openJournalStore()));
const journalOrLater = drawn.then(() => Promise.race([journal.ready, new Promise((r) => setTimeout(r, JOURNAL_WAIT_MS))]));
void loadData(store, base, checkFile, fetch, journalOrLater);
const survey = createSurveyClient(() => new Worker(new URL('../geo/io/survey/survey.worker.ts', import.meta.url), { type: 'module' }));
void journal.ready.then(() => (document.body.dataset.journal = 'restored'));
render(<App store={store} assetBase={base} proximity={proximity} journal={journal} survey={survey} onMapDrawn={mapDrawn} />, document.getElementById('app')!);
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
