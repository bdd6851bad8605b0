import { bboxOf } from '../geo/dataset/bbox_of';
import { selectClusterById, selectFilteredIds } from '../store/selectors';
import { t } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/** Zooms the map to what the filter keeps. */
export function ZoomToFiltered() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const n = useStore(selectFilteredIds).length;
  const zoom = () => {
    const s = store.getState();
    const lookup = selectClusterById(s);
    const b = bboxOf(selectFilteredIds(s).map((id) => lookup.get(id)!));
    if (b) s.flyToBox(b);
  };
  return <button type="button" data-testid="zoom-filtered" disabled={n === 0} onClick={zoom}>{t(lang, 'list.zoomFiltered')}</button>;
}

