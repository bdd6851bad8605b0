import { useMemo, useState } from 'preact/hooks';
import { NO_COMMUNE } from '../geo/dataset/filter_clusters';
import { formatNumber } from '../geo/format';
import { foldDiacritics } from '../geo/search/fold_diacritics';
import { selectCommuneList } from '../store/selectors';
import { t } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/**
 * Filter by 2025 commune or ward: 129 of them, so the planner types to find one and ticks it;
 * the chosen ones stay listed above the search. None chosen means all pass.
 */
export function CommuneFacet() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const chosen = useStore((s) => s.filter.communes);
  const list = useStore(selectCommuneList);
  const [q, setQ] = useState('');
  const byCode = useMemo(() => new Map(list.map((c) => [c.code, c])), [list]);
  const set = (next: string[]) => store.getState().setFilter({ communes: next.length ? next : null });
  const on = new Set(chosen ?? []);
  const fq = foldDiacritics(q).replace(/^(xa|phuong)\s+/, '');
  // (folded as the search folds names: "hien khanh" finds "Xã Hiển Khánh")
  const hits = list.filter((c) => !on.has(c.code) && (!fq || foldDiacritics(c.name).includes(fq)));
  // Before any typing, the communes that hold a cluster; typing reaches all 129.
  const shown = fq ? hits : hits.filter((c) => c.clusters > 0);
  const label = (code: string) => (code === NO_COMMUNE ? t(lang, 'filter.noCommune') : byCode.get(code)?.name ?? code);
  if (!list.length) return null;
  return (
    <fieldset class="facet communes" data-testid="facet-commune">
      <legend>{t(lang, 'filter.commune')}</legend>
      {chosen ? (
        <ul class="chips">
          {chosen.map((code) => (
            <li key={code}>
              <span>{label(code)}</span>
              <button type="button" aria-label={t(lang, 'filter.communeRemove', { name: label(code) })} onClick={() => set(chosen.filter((c) => c !== code))}>×</button>
            </li>
          ))}
          <li><button type="button" class="link" onClick={() => set([])}>{t(lang, 'filter.communeClear')}</button></li>
        </ul>
      ) : (
        <p class="hint">{t(lang, 'filter.communeHint')}</p>
      )}
      <input type="search" value={q} placeholder={t(lang, 'filter.communeSearch')} aria-label={t(lang, 'filter.communeSearch')} data-testid="commune-search" onInput={(e) => setQ(e.currentTarget.value)} />
      <div class="commune-list" role="group" aria-label={t(lang, 'filter.commune')}>
        {shown.map((c) => (
          <label key={c.code} class={c.clusters ? '' : 'empty'}>
            <input type="checkbox" checked={false} value={c.code} onChange={() => set([...(chosen ?? []), c.code])} />
            {c.name} <small>({t(lang, 'filter.communeCount', { n: formatNumber(c.clusters, lang) })})</small>
          </label>
        ))}
        {!shown.length && <p class="hint">{t(lang, 'filter.communeNone')}</p>}
      </div>
    </fieldset>
  );
}
