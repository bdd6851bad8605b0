import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { MapEvents } from '../map/map_view';
import { reportMapErrors } from '../map/sync';
import { idsInArea, type ProximityService } from '../store/proximity_service';
import type { AppStore } from '../store/store';

/**
 * What the planner's gestures on the map do to the store: click selects and opens
 * details (Shift/Ctrl-click adds or removes), Shift-drag adds a box, a drawn area adds
 * the visible clusters it touches.
 */
export function mapActions(store: AppStore, proximity: ProximityService, onReady: () => void): MapEvents {
  let n = 0;
  return {
    onClusterClick(id, { add }) {
      const s = store.getState();
      if (!id) {
        if (!add) s.setFocus(null);
        return;
      }
      s.select([id], add ? 'toggle' : 'replace');
      const selected = store.getState().selection;
      s.setFocus(selected.type === 'clusters' && selected.ids.includes(id) ? id : null);
    },
    onPlacesClick(hits, point, { add }) {
      const s = store.getState();
      const clusters = hits.filter((h) => h.kind === 'cluster');
      // Shift/Ctrl-click edits the selection, which holds clusters only.
      if (add || !hits.length) return this.onClusterClick(clusters[0]?.id ?? null, { add });
      if (hits.length > 1) return s.choose({ hits, ...point });
      const [h] = hits;
      if (h!.kind === 'cluster') return this.onClusterClick(h!.id, { add: false });
      s.openPlace({ kind: h!.kind, id: h!.id });
    },
    onBoxSelect(ids) {
      store.getState().select(ids, 'add');
    },
    onAreaDrawn(f: Feature<Polygon | MultiPolygon>) {
      const s = store.getState();
      s.addArea({ type: 'Feature', properties: { id: `area-${++n}`, source: 'drawn' }, geometry: f.geometry });
      s.setTool('pan');
      void idsInArea(store, proximity, f.geometry).then((ids) => store.getState().select(ids, 'add'));
    },
    onImportedClick(properties) {
      store.getState().inspect(properties);
    },
    onFootprintChange(geometry) {
      store.getState().patchEditor({ draft: geometry, draftChanged: true });
    },
    onFootprintTool(tool) {
      store.getState().patchEditor({ tool });
    },
    onFootprintHistory(h) {
      store.getState().patchEditor(h);
    },
    onSourceError: reportMapErrors(store),
    onMoveEnd: (c) => store.getState().setCamera(c),
    onReady,
  };
}
