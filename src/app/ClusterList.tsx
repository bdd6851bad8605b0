import { useMemo, useState } from 'preact/hooks';
import { formatHa } from '../geo/format';
import type { ClusterProps } from '../geo/types';
import { selectClusterById, selectFilteredIds, selectSelectedIds } from '../store/selectors';
import { t, type MessageKey } from './i18n';
import { SortHeader, type SortState } from './SortHeader';
import { useAppStoreApi, useStore } from './use_store';

type SortKey = 'name' | 'ex_province' | 'status' | 'planned_area_ha' | 'wwtp';
const STATUS_ORDER = { planned: 0, established: 1, operating: 2, withdrawn: 3 } as const;

function compare(a: ClusterProps, b: ClusterProps, key: SortKey): number {
  switch (key) {
    case 'planned_area_ha':
      // Clusters without an area sort last either way round.
      return (a.planned_area_ha ?? -Infinity) - (b.planned_area_ha ?? -Infinity);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    default:
      return a[key].localeCompare(b[key], 'vi');
  }
}

/** The filtered clusters as a sortable table in step with the map: click a row to fly there. */
export function ClusterList() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const ids = useStore(selectFilteredIds);
  const lookup = useStore(selectClusterById);
  const selected = useStore(selectSelectedIds);
  const focusId = useStore((s) => s.focusId);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'name', asc: true });
  const rows = useMemo(() => {
    const ps = ids.map((id) => lookup.get(id)!.properties);
    ps.sort((a, b) => (sort.asc ? 1 : -1) * compare(a, b, sort.key) || a.name.localeCompare(b.name, 'vi'));
    return ps;
  }, [ids, lookup, sort]);
  const sel = useMemo(() => new Set(selected), [selected]);
  const th = (key: SortKey, label: MessageKey) => <SortHeader col={key} label={t(lang, label)} sort={sort} onSort={setSort} />;
  return (
    <div class="panel" data-testid="cluster-list">
      <h2>{t(lang, 'list.title', { n: rows.length })}</h2>
      <table class="stats prox-table">
        <thead>
          <tr>
            {th('name', 'prox.col.name')}
            {th('ex_province', 'stats.province')}
            {th('status', 'details.status')}
            {th('planned_area_ha', 'list.area')}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-id={p.id} class={`clickable${sel.has(p.id) ? ' selected' : ''}${focusId === p.id ? ' focused' : ''}`}
              onClick={(e) => {
                const s = store.getState();
                s.select([p.id], e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
                s.setFocus(p.id);
                s.flyTo(p.id);
              }}>
              {/* (a button, so Tab reaches the row and Enter opens it; its click is the row's) */}
              <td><button type="button" class="row-link">{p.name}</button></td>
              <td>{p.ex_province}</td>
              <td>{t(lang, `status.${p.status}` as MessageKey)}</td>
              <td>{p.planned_area_ha === null ? <span class="nodata">—</span> : formatHa(p.planned_area_ha, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
