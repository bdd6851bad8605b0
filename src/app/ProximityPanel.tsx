import { useMemo, useState } from 'preact/hooks';
import { formatKm, formatNumber } from '../geo/format';
import { rowTrust, type DistanceTrust, type TrustEnd } from '../geo/proximity/distance_trust';
import { PROX_LAYERS, type ProxLayer } from '../geo/proximity/proximity_types';
import { searchKey } from '../geo/search/search_clusters';
import { selectClusterById, selectFilteredIds, selectProxRows } from '../store/selectors';
import { PROX_KM_MAX, PROX_KM_MIN, PROX_N_MAX } from '../store/store';
import { PROX_FROMS, type ProxFrom, type ProxKind, type Store } from '../store/types';
import { t, tn, type MessageKey } from './i18n';
import { FlyButton } from './FlyButton';
import { SortHeader, type SortState } from './SortHeader';
import { useAppStoreApi, useStore } from './use_store';

type SortKey = 'name' | 'province' | 'distance' | 'from';
const KINDS: ProxKind[] = ['union', 'satellites', 'nearestZones', 'villagesNearCluster', 'nearestClusters'];
/** Most matches the KCN/village picker lists at once (the rest: type more, or "choose all"). */
const PICK_SHOWN = 40;

interface Named extends TrustEnd {
  name: string;
  province: string;
}

/** The chosen KCN or craft villages of a union question: search, tick, or take every match. */
function SourcePicker({ layer }: { layer: 'zones' | 'villages' }) {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const chosen = useStore((s) => s.prox.fromIds);
  const features = useStore((s) => (layer === 'zones' ? s.zones : s.villages)?.features);
  const [q, setQ] = useState('');
  const all = useMemo(() => [...(features ?? [])].map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, 'vi')), [features]);
  const key = searchKey(q);
  const matches = useMemo(() => (key ? all.filter((p) => searchKey(p.name).includes(key)) : all), [all, key]);
  const names = useMemo(() => new Map(all.map((p) => [p.id, p.name])), [all]);
  const set = (ids: string[]) => store.getState().setProx({ fromIds: ids });
  const on = new Set(chosen);
  return (
    <div class="prox-picker" data-testid="prox-picker">
      <input type="search" value={q} placeholder={t(lang, layer === 'zones' ? 'prox.pick.zones' : 'prox.pick.villages')} aria-label={t(lang, layer === 'zones' ? 'prox.pick.zones' : 'prox.pick.villages')}
        data-testid="prox-pick-search" onInput={(e) => setQ(e.currentTarget.value)} />
      {key && matches.length > 0 && (
        <button type="button" data-testid="prox-pick-all" onClick={() => set([...new Set([...chosen, ...matches.map((p) => p.id)])])}>
          {t(lang, 'prox.pick.all', { n: matches.length })}
        </button>
      )}
      <ul class="prox-pick-list">
        {matches.slice(0, PICK_SHOWN).map((p) => (
          <li key={p.id}>
            <label>
              <input type="checkbox" checked={on.has(p.id)} onChange={() => set(on.has(p.id) ? chosen.filter((x) => x !== p.id) : [...chosen, p.id])} />
              {p.name} <small class="hint">{p.ex_province}</small>
            </label>
          </li>
        ))}
      </ul>
      {matches.length > PICK_SHOWN && <p class="hint">{t(lang, 'prox.pick.more', { n: matches.length - PICK_SHOWN })}</p>}
      {chosen.length > 0 && (
        <ul class="chips" data-testid="prox-chosen">
          {chosen.map((id) => (
            <li key={id}>
              {names.get(id) ?? id}
              <button type="button" aria-label={t(lang, 'prox.pick.remove', { name: names.get(id) ?? id })} onClick={() => set(chosen.filter((x) => x !== id))}>×</button>
            </li>
          ))}
          <li><button type="button" class="link" onClick={() => set([])}>{t(lang, 'prox.pick.none')}</button></li>
        </ul>
      )}
    </div>
  );
}

/** How many features each start of a union question holds now. */
function fromCount(s: Store, from: ProxFrom): number {
  switch (from) {
    case 'selection': return s.selection.type === 'clusters' ? s.selection.ids.length : 0;
    case 'filtered': return selectFilteredIds(s).length;
    case 'area': return s.areas.length;
    default: return from === (s.prox.from as ProxFrom) ? s.prox.fromIds.length : 0;
  }
}

/** Proximity questions: from any set (selection, filter, KCN, villages, drawn areas) to clusters, KCN or villages; and the presets. */
export function ProximityPanel() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const prox = useStore((s) => s.prox);
  const status = useStore((s) => s.proxStatus);
  const error = useStore((s) => s.proxError);
  const measuredOnly = useStore((s) => s.proxMeasuredOnly);
  const rows = useStore(selectProxRows);
  const zones = useStore((s) => s.zones);
  const villages = useStore((s) => s.villages);
  const clusters = useStore(selectClusterById);
  const counts = useStore((s) => PROX_FROMS.map((f) => fromCount(s, f)).join(','));
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'distance', asc: true });
  const s = store.getState();

  const names = useMemo(() => {
    const m = new Map<string, Named>();
    const put = (layer: string, p: Named & { id: string; ex_province: string }) => m.set(`${layer}:${p.id}`, { name: p.name, province: p.ex_province, geometry_quality: p.geometry_quality, commune_2025: p.commune_2025 ?? null });
    for (const f of zones?.features ?? []) put('zone', { ...f.properties, province: f.properties.ex_province });
    for (const f of villages?.features ?? []) put('village', { ...f.properties, province: f.properties.ex_province });
    for (const f of clusters.values()) put('cluster', { ...f.properties, province: f.properties.ex_province });
    return m;
  }, [zones, villages, clusters]);
  const label = (layer: string | null, id: string | null) => (layer && id ? names.get(`${layer}:${id}`) : undefined);
  const areaName = (id: string) => t(lang, 'prox.areaN', { n: Number(id.replace('area-', '')) + 1 });

  const sorted = useMemo(() => {
    const r = rows.map((row) => {
      const info = label(row.layer, row.id) ?? { name: row.id, province: '', geometry_quality: 'point-district' as const };
      const other = row.otherLayer === 'area' ? null : label(row.otherLayer, row.otherId) ?? null;
      const trust: DistanceTrust = rowTrust(row, info, label);
      const otherName = row.otherLayer === 'area' && row.otherId ? areaName(row.otherId) : other?.name ?? '';
      return { row, info, trust, otherName };
    }).filter((x) => !measuredOnly || x.trust === 'measured');
    const dir = sort.asc ? 1 : -1;
    const text = (x: (typeof r)[number]) => (sort.key === 'name' ? x.info.name : sort.key === 'province' ? x.info.province : x.otherName);
    r.sort((a, b) => (sort.key === 'distance' ? dir * (a.row.distanceKm - b.row.distanceKm) : dir * text(a).localeCompare(text(b), 'vi')));
    return r;
  }, [rows, sort, names, measuredOnly, lang]);

  const zoneOptions = useMemo(
    () => [...(zones?.features ?? [])].filter((z) => z.geometry.type !== 'Point').sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi')),
    [zones],
  );
  const clusterOptions = useMemo(() => [...clusters.values()].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'vi')), [clusters]);
  const th = (key: SortKey, text: string) => <SortHeader col={key} label={text} sort={sort} onSort={setSort} />;
  const clusterIds = sorted.filter((r) => r.row.layer === 'cluster').map((r) => r.row.id);
  const n = counts.split(',').map(Number);
  const union = prox.kind === 'union';
  const showFrom = union || prox.kind.startsWith('nearest');

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
      {union && (
        <>
          <label class="field">
            {t(lang, 'prox.from')}
            <select value={prox.from} data-testid="prox-from" onChange={(e) => s.setProx({ from: e.currentTarget.value as ProxFrom, fromIds: [] })}>
              {PROX_FROMS.map((f, i) => (
                <option key={f} value={f}>{t(lang, `prox.from.${f}` as MessageKey, { n: formatNumber(n[i] ?? 0, lang) })}</option>
              ))}
            </select>
          </label>
          {(prox.from === 'zones' || prox.from === 'villages') && <SourcePicker layer={prox.from} />}
          <div class="field-row">
            <label class="field">
              {t(lang, 'prox.to')}
              <select value={prox.to} data-testid="prox-to" onChange={(e) => s.setProx({ to: e.currentTarget.value as ProxLayer })}>
                {PROX_LAYERS.map((l) => <option key={l} value={l}>{t(lang, `prox.to.${l}` as MessageKey)}</option>)}
              </select>
            </label>
            <label class="field">
              {t(lang, 'prox.mode')}
              <select value={prox.mode} data-testid="prox-mode" onChange={(e) => s.setProx({ mode: e.currentTarget.value as 'within' | 'nearest' })}>
                <option value="within">{t(lang, 'prox.mode.within')}</option>
                <option value="nearest">{t(lang, 'prox.mode.nearest')}</option>
              </select>
            </label>
          </div>
        </>
      )}
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
      {union && prox.mode === 'nearest' ? (
        <label class="field">
          {t(lang, 'prox.n')}
          <input type="number" min={1} max={PROX_N_MAX} step={1} value={prox.n} data-testid="prox-n" onInput={(e) => s.setProx({ n: Number(e.currentTarget.value) })} />
        </label>
      ) : (
        <label class="field">
          {t(lang, 'prox.distance', { km: formatKm(prox.km, lang) })}
          <input type="range" min={PROX_KM_MIN} max={PROX_KM_MAX} step="0.5" value={prox.km} data-testid="prox-km"
            onInput={(e) => s.setProx({ km: Number(e.currentTarget.value) })} />
        </label>
      )}
      {status === 'running' && <p class="hint" role="status">{t(lang, 'prox.running')}</p>}
      {status === 'error' && <p class="load-error-inline" role="alert">{error}</p>}
      <p data-testid="prox-count">{tn(lang, 'prox.count', sorted.length, { n: formatNumber(sorted.length, lang) })}</p>
      <label class="check">
        <input type="checkbox" checked={measuredOnly} data-testid="prox-measured-only" onChange={(e) => s.setProxMeasuredOnly(e.currentTarget.checked)} />
        {t(lang, 'prox.measuredOnly')}
      </label>
      {clusterIds.length > 0 && (
        <div class="buttons" role="group" aria-label={t(lang, 'prox.selectGroup', { n: clusterIds.length })}>
          <button type="button" data-testid="prox-add" onClick={() => s.select(clusterIds, 'add')}>{t(lang, 'prox.add', { n: clusterIds.length })}</button>
          <button type="button" data-testid="prox-replace" onClick={() => s.select(clusterIds, 'replace')}>{t(lang, 'prox.replace')}</button>
          <button type="button" data-testid="prox-remove" onClick={() => s.select(clusterIds, 'remove')}>{t(lang, 'prox.remove')}</button>
        </div>
      )}
      {sorted.length > 0 && (
        <table class="stats prox-table" data-testid="prox-table">
          <thead>
            <tr>
              {th('name', t(lang, 'prox.col.name'))}
              {th('distance', t(lang, 'prox.col.distance'))}
              {showFrom && th('from', t(lang, union ? 'prox.col.from' : 'prox.col.nearest'))}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ row, info, trust, otherName }) => (
              <tr key={row.layer + row.id} data-id={row.id} data-trust={trust} class="clickable" onClick={() => {
                if (row.layer === 'cluster') s.setFocus(row.id);
                else s.openPlace({ kind: row.layer, id: row.id });
              }}>
                <td>
                  <button type="button" class="row-link">{info.name}</button>
                  <small class="hint"> {info.province}</small>
                  <FlyButton name={info.name} onFly={() => s.flyTo(row.id, row.layer)} />
                </td>
                <td class={trust === 'measured' ? 'num' : 'num untrusted'}>
                  {formatKm(row.distanceKm, lang)}
                  <br /><small class="trust" data-testid="prox-trust">{t(lang, `prox.trust.${trust}` as MessageKey)}</small>
                </td>
                {showFrom && <td>{otherName}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
