import { formatHa, formatNumber } from '../geo/format';
import { EX_PROVINCES } from '../geo/types';
import { selectSelectionStats } from '../store/selectors';
import { t, tn } from './i18n';
import { ExportMenu } from './ExportMenu';
import { useStore } from './use_store';

/** Count, planned hectares and per-ex-province split of the selection, with export. */
export function SelectionBar() {
  const lang = useStore((s) => s.lang);
  const stats = useStore(selectSelectionStats);
  const clear = useStore((s) => s.clearSelection);
  const n = stats.total.count;
  return (
    <div class="selection-bar" data-testid="selection-bar">
      {n > 0 ? (
        <>
          <strong data-testid="selection-count">{tn(lang, 'sel.count', n, { n: formatNumber(n, lang) })}</strong>
          <span data-testid="selection-area">{formatHa(stats.total.plannedAreaHa, lang)}</span>
          <span class="split">
            {EX_PROVINCES.filter((p) => stats.byProvince[p].count > 0)
              .map((p) => `${p}: ${formatNumber(stats.byProvince[p].count, lang)}`)
              .join(' · ')}
          </span>
          <button type="button" onClick={() => clear()} data-testid="selection-clear">{t(lang, 'sel.clear')}</button>
        </>
      ) : (
        <span class="hint">{t(lang, 'sel.none')}</span>
      )}
      <ExportMenu />
    </div>
  );
}
