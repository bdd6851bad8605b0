/**
 * The browser half of `npm run bench:survey` (tests/bench/survey_bench.ts): a survey zip imported
 * through the app's own UI in the production build, in headless Chromium, timing each step from
 * the file input's change event to the review list, and every long task on the page's main thread.
 *
 * Per run, in a fresh browser context: load the app from bench:browser's server (`/s/<n>/`), wait
 * until the clusters are drawn, the panels count them and the service worker has finished
 * precaching; `setInputFiles` on `[data-testid="import-file"]` with the zip's path; the UI parses
 * in the worker, shows the coordinate-system step (`survey-crs`), reprojects with the first
 * proposal and draws the shapes; once the confirm button is enabled and the map idle, click it
 * and wait for `survey-review` and the frame after the one that draws it (given up after
 * REVIEW_TIMEOUT: the run's longest task is then at least that long). An init script records long tasks
 * (`PerformanceObserver('longtask')`), the milestones (MutationObserver), and, through a wrapper
 * of `Worker`, when the survey worker's messages are posted and arrive, how long reading each
 * answer's `data` takes (Chromium deserialises it then) and how long the app's listeners run.
 */
import { profileSources } from './profile_sources';
import { offlineProxy, startRefuser } from './offline_proxy';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/browser';
import { buildIfStale } from '../../e2e/build_if_stale';
import { appDataReady, firstRenderProbe, serviceWorkerSettled } from './probes';
import { startServer } from './server';

const ROOT = resolve(import.meta.dirname, '../../..');
const N = Number(process.env.SURVEY_CLUSTERS ?? 115);
const VIEWPORT = { width: 1280, height: 800 };
/** Longest wait for the worker's answers and the shapes on the map (ms). */
const STEP_TIMEOUT = Number(process.env.SURVEY_STEP_TIMEOUT_MS ?? 300_000);
/** Longest wait for the review list after the confirm click (ms); the run's longest task is then at least this. */
const REVIEW_TIMEOUT = Number(process.env.SURVEY_REVIEW_TIMEOUT_MS ?? 30_000);

/** One run's milestones (ms since the file input's change event) and main-thread long tasks. */
export interface BrowserRun {
  /** The worker's refusal of the file (its issue as JSON), or null. */
  failure: string | null;
  failedAt: number | null;
  parseSent: number | null;
  parsedArrived: number | null;
  parsedDeserialize: number | null;
  crsShown: number | null;
  reprojectSent: number | null;
  reprojectedArrived: number | null;
  reprojectedDeserialize: number | null;
  /** The long task in which each answer arrived / the confirm click ran (ms; 0 = under 50 ms). */
  parsedTask: number | null;
  reprojectedTask: number | null;
  confirmTask: number | null;
  /** The 'reprojected' answer is in the store and on the map: the confirm button is enabled. */
  toConfirmEnabled: number | null;
  mapIdle: number | null;
  confirmClicked: number | null;
  confirmHandler: number | null;
  reviewShown: number | null;
  reviewPainted: number | null;
  /** The review did not show within REVIEW_TIMEOUT after the click (the page's main thread still busy). */
  reviewTimedOut: boolean;
  rows: number;
  /** Imported shapes the map draws as features, or -1 when it shows them as one picture (a large file). */
  importedOnMap: number;
  /** Long tasks from the change event to the review's first frame: [start since change, duration]. */
  tasks: [number, number][];
  longest: number;
  longCount: number;
  longTotal: number;
  longestBeforeConfirm: number;
  longestAfterConfirm: number;
  /** Main-thread JS heap after the review (MB). */
  heapMb: number | null;
  /** Profile runs: the page's main thread from the file chosen to the map idle, self time (ms). */
  profile: ProfileSummary | null;
  errors: string[];
}

/** What the browser half returns. */
export interface BrowserResult {
  chromium: string;
  n: number;
  viewport: { width: number; height: number };
  build: string;
  reviewTimeoutMs: number;
  /** The single-layer zip, once. */
  single: BrowserRun;
  /** The split zip, through the review. */
  runs: BrowserRun[];
  /** The split zip up to the map, under a CPU profile. */
  profiled: BrowserRun;
  /** The small zip, through the review. */
  small: BrowserRun;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- page globals */
interface Probe {
  change: number | null;
  marks: Record<string, number>;
  tasks: [number, number][];
  /** The worker's refusal, when 'parsed' carries one or it answers 'failed'. */
  failure: string | null;
}

/** Init script (self-contained): records `window.__survey` (see Probe). */
function surveyProbe(): void {
  const w = window as any;
  const st: Probe = { change: null, marks: {}, tasks: [], failure: null };
  w.__survey = st;
  // Everything is also reported to the bench as it happens (exposeFunction), so a page stuck in one task still leaves its record.
  const report = (kind: string, a: unknown, b?: unknown) => void w.__surveyReport?.(kind, a, b);
  const mark = (k: string, t = performance.now()) => {
    if (st.marks[k] !== undefined) return;
    st.marks[k] = t;
    report('mark', k, t);
  };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        st.tasks.push([e.startTime, e.duration]);
        report('task', e.startTime, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }
  document.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | null;
    if (t?.type === 'file' && st.change === null) {
      st.change = performance.now();
      report('change', st.change);
    }
  }, true);
  const Orig = window.Worker;
  class Wrapped extends Orig {
    private readonly survey: boolean;
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      this.survey = /survey/.test(String(url));
      if (!this.survey) return;
      super.addEventListener('message', (e: MessageEvent) => {
        const t0 = performance.now();
        const data = e.data as { type?: string; result?: { ok: boolean; issue?: unknown }; issue?: unknown } | null;
        const type = data?.type;
        const t1 = performance.now();
        if (type === 'parsed' || type === 'reprojected' || type === 'matched') {
          mark(`${type}Arrived`, t0);
          mark(`${type}Deserialize`, t1 - t0);
        }
        if ((type === 'parsed' && data?.result && !data.result.ok) || type === 'failed') {
          st.failure = JSON.stringify(type === 'failed' ? data?.issue : data?.result?.issue);
          report('failure', st.failure);
          mark('failed', t0);
        }
      });
    }
    override postMessage(message: any, transfer?: any): void {
      if (this.survey && message?.type) mark(`${message.type}Sent`);
      super.postMessage(message, transfer);
    }
  }
  w.Worker = Wrapped;
  const mo = new MutationObserver(() => {
    if (st.change === null) return;
    if (document.querySelector('[data-testid="survey-crs"]')) mark('crsShown');
    const btn = document.querySelector<HTMLButtonElement>('[data-testid="survey-confirm-crs"]');
    if (btn && !btn.disabled) mark('confirmEnabled');
    if (st.marks.reviewShown === undefined && document.querySelector('[data-testid="survey-review"]')) {
      mark('reviewShown');
      // (the second frame's callback: the first frame's style, layout and paint of the list are done by then)
      requestAnimationFrame(() => requestAnimationFrame(() => mark('reviewPainted')));
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

/** Page function: clicks confirm, timing the click's synchronous work. */
function clickConfirm(): void {
  const w = window as any;
  const st = w.__survey as Probe;
  const btn = document.querySelector<HTMLButtonElement>('[data-testid="survey-confirm-crs"]')!;
  const report = (k: string, t: number) => void w.__surveyReport?.('mark', k, t);
  const t0 = performance.now();
  st.marks.confirmClicked = t0;
  report('confirmClicked', t0);
  btn.click();
  st.marks.confirmHandler = performance.now() - t0;
  report('confirmHandler', st.marks.confirmHandler);
}

/** Page function: resolves at the map's next idle after the imported shapes (or their picture) are drawn (ms, or null). */
async function mapIdleWithImport(timeout: number): Promise<{ at: number | null; features: number }> {
  const map = (window as any).__mapView?.map;
  if (!map) return { at: null, features: 0 };
  const end = performance.now() + timeout;
  for (;;) {
    const idle = await new Promise<number>((res) => {
      if (map.loaded()) return res(performance.now());
      map.once('idle', () => res(performance.now()));
    });
    const ids: string[] = (map.getStyle()?.layers ?? []).filter((l: any) => /import/i.test(l.id) && l.type === 'fill').map((l: any) => l.id);
    const n = ids.length ? map.queryRenderedFeatures({ layers: ids }).length : 0;
    if (n > 0 || performance.now() > end) return { at: idle, features: n };
    if (map.getSource('imported-image') && map.isSourceLoaded('imported-image')) return { at: idle, features: -1 };
    await new Promise((r) => setTimeout(r, 100));
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Self time (ms) on the page's main thread by original source file and by file: function (top entries). */
export interface ProfileSummary {
  sampledMs: number;
  files: [string, number][];
  functions: [string, number][];
}
type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] };

/** A CPU profile's self time by original source (through dist/'s source maps), idle left out. */
function summariseProfile(profile: CpuProfile): ProfileSummary {
  const where = profileSources(profile.nodes, ROOT);
  const files = new Map<string, number>();
  const fns = new Map<string, number>();
  let sampledMs = 0;
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const wh = where.get(profile.samples[i]!) ?? { file: '?', fn: '?' };
    if (wh.file === '(idle)') continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    files.set(wh.file, (files.get(wh.file) ?? 0) + ms);
    fns.set(`${wh.file}: ${wh.fn}`, (fns.get(`${wh.file}: ${wh.fn}`) ?? 0) + ms);
    sampledMs += ms;
  }
  const sorted = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v)] as [string, number]);
  return { sampledMs, files: sorted(files, 15), functions: sorted(fns, 25) };
}


async function oneRun(browser: Browser, base: string, zip: string, log: (s: string) => void, opts: { review: boolean; profile?: boolean }): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, proxy: offlineProxy() });
  const origin = new URL(base).origin;
  const errors: string[] = [];
  try {
    const page: Page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('crash', () => errors.push('page crashed'));
    page.on('request', (r) => !r.url().startsWith(origin) && !/^(data|blob):/.test(r.url()) && errors.push(`external request: ${r.url()}`));
    // The bench's own copy of the probe (see surveyProbe's `report`).
    const st: Probe = { change: null, marks: {}, tasks: [], failure: null };
    const seen = new Set<string>();
    await page.exposeFunction('__surveyReport', (kind: string, a: unknown, b: unknown) => {
      if (kind === 'change') st.change = a as number;
      else if (kind === 'task') st.tasks.push([a as number, b as number]);
      else if (kind === 'failure') st.failure = a as string;
      else if (kind === 'mark' && st.marks[a as string] === undefined) st.marks[a as string] = b as number;
      if (kind === 'mark' && !seen.has(a as string) && st.change !== null) {
        seen.add(a as string);
        // (durations are logged as such, moments as ms since the change event)
        const v = /Deserialize|Handler/.test(a as string) ? `${(b as number).toFixed(0)} ms` : `at ${((b as number) - st.change).toFixed(0)} ms`;
        log(`    · ${a as string} ${v}`);
      }
    });
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(firstRenderProbe);
    await page.addInitScript(surveyProbe);
    await page.goto(`${base}/s/${N}/`);
    await page.waitForFunction(() => !!(window as unknown as { __firstRender?: unknown }).__firstRender, undefined, { timeout: 120_000, polling: 100 });
    await page.waitForFunction(appDataReady, undefined, { timeout: 120_000, polling: 100 });
    await page.evaluate(serviceWorkerSettled, 30_000);
    await page.waitForTimeout(1000);
    const cdp = opts.profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.locator('[data-testid="import-file"]').setInputFiles(zip);
    // Waits on the bench's side (a page stuck in one task cannot answer an evaluate).
    const until = async (what: string, f: () => boolean, timeout: number): Promise<boolean> => {
      const end = performance.now() + timeout;
      while (!f()) {
        if (performance.now() > end) {
          errors.push(`${what}: not within ${Math.round(timeout / 1000)} s`);
          return false;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return true;
    };
    let ok = await until('confirm enabled', () => st.marks.confirmEnabled !== undefined || st.marks.failed !== undefined, STEP_TIMEOUT);
    const failure = st.failure;
    if (failure) {
      ok = false;
      errors.push(`the worker refused the file: ${failure}`);
    }
    let importedOnMap = 0;
    let reviewDone = false;
    let profile: ProfileSummary | null = null;
    if (ok) {
      const idle = await page.evaluate(mapIdleWithImport, 120_000);
      importedOnMap = idle.features;
      st.marks.mapIdle = idle.at ?? NaN;
      log(`    · map idle at ${((idle.at ?? NaN) - (st.change ?? NaN)).toFixed(0)} ms, ${idle.features} imported shapes drawn`);
      if (cdp) profile = summariseProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
      await page.waitForTimeout(500);
      // (not awaited: the click's work may hold the page's main thread for longer than the wait)
      if (opts.review) {
        const click = page.evaluate(clickConfirm).catch(() => undefined);
        reviewDone = await until('review painted', () => st.marks.reviewPainted !== undefined, REVIEW_TIMEOUT);
        if (reviewDone) await click;
      }
    }
    let rows = 0;
    let heapMb: number | null = null;
    if (reviewDone || !ok || !opts.review) {
      await page.waitForTimeout(500);
      rows = reviewDone ? await page.evaluate(() => document.querySelectorAll('[data-testid="survey-row"]').length) : 0;
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        heapMb = (metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
      } catch {
        heapMb = null;
      }
    }
    const probe = st;
    const c = probe.change ?? NaN;
    const at = (k: string) => (probe.marks[k] === undefined || !Number.isFinite(probe.marks[k]) ? null : probe.marks[k]! - c);
    const dur = (k: string) => probe.marks[k] ?? null;
    const end = probe.marks.reviewPainted ?? probe.marks.confirmEnabled ?? probe.marks.failed ?? Infinity;
    const tasks = probe.tasks.filter(([s0, d]) => s0 + d > c && s0 < end + 1000).map(([s0, d]) => [s0 - c, d] as [number, number]);
    // A page still inside the click's task when the bench gave up: that task has lasted at least this long.
    const stuckMs = ok && !reviewDone && probe.marks.confirmClicked !== undefined ? REVIEW_TIMEOUT : 0;
    const confirmAt = at('confirmClicked') ?? Infinity;
    // (the long task that holds a moment: an answer's delivery and the app's work on it, promise continuations included)
    const taskAt = (t: number | null) => (t === null ? null : (tasks.find(([s0, d]) => s0 <= t + 0.5 && t <= s0 + d)?.[1] ?? 0));
    // (the click's own task starts a moment before its mark: a task belongs before the click only if it ended by then)
    const longestIn = (from: number, to: number) => Math.max(0, ...tasks.filter(([s0, d]) => (from === -Infinity || s0 + d > from + 1) && s0 + d <= to + 1).map(([, d]) => d));
    const run: BrowserRun = {
      failure,
      failedAt: at('failed'),
      parseSent: at('parseSent'),
      parsedArrived: at('parsedArrived'),
      parsedDeserialize: dur('parsedDeserialize'),
      crsShown: at('crsShown'),
      reprojectSent: at('reprojectSent'),
      reprojectedArrived: at('reprojectedArrived'),
      reprojectedDeserialize: dur('reprojectedDeserialize'),
      parsedTask: taskAt(at('parsedArrived')),
      reprojectedTask: taskAt(at('reprojectedArrived')),
      confirmTask: taskAt(at('confirmClicked')),
      toConfirmEnabled: at('confirmEnabled'),
      mapIdle: at('mapIdle'),
      confirmClicked: at('confirmClicked'),
      confirmHandler: dur('confirmHandler'),
      reviewShown: at('reviewShown'),
      reviewPainted: at('reviewPainted'),
      reviewTimedOut: stuckMs > 0,
      rows,
      importedOnMap,
      tasks,
      longest: Math.max(stuckMs, 0, ...tasks.map(([, d]) => d)),
      longCount: tasks.length + (stuckMs ? 1 : 0),
      longTotal: tasks.reduce((a, [, d]) => a + d, 0) + stuckMs,
      longestBeforeConfirm: longestIn(-Infinity, confirmAt),
      longestAfterConfirm: Math.max(stuckMs, ...tasks.filter(([s0, d]) => s0 + d > confirmAt + 1).map(([, d]) => d)),
      heapMb,
      profile,
      errors,
    };
    const f0 = (x: number | null) => (x === null ? '—' : Math.round(x).toLocaleString('en'));
    log(`  ${failure ? `REFUSED at ${f0(run.failedAt)} ms: ${failure}; ` : ''}parse sent ${f0(run.parseSent)}, parsed ${f0(run.parsedArrived)} (data ${f0(run.parsedDeserialize)}, task ${f0(run.parsedTask)}), crs step ${f0(run.crsShown)}, reprojected ${f0(run.reprojectedArrived)} (data ${f0(run.reprojectedDeserialize)}, task ${f0(run.reprojectedTask)}), confirm enabled ${f0(run.toConfirmEnabled)}, map idle ${f0(run.mapIdle)} (${importedOnMap < 0 ? 'as a picture' : `${importedOnMap} drawn`}), confirm ${f0(run.confirmClicked)} (click ${f0(run.confirmHandler)}, task ${f0(run.confirmTask)}), review ${f0(run.reviewShown)} / painted ${f0(run.reviewPainted)}${stuckMs ? ` (NOT within ${f0(stuckMs / 1000)} s)` : ''} (${rows} rows); longest task ${f0(run.longest)} ms${stuckMs ? ' or more' : ''}, ${run.longCount} long tasks (${f0(run.longTotal)} ms), heap ${f0(heapMb)} MB${errors.length ? `; errors: ${errors.slice(0, 3).join(' | ')}` : ''}`);
    log(`    long tasks: ${tasks.map(([s0, d]) => `${f0(s0)}+${f0(d)}`).join(', ')}`);
    return run;
  } finally {
    await context.close();
  }
}

/** The files the browser half imports. */
export interface BrowserFiles {
  /** The issue's file: one layer. */
  single: string;
  /** The same parcels as several layers of one zip. */
  split: string;
  /** A small file, to see how the review scales. */
  small: string;
}

/**
 * Imports the files through the UI: the single-layer zip once; the split zip `runs` times through
 * the review (after a warm-up up to the map) and once more under a CPU profile; the small zip once
 * through the review.
 *
 * @param files - the zips
 * @param opts - runs, and a log function
 */
export async function benchSurveyBrowser(files: BrowserFiles, opts: { runs: number; log: (s: string) => void }): Promise<BrowserResult> {
  let build = 'built by this run with `vite build` from the working tree';
  try {
    if (!buildIfStale()) build = 'already current: not older than any source';
  } catch (e) {
    throw new Error(`the production build failed (others' work in progress?), so only the Node part was measured: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
  const { base, server } = await startServer();
  const refuser = await startRefuser();
  const browser = await launchBrowser();
  const { log } = opts;
  const runs: BrowserRun[] = [];
  try {
    log('  the single-layer zip (the issue\'s file):');
    const single = await oneRun(browser, base, files.single, log, { review: true });
    log('  the split zip, warm-up up to the map (not recorded):');
    await oneRun(browser, base, files.split, log, { review: false });
    for (let i = 0; i < opts.runs; i++) {
      log(`  the split zip, run ${i + 1}/${opts.runs}:`);
      runs.push(await oneRun(browser, base, files.split, log, { review: true }));
    }
    log('  the split zip under a CPU profile, up to the map:');
    const profiled = await oneRun(browser, base, files.split, log, { review: false, profile: true });
    for (const [k, v] of profiled.profile?.functions.slice(0, 15) ?? []) log(`    ${k} ${v}`);
    log('  the small zip, through the review:');
    const small = await oneRun(browser, base, files.small, log, { review: true });
    return { chromium: browser.version(), n: N, viewport: VIEWPORT, build, reviewTimeoutMs: REVIEW_TIMEOUT, single, runs, profiled, small };
  } finally {
    await browser.close();
    server.close();
    refuser.close();
  }
}
