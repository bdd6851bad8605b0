/**
 * Proves the bundled glyph PBFs (public/fonts/**, built by glyphs.ts) render Vietnamese labels
 * in MapLibre GL offline, and that WebGL works in the headless Chromium.
 *
 *   npx tsx geodata/build/glyphs_check.ts [--out /tmp/glyphs.png]
 *
 * Serves a tiny page on 127.0.0.1 (random port) with maplibre-gl 6 (ESM dist + module worker),
 * a style with `glyphs: '/fonts/{fontstack}/{range}.pbf'`, a background layer and symbol layers
 * with Vietnamese names from a GeoJSON source. Below the map the same strings are drawn as HTML
 * text with the same font (fontsource woff2) as a visual reference for baseline / mark placement.
 * Every request that does not go to the local server is aborted and counted as a failure.
 *
 * Fails (exit 1) on: console errors / page errors, failed or non-local requests, a glyph range
 * that was not served from public/fonts with 200, glyphs drawn locally instead of from the PBFs,
 * or too few text pixels in the map canvas. Screenshot: /tmp/glyphs.png.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { launchChromium, chromiumArgs } from './glyphs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAPLIBRE_DIST = path.join(path.dirname(require.resolve('maplibre-gl/package.json')), 'dist');
const FONTSOURCE_FILES = path.join(ROOT, 'node_modules', '@fontsource', 'be-vietnam-pro', 'files');
const FONTS_DIR = path.join(ROOT, 'public', 'fonts');

const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : '/tmp/glyphs.png';

/** Labels: [text, fontstack]. All NFC (precomposed) – see the NFD note in glyphs.ts. */
const LABELS: [string, string][] = [
  ['CCN Đồng Văn', 'Be Vietnam Pro SemiBold'],
  ['Nghĩa Hưng', 'Be Vietnam Pro Regular'],
  ['Ỷ La · Thuỷ · Ứng Hoà', 'Be Vietnam Pro Regular'],
  ['ể ỗ ậ ặ ẩ ễ ở ữ ự ỹ Ể Ỗ Ậ Ặ', 'Be Vietnam Pro Regular'],
  ['ơ ư ă â ê ô đ Ơ Ư Ă Â Ê Ô Đ', 'Be Vietnam Pro SemiBold'],
  ['Kim Sơn – “Tam Điệp” ₫ …', 'Be Vietnam Pro Regular'],
];
const TEXT_SIZE = 24;
const MIME: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css', '.pbf': 'application/x-protobuf',
  '.woff2': 'font/woff2', '.html': 'text/html; charset=utf-8', '.json': 'application/json',
};

function html(): string {
  const features = LABELS.map(([name, font], i) => ({
    type: 'Feature',
    properties: { name, font },
    geometry: { type: 'Point', coordinates: [105.97, 20.4 - i * 0.012] },
  }));
  const faces = [400, 600].flatMap((w) =>
    ['latin', 'latin-ext', 'vietnamese'].map(
      (s) => `@font-face{font-family:'BVP Ref';font-weight:${w};src:url(/fontsource/be-vietnam-pro-${s}-${w}-normal.woff2) format('woff2');}`,
    ),
  );
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>${faces.join('\n')}
html,body{margin:0;background:#fff}
#map{width:900px;height:460px}
#ref{font-family:'BVP Ref';font-size:${TEXT_SIZE}px;line-height:1.45;padding:6px 12px;border-top:2px solid #888;width:876px}
#ref div{white-space:nowrap}
</style></head><body>
<div id="map"></div>
<div id="ref">${LABELS.map(([t, f]) => `<div style="font-weight:${f.endsWith('SemiBold') ? 600 : 400}">${t}</div>`).join('')}</div>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl(new URL('/maplibre/maplibre-gl-worker.mjs', location.href).href);
const map = new maplibregl.Map({
  container: 'map',
  attributionControl: false,
  interactive: false,
  fadeDuration: 0,
  canvasContextAttributes: { preserveDrawingBuffer: true },
  center: [105.97, 20.37],
  zoom: 12.2,
  style: {
    version: 8,
    glyphs: '/fonts/{fontstack}/{range}.pbf',
    sources: { labels: { type: 'geojson', data: ${JSON.stringify({ type: 'FeatureCollection', features })} } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#f3efe6' } },
      { id: 'labels', type: 'symbol', source: 'labels', layout: {
          'text-field': ['get', 'name'], 'text-font': ['match', ['get', 'font'], 'Be Vietnam Pro SemiBold',
            ['literal', ['Be Vietnam Pro SemiBold']], ['literal', ['Be Vietnam Pro Regular']]], 'text-size': ${TEXT_SIZE},
          'text-allow-overlap': true, 'text-ignore-placement': true, 'text-anchor': 'center',
          'text-max-width': 100 },
        paint: { 'text-color': '#1b2a3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1 } },
    ],
  },
});
window.__map = map;
map.on('error', (e) => console.error('map error: ' + (e.error && e.error.message)));
map.once('idle', () => {
  const gl = map.painter.context.gl;
  const dbg = gl.getExtension('WEBGL_debug_renderer_info');
  const c = map.getCanvas();
  const cv = document.createElement('canvas'); cv.width = c.width; cv.height = c.height;
  const ctx = cv.getContext('2d'); ctx.drawImage(c, 0, 0);
  const d = ctx.getImageData(0, 0, cv.width, cv.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    // background #f3efe6, halo white; text #1b2a3a -> count clearly dark pixels
    if (d[i] + d[i + 1] + d[i + 2] < 360) ink++;
  }
  window.__result = {
    ink, width: cv.width, height: cv.height,
    webgl: gl instanceof WebGL2RenderingContext ? 'webgl2' : 'webgl1',
    renderer: gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER),
    rendered: map.queryRenderedFeatures({ layers: ['labels'] }).length,
  };
});
</script></body></html>`;
}

async function serveFile(res: import('node:http').ServerResponse, file: string) {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end('not found');
  }
}

function within(base: string, rel: string): string | null {
  const p = path.resolve(base, '.' + path.sep + rel);
  return p.startsWith(base + path.sep) ? p : null;
}

async function main() {
  const served: { url: string; status: number }[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = decodeURIComponent(url.pathname);
    res.on('finish', () => served.push({ url: p, status: res.statusCode }));
    if (p === '/') {
      res.writeHead(200, { 'content-type': MIME['.html'] }).end(html());
      return;
    }
    const routes: [string, string][] = [['/maplibre/', MAPLIBRE_DIST], ['/fonts/', FONTS_DIR], ['/fontsource/', FONTSOURCE_FILES]];
    for (const [prefix, dir] of routes) {
      if (p.startsWith(prefix)) {
        const f = within(dir, p.slice(prefix.length));
        if (f) return serveFile(res, f);
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const problems: string[] = [];
  const consoleLines: string[] = [];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 740 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(origin + '/') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
      problems.push(`non-local request blocked: ${u}`);
      return route.abort();
    });
    page.on('console', (m) => {
      consoleLines.push(`[${m.type()}] ${m.text()}`);
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      // MapLibre warns (warnOnce) when it has to draw a glyph locally because a range failed
      if (m.type() === 'warning' && /glyph range|Rendering codepoint/i.test(m.text())) problems.push(`console warning: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (!r.url().startsWith('blob:')) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });

    await page.goto(origin + '/');
    try {
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, null, { timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: OUT, fullPage: true }).catch(() => {});
      throw new Error(`map never became idle: ${(e as Error).message}\nproblems: ${problems.join('; ')}\nconsole:\n  ${consoleLines.join('\n  ')}\nserved: ${served.map((s) => `${s.url} ${s.status}`).join(', ')}`);
    }
    await page.evaluate(() => document.fonts.ready);
    const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as {
      ink: number; width: number; height: number; webgl: string; renderer: string; rendered: number;
    };
    await page.screenshot({ path: OUT, fullPage: true });

    // glyph ranges must come from public/fonts with 200
    const glyphReqs = served.filter((s) => s.url.startsWith('/fonts/'));
    for (const g of glyphReqs) if (g.status !== 200) problems.push(`glyph range ${g.url} -> ${g.status}`);
    const expectRanges = ['0-255', '256-511', '7680-7935', '8192-8447'];
    for (const fontstack of ['Be Vietnam Pro Regular', 'Be Vietnam Pro SemiBold']) {
      for (const r of fontstack.endsWith('Regular') ? expectRanges : ['0-255', '256-511']) {
        if (!glyphReqs.some((g) => g.url === `/fonts/${fontstack}/${r}.pbf` && g.status === 200)) {
          problems.push(`expected glyph request /fonts/${fontstack}/${r}.pbf not seen`);
        }
      }
    }
    const nonOk = served.filter((s) => s.status !== 200);
    for (const s of nonOk) problems.push(`served ${s.url} -> ${s.status}`);
    if (result.rendered < LABELS.length) problems.push(`only ${result.rendered}/${LABELS.length} labels rendered`);
    if (result.ink < 3000) problems.push(`too few text pixels: ${result.ink}`);

    console.log(`chromium args: ${JSON.stringify(chromiumArgs())} (headless: true)`);
    console.log(`WebGL: ${result.webgl}, renderer: ${result.renderer}`);
    console.log(`labels rendered: ${result.rendered}, text pixels: ${result.ink} of ${result.width}x${result.height}`);
    console.log(`glyph requests: ${glyphReqs.map((g) => `${g.url} ${g.status}`).join(', ')}`);
    console.log(`screenshot: ${OUT}`);
    if (consoleLines.length) console.log(`console:\n  ${consoleLines.join('\n  ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length) {
    console.error(`FAIL:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('OK');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
