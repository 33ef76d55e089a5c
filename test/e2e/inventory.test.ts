// In a real browser: adjust stock with a reason and see the new level, the table and
// the movement history follow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withShopAndBrowser } from './support/suite.ts';
import { eventually, isFocused, screenshot, signIn, SKIP_BROWSER } from './support/browser.ts';

describe('web app: inventory', { skip: SKIP_BROWSER }, () => {
  const suite = withShopAndBrowser();

  test('an adjustment shows the new level and lands in the movement history', async () => {
    const before = (await suite.shop.api('GET', '/v1/inventory/levels?sku=CAP&location=WH-1')).data[0];
    const page = await suite.newPage({ width: 1280, height: 900 });
    await signIn(page, suite.shop.base, '/inventory?sku=CAP');
    const levels = page.getByRole('table', { name: 'Inventory levels' });
    await levels.getByRole('row').nth(1).waitFor();
    await levels.getByRole('button', { name: 'Adjust CAP at WH-1' }).click();
    // The form is filled from the row and the focus waits in "Change".
    const change = page.getByLabel('Change');
    await eventually(async () => (await page.getByLabel('SKU', { exact: true }).last().inputValue()) === 'CAP', 'the form has the row\'s SKU');
    await eventually(() => isFocused(change), 'focus moves to the change field');
    await change.fill('12');
    await page.getByLabel('Reason').selectOption('receipt');
    await page.getByLabel('Note (optional)').fill('Delivery from supplier');
    await page.getByRole('button', { name: 'Save adjustment' }).click();

    const expected = { on_hand: before.on_hand + 12, available: before.available + 12 };
    await page.getByRole('status').getByText(`${expected.on_hand} on hand, ${before.reserved} reserved, ${expected.available} available`).waitFor();
    await levels.getByRole('cell', { name: String(expected.on_hand), exact: true }).waitFor();
    const history = page.getByRole('table', { name: 'Stock movements' });
    await history.getByText('Delivery from supplier').waitFor();
    await history.getByRole('cell', { name: '+12', exact: true }).waitFor();
    assert.equal((await suite.shop.api('GET', '/v1/inventory/levels?sku=CAP&location=WH-1')).data[0].on_hand, expected.on_hand);
    await screenshot(page, 'inventory-adjusted');

    // A removal beyond what is unreserved is refused by the server, in its words.
    await page.getByLabel('Change').fill(String(-(expected.on_hand + 5)));
    await page.getByLabel('Reason').selectOption('loss');
    await page.getByRole('button', { name: 'Save adjustment' }).click();
    await page.getByRole('alert').getByText('insufficient_inventory').waitFor();
    await page.getByRole('alert').getByText(/Cannot remove \d+ of CAP at WH-1/).waitFor();
    await page.context().close();
  });
});
