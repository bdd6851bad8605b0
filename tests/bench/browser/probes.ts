/**
 * Functions that run inside the benchmarked page (passed to playwright's addInitScript /
 * evaluate, so they must be self-contained). They work on the app (`window.__mapView.map`)
 * and on the bare page (`window.__map`) alike; both draw clusters in a layer `cluster-fill`.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- page globals */
/** What `firstRenderProbe` records (ms since navigation start). */
export interface FirstRender {
  /** The first drawn frame (`render` event) with `cluster-fill` features on screen. */
  frame: number;
  /** The first `idle` (everything loaded and drawn) with `cluster-fill` features on screen. */
  t: number;
  rendered: number;
  styleLoaded: number | null;
}
type W = Window & { __mapView?: { map: any; visibleOnly(f: any[]): any[] }; __map?: any; __firstRender?: FirstRender; __firstFrame?: number; __styleLoaded?: number };

/**
 * Init script: records `window.__firstRender` (see `FirstRender`): the first frame drawn with
 * `cluster-fill` features, the first `idle` with them, and when the map's `load` fired.
 */
export function firstRenderProbe(): void {
  const w = window as W;
  const timer = setInterval(() => {
    const map = w.__mapView?.map ?? w.__map;
    if (!map) return;
    clearInterval(timer);
    if (map.isStyleLoaded()) w.__styleLoaded = performance.now();
    else map.once('load', () => (w.__styleLoaded = performance.now()));
    const drawn = () => map.getLayer('cluster-fill') && map.queryRenderedFeatures({ layers: ['cluster-fill'] }).length;
    const onRender = () => {
      const t = performance.now();
      if (!drawn()) return;
      w.__firstFrame = t;
      map.off('render', onRender);
    };
    const onIdle = () => {
      const t = performance.now();
      const rendered = drawn();
      if (rendered > 0) {
        w.__firstRender = { frame: w.__firstFrame ?? t, t, rendered, styleLoaded: w.__styleLoaded ?? null };
        map.off('idle', onIdle);
      }
    };
    map.on('render', onRender);
    map.on('idle', onIdle);
  }, 5);
}

/** Whether the app has loaded and checked its data: the filter panel counts the clusters shown ("… N / N …", N > 0). */
export function appDataReady(): boolean {
  // Thousands separators differ by language ("10.000" in vi, "10,000" in en).
  const text = (document.querySelector('[data-testid="showing"]')?.textContent ?? '').replace(/[.,\u00a0]/g, '');
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return !!m && Number(m[2]) > 0;
}

/**
 * Resolves once the page's service worker has no install under way for a whole second (its
 * precache done or failed), or after `maxMs`. Call it after the app has registered it.
 */
export async function serviceWorkerSettled(maxMs: number): Promise<void> {
  const end = performance.now() + maxMs;
  let quiet = 0;
  while (quiet < 4 && performance.now() < end) {
    const reg = await navigator.serviceWorker.getRegistration();
    quiet = reg?.installing ? 0 : quiet + 1;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves at the next `idle` after a repaint (everything loaded and drawn). */
export async function settle(ms: number): Promise<void> {
  const w = window as W;
  const map = w.__mapView?.map ?? w.__map;
  await new Promise<void>((res) => {
    map.once('idle', () => res());
    map.triggerRepaint();
  });
  await new Promise((r) => setTimeout(r, ms));
}

/** The map canvas' CSS size, the WebGL renderer and the clusters.geojson response end (ms since navigation). */
export function pageInfo(): { w: number; h: number; renderer: string; dataResponseEnd: number | null } {
  const w = window as W;
  const map = w.__mapView?.map ?? w.__map;
  const c = map.getCanvas() as HTMLCanvasElement;
  const gl = c.getContext('webgl2') ?? c.getContext('webgl');
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl ? String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : '?';
  const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('data/clusters.geojson')) as PerformanceResourceTiming | undefined;
  return { w: c.clientWidth, h: c.clientHeight, renderer, dataResponseEnd: res ? res.responseEnd : null };
}

/**
 * Pans the map left and right with linear eases and records the intervals between
 * animation frames while it moves (ms).
 */
export async function panFrames(args: { dx: number; ms: number; passes: number }): Promise<number[]> {
  const w = window as W;
  const map = w.__mapView?.map ?? w.__map;
  const deltas: number[] = [];
  let last: number | null = null;
  let running = true;
  const loop = (ts: number) => {
    if (last !== null) deltas.push(ts - last);
    last = ts;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  for (let i = 0; i < args.passes; i++) {
    const d = i % 2 === 0 ? args.dx : -args.dx;
    await new Promise<void>((res) => {
      map.once('moveend', () => res());
      map.panBy([d, 0], { duration: args.ms, easing: (t: number) => t });
    });
  }
  running = false;
  return deltas;
}

/** One filter change: time from the change to the next `idle` (ms), and what is drawn then. */
export interface FilterSample {
  ms: number;
  rendered: number;
  hidden: boolean;
}

/**
 * Filter latency in the app: clicks the ex-province checkbox (the real UI path: Preact →
 * store → sync → MapView.setVisibleClusters → setFilter) and waits for the map's `idle`.
 * Toggles off and on in pairs, so it ends with everything visible.
 */
export async function appFilter(args: { pairs: number; minPairs: number; capMs: number; province: string }): Promise<FilterSample[]> {
  const map = (window as W).__mapView!.map;
  const input = [...document.querySelectorAll<HTMLInputElement>('[data-testid="facet-province"] input')].find((i) => i.value === args.province);
  if (!input) throw new Error(`Expected a province checkbox ${args.province}`);
  const out: FilterSample[] = [];
  const start = performance.now();
  for (let k = 0; k < args.pairs && (k < args.minPairs || performance.now() - start < args.capMs); k++) {
    for (const hidden of [true, false]) {
      const idle = new Promise<void>((res) => map.once('idle', () => res()));
      const t0 = performance.now();
      input.click();
      await idle;
      const ms = performance.now() - t0;
      // The app hides filtered-out clusters through feature state: count what is drawn visibly.
      const view = (window as W).__mapView!;
      out.push({ ms, hidden, rendered: view.visibleOnly(map.queryRenderedFeatures({ layers: ['cluster-fill'] })).length });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return out;
}

/**
 * Filter latency on the bare page: `setFilter` on both layers (ids precomputed, not timed),
 * then the next `idle`. `kind` = `ids`: the same `['in', id, literal list]` filter the app
 * builds; `property`: `['!=', ['get', 'ex_province'], name]`.
 */
export async function bareFilter(args: { pairs: number; minPairs: number; capMs: number; province: string; kind: 'ids' | 'property' }): Promise<FilterSample[]> {
  const map = (window as W).__map;
  const fc = (await (await fetch('data/clusters.geojson')).json()) as { features: { properties: { id: string; ex_province: string } }[] };
  const ids = fc.features.filter((f) => f.properties.ex_province !== args.province).map((f) => f.properties.id);
  const on = args.kind === 'ids' ? ['in', ['get', 'id'], ['literal', ids]] : ['!=', ['get', 'ex_province'], args.province];
  const out: FilterSample[] = [];
  const start = performance.now();
  for (let k = 0; k < args.pairs && (k < args.minPairs || performance.now() - start < args.capMs); k++) {
    for (const hidden of [true, false]) {
      const idle = new Promise<void>((res) => map.once('idle', () => res()));
      const t0 = performance.now();
      for (const layer of ['cluster-fill', 'cluster-line']) map.setFilter(layer, hidden ? on : null);
      await idle;
      const ms = performance.now() - t0;
      out.push({ ms, hidden, rendered: map.queryRenderedFeatures({ layers: ['cluster-fill'] }).length });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return out;
}
