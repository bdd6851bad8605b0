/**
 * `npm run bench:browser`: the app's production build against a bare MapLibre page, in one
 * run of real headless Chromium (software WebGL), at 115 / 1,000 / 10,000 / 50,000
 * synthetic cluster polygons (real zones, villages and boundaries). Measures time to first
 * rendered clusters, filter latency, frame times while panning and the main thread's JS
 * heap; then the bundle sizes. Writes the `browser` and `bundle` sections of BENCHMARKS.md
 * and raw JSON to tests/bench/out/.
 */
import { gitState } from '../git_state';
import { offlineProxy, startRefuser } from './offline_proxy';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildIfStale } from '../../e2e/build_if_stale';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser';
import { bundleMarkdown, bundleSizes } from '../bundle_sizes';
import { markdownTable, replaceSection } from '../markdown_section';
import { validateClusters } from '../../../src/geo/dataset/validate_dataset';
import { clustersFile } from './datasets';
import { appDataReady, appFilter, serviceWorkerSettled, bareFilter, firstRenderProbe, pageInfo, panFrames, settle, type FilterSample, type FirstRender } from './probes';
import { startServer } from './server';
import { percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT_DIR = join(ROOT, 'tests/bench/out');
/** `BENCH_SIZES=115,1000` for a quick check (then BENCHMARKS.md is left alone). */
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [115, 1000, 10000, 50000];
/** Filter toggles (off + on) per page; at 50,000 the cap stops earlier (at least 2 pairs). */
const PAIRS = 6;
const FILTER_CAP_MS = 25_000;
const PROVINCE = 'Nam Định';
/** Pan: `rounds` turns per page (the app and the bare page alternate), each `passes` eases of dx px in ms; enough rounds that p95 rests on hundreds of frames, not on a few slow ones. */
const PAN = { dx: 300, ms: 1500, passes: 2, rounds: 8 };
/** Page loads per first-render figure (median) and page, below 50,000 clusters, alternating app and bare. */
const FIRST_RENDER_LOADS = 7;
const VIEWPORT = { width: 1280, height: 800 };

type Target = 'app' | 'bare';

interface PageResult {
  target: Target;
  n: number;
  /** First idle with clusters drawn. */
  firstRenderMs: number;
  /** First frame with clusters drawn (absent in runs made before it was measured). */
  firstFrameMs?: number;
  /** Each load's first frame (absent in runs before loads were interleaved). */
  firstFrameSamples?: number[];
  renderedAtFirst: number;
  /** Map `load` (style loaded), ms since navigation start. */
  styleLoadMs: number | null;
  dataResponseEndMs: number | null;
  heapMB: number;
  panFrames: number[];
  filter: FilterSample[];
  filterProperty?: FilterSample[];
  errors: string[];
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}


async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, proxy: offlineProxy() });
  const origin = new URL(url).origin;
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // (no route: see offline_proxy.ts; a request that leaves the server is reported as an error)
  page.on('request', (r) => !r.url().startsWith(origin) && !/^(data|blob):/.test(r.url()) && errors.push(`external request: ${r.url()}`));
  // tsx keeps function names with a helper the page does not have
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(firstRenderProbe);
  return { page, errors, close: () => context.close() };
}

/** Opens the page and waits for its first render. */
async function loadPage(page: Page, url: string): Promise<FirstRender> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __firstRender?: unknown }).__firstRender, undefined, { timeout: 240_000, polling: 50 });
  return page.evaluate(() => (window as unknown as { __firstRender: FirstRender }).__firstRender);
}

/** The element-wise median of first-render samples. */
function medianFirst(xs: FirstRender[]): FirstRender {
  const med = (f: (x: FirstRender) => number) => percentile(xs.map(f), 50);
  return { frame: med((x) => x.frame), t: med((x) => x.t), rendered: xs[0]!.rendered, styleLoaded: med((x) => x.styleLoaded ?? NaN) };
}

function pageUrl(base: string, target: Target, n: number, canvas: { w: number; h: number } | null): string {
  return target === 'app' ? `${base}/s/${n}/` : `${base}/s/${n}/bare.html?w=${canvas?.w ?? 1280}&h=${canvas?.h ?? 800}`;
}

/** Both targets in turn, the order swapped every other time (so drift on a shared machine hits both alike). */
function turns(i: number): Target[] {
  return i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
}

/**
 * Measures the app and the bare page at n clusters, interleaved: first-render loads alternate
 * between the two (fresh contexts, one page at a time), then one page of each is opened and
 * they take turns at the pan passes; heap and filter are measured on each of the two.
 */
async function measurePair(browser: Browser, base: string, n: number, canvas: { w: number; h: number } | null, quick = false): Promise<(PageResult & { info: ReturnType<typeof pageInfo> })[]> {
  // First render is noisy on 2 shared cores: several loads in fresh contexts, the median is reported.
  // (three at least everywhere: two runs of one load each at 50,000 once disagreed sevenfold)
  const loads = quick || n >= 50000 ? 3 : FIRST_RENDER_LOADS;
  const samples: Record<Target, FirstRender[]> = { app: [], bare: [] };
  // Every first-render load in a context of its own with no other page open (a page kept open
  // beside a load slowed it: in one run the bare page's first frame at 50,000 took 23–41 s
  // with the app open beside it, against 6.4 s alone).
  for (let i = 0; i < loads; i++) {
    for (const target of turns(i)) {
      const extra = await openPage(browser, pageUrl(base, target, n, canvas));
      samples[target].push(await loadPage(extra.page, pageUrl(base, target, n, canvas)));
      await extra.close();
    }
  }
  const pages = {} as Record<Target, Awaited<ReturnType<typeof openPage>>>;
  try {
    for (const target of ['bare', 'app'] as const) {
      pages[target] = await openPage(browser, pageUrl(base, target, n, canvas));
      await loadPage(pages[target].page, pageUrl(base, target, n, canvas));
      // The app checks its own copy of the data after the map is drawn: heap, pan and filter
      // are measured once it has (its panels show the clusters), not while it is still at it.
      if (target === 'app') {
        await pages.app.page.waitForFunction(appDataReady, undefined, { timeout: 240_000, polling: 100 });
        // Its service worker precaches the whole app once the map is drawn: that work must be
        // over before the other page loads or pans beside it. (Its list names the real data's
        // tiles; where this server has no such synthetic tile the install fails, which also ends
        // the wait. `serviceWorker.ready` would then never resolve.)
        await pages.app.page.evaluate(serviceWorkerSettled, 120_000);
      }
      await pages[target].page.evaluate(settle, 1000);
    }
    const info = { app: await pages.app.page.evaluate(pageInfo), bare: await pages.bare.page.evaluate(pageInfo) };
    const heap = {} as Record<Target, number>;
    for (const target of ['app', 'bare'] as const) {
      const cdp = await pages[target].page.context().newCDPSession(pages[target].page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      heap[target] = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    }
    const pan: Record<Target, number[]> = { app: [], bare: [] };
    for (let round = 0; round < (quick ? 1 : PAN.rounds); round++) {
      for (const target of turns(round)) {
        pan[target].push(...(await pages[target].page.evaluate(panFrames, { dx: PAN.dx, ms: PAN.ms, passes: PAN.passes })));
        await pages[target].page.evaluate(settle, 300);
      }
    }
    const pairs = quick ? 1 : PAIRS;
    // one toggle of the app at 50,000 takes minutes: one pair is all the time budget allows
    const minPairs = n >= 50000 ? 1 : 2;
    const filter = {
      app: await pages.app.page.evaluate(appFilter, { pairs, minPairs, capMs: FILTER_CAP_MS, province: PROVINCE }),
      bare: await pages.bare.page.evaluate(bareFilter, { pairs, minPairs, capMs: FILTER_CAP_MS, province: PROVINCE, kind: 'ids' as const }),
    };
    const filterProperty = await pages.bare.page.evaluate(bareFilter, { pairs, minPairs, capMs: FILTER_CAP_MS, province: PROVINCE, kind: 'property' as const });
    return (['app', 'bare'] as const).map((target) => {
      const first = medianFirst(samples[target]);
      return {
        target,
        n,
        firstRenderMs: first.t,
        firstFrameMs: first.frame,
        firstFrameSamples: samples[target].map((x) => x.frame),
        renderedAtFirst: first.rendered,
        styleLoadMs: first.styleLoaded,
        dataResponseEndMs: info[target].dataResponseEnd,
        heapMB: heap[target] / 2 ** 20,
        panFrames: pan[target],
        filter: filter[target],
        filterProperty: target === 'bare' ? filterProperty : undefined,
        errors: pages[target].errors,
        info: info[target],
      };
    });
  } finally {
    for (const p of Object.values(pages)) await p.close();
  }
}

/** Loader validation of the same file in Node (same V8 engine), one pass after a warm-up. */
function nodeValidationMs(n: number): number {
  const outline = JSON.parse(readFileSync(join(ROOT, 'geodata/boundaries/province.geojson'), 'utf8')) as unknown;
  const fc = JSON.parse(readFileSync(clustersFile(n), 'utf8')) as unknown;
  const t = performance.now();
  const errors = validateClusters(fc, { fileName: 'clusters.geojson', provinceOutline: outline });
  const ms = performance.now() - t;
  if (errors.length) throw new Error(`Expected synthetic clusters to pass validation, got ${errors.length} errors, first: ${JSON.stringify(errors[0])}`);
  return ms;
}

const f0 = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '—');
const f1 = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? f0(x) : x.toFixed(1)) : '—');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
const verdict = (ok: boolean): string => (ok ? 'pass' : '**fail**');

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  buildIfStale();
  log('synthetic data (cached in tests/bench/out/browser-data)…');
  for (const n of SIZES) clustersFile(n);
  nodeValidationMs(1000);
  const validation = new Map(SIZES.map((n) => [n, nodeValidationMs(n)]));
  const { base, server } = await startServer();
  const refuser = await startRefuser();
  const browser = await launchBrowser();
  const chromium = browser.version();
  const results: PageResult[] = [];
  let renderer = '?';
  let canvas: { w: number; h: number } | null = null;
  try {
    log('warm-up (115, app and bare, not recorded)…');
    const warm = await measurePair(browser, base, 115, null, true);
    canvas = { w: warm[0]!.info.w, h: warm[0]!.info.h };
    renderer = warm[0]!.info.renderer;
    for (const n of SIZES) {
      const t = performance.now();
      for (const r of await measurePair(browser, base, n, canvas)) {
        const { info: _info, ...rest } = r;
        results.push(rest);
        log(
          `${r.target} ${n}: first frame ${f0(r.firstFrameMs ?? NaN)} ms [${(r.firstFrameSamples ?? []).map(f0).join(' ')}], first idle ${f0(r.firstRenderMs)} ms (${r.renderedAtFirst} drawn), heap ${f1(r.heapMB)} MB, ` +
            `pan p50 ${f1(percentile(r.panFrames, 50))} ms (${r.panFrames.length} frames), ` +
            `filter p50 ${f1(percentile(r.filter.map((s) => s.ms), 50))} ms (${r.filter.length}×, drawn ${r.filter.map((s) => s.rendered).join('/')})` +
            (r.filterProperty ? `, property filter p50 ${f1(percentile(r.filterProperty.map((s) => s.ms), 50))} ms` : '') +
            (r.errors.length ? `; page errors: ${r.errors.slice(0, 3).join(' | ')}` : ''),
        );
      }
      log(`  ${n}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser.close();
    server.close();
    refuser.close();
  }
  const bundle = bundleSizes(join(ROOT, 'dist'));
  const seconds = (performance.now() - started) / 1000;
  const loadAtEnd = os.loadavg()[0] ?? 0;

  mkdirSync(OUT_DIR, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const cpu = os.cpus()[0]?.model.trim() ?? '?';
  const machine = `${cpu} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB`;
  const raw: Raw = { date, machine, chromium, renderer, node: process.version, commit: gitState(ROOT), sizes: SIZES, canvas, viewport: VIEWPORT, seconds, loadAtStart, loadAtEnd, validationNodeMs: Object.fromEntries(validation), results, bundle };
  const rawPath = join(OUT_DIR, `browser-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(rawPath, JSON.stringify(raw, null, 1));
  log(`raw results: ${rawPath}`);
  if (process.env.BENCH_SIZES) return log('BENCH_SIZES set: BENCHMARKS.md not written');
  writeMarkdown(raw);
}

interface Raw {
  date: string;
  machine: string;
  chromium: string;
  renderer: string;
  node: string;
  commit: string;
  sizes: number[];
  canvas: { w: number; h: number } | null;
  viewport: typeof VIEWPORT;
  seconds: number;
  loadAtStart: number;
  loadAtEnd: number;
  validationNodeMs: Record<string, number>;
  results: PageResult[];
  bundle: ReturnType<typeof bundleSizes>;
}

/** Writes the browser and bundle sections of BENCHMARKS.md from a run's raw results. */
function writeMarkdown(raw: Raw): void {
  const { date, machine, chromium, renderer, canvas, seconds, loadAtStart, loadAtEnd, results, bundle } = raw;
  const SIZES = raw.sizes;
  const validation = new Map(Object.entries(raw.validationNodeMs).map(([k, v]) => [Number(k), v]));
  const get = (target: Target, n: number) => results.find((r) => r.target === target && r.n === n)!;
  const header =
    `${date} · ${machine} · Chromium ${chromium} (headless, WebGL: ${renderer}) · Node ${raw.node} · app at ${raw.commit} · ` +
    `\`npm run bench:browser\` (tests/bench/browser/run.ts), whole run ${Math.round(seconds)} s, 1-min load average ${loadAtStart.toFixed(1)} at start / ${loadAtEnd.toFixed(1)} at end.`;

  const firstRows = SIZES.map((n) => {
    const a = get('app', n);
    const b = get('bare', n);
    const fa = a.firstFrameMs ?? NaN;
    const fb = b.firstFrameMs ?? NaN;
    return [n.toLocaleString('en'), f0(fa), f0(fb), ratio(fa, fb), verdict(fa <= 1.2 * fb), f0(a.firstRenderMs), f0(b.firstRenderMs), ratio(a.firstRenderMs, b.firstRenderMs), f0(a.dataResponseEndMs ?? NaN), f0(validation.get(n)!)];
  });
  const filterRows = SIZES.map((n) => {
    const a = get('app', n).filter.map((s) => s.ms);
    const b = get('bare', n).filter.map((s) => s.ms);
    const p = get('bare', n).filterProperty!.map((s) => s.ms);
    const goal = n === 10000 && b.length ? verdict(percentile(a, 95) <= 0.5 * percentile(b, 95)) : '';
    return [n.toLocaleString('en'), `${a.length} / ${b.length} / ${p.length}`, f1(percentile(a, 50)), f1(percentile(a, 95)), f1(percentile(b, 50)), f1(percentile(b, 95)), f1(percentile(p, 50)), f1(percentile(p, 95)), ratio(percentile(a, 95), percentile(b, 95)), goal];
  });
  const panRows = SIZES.map((n) => {
    const a = get('app', n).panFrames;
    const b = get('bare', n).panFrames;
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    return [n.toLocaleString('en'), `${a.length} / ${b.length}`, `${f1(mean(a))} / ${f1(mean(b))}`, f1(percentile(a, 50)), f1(percentile(a, 95)), f1(percentile(b, 50)), f1(percentile(b, 95)), ratio(percentile(a, 95), percentile(b, 95)), verdict(percentile(a, 50) <= 1.1 * percentile(b, 50) && percentile(a, 95) <= 1.1 * percentile(b, 95))];
  });
  const heapRows = SIZES.map((n) => {
    const a = get('app', n).heapMB;
    const b = get('bare', n).heapMB;
    return [n.toLocaleString('en'), f1(a), f1(b), ratio(a, b)];
  });
  const analysisPath = join(import.meta.dirname, 'analysis.md');
  const analysis = existsSync(analysisPath) ? readFileSync(analysisPath, 'utf8').trim() : '';
  const browserSection = [
    '## Browser: app vs bare MapLibre (Chromium)',
    '',
    header,
    '',
    `*App* = the production build (\`dist/\`, as \`vite build\` makes it) with \`data/clusters.geojson\` replaced by n synthetic cluster polygons (\`src/geo/synth.ts\`, kept only when every vertex is inside the real province outline, 6 decimals, so they pass the loader's validation), the cluster tiles cut from them as the build cuts them (\`clusterTiles\`, \`src/geo/cluster_tiles.ts\`: the map reads these, not the GeoJSON), and the real zones (43), villages (89), boundaries and reported figures. *Bare* = \`tests/bench/browser/bare.html\`: maplibre-gl ${readPkgVersion()} from node_modules alone, the same clusters.geojson as one geojson source given by URL (fetched and parsed in MapLibre's worker), a fill and a line layer, same camera and canvas size (${canvas?.w}×${canvas?.h} CSS px, the app's map area in a ${VIEWPORT.width}×${VIEWPORT.height} viewport). Both served by one local static server on 127.0.0.1 (any other request is refused by a per-context proxy, nothing is intercepted), a browser context per page load, one warm-up pass of both pages first. Per size the two pages alternate, so drift on this shared machine hits both alike: the first-render loads go app, bare, bare, app, … (each in its own context, no other page open); then one page of each is opened (bare first; the app's is measured once its service worker has finished precaching) and they take turns at the pans, the order swapped every round.`,
    '',
    `Each first-render figure is the median of ${FIRST_RENDER_LOADS} page loads (1 at 50,000). ` + '**First render** = navigation start → the first drawn frame (map `render` event) at which `queryRenderedFeatures` on `cluster-fill` returns features: when the planner first sees the clusters (the goal column). **First idle** = navigation start → the first `idle` event with them drawn: everything the page asked for is loaded and drawn (for the app: also the context layers, glyphs and labels; the bare page has none). "app: clusters.geojson loaded" = when the app\'s own request for it ended (resource timing; the map draws from the tiles, the app loads the file for its panels, statistics and exports, and reads the body only after the first drawn frame, so for large files the download ends after it). "validation" = `validateClusters` on the same file in Node (same V8 engine); the app runs it on the main thread after the first drawn frame, so it is in neither column\'s critical path.',
    '',
    markdownTable(['clusters', 'first render: app (ms)', 'bare (ms)', 'app/bare', '≤ 1.2× bare', 'first idle: app (ms)', 'bare (ms)', 'app/bare', 'app: clusters.geojson loaded (ms)', 'validation, Node (ms)'], firstRows),
    '',
    `**Filter latency** = the change → the next map \`idle\` (ms), toggling the "${PROVINCE}" ex-province off and on (each toggle one sample; nearest-rank p50/p95). App: a DOM \`click()\` on the checkbox in \`[data-testid=facet-province]\`, i.e. Preact → store → \`sync\` → \`MapView.setVisibleClusters\` → \`setFeatureState({hidden})\` on the clusters whose visibility changed (paint opacity reads the state; no tile is rebuilt). Bare (ids): \`setFilter\` on both layers with an \`['in', ['get','id'], ['literal', ids]]\` filter (ids computed before timing). Bare (property): \`['!=', ['get','ex_province'], '${PROVINCE}']\`. Up to ${PAIRS} off/on pairs; a page stops starting new pairs after ${FILTER_CAP_MS / 1000} s (at least 2 pairs, 1 at 50,000), so the app at 10,000 and everything at 50,000 have fewer samples: read p95 there as \"the slowest seen\".`,
    '',
    markdownTable(['clusters', 'samples app / bare ids / bare property', 'app p50', 'app p95', 'bare ids p50', 'bare ids p95', 'bare property p50', 'bare property p95', 'app p95 / bare ids p95', 'goal ≤ 0.5× at 10,000'], filterRows),
    '',
    `**Pan frame times** = intervals between \`requestAnimationFrame\` callbacks (ms) during ${PAN.rounds} turns per page of ${PAN.passes} linear \`panBy\` eases of ${PAN.dx} px in ${PAN.ms} ms (left, right) at the initial whole-province view, everything visible (16.7 ms = 60 fps). Heap, pan and filter are measured on the app once it has loaded and checked its own copy of the data (its filter panel counts the clusters), which it does after the map is drawn.`,
    '',
    markdownTable(['clusters', 'frames app / bare', 'mean app / bare', 'app p50', 'app p95', 'bare p50', 'bare p95', 'app/bare p95', 'goal ≤ 1.1× (p50 and p95)'], panRows),
    '',
    '**JS heap** = `JSHeapUsedSize` of the page\'s main thread (CDP `Performance.getMetrics`) after first render (for the app: once its data is loaded) and a forced GC (MB). Workers are not included. Both pages hold MapLibre\'s tile buffers (sent from the worker) on the main thread; the app also parses the GeoJSON there and keeps it and its indexes in its store (for statistics, search, export); the bare page parses it in MapLibre\'s worker, which (version 6) sends the parsed data back to the main thread.',
    '',
    markdownTable(['clusters', 'app (MB)', 'bare (MB)', 'app/bare'], heapRows),
    '',
    `Raw samples: \`tests/bench/out/browser-*.json\` (git-ignored).`,
    ...(analysis ? ['', analysis] : []),
  ].join('\n');

  const bmPath = join(ROOT, 'BENCHMARKS.md');
  let md = existsSync(bmPath) ? readFileSync(bmPath, 'utf8') : '';
  md = replaceSection(md, 'browser', browserSection);
  md = replaceSection(md, 'bundle', bundleMarkdown(bundle, `${date} · \`dist/\` of the run above · sizes from \`tests/bench/bundle_sizes.ts\` (run by \`npm run bench:browser\`, or alone with \`npx tsx tests/bench/bundle_sizes.ts\`).`));
  writeFileSync(bmPath, md);
  log(`BENCHMARKS.md updated (browser, bundle), ${Math.round(seconds)} s`);
}

function readPkgVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules/maplibre-gl/package.json'), 'utf8')) as { version: string }).version;
}

/** `BENCH_FROM=tests/bench/out/browser-….json` re-renders BENCHMARKS.md from a run's raw results (e.g. after editing analysis.md). */
if (process.env.BENCH_FROM) writeMarkdown(JSON.parse(readFileSync(resolve(process.env.BENCH_FROM), 'utf8')) as Raw);
else await main();
