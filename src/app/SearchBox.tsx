import { useMemo, useState } from 'preact/hooks';
import type { SearchHit } from '../geo/search/search_clusters';
import { selectFilteredIds, selectNameIndex } from '../store/selectors';
import type { AppStore } from '../store/store';
import { t, tn, type MessageKey } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/** Hits listed before "show all". */
const FIRST = 8;

/** Flies to what a hit names and opens it: a cluster's, KCN's or village's details, a commune, an old unit's new home. */
function go(store: AppStore, h: SearchHit, visible: ReadonlySet<string>): void {
  const s = store.getState();
  switch (h.kind) {
    case 'cluster':
      s.setFocus(h.id);
      s.flyTo(h.id);
      if (!visible.has(h.id)) s.notify({ key: 'search.hiddenNotice', params: { name: h.name } });
      return;
    case 'zone':
    case 'village':
      if (h.kind === 'zone' && !s.showZones) s.setLayer('zones', true);
      if (h.kind === 'village' && !s.showVillages) s.setLayer('villages', true);
      s.openPlace({ kind: h.kind, id: h.id });
      s.flyTo(h.id, h.kind);
      return;
    case 'commune':
      if (!s.showCommunes) s.setLayer('communes', true);
      s.flyTo(h.id, 'commune');
      return;
    case 'oldCommune': {
      const c = s.oldUnits?.communes[Number(h.id.slice(1))];
      if (!c) return;
      // Documents name the old commune; the map shows where it lies now, and says so.
      if (c.now_code) s.flyTo(c.now_code, 'commune');
      else s.jumpTo({ lon: c.lon, lat: c.lat, zoom: 13 });
      s.notify(c.now_name ? { key: 'search.nowIn', params: { old: c.name, district: c.district, now: c.now_name } } : { key: 'search.nowUnknown', params: { old: c.name, district: c.district } });
      return;
    }
    case 'oldDistrict': {
      const d = s.oldUnits?.districts[Number(h.id.slice(1))];
      if (d) s.flyToBox(d.bbox);
      return;
    }
  }
}

/**
 * Search over every layer, accent-, tone-, case- and punctuation-insensitive: clusters, KCN,
 * craft villages, 2025 communes and the old communes and districts documents still name. Each
 * hit says what it is and why it matched; all hits are reachable.
 */
export function SearchBox() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const index = useStore(selectNameIndex);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [all, setAll] = useState(false);
  const visible = useStore(selectFilteredIds);
  const visibleSet = useMemo(() => new Set(visible), [visible]);
  const hits = useMemo(() => index.search(q), [index, q]);
  const shown = all ? hits : hits.slice(0, FIRST);
  const choose = (h: SearchHit) => {
    go(store, h, visibleSet);
    setQ('');
    setAll(false);
  };
  return (
    <div class="search" role="combobox" aria-expanded={hits.length > 0} aria-haspopup="listbox">
      <input
        type="search"
        value={q}
        placeholder={t(lang, 'search.placeholder')}
        aria-label={t(lang, 'search.label')}
        data-testid="search"
        onInput={(e) => {
          setQ(e.currentTarget.value);
          setActive(0);
          setAll(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && shown[active]) choose(shown[active]);
          else if (e.key === 'Escape') setQ('');
        }}
      />
      {q.trim() !== '' && (
        <ul class="search-results" role="listbox" data-testid="search-results" aria-label={tn(lang, 'search.count', hits.length)}>
          {hits.length === 0 && <li class="none">{t(lang, 'search.none')}</li>}
          {hits.length > 0 && <li class="count" data-testid="search-count">{tn(lang, 'search.count', hits.length)}</li>}
          {shown.map((h, i) => (
            <li key={`${h.kind}:${h.id}`} role="option" aria-selected={i === active} data-kind={h.kind}>
              <button type="button" onClick={() => choose(h)}>
                <small class="kind">{t(lang, `place.kind.${h.kind}`)}</small> {h.name}
                {h.field && <small class="hint why"> · {t(lang, `search.why.${h.field}` as MessageKey)}</small>}
                {h.kind === 'cluster' && !visibleSet.has(h.id) && <small class="hint"> ({t(lang, 'search.hidden')})</small>}
              </button>
            </li>
          ))}
          {!all && hits.length > FIRST && (
            <li class="more">
              <button type="button" data-testid="search-more" onClick={() => setAll(true)}>{t(lang, 'search.more', { n: hits.length })}</button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
