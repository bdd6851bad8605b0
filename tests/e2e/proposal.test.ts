import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, inject, it } from 'vitest';
import { communesOf, type CommuneFeature } from '../../src/geo/proposal/check_proposal';
import type { ZoneFeature } from '../../src/geo/types';
import { useBrowser } from './browser';
import { drawPolygon, jumpTo, openApp, screenshot, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const read = (f: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata', f), 'utf8'));
const zones = read('industrial_zones.geojson').features as ZoneFeature[];
const communes = (read('boundaries/communes_2025.geojson').features as CommuneFeature[]).filter((f) => f.geometry.type !== ('Point' as string));

/** An 80 ha square (by its corners, lon/lat) straddling two 2025 communes and overlapping a KCN's edge. */
function site(): { ring: [number, number][]; zone: ZoneFeature; names: string[] } {
  const side = Math.sqrt(80 * 10_000);
  for (const zone of zones) {
    if (zone.geometry.type !== 'Polygon') continue;
    const ring = zone.geometry.coordinates[0]!;
    const east = Math.max(...ring.map((p) => p[0]!));
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    const dLat = side / 111_320 / 2;
    const dLon = side / (111_320 * Math.cos((lat * Math.PI) / 180)) / 2;
    for (const shift of [0.2, 0.5, 0.8]) {
      const x = east + dLon * (2 * shift - 1) + dLon; // the square's west side a little inside the KCN
      const corners: [number, number][] = [[x - dLon, lat - dLat], [x + dLon, lat - dLat], [x + dLon, lat + dLat], [x - dLon, lat + dLat]];
      const g: Polygon = { type: 'Polygon', coordinates: [[...corners, corners[0]!]] };
      const where = communesOf(g, communes).filter((c) => c.share > 0.05);
      if (where.length >= 2 && x - dLon < east) return { ring: corners, zone, names: where.map((c) => c.name) };
    }
  }
  throw new Error('no site found');
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) out += (await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ');
  return out.normalize('NFC').replace(/\s+/g, '');
}
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('a proposed cluster checked against Decree 32', () => {
  it('an 80 ha proposal across two communes next to a KCN: too large, both communes named, the KCN overlap, the occupancy basis; saved, reloaded, printed', async () => {
    const { ring, zone, names } = site();
    expect(area({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }) / 10_000).toBeCloseTo(80, 0);
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false, viewport: { width: 1366, height: 768 } });
    const mid: [number, number] = [(ring[0]![0] + ring[1]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
    await jumpTo(page, mid, 13.2);
    await waitForMapIdle(page);
    await drawPolygon(page, ring);
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('proposal-from-area').click();
    const check = page.getByTestId('proposal-check');
    await check.waitFor();
    const row = (id: string) => check.locator(`tr[data-id="${id}"]`);
    expect(await row('size').getAttribute('data-verdict')).toBe('fail');
    expect(await row('size').textContent()).toMatch(/Không đạt.*(79|80|81),\d+ ha; quy định 10–75 ha/);
    const where = (await row('location').textContent())!;
    for (const n of names) expect(where).toContain(n);
    expect(where).toContain(`Tỉnh cũ: ${zone.properties.ex_province}`);
    expect(await row('overlapZones').getAttribute('data-verdict')).toBe('warn');
    expect(await row('overlapZones').textContent()).toContain(zone.properties.name);
    const occupancy = (await row('areaOccupancy').textContent())!;
    expect(occupancy).toMatch(/Chưa có cụm nào đã thành lập|cụm đã thành lập trên địa bàn xét|Thiếu diện tích hoặc tỷ lệ lấp đầy/);
    expect(occupancy).toContain('Điều 8 khoản 1 điểm c');
    await screenshot(page, 'proposal-check');
    // Save, reload: the proposal is still there, drawn on the map, with the same check.
    await page.getByTestId('proposal-name').fill('CCN Đề xuất thử');
    await page.getByTestId('proposal-save').click();
    await page.reload();
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('proposal-list').getByRole('button', { name: 'CCN Đề xuất thử' }).click();
    await expect.poll(() => page.getByTestId('proposal-check').locator('tr[data-id="size"]').getAttribute('data-verdict'), { timeout: 15_000 }).toBe('fail');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => (window as any).__mapView.map.queryRenderedFeatures({ layers: ['proposal-line'] }).length)).toBeGreaterThan(0);
    // Print: the PDF holds the check table.
    await page.getByTestId('proposal-print').click();
    const report = page.getByTestId('report-page');
    await expect.poll(() => report.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await page.emulateMedia({ media: 'print' });
    const text = await pdfText(new Uint8Array(await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })));
    for (const s of ['CCN Đề xuất thử', 'Quy mô diện tích', 'Không đạt', 'Điều 2 khoản 1', 'Chồng lấn khu công nghiệp', zone.properties.name, ...names]) expect(text).toContain(squash(s));
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a shape of a survey file (Shapefile in VN-2000) is assessed as a proposal: its area, its commune, its neighbours', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { viewport: { width: 1366, height: 768 } });
    const b64 = readFileSync(resolve(import.meta.dirname, '../fixtures/survey/formats/ranh_gioi_shp.zip')).toString('base64');
    await page.evaluate(([b64]) => {
      const bytes = Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'ranh_gioi_shp.zip', { type: 'application/zip' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [b64]);
    await page.getByTestId('survey-confirm-crs').click();
    const row = page.getByTestId('survey-row').first();
    await row.waitFor();
    const areaText = (await row.getByTestId('survey-area').textContent())!;
    const ha = areaText.match(/([\d.]+,\d+|\d+) ha/)![1]!;
    await row.getByTestId('survey-proposal').click();
    await page.getByTestId('proposals').waitFor();
    expect(await page.getByTestId('survey-panel').count()).toBe(0);
    await page.getByTestId('proposal-from-area').click();
    const size = page.getByTestId('proposal-check').locator('tr[data-id="size"]');
    await size.waitFor();
    // The proposal's area is the shape's, as the import measured it.
    expect(await size.textContent()).toContain(`${ha} ha`);
    expect(await page.getByTestId('proposal-name').inputValue()).toContain('ranh_gioi_shp.zip');
    expect(await page.getByTestId('proposal-check').locator('tr[data-id="nearCluster"]').getAttribute('data-verdict')).toBe('info');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('with no area drawn, the planner is told to draw one, and nothing else changes (bow-ties and shapes outside the province: unit tests)', async () => {
    const { page } = await openApp(browser(), baseUrl, { fixture: false, viewport: { width: 1366, height: 768 } });
    await jumpTo(page, [105.95, 20.45], 13);
    await waitForMapIdle(page);
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('proposal-from-area').click();
    expect(await page.getByTestId('proposal-problem').textContent()).toContain('Chưa có vùng nào');
    expect(await page.getByTestId('proposal').count()).toBe(0);
    await page.context().close();
  });
});
