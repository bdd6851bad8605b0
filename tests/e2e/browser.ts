import { afterAll, beforeAll } from 'vitest';
import chromium from '@sparticuz/chromium';
import { chromium as pw, type Browser } from 'playwright-core';

/** Flags of @sparticuz/chromium that must go: one kills the browser when a page closes, one disables security. */
const DROP = new Set(['--single-process', '--disable-web-security', "--headless='shell'"]);

/**
 * Launches headless Chromium with software WebGL (SwiftShader): CHROME_PATH if set,
 * else the binary shipped in @sparticuz/chromium.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  const args = [
    ...chromium.args.filter((a) => !DROP.has(a)),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  return pw.launch({ executablePath, args, headless: true });
}

/**
 * One browser per test file: launched before its tests, closed after.
 *
 * @returns a getter for the browser (valid inside tests)
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Expected the browser to be launched in beforeAll');
    return browser;
  };
}
