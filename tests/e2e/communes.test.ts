import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { jumpTo, openApp, renderedClusterIds, screenshot, statsTable, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Names of the 2025 communes whose labels the map draws now. */
async function communeLabels(page: import('playwright-core').Page): Promise<string[]> {
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const map = (window as any).__mapView.map;
    return [...new Set<string>(map.queryRenderedFeatures({ layers: ['commune-label'] }).map((f: any) => f.properties.name))].sort();
  });
}

describe('the 2025 communes', () => {
  it('are drawn with their names at zoom 12, with nothing from the network, and switch off', async () => {
    const { page, externalRequests, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    await jumpTo(page, [105.915, 20.54], 12);
    const names = await communeLabels(page);
    expect(names).toContain('Phường Phủ Lý');
    expect(names.length).toBeGreaterThan(2);
    const lines = await page.evaluate(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['commune-line'] }).length);
    expect(lines).toBeGreaterThan(0);
    await screenshot(page, 'communes-z12');
    // Province scale: no names yet (they would crowd the clusters).
    await jumpTo(page, [106.0, 20.3], 9);
    expect(await communeLabels(page)).toEqual([]);
    await jumpTo(page, [105.915, 20.54], 12);
    await page.getByTestId('layer-communes').uncheck();
    expect(await communeLabels(page)).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('filter the map and the statistics: Xã Hiển Khánh holds CCN Quang Trung and CCN Hợp Hưng', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    const facet = page.getByTestId('facet-commune');
    await facet.getByTestId('commune-search').fill('hien khanh');
    await facet.locator('.commune-list').getByLabel(/Xã Hiển Khánh/).click();
    await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(/^Đang hiển thị 2 \//);
    await waitForMapIdle(page);
    await page.evaluate(() => (window as any).__mapView.map.fitBounds([[105.95, 20.3], [106.15, 20.45]], { animate: false }));
    expect(await renderedClusterIds(page)).toEqual(['nd-hop-hung', 'nd-quang-trung']);
    // Per 2025 commune, the statistics hold that one commune and the total.
    await page.getByTestId('stats-by-commune').check();
    const table = await statsTable(page);
    expect(Object.keys(table)).toEqual(['Xã Hiển Khánh', 'total']);
    expect(table['Xã Hiển Khánh']![0]).toBe('2');
    // The chosen commune is in the link, and comes back with it.
    expect(await page.evaluate(() => location.hash)).toContain('xa=13753');
    await page.reload();
    await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(/^Đang hiển thị 2 \//);
    await page.getByTestId('facet-commune').getByRole('button', { name: 'Bỏ chọn xã/phường' }).click();
    await expect.poll(() => page.getByTestId('showing').textContent()).not.toMatch(/^Đang hiển thị 2 \//);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('statistics per 2025 commune fit the panel at 1366×768, sort by a column and download as CSV', async () => {
    const { page } = await openApp(browser(), baseUrl, { fixture: false, viewport: { width: 1366, height: 768 } });
    await page.getByTestId('stats-by-commune').check();
    const stats = page.getByTestId('stats');
    const [scroll, client] = await stats.locator('.stats-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await stats.getByRole('button', { name: /Số cụm/ }).click();
    await stats.getByRole('button', { name: /Số cụm/ }).click();
    const first = await stats.locator('tbody tr').first().getAttribute('data-row');
    expect(first).toBe('Xã Ý Yên');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
    expect(dl.suggestedFilename()).toBe('thong_ke_xa_phuong_2025.csv');
    const text = (await (await import('node:fs/promises')).readFile((await dl.path())!, 'utf8'));
    expect(text.startsWith('\uFEFFXã/phường (2025),Số cụm,')).toBe(true);
    expect(text).toContain('\r\nXã Ý Yên,4,');
    await page.context().close();
  });
});
