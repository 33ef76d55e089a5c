// axe-core on the main pages (no critical violations), keyboard sign-in, and the app
// at a phone's width (390 px): nothing wider than the screen, navigation in a drawer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN } from './support/shop.ts';
import { withShopAndBrowser } from './support/suite.ts';
import { axeViolations, eventually, horizontalOverflow, isFocused, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

describe('web app: accessibility and small screens', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser();
  const newPage = (width: number, height: number) => suite.newPage({ width, height });

  test('signs in with the keyboard alone', async () => {
    const page = await newPage(1280, 800);
    await page.goto(suite.shop.base);
    const email = page.getByLabel('E-mail');
    await email.waitFor();
    await eventually(() => isFocused(email), 'the e-mail field has the focus');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.context().close();
  });

  test('axe-core finds no critical violations on the dashboard, orders, an order and inventory', async () => {
    const page = await newPage(1280, 900);
    const orders = await suite.shop.api('GET', '/v1/orders?limit=1');
    const pages: [string, string, string][] = [
      ['/', 'Dashboard', 'dashboard'],
      ['/orders', 'Orders', 'orders'],
      [`/orders/${orders.data[0].number}`, `Order #${orders.data[0].number}`, 'order-detail'],
      ['/inventory', 'Inventory', 'inventory'],
    ];
    await signIn(page, suite.shop.base, '/');
    const report: string[] = [];
    for (const [path, heading, name] of pages) {
      await page.goto(suite.shop.base + path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' }).catch(() => undefined);
      await page.getByRole('table').first().waitFor();
      const violations = await axeViolations(page);
      for (const v of violations) report.push(`${path}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      assert.deepEqual(violations.filter((v) => v.impact === 'critical').map((v) => v.id), [], `critical violations on ${path}:\n${report.join('\n')}`);
      assert.deepEqual(violations.filter((v) => v.impact === 'serious').map((v) => v.id), [], `serious violations on ${path}:\n${report.join('\n')}`);
      await screenshot(page, `desktop-${name}`);
    }
    if (report.length > 0) console.log(`axe (minor/moderate):\n${report.join('\n')}`);
    await page.context().close();
  });

  test('the other pages load their data and have no critical or serious axe violations either', async () => {
    const page = await newPage(1280, 900);
    const customers = await suite.shop.api('GET', '/v1/customers?limit=1');
    const pages: [string, string][] = [
      ['/products', 'Products'], ['/customers', 'Customers'], [`/customers/${customers.data[0].id}`, customers.data[0].name],
      ['/locations', 'Locations'], ['/channels', 'Channels'], ['/settings/api-keys', 'API keys'], ['/settings/users', 'Users'],
    ];
    await signIn(page, suite.shop.base, '/products');
    for (const [path, heading] of pages) {
      await page.goto(suite.shop.base + path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      const bad = (await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], `axe on ${path}`);
    }
    await page.context().close();
  });

  test('settings: a new API key is shown once and can be revoked; a new user can sign in', async () => {
    const page = await newPage(1280, 900);
    await signIn(page, suite.shop.base, '/settings/api-keys');
    await page.getByLabel('Name').fill('Marketplace feed');
    await page.getByLabel('Role').selectOption('analyst');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('Secret of the new key').textContent();
    assert.match(secret ?? '', /^ordo_sk_/);
    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByRole('cell', { name: 'Marketplace feed', exact: true }).waitFor();
    await screenshot(page, 'settings-api-key-created');
    const asKey = await fetch(`${suite.shop.base}/v1/orders?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(asKey.status, 200);
    await keys.getByRole('button', { name: 'Revoke Marketplace feed' }).click();
    await page.getByRole('dialog', { name: 'Revoke this key?' }).getByRole('button', { name: 'Revoke key' }).click();
    await keys.getByText(/^Revoked/).waitFor();
    await page.reload();
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    assert.equal(await page.getByText(secret ?? '').count(), 0, 'the secret is not shown again');

    await page.goto(`${suite.shop.base}/settings/users`);
    await page.getByLabel('E-mail').fill('olga.operator@suite.shop.test');
    await page.getByLabel('Role').selectOption('operator');
    await page.getByLabel('First password').fill('operator-pass-1');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('table', { name: 'Users' }).getByRole('cell', { name: 'olga.operator@suite.shop.test', exact: true }).waitFor();
    const login = await fetch(`${suite.shop.base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'olga.operator@suite.shop.test', password: 'operator-pass-1' }) });
    assert.equal(login.status, 200);
    await page.context().close();
  });

  test('renders at 390 px wide: no page wider than the screen, navigation in a drawer', async () => {
    const page = await newPage(390, 844);
    await signIn(page, suite.shop.base, '/');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Low stock' }).waitFor();
    const overflow = () => horizontalOverflow(page);
    assert.equal(await overflow(), 0, 'the dashboard fits the screen');
    await screenshot(page, 'mobile-dashboard');

    // The navigation hides behind the menu button and opens on demand.
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.isVisible(), false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Orders' }).waitFor();
    assert.equal(await nav.isVisible(), false, 'the drawer closes after navigating');
    assert.equal(await overflow(), 0, 'the orders page fits the screen (the table scrolls in its own region)');
    await screenshot(page, 'mobile-orders');
    await page.context().close();
  });
});
