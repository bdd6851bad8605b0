/**
 * Diagnostic (not part of bench:browser): which of the app's layers make its pan frames
 * slow. Opens the app at N clusters (default 10,000), measures pan frames with all layers,
 * then with groups of layers hidden. `npx tsx tests/bench/browser/diag_pan.ts [N]`.
 */
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
  await page.evaluate(settle, 1000);
  const variants: [string, string[]][] = [
    ['all layers', []],
    ['no symbol layers (labels)', ['cluster-label', 'zone-label', 'ex-province-label']],
    ['no labels, no dots/points', ['cluster-label', 'zone-label', 'ex-province-label', 'cluster-dot', 'cluster-point', 'village-dot']],
    ['only cluster fill + lines', ['*']],
  ];
  const keep = new Set(['cluster-fill', 'cluster-line-surveyed', 'cluster-line-schematic', 'cluster-highlight']);
  for (const [label, hide] of variants) {
    await page.evaluate(
      ({ hide, keep }) => {
        const map = (window as unknown as { __mapView: { map: any } }).__mapView.map; // eslint-disable-line @typescript-eslint/no-explicit-any
        for (const l of map.getStyle().layers as { id: string }[]) {
          const off = hide.includes('*') ? !keep.includes(l.id) : hide.includes(l.id);
          if (off) map.setLayoutProperty(l.id, 'visibility', 'none');
        }
      },
      { hide, keep: [...keep] },
    );
    await page.evaluate(settle, 500);
    const f = await page.evaluate(panFrames, { dx: 300, ms: 1500, passes: 2 });
    process.stdout.write(`${n} ${label}: ${f.length} frames, p50 ${percentile(f, 50).toFixed(1)} ms, p95 ${percentile(f, 95).toFixed(1)} ms\n`);
  }
} finally {
  await browser.close();
  server.close();
}
