import { useMemo, useState } from 'preact/hooks';
import { selectFilteredIds, selectNameIndex } from '../store/selectors';
import { t } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/** Accent-insensitive search; choosing a result flies to it and opens its details. */
export function SearchBox() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const index = useStore(selectNameIndex);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const visible = useStore(selectFilteredIds);
  const visibleSet = useMemo(() => new Set(visible), [visible]);
  const hits = useMemo(() => index.search(q, 8), [index, q]);
  const choose = (id: string) => {
    const s = store.getState();
    s.setFocus(id);
    s.flyTo(id);
    if (!visibleSet.has(id)) s.notify({ key: 'search.hiddenNotice', params: { name: hits.find((h) => h.id === id)?.name ?? id } });
    setQ('');
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
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) choose(hits[active].id);
          else if (e.key === 'Escape') setQ('');
        }}
      />
      {q.trim() !== '' && (
        <ul class="search-results" role="listbox" data-testid="search-results">
          {hits.length === 0 && <li class="none">{t(lang, 'search.none')}</li>}
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active}>
              <button type="button" onClick={() => choose(h.id)}>
                {h.name}
                {!visibleSet.has(h.id) && <small class="hint"> ({t(lang, 'search.hidden')})</small>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
