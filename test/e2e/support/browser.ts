// Debian's Chromium driven by playwright-core, plus the steps every browser test shares.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ADMIN } from './shop.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** Why the browser tests are skipped, or false when they run. */
export const SKIP_BROWSER = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}; install it with \`apt-get install chromium\` to run the browser tests`;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RESULTS_DIR = 'test-results';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Saves a full-page screenshot as test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens the app and signs in as the shop's admin; resolves on the dashboard. */
export async function signIn(page: Page, base: string, path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.getByLabel('E-mail').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core on the page (evaluated over the devtools protocol, so the CSP stays on). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // Browser code is passed as text: the tests are type-checked without the DOM library.
  return page.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

/** True when the locator's element (which has an id) has the keyboard focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  const [id, focused] = await Promise.all([locator.getAttribute('id'), locator.page().evaluate<string | null>('document.activeElement && document.activeElement.id')]);
  return id !== null && id === focused;
}

/** How many pixels the page is wider than the window (0: nothing sticks out). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Polls `check` until it holds (the UI updates after an event, not within it). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
