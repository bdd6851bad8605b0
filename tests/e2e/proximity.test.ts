import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { satellitesReference } from '../../src/geo/proximity/proximity_reference';
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
    await page.getByTestId('prox-select').click();
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
    await expect.poll(() => page.getByTestId('prox-table').locator('tbody tr').first().getAttribute('data-id')).toBe('nb-mau-gian-khau');
    await page.context().close();
  });
});
