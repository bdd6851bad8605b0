import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MapView } from '../map/map_view';
import { syncMapWithStore } from '../map/sync';
import { mapActions } from './map_actions';
import { SelectionBar } from './SelectionBar';
import { MapTools } from './MapTools';
import type { AppStore } from '../store/store';
import { Details } from './Details';
import { Legend } from './Legend';
import { Notices } from './Notices';
import { SearchBox } from './SearchBox';
import { Sidebar } from './Sidebar';
import { lazy } from './lazy';
import type { SurveyClient } from '../store/survey_client';
import { JournalContext, SurveyContext, MapViewContext, ProximityContext, StoreContext, useAppStoreApi, useProximity, useStore } from './use_store';
import { shareLink } from './url_sync';
import type { JournalService } from '../store/journal_service';
import { StorageAlert } from './StorageAlert';

const EditPanel = lazy(() => import('./EditPanel').then((m) => m.EditPanel));
const SurveyPanel = lazy(() => import('./SurveyPanel').then((m) => m.SurveyPanel));
import { PlaceChooser } from './PlaceChooser';
const PlaceDetails = lazy(() => import('./PlaceDetails').then((m) => m.PlaceDetails));
const ImportedDetails = lazy(() => import('./ImportedDetails').then((m) => m.ImportedDetails));
const ReportView = lazy(() => import('./ReportView').then((m) => m.ReportView));
import type { ProximityService } from '../store/proximity_service';
import { t } from './i18n';
import { DATA_FILES } from '../store/load_data';
import { CLUSTER_TILES_DIR } from '../geo/tiles/cluster_tiles_spec';
import { MAP_CONTEXT_FILE } from '../geo/tiles/map_context';

/**
 * The panels render once the map has drawn the clusters, or at the latest this long after the
 * app starts (ms). Until then they could show only "loading" (the data checks wait for the map),
 * and laying them out and rastering them held up the map's start: its first WebGL program
 * waited 200–280 ms for the browser's GPU thread, against 10–20 ms on a page without them.
 */
const PANELS_AFTER_MS = 2500;

function MapPane({ store, assetBase, onDrawn, onClustersDrawn }: { store: AppStore; assetBase: string; onDrawn?: () => void; onClustersDrawn: () => void }) {
  const el = useRef<HTMLDivElement>(null);
  const proximity = useProximity();
  const viewRef = useContext(MapViewContext);
  // A layout effect: the map (and its worker, which fetches the bundled files) starts in the
  // same task as the first render, not a frame later.
  useLayoutEffect(() => {
    const s = store.getState();
    const url = (file: string) => new URL(file, assetBase).href;
    const view = new MapView(
      el.current!,
      assetBase,
      mapActions(store, proximity, () => document.body.setAttribute('data-map-ready', 'true')),
      {
        data: {
          context: url(MAP_CONTEXT_FILE),
          villages: url(DATA_FILES.villages),
        },
        // (new URL would escape the braces of the template)
        clusterTiles: `${url(CLUSTER_TILES_DIR)}/{z}/{x}/{y}.pbf`,
        showZones: s.showZones,
        showVillages: s.showVillages,
        showCommunes: s.showCommunes,
        showCommunes2009: s.showCommunes2009,
        osm: s.basemap === 'osm',
        lang: s.lang,
      },
    );
    // The app's checks start once the map is drawn, context included: on a slow PC they would
    // otherwise hold up the land and boundaries behind the clusters. The panels come once the
    // clusters are drawn (see PANELS_AFTER_MS).
    if (onDrawn) void view.whenContextDrawn().then(onDrawn);
    void view.whenClustersDrawn().then(onClustersDrawn);
    const unsync = syncMapWithStore(store, view);
    viewRef.current = view;
    // For tests and the console: the map's rendered state, read-only use.
    (window as unknown as { __mapView?: MapView }).__mapView = view;
    return () => {
      unsync();
      viewRef.current = null;
      view.destroy();
    };
  }, [store, assetBase, proximity, viewRef, onDrawn, onClustersDrawn]);
  const lang = useStore((s) => s.lang);
  return <div ref={el} class="map" role="region" aria-label={t(lang, 'map.label')} data-testid="map" />;
}

/** The editor takes the details' place while a cluster is edited or added. */
function DetailsOrEditor() {
  const editing = useStore((s) => s.editor);
  const surveying = useStore((s) => !!s.survey);
  const inspecting = useStore((s) => !!s.inspected);
  const place = useStore((s) => !!s.place);
  if (surveying) return <SurveyPanel />;
  if (inspecting && !editing) return <ImportedDetails />;
  if (place && !editing) return <PlaceDetails />;
  // (keyed by cluster: the form starts afresh for each)
  return editing ? <EditPanel key={editing.id ?? 'new'} /> : <Details />;
}

/** Puts the link to what is on screen on the clipboard; where the browser refuses, shows it to copy by hand. */
async function copyLink(store: AppStore): Promise<void> {
  const s = store.getState();
  const url = shareLink(s);
  try {
    await navigator.clipboard.writeText(url);
    s.notify({ key: 'link.copied', params: {} });
  } catch {
    s.notify({ key: 'link.copyFailed', params: { url } });
  }
}

/** The printable report, while one is asked for (its code loads then). */
function ReportSlot() {
  const open = useStore((s) => s.report !== null);
  return open ? <ReportView /> : null;
}

function Header() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  // The page's language and title follow the UI's (screen readers, hyphenation, the tab's name).
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'app.title');
  }, [lang]);
  return (
    <header class="top">
      <div class="brand">
        <h1>{t(lang, 'app.title')}</h1>
        <p>{t(lang, 'app.subtitle')}</p>
      </div>
      <SearchBox />
      <button type="button" class="copy-link" data-testid="copy-link" onClick={() => void copyLink(store)}>{t(lang, 'link.copy')}</button>
      <button class="lang" type="button" aria-label={t(lang, 'lang.label')} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
        {/* the other language's name, in that language */}
        <span lang={lang === 'vi' ? 'en' : 'vi'}>{t(lang, 'lang.switch')}</span>
      </button>
    </header>
  );
}

function LoadState() {
  const lang = useStore((s) => s.lang);
  const status = useStore((s) => s.dataStatus);
  const errors = useStore((s) => s.loadErrors);
  return (
    <>
      {status === 'loading' && <div class="loading" role="status">{t(lang, 'load.loading')}</div>}
      {errors.length > 0 && (
        <div class="load-error" role="alert" data-testid="load-error">
          <strong>{t(lang, 'load.errorTitle')}</strong>
          <ul>
            {errors.map((e) => (
              <li key={e.file + e.message}>{t(lang, 'load.errorFile', { file: e.file, message: e.message })}</li>
            ))}
          </ul>
          {status === 'error' && <p>{t(lang, 'load.noClusters')}</p>}
        </div>
      )}
    </>
  );
}

/**
 * The whole app: header, sidebar, map with legend and details.
 * `onMapDrawn` is called once the map has drawn the clusters and its context for the first time.
 */
export function App({ store, assetBase, proximity, journal, survey, onMapDrawn }: { store: AppStore; assetBase: string; proximity: ProximityService; journal: JournalService; survey: SurveyClient; onMapDrawn?: () => void }) {
  const mapViewRef = useRef<MapView | null>(null);
  const [panels, setPanels] = useState(false);
  const showPanels = useCallback(() => setPanels(true), []);
  useEffect(() => {
    const timer = setTimeout(showPanels, PANELS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [showPanels]);
  return (
    <StoreContext.Provider value={store}>
     <ProximityContext.Provider value={proximity}>
     <JournalContext.Provider value={journal}>
     <SurveyContext.Provider value={survey}>
     <MapViewContext.Provider value={mapViewRef}>
      <Header />
      <main class="body">
        {/* (an empty sidebar keeps its width: the map starts at its final size) */}
        {panels ? <Sidebar /> : <aside class="side" aria-busy="true" />}
        <section class="map-wrap">
          <MapPane store={store} assetBase={assetBase} onDrawn={onMapDrawn} onClustersDrawn={showPanels} />
          <LoadState />
          {panels && <MapTools />}
          {/* notices stack above the selection bar, so neither covers the other's buttons */}
          <div class="map-bottom">
            <Notices />
            {panels && <SelectionBar />}
          </div>
          {panels && <PlaceChooser />}
          <StorageAlert />
          {panels && <Legend />}
        </section>
        {panels && <DetailsOrEditor />}
      </main>
      <ReportSlot />
     </MapViewContext.Provider>
     </SurveyContext.Provider>
     </JournalContext.Provider>
     </ProximityContext.Provider>
    </StoreContext.Provider>
  );
}
