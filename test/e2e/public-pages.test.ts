// In a real browser, without signing in: the customer pages the shop's e-mails link to.
// An order is shipped and delivered through the API; its customer tracks it from the
// e-mail's link (and is refused with a wrong e-mail), asks to return an item, and
// answers the feedback survey once. Phone width first, then desktop; axe on each page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEFAULT_TENANT_ID } from '../../src/modules/access/index.ts';
import { offerSurvey } from '../../src/modules/surveys/index.ts';
import { axeViolations, eventually, horizontalOverflow, screenshot, SKIP_BROWSER } from './support/browser.ts';
import type { Shop } from './support/shop.ts';
import { withShopAndBrowser } from './support/suite.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const CUSTOMER = { email: 'rosa.park@example.com', name: 'Rosa Park' };

interface Delivered { id: string; number: string; trackingNumber: string; surveyToken: string }

/** An order of two lines, shipped with the rate-table carrier, in transit, then delivered. */
async function deliveredOrder(shop: Shop): Promise<Delivered> {
  const order = await shop.api('POST', '/v1/orders', {
    channel: 'web', external_id: 'E2E-PUBLIC-1', currency: 'USD', customer: CUSTOMER,
    shipping_address: { name: CUSTOMER.name, line1: '9 Birch Ln', city: 'Springfield', postal_code: '62701', country: 'US' },
    lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }], shipping: { method: 'standard', amount: 500 },
  });
  const fulfillment = await shop.api('GET', `/v1/fulfillment-orders?order=${order.number}`);
  assert.equal(fulfillment.data.length, 1, 'one warehouse holds both lines');
  const shipment = await shop.api('POST', `/v1/fulfillment-orders/${fulfillment.data[0].id}/shipments`, { service: 'GROUND' });
  assert.ok(shipment.tracking_number, 'the rate-table carrier issues a tracking number');
  await shop.api('POST', `/v1/shipments/${shipment.id}/events`, { status: 'in_transit', place: 'Joliet hub', description: 'Departed the sorting center' });
  await shop.api('POST', `/v1/shipments/${shipment.id}/events`, { status: 'delivered', place: 'Springfield', description: 'Left at the front door' });
  const survey = await offerSurvey(shop.ta.db.kysely, DEFAULT_TENANT_ID, order.id);
  return { id: order.id, number: String(order.number), trackingNumber: shipment.tracking_number, surveyToken: survey.token };
}

/** Fails on critical or serious axe-core findings; prints the others. */
async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe on ${what}`);
  if (violations.length > 0) console.log(`axe on ${what} (minor/moderate): ${violations.map((v) => v.id).join(', ')}`);
}

/** The text of the element that has the keyboard focus. */
const focusedText = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');

describe('web app: customer pages', { skip: SKIP_BROWSER }, () => {
  let order: Delivered;
  const suite = withShopAndBrowser(async (shop) => {
    await shop.api('POST', '/v1/carrier-services', {
      code: 'GROUND', name: 'Ordo Ground', carrier: 'rate_table', methods: ['standard'], transit_days: 5, currency: 'USD',
      config: { zones: [{ code: 'DOMESTIC', countries: ['US'] }], bands: [{ max_weight_g: 30_000, rates: { DOMESTIC: 700 } }] },
    });
    // shop.api's type lists the methods the other tests use; PUT goes through the same way.
    const put = shop.api as (method: string, url: string, body: unknown) => Promise<unknown>;
    await put('PUT', '/v1/settings/return-policy', { non_returnable_skus: ['MUG'] });
    order = await deliveredOrder(shop);
  });

  test('the tracking link from the e-mail opens the order on a phone, without signing in; a wrong e-mail is refused', async () => {
    const page = await suite.newPage(PHONE);
    const staffCalls: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/v1/auth/')) staffCalls.push(request.url()); });
    const link = `/track?order=${order.number}&email=${encodeURIComponent(CUSTOMER.email)}`;
    await page.goto(suite.shop.base + link);

    const result = page.getByRole('region', { name: `Order #${order.number}` });
    await result.waitFor();
    await result.getByText(order.trackingNumber, { exact: true }).waitFor();
    await result.getByText('Left at the front door').waitFor();
    await result.getByText('Joliet hub', { exact: false }).waitFor();
    const parcel = page.getByRole('article', { name: 'Your parcel' });
    assert.match(await parcel.textContent() ?? '', /Delivered/);
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'no staff shell');
    assert.deepEqual(staffCalls, [], 'the customer page never asks who is signed in');
    assert.equal(await horizontalOverflow(page), 0, 'nothing is wider than the phone');
    await assertAccessible(page, 'the tracking result');
    await screenshot(page, 'public-tracking-mobile');

    // The same form with a wrong e-mail: the refusal says so, and takes the focus.
    await page.getByLabel('E-mail', { exact: true }).fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Track order' }).click();
    const refusal = page.getByRole('heading', { name: 'We couldn\'t find an order with that number and e-mail' });
    await refusal.waitFor();
    await eventually(async () => (await focusedText(page)) === await refusal.textContent(), 'the refusal heading has the focus');
    assert.equal(await page.getByText(order.trackingNumber).count(), 0, 'nothing of the order is shown');
    assert.match(page.url(), /email=someone\.else%40example\.com/, 'the query is in the URL');
    await assertAccessible(page, 'the tracking refusal');
    await screenshot(page, 'public-tracking-not-found');

    // Back: the previous lookup, from the URL.
    await page.goBack();
    await result.getByText(order.trackingNumber, { exact: true }).waitFor();
    await page.context().close();
  });

  test('looks up by tracking number with the keyboard on a desktop screen', async () => {
    const page = await suite.newPage(DESKTOP);
    await page.goto(`${suite.shop.base}/track`);
    await page.getByRole('heading', { name: 'Track your order', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'A tracking number' }).check();
    await page.getByRole('textbox', { name: 'Tracking number' }).fill(order.trackingNumber);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Order #${order.number}` });
    await heading.waitFor();
    await eventually(async () => (await focusedText(page)) === `Order #${order.number}`, 'the result heading has the focus');
    assert.match(page.url(), new RegExp(`tracking_number=${order.trackingNumber}$`));
    await page.getByRole('list', { name: 'Progress' }).getByText('Delivered').waitFor();
    await assertAccessible(page, 'tracking on desktop');
    await screenshot(page, 'public-tracking-desktop');
    await page.context().close();
  });

  test('asks to return one tee; quantities are bounded by what may be returned, the mug is not returnable; a stale form shows the refusal', async () => {
    const page = await suite.newPage(PHONE);
    await page.goto(`${suite.shop.base}/returns/new`);
    await page.getByLabel('Order number', { exact: true }).fill(order.number);
    await page.getByLabel('E-mail', { exact: true }).fill(CUSTOMER.email);
    await page.getByRole('button', { name: 'Find my order' }).click();
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();

    // The mug is on the shop's non-returnable list: shown, with why, and no controls.
    const mug = page.getByRole('listitem').filter({ hasText: 'Stoneware mug' });
    await mug.getByText('This item cannot be returned').waitFor();
    assert.equal(await mug.getByRole('spinbutton').count(), 0);
    const quantity = page.getByRole('spinbutton', { name: 'Quantity to return' });
    const more = page.getByRole('button', { name: 'One more Organic tee, medium' });
    await more.click();
    await more.click();
    assert.equal(await quantity.inputValue(), '2');
    assert.equal(await more.isDisabled(), true, 'two tees were delivered: no third');
    await page.getByRole('button', { name: 'One fewer Organic tee, medium' }).click();
    assert.equal(await quantity.inputValue(), '1');
    await page.getByLabel('Reason').selectOption('too_small');
    await page.getByLabel('Anything else we should know? (optional)').fill('A size larger would be great.');
    assert.equal(await horizontalOverflow(page), 0);
    await assertAccessible(page, 'the return form');
    await screenshot(page, 'public-return-form');
    await page.getByRole('button', { name: 'Request return' }).click();

    const done = page.getByRole('heading', { name: /^Return #\d+ requested$/ });
    await done.waitFor();
    await eventually(async () => (await focusedText(page)) === await done.textContent(), 'the confirmation heading has the focus');
    const returns = await suite.shop.api('GET', `/v1/returns?order=${order.number}`);
    assert.equal(returns.data.length, 1);
    assert.equal(await done.textContent(), `Return #${returns.data[0].number} requested`);
    assert.deepEqual([returns.data[0].status, returns.data[0].items.map((i: { quantity: number; reason: string }) => [i.quantity, i.reason])], ['requested', [[1, 'too_small']]]);
    await screenshot(page, 'public-return-requested');

    // A form opened before the staff booked the last tee as returned is refused by the server.
    await page.goto(`${suite.shop.base}/returns/new?order=${order.number}&email=${encodeURIComponent(CUSTOMER.email)}`);
    await page.getByRole('button', { name: 'One more Organic tee, medium' }).click();
    await page.getByLabel('Reason').selectOption('damaged');
    const lines = (await suite.shop.api('GET', `/v1/orders/${order.id}`)).lines as { id: string; sku: string }[];
    const tee = lines.find((l) => l.sku === 'TEE-M');
    await suite.shop.api('POST', '/v1/returns', { order: order.number, items: [{ line_id: tee?.id, quantity: 1, reason: 'damaged' }] });
    await page.getByRole('button', { name: 'Request return' }).click();
    const refused = page.getByRole('heading', { name: 'That is more than can be returned' });
    await refused.waitFor();
    await eventually(async () => (await focusedText(page)) === await refused.textContent(), 'the refusal heading has the focus');
    await page.getByRole('alert').getByText(/Organic tee, medium: only 0 of TEE-M may be returned/).waitFor();
    await page.context().close();
  });

  test('the survey link: a star rating (real radios) and a comment, answered once', async () => {
    const page = await suite.newPage(PHONE);
    await page.goto(`${suite.shop.base}/survey/${order.surveyToken}`);
    await page.getByRole('heading', { name: 'How was your order?', level: 1 }).waitFor();
    await page.getByText(`Order #${order.number}`).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Stoneware mug' }).waitFor();
    const group = page.getByRole('group', { name: 'Your rating' });
    assert.equal(await group.getByRole('radio').count(), 5);
    // Keyboard: focus the first star, then arrow keys move through the group.
    await group.getByRole('radio', { name: /^1 star/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await group.getByRole('radio', { name: /^4 stars/ }).isChecked(), true);
    await page.getByLabel('Tell us more (optional)').fill('Soft tee, quick delivery.');
    await assertAccessible(page, 'the survey');
    assert.equal(await horizontalOverflow(page), 0);
    await screenshot(page, 'public-survey');
    await page.getByRole('button', { name: 'Send feedback' }).click();

    const thanks = page.getByRole('heading', { name: 'Thank you for your feedback' });
    await thanks.waitFor();
    await eventually(async () => (await focusedText(page)) === 'Thank you for your feedback', 'the thank-you heading has the focus');
    const row = await suite.shop.ta.db.kysely.selectFrom('surveys').select(['rating', 'comment']).where('order_id', '=', order.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { rating: 4, comment: 'Soft tee, quick delivery.' });

    // Opened again: already answered, no form.
    await page.reload();
    await page.getByText('This survey has already been answered.').waitFor();
    assert.equal(await page.getByRole('radio').count(), 0);

    // A broken link says so.
    await page.goto(`${suite.shop.base}/survey/not-a-real-token`);
    await page.getByRole('heading', { name: 'This survey link does not work' }).waitFor();
    await page.context().close();
  });
});
