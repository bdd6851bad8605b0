import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clusterTiles } from '../../src/geo/tiles/cluster_tiles';
import type { ClusterCollection } from '../../src/geo/types';
import { mapContextFile } from '../../src/geo/tiles/map_context';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/app');

const tileCache = new Map<string, Map<string, Uint8Array>>();
/** The cluster tiles the build would make from the fixture clusters (or an override of them; an unreadable one gives none), by "z/x/y". */
function tilesFor(override: string | undefined): Map<string, Uint8Array> {
  const text = override ?? readFileSync(resolve(FIXTURES, 'clusters.geojson'), 'utf8');
  let tiles = tileCache.get(text);
  if (!tiles) {
    try {
      tiles = new Map(clusterTiles(JSON.parse(text) as ClusterCollection).map((t) => [`${t.z}/${t.x}/${t.y}`, t.bytes]));
    } catch {
      tiles = new Map();
    }
    tileCache.set(text, tiles);
  }
  return tiles;
}

export interface OpenOptions {
  /** Serve the hand-made fixture instead of the bundled geodata (default true). */
  fixture?: boolean;
  /** Replace a data file's body (e.g. a corrupt file). */
  override?: Record<string, string>;
  /** Data files whose requests fail (as on a dropped connection); `tiles` for the cluster tiles. */
  fail?: string[];
  /** Data files answered only after this many ms (a slow line); `tiles` for the cluster tiles. */
  delay?: Record<string, number>;
  /** Wait until the app has loaded and the map is idle (default true). */
  waitReady?: boolean;
  /** Extra part of the URL after the base (e.g. a hash). */
  path?: string;
  /** Page size. */
  viewport?: { width: number; height: number };
}

/** A page of the app plus what it did: console errors and non-local requests. */
export interface AppPage {
  page: Page;
  consoleErrors: string[];
  externalRequests: string[];
}

/** Opens the app; blocks (and records) every request that leaves the local server. */
export async function openApp(browser: Browser, baseUrl: string, opts: OpenOptions = {}): Promise<AppPage> {
  // The offline service worker would answer before page.route: tests that serve fixtures keep it out.
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(baseUrl)) {
      externalRequests.push(url);
      return route.abort('internetdisconnected');
    }
    const path = new URL(url).pathname;
    const tile = /\/data\/tiles\/(\d+\/\d+\/\d+)\.pbf$/.exec(path);
    const m = tile ? ([path, 'tiles'] as const) : /\/data\/([\w.]+)$/.exec(path);
    if (m && opts.fail?.includes(m[1]!)) return route.abort('connectionreset');
    const wait = m ? opts.delay?.[m[1]!] : undefined;
    if (wait) await new Promise((r) => setTimeout(r, wait));
    // The cluster tiles are cut from the clusters file, as the build cuts them (none for an empty tile: 404).
    if (tile && (opts.fixture ?? true)) {
      const bytes = tilesFor(opts.override?.['clusters.geojson']).get(tile[1]!);
      return bytes ? route.fulfill({ status: 200, contentType: 'application/x-protobuf', body: Buffer.from(bytes) }) : route.fulfill({ status: 404, body: '' });
    }
    // The map's context file is merged from the boundary and zone files, as the build merges it (overrides included).
    if (m && m[1] === 'map_context.geojson' && (opts.fixture ?? true)) {
      const text = (name: string) => opts.override?.[name] ?? readFileSync(resolve(FIXTURES, name), 'utf8');
      const body = mapContextFile({ exProvinces: text('ex_provinces.geojson'), province: text('province.geojson'), zones: text('industrial_zones.geojson') });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    if (m && opts.override?.[m[1]!] !== undefined) return route.fulfill({ status: 200, contentType: 'application/json', body: opts.override[m[1]!] });
    // (a file the fixture set does not have, such as the communes, comes from the build)
    if (m && (opts.fixture ?? true) && existsSync(resolve(FIXTURES, m[1]!))) return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(resolve(FIXTURES, m[1]!)) });
    return route.continue();
  });
  await page.goto(baseUrl + (opts.path ?? ''));
  if (opts.waitReady ?? true) await waitForApp(page);
  return { page, consoleErrors, externalRequests };
}

/** Resolves once the app has loaded its data and the map is idle. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await waitForMapIdle(page);
}

/** Resolves when the map has finished loading tiles and rendering. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((res) => {
        const map = (window as any).__mapView.map;
        if (map.loaded() && !map.isMoving()) {
          map.once('idle', () => res());
          map.triggerRepaint();
        } else map.once('idle', () => res());
      }),
  );
}

/** Ids of the clusters currently drawn on the map (polygons or dots). */
export async function renderedClusterIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = (window as any).__mapView.renderedClusters().map((f: any) => f.properties.id as string);
    return [...new Set<string>(ids)].sort();
  });
}

/** RGBA of the map canvas at geographic points (what the user sees there). */
export async function pixelsAt(page: Page, lngLats: [number, number][]): Promise<number[][]> {
  return page.evaluate(async (pts) => {
    const view = (window as any).__mapView;
    const map = view.map;
    const canvas: HTMLCanvasElement = map.getCanvas();
    const c: HTMLCanvasElement = await view.capture();
    const ctx = c.getContext('2d')!;
    const ratio = canvas.width / canvas.clientWidth;
    return pts.map((p: [number, number]) => {
      const xy = map.project(p);
      return Array.from(ctx.getImageData(Math.round(xy.x * ratio), Math.round(xy.y * ratio), 1, 1).data);
    });
  }, lngLats);
}

/** Toggles an ex-province checkbox in the filter panel. */
export async function toggleProvince(page: Page, name: string): Promise<void> {
  await page.getByTestId('facet-province').getByLabel(name, { exact: true }).click();
  await waitForMapIdle(page);
}

/** Reads the statistics table: row name → cells. */
export async function statsTable(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const tr of document.querySelectorAll('[data-testid="stats"] tbody tr')) {
      out[(tr as HTMLElement).dataset.row!] = [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim());
    }
    return out;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(import.meta.dirname, 'screenshots', `${name}.png`) });
}

export type { Browser };

/** Page coordinates (for the mouse) of a geographic point on the map. */
export async function toPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const xy = await page.evaluate((p) => (window as any).__mapView.map.project(p), lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + xy.x, y: box.y + xy.y };
}

/** Shift-drags a selection box between two geographic corners. */
export async function selectBox(page: Page, a: [number, number], b: [number, number]): Promise<void> {
  const p = await toPage(page, a);
  const q = await toPage(page, b);
  await page.keyboard.down('Shift');
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2, { steps: 4 });
  await page.mouse.move(q.x, q.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

/** Draws a polygon with the polygon tool (clicks each vertex, then the first again). */
export async function drawPolygon(page: Page, ring: [number, number][]): Promise<void> {
  await page.getByTestId('tool-polygon').click();
  for (const v of [...ring, ring[0]!]) {
    const p = await toPage(page, v);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(120);
  }
}

/** Ids of the clusters drawn highlighted as selected on the map (feature state of rendered clusters). */
export async function selectedIds(page: Page): Promise<string[]> {
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const view = (window as any).__mapView;
    const ids = new Set<string>(view.renderedClusters().map((f: any) => f.properties.id));
    return [...ids].filter((id) => view.clusterState(id).selected === true).sort();
  });
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function exportSelection(page: Page, format: 'geojson' | 'csv' | 'areas'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/** Opens another tab of the app in the same browser context (same storage, same request routes). */
export async function openTab(app: AppPage, baseUrl: string, path = ''): Promise<AppPage> {
  const page = await app.page.context().newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(baseUrl + path);
  await waitForApp(page);
  return { page, consoleErrors, externalRequests: app.externalRequests };
}

/** Frames a point at a zoom and waits until the map has drawn it. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => (window as any).__mapView.map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForMapIdle(page);
}

/** Clicks a geographic point on the map. */
export async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await toPage(page, lngLat);
  await page.mouse.click(p.x, p.y);
}

/** Clicks each vertex of a ring on the map, then the first again to close it (the footprint editor's draw tool). */
export async function clickRing(page: Page, ring: [number, number][]): Promise<void> {
  for (const v of [...ring, ring[0]!]) {
    const p = await toPage(page, v);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(150);
  }
}
