import { useMemo, useState } from 'preact/hooks';
import type { ClusterStats } from '../geo/dataset/cluster_stats';
import { NO_COMMUNE } from '../geo/dataset/filter_clusters';
import { formatHa, formatNumber } from '../geo/format';
import { EX_PROVINCES } from '../geo/types';
import { selectCommuneList, selectFilteredCommuneStats, selectFilteredStats } from '../store/selectors';
import { downloadText } from './download';
import { t } from './i18n';
import { SortHeader, type SortState } from './SortHeader';
import { useStore } from './use_store';

type Col = 'name' | keyof Pick<ClusterStats, 'count' | 'plannedAreaHa' | 'operating' | 'withoutWwtp' | 'wwtpUnknown'>;
const NUM_COLS: readonly Exclude<Col, 'name'>[] = ['count', 'plannedAreaHa', 'operating', 'withoutWwtp', 'wwtpUnknown'];
const COL_LABEL = { count: 'stats.count', plannedAreaHa: 'stats.area', operating: 'stats.operating', withoutWwtp: 'stats.noWwtp', wwtpUnknown: 'stats.wwtpUnknown' } as const;

/**
 * Statistics of the filtered clusters per ex-province or per 2025 commune (sortable, as CSV),
 * with the total.
 */
export function StatsPanel() {
  const lang = useStore((s) => s.lang);
  const stats = useStore(selectFilteredStats);
  const byCommune = useStore(selectFilteredCommuneStats);
  const communes = useStore(selectCommuneList);
  const [by, setBy] = useState<'province' | 'commune'>('province');
  const [sort, setSort] = useState<SortState<Col>>({ key: 'name', asc: true });
  const names = useMemo(() => new Map(communes.map((c) => [c.code, c.name])), [communes]);
  const groups: [string, ClusterStats][] =
    by === 'province'
      ? EX_PROVINCES.map((p) => [p, stats.byProvince[p]])
      : [...byCommune].map(([code, s]) => [code === NO_COMMUNE ? t(lang, 'filter.noCommune') : names.get(code) ?? code, s]);
  if (by === 'commune') {
    const k = sort.key;
    groups.sort((a, b) => (k === 'name' ? a[0].localeCompare(b[0], 'vi') : a[1][k] - b[1][k] || a[0].localeCompare(b[0], 'vi')) * (sort.asc ? 1 : -1));
  }
  const rows: [string, ClusterStats, boolean][] = [...groups.map(([n, s]) => [n, s, false] as [string, ClusterStats, boolean]), [t(lang, 'stats.total'), stats.total, true]];
  const nameLabel = t(lang, by === 'province' ? 'stats.province' : 'stats.commune');
  // (the CSV writer loads on first use: it is not needed to open the map)
  const download = async () => {
    const { statsCsv } = await import('../geo/dataset/stats_csv');
    const header = [nameLabel, ...NUM_COLS.map((c) => t(lang, COL_LABEL[c]))];
    downloadText(statsCsv(header, rows.map(([n, s]) => [n, ...NUM_COLS.map((c) => (c === 'plannedAreaHa' && s.count <= s.withoutArea ? '' : s[c]))])), by === 'province' ? 'thong_ke_tinh_cu.csv' : 'thong_ke_xa_phuong_2025.csv', 'text/csv;charset=utf-8');
  };
  return (
    <div class="panel" data-testid="stats">
      <h2>{t(lang, 'stats.title')}</h2>
      <div class="stats-by" role="radiogroup" aria-label={t(lang, 'stats.by')}>
        <span>{t(lang, 'stats.by')}</span>
        {(['province', 'commune'] as const).map((b) => (
          <label key={b}>
            <input type="radio" name="stats-by" checked={by === b} onChange={() => setBy(b)} data-testid={`stats-by-${b}`} />
            {t(lang, b === 'province' ? 'stats.byProvince' : 'stats.byCommune')}
          </label>
        ))}
        <button type="button" onClick={() => void download()} data-testid="stats-csv">{t(lang, 'stats.csv')}</button>
      </div>
      <div class="stats-scroll">
        <table class="stats">
          <thead>
            <tr>
              {by === 'commune' ? <SortHeader col="name" label={nameLabel} sort={sort} onSort={setSort} /> : <th scope="col">{nameLabel}</th>}
              {NUM_COLS.map((c) => (by === 'commune' ? <SortHeader key={c} col={c} label={t(lang, COL_LABEL[c])} sort={sort} onSort={setSort} /> : <th key={c} scope="col">{t(lang, COL_LABEL[c])}</th>))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, r, total]) => (
              <tr key={name} class={total ? 'total' : ''} data-row={total ? 'total' : name}>
                <th scope="row">{name}</th>
                <td>{formatNumber(r.count, lang)}</td>
                <td>{r.count > r.withoutArea ? formatHa(r.plannedAreaHa, lang) : <span class="nodata">—</span>}</td>
                <td>{formatNumber(r.operating, lang)}</td>
                <td>{formatNumber(r.withoutWwtp, lang)}</td>
                <td>{formatNumber(r.wwtpUnknown, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stats.total.withoutArea > 0 && <p class="hint">{t(lang, 'stats.withoutArea', { n: stats.total.withoutArea })}</p>}
    </div>
  );
}
