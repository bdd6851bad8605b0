import { formatNumber } from '../geo/format';
import type { Compared, ReconciliationRow } from '../geo/dataset/reconcile';
import { selectReconciliation } from '../store/selectors';
import { t, type MessageKey } from './i18n';
import { useStore } from './use_store';

const METRICS = [
  ['planned', 'reconcile.planned'],
  ['established', 'reconcile.established'],
  ['operating', 'reconcile.operating'],
  ['planned_ha', 'reconcile.ha'],
  ['wwtp', 'reconcile.wwtp'],
] as const satisfies readonly (readonly [keyof ReconciliationRow, MessageKey])[];

function Cell({ c, lang }: { c: Compared; lang: 'vi' | 'en' }) {
  if (c.reported === null) return <td>{formatNumber(c.dataset, lang)} / —</td>;
  const gap = c.gap ?? 0;
  return (
    <td class={gap < 0 ? 'gap-neg' : gap > 0 ? 'gap-pos' : ''}>
      {formatNumber(c.dataset, lang)} / {formatNumber(c.reported, lang)}
      {gap !== 0 && <small><br />({gap > 0 ? '+' : ''}{formatNumber(gap, lang)})</small>}
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
                <th scope="col" />
                {rec.rows.map((r) => (
                  <th scope="col" key={r.ex_province}>{r.ex_province === 'Total' ? t(lang, 'stats.total') : r.ex_province}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {METRICS.map(([key, label]) => (
                <tr key={key} data-row={key}>
                  <th scope="row">{t(lang, label)}</th>
                  {rec.rows.map((r) => (
                    <Cell key={r.ex_province} c={r[key]} lang={lang} />
                  ))}
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
