import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { clickAt, jumpTo, openApp, screenshot, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const villages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/craft_villages.geojson'), 'utf8')).features as { properties: { id: string; name: string }; geometry: { coordinates: [number, number] } }[];
const village = (id: string) => villages.find((v) => v.properties.id === id)!;

describe('search every layer', () => {
  it('"dong van" lists the KCN phases with what each is, reaches every hit, and opens a KCN\'s details', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    await page.getByTestId('search').fill('dong van');
    const results = page.getByTestId('search-results');
    await results.waitFor();
    const kcn = results.locator('li[data-kind="zone"]');
    expect(await kcn.count()).toBeGreaterThanOrEqual(4);
    expect(await kcn.first().textContent()).toContain('Khu công nghiệp');
    const texts = await kcn.allTextContents();
    for (const phase of ['KCN Đồng Văn I', 'KCN Đồng Văn II', 'KCN Đồng Văn IV']) expect(texts.some((x) => x.includes(phase))).toBe(true);
    // More than the first eight are reachable.
    const total = Number((await page.getByTestId('search-count').textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(8);
    await page.getByTestId('search-more').click();
    expect(await results.locator('li[role="option"]').count()).toBe(total);
    await kcn.filter({ hasText: /KCN Đồng Văn II$/ }).first().getByRole('button').click();
    const panel = page.getByTestId('place-details');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('KCN Đồng Văn II');
    expect(await panel.textContent()).toContain('Khu công nghiệp');
    expect(await panel.getAttribute('data-kind')).toBe('zone');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('ignores accents, tone placement, case, spaces and punctuation; old communes fly to the 2025 unit that took them in', async () => {
    const { page } = await openApp(browser(), baseUrl, { fixture: false });
    const search = page.getByTestId('search');
    await search.fill('an my don xa');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('CCN An Mỹ - Đồn Xá');
    await search.fill('AN MỸ-ĐỒN XÁ');
    await expect.poll(() => page.getByTestId('search-results').locator('li[data-kind="cluster"]').first().textContent()).toContain('CCN An Mỹ - Đồn Xá');
    // An old commune documents still name: the hit says what it is, the map goes where it lies now.
    await search.fill('quang trung');
    const old = page.getByTestId('search-results').locator('li[data-kind="oldCommune"]');
    await expect.poll(() => old.count()).toBeGreaterThan(0);
    expect(await old.first().textContent()).toContain('Xã cũ (2009)');
    await old.filter({ hasText: 'Xã Quang Trung' }).first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('Xã Quang Trung (Huyện Vụ Bản) nay thuộc Xã Hiển Khánh');
    await page.context().close();
  });
});

describe('inspect every layer', () => {
  it('a click on a craft village opens the village; where a village and a cluster overlap, a chooser lists both', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    // A village alone at its place.
    const lone = village('hn-lang-phu-van') ?? villages[0]!;
    await jumpTo(page, lone.geometry.coordinates, 14);
    await clickAt(page, lone.geometry.coordinates);
    const panel = page.getByTestId('place-details');
    await panel.waitFor();
    expect(await panel.getAttribute('data-kind')).toBe('village');
    expect(await panel.locator('h2').textContent()).toBe(lone.properties.name);
    expect(await page.getByTestId('selection-count').count()).toBe(0);
    // Nha Xá: the village lies inside CCN làng nghề Nha Xá.
    const nhaXa = village('hn-lang-nha-xa');
    await jumpTo(page, nhaXa.geometry.coordinates, 14);
    await clickAt(page, nhaXa.geometry.coordinates);
    const chooser = page.getByTestId('place-chooser');
    await chooser.waitFor();
    const items = await chooser.locator('li').allTextContents();
    expect(items.some((x) => x.includes('Làng nghề') && x.includes('Nha Xá'))).toBe(true);
    expect(items.some((x) => x.includes('Cụm công nghiệp') && x.includes('Nha Xá'))).toBe(true);
    await screenshot(page, 'place-chooser');
    await chooser.locator('li', { hasText: 'Cụm công nghiệp' }).getByRole('button').click();
    await page.getByTestId('details').waitFor();
    expect(await chooser.count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('Tab reaches a list row and Enter opens it', async () => {
    const { page } = await openApp(browser(), baseUrl, { fixture: false });
    await page.getByTestId('tab-list').click();
    const first = page.locator('[data-testid="cluster-list"] tbody tr').first();
    const id = await first.getAttribute('data-id');
    await page.getByTestId('tab-list').focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('row-link'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'))).toBe(id);
    await page.keyboard.press('Enter');
    await page.getByTestId('details').waitFor();
    await waitForMapIdle(page);
    await page.context().close();
  });
});

describe('notes in both languages', () => {
  it('the Vietnamese UI shows a cluster\'s notes and conflicts in Vietnamese, the English behind a click; the English UI shows the English', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { fixture: false });
    await page.getByTestId('search').fill('chau giang');
    const hit = page.getByTestId('search-results').locator('li[data-kind="cluster"]', { hasText: 'CCN Châu Giang' });
    await hit.first().getByRole('button').click();
    const details = page.getByTestId('details');
    await details.waitFor();
    const vi = details.getByTestId('note-vi').last();
    expect(await vi.textContent()).toContain('thành lập');
    expect(await vi.textContent()).toContain('39,69 ha');
    const original = details.locator('details.note-original').last();
    expect(await original.locator('span[lang="en"]').isVisible()).toBe(false);
    await original.locator('summary').click();
    expect(await original.locator('span[lang="en"]').textContent()).toContain('39.69 ha');
    await screenshot(page, 'notes-vi');
    await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
    await expect.poll(() => details.textContent()).toContain('Established by QĐ 512/QĐ-UBND');
    expect(await details.getByTestId('note-vi').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

