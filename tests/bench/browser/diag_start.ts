/**
 * Diagnostic (not part of bench:browser): a timeline of the app's start-up vs the bare page.
 * `npx tsx tests/bench/browser/diag_start.ts [N] [runs]` prints, per page, the resource
 * timings (start → end, ms since navigation) and the map's milestones.
 */
import { buildIfStale } from '../../e2e/build_if_stale';
import { launchBrowser } from '../../e2e/browser';
import { startServer } from './server';

const n = Number(process.argv[2] ?? 115);
const runs = Number(process.argv[3] ?? 2);
buildIfStale();
const { base, server } = await startServer();
const browser = await launchBrowser();

function timelineProbe(): void {
  const w = window as unknown as { __mapView?: { map: any }; __map?: any; __tl: [string, number][] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  w.__tl = [];
  const mark = (s: string) => w.__tl.push([s, performance.now()]);
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__tl.push([`long task ${e.duration.toFixed(0)} ms (ends ${(e.startTime + e.duration).toFixed(0)})`, e.startTime]);
  }).observe({ type: 'longtask', buffered: true });
  const timer = setInterval(() => {
    const map = w.__mapView?.map ?? w.__map;
    if (!map) return;
    clearInterval(timer);
    mark('map object');
    map.once('load', () => mark('load'));
    const proto = Object.getPrototypeOf(map.getSource('clusters') ?? {});
    if (proto?.setData) {
      const orig = proto.setData;
      proto.setData = function (this: { id: string }, ...a: unknown[]) {
        mark(`setData ${this.id}`);
        return orig.apply(this, a);
      };
    }
    let frames = 0;
    map.on('render', () => { if (++frames <= 12) mark(`render #${frames}`); });
    let firstRender = false;
    let idle = false;
    const seen = new Set<string>();
    map.on('data', (e: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      if (e.dataType === 'source' && e.tile && (e.sourceId === 'clusters' || e.sourceId === 'cluster-anchors')) mark(`tile ${e.sourceId} ${e.tile.tileID.canonical.z}/${e.tile.tileID.canonical.x}/${e.tile.tileID.canonical.y} zoom ${map.getZoom().toFixed(2)}`);
      if (e.dataType === 'source' && e.sourceId && !seen.has(e.sourceId) && map.isSourceLoaded(e.sourceId)) {
        seen.add(e.sourceId);
        mark(`source loaded ${e.sourceId}`);
      }
    });
    map.on('render', () => {
      if (firstRender || !map.getLayer('cluster-fill')) return;
      if (map.queryRenderedFeatures({ layers: ['cluster-fill'] }).length) {
        firstRender = true;
        mark('first frame with clusters');
      }
    });
    map.on('idle', () => {
      if (idle || !map.getLayer('cluster-fill')) return;
      if (map.queryRenderedFeatures({ layers: ['cluster-fill'] }).length) {
        idle = true;
        mark('first idle with clusters');
      }
    });
  }, 5);
}

try {
  for (let r = 0; r < runs; r++) {
    for (const target of (process.env.TARGETS ?? 'app,bare').split(',')) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript('globalThis.__name = (f) => f;');
      await page.addInitScript(timelineProbe);
      await page.goto(target.startsWith('app') ? `${base}/s/${n}/${target.slice(3)}` : `${base}/s/${n}/bare.html?w=970&h=746`);
      await page.waitForFunction(() => (window as unknown as { __tl: [string, number][] }).__tl.some(([s]) => s === 'first idle with clusters'), undefined, { timeout: 240_000 });
      const out = await page.evaluate(() => {
        const res = performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), e.startTime, (e as PerformanceResourceTiming).responseEnd] as const);
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { tl: (window as unknown as { __tl: [string, number][] }).__tl, res, dcl: nav.domContentLoadedEventEnd, loadEv: nav.loadEventEnd };
      });
      const at = (k: string) => out.tl.find(([s]) => s === k)?.[1]?.toFixed(0);
      process.stdout.write(`${target} run ${r + 1}: first frame with clusters ${at('first frame with clusters')}, first idle ${at('first idle with clusters')}\n`);
      if (process.env.TIMELINE && r === runs - 1) {
        process.stdout.write(`\n== ${target} ${n} (run ${r + 1})  DOMContentLoaded ${out.dcl.toFixed(0)}  load ${out.loadEv.toFixed(0)}\n`);
        const rows: [number, string][] = [
          ...out.res.map(([name, s, e]) => [s, `  res ${s.toFixed(0).padStart(6)} → ${e.toFixed(0).padStart(6)}  ${name}`] as [number, string]),
          ...out.tl.map(([s, t]) => [t, `  ==> ${t.toFixed(0).padStart(6)}  ${s}`] as [number, string]),
        ];
        rows.sort((a, b) => a[0] - b[0]);
        for (const [, line] of rows) process.stdout.write(line + '\n');
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
