// In a real browser: sign in, find an order made through the API, hold and release it,
// and see the server's refusal when a stale page tries an action that is no longer valid.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withShopAndBrowser } from './support/suite.ts';
import { eventually, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

describe('web app: orders', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser();
  const newPage = () => suite.newPage({ width: 1280, height: 800 });

  test('signs in, and finds an order created through the API by searching the list', async () => {
    const order = await suite.shop.api('POST', '/v1/orders', {
      channel: 'web', external_id: 'E2E-SEARCH-1', currency: 'USD', customer: { email: 'nina.brooks@example.com', name: 'Nina Brooks' },
      shipping_address: { name: 'Nina Brooks', line1: '5 Elm St', city: 'Springfield', postal_code: '62701', country: 'US' },
      lines: [{ sku: 'TEE-M', quantity: 1 }, { sku: 'MUG', quantity: 2 }],
    });
    const page = await newPage();
    await signIn(page, suite.shop.base, '/orders');
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('Brooks');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/orders\?q=Brooks$/);
    const rows = page.getByRole('table', { name: 'Orders' }).getByRole('row');
    await rows.nth(1).getByRole('link', { name: `#${order.number}` }).waitFor();
    await eventually(async () => (await rows.count()) === 2, 'the list shows exactly one order under its header');
    await page.getByRole('table', { name: 'Orders' }).getByText('Nina Brooks').waitFor();
    await screenshot(page, 'orders-search');

    // The filter lives in the URL: opening it fresh gives the same list.
    const shared = await newPage();
    await signIn(shared, suite.shop.base, `/orders?q=E2E-SEARCH-1`);
    await shared.getByRole('link', { name: `#${order.number}` }).waitFor();
    assert.equal(await shared.getByRole('searchbox', { name: 'Search' }).inputValue(), 'E2E-SEARCH-1');
    await shared.context().close();
    await page.context().close();
  });

  test('opens an order, holds it and releases it', async () => {
    const order = await suite.shop.api('POST', '/v1/orders', {
      channel: 'pos', currency: 'USD', customer: { email: 'hold.me@example.com', name: 'Hal Holder' },
      shipping_address: { line1: '2 Oak St', city: 'Springfield', postal_code: '62701', country: 'US' }, lines: [{ sku: 'MUG', quantity: 1 }],
    });
    const page = await newPage();
    await signIn(page, suite.shop.base, '/orders');
    await page.getByRole('link', { name: `#${order.number}` }).click();
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await page.getByRole('table', { name: 'Order lines' }).getByText('WH-1 × 1').waitFor();

    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Put this order on hold?' });
    await dialog.getByLabel('Reason').fill('Address check with the customer');
    await dialog.getByRole('button', { name: 'Hold order' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} is now on hold.`).waitFor();
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.getByText('Address check with the customer').first().waitFor();
    await page.getByRole('list').getByText('Held').waitFor();
    assert.equal((await suite.shop.api('GET', `/v1/orders/${order.id}`)).status, 'on_hold');
    await screenshot(page, 'order-on-hold');

    await page.getByRole('button', { name: 'Release' }).click();
    await page.getByRole('dialog', { name: 'Release this order?' }).getByRole('button', { name: 'Release order' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} is now open.`).waitFor();
    await page.getByRole('button', { name: 'Hold', exact: true }).waitFor();
    await page.getByRole('list').getByText('Released').waitFor();
    const events = await suite.shop.api('GET', `/v1/orders/${order.id}/events`);
    assert.deepEqual(events.data.map((e: { type: string }) => e.type), ['order.created', 'order.held', 'order.released']);
    assert.ok(events.data.slice(1).every((e: { actor: string }) => e.actor.startsWith('user:usr_')), 'the signed-in user is the actor');
    await page.context().close();
  });

  test('an action on a stale page shows the server\'s refusal and the order as it is now', async () => {
    const order = await suite.shop.api('POST', '/v1/orders', {
      channel: 'web', currency: 'USD', customer: { email: 'stale@example.com', name: 'Stan Stale' },
      shipping_address: { line1: '3 Pine St', city: 'Springfield', postal_code: '62701', country: 'US' }, lines: [{ sku: 'TEE-M', quantity: 1 }],
    });
    const page = await newPage();
    await signIn(page, suite.shop.base, `/orders/${order.number}`);
    await page.getByRole('button', { name: 'Cancel order' }).waitFor();
    // Someone else cancels the order while this page still shows it open.
    await suite.shop.api('POST', `/v1/orders/${order.id}/cancel`, { reason: 'customer called' });

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
    await dialog.getByLabel('Reason').fill('Duplicate');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Cannot cancel an order that is canceled.').waitFor();
    await alert.getByText('invalid_transition').waitFor();
    // The page reloads the order: canceled, no actions left.
    await page.getByText('customer called', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Cancel order' }).count(), 0);
    await screenshot(page, 'order-stale-refused');
    await page.context().close();
  });
});
