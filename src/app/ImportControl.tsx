import { useEffect, useRef, useState } from 'preact/hooks';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { idsInArea, type ProximityService } from '../store/proximity_service';
import type { AppStore } from '../store/store';
import { t } from './i18n';
import { useAppStoreApi, useStore } from './use_store';

/**
 * Reads a GeoJSON (or zipped GeoJSON) file: areas select the visible clusters they touch,
 * other features become their own layer. Failures say what is wrong; the map, filters and
 * selection stay as they were.
 */
export async function importFile(store: AppStore, proximity: ProximityService, file: File): Promise<void> {
  const { parseImport } = await import('../geo/io/import_geojson');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const r = parseImport(bytes, file.name);
  const s = store.getState();
  if (!r.ok) return s.notify({ key: `import:${r.error.code}`, params: { ...r.error.params, file: file.name } });
  for (const w of r.warnings) s.notify({ key: `import:${w.code}`, params: { ...w.params, file: file.name } });
  if (r.kind === 'areas') {
    const polys = r.fc.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    const ids = new Set<string>();
    for (const [i, f] of polys.entries()) {
      s.addArea({ type: 'Feature', properties: { id: `import-${Date.now()}-${i}`, source: 'imported', name: file.name }, geometry: f.geometry });
      for (const id of await idsInArea(store, proximity, f.geometry)) ids.add(id);
    }
    store.getState().select([...ids], 'add');
    s.notify({ key: 'import.areasDone', params: { file: file.name, areas: polys.length, n: ids.size } });
  } else {
    s.setImported({ name: file.name, fc: r.fc });
    s.notify({ key: 'import.featuresDone', params: { file: file.name, n: r.fc.features.length } });
  }
}

/** File picker and drag-and-drop anywhere on the page. */
export function ImportControl({ proximity }: { proximity: ProximityService }) {
  const store = useAppStoreApi();
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
      if (f) void importFile(store, proximity, f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return (
    <>
      <button type="button" data-testid="import" onClick={() => input.current?.click()}>{t(lang, 'import.button')}</button>
      <input ref={input} type="file" accept=".geojson,.json,.zip,application/geo+json,application/json,application/zip" hidden data-testid="import-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void importFile(store, proximity, f);
        }} />
      {imported && (
        <button type="button" data-testid="import-remove" onClick={() => store.getState().setImported(null)}>
          {t(lang, 'import.remove', { file: imported.name })}
        </button>
      )}
      {dragging && <div class="drop-zone" data-testid="drop-zone">{t(lang, 'import.drop')}</div>}
    </>
  );
}
