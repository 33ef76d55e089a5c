// In a real browser, an order paid by test card through its after-sales life: a typed
// hold and its release, an edit previewed and confirmed (and one refused by the server,
// one refused as stale), then — shipped and delivered through the API — a refund, a
// return opened, approved, received as sellable and closed, and its refund on the order.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { processPendingPaymentTransactions } from '../../src/modules/payments/index.ts';
import type { Shop } from './support/shop.ts';
import { withShopAndBrowser } from './support/suite.ts';
import { axeViolations, eventually, horizontalOverflow, isFocused, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

const CARRIER = 'E2E-POST';

/** An order of TEE-M × 2 and MUG × 1 plus 5.00 shipping (total 67.50), authorized by test card. */
async function paidOrder(shop: Shop, externalId: string) {
  return shop.api('POST', '/v1/orders', {
    channel: 'web', external_id: externalId, currency: 'USD', customer: { email: 'rita.ray@example.com', name: 'Rita Ray' },
    shipping_address: { name: 'Rita Ray', line1: '9 Elm St', city: 'Springfield', postal_code: '62701', country: 'US' },
    lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }], shipping: { method: 'standard', amount: 500 },
    payment: { provider: 'test_card', token: 'tok_approve' },
  });
}

/** Ships every open fulfillment order of the order, delivers it (unless told not to), and lets the captures run. */
async function shipAndDeliver(shop: Shop, orderId: string, deliver = true): Promise<void> {
  const order = await shop.api('GET', `/v1/orders/${orderId}`);
  for (const fo of order.fulfillment_orders.filter((f: { status: string }) => f.status !== 'shipped' && f.status !== 'canceled')) {
    const shipment = await shop.api('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: CARRIER, tracking_number: `E2E-${fo.id.slice(-8)}` });
    await shop.api('POST', `/v1/shipments/${shipment.id}/events`, { status: 'in_transit', place: 'Joliet hub' });
    if (deliver) await shop.api('POST', `/v1/shipments/${shipment.id}/events`, { status: 'delivered', place: 'Springfield' });
  }
  // The payments worker does not run in tests: run the queued captures now.
  await processPendingPaymentTransactions(shop.ta.db.kysely, { orderId });
}

/** No critical or serious axe-core violations on the page as it is now. */
async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const report = violations.map((v) => `[${v.impact}] ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id), [], `${where}:\n${report.join('\n')}`);
}

describe('web app: order after-sales and returns', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser(async (shop) => {
    await shop.api('POST', '/v1/carrier-services', { code: CARRIER, name: 'E2E Post', carrier: 'manual' });
  });
  const newPage = () => suite.newPage({ width: 1280, height: 900 });

  test('holds the order for fraud review and releases it; an impossible edit shows the server\'s refusal', async () => {
    const order = await paidOrder(suite.shop, 'E2E-AS-HOLD');
    assert.equal(order.payment_status, 'authorized');
    const page = await newPage();
    await signIn(page, suite.shop.base, `/orders/${order.number}`);
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor();
    const payments = page.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByText('Test card').waitFor();
    await payments.getByText('Authorized', { exact: true }).first().waitFor();
    await page.getByRole('region', { name: 'Fulfillment', exact: true }).getByText('WH-1').first().waitFor();

    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    const hold = page.getByRole('dialog', { name: 'Put this order on hold?' });
    await eventually(() => isFocused(hold.getByLabel('Hold type')), 'the dialog focuses its first field');
    await hold.getByLabel('Hold type').selectOption('fraud_review');
    await hold.getByLabel('Reason').fill('Billing and shipping names differ');
    await hold.getByRole('button', { name: 'Hold order' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} is now on hold.`).waitFor();
    const holds = page.getByRole('region', { name: 'Holds', exact: true });
    await holds.getByText('Fraud review').waitFor();
    await holds.getByText('Billing and shipping names differ').waitFor();
    const held = await suite.shop.api('GET', `/v1/orders/${order.id}`);
    assert.deepEqual(held.holds.filter((h: { active: boolean }) => h.active).map((h: { type: string }) => h.type), ['fraud_review']);
    await assertAccessible(page, 'order on hold');
    await screenshot(page, 'order-aftersales-held');

    // A second hold of the same type is not offered.
    await page.getByRole('button', { name: 'Add hold' }).click();
    const again = page.getByRole('dialog', { name: 'Add another hold?' });
    assert.equal(await again.getByRole('option', { name: /Fraud review/ }).isDisabled(), true);
    await again.getByRole('button', { name: 'Back' }).click();

    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByRole('dialog', { name: 'Release this order?' }).getByRole('button', { name: 'Release order' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} is now open.`).waitFor();
    await page.getByRole('region', { name: 'Holds', exact: true }).waitFor({ state: 'detached' });
    const events = (await suite.shop.api('GET', `/v1/orders/${order.id}/events`)).data.map((e: { type: string }) => e.type);
    assert.deepEqual(events.filter((t: string) => t === 'order.held' || t === 'order.released'), ['order.held', 'order.released']);

    // Asking for more caps than there are: the server refuses the preview and says why.
    await page.getByRole('link', { name: 'Edit order' }).click();
    await page.getByRole('heading', { name: `Edit order #${order.number}`, level: 1 }).waitFor();
    await page.getByLabel('Add SKU').fill('CAP');
    await page.getByLabel('Quantity', { exact: true }).fill('50');
    await page.getByLabel('Quantity', { exact: true }).press('Enter');
    await page.getByRole('table', { name: 'Lines to edit' }).getByText('New line').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('Not enough stock for CAP.').waitFor();
    await refusal.getByText('insufficient_inventory').waitFor();
    await eventually(async () => (await page.evaluate<string>('document.activeElement ? document.activeElement.className : ""')) === 'problem', 'the refusal has the focus');
    assert.equal(await page.getByRole('button', { name: 'Confirm edit' }).count(), 0, 'no preview, nothing to confirm');
    assert.equal((await suite.shop.api('GET', `/v1/orders/${order.id}`)).total, order.total, 'nothing changed');
    await page.context().close();
  });

  test('edits a quantity: the preview shows totals, payment difference and stock, confirm saves it; a stale preview is refused', async () => {
    const order = await paidOrder(suite.shop, 'E2E-AS-EDIT');
    const tee = order.lines.find((l: { sku: string }) => l.sku === 'TEE-M');
    const page = await newPage();
    await signIn(page, suite.shop.base, `/orders/${order.number}/edit`);
    await page.getByRole('heading', { name: `Edit order #${order.number}`, level: 1 }).waitFor();
    await page.getByLabel('New quantity of TEE-M').fill('3');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    await eventually(() => isFocused(preview.getByRole('heading', { name: 'Preview' })), 'the preview heading takes the focus');
    const totals = preview.getByRole('table', { name: 'Totals now and after the edit' });
    await totals.getByRole('row', { name: /Total \$67\.50 \$91\.50/ }).waitFor();
    await preview.getByText('+$24.00').waitFor();
    await preview.getByText('The difference is authorized on the latest payment method.').waitFor();
    await preview.getByText('TEE-M at WH-1: 1 more reserved').waitFor();
    await assertAccessible(page, 'edit preview');
    await screenshot(page, 'order-edit-preview');
    await preview.getByRole('button', { name: 'Confirm edit' }).click();
    await page.waitForURL(new RegExp(`/orders/${order.number}\\?edited=2$`));
    await page.getByRole('status').getByText('The edit is saved: the order is now at version 2.').waitFor();
    await page.getByRole('table', { name: 'Order lines' }).getByRole('row', { name: /TEE-M/ }).getByText('WH-1 × 3').waitFor();
    const edited = await suite.shop.api('GET', `/v1/orders/${order.id}`);
    assert.equal(edited.total, 9150);
    assert.equal(edited.lines.find((l: { id: string }) => l.id === tee.id).quantity, 3);
    assert.equal(edited.payments.reduce((n: number, p: { authorized: number }) => n + p.authorized, 0), 9150, 'the difference was authorized');

    // Preview, then someone else edits the order first: confirming says to reload.
    await page.goto(`${suite.shop.base}/orders/${order.number}/edit`);
    await page.getByLabel('New quantity of MUG').fill('2');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Confirm edit' }).waitFor();
    await suite.shop.api('POST', `/v1/orders/${order.id}/edits`, { changes: [{ op: 'set_shipping', method: 'express', amount: 900 }], expected_version: 2 });
    await page.getByRole('button', { name: 'Confirm edit' }).click();
    await page.getByRole('alert').getByText('version_conflict').waitFor();
    await page.getByText('Someone changed this order after the preview, so nothing was saved.').waitFor();
    await page.getByRole('button', { name: 'Reload the order' }).click();
    await eventually(async () => (await page.getByLabel('New quantity of MUG').inputValue()) === '1', 'the draft starts again from the reloaded order');
    const after = await suite.shop.api('GET', `/v1/orders/${order.id}`);
    assert.equal(after.lines.find((l: { sku: string }) => l.sku === 'MUG').quantity, 1, 'the stale edit changed nothing');
    assert.equal(after.shipping_total, 900);
    await page.context().close();
  });

  test('after delivery: refunds part, then a return is created, approved, received as sellable and closed, and its refund shows on the order', async () => {
    const order = await paidOrder(suite.shop, 'E2E-AS-RETURN');
    await shipAndDeliver(suite.shop, order.id);
    const mugLevel = async () => (await suite.shop.api('GET', '/v1/inventory/levels?sku=MUG&location=WH-1')).data[0].on_hand as number;
    const mugBefore = await mugLevel();
    const page = await newPage();
    await signIn(page, suite.shop.base, `/orders/${order.number}`);
    const shipments = page.getByRole('region', { name: 'Shipments', exact: true });
    await shipments.getByText('Delivered', { exact: true }).first().waitFor();
    await shipments.getByText(/^Tracking events/).click();
    await shipments.getByText('Joliet hub').waitFor();
    await page.getByRole('region', { name: 'Payments', exact: true }).getByText('Refundable now $67.50').waitFor();

    // A goodwill refund typed as decimals, after one ambiguous attempt.
    await page.getByRole('button', { name: 'Refund' }).click();
    const refund = page.getByRole('dialog', { name: 'Refund money?' });
    await refund.getByText('At most $67.50', { exact: false }).waitFor();
    await refund.getByLabel('Amount (USD)').fill('1,250.00');
    await refund.getByLabel('Reason').fill('Late delivery');
    await refund.getByRole('button', { name: 'Issue refund' }).click();
    await refund.getByText('Type the amount as a number, like 12.50.').waitFor();
    await refund.getByLabel('Amount (USD)').fill('2.5');
    await refund.getByRole('button', { name: 'Issue refund' }).click();
    await page.getByRole('status').getByText(/^Refund of \$2\.50 issued/).waitFor();
    await page.getByRole('table', { name: 'Refunds' }).getByText('Late delivery').waitFor();
    await page.getByRole('region', { name: 'Payments', exact: true }).getByText('Refundable now $65.00').waitFor();

    // A return of the mug.
    await page.getByRole('link', { name: 'New return' }).click();
    await page.getByRole('heading', { name: `New return for order #${order.number}`, level: 1 }).waitFor();
    await assertAccessible(page, 'new return');
    await page.getByLabel('Units of MUG to return').fill('1');
    await page.getByLabel('Reason for MUG').selectOption('changed_mind');
    await page.getByRole('button', { name: 'Create return' }).click();
    await page.waitForURL(/\/returns\/\d+$/);
    const number = page.url().split('/').pop() as string;
    await page.getByRole('heading', { name: `Return #${number}`, level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Returned items' }).getByText('Changed mind').waitFor();

    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog', { name: 'Approve this return?' }).getByRole('button', { name: 'Approve return' }).click();
    await page.getByRole('status').getByText(`Return #${number} is now approved.`).waitFor();

    const receive = page.getByRole('region', { name: 'Receive', exact: true });
    await receive.getByLabel('Received at').selectOption('WH-1');
    assert.equal(await receive.getByLabel('Sellable units of MUG').inputValue(), '1');
    await receive.getByRole('button', { name: 'Receive…' }).click();
    const confirmReceipt = page.getByRole('dialog', { name: 'Receive this return?' });
    await confirmReceipt.getByText('At WH-1: 1 sellable unit goes back into stock, 0 damaged units are written off.').waitFor();
    await confirmReceipt.getByRole('button', { name: 'Receive', exact: true }).click();
    await page.getByRole('region', { name: 'Refund on close', exact: true }).getByText('From the units received.').waitFor();
    assert.equal(await mugLevel(), mugBefore + 1, 'the sellable mug is back on hand');
    const preview = (await suite.shop.api('GET', `/v1/returns/${number}`)).refund_preview.amount as number;
    assert.ok(preview > 0);
    await assertAccessible(page, 'received return');

    const close = page.getByRole('button', { name: /^Close and refund/ });
    assert.match(await close.innerText(), /\$14\.50/);
    await close.click();
    await page.getByRole('dialog', { name: 'Close this return and refund?' }).getByRole('button', { name: 'Close and refund' }).click();
    await page.getByRole('status').getByText(`Return #${number} is now closed.`).waitFor();
    await page.getByRole('region', { name: 'Refunded', exact: true }).getByText('$14.50').first().waitFor();
    await screenshot(page, 'return-closed');

    // The refund runs (the worker's job), and the order shows it with the closed return.
    await processPendingPaymentTransactions(suite.shop.ta.db.kysely, { orderId: order.id });
    await page.getByRole('link', { name: `#${order.number}` }).first().click();
    await page.getByRole('heading', { name: `Order #${order.number}`, level: 1 }).waitFor();
    const returns = page.getByRole('table', { name: 'Returns of this order' });
    await returns.getByRole('link', { name: `#${number}` }).waitFor();
    await returns.getByText('Closed').waitFor();
    await returns.getByText('$14.50').waitFor();
    const refunds = page.getByRole('table', { name: 'Refunds' });
    await refunds.getByRole('link', { name: `Return #${number}` }).waitFor();
    await eventually(async () => (await refunds.getByRole('row').count()) === 3, 'two refunds under the header');
    const view = await suite.shop.api('GET', `/v1/orders/${order.id}`);
    assert.deepEqual(view.refunds.map((r: { amount: number; status: string }) => [r.amount, r.status]), [[250, 'succeeded'], [1450, 'succeeded']]);
    assert.equal(view.payment_status, 'partially_refunded');
    await assertAccessible(page, 'order after the return');
    await screenshot(page, 'order-aftersales');
    await page.context().close();
  });

  test('cancel after a partial shipment lists what will be canceled, and cancels only that', async () => {
    const order = await paidOrder(suite.shop, 'E2E-AS-PARTIAL');
    await shipAndDeliver(suite.shop, order.id, false);
    // A line added after the parcel left is not shipped yet.
    await suite.shop.api('POST', `/v1/orders/${order.id}/edits`, { changes: [{ op: 'add_line', sku: 'CAP', quantity: 1 }], expected_version: 1 });
    const page = await newPage();
    await signIn(page, suite.shop.base, `/orders/${order.number}`);
    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
    await dialog.getByText('3 units have already shipped and stay on the order. Only what has not shipped is canceled:').waitFor();
    await dialog.getByRole('listitem').filter({ hasText: 'CAP' }).getByText('× 1').waitFor();
    assert.equal(await dialog.getByRole('listitem').count(), 1, 'only the cap is listed');
    await dialog.getByLabel('Reason').fill('Cap no longer wanted');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByRole('table', { name: 'Order lines' }).getByRole('row', { name: /CAP/ }).getByText('1 canceled').waitFor();
    const view = await suite.shop.api('GET', `/v1/orders/${order.id}`);
    assert.equal(view.status, 'open', 'what shipped stays on the order');
    assert.deepEqual(view.lines.map((l: { sku: string; canceled: number }) => [l.sku, l.canceled]), [['TEE-M', 0], ['MUG', 0], ['CAP', 1]]);
    await page.context().close();
  });

  test('returns list filters by status in the URL; order and return fit a phone screen', async () => {
    const page = await suite.newPage({ width: 390, height: 844 });
    await signIn(page, suite.shop.base, '/returns?status=closed');
    await page.getByRole('heading', { name: 'Returns', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Returns' });
    await table.getByRole('row').nth(1).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Closed', exact: true }).getAttribute('aria-current'), 'page');
    const listed = (await suite.shop.api('GET', '/v1/returns?status=closed')).data;
    assert.ok(listed.length >= 1);
    await eventually(async () => (await table.getByRole('row').count()) === listed.length + 1, 'only closed returns');
    assert.equal(await horizontalOverflow(page), 0, 'the list fits 390 px');
    await assertAccessible(page, 'returns list');
    await page.getByRole('link', { name: 'Requested', exact: true }).click();
    await page.waitForURL(/\/returns\?status=requested$/);
    await page.getByText('No returns match this filter.').waitFor();

    await page.goto(`${suite.shop.base}/returns/${listed[0].number}`);
    await page.getByRole('heading', { name: `Return #${listed[0].number}`, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Refunded', exact: true }).waitFor();
    assert.equal(await horizontalOverflow(page), 0, 'the return fits 390 px');
    await page.goto(`${suite.shop.base}/orders/${listed[0].order.number}`);
    await page.getByRole('region', { name: 'Payments', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Timeline', exact: true }).getByText(`Return #${listed[0].number}`).first().waitFor();
    assert.equal(await horizontalOverflow(page), 0, 'the order fits 390 px');
    await screenshot(page, 'mobile-order-aftersales');
    await page.context().close();
  });
});
