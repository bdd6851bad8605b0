import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { drawPolygon, exportSelection, openApp, renderedClusterIds, screenshot, selectBox, selectedIds, toPage, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('selection and export', () => {
  it('box-select over Nam Định picks the clusters inside the box; Esc clears', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await selectBox(page, [106.0, 20.36], [106.42, 20.24]);
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 2 cụm');
    expect(await selectedIds(page)).toEqual(['nd-mau-xuan-tien', 'nd-mau-y-yen']);
    expect(await page.getByTestId('selection-area').textContent()).toBe('100 ha');
    await screenshot(page, 'selection-box');
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedIds(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('Shift-click adds and removes a cluster', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const a = await toPage(page, [106.05, 20.30]);
    await page.mouse.click(a.x, a.y);
    // The details panel opens beside the map and the map resizes: positions are read afresh.
    await page.getByTestId('details').waitFor();
    await waitForMapIdle(page);
    const b = await toPage(page, [105.86, 20.30]);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => selectedIds(page)).toEqual(['nb-mau-gian-khau', 'nd-mau-y-yen']);
    const a2 = await toPage(page, [106.05, 20.30]);
    await page.keyboard.down('Control');
    await page.mouse.click(a2.x, a2.y);
    await page.keyboard.up('Control');
    await expect.poll(() => selectedIds(page)).toEqual(['nb-mau-gian-khau']);
    await page.context().close();
  });

  it('a drawn polygon selects the clusters it covers, and export downloads exactly them', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    // The drawing tool's layers are on the map only while the planner draws (they cost every frame).
    const drawLayers = () => page.evaluate(() => (window as any).__mapView.map.getStyle().layers.filter((l: any) => l.id.startsWith('td-')).length);
    expect(await drawLayers()).toBe(0);
    await drawPolygon(page, [[105.8, 20.67], [105.98, 20.67], [105.98, 20.5], [105.8, 20.5]]);
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 2 cụm');
    expect(await selectedIds(page)).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang']);
    // A finished shape returns to panning: the tool stops; it starts again for the next shape.
    await expect.poll(drawLayers).toBe(0);
    await page.getByTestId('tool-circle').click();
    await expect.poll(drawLayers).toBeGreaterThan(0);
    await page.getByTestId('tool-circle').click();
    await expect.poll(drawLayers).toBe(0);
    await waitForMapIdle(page);
    await screenshot(page, 'selection-polygon');
    const gj = await exportSelection(page, 'geojson');
    expect(gj.name).toMatch(/^cum-cong-nghiep.*\.geojson$/);
    const fc = JSON.parse(gj.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: any) => f.properties.id).sort()).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang']);
    expect(fc.features.find((f: any) => f.properties.id === 'hn-mau-dong-van').properties.workers).toBe(1035);
    const csv = await exportSelection(page, 'csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('CCN Mẫu Đồng Văn');
    expect(csv.text.trim().split(/\r?\n/)).toHaveLength(3);
    const areas = await exportSelection(page, 'areas');
    expect(JSON.parse(areas.text).features).toHaveLength(1);
    // Round trip: the exported file imports back as what it was, the same clusters selected (no overlay).
    await page.getByTestId('selection-clear').click();
    await page.getByTestId('import-file').setInputFiles({ name: gj.name, mimeType: 'application/geo+json', buffer: Buffer.from(gj.text) });
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain(`Tệp ${gj.name} là bản xuất của ứng dụng: đã chọn lại 2 cụm.`);
    expect(await selectedIds(page)).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang']);
    const layer = await page.evaluate(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['imported-fill'] }).length);
    expect(layer).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('exports a PNG of the map with title, legend and scale', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/^ban-do-cum-cong-nghiep_\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(resolve(import.meta.dirname, 'screenshots', 'export-map.png'), png);
    const map = (await page.getByTestId('map').boundingBox())!;
    // Width = the map's; height = the map plus the title band and the attribution line.
    expect(png.readUInt32BE(16)).toBe(Math.round(map.width));
    expect(png.readUInt32BE(20)).toBe(Math.round(map.height) + 64 + 28);
    // The image holds the drawn map: decode it in the page and count non-white pixels.
    const coloured = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240) n++;
      return n / (c.width * c.height);
    }, png.toString('base64'));
    expect(coloured).toBeGreaterThan(0.3);
    await page.context().close();
  });

  it('export with nothing selected exports the filtered set and says so', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.getByTestId('facet-province').getByLabel('Hà Nam', { exact: true }).click();
    await page.getByTestId('facet-province').getByLabel('Nam Định', { exact: true }).click();
    const gj = await exportSelection(page, 'geojson');
    expect(JSON.parse(gj.text).features.map((f: any) => f.properties.id).sort()).toEqual(['nb-mau-gian-khau', 'nb-mau-khanh-nhac']);
    expect(gj.name).toContain('ninh-binh');
    expect(await page.getByTestId('notices').textContent()).toContain('2 cụm theo bộ lọc');
    await page.context().close();
  });
});

describe('import and shared links', () => {
  const FIX = resolve(import.meta.dirname, '../fixtures/bad-imports');
  const file = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(resolve(FIX, name)) });

  it('a malformed file gets a clear message and the selection and filters stay', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await selectBox(page, [106.0, 20.36], [106.42, 20.24]);
    await expect.poll(() => selectedIds(page)).toEqual(['nd-mau-xuan-tien', 'nd-mau-y-yen']);
    for (const [name, text] of [
      ['truncated.geojson', 'truncated.geojson'],
      ['corrupt.zip', 'corrupt.zip'],
    ] as const) {
      await page.getByTestId('import-file').setInputFiles(file(name));
      await expect.poll(() => page.locator('.notice.problem').last().textContent()).toContain(text);
    }
    expect(await page.locator('.notice.problem').count()).toBe(2);
    // Latitude and longitude swapped: not refused any more, the survey import proposes the swap.
    await page.getByTestId('import-file').setInputFiles(file('swapped-coordinates.geojson'));
    await page.getByTestId('survey-crs').waitFor();
    expect(await page.locator('[data-testid="survey-crs"] input:checked').getAttribute('data-crs')).toBe('EPSG:4326');
    expect(await page.getByTestId('survey-crs').textContent()).toContain('vĩ độ đứng trước kinh độ');
    await page.getByTestId('survey-cancel').click();
    // (the preview framed the file's shape: the map is framed on the province again to count)
    await page.evaluate(() => (window as any).__mapView.fit(null, false));
    expect(await selectedIds(page)).toEqual(['nd-mau-xuan-tien', 'nd-mau-y-yen']);
    expect(await renderedClusterIds(page)).toHaveLength(8);
    await screenshot(page, 'import-errors');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('HTML and script in property values import as plain text; nothing runs', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.getByTestId('import-file').setInputFiles(file('html-in-properties.geojson'));
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('html-in-properties.geojson');
    await page.waitForTimeout(500);
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img[onerror], script:not([src])').length)).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('an imported area selects the visible clusters it covers', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const area = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'vùng' }, geometry: { type: 'Polygon', coordinates: [[[105.8, 20.5], [105.98, 20.5], [105.98, 20.67], [105.8, 20.67], [105.8, 20.5]]] } }] };
    await page.getByTestId('import-file').setInputFiles({ name: 'vung.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(area)) });
    await expect.poll(() => selectedIds(page)).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang']);
    await page.context().close();
  });

  it('a copied link reopens the same filters and selection in a new page', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.getByTestId('facet-province').getByLabel('Ninh Bình', { exact: true }).click();
    await page.getByTestId('facet-status').getByLabel('Quy hoạch', { exact: true }).click();
    await selectBox(page, [106.0, 20.36], [106.42, 20.24]);
    await expect.poll(() => selectedIds(page)).toEqual(['nd-mau-xuan-tien', 'nd-mau-y-yen']);
    await expect.poll(() => new URL(page.url()).hash).toContain('sel=');
    const hash = new URL(page.url()).hash;
    await page.context().close();

    const again = await openApp(browser(), baseUrl, { path: hash });
    await expect.poll(() => again.page.getByTestId('showing').textContent()).toBe('Đang hiển thị 4 / 8 cụm');
    expect(await again.page.getByTestId('facet-province').getByLabel('Ninh Bình', { exact: true }).isChecked()).toBe(false);
    await expect.poll(() => selectedIds(again.page)).toEqual(['nd-mau-xuan-tien', 'nd-mau-y-yen']);
    await again.page.context().close();

    const stale = await openApp(browser(), baseUrl, { path: '#sel=nd-mau-y-yen,khong-ton-tai&st=banana&map=abc' });
    await expect.poll(() => stale.page.getByTestId('notices').textContent()).toContain('bỏ qua');
    await expect.poll(() => selectedIds(stale.page)).toEqual(['nd-mau-y-yen']);
    expect(stale.consoleErrors).toEqual([]);
    await stale.page.context().close();
  });
});
