import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { openApp, renderedClusterIds, screenshot, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ALL = ['hn-mau-dong-van', 'hn-mau-kim-bang', 'hn-mau-thanh-liem', 'nb-mau-gian-khau', 'nb-mau-khanh-nhac', 'nd-mau-hai-hau', 'nd-mau-xuan-tien', 'nd-mau-y-yen'];
const IMAGERY_TILES = 'https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless_3857/';
const CREDIT = 'Sentinel-2 cloudless - https://s2maps.eu by EOX IT Services GmbH (Contains modified Copernicus Sentinel data 2016 & 2017)';
const FAILED = 'Không tải được ảnh vệ tinh — bản đồ vẫn dùng được với dữ liệu kèm theo';

/** What the style shows of the basemaps: each raster layer's visibility and the land fill's opacity. */
function basemapState(page: Page) {
  return page.evaluate(() => {
    const map = (window as any).__mapView.map;
    return {
      imagery: map.getLayoutProperty('imagery-raster', 'visibility'),
      osm: map.getLayoutProperty('osm-raster', 'visibility'),
      land: map.getPaintProperty('ex-province-fill', 'fill-opacity'),
    };
  });
}
const attribution = (page: Page) => page.locator('.maplibregl-ctrl-attrib-inner').textContent();
const notices = (page: Page) => page.getByTestId('notices').locator('.notice').count();

describe('the satellite basemap', () => {
  it('offline: switched on, it says once that the imagery could not load, and the map keeps drawing every cluster', async () => {
    // openApp aborts every request that leaves the local server: the imagery host is unreachable.
    const { page, consoleErrors, externalRequests } = await openApp(browser(), baseUrl);
    expect(await basemapState(page)).toEqual({ imagery: 'none', osm: 'none', land: 1 });
    expect(await attribution(page)).not.toContain('Sentinel-2');

    await page.getByTestId('basemap-imagery').check();
    await page.getByTestId('notices').waitFor();
    await waitForMapIdle(page);
    await page.waitForTimeout(500);
    expect(await notices(page)).toBe(1);
    expect(await page.getByTestId('notices').textContent()).toContain(FAILED);
    expect(externalRequests.length).toBeGreaterThan(0);
    expect(externalRequests.filter((u) => !u.startsWith(IMAGERY_TILES))).toEqual([]);
    expect(await basemapState(page)).toEqual({ imagery: 'visible', osm: 'none', land: 0.35 });
    await expect.poll(() => attribution(page)).toContain(CREDIT);
    expect(await renderedClusterIds(page)).toEqual(ALL);
    await screenshot(page, 'basemap-imagery-offline');

    // Off and on again, and a pan that asks for new tiles: they fail too, and no second notice comes.
    await page.getByTestId('basemap-bundled').check();
    await waitForMapIdle(page);
    expect(await basemapState(page)).toEqual({ imagery: 'none', osm: 'none', land: 1 });
    await expect.poll(() => attribution(page)).not.toContain('Sentinel-2');
    const asked = externalRequests.length;
    await page.getByTestId('basemap-imagery').check();
    await page.evaluate(() => (window as any).__mapView.map.panBy([300, 150], { animate: false }));
    await waitForMapIdle(page);
    await page.waitForTimeout(500);
    expect(externalRequests.length).toBeGreaterThan(asked);
    expect(await notices(page)).toBe(1);

    // Dismissed, it stays away: the imagery's failure is told once.
    await page.getByTestId('notices').getByRole('button').click();
    await page.evaluate(() => (window as any).__mapView.map.panBy([-300, -150], { animate: false }));
    await waitForMapIdle(page);
    await page.waitForTimeout(500);
    expect(await notices(page)).toBe(0);
    expect(await renderedClusterIds(page)).toEqual(ALL);
    expect(consoleErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.context().close();
  });

  it('the radio group offers none, OpenStreetMap and imagery; OpenStreetMap and imagery exclude each other', async () => {
    const { page } = await openApp(browser(), baseUrl);
    const group = page.getByTestId('basemap');
    expect(await group.textContent()).toContain('Bản đồ nền');
    expect(await page.getByTestId('basemap-bundled').isChecked()).toBe(true);
    await page.getByTestId('layer-osm').check();
    await waitForMapIdle(page);
    expect(await basemapState(page)).toEqual({ imagery: 'none', osm: 'visible', land: 0.35 });
    await page.getByTestId('basemap-imagery').check();
    await waitForMapIdle(page);
    expect(await basemapState(page)).toEqual({ imagery: 'visible', osm: 'none', land: 0.35 });
    expect(await page.getByTestId('layer-osm').isChecked()).toBe(false);
    expect(await group.textContent()).toContain('điểm ảnh 10 m');
    await page.context().close();
  });
});

describe('footprint outlines', () => {
  it('surveyed, traced and schematic clusters each come from their own outline layer; the legend shows the three and every status', async () => {
    const { page } = await openApp(browser(), baseUrl, { viewport: { width: 1500, height: 900 } });
    const drawnAt = async (zoom: number) => {
      await page.evaluate((z) => (window as any).__mapView.map.jumpTo({ center: [105.95, 20.35], zoom: z }), zoom);
      await waitForMapIdle(page);
      return page.evaluate(() => {
        const map = (window as any).__mapView.map;
        const ids = (layer: string) => [...new Set<string>(map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => f.properties.id))].sort();
        return { dots: ids('cluster-dot'), surveyed: ids('cluster-line-surveyed'), traced: ids('cluster-line-traced'), schematic: ids('cluster-line-schematic') };
      });
    };
    // Below zoom 10 a footprint is a few pixels: no outline, the dots (stroked in the wastewater colour) stand for them.
    const far = await drawnAt(9.5);
    expect(far.dots).toEqual(expect.arrayContaining(['hn-mau-dong-van', 'nb-mau-khanh-nhac', 'hn-mau-kim-bang', 'nb-mau-gian-khau']));
    expect([...far.surveyed, ...far.traced, ...far.schematic]).toEqual([]);
    // From zoom 10 each kind has its own outline (the 1500 px wide view still holds these four).
    const drawnBy = await drawnAt(10);
    expect(drawnBy.surveyed).toEqual(['hn-mau-dong-van']);
    expect(drawnBy.traced).toEqual(['nb-mau-khanh-nhac']);
    expect(drawnBy.schematic).toEqual(expect.arrayContaining(['hn-mau-kim-bang', 'nb-mau-gian-khau']));
    expect(drawnBy.schematic).not.toContain('nb-mau-khanh-nhac');
    expect(drawnBy.schematic).not.toContain('hn-mau-dong-van');

    const legend = page.getByTestId('legend');
    const text = await legend.textContent();
    for (const s of ['Ranh giới đo đạc (từ tọa độ)', 'Ranh giới vẽ tay (trên ảnh hoặc theo mô tả)', 'không phải ranh giới đo đạc', 'Đã đưa ra khỏi quy hoạch']) expect(text).toContain(s);
    // One swatch per outline kind, patterned as the map draws it: solid, two lines, dashed.
    const swatches = await legend.locator('svg[data-outline]').evaluateAll((svgs) =>
      svgs.map((s) => ({ kind: s.getAttribute('data-outline'), strokes: s.querySelectorAll('rect[stroke]').length, dash: s.querySelector('rect[stroke]')?.getAttribute('stroke-dasharray') ?? null })),
    );
    expect(swatches).toEqual([
      { kind: 'surveyed', strokes: 1, dash: null },
      { kind: 'traced', strokes: 2, dash: null },
      { kind: 'schematic', strokes: 1, dash: '5 3.75' },
    ]);
    await page.evaluate(() => (window as any).__mapView.map.jumpTo({ center: [105.80, 20.10], zoom: 14 }));
    await waitForMapIdle(page);
    await screenshot(page, 'basemap-outline-traced-z14');
    await page.context().close();
  });
});
