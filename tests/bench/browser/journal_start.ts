/**
 * `npm run bench:journal`: what restoring a stored edit journal costs the app's start, in the
 * production build in headless Chromium (software WebGL), as a ratio against no journal in the
 * same run. Goal (issue): a journal of 10,000 edits adds ≤ 10 % to the first frame at 115 clusters.
 *
 * Two variants, alternating loads (A, B, B, A, …), each load in a browser context of its own:
 * - A: IndexedDB `ccn-edits` / `journal` created empty;
 * - B: the same store holding 10,000 records of `synthJournal` (src/geo/edit/synth_journal.ts)
 *   over the ids of the clusters file the server hands the page, stored as journal_db.ts stores
 *   them (one value per record, out-of-line autoIncrement keys).
 * Both variants first open a same-origin page that is not the app (the server's 404 page) in the
 * context, open the database there with raw IndexedDB (version 1, the store created in
 * `upgradeneeded` as journal_db.ts does) and write the records (none for A), close that page, then
 * load the app in the same context. (Prefilling from the app page itself would register the app's
 * service worker in that context, and B's measured load would then come from its cache.)
 *
 * Per load: the first frame with clusters (`firstRenderProbe`, as bench:browser), the journal
 * restored (`document.body.dataset.journal = 'restored'`, set in src/app/main.tsx once
 * `journal.ready` resolves), the panels showing the clusters, for B the first frame drawn from the
 * GeoJSON copy with edited clusters in it, and "settled": all of these and the map idle. Long tasks
 * (PerformanceObserver `longtask`) up to settled.
 *
 * `-- --profile`: after the measured loads, one more load of each variant with a CPU profile of
 * the page's main thread and timings of IndexedDB and of the switch to GeoJSON, summarised by
 * original source file and function (through the build's source maps).
 *
 * The section's analysis is tests/bench/browser/journal_start.md (appended when present);
 * `JOURNAL_FROM=<raw json>` re-renders the section from a run without measuring again.
 * `-- --trace`: likewise one load of each under a Chromium trace: busy time per thread (all
 * processes) and self time by trace event on the page's main thread (traces kept in
 * tests/bench/out/journal-trace-{A,B}.json).
 * Env: JOURNAL_LOADS (default 7 per variant), JOURNAL_N (clusters set of the harness, default
 * 115), JOURNAL_RECORDS (default 10,000), JOURNAL_NO_MD=1 (do not write BENCHMARKS.md).
 * Raw output: tests/bench/out/journal-start-*.json (git-ignored).
 */
import { profileSources } from './profile_sources';
import { offlineProxy, startRefuser } from './offline_proxy';
import { gitState } from '../git_state';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkRecord, type JournalRecord } from '../../../src/geo/edit/change';
import { synthJournal } from '../../../src/geo/edit/synth_journal';
import type { ClusterCollection } from '../../../src/geo/types';
import { launchBrowser } from '../../e2e/browser';
import { buildIfStale } from '../../e2e/build_if_stale';
import { markdownTable, replaceSection } from '../markdown_section';
import { firstRenderProbe, type FirstRender } from './probes';
import { startServer } from './server';
import { percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT_DIR = join(ROOT, 'tests/bench/out');
const LOADS = Number(process.env.JOURNAL_LOADS ?? 7);
const N = Number(process.env.JOURNAL_N ?? 115);
const RECORDS = Number(process.env.JOURNAL_RECORDS ?? 10_000);
/** The Node bench's seed (tests/bench/journal_bench.ts). */
const SEED = 20261201;
const VIEWPORT = { width: 1280, height: 800 };
const GOAL = 1.1;
const PROFILE = process.argv.includes('--profile');
const TRACE = process.argv.includes('--trace');
/** A pause between closing the prefill page and loading the app (ms, both variants). */
const PAUSE_MS = Number(process.env.JOURNAL_PAUSE_MS ?? 0);

/**
 * Diagnostic only (JOURNAL_VARIANTS=A,B,C,D): B with the app's IndexedDB open held back until the
 * first frame with clusters (C) or the first idle with them (D, about when main.tsx's `drawn` resolves).
 */
type Variant = 'A' | 'B' | 'C' | 'D';

/* eslint-disable @typescript-eslint/no-explicit-any -- page globals */
/** What `journalStartProbe` records (ms since navigation start). */
interface JournalStart {
  /** `data-journal="restored"` on the body. */
  journal: number | null;
  /** The filter panel counts the clusters (the app has loaded and checked its data). */
  data: number | null;
  /** B: the first frame drawn from the GeoJSON source with edited clusters in view. */
  editedFrame: number | null;
  /** All of the above (editedFrame only for B) and the map idle. */
  settled: number | null;
  /** At settled: the clusters source's type, features drawn in `cluster-fill`, and how many of them are edited or new. */
  sourceType: string | null;
  rendered: number;
  editedRendered: number;
  /** [startTime, duration] of every long task. */
  longTasks: [number, number][];
  /** Profile runs only: timings of IndexedDB reads and of the clusters source switch. */
  marks: [string, number, number][];
}

/**
 * Init script (self-contained): records `window.__journalStart` (see `JournalStart`).
 * `expectEdited`: the settled point also waits for the edited clusters to be drawn from GeoJSON.
 */
function journalStartProbe(args: { expectEdited: boolean; instrument: boolean; deferJournal: 'frame' | 'idle' | null }): void {
  const w = window as any;
  if (args.deferJournal) {
    // What starting the journal once the map has drawn would do (main.tsx: `startJournal(store, () => drawn.then(openJournalStore))`),
    // without touching the app: indexedDB.open hands back a stand-in request and opens for real at the first frame
    // (firstRenderProbe's __firstFrame) or the first idle with clusters (its __firstRender), passing on the listeners;
    // idb and journal_db.ts use only these members of the request.
    const origOpen = IDBFactory.prototype.open;
    const due = () => (args.deferJournal === 'frame' ? w.__firstFrame : w.__firstRender);
    IDBFactory.prototype.open = function (this: IDBFactory, ...a: [string, number?]) {
      if (due()) return origOpen.apply(this, a);
      const factory = this;
      const pending: [string, any, any][] = [];
      let real: IDBOpenDBRequest | null = null;
      const fake = Object.create(IDBOpenDBRequest.prototype);
      Object.defineProperties(fake, {
        result: { get: () => real!.result },
        error: { get: () => real!.error },
        transaction: { get: () => real?.transaction ?? null },
        readyState: { get: () => real?.readyState ?? 'pending' },
        addEventListener: { value: (t: string, f: any, o: any) => (real ? real.addEventListener(t, f, o) : void pending.push([t, f, o])) },
        removeEventListener: {
          value: (t: string, f: any, o: any) => {
            if (real) return real.removeEventListener(t, f, o);
            const i = pending.findIndex(([pt, pf]) => pt === t && pf === f);
            if (i >= 0) pending.splice(i, 1);
          },
        },
      });
      const timer = setInterval(() => {
        if (!due()) return;
        clearInterval(timer);
        real = origOpen.apply(factory, a);
        for (const [t, f, o] of pending) real.addEventListener(t, f, o);
      }, 5);
      return fake;
    };
  }
  const st: JournalStart = { journal: null, data: null, editedFrame: null, settled: null, sourceType: null, rendered: 0, editedRendered: 0, longTasks: [], marks: [] };
  w.__journalStart = st;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) st.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }
  if (args.instrument) {
    // IndexedDB values are turned into JS objects when the page first reads `request.result` (on the main thread).
    const desc = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'result')!;
    Object.defineProperty(IDBRequest.prototype, 'result', {
      configurable: true,
      get(this: IDBRequest) {
        const t0 = performance.now();
        const r = desc.get!.call(this);
        const d = performance.now() - t0;
        if (Array.isArray(r) && r.length) st.marks.push([`IDBRequest.result read (${r.length} values)`, t0, d]);
        return r;
      },
    });
    // IndexedDB: request → its success event (the values are structured-cloned back into the page before it fires).
    for (const name of ['getAll', 'getAllKeys'] as const) {
      const orig = (IDBObjectStore.prototype as any)[name];
      (IDBObjectStore.prototype as any)[name] = function (this: IDBObjectStore, ...a: unknown[]) {
        const t0 = performance.now();
        const req = orig.apply(this, a) as IDBRequest;
        req.addEventListener('success', () => {
          const t1 = performance.now();
          const n = Array.isArray(req.result) ? req.result.length : 0;
          st.marks.push([`idb ${name} (${n}) request → success`, t0, t1 - t0]);
        });
        return req;
      };
    }
  }
  const edited = (f: any) => String(f.properties?.id ?? '').startsWith('new-') || String(f.properties?.name ?? '').startsWith('CCN Sửa đổi');
  let map: any = null;
  let lastRender = -1;
  let lastIdle = -1;
  const dataReady = (): boolean => {
    const text = (document.querySelector('[data-testid="showing"]')?.textContent ?? '').replace(/[.,\u00a0]/g, '');
    const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
    return !!m && Number(m[2]) > 0;
  };
  const trySettle = (t: number) => {
    if (st.settled !== null || !map || st.journal === null || st.data === null) return;
    if (args.expectEdited && st.editedFrame === null) return;
    if (lastIdle < lastRender || lastIdle < 0) return;
    st.settled = t;
    st.sourceType = map.getSource('clusters')?.type ?? null;
    const fs = map.getLayer('cluster-fill') ? map.queryRenderedFeatures({ layers: ['cluster-fill'] }) : [];
    st.rendered = fs.length;
    st.editedRendered = fs.filter(edited).length;
    mo.disconnect();
  };
  const onDom = () => {
    const t = performance.now();
    if (st.journal === null && document.body?.dataset.journal === 'restored') st.journal = t;
    if (st.data === null && dataReady()) st.data = t;
    // (between events: idle only if nothing is waiting to be drawn or loaded)
    if (map?.loaded()) trySettle(t);
  };
  const mo = new MutationObserver(onDom);
  mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-journal'] });
  const timer = setInterval(() => {
    map = w.__mapView?.map;
    if (!map) return;
    clearInterval(timer);
    if (args.instrument) {
      for (const name of ['removeSource', 'addSource'] as const) {
        const orig = map[name].bind(map);
        map[name] = (id: string, ...a: unknown[]) => {
          const t0 = performance.now();
          const r = orig(id, ...a);
          st.marks.push([`map.${name}(${id})`, t0, performance.now() - t0]);
          return r;
        };
      }
      map.on('data', (e: any) => {
        if (e.sourceId === 'clusters' && e.isSourceLoaded && map.getSource('clusters')?.type === 'geojson' && !st.marks.some(([s]) => s === 'geojson clusters source loaded')) {
          st.marks.push(['geojson clusters source loaded', performance.now(), 0]);
        }
      });
    }
    map.on('render', () => {
      const t = performance.now();
      lastRender = t;
      if (!args.expectEdited || st.editedFrame !== null || map.getSource('clusters')?.type !== 'geojson' || !map.getLayer('cluster-fill')) return;
      if (map.queryRenderedFeatures({ layers: ['cluster-fill'] }).some(edited)) st.editedFrame = t;
    });
    map.on('idle', () => {
      lastIdle = performance.now();
      trySettle(lastIdle);
    });
  }, 5);
}

/** Page function: creates the journal store as journal_db.ts does and writes the records in one transaction. */
async function prefill(records: unknown[]): Promise<number> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('ccn-edits', 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains('journal')) req.result.createObjectStore('journal', { autoIncrement: true });
    };
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  await new Promise<void>((res, rej) => {
    const tx = db.transaction('journal', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('journal');
    for (const r of records) store.add(r);
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
    tx.onabort = () => rej(tx.error);
  });
  const n = await new Promise<number>((res, rej) => {
    const req = db.transaction('journal').objectStore('journal').count();
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  db.close();
  return n;
}

/** Page function: how many records the journal store holds now. */
async function storedCount(): Promise<number> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const req = indexedDB.open('ccn-edits');
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  const n = await new Promise<number>((res, rej) => {
    const req = db.transaction('journal').objectStore('journal').count();
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
  db.close();
  return n;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One measured load. */
interface Load {
  variant: Variant;
  /** Records in the store before the load, and after it. */
  storedBefore: number;
  storedAfter: number;
  first: FirstRender;
  start: JournalStart;
  /** The longest long task up to the first frame and up to settled (ms; 0 when none). */
  longestToFrame: number;
  longestToSettled: number;
  /** Sum of long tasks up to settled (ms). */
  longTotalToSettled: number;
  errors: string[];
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}


async function newPage(context: BrowserContext, origin: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => !r.url().startsWith(origin) && !/^(data|blob):/.test(r.url()) && errors.push(`external request: ${r.url()}`));
  return page;
}

/**
 * One load of a variant in a fresh context: prefill from a same-origin page that is not the
 * app, close it, then load the app in the same context and wait until it has settled.
 */
async function measureLoad(browser: Browser, base: string, variant: Variant, records: readonly JournalRecord[], profile = false, trace = false): Promise<Load & { profile?: unknown; trace?: Buffer }> {
  const context = await browser.newContext({ viewport: VIEWPORT, proxy: offlineProxy() });
  const origin = new URL(base).origin;
  const errors: string[] = [];
  try {
    const pre = await newPage(context, origin, []);
    await pre.addInitScript('globalThis.__name = (f) => f;');
    await pre.goto(`${base}/s/${N}/journal-prefill`);
    const storedBefore = await pre.evaluate(prefill, variant === 'A' ? [] : (records as unknown[]));
    await pre.close();
    if (PAUSE_MS) await new Promise((r) => setTimeout(r, PAUSE_MS));
    const page = await newPage(context, origin, errors);
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(firstRenderProbe);
    await page.addInitScript(journalStartProbe, { expectEdited: variant !== 'A', instrument: profile, deferJournal: (variant === 'C' ? 'frame' : variant === 'D' ? 'idle' : null) as 'frame' | 'idle' | null });
    let cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>> | null = null;
    if (profile) {
      // A function the CPU profile can find, run at a known performance.now(): the profile's clock → ms since navigation.
      await page.addInitScript('function __journalAlign() { const t = performance.now(); while (performance.now() - t < 3); return t; } window.__alignAt = __journalAlign();');
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(`${base}/s/${N}/`);
    await page.waitForFunction(() => {
      const w = window as unknown as { __firstRender?: unknown; __journalStart?: JournalStart };
      return !!w.__firstRender && w.__journalStart?.settled != null;
    }, undefined, { timeout: 120_000, polling: 100 });
    const prof = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
    // (a trace runs on to at least JOURNAL_TRACE_UNTIL_MS after navigation, to see what follows the start)
    if (trace) await page.waitForFunction((ms) => performance.now() >= ms, Number(process.env.JOURNAL_TRACE_UNTIL_MS ?? 0), { polling: 50 });
    const traced = trace ? await browser.stopTracing() : undefined;
    const { first, start, alignAt } = await page.evaluate(() => {
      const w = window as unknown as { __firstRender: FirstRender; __journalStart: JournalStart; __alignAt?: number };
      return { first: w.__firstRender, start: w.__journalStart, alignAt: w.__alignAt ?? null };
    });
    const storedAfter = await page.evaluate(storedCount);
    const longest = (until: number) => Math.max(0, ...start.longTasks.filter(([s]) => s < until).map(([, d]) => d));
    const total = (until: number) => start.longTasks.filter(([s]) => s < until).reduce((a, [, d]) => a + d, 0);
    const settled = start.settled!;
    return { variant, storedBefore, storedAfter, first, start, longestToFrame: longest(first.frame), longestToSettled: longest(settled), longTotalToSettled: total(settled), errors, profile: prof ? { ...prof, alignAt } : undefined, trace: traced };
  } finally {
    await context.close();
  }
}

/** The variants measured (C only when asked for). */
const VARIANTS = (process.env.JOURNAL_VARIANTS ?? 'A,B').split(',') as Variant[];

/** A, B, B, A, A, B, …: the order reversed every other round, so drift hits all alike. */
function order(i: number): Variant[] {
  return i % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
}

const med = (xs: readonly number[]): number => percentile(xs.filter(Number.isFinite), 50);
const f0 = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '—');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');

function summarise(loads: readonly Load[], v: Variant) {
  const xs = loads.filter((l) => l.variant === v);
  const s = (f: (l: Load) => number | null) => xs.map((l) => f(l) ?? NaN);
  return {
    loads: xs.length,
    frame: s((l) => l.first.frame),
    idle: s((l) => l.first.t),
    journal: s((l) => l.start.journal),
    data: s((l) => l.start.data),
    editedFrame: s((l) => l.start.editedFrame),
    settled: s((l) => l.start.settled),
    longestToFrame: s((l) => l.longestToFrame),
    longestToSettled: s((l) => l.longestToSettled),
    longTotal: s((l) => l.longTotalToSettled),
    rendered: s((l) => l.start.rendered),
    editedRendered: s((l) => l.start.editedRendered),
    sourceType: [...new Set(xs.map((l) => l.start.sourceType))].join('/'),
    stored: [...new Set(xs.map((l) => `${l.storedBefore}→${l.storedAfter}`))].join(', '),
    errors: xs.flatMap((l) => l.errors),
  };
}
type Summary = ReturnType<typeof summarise>;

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[]; alignAt: number | null };

/** Self time (ms) in a CPU profile between `from` and `to` (ms since navigation), by original source file and by file: function (through the build's source maps). */
async function profileBySource(profile: CpuProfile, windows: { name: string; from: number; to: number }[]): Promise<Record<string, { files: [string, number][]; functions: [string, number][]; sampled: number }>> {
  const where = profileSources(profile.nodes, ROOT);
  // Sample times: µs on the profiler's clock; the first sample in __journalAlign is at alignAt (ms since navigation).
  const times: number[] = [];
  let t = 0;
  for (const d of profile.timeDeltas) times.push((t += d));
  const alignNode = profile.nodes.find((n) => n.callFrame.functionName === '__journalAlign')?.id;
  const k0 = profile.samples.findIndex((id) => id === alignNode);
  const offset = k0 >= 0 && profile.alignAt !== null ? profile.alignAt - times[k0]! / 1000 : NaN;
  const out: Record<string, { files: [string, number][]; functions: [string, number][]; sampled: number }> = {};
  for (const w of windows) {
    const files = new Map<string, number>();
    const fns = new Map<string, number>();
    let sampled = 0;
    for (let i = 0; i < profile.samples.length - 1; i++) {
      const at = times[i]! / 1000 + offset;
      if (!(at >= w.from && at < w.to)) continue;
      const ms = (times[i + 1]! - times[i]!) / 1000;
      const wh = where.get(profile.samples[i]!) ?? { file: '?', fn: '?' };
      files.set(wh.file, (files.get(wh.file) ?? 0) + ms);
      fns.set(`${wh.file}: ${wh.fn}`, (fns.get(`${wh.file}: ${wh.fn}`) ?? 0) + ms);
      sampled += ms;
    }
    const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10] as [string, number]);
    out[w.name] = { files: sorted(files), functions: sorted(fns).slice(0, 40), sampled };
  }
  return out;
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'IndexedDB', 'blink.user_timing', 'loading', 'gpu', 'cc'];

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { documentLoaderURL?: string } } }

/**
 * A Chromium trace of one load, summarised: per thread, the time in top-level tasks; on the
 * page's main thread, self time by event name; both between `from` and `to` (ms since the
 * page's navigation start, from its `navigationStart` mark).
 */
function summariseTrace(buf: Buffer, windows: { name: string; from: number; to: number }[]): Record<string, { threads: [string, number][]; main: [string, number][] }> {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args?.name ?? '?');
  }
  const nav = events.filter((e) => e.name === 'navigationStart' && /\/s\/\d+\/$/.test(e.args?.data?.documentLoaderURL ?? '')).pop();
  if (!nav) throw new Error('Expected a navigationStart mark for the app page in the trace');
  const mainKey = `${nav.pid}:${nav.tid}`;
  const at = (ts: number) => (ts - nav.ts) / 1000;
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const out: Record<string, { threads: [string, number][]; main: [string, number][] }> = {};
  for (const w of windows) {
    const clip = (e: TraceEvent) => Math.max(0, Math.min(at(e.ts + e.dur!), w.to) - Math.max(at(e.ts), w.from));
    // Threads: outermost toplevel tasks only (they nest when a task runs a nested loop).
    const threads = new Map<string, number>();
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of complete) {
      if (!e.cat.split(',').includes('toplevel')) continue;
      const k = `${e.pid}:${e.tid}`;
      (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
    }
    for (const [k, es] of byThread) {
      es.sort((a, b) => a.ts - b.ts);
      let end = -Infinity;
      let sum = 0;
      for (const e of es) {
        if (e.ts < end) continue;
        end = e.ts + e.dur!;
        sum += clip(e);
      }
      const pid = Number(k.split(':')[0]);
      const label = `${procs.get(pid) ?? pid}${k === mainKey ? ' (the page)' : ''} / ${names.get(k) ?? k}`;
      if (sum >= 1) threads.set(label, (threads.get(label) ?? 0) + sum);
    }
    // Main thread: self time by name (children subtracted), nesting by time.
    const main = complete.filter((e) => `${e.pid}:${e.tid}` === mainKey).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    const pop = () => {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + Math.max(0, clip(top.e) - top.child));
      if (stack.length) stack[stack.length - 1]!.child += clip(top.e);
    };
    for (const e of main) {
      while (stack.length && e.ts >= stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur!) pop();
      stack.push({ e, child: 0 });
    }
    while (stack.length) pop();
    const sorted = (m: Map<string, number>) => [...m.entries()].filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10] as [string, number]);
    out[w.name] = { threads: sorted(threads), main: sorted(self).slice(0, 30) };
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  buildIfStale();
  const { base, server } = await startServer();
  const refuser = await startRefuser();
  const browser = await launchBrowser();
  const chromium = browser.version();
  const loads: Load[] = [];
  const profiles: Record<string, unknown> = {};
  const traces: Record<string, unknown> = {};
  let journalInfo = { records: 0, clusters: 0, bytes: 0, mix: { facts: 0, footprints: 0, reverts: 0, features: 0 } };
  try {
    // The records, over the ids of the clusters file this server hands the page.
    const fc = (await (await fetch(`${base}/s/${N}/data/clusters.geojson`)).json()) as ClusterCollection;
    const records = synthJournal(fc, RECORDS, SEED);
    const bad = records.filter((r) => !checkRecord(structuredClone(r)).ok).length;
    if (bad) throw new Error(`Expected every synthetic record to pass checkRecord, ${bad} fail`);
    const mix = { facts: 0, footprints: 0, reverts: 0, features: 0 };
    for (const r of records) {
      if (r.kind === 'revert') mix.reverts++;
      else if (r.kind === 'proposal') continue;
      else if (r.field === 'geometry') mix.footprints++;
      else if (r.field === 'feature') mix.features++;
      else mix.facts++;
    }
    journalInfo = { records: records.length, clusters: fc.features.length, bytes: JSON.stringify(records).length, mix };
    log(`${records.length} records over ${fc.features.length} clusters (${(journalInfo.bytes / 2 ** 20).toFixed(1)} MB as JSON): ${JSON.stringify(mix)}`);
    const line = (l: Load) =>
      `${l.variant}: first frame ${f0(l.first.frame)}, first idle ${f0(l.first.t)}, journal ${f0(l.start.journal ?? NaN)}, data ${f0(l.start.data ?? NaN)}, edited frame ${f0(l.start.editedFrame ?? NaN)}, settled ${f0(l.start.settled ?? NaN)} ` +
      `(${l.start.sourceType}, ${l.start.rendered} drawn, ${l.start.editedRendered} edited), longest task ${f0(l.longestToFrame)} / ${f0(l.longestToSettled)} ms, stored ${l.storedBefore}→${l.storedAfter}` +
      (l.errors.length ? `; errors: ${l.errors.slice(0, 3).join(' | ')}` : '');
    log('warm-up (A, B; not recorded)…');
    for (const v of VARIANTS) log(`  ${line(await measureLoad(browser, base, v, records))}`);
    for (let i = 0; i < LOADS; i++) {
      for (const v of order(i)) {
        const l = await measureLoad(browser, base, v, records);
        loads.push(l);
        log(`${i + 1}/${LOADS} ${line(l)}`);
      }
    }
    if (PROFILE) {
      for (const v of ['B', 'A'] as const) {
        const l = await measureLoad(browser, base, v, records, true);
        log(`profile ${line(l)}`);
        for (const [s, t, d] of l.start.marks) log(`  ${s}: at ${f0(t)} ms, ${d.toFixed(1)} ms`);
        log(`  long tasks (start+duration ms): ${l.start.longTasks.map(([s, d]) => `${f0(s)}+${f0(d)}`).join(', ')}`);
        const settled = l.start.settled!;
        const p = await profileBySource(l.profile as CpuProfile, [
          { name: 'to first frame', from: 0, to: l.first.frame },
          { name: 'first frame to settled', from: l.first.frame, to: settled },
        ]);
        profiles[v] = { first: l.first, start: l.start, windows: p };
        for (const [name, w] of Object.entries(p)) {
          log(`  ${name} (${f0(w.sampled)} ms sampled), by file: ${w.files.slice(0, 14).map(([f, ms]) => `${f} ${ms}`).join(' · ')}`);
          log(`    by function: ${w.functions.slice(0, 16).map(([f, ms]) => `${f} ${ms}`).join(' · ')}`);
        }
      }
    }
    if (TRACE) {
      for (const v of ['B', 'A'] as const) {
        const l = await measureLoad(browser, base, v, records, false, true);
        log(`trace ${line(l)}`);
        mkdirSync(OUT_DIR, { recursive: true });
        writeFileSync(join(OUT_DIR, `journal-trace-${v}.json`), l.trace!);
        const t = summariseTrace(l.trace!, [
          { name: 'to first frame', from: 0, to: l.first.frame },
          { name: 'first frame to settled', from: l.first.frame, to: l.start.settled! },
        ]);
        traces[v] = { first: l.first, start: l.start, windows: t };
        for (const [name, w] of Object.entries(t)) {
          log(`  ${name}: busy threads (ms): ${w.threads.slice(0, 10).map(([k, ms]) => `${k} ${ms}`).join(' · ')}`);
          log(`    page main thread, self time by event (ms): ${w.main.slice(0, 18).map(([k, ms]) => `${k} ${ms}`).join(' · ')}`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    refuser.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const loadAtEnd = os.loadavg()[0] ?? 0;
  const a = summarise(loads, 'A');
  const b = summarise(loads, 'B');
  const cpu = os.cpus()[0]?.model.trim() ?? '?';
  const machine = `${cpu} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB`;
  const date = new Date().toISOString().slice(0, 10);
  const raw = { date, machine, chromium, variants: VARIANTS, node: process.version, commit: gitState(ROOT), n: N, journal: journalInfo, seed: SEED, loadsPerVariant: LOADS, viewport: VIEWPORT, seconds, loadAtStart, loadAtEnd, loads, summary: Object.fromEntries(VARIANTS.map((v) => [v, summarise(loads, v)])), profiles, traces };
  mkdirSync(OUT_DIR, { recursive: true });
  const rawPath = join(OUT_DIR, `journal-start-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(rawPath, JSON.stringify(raw, null, 1));
  log(`raw results: ${rawPath}`);
  log(`first frame median: A ${f0(med(a.frame))} ms, B ${f0(med(b.frame))} ms, B/A ${ratio(med(b.frame), med(a.frame))} (goal ≤ ${GOAL}×)`);
  log(`settled median: A ${f0(med(a.settled))} ms, B ${f0(med(b.settled))} ms, B/A ${ratio(med(b.settled), med(a.settled))}`);
  for (const v of ['C', 'D'] as const) {
    if (!VARIANTS.includes(v)) continue;
    const c = summarise(loads, v);
    log(`${v} (B, journal read after the first ${v === 'C' ? 'frame' : 'idle'}): first frame ${f0(med(c.frame))} ms (/A ${ratio(med(c.frame), med(a.frame))}), first idle ${f0(med(c.idle))} (/A ${ratio(med(c.idle), med(a.idle))}), journal ${f0(med(c.journal))}, data ${f0(med(c.data))}, edited frame ${f0(med(c.editedFrame))}, settled ${f0(med(c.settled))} ms (/A ${ratio(med(c.settled), med(a.settled))}, /B ${ratio(med(c.settled), med(b.settled))})`);
  }
  if (VARIANTS.join() !== 'A,B') return log('JOURNAL_VARIANTS set: BENCHMARKS.md not written');
  if (process.env.JOURNAL_NO_MD || LOADS < 7) return log('BENCHMARKS.md not written (JOURNAL_NO_MD set or fewer than 7 loads)');
  writeMarkdown({ date, machine, chromium, commit: raw.commit, seconds, loadAtStart, loadAtEnd, a, b, journalInfo });
}

function writeMarkdown(r: { date: string; machine: string; chromium: string; commit: string; seconds: number; loadAtStart: number; loadAtEnd: number; a: Summary; b: Summary; journalInfo: { records: number; clusters: number; bytes: number; mix: Record<string, number> } }): void {
  const { a, b } = r;
  const samples = (xs: number[]) => xs.map(f0).join(' ');
  const row = (label: string, f: (s: Summary) => number[], goal = false) => {
    const ma = med(f(a));
    const mb = med(f(b));
    return [label, f0(ma), f0(mb), f0(mb - ma), ratio(mb, ma), goal ? (mb <= GOAL * ma ? 'pass' : '**fail**') : '', `${samples(f(a))} / ${samples(f(b))}`];
  };
  const table = markdownTable(['navigation start → (ms, median)', 'A: empty journal', `B: ${r.journalInfo.records.toLocaleString('en')} records`, 'B − A', 'B/A', `goal ≤ ${GOAL}×`, 'samples A / B (load order)'], [
    row('**first frame with clusters**', (s) => s.frame, true),
    row('first idle with clusters', (s) => s.idle),
    row('journal restored (`data-journal`)', (s) => s.journal),
    row('panels show the clusters', (s) => s.data),
    ['B: first frame with edited clusters (GeoJSON)', '—', f0(med(b.editedFrame)), '', '', '', samples(b.editedFrame)],
    row('settled: all of these, map idle', (s) => s.settled),
    row('longest task before the first frame', (s) => s.longestToFrame),
    row('longest task before settled', (s) => s.longestToSettled),
    row('long tasks before settled, total', (s) => s.longTotal),
  ]);
  const m = r.journalInfo.mix;
  const section = `## Journal at start (browser)

${r.date} · ${r.machine} · Chromium ${r.chromium} (headless, WebGL: SwiftShader) · app at ${r.commit} · \`npm run bench:journal\` (tests/bench/browser/journal_start.ts), whole run ${Math.round(r.seconds)} s, 1-min load average ${r.loadAtStart.toFixed(1)} at start / ${r.loadAtEnd.toFixed(1)} at end.

Goal (issue): restoring a journal of 10,000 edits at start adds ≤ 10 % to the first render at 115 clusters, as a ratio against no journal in the same run. The production build (\`dist/\`) served by bench:browser's server with its synthetic ${N}-cluster set (\`/s/${N}/\`: tests/bench/browser/datasets.ts, the cluster tiles cut from it as the build cuts them; the real zones, villages and boundaries). *A* = IndexedDB \`ccn-edits\` / \`journal\` created empty; *B* = the same store holding ${r.journalInfo.records.toLocaleString('en')} records of \`synthJournal\` (seed ${SEED}, as the Node bench) over the ids of the clusters file the server hands the page: ${m.facts!.toLocaleString('en')} facts, ${m.footprints!.toLocaleString('en')} footprints (5–40 vertices), ${m.reverts} reverts, ${m.features} new clusters, ${(r.journalInfo.bytes / 2 ** 20).toFixed(1)} MB as JSON. Each load has a browser context of its own: first a same-origin page that is not the app (the server's 404 page) creates the database with raw IndexedDB as journal_db.ts does (version 1, out-of-line autoIncrement keys, one value per record, one transaction) and writes the records (none for A), that page is closed, then the app is loaded in the same context (the count of stored records is checked before and after). The app's own page is not used to prefill: it would register the app's service worker in that context and B's load would come from its cache. Loads alternate A, B, B, A, … (${a.loads} of each, after one unrecorded load of each); every request that leaves the server is refused, as in bench:browser.

*First frame* = the first \`render\` with \`cluster-fill\` features (bench:browser's \`firstRenderProbe\`); *journal restored* = \`document.body.dataset.journal = 'restored'\`, set once \`journal.ready\` resolves (src/app/main.tsx: IndexedDB read, \`checkRecord\` on every value, \`setJournal\`); *panels* = the filter panel counts the clusters (the app has read and checked its data, and the store has applied the journal over them); *first frame with edited clusters* = the first frame drawn from the GeoJSON source with an edited or new cluster on screen (the map leaves the build's tiles for the app's copy when the clusters are not the bundled file, \`MapView.setClusters\`); *settled* = all of them and the map idle. Long tasks: \`PerformanceObserver\` (\`longtask\`, tasks over 50 ms on the page's main thread; 0 = none).

${table}

At settled, A drew from the ${a.sourceType} source (${f0(med(a.rendered))} clusters, ${f0(med(a.editedRendered))} edited), B from the ${b.sourceType} source (${f0(med(b.rendered))} clusters, ${f0(med(b.editedRendered))} of them edited or new); records stored before → after the load: A ${a.stored}, B ${b.stored}. Page errors: ${a.errors.length + b.errors.length}. Raw samples: \`tests/bench/out/journal-start-*.json\` (git-ignored).

**Verdict: ${med(b.frame) <= GOAL * med(a.frame) ? 'pass' : 'fail'}** (first frame B/A ${ratio(med(b.frame), med(a.frame))} against ≤ ${GOAL}×).
`;
  const file = join(ROOT, 'BENCHMARKS.md');
  const analysisPath = join(import.meta.dirname, 'journal_start.md');
  const analysis = existsSync(analysisPath) ? `\n${readFileSync(analysisPath, 'utf8').trim()}\n` : '';
  writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '', 'journal-browser', section + analysis));
  log('BENCHMARKS.md updated (journal-browser section)');
}

/** `JOURNAL_FROM=tests/bench/out/journal-start-….json` re-renders the section from a run's raw results (e.g. after editing journal_start.md). */
if (process.env.JOURNAL_FROM) {
  const raw = JSON.parse(readFileSync(resolve(process.env.JOURNAL_FROM), 'utf8')) as { date: string; machine: string; chromium: string; commit: string; seconds: number; loadAtStart: number; loadAtEnd: number; summary: { A: Summary; B: Summary }; journal: Parameters<typeof writeMarkdown>[0]['journalInfo'] };
  writeMarkdown({ ...raw, a: raw.summary.A, b: raw.summary.B, journalInfo: raw.journal });
} else await main();
