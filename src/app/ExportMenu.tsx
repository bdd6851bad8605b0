import { selectClusterById, selectFilteredIds, selectSelectedIds } from '../store/selectors';
import type { ClusterFeature } from '../geo/types';
import { downloadBlob, downloadText } from './download';
import { useContext } from 'preact/hooks';
import { formatNumber } from '../geo/format';
import { basemapCredit, bundledCredits } from '../map/style';
import { t } from './i18n';
import { MapViewContext, useAppStoreApi, useStore } from './use_store';

type Format = 'geojson' | 'csv' | 'xlsx' | 'areas';

/**
 * Exports exactly the selection (or, with nothing selected, the filtered set — and says so),
 * as GeoJSON or CSV; the drawn selection areas as GeoJSON. Export code loads on first use.
 */
export function ExportMenu() {
  const store = useAppStoreApi();
  const lang = useStore((s) => s.lang);
  const hasAreas = useStore((s) => s.areas.length > 0);
  const viewRef = useContext(MapViewContext);
  const image = async () => {
    const view = viewRef.current;
    if (!view) return;
    const s = store.getState();
    const [{ composeMapImage }, { localIsoDay }] = await Promise.all([import('./export_image'), import('../geo/io/export_filename')]);
    const snap = await view.snapshot();
    const total = s.clusters?.features.length ?? 0;
    const shown = selectFilteredIds(s).length;
    const provinces = s.filter.provinces ? s.filter.provinces.join(', ') : t(lang, 'export.allProvinces');
    const date = new Date();
    const subtitle = `${t(lang, 'filter.showing', { n: formatNumber(shown, lang), total: formatNumber(total, lang) })} · ${provinces} · ${localIsoDay(date)}`;
    const blob = await composeMapImage({ ...snap, lang, subtitle, attribution: [...bundledCredits(lang, s.showCommunes2009), basemapCredit(s.basemap)].filter(Boolean).join(' · ') });
    downloadBlob(blob, `ban-do-cum-cong-nghiep_${localIsoDay(date)}.png`);
  };
  const run = async (format: Format) => {
    const s = store.getState();
    const [{ exportGeoJSON, exportAreas }, { clustersToCsv }, { exportFileName }] = await Promise.all([
      import('../geo/io/export_geojson'),
      import('../geo/io/export_csv'),
      import('../geo/io/export_filename'),
    ]);
    const date = new Date();
    const names = { provinces: s.filter.provinces, statuses: s.filter.statuses, date };
    if (format === 'areas') {
      const text = exportAreas(s.areas, { title: t(lang, 'export.areasTitle'), exported_at: date.toISOString() });
      return downloadText(text, exportFileName({ ...names, what: 'areas', ext: 'geojson' }), 'application/geo+json');
    }
    const selected = selectSelectedIds(s);
    const what = selected.length ? 'selection' : 'filtered';
    const ids = selected.length ? selected : selectFilteredIds(s);
    if (!selected.length) s.notify({ key: 'export.filteredInstead', params: { n: ids.length } });
    const lookup = selectClusterById(s);
    const features = ids.map((id) => lookup.get(id)).filter((f): f is ClusterFeature => !!f);
    if (format === 'csv') {
      return downloadText(clustersToCsv(features), exportFileName({ ...names, what, ext: 'csv' }), 'text/csv');
    }
    if (format === 'xlsx') {
      // (its own chunk: the spreadsheet writer is large and only needed here)
      const { clustersToXlsx } = await import('../geo/io/export_xlsx');
      const title = t(lang, what === 'selection' ? 'export.selectionTitle' : 'export.filteredTitle');
      const bytes = await clustersToXlsx(features, { sheet: t(lang, 'export.sheet'), title, created: date });
      return downloadBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), exportFileName({ ...names, what, ext: 'xlsx' }));
    }
    const text = exportGeoJSON(features, {
      title: t(lang, what === 'selection' ? 'export.selectionTitle' : 'export.filteredTitle'),
      exported_at: date.toISOString(),
      source: t(lang, 'export.sourceLine'),
    });
    downloadText(text, exportFileName({ ...names, what, ext: 'geojson' }), 'application/geo+json');
  };
  return (
    <span class="export" role="group" aria-label={t(lang, 'export.title')}>
      <span>{t(lang, 'export.title')}:</span>
      <button type="button" data-testid="export-geojson" onClick={() => void run('geojson')}>GeoJSON</button>
      <button type="button" data-testid="export-csv" onClick={() => void run('csv')}>CSV</button>
      <button type="button" data-testid="export-xlsx" title={t(lang, 'export.xlsxHint')} onClick={() => void run('xlsx')}>Excel</button>
      <button type="button" data-testid="export-png" onClick={() => void image()}>PNG</button>
      <button type="button" data-testid="export-report" title={t(lang, 'report.openHint')} onClick={() => store.getState().openReport({ kind: 'set' })}>{t(lang, 'report.open')}</button>
      <button type="button" data-testid="export-areas" disabled={!hasAreas} onClick={() => void run('areas')}>
        {t(lang, 'export.areas')}
      </button>
    </span>
  );
}
