import type { AppStore } from '../store/store';
import { selectClusterById, selectFilteredIds, selectProposals, selectProxOverlay } from '../store/selectors';
import type { Store } from '../store/types';
import type { MapView } from './map_view';
import { SRC } from './ids';
import type { ClusterGeometry } from '../geo/types';

const loaded = (s: Store): boolean => s.dataStatus === 'ready' || s.dataStatus === 'error';

/**
 * Pushes store changes into the map, outside Preact: data only when it changed;
 * the filter, the selection and the focus as feature state (no tile is rebuilt).
 *
 * @param store - the app store
 * @param view - the map
 * @returns unsubscribe
 */
export function syncMapWithStore(store: AppStore, view: MapView): () => void {
  let prev: Store | null = null;
  const apply = (s: Store) => {
    const p = prev;
    // (set first: the map's own events, e.g. from the footprint editor, can update the store while this runs)
    prev = s;
    // The map loads the bundled files itself; once the store has loaded (and checked) them,
    // it is told what is usable: a file that failed is taken off the map.
    if (loaded(s)) {
      const fresh = !p || !loaded(p);
      if (fresh || s.exProvinces !== p.exProvinces || s.province !== p.province || s.zones !== p.zones) {
        view.setContext({ exProvinces: s.exProvinces, province: s.province, zones: s.zones });
      }
      if (fresh || s.clusters !== p.clusters) view.setClusters(s.clusters, s.clusters === s.baseClusters);
      if (fresh || s.villages !== p.villages) view.setVillages(s.villages);
    }
    const ids = selectFilteredIds(s);
    if (!p || ids !== selectFilteredIds(p)) view.setVisibleClusters(s.clusters && ids.length === s.clusters.features.length ? null : ids);
    if (!p || s.selection !== p.selection) view.setSelection(s.selection.type === 'clusters' ? s.selection.ids : []);
    if (!p || s.focusId !== p.focusId) view.setFocus(s.focusId);
    if (!p || s.showZones !== p.showZones) view.setLayerVisible('zones', s.showZones);
    if (!p || s.showVillages !== p.showVillages) view.setLayerVisible('villages', s.showVillages);
    if (!p || s.showCommunes !== p.showCommunes) view.setLayerVisible('communes', s.showCommunes);
    if (!p || s.showCommunes2009 !== p.showCommunes2009) view.setLayerVisible('communes2009', s.showCommunes2009);
    if (!p || s.communes !== p.communes) view.setCommunes(s.communes);
    if (!p || s.areas !== p.areas) view.setAreas({ type: 'FeatureCollection', features: s.areas });
    if (!p || s.imported !== p.imported) view.setImported(s.imported?.data ?? null);
    // A survey's preview is framed, so the planner sees where the chosen coordinate system puts it.
    if (p && s.survey && s.imported?.bbox && s.imported !== p.imported) view.fitBox(s.imported.bbox);
    if (!p || s.tool !== p.tool) view.setDrawMode(s.tool === 'pan' ? null : s.tool);
    if (!p || s.editor !== p.editor) syncEditor(view, s.editor, p?.editor ?? null);
    const overlay = selectProxOverlay(s);
    if (!p || overlay !== selectProxOverlay(p)) view.setProxOverlay(overlay);
    if (!p || s.basemap !== p.basemap) view.setBasemap(s.basemap);
    if (!p || s.lang !== p.lang) view.setLanguage(s.lang);
    if (!p || s.proposalId !== p.proposalId || s.journal !== p.journal) view.setProposal(selectProposals(s).find((x) => x.id === s.proposalId)?.geometry ?? null);
    if (p && s.fitRequest !== p.fitRequest) view.fit(s.province);
    if (s.cameraRequest && s.cameraRequest !== p?.cameraRequest) view.jumpTo(s.cameraRequest);
    if (s.flyRequest && s.flyRequest !== p?.flyRequest) {
      const { id, layer, bbox } = s.flyRequest;
      const f =
        layer === 'zone' ? s.zones?.features.find((z) => z.properties.id === id)
        : layer === 'village' ? s.villages?.features.find((v) => v.properties.id === id)
        : layer === 'commune' ? s.communes?.features.find((c) => c.properties.code === id && c.geometry.type !== 'Point')
        : layer === 'box' ? undefined
        : selectClusterById(s).get(id);
      if (f) view.flyTo(f);
      else if (bbox) view.fitBox(bbox);
    }
  };
  let unsub = () => {};
  view.whenReady().then(() => {
    apply(store.getState());
    unsub = store.subscribe(apply);
  });
  return () => unsub();
}

/** Opens, switches and closes the footprint editor; the draft itself flows back from the map. */
function syncEditor(view: MapView, e: Store['editor'], before: Store['editor']): void {
  const polygonal = (g: ClusterGeometry | null | undefined) => (g && g.type !== 'Point' ? g : null);
  if (!e) return before ? view.setFootprintEdit(null) : undefined;
  if (before && before.id !== e.id) view.setFootprintEdit(null);
  if (!before || before.id !== e.id || before.tool !== e.tool) view.setFootprintEdit({ tool: e.tool, draft: polygonal(e.draft) });
  if (e.command && e.command !== before?.command) view.footprintCommand(e.command.kind, polygonal(e.draft));
}

/**
 * Turns map errors into one notice per failing source; the bundled layers keep working. The
 * satellite imagery's failure is told once per session: every tile that fails reports again,
 * at each pan and each time the planner switches it back on.
 */
export function reportMapErrors(store: AppStore) {
  let imageryTold = false;
  return (sourceId: string, message: string) => {
    if (sourceId === SRC.osm) store.getState().notify({ key: 'notice.basemapFailed' });
    else if (sourceId === SRC.imagery) {
      if (!imageryTold) store.getState().notify({ key: 'notice.imageryFailed' });
      imageryTold = true;
    } else store.getState().notify({ key: 'notice.mapError', params: { source: sourceId || '—', message } });
  };
}
