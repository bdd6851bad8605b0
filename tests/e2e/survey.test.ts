import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { clickAt, exportSelection, jumpTo, openApp, pixelsAt, screenshot, waitForApp, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const FIX = resolve(import.meta.dirname, '../fixtures/survey');
const truth = (file: string) => JSON.parse(readFileSync(resolve(FIX, file), 'utf8')) as { features: { geometry: { coordinates: number[][][] } }[] };

/**
 * How far (m) the farthest expected vertex is from the nearest vertex drawn (equirectangular: fine
 * at this size; the export may start or wind the ring differently), and NaN when the counts differ.
 */
function maxOffsetM(got: number[][], want: number[][]): number {
  const m = (a: number[], b: number[]) => Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);
  if (got.length !== want.length) return NaN;
  return Math.max(...want.map((w) => Math.min(...got.map((g) => m(g, w)))));
}

/** Drops a file on the page as a planner drags it from the desktop. */
async function dropFile(page: Page, path: string, name: string, mime: string): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ([b64, name, mime]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: mime }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [b64, name, mime] as const,
  );
}

/** How many imported shapes the map draws (the preview), once it is idle. */
async function importedOnMap(page: Page): Promise<number> {
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const map = (window as any).__mapView.map;
    return new Set(map.queryRenderedFeatures({ layers: ['imported-fill', 'imported-line', 'imported-point'] }).map((f: any) => JSON.stringify(f.geometry.coordinates).slice(0, 40))).size;
  });
}

/** The checked coordinate system on the CRS step. */
const checkedCrs = (page: Page) => page.locator('[data-testid="survey-crs"] input[type="radio"]:checked').getAttribute('data-crs');

async function acceptFirst(page: Page, cluster: string | null, source: string): Promise<void> {
  await page.getByTestId('survey-confirm-crs').click();
  const row = page.getByTestId('survey-row').first();
  await row.waitFor();
  if (cluster) await row.getByTestId('survey-cluster').selectOption(cluster);
  await row.getByTestId('survey-accept').click();
  await page.getByTestId('survey-source').fill(source);
  await page.getByTestId('survey-asof').fill('2024-05-20');
  await page.getByTestId('survey-apply').click();
  await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
}

/** The outline layers a cluster is drawn in. */
async function outlineOf(page: Page, id: string): Promise<string[]> {
  await waitForMapIdle(page);
  return page.evaluate((id) => {
    const map = (window as any).__mapView.map;
    const hits = map.queryRenderedFeatures({ layers: ['cluster-line-surveyed', 'cluster-line-traced', 'cluster-line-schematic'] }).filter((f: any) => f.properties.id === id);
    return [...new Set<string>(hits.map((f: any) => f.layer.id))];
  }, id);
}

describe('survey files in', () => {
  it('a VN-2000 boundary table (X northing first) becomes a surveyed footprint where PROJ puts it, and stays after a reload', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await page.getByTestId('import-file').setInputFiles(resolve(FIX, 'hanam_tm3_105.csv'));
    await page.getByTestId('survey-crs').waitFor();
    await expect.poll(() => checkedCrs(page)).toBe('VN2000-TM3-105');
    // The shape is on the map before anything is applied.
    await expect.poll(() => importedOnMap(page)).toBe(1);
    await screenshot(page, 'survey-crs');
    await page.getByTestId('survey-confirm-crs').click();
    const row = page.getByTestId('survey-row').first();
    await row.waitFor();
    expect(await row.getByTestId('survey-area').textContent()).toMatch(/30,1\d? ha/);
    await row.getByTestId('survey-cluster').selectOption('hn-mau-kim-bang');
    expect(await row.getByTestId('survey-area').textContent()).toContain('quy hoạch 30 ha');
    await row.getByTestId('survey-accept').click();
    // No source, no footprint.
    await page.getByTestId('survey-apply').click();
    expect(await page.getByTestId('survey-panel').textContent()).toContain('Cần ghi nguồn và ngày của nguồn.');
    await page.getByTestId('survey-source').fill('QĐ 1234/QĐ-UBND phê duyệt QH chi tiết 1/500');
    await page.getByTestId('survey-asof').fill('2024-05-20');
    await screenshot(page, 'survey-review');
    await page.getByTestId('survey-apply').click();
    await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
    const want = truth('hanam_tm3_105_wgs84.geojson').features[0]!.geometry.coordinates[0]!;
    const check = async () => {
      await jumpTo(page, [105.92, 20.55], 15);
      await clickAt(page, [105.9205, 20.55]);
      await page.getByTestId('details').waitFor();
      await waitForMapIdle(page);
      const { text } = await exportSelection(page, 'geojson');
      const f = JSON.parse(text).features.find((x: any) => x.properties.id === 'hn-mau-kim-bang');
      expect(f.properties.geometry_quality).toBe('surveyed');
      expect(f.properties.geometry_source).toBe('hanam_tm3_105.csv — QĐ 1234/QĐ-UBND phê duyệt QH chi tiết 1/500');
      expect(maxOffsetM(f.geometry.coordinates[0], want)).toBeLessThan(0.05);
      expect(await outlineOf(page, 'hn-mau-kim-bang')).toEqual(['cluster-line-surveyed']);
      const [px] = await pixelsAt(page, [[105.9205, 20.5500]]);
      expect(px![0]! + px![1]! + px![2]!).toBeLessThan(600);
    };
    await check();
    await page.reload();
    await waitForApp(page);
    await check();
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a Shapefile with .prj, dropped on the page: the system is read from the file; names match clusters', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await dropFile(page, resolve(FIX, 'formats/ranh_gioi_shp.zip'), 'ranh_gioi_shp.zip', 'application/zip');
    await page.getByTestId('survey-crs').waitFor();
    expect(await page.getByTestId('survey-crs').textContent()).toContain('Theo tệp (.prj hoặc định dạng).');
    await expect.poll(() => checkedCrs(page)).toBe('VN2000-TM3-105');
    await page.getByTestId('survey-confirm-crs').click();
    const rows = page.getByTestId('survey-row');
    await expect.poll(() => rows.count()).toBe(2);
    // "CCN Gián Khẩu (mẫu)" in the file is "CCN Mẫu Gián Khẩu" in the data.
    expect(await rows.nth(0).getByTestId('survey-cluster').inputValue()).toBe('nb-mau-gian-khau');
    expect(await rows.nth(0).textContent()).toContain('cùng tên');
    expect(await rows.nth(1).getByTestId('survey-cluster').inputValue()).toBe('');
    await rows.nth(0).getByTestId('survey-accept').click();
    await rows.nth(1).getByTestId('survey-reject').click();
    await page.getByTestId('survey-source').fill('Bản vẽ QH 45/QĐ-UBND');
    await page.getByTestId('survey-asof').fill('2023-01-10');
    await page.getByTestId('survey-apply').click();
    await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
    await page.getByTestId('tab-changes').click();
    expect(await page.getByTestId('changes-count').textContent()).toContain('1 thay đổi');
    const want = truth('formats/source_wgs84.geojson').features[0]!.geometry.coordinates[0]!;
    await jumpTo(page, [105.97, 20.245], 14);
    const got = await page.evaluate(() => {
      const map = (window as any).__mapView.map;
      const f = map.querySourceFeatures('clusters').find((x: any) => x.properties.id === 'nb-mau-gian-khau');
      return f ? f.properties.geometry_quality : null;
    });
    expect(got).toBe('surveyed');
    const { text } = await exportSelection(page, 'geojson');
    const all = JSON.parse(text).features as any[];
    const f = all.find((x) => x.properties.id === 'nb-mau-gian-khau');
    expect(maxOffsetM(f.geometry.coordinates[0], want)).toBeLessThan(0.05);
    await page.context().close();
  });

  it('every other format, through the file picker or dropped: each lands where PROJ puts it, surveyed, after a reload', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    // file, how it comes in, the system the step must check, the truth (PROJ), the cluster it is given to
    const cases: [string, 'picker' | 'drop', string, string, string][] = [
      ['formats/ranh_gioi.dxf', 'picker', 'VN2000-TM3-105', 'formats/source_wgs84.geojson', 'hn-mau-dong-van'],
      ['formats/ranh_gioi_hatch.dxf', 'drop', 'VN2000-TM3-105', 'formats/source_wgs84.geojson', 'hn-mau-thanh-liem'],
      ['formats/ranh_gioi.kml', 'picker', 'EPSG:4326', 'formats/source_wgs84.geojson', 'nd-mau-y-yen'],
      ['formats/ranh_gioi.kmz', 'drop', 'EPSG:4326', 'formats/source_wgs84.geojson', 'nd-mau-hai-hau'],
      ['formats/ranh_gioi_shp_no_prj.zip', 'picker', 'VN2000-TM3-105', 'formats/source_wgs84.geojson', 'nb-mau-khanh-nhac'],
      ['namdinh_tm3_105_30.tsv', 'drop', 'VN2000-TM3-105.5', 'namdinh_tm3_105_30_wgs84.geojson', 'nd-mau-xuan-tien'],
      ['ninhbinh_utm48.csv', 'picker', 'VN2000-UTM48', 'ninhbinh_utm48_wgs84.geojson', 'nb-mau-gian-khau'],
    ];
    for (const [file, how, crs, , cluster] of cases) {
      const name = file.split('/').pop()!;
      if (how === 'picker') await page.getByTestId('import-file').setInputFiles(resolve(FIX, file));
      else await dropFile(page, resolve(FIX, file), name, 'application/octet-stream');
      await page.getByTestId('survey-crs').waitFor();
      // Where values leave two meridians possible, the planner picks the one the file was drawn on.
      const radio = page.locator(`[data-testid="survey-crs"] input[data-crs="${crs}"]`).first();
      await radio.waitFor();
      if (!(await radio.isChecked())) await radio.check();
      await expect.poll(() => checkedCrs(page), { message: name }).toBe(crs);
      await expect.poll(() => page.getByTestId('survey-confirm-crs').isEnabled(), { message: name }).toBe(true);
      await expect.poll(() => importedOnMap(page), { message: name }).toBeGreaterThan(0);
      await acceptFirst(page, cluster, `${name}: bản vẽ QH chi tiết`);
    }
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('select-filtered').click();
    const { text } = await exportSelection(page, 'geojson');
    const exported = JSON.parse(text).features as any[];
    for (const [file, , , want, cluster] of cases) {
      const f = exported.find((x) => x.properties.id === cluster);
      expect(f.properties.geometry_quality, file).toBe('surveyed');
      expect(f.properties.geometry_source, file).toBe(`${file.split('/').pop()} — ${file.split('/').pop()}: bản vẽ QH chi tiết`);
      expect(maxOffsetM(f.geometry.coordinates[0], truth(want).features[0]!.geometry.coordinates[0]!), file).toBeLessThan(0.05);
    }
    // On the map too: the last one drawn solid where PROJ puts it.
    expect(await outlineOf(page, 'nb-mau-gian-khau')).toEqual(['cluster-line-surveyed']);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a large file parses in the worker: progress shows, the map answers clicks meanwhile, cancel stops it and the next file imports', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    // About 25 MB of KML: 12,000 placemarks of 60 vertices, seconds of parsing on this machine.
    const ring = (i: number) => {
      const lon = 105.7 + (i % 120) * 0.006;
      const lat = 20.0 + Math.floor(i / 120) * 0.005;
      return Array.from({ length: 61 }, (_, k) => {
        const a = ((k % 60) / 60) * 2 * Math.PI;
        return `${(lon + 0.002 * Math.cos(a)).toFixed(9)},${(lat + 0.002 * Math.sin(a)).toFixed(9)},0`;
      }).join(' ');
    };
    const placemarks = Array.from({ length: 12_000 }, (_, i) => `<Placemark><name>Thửa ${i + 1}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(i)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`);
    const big = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`);
    await page.getByTestId('import-file').setInputFiles({ name: 'thua_dat.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: big });
    await page.getByTestId('survey-progress').waitFor();
    // The map is not blocked: a click selects a cluster while the file is read.
    await jumpTo(page, [105.85, 20.55], 14);
    await clickAt(page, [105.85, 20.55]);
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    expect(await page.getByTestId('survey-progress').isVisible()).toBe(true);
    await page.getByTestId('survey-cancel').click();
    await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
    expect(await importedOnMap(page)).toBe(0);
    expect(await page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    // A new worker takes the next file; a file chosen while another is read replaces it.
    await page.getByTestId('import-file').setInputFiles({ name: 'thua_dat.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: big });
    await page.getByTestId('survey-progress').waitFor();
    await page.getByTestId('import-file').setInputFiles(resolve(FIX, 'hanam_tm3_105.csv'));
    await page.getByTestId('survey-crs').waitFor();
    expect(await page.getByTestId('survey-panel').textContent()).toContain('hanam_tm3_105.csv');
    await expect.poll(() => importedOnMap(page)).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a file of thousands of shapes is previewed as one picture, in place; its review pages the rows', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    // 6,000 squares of about 4 ha in lon/lat (KML): above the vector preview's limit.
    const pm = Array.from({ length: 6000 }, (_, i) => {
      const lon = 105.75 + (i % 100) * 0.004;
      const lat = 20.05 + Math.floor(i / 100) * 0.004;
      const d = 0.0009;
      const c = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]].map(([x, y]) => `${x!.toFixed(6)},${y!.toFixed(6)}`).join(' ');
      return `<Placemark><name>Ô ${i + 1}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${c}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    });
    const kml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${pm.join('')}</Document></kml>`);
    await page.getByTestId('import-file').setInputFiles({ name: 'o_vuong.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: kml });
    await page.getByTestId('survey-picture').waitFor();
    expect(await page.getByTestId('survey-picture').textContent()).toContain('6.000 hình');
    await expect.poll(() => page.getByTestId('survey-confirm-crs').isEnabled()).toBe(true);
    await waitForMapIdle(page);
    // Square centres are drawn dark (fill and outline), the gaps between them are not.
    const centres: [number, number][] = [[105.75 + 20 * 0.004, 20.05 + 20 * 0.004], [105.75 + 70 * 0.004, 20.05 + 40 * 0.004]];
    await jumpTo(page, centres[0]!, 15);
    const [inSq, gap] = await pixelsAt(page, [centres[0]!, [centres[0]![0] + 0.002, centres[0]![1] + 0.002]]);
    const lum = (p: number[]) => p[0]! + p[1]! + p[2]!;
    expect(lum(inSq!)).toBeLessThan(lum(gap!) - 60);
    await screenshot(page, 'survey-picture');
    await page.getByTestId('survey-confirm-crs').click();
    await page.getByTestId('survey-review').waitFor();
    expect(await page.getByTestId('survey-row').count()).toBe(50);
    expect(await page.getByTestId('survey-more').textContent()).toContain('5950');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a table pasted from Excel (decimal commas, TM-3 105°30′) is proposed on the right meridian', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.getByTestId('paste-open').click();
    await page.getByTestId('paste-text').fill(readFileSync(resolve(FIX, 'namdinh_tm3_105_30.tsv'), 'utf8'));
    await page.getByTestId('paste-read').click();
    await page.getByTestId('survey-crs').waitFor();
    await expect.poll(() => checkedCrs(page)).not.toBeNull();
    // A 105°00′ reading of a 105°30′ table also lands in the province: the planner picks the meridian.
    await page.locator('[data-testid="survey-crs"] input[data-crs="VN2000-TM3-105.5"]').first().check();
    await expect.poll(() => checkedCrs(page)).toBe('VN2000-TM3-105.5');
    await expect.poll(() => page.getByTestId('survey-confirm-crs').isEnabled()).toBe(true);
    await acceptFirst(page, 'nd-mau-xuan-tien', 'QĐ 77/QĐ-UBND');
    const want = truth('namdinh_tm3_105_30_wgs84.geojson').features[0]!.geometry.coordinates[0]!;
    await page.getByTestId('select-filtered').click();
    const { text } = await exportSelection(page, 'geojson');
    const f = JSON.parse(text).features.find((x: any) => x.properties.id === 'nd-mau-xuan-tien');
    expect(f.properties.geometry_quality).toBe('surveyed');
    expect(maxOffsetM(f.geometry.coordinates[0], want)).toBeLessThan(0.05);
    await page.context().close();
  });

  it('bad files are refused with a coded message in Vietnamese; cancel leaves everything as it was', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await page.getByTestId('facet-province').getByLabel('Nam Định', { exact: true }).click();
    await jumpTo(page, [105.85, 20.55], 14);
    await clickAt(page, [105.85, 20.55]);
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    const bad = resolve(import.meta.dirname, '../fixtures/bad-imports');
    for (const file of ['shp-only.zip', 'dxf-no-closed.dxf', 'kmz-no-kml.kmz', 'shp-truncated.zip', 'shp-dbf-count.zip']) {
      await page.getByTestId('import-file').setInputFiles(resolve(bad, file));
      await expect.poll(() => page.getByTestId('notices').textContent()).toContain(file);
      await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
    }
    const notices = (await page.getByTestId('notices').textContent()) ?? '';
    expect(notices).not.toMatch(/\b(the|file|missing|expected)\b/i);
    // Cancel at the coordinate-system step: the preview goes, nothing is applied.
    await page.getByTestId('import-file').setInputFiles(resolve(FIX, 'ninhbinh_utm48.csv'));
    await page.getByTestId('survey-crs').waitFor();
    await page.getByTestId('survey-cancel').click();
    await page.getByTestId('survey-panel').waitFor({ state: 'detached' });
    expect(await importedOnMap(page)).toBe(0);
    expect(await page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('facet-province').getByLabel('Nam Định', { exact: true }).isChecked()).toBe(false);
    await page.getByTestId('tab-changes').click();
    expect(await page.getByTestId('changes-count').textContent()).toContain('0 thay đổi');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('imported features can be clicked and read as text; a bow-tie area is refused saying where; "added N" counts only new clusters', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: '<img src=x onerror=alert(1)>', ghi_chu: 'Mốc M1', so: 7 }, geometry: { type: 'Point', coordinates: [106.1, 20.1] } }] };
    await page.getByTestId('import-file').setInputFiles({ name: 'moc.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(points)) });
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('moc.geojson');
    await jumpTo(page, [106.1, 20.1], 13);
    await clickAt(page, [106.1, 20.1]);
    const panel = page.getByTestId('imported-details');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await panel.textContent()).toContain('Mốc M1');
    expect(await page.evaluate(() => document.querySelectorAll('img[onerror]').length)).toBe(0);
    expect(dialogs).toBe(0);
    // A bow-tie: refused, with where it crosses itself.
    await page.getByTestId('import-file').setInputFiles(resolve(import.meta.dirname, '../fixtures/bad-imports/bow-tie.geojson'));
    await expect.poll(() => page.getByTestId('notices').textContent()).toMatch(/bow-tie\.geojson có đường ranh giới tự cắt .*tại điểm x = 106\.01/);
    expect(await page.getByTestId('selection-bar').textContent()).toContain('Chưa chọn cụm nào');
    // An area over two clusters, one already selected: one is added.
    await jumpTo(page, [105.85, 20.55], 14);
    await clickAt(page, [105.85, 20.55]);
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    const area = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.8, 20.5], [105.98, 20.5], [105.98, 20.67], [105.8, 20.67], [105.8, 20.5]]] } }] };
    await page.getByTestId('import-file').setInputFiles({ name: 'vung.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(area)) });
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('Đã nhập 1 vùng từ vung.geojson: thêm 1 cụm vào lựa chọn.');
    expect(await page.getByTestId('selection-count').textContent()).toBe('Đã chọn 2 cụm');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("the app's own GeoJSON export re-imports as what it was: its clusters selected again", async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.getByTestId('facet-province').getByLabel('Hà Nam', { exact: true }).click();
    await page.getByTestId('select-filtered').click();
    const { text, name } = await exportSelection(page, 'geojson');
    const ids = JSON.parse(text).features.map((f: any) => f.properties.id).sort();
    await page.getByTestId('selection-clear').click();
    await expect.poll(() => page.getByTestId('selection-bar').textContent()).toContain('Chưa chọn cụm nào');
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe(`Đã chọn ${ids.length} cụm`);
    expect(await page.getByTestId('notices').textContent()).toContain('là bản xuất của ứng dụng');
    expect(await importedOnMap(page)).toBe(0);
    await page.context().close();
  });
});
