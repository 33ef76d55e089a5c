// In a real browser: a product's forecast chart after a forecasting pass, then a draft
// purchase order from a replenishment suggestion, listed and submitted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TENANT_ID } from '../../src/modules/access/index.ts';
import { addDays, runForecastingPass, runForecasts, utcDay } from '../../src/modules/forecasting/index.ts';
import { withShopAndBrowser } from './support/suite.ts';
import { screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

const HISTORY_DAYS = 8 * 7;

describe('web app: forecasting and replenishment', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser(async (shop) => {
    await shop.api('POST', '/v1/suppliers', { code: 'ACME', name: 'Acme Supplies', currency: 'USD', lead_time_days: 14 });
    // shop.api's type lists the methods the other tests use; PUT goes through the same way.
    const put = shop.api as (method: string, url: string, body: unknown) => Promise<unknown>;
    await put('PUT', '/v1/replenishment/products/CAP', { supplier: 'ACME', unit_cost: 800 });
    // The first pass builds the demand history from today's orders; then eight weeks of
    // past demand for CAP at WH-1 (2 to 4 a day) and the forecasts over them.
    const db = shop.ta.db.kysely;
    await runForecastingPass(db, { tenantId: DEFAULT_TENANT_ID });
    const product = await db.selectFrom('products').select('id').where('tenant_id', '=', DEFAULT_TENANT_ID).where('sku', '=', 'CAP').executeTakeFirstOrThrow();
    const location = await db.selectFrom('locations').select('id').where('tenant_id', '=', DEFAULT_TENANT_ID).where('code', '=', 'WH-1').executeTakeFirstOrThrow();
    const today = utcDay(new Date());
    await db.insertInto('demand_daily').values(Array.from({ length: HISTORY_DAYS }, (_, i) => ({
      tenant_id: DEFAULT_TENANT_ID, product_id: product.id, location_id: location.id, day: addDays(today, -(i + 1)), quantity: 2 + (i % 3), orders: 1,
    }))).execute();
    const run = await runForecasts(db, DEFAULT_TENANT_ID);
    assert.ok(run.items >= 1);
  });

  test('the product page charts the forecast; a suggestion becomes a purchase order', async () => {
    const { shop } = suite;
    const page = await suite.newPage({ width: 1440, height: 900 });
    await signIn(page, shop.base, '/products');
    await page.getByRole('link', { name: 'CAP', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /CAP · Canvas cap/ }).waitFor();
    await page.getByLabel('Location', { exact: true }).selectOption('WH-1');

    const expected = await shop.api('GET', '/v1/forecasts/CAP?location=WH-1');
    const chart = page.getByRole('figure', { name: 'Forecast of CAP at WH-1' });
    await chart.waitFor();
    await page.getByTestId('forecast-chart').locator('svg.recharts-surface').first().waitFor();
    assert.equal(await page.getByTestId('forecast-method').textContent(), expected.method);
    await page.getByText(/MAE [\d.]+ · MASE/).waitFor();
    await chart.getByText('Show the numbers').click();
    const numbers = page.getByRole('table', { name: 'Forecast of CAP at WH-1 numbers' });
    assert.equal(await numbers.locator('tbody tr').count(), expected.history.length + expected.forecast.length);
    await screenshot(page, 'forecast-cap');

    // Another SKU with no demand: the empty state.
    await page.goto(`${shop.base}/products/MUG?location=STORE-1`);
    await page.getByText('No forecast yet — runs hourly.').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Replenishment' }).click();
    const suggestions = page.getByRole('table', { name: 'Replenishment suggestions' });
    await suggestions.getByRole('row').nth(1).waitFor();
    const cap = (await shop.api('GET', '/v1/replenishment?sku=CAP&location=WH-1')).data[0];
    assert.ok(cap.suggested_quantity > 0, JSON.stringify(cap));
    // Most urgent first: the first row is CAP's (stock 3, demand ~3 a day).
    assert.match((await suggestions.getByRole('row').nth(1).textContent()) ?? '', /CAP/);
    await page.getByRole('checkbox', { name: 'Select CAP at WH-1' }).check();
    await page.getByRole('button', { name: 'Create purchase order' }).click();
    await page.getByRole('status').getByText(/Draft purchase order #\d+ created for Acme Supplies/).waitFor();
    const orders = page.getByRole('table', { name: 'Purchase orders' });
    await orders.getByRole('cell', { name: `${cap.suggested_quantity} × CAP`, exact: true }).waitFor();
    const listed = (await shop.api('GET', '/v1/purchase-orders')).data;
    assert.equal(listed.length, 1);
    assert.deepEqual([listed[0].status, listed[0].supplier.code, listed[0].lines[0].quantity], ['draft', 'ACME', cap.suggested_quantity]);

    // Submitting it moves it to ordered and the suggestion counts it as on order.
    await orders.getByRole('button', { name: `Submit purchase order ${listed[0].number}` }).click();
    await orders.getByText('Ordered', { exact: true }).waitFor();
    await orders.getByRole('button', { name: `Receive purchase order ${listed[0].number}` }).waitFor();
    await screenshot(page, 'replenishment');
    await page.context().close();
  });
});
