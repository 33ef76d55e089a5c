// In a real browser: edit a product, add a box, set routing, add a hold rule and watch an
// order go on hold, set the return policy, add a webhook (its secret shown once), and
// follow the dashboard's stage numbers to the orders they count.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withShopAndBrowser } from './support/suite.ts';
import { axeViolations, eventually, horizontalOverflow, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

async function noCriticalViolations(page: Page, where: string): Promise<void> {
  const critical = (await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(critical.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`), [], where);
}

describe('web app: settings, catalog editing, fulfillment stages', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser();

  test('edit a product: refusals show next to their fields; price and dimensions saved', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.shop.base, '/products');
    await page.getByRole('link', { name: 'Edit TEE-M' }).click();
    await page.getByRole('heading', { name: 'Edit TEE-M' }).waitFor();
    const price = page.getByLabel('Price', { exact: true });
    await eventually(async () => (await price.inputValue()) === '24.00', 'the form shows the current price');

    // The form's own check: a price that is not a number, said under the field.
    await price.fill('lots');
    await page.getByRole('button', { name: 'Save product' }).click();
    await page.locator('#product-price-error').getByText(/Type the amount as a number/).waitFor();
    assert.equal(await price.getAttribute('aria-invalid'), 'true');
    // The server's refusal (an empty name), under the Name field with its problem+json message.
    await price.fill('26.50');
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save product' }).click();
    await page.getByRole('alert').getByText('validation_failed').waitFor();
    await page.locator('#product-name-error').waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Organic tee, medium');
    await page.getByLabel('Length (mm)').fill('300');
    await page.getByLabel('Width (mm)').fill('220');
    await page.getByLabel('Height (mm)').fill('40');
    await page.getByLabel('Weight (g)').fill('180');
    await page.getByRole('button', { name: 'Save product' }).click();
    await page.getByRole('status').getByText(/Saved TEE-M/).waitFor();
    const saved = await suite.shop.api('GET', '/v1/products/TEE-M');
    assert.deepEqual([saved.price, saved.length_mm, saved.width_mm, saved.height_mm, saved.weight_g], [2650, 300, 220, 40, 180]);
    await noCriticalViolations(page, 'product edit');
    await page.context().close();
  });

  test('add a box; set a routing rule; set the return policy', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.shop.base, '/settings/boxes');
    await page.getByText('New box').click();
    await page.getByLabel('Code').fill('MEDIUM');
    await page.getByLabel('Name').fill('Medium carton');
    await page.getByLabel('Length (mm)').fill('350');
    await page.getByLabel('Width (mm)').fill('250');
    await page.getByLabel('Height (mm)').fill('150');
    await page.getByLabel('Holds up to (g)').fill('8000');
    await page.getByLabel('Empty box weighs (g)').fill('210');
    await page.getByRole('button', { name: 'Add box' }).click();
    await page.getByRole('status').getByText('Box MEDIUM added').waitFor();
    await page.getByRole('table', { name: 'Boxes' }).getByRole('cell', { name: 'Medium carton' }).waitFor();
    assert.ok((await suite.shop.api('GET', '/v1/boxes')).data.some((b: { code: string; max_weight_g: number }) => b.code === 'MEDIUM' && b.max_weight_g === 8000));
    await noCriticalViolations(page, 'boxes');

    await page.getByRole('link', { name: 'Routing' }).click();
    await page.getByRole('heading', { name: 'Routing' }).waitFor();
    await page.getByLabel('Most locations per order').fill('1');
    await page.getByLabel('Prefer the nearest location').uncheck();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('status').getByText('Routing rules saved').waitFor();
    const routing = await suite.shop.api('GET', '/v1/settings/routing');
    assert.deepEqual([routing.max_splits, routing.use_distance], [1, false]);
    // A value the server refuses is shown under its field.
    await page.getByLabel('Most locations per order').fill('99');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.locator('#routing-splits-error').waitFor();

    await page.getByRole('link', { name: 'Return policy' }).click();
    await page.getByRole('heading', { name: 'Return policy' }).waitFor();
    await page.getByLabel('Return window (days)').fill('45');
    await page.getByLabel('Restocking fee (%)').fill('2.5');
    await page.getByLabel('Refund shipping').selectOption('never');
    await page.getByLabel('SKUs that cannot be returned').fill('CAP');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('status').getByText('Return policy saved').waitFor();
    const policy = await suite.shop.api('GET', '/v1/settings/return-policy');
    assert.deepEqual([policy.window_days, policy.restocking_fee_bps, policy.shipping_refund, policy.non_returnable_skus], [45, 250, 'never', ['CAP']]);
    await noCriticalViolations(page, 'return policy');
    await page.context().close();
  });

  test('a hold rule added in the app holds the next big order', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.shop.base, '/settings/hold-rules');
    await page.getByLabel('Name', { exact: true }).fill('Big orders');
    await page.getByLabel('Hold when').selectOption('total_above');
    await page.getByLabel('Amount').fill('100.00');
    await page.getByLabel('Currency').fill('USD');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('status').getByText('Rule “Big orders” is active').waitFor();
    await page.getByRole('table', { name: 'Hold rules' }).getByRole('cell', { name: /Total above \$100\.00/ }).waitFor();

    const order = await suite.shop.api('POST', '/v1/orders', {
      channel: 'web', currency: 'USD', customer: { email: 'big@example.com', name: 'Big Spender' },
      shipping_address: { line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' }, lines: [{ sku: 'MUG', quantity: 8 }],
    });
    assert.equal(order.status, 'on_hold');
    await page.getByRole('button', { name: 'Switch off Big orders' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Switch off' }).click();
    await page.getByRole('table', { name: 'Hold rules' }).getByText('Off', { exact: true }).waitFor();
    await noCriticalViolations(page, 'hold rules');
    await page.context().close();
  });

  test('a webhook shows its secret once', async () => {
    const page = await suite.newPage();
    await signIn(page, suite.shop.base, '/settings/webhooks');
    await page.getByLabel('URL').fill('not a url');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.locator('#webhook-url-error').getByText('is not a valid URL').waitFor();
    await page.getByLabel('URL').fill('https://erp.example.com/ordo');
    await page.getByLabel('Events').fill('order.*, shipment.created');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByLabel('Secret of https://erp.example.com/ordo');
    await secret.waitFor();
    const value = (await secret.textContent()) ?? '';
    assert.ok(value.length >= 16, value);
    await page.getByRole('table', { name: 'Webhooks' }).getByText('https://erp.example.com/ordo').waitFor();
    await page.getByRole('button', { name: 'Deliveries to https://erp.example.com/ordo' }).click();
    await page.getByText('Nothing sent yet.').waitFor();
    await screenshot(page, 'settings-webhook-secret');
    await page.reload();
    await page.getByRole('table', { name: 'Webhooks' }).getByText('https://erp.example.com/ordo').waitFor();
    assert.equal(await page.getByText(value).count(), 0, 'the secret is not shown again');
    await page.context().close();
  });

  test('the dashboard\'s stage numbers link to the orders they count', async () => {
    const stages = (await suite.shop.api('GET', '/v1/reports/stages')).stages as { stage: string; orders: number }[];
    const count = (stage: string) => stages.find((s) => s.stage === stage)?.orders ?? 0;
    assert.ok(count('to_pick') > 0 && count('on_hold') > 0, JSON.stringify(stages));
    const page = await suite.newPage();
    await signIn(page, suite.shop.base, '/');
    const tiles = page.getByRole('list', { name: 'Orders waiting per stage' });
    const toPick = tiles.getByRole('link', { name: `${count('to_pick')} orders to pick` });
    await toPick.waitFor();
    await screenshot(page, 'dashboard-stages');
    await noCriticalViolations(page, 'dashboard');
    await toPick.click();
    await page.getByRole('heading', { name: 'To pick' }).waitFor();
    const rows = page.getByRole('table', { name: 'Orders: to pick' }).getByRole('row');
    await eventually(async () => (await rows.count()) === count('to_pick') + 1, 'the list holds the orders counted');
    await page.getByRole('link', { name: 'Pick waves' }).waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    const held = count('on_hold');
    await tiles.getByRole('link', { name: `${held} ${held === 1 ? 'order' : 'orders'} on hold` }).click();
    await eventually(async () => page.url().endsWith('/orders?status=on_hold'), 'the orders list filtered by on hold');
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.context().close();
  });

  test('settings pages fit a phone screen', async () => {
    const page = await suite.newPage({ width: 390, height: 844 });
    await signIn(page, suite.shop.base, '/settings/hold-rules');
    for (const [path, heading] of [['/settings/hold-rules', 'Hold rules'], ['/settings/webhooks', 'Webhooks'], ['/settings/routing', 'Routing'], ['/locations/WH-1/edit', 'Edit WH-1'], ['/', 'Dashboard']] as const) {
      await page.goto(suite.shop.base + path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await horizontalOverflow(page), 0, `${path} sticks out sideways`);
    }
    await screenshot(page, 'settings-phone');
    await page.context().close();
  });
});
