import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { openApp, screenshot } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/app/clusters.geojson'), 'utf8')) as { features: { properties: { id: string; name: string; ex_province: string } }[] };

/**
 * The text of every page of a PDF, as pdf.js reads it, without white space: pdf.js cuts
 * Vietnamese words into runs ("Màu n ề n"), so texts are compared with their spaces removed.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const c = await page.getTextContent();
    out += c.items.map((x) => ('str' in x ? x.str : '')).join(' ') + '\n';
  }
  return squash(out);
}
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('the report', () => {
  it('of the selection: printed to PDF it holds the question, legend headings, the names drawn and a table of the selected rows; the PNG is 2×', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { viewport: { width: 1366, height: 768 } });
    const haNam = fixture.features.filter((f) => f.properties.ex_province === 'Hà Nam').map((f) => f.properties);
    // Select the Hà Nam clusters: filter, then "select all filtered".
    await page.getByTestId('facet-province').getByRole('button', { name: 'Chỉ giữ Hà Nam' }).click();
    await page.getByRole('button', { name: 'Chọn tất cả theo bộ lọc' }).click();
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe(`Đã chọn ${haNam.length} cụm`);
    const before = await page.evaluate(() => (window as any).__mapView.map.getCenter().toArray());
    await page.getByTestId('export-report').click();
    const report = page.getByTestId('report-page');
    await expect.poll(() => report.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    const rows = await report.getByTestId('report-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    expect(rows.sort()).toEqual(haNam.map((p) => p.id).sort());
    expect(await report.getByTestId('report-labelled').textContent()).toMatch(new RegExp(`^Ghi tên [1-9]\\d*/${haNam.length} cụm`));
    // The planner's map is back where it was.
    expect(await page.evaluate(() => (window as any).__mapView.map.getCenter().toArray())).toEqual(before);
    await screenshot(page, 'report-set');

    // "Print / save PDF" is the browser's print: the same page, as Chromium prints it.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = await pdfText(new Uint8Array(pdf));
    for (const heading of ['Màu nền: tình trạng', 'Viền: xử lý nước thải', 'Hình dạng', 'Chú giải']) expect(text).toContain(squash(heading));
    for (const p of haNam) expect(text).toContain(squash(p.name));
    expect(text).toContain(squash(`${haNam.length} cụm công nghiệp được chọn`));
    expect(text).toContain(squash('Tỉnh cũ: Hà Nam'));
    expect(text).toMatch(/Ghitên\d+\/\d+cụm/);
    expect(text).not.toContain(squash('Chép liên kết')); // the app around the report is not printed

    // The PNG: twice the page's CSS pixels, and the map in it is drawn (not blank).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-png').click()]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const cssWidth = await report.evaluate((el) => el.getBoundingClientRect().width);
    const decoded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      // Colours in the map area (left part, below the header): more than one means something is drawn.
      const d = ctx.getImageData(Math.round(bmp.width * 0.05), Math.round(bmp.height * 0.25), Math.round(bmp.width * 0.5), Math.round(bmp.height * 0.4)).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return { width: bmp.width, height: bmp.height, colours: colours.size };
    }, png.toString('base64'));
    expect(Math.abs(decoded.width - cssWidth * 2)).toBeLessThanOrEqual(2);
    expect(decoded.colours).toBeGreaterThan(20);
    await page.getByTestId('report-close').click();
    expect(await page.getByTestId('report').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a one-page profile of a cluster: its facts, sources, the map inset and what lies near it', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false, viewport: { width: 1366, height: 768 } });
    await page.getByTestId('search').fill('chau giang');
    await page.getByTestId('search-results').locator('li[data-kind="cluster"]', { hasText: 'CCN Châu Giang' }).first().getByRole('button').click();
    await page.getByTestId('details-profile').click();
    const report = page.getByTestId('report-page');
    await expect.poll(() => report.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    expect(await report.locator('h1').textContent()).toBe('CCN Châu Giang');
    const near = report.getByTestId('report-near');
    expect(await near.locator('section').nth(0).locator('tbody tr').count()).toBe(3); // the 3 nearest KCN
    expect(await near.locator('section').nth(2).locator('tbody tr').count()).toBe(5); // the 5 nearest clusters
    await expect.poll(() => report.getByTestId('report-labelled').textContent()).toBe('Ghi tên 1/1 cụm (tên chồng nhau bị bỏ bớt).');
    await screenshot(page, 'report-profile');
    await page.emulateMedia({ media: 'print' });
    const text = await pdfText(new Uint8Array(await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })));
    for (const s of ['CCN Châu Giang', 'KCN gần nhất', 'Cụm gần nhất', 'Nguồn', '39,69 ha', 'khuyencongonline.gov.vn']) expect(text).toContain(squash(s));
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
