import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { satellitesReference, unionReference } from '../../src/geo/proximity/proximity_reference';
import { useBrowser } from './browser';
import { openApp, screenshot, toPage, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const FIX = resolve(import.meta.dirname, '../fixtures/app');
const read = (f: string) => JSON.parse(readFileSync(resolve(FIX, f), 'utf8'));
const browser = useBrowser();

describe('proximity panel', () => {
  it('lists the satellite clusters of a KCN exactly as the reference computes, and marks them on the map', async () => {
    const data = { clusters: read('clusters.geojson').features, zones: read('industrial_zones.geojson').features, villages: read('craft_villages.geojson').features };
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await page.getByTestId('tab-proximity').click();
    await page.getByTestId('prox-kind').selectOption('satellites');
    await page.getByTestId('prox-zone').selectOption('kcn-mau-gian-khau');
    for (const km of [5, 20]) {
      await page.getByTestId('prox-km').fill(String(km));
      const expected = satellitesReference(data, 'kcn-mau-gian-khau', km).map((n) => n.id);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('prox-count').textContent()).toBe(`${expected.length} kết quả`);
      const listed = await page.getByTestId('prox-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
      expect(listed).toEqual(expected);
      await waitForMapIdle(page);
      const marked = await page.evaluate(() =>
        [...new Set((window as any).__mapView.map.queryRenderedFeatures({ layers: ['prox-hit'] }).map((f: any) => f.properties.id))].sort(),
      );
      expect(marked).toEqual([...expected].sort());
    }
    expect(await page.getByTestId('prox-table').textContent()).toMatch(/\d+,\d{2} km/);
    await screenshot(page, 'proximity-satellites');
    await page.getByTestId('prox-replace').click();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toMatch(/^Đã chọn \d+ cụm$/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('clicking a KCN on the map opens its details, and from them its satellite clusters', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const p = await toPage(page, [105.9, 20.31]);
    await page.mouse.click(p.x, p.y);
    const details = page.getByTestId('place-details');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('KCN Mẫu Gián Khẩu');
    expect(await details.textContent()).toContain('200 ha');
    await page.getByTestId('place-prox').click();
    await page.getByTestId('proximity').waitFor();
    expect(await page.getByTestId('prox-zone').inputValue()).toBe('kcn-mau-gian-khau');
    // (read the rows without an auto-waiting call inside the poll: the panel renders as its code and answer arrive)
    const firstRowId = () => page.getByTestId('proximity').evaluate((el) => el.querySelector('[data-testid="prox-table"] tbody tr')?.getAttribute('data-id') ?? null);
    await expect.poll(firstRowId, { timeout: 15_000 }).toBe('nb-mau-gian-khau');
    await page.context().close();
  });
});

describe('a question over a set', () => {
  const shipped = () => {
    const g = (f: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata', f), 'utf8')).features;
    return { clusters: g('clusters.geojson'), zones: g('industrial_zones.geojson'), villages: g('craft_villages.geojson') };
  };

  it('clusters within 5 km of every phase of KCN Đồng Văn: one union, added to the selection and exported in 5 actions; the copied link opens the same question', async () => {
    const data = shipped();
    const phases = data.zones.filter((z: { properties: { name: string } }) => z.properties.name.includes('Đồng Văn')).map((z: { properties: { id: string } }) => z.properties.id);
    const expected = unionReference(data, { layer: 'zones', ids: phases }, 'clusters', { kind: 'within', km: 5 });
    expect(phases.length).toBeGreaterThanOrEqual(4);
    expect(expected.length).toBeGreaterThan(0);
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const before = await page.evaluate(() => (window as any).__mapView.map.getCenter().toArray());
    // 1 the tab, 2 type, 3 "choose all matches" (the question starts from KCN, 5 km, clusters)
    await page.getByTestId('tab-proximity').click();
    await page.getByTestId('prox-pick-search').fill('dong van');
    await page.getByTestId('prox-pick-all').click();
    expect(await page.getByTestId('prox-chosen').locator('li').count()).toBe(phases.length + 1);
    const rows = page.getByTestId('prox-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(expected.length);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    expect(listed).toEqual(expected.map((h) => h.id));
    // Each row says which phase it is nearest to and how far to trust the distance.
    const first = rows.first();
    const nearestPhase = data.zones.find((z: { properties: { id: string } }) => z.properties.id === expected[0]!.fromId).properties.name;
    expect(await first.locator('td').nth(2).textContent()).toBe(nearestPhase);
    expect(await first.getByTestId('prox-trust').textContent()).toMatch(/sơ đồ|ranh giới/);
    // Clicking a row opens the cluster without flying the map away.
    await first.click();
    await page.getByTestId('details').waitFor();
    expect(await page.evaluate(() => (window as any).__mapView.map.getCenter().toArray())).toEqual(before);
    // 4 add to the selection, 5 export
    await page.getByTestId('prox-add').click();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toContain(String(expected.length));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id).sort()).toEqual(expected.map((h) => h.id).sort());
    // The same rows as a spreadsheet: read back with the same library, areas are numbers.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!).buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const rowsOut = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    expect(rowsOut.map((r) => r.getCell(header.indexOf('id') + 1).value).sort()).toEqual(expected.map((h) => h.id).sort());
    const byId = new Map(data.clusters.map((c: { properties: { id: string; planned_area_ha: number | null } }) => [c.properties.id, c.properties.planned_area_ha]));
    for (const r of rowsOut) {
      const area = byId.get(String(r.getCell(header.indexOf('id') + 1).value));
      expect(r.getCell(header.indexOf('planned_area_ha') + 1).value).toBe(area ?? null);
    }
    expect(rowsOut.some((r) => typeof r.getCell(header.indexOf('planned_area_ha') + 1).value === 'number')).toBe(true);
    await screenshot(page, 'proximity-union');
    // The copied link restores the question in a fresh page.
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('Đã chép liên kết');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('q=union');
    const fresh = await openApp(browser(), baseUrl, { fixture: false, path: link.slice(link.indexOf('#')) });
    const freshRows = fresh.page.getByTestId('prox-table').locator('tbody tr');
    // (a fresh page loads the whole dataset before it can answer: more than the default second)
    await expect.poll(() => freshRows.count(), { timeout: 20_000 }).toBe(expected.length);
    expect(await fresh.page.getByTestId('prox-chosen').locator('li').count()).toBe(phases.length + 1);
    await expect.poll(() => fresh.page.getByTestId('selection-count').textContent(), { timeout: 15_000 }).toContain(String(expected.length));
    expect(consoleErrors).toEqual([]);
    expect(fresh.consoleErrors).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });
});
