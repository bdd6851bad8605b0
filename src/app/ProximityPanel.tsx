import { useMemo, useState } from 'preact/hooks';
import { formatKm, formatNumber } from '../geo/format';
import { selectClusterById, selectProxRows } from '../store/selectors';
import { PROX_KM_MAX, PROX_KM_MIN } from '../store/store';
import type { ProxKind } from '../store/types';
import { t, tn, type MessageKey } from './i18n';
import { SortHeader, type SortState } from './SortHeader';
import { useAppStoreApi, useStore } from './use_store';

type SortKey = 'name' | 'province' | 'distance';
const KINDS: ProxKind[] = ['satellites', 'nearestZones', 'villagesNearCluster', 'nearestClusters'];

/** Proximity questions: satellites of a KCN, nearest KCN, villages near a cluster, nearest cluster of each village. */
export function ProximityPanel() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const prox = useStore((s) => s.prox);
  const status = useStore((s) => s.proxStatus);
  const error = useStore((s) => s.proxError);
  const rows = useStore(selectProxRows);
  const zones = useStore((s) => s.zones);
  const villages = useStore((s) => s.villages);
  const clusters = useStore(selectClusterById);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'distance', asc: true });
  const s = store.getState();

  const names = useMemo(() => {
    const m = new Map<string, { name: string; province: string }>();
    for (const f of zones?.features ?? []) m.set(`zone:${f.properties.id}`, { name: f.properties.name, province: f.properties.ex_province });
    for (const f of villages?.features ?? []) m.set(`village:${f.properties.id}`, { name: f.properties.name, province: f.properties.ex_province });
    for (const [id, f] of clusters) m.set(`cluster:${id}`, { name: f.properties.name, province: f.properties.ex_province });
    return m;
  }, [zones, villages, clusters]);
  const label = (layer: string | null, id: string | null) => (layer && id ? names.get(`${layer}:${id}`) : undefined);

  const sorted = useMemo(() => {
    const r = rows.map((row) => ({ row, info: label(row.layer, row.id) ?? { name: row.id, province: '' } }));
    const dir = sort.asc ? 1 : -1;
    r.sort((a, b) =>
      sort.key === 'distance'
        ? dir * (a.row.distanceKm - b.row.distanceKm)
        : dir * (sort.key === 'name' ? a.info.name : a.info.province).localeCompare(sort.key === 'name' ? b.info.name : b.info.province, 'vi'),
    );
    return r;
  }, [rows, sort, names]);

  const zoneOptions = useMemo(
    () => [...(zones?.features ?? [])].filter((z) => z.geometry.type !== 'Point').sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi')),
    [zones],
  );
  const clusterOptions = useMemo(() => [...clusters.values()].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi')), [clusters]);
  const th = (key: SortKey, text: string) => <SortHeader col={key} label={text} sort={sort} onSort={setSort} />;
  const clusterIds = rows.filter((r) => r.layer === 'cluster').map((r) => r.id);

  return (
    <div class="panel" data-testid="proximity">
      <h2>{t(lang, 'prox.title')}</h2>
      <label class="field">
        {t(lang, 'prox.question')}
        <select value={prox.kind} data-testid="prox-kind" onChange={(e) => s.setProx({ kind: e.currentTarget.value as ProxKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(lang, `prox.kind.${k}` as MessageKey)}</option>
          ))}
        </select>
      </label>
      {prox.kind === 'satellites' && (
        <label class="field">
          {t(lang, 'prox.zone')}
          <select value={prox.zoneId ?? ''} data-testid="prox-zone" onChange={(e) => s.setProx({ zoneId: e.currentTarget.value || null })}>
            <option value="">{t(lang, 'prox.choose')}</option>
            {zoneOptions.map((z) => (
              <option key={z.properties.id} value={z.properties.id}>{z.properties.name} ({z.properties.ex_province})</option>
            ))}
          </select>
        </label>
      )}
      {prox.kind === 'villagesNearCluster' && (
        <label class="field">
          {t(lang, 'prox.cluster')}
          <select value={prox.clusterId ?? ''} data-testid="prox-cluster" onChange={(e) => s.setProx({ clusterId: e.currentTarget.value || null })}>
            <option value="">{t(lang, 'prox.choose')}</option>
            {clusterOptions.map((c) => (
              <option key={c.properties.id} value={c.properties.id}>{c.properties.name}</option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        {t(lang, 'prox.distance', { km: formatKm(prox.km, lang) })}
        <input type="range" min={PROX_KM_MIN} max={PROX_KM_MAX} step="0.5" value={prox.km} data-testid="prox-km"
          onInput={(e) => s.setProx({ km: Number(e.currentTarget.value) })} />
      </label>
      {status === 'running' && <p class="hint" role="status">{t(lang, 'prox.running')}</p>}
      {status === 'error' && <p class="load-error-inline" role="alert">{error}</p>}
      <p data-testid="prox-count">{tn(lang, 'prox.count', rows.length, { n: formatNumber(rows.length, lang) })}</p>
      {clusterIds.length > 0 && (
        <button type="button" data-testid="prox-select" onClick={() => s.select(clusterIds, 'replace')}>
          {t(lang, 'prox.selectThese', { n: clusterIds.length })}
        </button>
      )}
      {sorted.length > 0 && (
        <table class="stats prox-table" data-testid="prox-table">
          <thead>
            <tr>
              {th('name', t(lang, 'prox.col.name'))}
              {th('province', t(lang, 'stats.province'))}
              {th('distance', t(lang, 'prox.col.distance'))}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ row, info }) => {
              const other = label(row.otherLayer, row.otherId);
              return (
                <tr key={row.layer + row.id} data-id={row.id} class="clickable" onClick={() => {
                  if (row.layer === 'cluster') s.setFocus(row.id);
                  else s.openPlace({ kind: row.layer, id: row.id });
                  s.flyTo(row.id, row.layer);
                }}>
                  <td>
                    <button type="button" class="row-link">{info.name}</button>
                    {other && prox.kind.startsWith('nearest') && <small class="hint"><br />→ {other.name}</small>}
                  </td>
                  <td>{info.province}</td>
                  <td>{formatKm(row.distanceKm, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
