// The set-up every browser test file shares: build the web app if stale, start a shop and
// Chromium side by side before the tests, close both after. Call it inside a describe().
import { before, after } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, startShop, type Shop } from './shop.ts';
import { launchBrowser } from './browser.ts';

export interface ShopAndBrowser {
  readonly shop: Shop;
  readonly browser: Browser;
  /** A page in a fresh browser context (own cookies) with the given window size. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
/** Long enough for a cold PGlite server; a locator that never appears still fails the test. */
const ACTION_TIMEOUT_MS = 10_000;

/**
 * Registers before/after hooks that start and stop a shop and a browser; `setUp` then runs
 * once with the shop (extra data the file's tests share). The returned object's fields
 * are filled in when the hooks have run, so read them inside tests only.
 */
export function withShopAndBrowser(setUp?: (shop: Shop) => Promise<void>): ShopAndBrowser {
  let shop: Shop | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };
  before(async () => {
    ensureWebBuilt();
    // Both start side by side; when one fails the other is still kept, so after() closes it.
    const [started, launched] = await Promise.allSettled([startShop(), launchBrowser()]);
    if (started.status === 'fulfilled') shop = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    await setUp?.(ready(shop, 'the shop'));
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
  });
  return {
    get shop() { return ready(shop, 'the shop'); },
    get browser() { return ready(browser, 'the browser'); },
    async newPage(viewport = DEFAULT_VIEWPORT) {
      const context = await ready(browser, 'the browser').newContext({ viewport });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      return context.newPage();
    },
  };
}
