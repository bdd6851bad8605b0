/** Diagnostic (not part of bench:browser): which layers make the app's slowest pan frames at N clusters, each variant against all layers, in turns. `npx tsx tests/bench/browser/diag_pan.ts [N]`. */
import { launchBrowser } from '../../e2e/browser';
import { firstRenderProbe, panFrames, settle } from './probes';
import { percentile } from './stats';
import { startServer } from './server';

const n = Number(process.argv[2] ?? 10000);
const { base, server } = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(firstRenderProbe);
  await page.goto(`${base}/s/${n}/`);
  await page.waitForFunction(() => (window as { __firstRender?: unknown }).__firstRender, undefined, { timeout: 240_000 });
  await page.evaluate(settle, 1500);
  const zoom = await page.evaluate(() => (window as any).__mapView.map.getZoom());
  process.stdout.write(`zoom ${zoom.toFixed(2)}\n`);
  const variants: [string, string[]][] = [
    ['all layers', []],
    ['no commune lines/labels', ['commune-line', 'commune-label']],
    ['no cluster outlines', ['cluster-line-surveyed', 'cluster-line-traced', 'cluster-line-schematic', 'cluster-highlight']],
    ['no cluster dots/points', ['cluster-dot', 'cluster-point']],
    ['no zones', ['zone-fill', 'zone-line', 'zone-label']],
    ['no villages', ['village-dot', 'village-label']],
    ['no context (land, boundaries, labels)', ['*context']],
  ];
  const frames = new Map<string, number[]>(variants.map(([l]) => [l, []]));
  for (let round = 0; round < 4; round++) {
    for (const [label, hide] of variants) {
      await page.evaluate((hide) => {
        const map = (window as any).__mapView.map;
        for (const l of map.getStyle().layers as { id: string; source?: string }[]) {
          const off = hide.includes(l.id) || (hide.includes('*context') && l.source === 'context');
          map.setLayoutProperty(l.id, 'visibility', off ? 'none' : (map.__vis?.[l.id] ?? map.getLayoutProperty(l.id, 'visibility') ?? 'visible'));
        }
      }, hide);
      await page.evaluate(settle, 400);
      frames.get(label)!.push(...(await page.evaluate(panFrames, { dx: 300, ms: 1500, passes: 2 })));
      // restore
      await page.evaluate((hide) => {
        const map = (window as any).__mapView.map;
        for (const l of map.getStyle().layers as { id: string; source?: string }[]) {
          const off = hide.includes(l.id) || (hide.includes('*context') && l.source === 'context');
          if (off) map.setLayoutProperty(l.id, 'visibility', 'visible');
        }
      }, hide);
    }
  }
  for (const [label, f] of frames) process.stdout.write(`${n} ${label}: ${f.length} frames, p50 ${percentile(f, 50).toFixed(1)} ms, p95 ${percentile(f, 95).toFixed(1)} ms, mean ${(f.reduce((a, b) => a + b, 0) / f.length).toFixed(1)}\n`);
} finally {
  await browser.close();
  server.close();
}
