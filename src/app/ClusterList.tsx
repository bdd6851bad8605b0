import { useMemo, useState } from 'preact/hooks';
import { compareBy, LIST_COLUMNS, type ListColumn } from '../geo/dataset/list_columns';
import { formatHa, formatNumber } from '../geo/format';
import type { ClusterProps } from '../geo/types';
import { selectClusterById, selectFilteredIds, selectSelectedIds } from '../store/selectors';
import type { Store } from '../store/types';
import { t, type MessageKey } from './i18n';
import { FlyButton } from './FlyButton';
import { SortHeader, type SortState } from './SortHeader';
import { ZoomToFiltered } from './ZoomToFiltered';
import { useAppStoreApi, useStore } from './use_store';

type SortKey = ListColumn | 'name';

const HEADING: Record<ListColumn, MessageKey> = {
  ex_province: 'stats.province',
  status: 'details.status',
  wwtp: 'list.col.wwtp',
  planned_area_ha: 'list.area',
  occupancy_pct: 'list.col.occupancy',
  commune_2025: 'list.col.commune2025',
  geometry_quality: 'list.col.geometry',
  sources: 'list.col.sources',
};
const NUMERIC: ReadonlySet<ListColumn> = new Set(['planned_area_ha', 'occupancy_pct', 'sources']);

function Cell({ p, col, lang }: { p: ClusterProps; col: ListColumn; lang: Store['lang'] }) {
  const none = <span class="nodata">—</span>;
  switch (col) {
    case 'ex_province': return <>{p.ex_province}</>;
    case 'status': return <>{t(lang, `status.${p.status}` as MessageKey)}</>;
    case 'wwtp': return <>{t(lang, `wwtp.${p.wwtp}` as MessageKey)}</>;
    case 'planned_area_ha': return p.planned_area_ha === null ? none : <>{formatHa(p.planned_area_ha, lang)}</>;
    case 'occupancy_pct': return p.occupancy_pct === null ? none : <>{formatNumber(p.occupancy_pct, lang, 1)} %</>;
    case 'commune_2025': return p.commune_2025 ? <>{p.commune_2025}</> : none;
    case 'geometry_quality': return <>{t(lang, `geomShort.${p.geometry_quality}` as MessageKey)}</>;
    case 'sources': return <>{formatNumber(p.sources?.length ?? 0, lang)}</>;
  }
}

/** The filtered clusters as a sortable table in step with the map: a row selects and opens its cluster; the crosshair flies there. */
export function ClusterList() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const ids = useStore(selectFilteredIds);
  const lookup = useStore(selectClusterById);
  const selected = useStore(selectSelectedIds);
  const focusId = useStore((s) => s.focusId);
  const cols = useStore((s) => s.listColumns);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'name', asc: true });
  const [choosing, setChoosing] = useState(false);
  const rows = useMemo(() => {
    const ps = ids.map((id) => lookup.get(id)!.properties);
    ps.sort((a, b) => compareBy(a, b, sort.key, sort.asc ? 1 : -1));
    return ps;
  }, [ids, lookup, sort]);
  const sel = useMemo(() => new Set(selected), [selected]);
  const th = (key: SortKey, label: MessageKey) => <SortHeader col={key} label={t(lang, label)} sort={sort} onSort={setSort} />;
  const toggleCol = (c: ListColumn) => store.getState().setListColumns(cols.includes(c) ? cols.filter((x) => x !== c) : [...cols, c]);
  return (
    <div class="panel" data-testid="cluster-list">
      <h2>{t(lang, 'list.title', { n: rows.length })}</h2>
      <div class="buttons">
        <ZoomToFiltered />
        <button type="button" aria-expanded={choosing} data-testid="list-columns" onClick={() => setChoosing(!choosing)}>{t(lang, 'list.columns')}</button>
      </div>
      {choosing && (
        <fieldset class="facet" data-testid="list-columns-menu">
          <legend>{t(lang, 'list.columns')}</legend>
          {LIST_COLUMNS.map((c) => (
            <label key={c}><input type="checkbox" checked={cols.includes(c)} value={c} onChange={() => toggleCol(c)} />{t(lang, HEADING[c])}</label>
          ))}
        </fieldset>
      )}
      <div class="table-scroll">
        <table class="stats prox-table list-table">
          <thead>
            <tr>
              {th('name', 'prox.col.name')}
              {cols.map((c) => th(c, HEADING[c]))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-id={p.id} class={`clickable${sel.has(p.id) ? ' selected' : ''}${focusId === p.id ? ' focused' : ''}`}
                onClick={(e) => {
                  const s = store.getState();
                  s.select([p.id], e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
                  s.setFocus(p.id);
                }}>
                {/* (a button, so Tab reaches the row and Enter opens it; its click is the row's) */}
                <td>
                  <button type="button" class="row-link">{p.name}</button>
                  <FlyButton name={p.name} onFly={() => store.getState().flyTo(p.id)} />
                </td>
                {cols.map((c) => <td key={c} class={NUMERIC.has(c) ? 'num' : undefined}><Cell p={p} col={c} lang={lang} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
