import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { clickAt, clickRing, jumpTo, openApp, openTab, pixelsAt, screenshot, waitForApp, waitForMapIdle } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** CCN Mẫu Hải Hậu: a 20.5 ha schematic square at (106.25, 20.05) in the fixture, alone in its area. */
const HAI_HAU = 'nd-mau-hai-hau';
const CENTRE: [number, number] = [106.25, 20.05];
/** A traced footprint around it: about 24 ha, so 16 % over the planned area. */
const RING: [number, number][] = [[106.2476, 20.0479], [106.2524, 20.0479], [106.2524, 20.0522], [106.2476, 20.0522]];

/** Opens the cluster's details by clicking it on the map, then its editor. */
async function openEditor(page: Page): Promise<void> {
  await jumpTo(page, CENTRE, 15);
  await clickAt(page, CENTRE);
  await page.getByTestId('details').waitFor();
  await page.getByTestId('details-edit').click();
  await page.getByTestId('edit-panel').waitFor();
  await waitForMapIdle(page);
}

/** Traces RING with the footprint editor (the map is framed again first: the panel may have resized it). */
async function trace(page: Page): Promise<void> {
  await jumpTo(page, CENTRE, 15);
  await page.getByTestId('edit-draw').click();
  // The drawing tool loads on first use.
  await page.waitForFunction(() => (window as any).__mapView.map.getStyle().layers.some((l: any) => l.id.startsWith('td-')));
  await clickRing(page, RING);
  await expect.poll(() => page.getByTestId('edit-area').textContent()).toMatch(/Diện tích hình: 2[34],\d+ ha/);
}

async function saveWith(page: Page, source: string, asOf: string): Promise<void> {
  await page.getByTestId('edit-source').fill(source);
  await page.getByTestId('edit-asof').fill(asOf);
  await page.getByTestId('edit-save').click();
  await page.getByTestId('edit-panel').waitFor({ state: 'detached' });
}

/** The cluster's properties and geometry as the map has them (rendered features). */
async function rendered(page: Page, id: string): Promise<{ quality: string; layers: string[] } | null> {
  await waitForMapIdle(page);
  return page.evaluate((id) => {
    const map = (window as any).__mapView.map;
    const hits = map.queryRenderedFeatures({ layers: ['cluster-fill', 'cluster-line-traced', 'cluster-line-schematic', 'cluster-line-surveyed'] }).filter((f: any) => f.properties.id === id);
    if (!hits.length) return null;
    return { quality: hits[0].properties.geometry_quality, layers: [...new Set<string>(hits.map((f: any) => f.layer.id))].sort() };
  }, id);
}

async function changesCount(page: Page): Promise<string> {
  await page.getByTestId('tab-changes').click();
  return (await page.getByTestId('changes-count').textContent()) ?? '';
}

describe('editing clusters', () => {
  it('traces a footprint, flags it against the plan, undoes and redoes, and refuses to save without a source', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await openEditor(page);
    await trace(page);
    expect(await page.getByTestId('edit-offplan').textContent()).toMatch(/^Lệch \+1[5-8],\d %/);
    expect(await page.getByTestId('edit-size').textContent()).toContain('Trong quy mô 10–75 ha');
    await screenshot(page, 'edit-traced');
    // Undo takes the finished shape away, redo brings it back.
    await page.getByTestId('edit-undo').click();
    await expect.poll(() => page.getByTestId('edit-area').textContent()).toContain('Chưa có ranh giới');
    await page.getByTestId('edit-redo').click();
    await expect.poll(() => page.getByTestId('edit-area').textContent()).toMatch(/Diện tích hình: 2[34],\d+ ha/);
    // The same with the keys, from the map.
    await page.getByTestId('map').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('edit-area').textContent()).toContain('Chưa có ranh giới');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('edit-area').textContent()).toMatch(/Diện tích hình: 2[34],\d+ ha/);
    // No source, no date: nothing is saved.
    await page.getByTestId('edit-save').click();
    expect(await page.getByTestId('edit-panel').textContent()).toContain('Cần ghi nguồn cho thay đổi này.');
    expect(await page.getByTestId('edit-panel').textContent()).toContain('Cần ngày của nguồn');
    await page.getByTestId('edit-cancel').click();
    expect(await changesCount(page)).toContain('0 thay đổi');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a saved footprint and facts survive a reload, drawn as traced, and revert from the Changes panel', async () => {
    const app = await openApp(browser(), baseUrl);
    const { page } = app;
    await openEditor(page);
    await trace(page);
    await page.getByTestId('edit-status').selectOption('withdrawn');
    await saveWith(page, 'QĐ 512/QĐ-UBND ngày 16/3/2020', '2020-03-16');
    await expect.poll(() => rendered(page, HAI_HAU)).toEqual({ quality: 'traced', layers: ['cluster-fill', 'cluster-line-traced'] });
    await page.reload();
    await waitForApp(page);
    await jumpTo(page, CENTRE, 15);
    expect(await rendered(page, HAI_HAU)).toEqual({ quality: 'traced', layers: ['cluster-fill', 'cluster-line-traced'] });
    // The traced shape is where it was drawn: its corner area (outside the old square) is filled now.
    const [inside] = await pixelsAt(page, [[106.2479, 20.0482]]);
    expect(inside![0]).toBeLessThan(230);
    await clickAt(page, CENTRE);
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.getByTestId('details-quality').textContent()).toBe('Ranh giới vẽ tay (trên ảnh vệ tinh hoặc theo mô tả ranh giới)');
    expect(await details.getByTestId('details-geom-area').textContent()).toMatch(/^2[34],\d+ ha$/);
    expect(await details.textContent()).toContain('QĐ 512/QĐ-UBND ngày 16/3/2020');
    expect(await details.textContent()).toContain('Đã đưa ra khỏi quy hoạch');
    expect(await changesCount(page)).toContain('2 thay đổi');
    await screenshot(page, 'edit-changes-panel');
    // Revert the footprint only: the square comes back, the status stays.
    await page.locator('[data-testid="change-row"][data-field="geometry"]').getByTestId('change-revert').click();
    await expect.poll(() => rendered(page, HAI_HAU)).toMatchObject({ quality: 'schematic-commune' });
    expect(await changesCount(page)).toContain('1 thay đổi');
    expect(await page.getByTestId('details').textContent()).toContain('Đã đưa ra khỏi quy hoạch');
    await page.reload();
    await waitForApp(page);
    expect(await changesCount(page)).toContain('1 thay đổi');
    await page.context().close();
  });

  it('exports the changes and imports them into a fresh browser profile: the same data', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await openEditor(page);
    await trace(page);
    await page.getByTestId('edit-occupancy_pct').fill('42,5');
    await saveWith(page, 'https://example.invalid/survey', '2026-11-20');
    await page.getByTestId('tab-changes').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('changes-export').click()]);
    const path = (await download.path())!;
    expect(download.suggestedFilename()).toMatch(/^thay-doi-cum-cong-nghiep_\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(new Uint8Array(readFileSync(path)));
    const changed = JSON.parse(strFromU8(zip['clusters_changed.geojson']!));
    expect(changed.features.map((f: any) => f.properties.id)).toEqual([HAI_HAU]);
    expect(changed.features[0].properties).toMatchObject({ occupancy_pct: 42.5, geometry_quality: 'traced', geometry_source: 'https://example.invalid/survey' });
    const footprints = JSON.parse(strFromU8(zip['footprints.geojson']!));
    expect(footprints.features[0].properties).toEqual({ id: HAI_HAU, geometry_quality: 'traced', geometry_source: 'https://example.invalid/survey', geometry_as_of: '2026-11-20' });
    expect(strFromU8(zip['clusters_changed.csv']!)).toContain(HAI_HAU);
    const mine = changed.features[0].geometry;

    const fresh = await openApp(browser(), baseUrl);
    expect(await changesCount(fresh.page)).toContain('0 thay đổi');
    await fresh.page.getByTestId('changes-file').setInputFiles(path);
    await expect.poll(() => fresh.page.getByTestId('changes-count').textContent()).toContain('2 thay đổi');
    const theirs = await fresh.page.evaluate((id) => {
      const map = (window as any).__mapView.map;
      return map.getSource('clusters')._data?.features?.find?.((f: any) => f.properties.id === id) ?? null;
    }, HAI_HAU);
    if (theirs) expect(theirs.geometry).toEqual(mine);
    await jumpTo(fresh.page, CENTRE, 15);
    expect(await rendered(fresh.page, HAI_HAU)).toMatchObject({ quality: 'traced' });
    // The same file again: nothing new, nothing doubled.
    await fresh.page.getByTestId('changes-file').setInputFiles(path);
    await expect.poll(() => fresh.page.getByTestId('notices').textContent()).toContain('không có thay đổi nào mới');
    expect(await fresh.page.getByTestId('changes-count').textContent()).toContain('2 thay đổi');
    await page.context().close();
    await fresh.page.context().close();
  });

  it('importing a colleague\'s file where both changed a field shows both values; nothing is overwritten without a choice', async () => {
    const colleague = await openApp(browser(), baseUrl);
    await openEditor(colleague.page);
    await colleague.page.getByTestId('edit-status').selectOption('withdrawn');
    await colleague.page.getByTestId('edit-investor').fill('Công ty CP Hạ tầng A');
    await saveWith(colleague.page, 'QĐ 20/QĐ-UBND', '2025-05-05');
    await colleague.page.getByTestId('tab-changes').click();
    const [download] = await Promise.all([colleague.page.waitForEvent('download'), colleague.page.getByTestId('changes-export').click()]);
    const file = (await download.path())!;

    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await openEditor(page);
    await page.getByTestId('edit-status').selectOption('established');
    await saveWith(page, 'QĐ 21/QĐ-UBND', '2025-06-06');
    await page.getByTestId('tab-changes').click();
    await page.getByTestId('changes-file').setInputFiles(file);
    const dialog = page.getByTestId('conflicts');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('1 chỗ khác nhau');
    expect(await dialog.textContent()).toContain('Của tôi: Đã thành lập');
    expect(await dialog.textContent()).toContain('Từ tệp: Đã đưa ra khỏi quy hoạch');
    // The investor did not conflict, but nothing is applied before the planner chooses.
    expect(await page.getByTestId('changes-count').textContent()).toContain('1 thay đổi');
    await screenshot(page, 'edit-conflict');
    await dialog.getByLabel('Từ tệp: Đã đưa ra khỏi quy hoạch').check();
    await page.getByTestId('conflicts-apply').click();
    await expect.poll(() => page.getByTestId('changes-count').textContent()).toContain('3 thay đổi');
    await clickAt(page, CENTRE);
    const details = page.getByTestId('details');
    await expect.poll(() => details.textContent()).toContain('Đã đưa ra khỏi quy hoạch');
    expect(await details.textContent()).toContain('Công ty CP Hạ tầng A');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
    await colleague.page.context().close();
  });

  it('a bad changes file is refused whole with a message saying what and where; edits, selection and filters stay', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    await openEditor(page);
    await page.getByTestId('edit-status').selectOption('withdrawn');
    await saveWith(page, 'QĐ 30/QĐ-UBND', '2025-07-07');
    await page.getByTestId('facet-province').getByLabel('Hà Nam', { exact: true }).click();
    await page.getByTestId('tab-changes').click();
    const fixtures = resolve(import.meta.dirname, '../fixtures/changes');
    const cases: [string, string][] = [
      ['unknown-cluster.json', 'Thay đổi thứ 2 trong unknown-cluster.json sửa một cụm mà ứng dụng này không có (hn-khong-co)'],
      ['corrupt.zip', 'corrupt.zip'],
      ['other-dataset.json', 'bộ dữ liệu'],
    ];
    for (const [file, text] of cases) {
      await page.getByTestId('changes-file').setInputFiles(resolve(fixtures, file));
      await expect.poll(() => page.getByTestId('notices').textContent()).toContain(text);
      expect(await page.getByTestId('changes-count').textContent()).toContain('1 thay đổi');
    }
    expect(await page.getByTestId('notices').textContent()).not.toMatch(/[Tt]he file|Change \d/);
    expect(await page.getByTestId('selection-count').textContent()).toBe('Đã chọn 1 cụm');
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('facet-province').getByLabel('Hà Nam', { exact: true }).isChecked()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('adds a cluster the dataset lacks (CCN Trực Tuấn, ~67 ha) with a source; it is on the map, in the statistics and the Changes panel', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl);
    const before = await page.getByTestId('showing').textContent();
    expect(before).toBe('Đang hiển thị 8 / 8 cụm');
    await page.getByTestId('tab-changes').click();
    await page.getByTestId('changes-add').click();
    await page.getByTestId('edit-panel').waitFor();
    const centre: [number, number] = [106.28, 20.2];
    await jumpTo(page, centre, 14);
    await page.getByTestId('edit-draw').click();
    await page.waitForFunction(() => (window as any).__mapView.map.getStyle().layers.some((l: any) => l.id.startsWith('td-')));
    // About 820 m square: 67 ha.
    const d = 0.0037;
    const dx = d / Math.cos((20.2 * Math.PI) / 180);
    await clickRing(page, [[centre[0] - dx, centre[1] - d], [centre[0] + dx, centre[1] - d], [centre[0] + dx, centre[1] + d], [centre[0] - dx, centre[1] + d]]);
    await expect.poll(() => page.getByTestId('edit-area').textContent()).toMatch(/Diện tích hình: 6\d,\d+ ha/);
    await page.getByTestId('edit-name').fill('CCN Trực Tuấn');
    await page.getByTestId('edit-ex_province').selectOption('Nam Định');
    await page.getByTestId('edit-planned_area_ha').fill('67');
    await saveWith(page, 'https://example.invalid/truc-tuan', '2025-06-01');
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('details').textContent()).toContain('CCN Trực Tuấn');
    expect(await page.getByTestId('details-quality').textContent()).toContain('vẽ tay');
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('showing').textContent()).toBe('Đang hiển thị 9 / 9 cụm');
    await page.getByTestId('tab-changes').click();
    expect(await page.getByTestId('change-list').textContent()).toContain('CCN Trực Tuấn');
    expect(await page.getByTestId('change-list').textContent()).toContain('cụm mới');
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('showing').textContent()).toBe('Đang hiển thị 9 / 9 cụm');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('two tabs of one profile see each other\'s edits; a save cut off by closing the tab leaves the journal whole', async () => {
    const a = await openApp(browser(), baseUrl);
    const b = await openTab(a, baseUrl);
    await openEditor(a.page);
    await a.page.getByTestId('edit-status').selectOption('withdrawn');
    await a.page.getByTestId('edit-occupancy_pct').fill('10');
    await saveWith(a.page, 'QĐ 9/QĐ-UBND', '2025-01-02');
    await expect.poll(() => changesCount(b.page), { timeout: 10_000 }).toContain('2 thay đổi');
    // A save in the other direction, then the tab is closed at once.
    await openEditor(b.page);
    await b.page.getByTestId('edit-occupancy_pct').fill('20');
    await b.page.getByTestId('edit-wwtp').selectOption('none');
    await b.page.getByTestId('edit-source').fill('QĐ 10/QĐ-UBND');
    await b.page.getByTestId('edit-asof').fill('2025-02-03');
    await b.page.getByTestId('edit-save').click({ noWaitAfter: true });
    await b.page.close({ runBeforeUnload: false });
    const c = await openTab(a, baseUrl);
    // Either both changes of that save are there or neither: never one of them.
    const n = await changesCount(c.page);
    expect(n === '2 thay đổi đang áp dụng · Lưu trong trình duyệt này.' || n === '4 thay đổi đang áp dụng · Lưu trong trình duyệt này.').toBe(true);
    await a.page.context().close();
  });

  it('storage full: the edit stays on the map, a message says so and the changes export at once', async () => {
    const { page } = await openApp(browser(), baseUrl);
    await page.evaluate(() => {
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openEditor(page);
    await page.getByTestId('edit-status').selectOption('withdrawn');
    await saveWith(page, 'QĐ 11/QĐ-UBND', '2025-03-04');
    const alert = page.getByTestId('storage-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('1 thay đổi chưa được lưu vào trình duyệt.');
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('Bộ nhớ của trình duyệt đã đầy');
    expect(await page.getByTestId('details').textContent()).toContain('Đã đưa ra khỏi quy hoạch');
    await screenshot(page, 'edit-quota');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('storage-export').click()]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const journal = JSON.parse(strFromU8(zip['changes.json']!));
    expect(journal.changes.map((c: any) => [c.target, c.field, c.to])).toEqual([[HAI_HAU, 'status', 'withdrawn']]);
    await page.context().close();
  });
});
