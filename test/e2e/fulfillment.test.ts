// In a real browser, the warehouse's day: build a pick wave for an order made through the
// API, pick it with the keyboard as a barcode scanner would, complete the wave, pack it at
// the pack station, ship it with a rate-table service and find its tracking number on the
// shipment page and on the customer's tracking page. Also: a short pick spelled out before
// it is sent, store pickup at the counter, axe-core and a phone's width on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withShopAndBrowser } from './support/suite.ts';
import type { Shop } from './support/shop.ts';
import { axeViolations, eventually, horizontalOverflow, isFocused, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

const MUG = { sku: 'MUG', barcode: '4006381333931', weight_g: 350, length_mm: 120, width_mm: 90, height_mm: 100, bin: 'A-2-1' };
const BOXES = [
  { code: 'S', name: 'Small', length_mm: 200, width_mm: 150, height_mm: 110, max_weight_g: 5000, tare_weight_g: 120 },
  { code: 'L', name: 'Large', length_mm: 500, width_mm: 400, height_mm: 300, max_weight_g: 20000, tare_weight_g: 600 },
];
const GROUND = {
  code: 'GROUND', name: 'Ordo Ground', carrier: 'rate_table', methods: ['standard'], transit_days: 5, currency: 'USD',
  config: { zones: [{ code: 'DOMESTIC', countries: ['US'] }], bands: [{ max_weight_g: 1000, rates: { DOMESTIC: 600 } }, { max_weight_g: 5000, rates: { DOMESTIC: 900 } }] },
};
const COURIER = { code: 'COURIER', name: 'City Courier', carrier: 'manual', methods: ['standard'], transit_days: 1, currency: 'USD', config: { flat_rate: 1500 } };
const CUSTOMER = { email: 'pia.porter@example.com', name: 'Pia Porter' };
const ADDRESS = { name: CUSTOMER.name, line1: '9 Harbor Way', city: 'Springfield', postal_code: '62701', country: 'US' };

/** The catalog data, boxes and carrier services the pages work with. */
async function setUpWarehouse(shop: Shop): Promise<void> {
  const { sku, bin, ...product } = MUG;
  await shop.api('PATCH', `/v1/products/${sku}`, product);
  // The shop's client types the methods it uses; setting a bin is a PUT.
  await (shop.api as (method: string, url: string, body?: unknown) => Promise<unknown>)('PUT', '/v1/inventory/bins', { sku, location: 'WH-1', bin });
  for (const box of BOXES) await shop.api('POST', '/v1/boxes', box);
  await shop.api('POST', '/v1/carrier-services', GROUND);
  await shop.api('POST', '/v1/carrier-services', COURIER);
}

async function placeOrder(shop: Shop, lines: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) {
  return shop.api('POST', '/v1/orders', {
    channel: 'web', currency: 'USD', customer: CUSTOMER, shipping_address: ADDRESS, lines, shipping: { method: 'standard', amount: 500 }, ...extra,
  });
}

/** axe-core finds nothing critical or serious on the page as it is now. */
async function assertAccessible(page: Page, where: string): Promise<void> {
  const bad = (await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${where}`);
}

/** Types what a keyboard-wedge scanner sends: the code, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

describe('web app: fulfillment', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser(setUpWarehouse);

  test('wave, scan, complete, pack, ship and track an order, keyboard first', async () => {
    const order = await placeOrder(suite.shop, [{ sku: 'MUG', quantity: 2 }]);
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signIn(page, suite.shop.base, '/fulfillment/waves');
    await page.getByRole('heading', { name: 'Pick waves', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Waves', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();

    // Build a wave of exactly this order.
    await page.getByLabel('Location', { exact: true }).first().selectOption('WH-1');
    await page.getByRole('radio', { name: 'Choose orders' }).check();
    await page.getByRole('checkbox', { name: new RegExp(`Order #${order.number}\\b`) }).check();
    await assertAccessible(page, 'the waves page');
    await page.getByRole('button', { name: 'Create wave' }).click();
    await page.getByRole('heading', { name: /^Pick wave \d+$/, level: 1 }).waitFor();
    const pickList = page.getByRole('table', { name: 'Pick list' });
    await pickList.getByRole('cell', { name: MUG.bin, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Print pick list' }).waitFor();
    assert.match(await page.getByRole('link', { name: 'Print pick list' }).getAttribute('href') ?? '', /^\/v1\/pick-waves\/pkw_[^/]+\/pick-list\.pdf$/);

    // The scanner field has the focus: a code that is not on the wave is refused by the server...
    const scanner = page.getByLabel('SKU or barcode');
    await eventually(() => isFocused(scanner), 'the scanner field has the focus');
    await scan(page, 'CAP');
    await page.getByRole('alert').getByText('not_in_wave').waitFor();
    await page.getByRole('alert').getByText(/CAP is not on pick wave/).waitFor();
    // ...the barcode and then the SKU each add one unit, and the focus never leaves the field.
    await scan(page, MUG.barcode);
    await page.getByRole('status').getByText('1 of 2 picked').waitFor();
    assert.ok(await isFocused(scanner), 'the scanner keeps the focus after a scan');
    await scan(page, MUG.sku);
    await page.getByRole('status').getByText(/2 of 2 picked\. Line complete\./).waitFor();
    await pickList.getByText('Confirmed').waitFor();
    await assertAccessible(page, 'a wave being picked');
    await screenshot(page, 'fulfillment-wave-scanned');

    await page.getByRole('button', { name: 'Complete wave' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Complete wave' }).click();
    await page.getByRole('status').getByText(/Wave \d+ is completed\./).waitFor();
    const fo = (await suite.shop.api('GET', `/v1/fulfillment-orders?order=${order.number}`)).data[0];
    assert.equal(fo.status, 'picked');

    // Pack: the suggested box is chosen, the weight is computed from the catalog until a scale reading is typed.
    await page.getByRole('link', { name: 'Pack', exact: true }).click();
    await page.getByRole('heading', { name: 'Pack station', level: 1 }).waitFor();
    const packScanner = page.getByLabel('Scan item into package');
    await packScanner.waitFor();
    await eventually(() => isFocused(packScanner), 'the pack scanner has the focus');
    await page.getByText('Suggested: S', { exact: false }).waitFor();
    await scan(page, MUG.barcode);
    await scan(page, MUG.sku);
    await page.getByRole('status').getByText('2 unit(s) in this package').waitFor();
    await scan(page, MUG.sku);
    await page.getByRole('alert').getByText(/Every ready unit of MUG/).waitFor();
    const small = BOXES[0] as (typeof BOXES)[number];
    assert.equal(await page.getByLabel('Box').inputValue(), small.code);
    assert.equal(await page.getByLabel('Weight (g)').inputValue(), String(2 * MUG.weight_g + small.tare_weight_g));
    await screenshot(page, 'fulfillment-packing');
    await page.getByRole('button', { name: 'Create package (2 units)' }).click();
    await page.getByRole('status').getByText(`Package created: MUG × 2 in box ${small.code}.`).waitFor();
    await page.getByRole('table', { name: 'Packages' }).getByRole('cell', { name: 'MUG × 2' }).waitFor();
    await eventually(async () => (await suite.shop.api('GET', `/v1/fulfillment-orders/${fo.id}`)).status === 'packed', 'the fulfillment order is packed');
    assert.match(await page.getByRole('link', { name: 'Print packing slip' }).getAttribute('href') ?? '', new RegExp(`/v1/fulfillment-orders/${fo.id}/packing-slip\\.pdf$`));

    // Ship: the rates mark the cheapest and the fastest; the rate-table service buys a label.
    const ground = page.getByRole('radio', { name: /Ordo Ground/ });
    await ground.waitFor();
    assert.ok(await ground.isChecked(), 'the cheapest rate is preselected');
    await page.locator('label', { has: ground }).getByText('Cheapest').waitFor();
    await page.locator('label', { has: page.getByRole('radio', { name: /City Courier/ }) }).getByText('Fastest').waitFor();
    await assertAccessible(page, 'the pack station');
    await screenshot(page, 'fulfillment-pack-station');
    await page.getByRole('button', { name: /^Buy label/ }).click();
    const tracking = page.locator('.tracking-number').first();
    await tracking.waitFor();
    const trackingNumber = (await tracking.textContent())?.trim() ?? '';
    const shipment = (await suite.shop.api('GET', `/v1/shipments?order=${order.number}`)).data[0];
    assert.equal(trackingNumber, shipment.tracking_number);
    assert.ok(trackingNumber.length > 0);
    assert.equal(await page.getByRole('link', { name: 'Print label' }).getAttribute('href'), `/v1/shipments/${shipment.id}/label.pdf`);

    // The shipments list and the shipment show it; an event moves it along.
    await page.getByRole('link', { name: 'Shipments', exact: true }).click();
    await page.getByRole('heading', { name: 'Shipments', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Shipments' }).getByRole('link', { name: trackingNumber }).click();
    await page.getByRole('heading', { name: `Shipment ${trackingNumber}`, level: 1 }).waitFor();
    await page.getByLabel('Status').selectOption('in_transit');
    await page.getByLabel('Place (optional)').fill('Springfield hub');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('status').getByText('Event recorded; the shipment is now in transit.').waitFor();
    await page.getByText('Springfield hub').waitFor();
    assert.equal((await suite.shop.api('GET', `/v1/shipments/${shipment.id}`)).status, 'in_transit');
    await assertAccessible(page, 'a shipment');
    await screenshot(page, 'fulfillment-shipment');

    // The customer's tracking page (no sign-in) shows the same tracking number.
    const customer = await suite.newPage({ width: 390, height: 844 });
    await customer.goto(`${suite.shop.base}/track?order=${order.number}&email=${encodeURIComponent(CUSTOMER.email)}`);
    await customer.getByText(trackingNumber).first().waitFor();
    await customer.context().close();
    await page.context().close();
  });

  test('a short pick says what will happen before it is sent', async () => {
    const order = await placeOrder(suite.shop, [{ sku: 'CAP', quantity: 1 }]);
    const fo = (await suite.shop.api('GET', `/v1/fulfillment-orders?order=${order.number}`)).data[0];
    const wave = await suite.shop.api('POST', '/v1/pick-waves', { location: fo.location, fulfillment_orders: [fo.id] });
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signIn(page, suite.shop.base, `/fulfillment/waves/${wave.number}`);
    const found = page.getByLabel(/Units found of CAP/);
    await found.fill('0');
    await page.getByRole('button', { name: /Confirm CAP/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm a short pick?' });
    await dialog.getByText(/You found 0 of 1/).waitFor();
    await dialog.getByText(/reserved at another location that has them, or backordered/).waitFor();
    await dialog.getByRole('button', { name: 'Confirm 0 of 1' }).click();
    await page.getByRole('table', { name: 'Pick list' }).getByText('Short').waitFor();
    await eventually(() => isFocused(page.getByLabel('SKU or barcode')), 'the focus returns to the scanner');
    const movements = await suite.shop.api('GET', '/v1/inventory/movements?sku=CAP');
    assert.ok(movements.data.some((m: { reason: string }) => m.reason === 'short_pick'), 'the short pick is in the ledger');
    await page.context().close();
  });

  test('store pickup: ready for pickup, then picked up at the counter', async () => {
    const order = await placeOrder(suite.shop, [{ sku: 'TEE-M', quantity: 1 }], { delivery: { type: 'pickup', location: 'STORE-1' } });
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signIn(page, suite.shop.base, '/fulfillment/pickups?location=STORE-1');
    await page.getByRole('heading', { name: 'Pickups', level: 1 }).waitFor();
    await page.getByRole('button', { name: `Ready for pickup: order #${order.number}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ready for pickup' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} is ready for pickup; the customer is told.`).waitFor();
    const counter = page.getByRole('table', { name: 'Ready at the counter' });
    await counter.getByRole('link', { name: `#${order.number}` }).waitFor();
    await assertAccessible(page, 'pickups');
    await counter.getByRole('button', { name: `Picked up at the counter: order #${order.number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Hand over order #${order.number}?` });
    await dialog.getByLabel('Note (optional)').fill('ID checked');
    await dialog.getByRole('button', { name: 'Picked up at the counter' }).click();
    await page.getByRole('status').getByText(`Order #${order.number} was picked up at the counter.`).waitFor();
    const fo = (await suite.shop.api('GET', `/v1/fulfillment-orders?order=${order.number}`)).data[0];
    assert.equal(fo.status, 'picked_up');
    await page.context().close();
  });

  test('the fulfillment pages fit a phone (390 px) and pass axe-core when empty or listing', async () => {
    const page = await suite.newPage({ width: 390, height: 844 });
    await signIn(page, suite.shop.base, '/fulfillment/waves');
    for (const [path, heading] of [
      ['/fulfillment/waves', 'Pick waves'], ['/fulfillment/pack', 'Pack station'], ['/fulfillment/shipments', 'Shipments'], ['/fulfillment/pickups', 'Pickups'],
    ] as const) {
      await page.goto(suite.shop.base + path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: /Loading/ }).first().waitFor({ state: 'detached' }).catch(() => undefined);
      assert.equal(await horizontalOverflow(page), 0, `${path} is no wider than the phone`);
      await assertAccessible(page, `${path} at 390 px`);
    }
    // A wave and the pack bench of a picked order, each with its scanner, at the same width.
    const order = await placeOrder(suite.shop, [{ sku: 'MUG', quantity: 1 }]);
    const fo = (await suite.shop.api('GET', `/v1/fulfillment-orders?order=${order.number}`)).data[0];
    const wave = await suite.shop.api('POST', '/v1/pick-waves', { location: fo.location, fulfillment_orders: [fo.id] });
    await page.goto(`${suite.shop.base}/fulfillment/waves/${wave.number}`);
    await page.getByLabel('SKU or barcode').waitFor();
    assert.equal(await horizontalOverflow(page), 0, 'a wave is no wider than the phone');
    await assertAccessible(page, 'a wave at 390 px');
    await suite.shop.api('POST', `/v1/pick-waves/${wave.id}/scan`, { code: MUG.sku });
    await suite.shop.api('POST', `/v1/pick-waves/${wave.id}/complete`);
    await page.goto(`${suite.shop.base}/fulfillment/pack?fo=${fo.id}`);
    await page.getByLabel('Scan item into package').waitFor();
    await page.getByRole('radio', { name: /Ordo Ground/ }).waitFor();
    await screenshot(page, 'fulfillment-mobile-pack');
    assert.equal(await horizontalOverflow(page), 0, 'the pack bench is no wider than the phone');
    await assertAccessible(page, 'the pack bench at 390 px');

    await page.goto(`${suite.shop.base}/fulfillment/waves/99999`);
    await page.getByRole('alert').getByText(/Pick wave "99999" was not found/).waitFor();
    await screenshot(page, 'fulfillment-mobile-missing-wave');
    await page.context().close();
  });
});
