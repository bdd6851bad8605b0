import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { NO_MODEL } from '../geo/dataset/filter_clusters';
import { formatNumber } from '../geo/format';
import { EX_PROVINCES, STATUSES, WWTP_STATES } from '../geo/types';
import { selectFilteredIds } from '../store/selectors';
import type { Basemap, PanelId } from '../store/types';
import type { Lang } from '../geo/format';
import { t, type MessageKey } from './i18n';
import { Reconcile } from './Reconcile';
import { ZoomToFiltered } from './ZoomToFiltered';
import { CommuneFacet } from './CommuneFacet';
import { StatsPanel } from './StatsPanel';
import { lazy } from './lazy';

const ChangesPanel = lazy(() => import('./ChangesPanel').then((m) => m.ChangesPanel));
const ProposalPanel = lazy(() => import('./ProposalPanel').then((m) => m.ProposalPanel));
// (the panels behind a tab load when the tab is first opened: the first load stays small)
const ProximityPanel = lazy(() => import('./ProximityPanel').then((m) => m.ProximityPanel));
const ClusterList = lazy(() => import('./ClusterList').then((m) => m.ClusterList));
import { useAppStoreApi, useStore } from './use_store';

/** A multi-select facet: checked = passes. `null` in the store means all pass. */
function Facet<V extends string>(props: {
  legend: string;
  values: readonly V[];
  selected: V[] | null;
  label: (v: V) => string;
  onChange: (next: V[] | null) => void;
  testid: string;
  lang: Lang;
}) {
  const { values, selected } = props;
  const isOn = (v: V) => selected === null || selected.includes(v);
  const toggle = (v: V) => {
    const cur = selected ?? [...values];
    const next = cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v];
    props.onChange(next.length === values.length ? null : next);
  };
  return (
    <fieldset class="facet" data-testid={props.testid}>
      <legend>{props.legend}</legend>
      {values.map((v) => (
        <div class="facet-value" key={v}>
          <label>
            <input type="checkbox" checked={isOn(v)} onChange={() => toggle(v)} value={v} />
            {props.label(v)}
          </label>
          <button type="button" class="only" data-value={v} aria-label={t(props.lang, 'filter.onlyLabel', { value: props.label(v) })}
            onClick={() => props.onChange(values.length === 1 ? null : [v])}>{t(props.lang, 'filter.only')}</button>
        </div>
      ))}
    </fieldset>
  );
}

/** The map's backgrounds, offline first; the online ones show under the bundled land. */
const BASEMAPS: readonly Basemap[] = ['bundled', 'osm', 'imagery'];
const BASEMAP_TESTID: Record<Basemap, string> = { bundled: 'basemap-bundled', osm: 'layer-osm', imagery: 'basemap-imagery' };

function FilterPanel() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const filter = useStore((s) => s.filter);
  const clusters = useStore((s) => s.clusters);
  const shown = useStore(selectFilteredIds).length;
  const showZones = useStore((s) => s.showZones);
  const showVillages = useStore((s) => s.showVillages);
  const showCommunes = useStore((s) => s.showCommunes);
  const showCommunes2009 = useStore((s) => s.showCommunes2009);
  const basemap = useStore((s) => s.basemap);
  const models = useMemo(() => {
    const set = new Set<string>();
    for (const f of clusters?.features ?? []) set.add(f.properties.model ?? NO_MODEL);
    return [...set].sort((a, b) => (a === NO_MODEL ? 1 : b === NO_MODEL ? -1 : a.localeCompare(b, 'vi')));
  }, [clusters]);
  const s = store.getState();
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  return (
    <div class="panel" data-testid="filters">
      <p class="showing" data-testid="showing">
        {t(lang, 'filter.showing', { n: formatNumber(shown, lang), total: formatNumber(clusters?.features.length ?? 0, lang) })}
      </p>
      <Facet
        legend={t(lang, 'filter.province')}
        values={EX_PROVINCES}
        selected={filter.provinces}
        label={(v) => v}
        onChange={(provinces) => s.setFilter({ provinces })}
        testid="facet-province"
        lang={lang}
      />
      <Facet
        legend={t(lang, 'filter.status')}
        values={STATUSES}
        selected={filter.statuses}
        label={(v) => t(lang, `status.${v}` as MessageKey)}
        onChange={(statuses) => s.setFilter({ statuses })}
        testid="facet-status"
        lang={lang}
      />
      <Facet
        legend={t(lang, 'filter.wwtp')}
        values={WWTP_STATES}
        selected={filter.wwtp}
        label={(v) => t(lang, `wwtp.${v}` as MessageKey)}
        onChange={(wwtp) => s.setFilter({ wwtp })}
        testid="facet-wwtp"
        lang={lang}
      />
      <Facet
        legend={t(lang, 'filter.model')}
        values={models}
        selected={filter.models}
        label={(v) => (v === NO_MODEL ? t(lang, 'model.none') : v)}
        onChange={(m) => s.setFilter({ models: m })}
        testid="facet-model"
        lang={lang}
      />
      <CommuneFacet />
      <fieldset class="facet area">
        <legend>{t(lang, 'filter.area')}</legend>
        <label>
          {t(lang, 'filter.areaMin')}{' '}
          <input type="number" min="0" step="1" value={filter.areaMin ?? ''} data-testid="area-min"
            onChange={(e) => s.setFilter({ areaMin: num(e.currentTarget.value) })} />
        </label>
        <label>
          {t(lang, 'filter.areaMax')}{' '}
          <input type="number" min="0" step="1" value={filter.areaMax ?? ''} data-testid="area-max"
            onChange={(e) => s.setFilter({ areaMax: num(e.currentTarget.value) })} />
        </label>
        {(filter.areaMin !== null || filter.areaMax !== null) && <p class="hint">{t(lang, 'filter.areaNote')}</p>}
      </fieldset>
      <button type="button" onClick={() => s.resetFilter()}>{t(lang, 'filter.reset')}</button>
      <fieldset class="facet layers">
        <legend>{t(lang, 'layers.title')}</legend>
        <label><input type="checkbox" checked={showZones} onChange={(e) => s.setLayer('zones', e.currentTarget.checked)} data-testid="layer-zones" />{t(lang, 'layers.zones')}</label>
        <label><input type="checkbox" checked={showVillages} onChange={(e) => s.setLayer('villages', e.currentTarget.checked)} data-testid="layer-villages" />{t(lang, 'layers.villages')}</label>
        <label><input type="checkbox" checked={showCommunes} onChange={(e) => s.setLayer('communes', e.currentTarget.checked)} data-testid="layer-communes" />{t(lang, 'layers.communes')}</label>
        <label><input type="checkbox" checked={showCommunes2009} onChange={(e) => s.setLayer('communes2009', e.currentTarget.checked)} data-testid="layer-communes-2009" />{t(lang, 'layers.communes2009')}</label>
        <div class="buttons">
          <button type="button" onClick={() => s.requestFit()}>{t(lang, 'layers.fit')}</button>
          <ZoomToFiltered />
        </div>
      </fieldset>
      <fieldset class="facet basemap" data-testid="basemap">
        <legend>{t(lang, 'basemap.title')}</legend>
        {BASEMAPS.map((b) => (
          <label key={b}>
            <input type="radio" name="basemap" value={b} checked={basemap === b} onChange={() => s.setBasemap(b)} data-testid={BASEMAP_TESTID[b]} />
            {t(lang, `basemap.${b}`)}
          </label>
        ))}
        {basemap !== 'bundled' && <p class="hint">{t(lang, `basemap.${basemap}Hint`)}</p>}
      </fieldset>
    </div>
  );
}

function Tab({ id, children }: { id: PanelId; children: ComponentChildren }) {
  const panel = useStore((s) => s.panel);
  const setPanel = useStore((s) => s.setPanel);
  return (
    <button type="button" role="tab" aria-selected={panel === id} class={panel === id ? 'tab on' : 'tab'} onClick={() => setPanel(id)} data-testid={`tab-${id}`}>
      {children}
    </button>
  );
}

/** Left column: filters, statistics of the filtered set, dataset-vs-reported. */
export function Sidebar() {
  const lang = useStore((s) => s.lang);
  const panel = useStore((s) => s.panel);
  const changes = useStore((s) => s.editedIds.size);
  return (
    <aside class="side">
      <nav class="tabs" role="tablist">
        <Tab id="filters">{t(lang, 'panel.filters')}</Tab>
        <Tab id="stats">{t(lang, 'panel.stats')}</Tab>
        <Tab id="list">{t(lang, 'panel.list')}</Tab>
        <Tab id="proximity">{t(lang, 'panel.proximity')}</Tab>
        <Tab id="proposals">{t(lang, 'panel.proposals')}</Tab>
        <Tab id="reconcile">{t(lang, 'panel.reconcile')}</Tab>
        <Tab id="changes">{t(lang, 'panel.changes')}{changes ? ` (${changes})` : ''}</Tab>
      </nav>
      {panel === 'filters' && <FilterPanel />}
      {(panel === 'filters' || panel === 'stats') && <StatsPanel />}
      {panel === 'list' && <ClusterList />}
      {panel === 'proximity' && <ProximityPanel />}
      {panel === 'proposals' && <ProposalPanel />}
      {panel === 'reconcile' && <Reconcile />}
      {panel === 'changes' && <ChangesPanel />}
      <p class="hint foot">{t(lang, 'footer.schematic')}</p>
    </aside>
  );
}
