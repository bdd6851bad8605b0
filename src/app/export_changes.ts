import { activeChanges } from '../geo/edit/apply_journal';
import type { AppStore } from '../store/store';
import { downloadBlob } from './download';

/**
 * Downloads the changes file (the journal, the changed clusters as GeoJSON and as rows of
 * geodata/sources/clusters.csv, the traced/surveyed footprints). Export code loads on first use.
 */
export async function exportChanges(store: AppStore): Promise<void> {
  const s = store.getState();
  if (!s.baseClusters) return;
  const [{ buildChangesFile }, { localIsoDay }] = await Promise.all([import('../geo/edit/changes_file'), import('../geo/io/export_filename')]);
  const now = new Date();
  const bytes = buildChangesFile(s.baseClusters, s.journal, { exportedAt: now });
  const file = `thay-doi-cum-cong-nghiep_${localIsoDay(now)}.zip`;
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), file);
  s.notify({ key: 'changes.exported', params: { n: activeChanges(s.journal).length, file } });
}
