/** Diagnostic (not part of bench:browser): where successive app loads spend their time (fresh context each). `npx tsx tests/bench/browser/diag_cold.ts 1000,10000,10000`. */
import { launchBrowser } from '../../e2e/browser';
import { firstRenderProbe } from './probes';
import { startServer } from './server';

const { base, server } = await startServer();
const browser = await launchBrowser();
const order = (process.argv[2] ?? '1000,10000,10000,1000,10000').split(',').map(Number);
try {
  for (const n of order) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(firstRenderProbe);
    await page.goto(`${base}/s/${n}/`);
    await page.waitForFunction(() => (window as any).__firstRender, undefined, { timeout: 240_000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = res.filter((e) => e.name.includes('/assets/') && e.name.endsWith('.js'));
      const data = res.filter((e) => e.name.includes('/data/'));
      const span = (es: PerformanceResourceTiming[]) => (es.length ? Math.max(...es.map((e) => e.responseEnd)) - Math.min(...es.map((e) => e.startTime)) : 0);
      return {
        dcl: Math.round(nav.domContentLoadedEventEnd), style: Math.round((window as any).__firstRender.styleLoaded ?? -1), frame: Math.round((window as any).__firstRender.frame),
        jsFetch: Math.round(span(js)), dataFetch: Math.round(span(data)), tiles: data.filter((e) => e.name.includes('/tiles/')).length,
        slowest: data.sort((a, b) => b.duration - a.duration).slice(0, 2).map((e) => `${e.name.split('/data/')[1]} ${Math.round(e.duration)}ms`),
      };
    });
    process.stdout.write(`${n}: ${JSON.stringify(r)}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
