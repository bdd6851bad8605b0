import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bboxOf } from '../geo/dataset/bbox_of';
import { NO_COMMUNE, NO_MODEL } from '../geo/dataset/filter_clusters';
import { formatHa, formatKm, formatNumber, type Lang } from '../geo/format';
import { localIsoDay } from '../geo/io/export_filename';
import { distanceTrust, rowTrust } from '../geo/proximity/distance_trust';
import type { ProximityAnswer } from '../geo/proximity/proximity_protocol';
import { proximityRows } from '../geo/proximity/proximity_rows';
import type { ClusterFeature, ClusterProps, VillageProps, ZoneProps } from '../geo/types';
import { basemapCredit, bundledCredits } from '../map/style';
import { selectClusterById, selectFilteredIds, selectProposals, selectSelectedIds } from '../store/selectors';
import type { Store } from '../store/types';
import { Note, Sources } from './Details';
import { downloadBlob } from './download';
import { drawNorthArrow, drawScaleBar } from './export_image';
import { t, type MessageKey } from './i18n';
import { LegendBody } from './Legend';
import { MapViewContext, useAppStoreApi, useProximity, useStore } from './use_store';
import { runCheck, usedText } from './proposal_text';
import { DECREE_32_URL } from '../geo/proposal/decree32';

type Paper = 'A4' | 'A3';
/** Around a single cluster, the inset shows this much on each side (degrees, about 3 km). */
const INSET_PAD_DEG = 0.03;

/** What the filter keeps, one line per facet that constrains something. */
function describeFilter(s: Store, lang: Lang): string[] {
  const f = s.filter;
  const out: string[] = [];
  const line = (label: MessageKey, values: string[]) => out.push(`${t(lang, label)}: ${values.length ? values.join(', ') : t(lang, 'report.none')}`);
  if (f.provinces) line('filter.province', f.provinces);
  if (f.statuses) line('filter.status', f.statuses.map((x) => t(lang, `status.${x}` as MessageKey)));
  if (f.wwtp) line('filter.wwtp', f.wwtp.map((x) => t(lang, `wwtp.${x}` as MessageKey)));
  if (f.models) line('filter.model', f.models.map((x) => (x === NO_MODEL ? t(lang, 'model.none') : x)));
  if (f.communes) {
    const names = new Map((s.communes?.features ?? []).map((c) => [c.properties.code, c.properties.name]));
    line('filter.commune', f.communes.map((c) => (c === NO_COMMUNE ? t(lang, 'report.noCommune') : names.get(c) ?? c)));
  }
  if (f.areaMin !== null || f.areaMax !== null) out.push(`${t(lang, 'filter.area')}: ${f.areaMin ?? ''}–${f.areaMax ?? ''}`);
  return out.length ? out : [t(lang, 'report.noFilter')];
}

/** The proximity question as a sentence, when its answer is on screen. */
function describeQuestion(s: Store, lang: Lang, nameOf: (layer: string, id: string) => string): string | null {
  const a = s.proxAnswer;
  if (!a) return null;
  if (a.kind === 'union') {
    const from = a.from.layer === 'area' ? t(lang, 'report.q.areas', { n: a.from.polygons.length }) : a.from.ids.map((id) => nameOf(a.from.layer, id)).join(', ');
    const how = a.mode.kind === 'within' ? t(lang, 'report.q.within', { km: formatKm(a.mode.km, lang) }) : t(lang, 'report.q.nearest', { n: a.mode.n });
    return t(lang, 'report.q.union', { to: t(lang, `prox.to.${a.to}` as MessageKey), how, from });
  }
  return t(lang, `prox.kind.${a.kind === 'allSatellites' || a.kind === 'clustersNearPolygon' ? 'satellites' : a.kind}` as MessageKey);
}

/**
 * The frame both reports share: paper size, print (the browser's PDF), PNG at 2× (about 200 dpi
 * on A4), close. The page is laid out in millimetres so print and screen agree.
 */
function ReportFrame({ title, children, ready, kind }: { title: string; children: preact.ComponentChildren; ready: boolean; kind: 'set' | 'profile' | 'proposal' }) {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const [paper, setPaper] = useState<Paper>('A4');
  const page = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.documentElement.classList.add('report-open');
    return () => document.documentElement.classList.remove('report-open');
  }, []);
  const png = async () => {
    if (!page.current) return;
    const { toBlob } = await import('html-to-image');
    const blob = await toBlob(page.current, { pixelRatio: 2, backgroundColor: '#ffffff', cacheBust: false });
    if (blob) downloadBlob(blob, `bao-cao-cum-cong-nghiep_${localIsoDay(new Date())}.png`);
    else store.getState().notify({ key: 'report.pngFailed', params: {} });
  };
  return (
    <div class="report-root" role="dialog" aria-label={title} data-testid="report">
      <style>{`@page { size: ${paper} landscape; margin: 8mm; }`}</style>
      <div class="report-controls">
        <label>
          {t(lang, 'report.paper')}{' '}
          <select value={paper} data-testid="report-paper" onChange={(e) => setPaper(e.currentTarget.value as Paper)}>
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <button type="button" data-testid="report-print" disabled={!ready} onClick={() => window.print()}>{t(lang, 'report.print')}</button>
        <button type="button" data-testid="report-png" disabled={!ready} onClick={() => void png()}>{t(lang, 'report.png')}</button>
        <button type="button" data-testid="report-close" onClick={() => store.getState().openReport(null)}>{t(lang, 'details.close')}</button>
        {!ready && <span class="hint" role="status">{t(lang, 'report.preparing')}</span>}
      </div>
      <div ref={page} class={`report-page paper-${paper} report-${kind}`} data-testid="report-page" data-ready={ready ? 'true' : 'false'}>
        {children}
      </div>
    </div>
  );
}

/** The map of the report, with scale bar and north arrow burnt in, and which names could be placed. */
function useReportMap(bbox: [number, number, number, number] | null, labelIds: readonly string[]) {
  const viewRef = useContext(MapViewContext);
  const [map, setMap] = useState<{ url: string; labelled: string[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([bbox, labelIds]);
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !bbox) return;
    let live = true;
    void view.reportSnapshot(bbox, labelIds).then(
      (shot) => {
        const ctx = shot.canvas.getContext('2d')!;
        const r = shot.pixelRatio;
        // (drawn larger than on screen: the picture is shown smaller than it was taken)
        const k = r * 1.6;
        drawScaleBar(ctx, (shot.metresPerPixel / r) * k, k, 14 * k, shot.canvas.height - 12 * k);
        drawNorthArrow(ctx, k, shot.canvas.width - 34 * k, 10 * k);
        if (live) setMap({ url: shot.canvas.toDataURL('image/png'), labelled: shot.labelled });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { map, failed };
}

function ReportHeader({ title, lines }: { title: string; lines: string[] }) {
  const lang = useStore((s) => s.lang);
  return (
    <header class="report-head">
      <h1>{title}</h1>
      <p class="report-date">{t(lang, 'app.title')} · {t(lang, 'report.date', { date: localIsoDay(new Date()) })}</p>
      {lines.map((l, i) => <p key={i} class="report-line">{l}</p>)}
    </header>
  );
}

function ReportFoot() {
  const lang = useStore((s) => s.lang);
  const basemap = useStore((s) => s.basemap);
  const with2009 = useStore((s) => s.showCommunes2009);
  return (
    <footer class="report-foot">
      <p>{t(lang, 'report.honesty')}</p>
      <p>{[...bundledCredits(lang, with2009), basemapCredit(basemap)].filter(Boolean).join(' · ')}</p>
    </footer>
  );
}

function MapFigure({ map, failed, total }: { map: { url: string; labelled: string[] } | null; failed: boolean; total: number }) {
  const lang = useStore((s) => s.lang);
  return (
    <figure class="report-map">
      {map ? <img src={map.url} alt={t(lang, 'report.mapAlt')} data-testid="report-map" /> : <div class="report-map-wait">{t(lang, failed ? 'report.mapFailed' : 'report.preparing')}</div>}
      {map && <figcaption data-testid="report-labelled">{t(lang, 'report.labelled', { n: map.labelled.length, total })}</figcaption>}
    </figure>
  );
}

/** The map beside the complete legend (the set and proposal reports). */
function MapWithLegend(props: { map: { url: string; labelled: string[] } | null; failed: boolean; total: number }) {
  const lang = useStore((s) => s.lang);
  return (
    <div class="report-body">
      <MapFigure {...props} />
      <aside class="report-side">
        <h2>{t(lang, 'legend.title')}</h2>
        <LegendBody />
      </aside>
    </div>
  );
}

/** The selection (or the filtered set) as a report: what was asked, the map with names, the legend, the table. */
function SetReport() {
  const lang = useStore((s) => s.lang);
  const store = useAppStoreApi();
  const s = store.getState();
  const lookup = useStore(selectClusterById);
  const selected = useStore(selectSelectedIds);
  const filtered = useStore(selectFilteredIds);
  const answer = useStore((st) => st.proxAnswer);
  const ids = selected.length ? selected : filtered;
  const features = useMemo(() => ids.map((id) => lookup.get(id)).filter((f): f is ClusterFeature => !!f), [ids, lookup]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of s.zones?.features ?? []) m.set(`zones:${f.properties.id}`, f.properties.name);
    for (const f of s.villages?.features ?? []) m.set(`villages:${f.properties.id}`, f.properties.name);
    for (const f of lookup.values()) m.set(`clusters:${f.properties.id}`, f.properties.name);
    return m;
  }, [lookup]);
  const nameOf = (layer: string, id: string) => names.get(`${layer}:${id}`) ?? id;
  const bbox = useMemo(() => bboxOf(features), [features]);
  const { map, failed } = useReportMap(bbox, ids);
  const distances = useMemo(() => distanceRows(answer, lookup, s, nameOf, lang), [answer, lookup, lang]);
  const title = t(lang, selected.length ? 'report.title.selection' : 'report.title.filtered', { n: features.length });
  const question = describeQuestion(s, lang, nameOf);
  const lines = [...describeFilter(s, lang), ...(question ? [`${t(lang, 'report.question')}: ${question}`] : [])];
  return (
    <ReportFrame title={title} ready={!!map || failed} kind="set">
      <ReportHeader title={title} lines={lines} />
      <MapWithLegend map={map} failed={failed} total={features.length} />
      <table class="report-table" data-testid="report-table">
        <thead>
          <tr>
            <th>#</th><th>{t(lang, 'prox.col.name')}</th><th>{t(lang, 'stats.province')}</th><th>{t(lang, 'details.status')}</th>
            <th>{t(lang, 'list.col.wwtp')}</th><th>{t(lang, 'list.area')}</th><th>{t(lang, 'list.col.commune2025')}</th><th>{t(lang, 'list.col.geometry')}</th>
            {distances && <><th>{t(lang, 'prox.col.distance')}</th><th>{t(lang, 'prox.col.from')}</th></>}
          </tr>
        </thead>
        <tbody>
          {features.map((f, i) => {
            const p = f.properties;
            const d = distances?.get(p.id);
            return (
              <tr key={p.id} data-id={p.id}>
                <td>{i + 1}</td><td>{p.name}</td><td>{p.ex_province}</td><td>{t(lang, `status.${p.status}` as MessageKey)}</td>
                <td>{t(lang, `wwtp.${p.wwtp}` as MessageKey)}</td><td class="num">{p.planned_area_ha === null ? '—' : formatHa(p.planned_area_ha, lang)}</td>
                <td>{p.commune_2025 ?? '—'}</td><td>{t(lang, `geomShort.${p.geometry_quality}` as MessageKey)}</td>
                {distances && <><td class="num">{d ? `${formatKm(d.km, lang)} (${t(lang, `prox.trust.${d.trust}` as MessageKey)})` : '—'}</td><td>{d?.from ?? '—'}</td></>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ReportFoot />
    </ReportFrame>
  );
}

/** For each cluster in the proximity answer: its distance, to what, and how far to trust it. */
function distanceRows(answer: ProximityAnswer | null, lookup: ReadonlyMap<string, ClusterFeature>, s: Store, nameOf: (layer: string, id: string) => string, lang: Lang) {
  if (!answer) return null;
  const rows = proximityRows(answer, s.prox.km).filter((r) => r.layer === 'cluster');
  if (!rows.length) return null;
  const place = (layer: string, id: string): { geometry_quality: ClusterProps['geometry_quality']; commune_2025?: string | null } | null => {
    if (layer === 'cluster') return lookup.get(id)?.properties ?? null;
    const list = (layer === 'zone' ? s.zones?.features : s.villages?.features) as { properties: ZoneProps | VillageProps }[] | undefined;
    return list?.find((f) => f.properties.id === id)?.properties ?? null;
  };
  const layerName = { cluster: 'clusters', zone: 'zones', village: 'villages' } as const;
  const out = new Map<string, { km: number; from: string; trust: ReturnType<typeof distanceTrust> }>();
  for (const r of rows) {
    const me = lookup.get(r.id)?.properties;
    if (!me) continue;
    const from = r.otherLayer === 'area' ? t(lang, 'prox.areaN', { n: Number((r.otherId ?? '').replace('area-', '')) + 1 }) : r.otherId && r.otherLayer ? nameOf(layerName[r.otherLayer], r.otherId) : '';
    out.set(r.id, { km: r.distanceKm, from, trust: rowTrust(r, me, place) });
  }
  return out;
}

/** One cluster on one page: its facts, sources, a map inset, and what lies near it. */
function ProfileReport({ id }: { id: string }) {
  const lang = useStore((s) => s.lang);
  const lookup = useStore(selectClusterById);
  const zones = useStore((s) => s.zones);
  const villages = useStore((s) => s.villages);
  const proximity = useProximity();
  const f = lookup.get(id);
  const [near, setNear] = useState<{ zones: NearRow[]; villages: NearRow[]; clusters: NearRow[] } | null>(null);
  const bbox = useMemo(() => {
    const b = f ? bboxOf([f]) : null;
    return b ? ([b[0] - INSET_PAD_DEG, b[1] - INSET_PAD_DEG, b[2] + INSET_PAD_DEG, b[3] + INSET_PAD_DEG] as [number, number, number, number]) : null;
  }, [f]);
  const { map, failed } = useReportMap(bbox, f ? [id] : []);
  useEffect(() => {
    if (!f) return;
    let live = true;
    const from = { layer: 'clusters' as const, ids: [id] };
    type Named = { properties: { id: string; name: string; geometry_quality: ClusterProps['geometry_quality']; commune_2025?: string | null } };
    const nameOf = (fs: readonly Named[] | undefined) => new Map((fs ?? []).map((x) => [x.properties.id, x]));
    void Promise.all([
      proximity.ask({ kind: 'union', from, to: 'zones', mode: { kind: 'nearest', n: 3 } }),
      proximity.ask({ kind: 'union', from, to: 'villages', mode: { kind: 'within', km: 3 } }),
      proximity.ask({ kind: 'union', from, to: 'clusters', mode: { kind: 'nearest', n: 5 } }),
    ]).then(([z, v, c]) => {
      if (!live) return;
      const rows = (a: ProximityAnswer, by: Map<string, Named>): NearRow[] =>
        a.kind !== 'union' ? [] : a.hits.map((h) => {
          const o = by.get(h.id)?.properties;
          return { id: h.id, name: o?.name ?? h.id, km: h.distanceKm, trust: o ? distanceTrust(f.properties, o) : 'schematic' };
        });
      setNear({ zones: rows(z, nameOf(zones?.features)), villages: rows(v, nameOf(villages?.features)), clusters: rows(c, nameOf([...lookup.values()])) });
    }, () => live && setNear({ zones: [], villages: [], clusters: [] }));
    return () => {
      live = false;
    };
  }, [id, f]);
  if (!f) return null;
  const p = f.properties;
  const none = t(lang, 'details.noData');
  const fact = (label: MessageKey, value: string | null | undefined) => (
    <><dt>{t(lang, label)}</dt><dd>{value === null || value === undefined || value === '' ? <span class="nodata">{none}</span> : value}</dd></>
  );
  return (
    <ReportFrame title={p.name} ready={(!!map || failed) && !!near} kind="profile">
      <ReportHeader title={p.name} lines={[t(lang, `geom.${p.geometry_quality}` as MessageKey)]} />
      <div class="report-body">
        <MapFigure map={map} failed={failed} total={1} />
        <aside class="report-side">
          <dl class="report-facts">
            {fact('details.exProvince', p.ex_province)}
            {fact('details.district', p.old_district ?? (p.inferred_district ? `${p.inferred_district} (${t(lang, 'details.inferred')})` : null))}
            {fact('details.commune2025', p.commune_2025)}
            {fact('details.area', p.planned_area_ha === null ? null : formatHa(p.planned_area_ha, lang))}
            {fact('details.status', t(lang, `status.${p.status}` as MessageKey))}
            {fact('details.wwtp', t(lang, `wwtp.${p.wwtp}` as MessageKey))}
            {fact('details.occupancy', p.occupancy_pct === null ? null : `${formatNumber(p.occupancy_pct, lang, 1)} %`)}
            {fact('details.decision', p.decision)}
            {fact('details.establishedYear', p.established_year ? String(p.established_year) : null)}
            {fact('field.investor', p.investor)}
            {fact('details.asOf', p.as_of)}
            <Note label={t(lang, 'details.notes')} en={p.notes} vi={p.notes_vi} />
          </dl>
        </aside>
      </div>
      <div class="report-near" data-testid="report-near">
        <NearTable title={t(lang, 'report.near.zones')} rows={near?.zones} />
        <NearTable title={t(lang, 'report.near.villages')} rows={near?.villages} />
        <NearTable title={t(lang, 'report.near.clusters')} rows={near?.clusters} />
      </div>
      <Sources urls={p.sources} />
      <ReportFoot />
    </ReportFrame>
  );
}

interface NearRow { id: string; name: string; km: number; trust: ReturnType<typeof distanceTrust> }

function NearTable({ title, rows }: { title: string; rows: NearRow[] | undefined }) {
  const lang = useStore((s) => s.lang);
  return (
    <section>
      <h2>{title}</h2>
      {!rows ? <p class="hint">{t(lang, 'report.preparing')}</p> : !rows.length ? <p class="nodata">{t(lang, 'report.none')}</p> : (
        <table class="report-table">
          <tbody>
            {rows.map((r) => <tr key={r.id}><td>{r.name}</td><td class="num">{formatKm(r.km, lang)}</td><td class="hint">{t(lang, `prox.trust.${r.trust}` as MessageKey)}</td></tr>)}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A proposal on one page: the map inset, the check table with its articles, the decree, the date. */
function ProposalReport({ id }: { id: string }) {
  const lang = useStore((s) => s.lang);
  const store = useAppStoreApi();
  const proposal = useStore((s) => selectProposals(s).find((p) => p.id === id) ?? null);
  const lines = useMemo(() => (proposal ? runCheck(store.getState(), proposal) : []), [proposal]);
  const bbox = useMemo(() => {
    const b = proposal ? bboxOf([{ type: 'Feature', properties: {}, geometry: proposal.geometry }]) : null;
    return b ? ([b[0] - INSET_PAD_DEG / 2, b[1] - INSET_PAD_DEG / 2, b[2] + INSET_PAD_DEG / 2, b[3] + INSET_PAD_DEG / 2] as [number, number, number, number]) : null;
  }, [proposal]);
  const nearby = useMemo(() => {
    const s = store.getState();
    return bbox ? (s.clusters?.features ?? []).filter((f) => { const b = bboxOf([f]); return !!b && b[0] <= bbox[2] && b[2] >= bbox[0] && b[1] <= bbox[3] && b[3] >= bbox[1]; }).map((f) => f.properties.id) : [];
  }, [bbox]);
  const { map, failed } = useReportMap(bbox, nearby);
  if (!proposal) return null;
  const kind = t(lang, proposal.kind === 'new' ? 'proposal.kind.new' : 'proposal.kind.expansion');
  return (
    <ReportFrame title={proposal.name} ready={!!map || failed} kind="proposal">
      <ReportHeader title={proposal.name} lines={[`${t(lang, 'proposal.kind')}: ${kind}`, `${t(lang, 'proposal.decree')}: ${DECREE_32_URL}`]} />
      <MapWithLegend map={map} failed={failed} total={nearby.length} />
      <table class="report-table" data-testid="report-table">
        <thead><tr><th>{t(lang, 'proposal.col.rule')}</th><th>{t(lang, 'proposal.col.verdict')}</th><th>{t(lang, 'proposal.col.used')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} data-id={l.id}>
              <td>{t(lang, `proposal.rule.${l.id}` as MessageKey)}{l.article ? ` (${l.article})` : ''}</td>
              <td>{t(lang, `proposal.verdict.${l.verdict}` as MessageKey)}</td>
              <td>{usedText(l, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportFoot />
    </ReportFrame>
  );
}

/** The report on screen while one is asked for (lazy: its code loads on first use). */
export function ReportView() {
  const req = useStore((s) => s.report);
  if (!req) return null;
  return req.kind === 'set' ? <SetReport /> : req.kind === 'profile' ? <ProfileReport id={req.id} /> : <ProposalReport id={req.id} />;
}
