import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { openApp, screenshot } from './driver';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/**
 * Every visible control whose centre is covered by something else: the element the browser
 * would click there is neither the control nor inside it.
 */
const coveredControls = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, summary, [role="button"], [role="tab"]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue; // scrolled out of view, not covered
      // (inside a scrolling panel, a control scrolled past the panel's edge is clipped, not covered)
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (!/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) continue;
        const b = p.getBoundingClientRect();
        if (y < b.top || y > b.bottom || x < b.left || x > b.right) clipped = true;
      }
      if (clipped) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && !el.contains(hit) && !hit.contains(el)) {
        const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''}`;
        out.push(`${name(el)} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" under ${name(hit)}`);
      }
    }
    return out;
  });

describe('layout at 1366×768', () => {
  it('with a notice shown, a cluster selected and its details open, no panel covers a control', async () => {
    const { page, consoleErrors } = await openApp(browser(), baseUrl, { viewport: { width: 1366, height: 768 }, path: '#sel=hn-mau-dong-van,gone&focus=hn-mau-dong-van' });
    await page.getByTestId('notices').getByText('gone').waitFor();
    await page.getByTestId('details').waitFor();
    const found: string[] = [];
    const panelOf: Record<string, string> = { filters: 'filters', stats: 'stats', list: 'cluster-list', proximity: 'proximity', proposals: 'proposals', reconcile: 'reconcile', changes: 'changes-panel' };
    for (const tab of Object.keys(panelOf)) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(panelOf[tab]!).waitFor();
      found.push(...(await coveredControls(page)).map((x) => `${tab}: ${x}`));
    }
    await screenshot(page, 'layout-1366');
    // The legend open, and the credits open: still nothing covered.
    await page.getByTestId('legend').getByRole('button').first().click();
    found.push(...(await coveredControls(page)).map((x) => `legend open: ${x}`));
    await screenshot(page, 'layout-1366-legend');
    expect(found).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
