import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { exportSelection, openApp, renderedClusterIds, screenshot, toggleProvince, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('offline and hardening', () => {
  it('works in full on the bundled data with every non-local request blocked', async () => {
    const { page, consoleErrors, externalRequests } = await openApp(browser(), baseUrl, { fixture: false });
    const total = (await renderedClusterIds(page)).length;
    expect(total).toBeGreaterThan(50);
    await toggleProvince(page, 'Nam Định');
    const fewer = (await renderedClusterIds(page)).length;
    expect(fewer).toBeLessThan(total);
    await page.getByTestId('search').fill('my thuan');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('details').locator('h2').textContent()).toBe('CCN Mỹ Thuận');
    // Nam Định is filtered out: the planner is told why the map shows nothing there.
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('CCN Mỹ Thuận đang bị ẩn bởi bộ lọc');
    await toggleProvince(page, 'Nam Định');
    await page.waitForFunction(() => (window as any).__mapView.map.getZoom() > 12);
    await waitForMapIdle(page);
    await screenshot(page, 'real-details');
    await page.getByTestId('tab-proximity').click();
    await page.getByTestId('prox-kind').selectOption('nearestZones');
    await expect.poll(() => page.getByTestId('prox-count').textContent()).toMatch(/^\d+ kết quả$/);
    const gj = await exportSelection(page, 'geojson');
    expect(JSON.parse(gj.text).features.length).toBeGreaterThan(0);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('reopens with no connection at all, from the service worker cache', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl);
    await page.waitForSelector('body[data-map-ready="true"]');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Active is not yet in control: wait for the worker's clients.claim() to reach this page.
    await page.evaluate(() =>
      navigator.serviceWorker.controller
        ? undefined
        : new Promise<void>((res) => navigator.serviceWorker.addEventListener('controllerchange', () => res(), { once: true })),
    );
    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('data/clusters.geojson', { cache: 'no-store' }).then((r) => r.ok, () => false))).toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await waitForMapIdle(page);
    expect((await renderedClusterIds(page)).length).toBeGreaterThan(50);
    expect(await page.getByTestId('load-error').count()).toBe(0);
    await screenshot(page, 'offline-reload');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves a Content-Security-Policy under which an injected inline script does not run', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      (window as any).__injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 200));
      return { injected: (window as any).__injected, violations };
    });
    expect(result.injected).toBe(false);
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    await page.context().close();
  });
});
