/**
 * Diagnostic (not part of bench:browser): WebGL calls per frame while panning, app vs bare
 * page. Under software WebGL a pan frame's cost follows its draw calls (tile masks and one
 * draw per layer and tile). `npx tsx tests/bench/browser/diag_draws.ts [N]`.
 */
import { launchBrowser } from '../../e2e/browser';
import { firstRenderProbe, settle } from './probes';
import { startServer } from './server';

/* eslint-disable @typescript-eslint/no-explicit-any -- page globals */
/** Init script: counts WebGL2 calls by kind in `window.__calls`. */
function countCalls(): void {
  const w = window as any;
  w.__calls = { draw: 0, useProgram: 0, buffer: 0 };
  const P = WebGL2RenderingContext.prototype as any;
  const kinds: Record<string, string[]> = { draw: ['drawElements', 'drawArrays'], useProgram: ['useProgram'], buffer: ['bufferData', 'bufferSubData'] };
  for (const [kind, names] of Object.entries(kinds)) {
    for (const name of names) {
      const orig = P[name];
      P[name] = function (this: unknown, ...a: unknown[]) {
        w.__calls[kind]++;
        return orig.apply(this, a);
      };
    }
  }
}

/** Pans 300 px and returns the calls per drawn frame. */
async function perFrame(): Promise<{ frames: number; calls: Record<string, number> }> {
  const w = window as any;
  const map = w.__mapView?.map ?? w.__map;
  for (const k in w.__calls) w.__calls[k] = 0;
  let frames = 0;
  map.on('render', () => frames++);
  await new Promise<void>((res) => {
    map.once('moveend', () => res());
    map.panBy([300, 0], { duration: 1500, easing: (t: number) => t });
  });
  const calls = Object.fromEntries(Object.entries(w.__calls as Record<string, number>).map(([k, v]) => [k, Math.round((v / frames) * 10) / 10]));
  return { frames, calls };
}

const n = Number(process.argv[2] ?? 115);
const { base, server } = await startServer();
const browser = await launchBrowser();
try {
  for (const target of ['bare', 'app']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(firstRenderProbe);
    await page.addInitScript(countCalls);
    await page.goto(`${base}/s/${n}/${target === 'app' ? '' : 'bare.html?w=970&h=746'}`);
    await page.waitForFunction(() => (window as { __firstRender?: unknown }).__firstRender, undefined, { timeout: 240_000 });
    await page.evaluate(settle, 1500);
    const r = await page.evaluate(perFrame);
    process.stdout.write(`${n} ${target}: ${r.frames} frames, per frame ${JSON.stringify(r.calls)}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
