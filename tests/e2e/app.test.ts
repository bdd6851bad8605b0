import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { openApp, pixelsAt, renderedClusterIds, screenshot, statsTable, toggleProvince, waitForApp, waitForMapIdle } from './driver';
import type { Page } from 'playwright-core';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const read = (f: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/app', f), 'utf8'));
const ALL = ['hn-mau-dong-van', 'hn-mau-kim-bang', 'hn-mau-thanh-liem', 'nb-mau-gian-khau', 'nb-mau-khanh-nhac', 'nd-mau-hai-hau', 'nd-mau-xuan-tien', 'nd-mau-y-yen'];
const BACKGROUND = [0xdf, 0xe6, 0xea];

describe('the cluster map on the fixture', () => {
  it('frames the province and draws every cluster, with pixels where clusters are', async () => {
    const { page, consoleErrors, externalRequests } = await openApp(browser(), baseUrl);
    await screenshot(page, 'app-fixture');
    expect(await renderedClusterIds(page)).toEqual(ALL);
    // A cluster dot is drawn in its status colour, not the land colour around it.
    const [onCluster, land] = await pixelsAt(page, [[106.05, 20.30], [106.45, 20.15]]);
    expect(onCluster).not.toEqual(land);
    expect(onCluster!.slice(0, 3)).not.toEqual(BACKGROUND);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('filtering to one ex-province changes the drawn clusters and the statistics', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    const before = await statsTable(page);
    expect(before.total![0]).toBe('8');
    const yYen: [number, number] = [106.05, 20.30];
    const landNearby: [number, number] = [106.12, 20.36];
    const [dotBefore, land] = await pixelsAt(page, [yYen, landNearby]);
    expect(dotBefore).not.toEqual(land);
    await toggleProvince(page, 'Nam Định');
    await toggleProvince(page, 'Ninh Bình');
    expect(await renderedClusterIds(page)).toEqual(['hn-mau-dong-van', 'hn-mau-kim-bang', 'hn-mau-thanh-liem']);
    // What the planner sees: the Nam Định cluster is gone from the canvas, only land remains there.
    const [dotAfter, landAfter] = await pixelsAt(page, [yYen, landNearby]);
    expect(dotAfter).toEqual(landAfter);
    const after = await statsTable(page);
    expect(after.total).toEqual(['3', '80 ha', '1', '1', '1']);
    expect(after['Nam Định']![0]).toBe('0');
    await expect.poll(() => page.getByTestId('showing').textContent()).toBe('Đang hiển thị 3 / 8 cụm');
    await screenshot(page, 'app-filter-ha-nam');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('search "dong van" finds Đồng Văn, flies to it and opens its details', async () => {
    const { page } = await openApp(browser(), baseUrl);
    for (const q of ['dong van', 'ĐỒNG VĂN', 'Dong Van']) {
      await page.getByTestId('search').fill(q);
      await expect.poll(() => page.getByTestId('search-results').locator('li[role="option"]').first().textContent()).toBe('Cụm công nghiệp CCN Mẫu Đồng Văn');
    }
    await page.getByTestId('search').press('Enter');
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('CCN Mẫu Đồng Văn');
    const text = await details.textContent();
    expect(text).toContain('50 ha');
    expect(text).toContain('98,5 %');
    expect(text).toContain('1.035');
    expect(await details.locator('a[href="https://example.invalid/fixture"]').count()).toBe(1);
    await page.waitForFunction(() => (window as any).__mapView.map.getZoom() > 12);
    await waitForMapIdle(page);
    await screenshot(page, 'app-search-details');
    await page.context().close();
  });

  it('clicking a cluster opens its details, saying when the footprint is schematic', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const xy = await page.evaluate(() => (window as any).__mapView.map.project([105.86, 20.30]));
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('CCN Mẫu Gián Khẩu');
    expect(await details.getByTestId('geom-quality').textContent()).toContain('không phải ranh giới đo đạc');
    expect(await details.textContent()).toContain('không có số liệu');
    await page.context().close();
  });

  it('the legend explains every status, wastewater state and geometry kind', async () => {
    const { page } = await openApp(browser(), baseUrl, { viewport: { width: 1500, height: 900 } });
    const legend = page.getByTestId('legend');
    const text = await legend.textContent();
    for (const s of ['Quy hoạch', 'Đã thành lập', 'Đang hoạt động', 'Có nhà máy, đạt chuẩn', 'Có nhà máy, chưa xác nhận đạt chuẩn', 'Đang xây dựng', 'Chưa có', 'Chưa rõ', 'không phải ranh giới đo đạc', 'Chỉ có vị trí', 'Làng nghề', 'Khu công nghiệp (KCN)']) {
      expect(text).toContain(s);
    }
    await legend.getByRole('button').click();
    expect(await legend.textContent()).toBe('Chú giải');
    await page.context().close();
  });

  it('the list tab shows the filtered clusters, sorts them, and a row opens its cluster', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await toggleProvince(page, 'Hà Nam');
    await page.getByTestId('tab-list').click();
    const list = page.getByTestId('cluster-list');
    const ids = () => list.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    await list.locator('tbody tr').first().waitFor(); // (the list loads with its tab)
    expect(await ids()).toHaveLength(5);
    expect(await list.locator('h2').textContent()).toBe('Danh sách 5 cụm theo bộ lọc');
    await list.getByRole('button', { name: /Diện tích/ }).click();
    expect(await ids()).toEqual(['nd-mau-hai-hau', 'nd-mau-xuan-tien', 'nb-mau-khanh-nhac', 'nd-mau-y-yen', 'nb-mau-gian-khau']);
    await list.locator('tr[data-id="nd-mau-y-yen"]').click();
    await expect.poll(() => page.getByTestId('details').locator('h2').textContent()).toBe('CCN Mẫu Ý Yên');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    await screenshot(page, 'app-list');
    await page.context().close();
  });

  it('the table shows the columns chosen (remembered after a reload); a row selects without flying; "only" keeps one facet value; zoom to the filtered clusters', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    const center = () => page.evaluate(() => (window as any).__mapView.map.getCenter().toArray() as number[]);
    // "only": one click keeps just that status.
    await page.getByTestId('facet-status').getByRole('button', { name: 'Chỉ giữ Đang hoạt động' }).click();
    await expect.poll(() => page.getByTestId('showing').textContent()).toMatch(/^Đang hiển thị [1-7] \/ 8 cụm$/);
    const operating = read('clusters.geojson').features.filter((f: { properties: { status: string } }) => f.properties.status === 'operating');
    expect(await page.getByTestId('showing').textContent()).toBe(`Đang hiển thị ${operating.length} / 8 cụm`);
    await page.getByTestId('tab-list').click();
    const list = page.getByTestId('cluster-list');
    await page.getByTestId('list-columns').click();
    await page.getByTestId('list-columns-menu').getByLabel('Lấp đầy').check();
    await page.getByTestId('list-columns-menu').getByLabel('Tỉnh cũ').uncheck();
    const headers = () => list.locator('thead th').allTextContents();
    expect((await headers()).map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['Tên', 'Tình trạng', 'Nước thải', 'Diện tích', 'Lấp đầy']);
    // A row selects and opens, and the map stays where it was.
    const before = await center();
    await list.locator('tbody tr').first().click();
    await page.getByTestId('details').waitFor();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    expect(await center()).toEqual(before);
    // Zoom to what the filter keeps: every kept cluster is in view.
    await page.getByTestId('zoom-filtered').click();
    await waitForMapIdle(page);
    const inView = await page.evaluate((pts) => {
      const b = (window as any).__mapView.map.getBounds();
      return pts.every((p: [number, number]) => b.contains(p));
    }, operating.map((f: { geometry: { type: string; coordinates: unknown } }) => (f.geometry.type === 'Point' ? f.geometry.coordinates : (f.geometry.coordinates as number[][][])[0]![0])));
    expect(inView).toBe(true);
    expect(await center()).not.toEqual(before);
    // The column choice is remembered in this browser.
    await page.reload();
    await page.getByTestId('tab-list').click();
    await expect.poll(async () => (await headers()).map((h) => h.replace(/[▲▼]/g, '').trim()), { timeout: 15_000 }).toEqual(['Tên', 'Tình trạng', 'Nước thải', 'Diện tích', 'Lấp đầy']);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('switches the interface to English', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await expect.poll(() => page.getByTestId('showing').textContent()).toBe('Showing 8 of 8 clusters');
    expect(await page.locator('h1').textContent()).toBe('Industrial clusters of Ninh Bình province');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Industrial clusters of Ninh Bình province');
    await page.getByRole('button', { name: 'Language' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.title()).toBe('Bản đồ cụm công nghiệp tỉnh Ninh Bình');
    await page.context().close();
  });
});

describe('the English interface', () => {
  // Letters only Vietnamese uses (the fixture's names and places are data, removed before the check).
  const VIETNAMESE = /[ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
  const dataValues = (): string[] => {
    const out = new Set<string>(['Ninh Bình', 'Hà Nam', 'Nam Định']);
    for (const f of ['clusters.geojson', 'communes_2025.geojson', 'industrial_zones.geojson', 'craft_villages.geojson']) {
      const fc = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/app', f), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
      for (const x of fc.features) for (const v of Object.values(x.properties)) for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string' && s.length > 1) out.add(s);
    }
    return [...out].sort((a, b) => b.length - a.length);
  };
  /** Visible text, titles, labels and placeholders outside [lang=vi] and [lang=en] elements, data values removed. */
  const leftovers = async (page: Page, values: string[]): Promise<string[]> => {
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      const skip = (el: Element | null) => !!el?.closest('[lang="vi"]:not(html), [lang="en"]:not(html)');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || skip(el) || !(el as HTMLElement).offsetParent && getComputedStyle(el).position !== 'fixed') continue;
        if (n.textContent?.trim()) out.push(n.textContent.trim());
      }
      for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (skip(el)) continue;
        for (const a of ['title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) out.push(`${a}=${el.getAttribute(a)}`);
      }
      return out;
    });
    // (a legal document's number is a name, written as issued: "Decree 32/2024/NĐ-CP")
    return texts.map((t) => values.reduce((s, v) => s.split(v).join(' '), t.replace(/\d+\/\d{4}\/NĐ-CP/g, ' '))).filter((t) => VIETNAMESE.test(t));
  };

  it('has no Vietnamese text outside data values: panels, map controls, attribution; <html lang> is en', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    const values = dataValues();
    expect(await leftovers(page, values)).not.toEqual([]); // the check sees the Vietnamese UI
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('Communes 2025: vietnamese-provinces-database (MIT)');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in');
    const found: string[] = [];
    const panelOf: Record<string, string> = { filters: 'filters', stats: 'stats', list: 'cluster-list', proximity: 'proximity', proposals: 'proposals', reconcile: 'reconcile', changes: 'changes-panel' };
    for (const tab of Object.keys(panelOf)) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(panelOf[tab]!).waitFor(); // (some panels load with their tab)
      found.push(...(await leftovers(page, values)).map((x) => `${tab}: ${x}`));
    }
    await page.getByTestId('tab-list').click();
    await page.getByTestId('cluster-list').locator('tbody tr').first().click();
    await page.getByTestId('details').waitFor();
    found.push(...(await leftovers(page, values)).map((x) => `details: ${x}`));
    expect(found).toEqual([]);
    // And back: the controls speak Vietnamese again.
    await page.getByRole('button', { name: 'Language' }).click();
    await expect.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Phóng to');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('drawing', () => {
  it('skipping MapLibre\'s transparent sky changes no pixel, and a visible sky is still drawn', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    // Tilted far enough that the horizon, and the sky above it, are in view.
    await page.evaluate(() => {
      const map = (window as any).__mapView.map;
      map.setMaxPitch(85);
      map.jumpTo({ pitch: 80 });
    });
    await waitForMapIdle(page);
    // In the page (the frames are megabytes): the next frame's pixels, as the user sees them,
    // and how many draw calls made it.
    await page.evaluate(() => {
      const w = window as any;
      const view = w.__mapView;
      const gl = view.map.painter.context.gl;
      const drawElements = gl.drawElements.bind(gl);
      let draws = 0;
      gl.drawElements = (...a: unknown[]) => {
        draws++;
        return drawElements(...a);
      };
      w.__frames = {};
      w.__frame = async (name: string) => {
        draws = 0; // (the map is idle: the next frame is the captured one)
        const c: HTMLCanvasElement = await view.capture();
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let red = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i] === 255 && px[i + 1] === 0 && px[i + 2] === 0) red++;
        w.__frames[name] = px;
        return { draws, red, colours: new Set(Array.from({ length: 2000 }, (_, k) => px[Math.floor((k * px.length) / 8000) * 4])).size };
      };
    });
    const frame = (name: string) => page.evaluate((n) => (window as any).__frame(n), name);
    const skipped = await frame('skipped');
    expect(skipped.red).toBe(0);
    expect(skipped.colours).toBeGreaterThan(3); // land, clusters, …: not an empty frame
    // A red sky is let through: its pixels are on screen, drawn by one more draw call.
    await page.evaluate(() => (window as any).__mapView.map.setSky({ 'sky-color': '#ff0000', 'horizon-color': '#ff0000' }));
    await waitForMapIdle(page);
    const red = await frame('red');
    expect(red.red).toBeGreaterThan(1000);
    expect(red.draws).toBe(skipped.draws + 1);
    // Back to a transparent sky, now drawn by MapLibre itself (the extra draw call): the same pixels as with the skip.
    await page.evaluate(() => {
      const view = (window as any).__mapView;
      view.map.setSky({ 'sky-color': 'rgba(0, 0, 0, 0)', 'horizon-color': 'rgba(0, 0, 0, 0)' });
      view.restoreSky();
    });
    await waitForMapIdle(page);
    const drawn = await frame('drawn');
    expect(drawn.draws).toBe(skipped.draws + 1);
    const differing = await page.evaluate(() => {
      const { skipped: a, drawn: b } = (window as any).__frames;
      let n = a.length === b.length ? 0 : -1;
      for (let i = 0; n >= 0 && i < a.length; i++) if (a[i] !== b[i]) n++;
      return n;
    });
    expect(differing).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the bundled dataset', () => {
  it('draws every cluster of geodata/clusters.geojson with no console errors', async () => {
    const { page, consoleErrors, externalRequests } = await openApp(browser(), baseUrl, { fixture: false });
    const expected = await page.evaluate(async () => (await (await fetch('data/clusters.geojson')).json()).features.length as number);
    expect(expected).toBeGreaterThan(50);
    expect((await renderedClusterIds(page)).length).toBe(expected);
    await expect.poll(() => page.getByTestId('showing').textContent()).toBe(`Đang hiển thị ${expected} / ${expected} cụm`);
    await page.getByTestId('tab-reconcile').click();
    expect(await page.getByTestId('reconcile').locator('tr[data-row="planned"] td').nth(1).textContent()).toContain('/ 70');
    await screenshot(page, 'app-real-data');
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });
});

describe('failure', () => {
  it('the online basemap, unreachable, gives one notice and the bundled layers stay', async () => {
    const { page, consoleErrors, externalRequests } = await openApp(browser(), baseUrl);
    await page.getByTestId('layer-osm').check();
    await page.getByTestId('notices').waitFor();
    await page.waitForTimeout(500);
    expect(externalRequests.length).toBeGreaterThan(0);
    expect(externalRequests.every((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    expect(await page.getByTestId('notices').locator('.notice').count()).toBe(1);
    expect(await page.getByTestId('notices').textContent()).toContain('OpenStreetMap');
    expect(await renderedClusterIds(page)).toHaveLength(8);
    expect(consoleErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.context().close();
  });


  it('a broken data file shows a message naming the file, and the map still draws the rest', async () => {
    const { page } = await openApp(browser(), baseUrl, { override: { 'clusters.geojson': '{"type":"FeatureCollection","features":[' } });
    const alert = page.getByTestId('load-error');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('clusters.geojson');
    expect(text).toContain('not valid JSON');
    expect(await renderedClusterIds(page)).toEqual([]);
    const [land] = await pixelsAt(page, [[105.7, 20.2]]);
    expect(land!.slice(0, 3)).not.toEqual(BACKGROUND);
    // One message, from the loader: the map's own failure to read the file is not a second one.
    expect(await page.getByText('Lỗi bản đồ').count()).toBe(0);
    await screenshot(page, 'app-broken-file');
    await page.context().close();
  });

  it('a KCN file that parses but fails its checks is named, and its zones leave the map; land and boundaries stay', async () => {
    // The map's own context file (merged by the build) still holds these zones: the app takes them off.
    const zones = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/app/industrial_zones.geojson'), 'utf8'));
    zones.features[0].properties.status = 'bogus';
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { override: { 'industrial_zones.geojson': JSON.stringify(zones) } });
    await expect.poll(() => page.getByTestId('load-error').textContent()).toContain('industrial_zones.geojson');
    await waitForMapIdle(page);
    const drawn = (layer: string) => page.evaluate((l) => (window as any).__mapView.map.queryRenderedFeatures({ layers: [l] }).length, layer);
    await expect.poll(() => drawn('zone-fill')).toBe(0);
    expect(await drawn('ex-province-fill')).toBeGreaterThan(0);
    expect(await drawn('province-line')).toBeGreaterThan(0);
    expect(await renderedClusterIds(page)).toHaveLength(8);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('the panels come once the clusters are drawn; a layer switched off at once stays off once the map is ready', async () => {
    // A slow line: the cluster tiles take 1.5 s. The panels (they could only say "loading") wait
    // for the clusters, so laying them out does not hold up the map's start.
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { delay: { tiles: 1500 }, waitReady: false });
    await page.locator('header.top h1').waitFor();
    await page.waitForTimeout(600);
    expect(await page.locator('aside.side[aria-busy="true"]').count()).toBe(1);
    expect(await page.getByTestId('filters').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['cluster-fill'] }).length)).toBe(0); // eslint-disable-line @typescript-eslint/no-explicit-any
    const kcn = page.getByTestId('layer-zones');
    await kcn.waitFor();
    await kcn.uncheck();
    await waitForApp(page);
    const zonesDrawn = () => page.evaluate(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['zone-fill'] }).length as number); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await renderedClusterIds(page)).toEqual(ALL);
    expect(await page.locator('aside.side[aria-busy]').count()).toBe(0);
    expect(await zonesDrawn()).toBe(0);
    await kcn.check();
    await waitForMapIdle(page);
    expect(await zonesDrawn()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('when the cluster tiles cannot be loaded, the map draws every cluster from the app\'s own copy, filters it, and shows no error', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fail: ['tiles'] });
    await page.waitForFunction(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['cluster-dot', 'cluster-point'] }).length > 0); // eslint-disable-line @typescript-eslint/no-explicit-any
    await waitForMapIdle(page);
    const dots = await page.evaluate(() => new Set((window as any).__mapView.map.queryRenderedFeatures({ layers: ['cluster-dot', 'cluster-point'] }).map((f: any) => f.properties.id)).size); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(dots).toBe(8);
    expect(await renderedClusterIds(page)).toEqual(ALL);
    // The filter still reaches the map (feature state moved to the new sources).
    await toggleProvince(page, 'Nam Định');
    expect(await renderedClusterIds(page)).toEqual(ALL.filter((id) => !id.startsWith('nd-')));
    expect(await page.getByText('Lỗi bản đồ').count()).toBe(0);
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(consoleErrors.filter((e) => !e.includes('ERR_CONNECTION_RESET'))).toEqual([]);
    await screenshot(page, 'app-tiles-failed');
    await page.context().close();
  });
});
