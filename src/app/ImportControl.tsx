import { useEffect, useRef, useState } from 'preact/hooks';
import type { MultiPolygon, Polygon } from 'geojson';
import { idsInArea, type ProximityService } from '../store/proximity_service';
import type { AppStore } from '../store/store';
import { t } from './i18n';
import { useAppStoreApi, useStore, useSurveyClient } from './use_store';
import type { Feature, FeatureCollection } from 'geojson';
import { selectClusterById, selectSelectedIds } from '../store/selectors';
import type { Store } from '../store/types';
import type { SurveyClient } from '../store/survey_client';
/** The survey import's code loads with the first file. */
const startSurveyImport: (typeof import('./survey_import'))['startSurveyImport'] = (...a) => import('./survey_import').then((m) => m.startSurveyImport(...a));

/**
 * Reads a GeoJSON (or zipped GeoJSON) file: areas select the visible clusters they touch,
 * other features become their own layer. Failures say what is wrong; the map, filters and
 * selection stay as they were.
 */
export async function importFile(store: AppStore, proximity: ProximityService, survey: SurveyClient, file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Survey files (KML, Shapefile, DXF, tables, projected GeoJSON) go through the worker and a review.
  if (await isSurveyFile(file.name, bytes)) return startSurveyImport(store, survey, bytes, file.name);
  const { parseImport, CLUSTER_LIKE_KEYS } = await import('../geo/io/import_geojson');
  const r = parseImport(bytes.slice(), file.name);
  const s = store.getState();
  if (!r.ok && (r.error.code === 'projected_coordinates' || r.error.code === 'swapped_coordinates')) return startSurveyImport(store, survey, bytes, file.name);
  if (!r.ok) return s.notify({ key: `import:${r.error.code}`, params: { ...r.error.params, file: file.name } });
  // A boundary that crosses itself is refused, saying where (it would select without being drawn).
  const { selfIntersections } = await import('../geo/io/survey/check_rings');
  const crossing = selfIntersections(r.fc.features);
  if (crossing[0]) {
    const { feature, x, y } = crossing[0];
    return s.notify({ key: 'survey:ring_self_intersection', params: { file: file.name, feature, x: x.toFixed(5), y: y.toFixed(5), count: crossing.length } });
  }
  // The app's own export comes back as what it was: its clusters selected again.
  const own = ownExportIds(s, r.fc, CLUSTER_LIKE_KEYS);
  if (own) {
    s.select(own, 'replace');
    return s.notify({ key: 'survey.ownExport', params: { file: file.name, n: own.length } });
  }
  for (const w of r.warnings) s.notify({ key: `import:${w.code}`, params: { ...w.params, file: file.name } });
  if (r.kind === 'areas') {
    const polys = r.fc.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    const ids = new Set<string>();
    const before = new Set(selectSelectedIds(s));
    for (const [i, f] of polys.entries()) {
      s.addArea({ type: 'Feature', properties: { id: `import-${Date.now()}-${i}`, source: 'imported', name: file.name }, geometry: f.geometry });
      for (const id of await idsInArea(store, proximity, f.geometry)) ids.add(id);
    }
    store.getState().select([...ids], 'add');
    // (the clusters added: those already selected are not counted again)
    s.notify({ key: 'import.areasDone', params: { file: file.name, areas: polys.length, n: [...ids].filter((id) => !before.has(id)).length } });
  } else {
    s.setImported({ name: file.name, data: r.fc, bbox: null });
    s.notify({ key: 'import.featuresDone', params: { file: file.name, n: r.fc.features.length } });
  }
}

const SURVEY_EXT = /\.(kml|kmz|dxf|csv|tsv|txt|shp)$/i;

/** Whether a file is for the survey import: by extension, or a .zip holding a Shapefile or KML. */
async function isSurveyFile(name: string, bytes: Uint8Array): Promise<boolean> {
  if (SURVEY_EXT.test(name)) return true;
  if (!/\.zip$/i.test(name)) return false;
  const { unzipSync } = await import('fflate');
  try {
    let survey = false;
    // Only the names are read (the filter sees every entry and keeps none).
    unzipSync(bytes, { filter: (f) => ((survey ||= /\.(shp|kml)$/i.test(f.name)), false) });
    return survey;
  } catch {
    return false;
  }
}

/** Ids of an import whose every feature is a cluster of the data by id (the app's own export), or null. */
function ownExportIds(s: Store, fc: FeatureCollection, clusterKeys: readonly string[]): string[] | null {
  const known = selectClusterById(s);
  const ids = fc.features.map((f) => (f.properties as { id?: unknown } | null)?.id);
  const cluster = (f: Feature) => clusterKeys.some((k) => k in ((f.properties as object | null) ?? {}));
  return ids.length && ids.every((id) => typeof id === 'string' && known.has(id)) && fc.features.every(cluster) ? (ids as string[]) : null;
}

/** Reads a table pasted from Word or Excel as a survey import. */
function PasteTable({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const survey = useSurveyClient();
  const lang = useStore((s) => s.lang);
  const [text, setText] = useState('');
  return (
    <div class="paste-table" role="dialog" aria-label={t(lang, 'survey.pasteTitle')} data-testid="paste-table">
      <h3>{t(lang, 'survey.pasteTitle')}</h3>
      <p class="hint">{t(lang, 'survey.pasteHint')}</p>
      <textarea rows={8} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} data-testid="paste-text" />
      <div class="buttons">
        <button type="button" class="primary" data-testid="paste-read" disabled={!text.trim()} onClick={() => {
          onClose();
          // (the name's extension tells the import it is a table)
          void startSurveyImport(store, survey, new TextEncoder().encode(text), `${t(lang, 'survey.pastedName')}.txt`);
        }}>{t(lang, 'survey.pasteRead')}</button>
        <button type="button" onClick={onClose}>{t(lang, 'edit.cancel')}</button>
      </div>
    </div>
  );
}

/** File picker and drag-and-drop anywhere on the page. */
export function ImportControl({ proximity }: { proximity: ProximityService }) {
  const store = useAppStoreApi();
  const survey = useSurveyClient();
  const [pasting, setPasting] = useState(false);
  const lang = useStore((s) => s.lang);
  const imported = useStore((s) => s.imported);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files?.[0];
      if (f) void importFile(store, proximity, survey, f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store, proximity, survey]);
  return (
    <>
      <button type="button" data-testid="import" onClick={() => input.current?.click()}>{t(lang, 'import.button')}</button>
      <button type="button" data-testid="paste-open" onClick={() => setPasting(true)}>{t(lang, 'survey.paste')}</button>
      <input ref={input} type="file" accept=".geojson,.json,.zip,.kml,.kmz,.dxf,.csv,.tsv,.txt,application/geo+json,application/json,application/zip" hidden data-testid="import-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void importFile(store, proximity, survey, f);
        }} />
      {pasting && <PasteTable onClose={() => setPasting(false)} />}
      {imported && (
        <button type="button" data-testid="import-remove" onClick={() => store.getState().setImported(null)}>
          {t(lang, 'import.remove', { file: imported.name })}
        </button>
      )}
      {dragging && <div class="drop-zone" data-testid="drop-zone">{t(lang, 'import.drop')}</div>}
    </>
  );
}
