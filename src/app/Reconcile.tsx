import { formatNumber } from '../geo/format';
import type { Compared } from '../geo/reconcile';
import { selectReconciliation } from '../store/selectors';
import { t } from './i18n';
import { useStore } from './use_store';

function Cell({ c, lang }: { c: Compared; lang: 'vi' | 'en' }) {
  if (c.reported === null) return <td>{formatNumber(c.dataset, lang)} / —</td>;
  const gap = c.gap ?? 0;
  return (
    <td class={gap < 0 ? 'gap-neg' : gap > 0 ? 'gap-pos' : ''}>
      {formatNumber(c.dataset, lang)} / {formatNumber(c.reported, lang)}
      {gap !== 0 && <small> ({gap > 0 ? '+' : ''}{formatNumber(gap, lang)})</small>}
    </td>
  );
}

/** Dataset vs reported figures per ex-province; gaps are shown, not hidden. */
export function Reconcile() {
  const lang = useStore((s) => s.lang);
  const rec = useStore(selectReconciliation);
  return (
    <div class="panel" data-testid="reconcile">
      <h2>{t(lang, 'reconcile.title')}</h2>
      {!rec ? (
        <p class="hint">{t(lang, 'reconcile.missing')}</p>
      ) : (
        <>
          <p class="hint">{t(lang, 'reconcile.explain')}</p>
          <table class="stats reconcile">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'stats.province')}</th>
                <th scope="col">{t(lang, 'reconcile.planned')}</th>
                <th scope="col">{t(lang, 'reconcile.established')}</th>
                <th scope="col">{t(lang, 'reconcile.operating')}</th>
                <th scope="col">{t(lang, 'reconcile.ha')}</th>
                <th scope="col">{t(lang, 'reconcile.wwtp')}</th>
              </tr>
            </thead>
            <tbody>
              {rec.rows.map((r) => (
                <tr key={r.ex_province} data-row={r.ex_province} class={r.ex_province === 'Total' ? 'total' : ''}>
                  <th scope="row">{r.ex_province === 'Total' ? t(lang, 'stats.total') : r.ex_province}</th>
                  <Cell c={r.planned} lang={lang} />
                  <Cell c={r.established} lang={lang} />
                  <Cell c={r.operating} lang={lang} />
                  <Cell c={r.planned_ha} lang={lang} />
                  <Cell c={r.wwtp} lang={lang} />
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t(lang, 'details.sources')}</h3>
          <ul class="sources">
            {rec.sources.map((u) => (
              <li key={u}>
                {/^https?:\/\//.test(u) ? <a href={u} target="_blank" rel="noopener noreferrer">{u}</a> : u}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
