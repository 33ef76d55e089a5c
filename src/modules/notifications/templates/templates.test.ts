import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, formatMoney, html, link, orderConfirmedMail, orderShippedMail, refundIssuedMail, type MailOrder } from './index.ts';

const ORDER: MailOrder = {
  number: '1001', customerName: 'Ana Lima', currency: 'USD',
  lines: [{ name: 'T-shirt M', sku: 'TEE-M', quantity: 2, total: 3998 }],
  subtotal: 3998, discountTotal: 0, shippingTotal: 500, taxTotal: 0, total: 4498,
};

test('html escapes every interpolated string, whatever it holds', () => {
  fc.assert(fc.property(fc.string(), (text) => {
    const out = html`<p>${text}</p>`.value;
    assert.equal(out, `<p>${escapeHtml(text)}</p>`);
    assert.ok(!/[<>"']/.test(out.slice(3, -4)));
  }));
  assert.equal(html`<b>${html`<i>${'<x>'}</i>`}</b>`.value, '<b><i>&lt;x&gt;</i></b>', 'nested html stays markup');
  assert.equal(html`${['<a>', 1, null]}`.value, '&lt;a&gt;1');
  assert.equal(link('javascript:alert(1)', 'go').value, 'go', 'only http(s) links');
  assert.equal(link('https://x.test/?a=1&b="2"', 'go').value, '<a href="https://x.test/?a=1&amp;b=&quot;2&quot;">go</a>');
});

test('money is formatted exactly from minor units', () => {
  assert.equal(formatMoney(4498, 'USD'), '$44.98');
  assert.equal(formatMoney(5, 'USD'), '$0.05');
  assert.equal(formatMoney(123456789, 'USD'), '$1,234,567.89');
  assert.equal(formatMoney(1250, 'JPY'), '¥1,250');
  assert.match(formatMoney(1234, 'KWD'), /1\.234/);
  assert.match(formatMoney(1999, 'EUR'), /€19\.99/);
  fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (minor) => {
    const digits = formatMoney(minor, 'USD').replace(/[^0-9]/g, '');
    assert.equal(BigInt(digits), BigInt(minor));
  }));
});

test('mails carry their facts in both text and HTML', () => {
  const confirmed = orderConfirmedMail(ORDER, null);
  assert.equal(confirmed.subject, 'Order #1001 confirmed');
  assert.match(confirmed.text, /^Hi Ana,/);
  assert.match(confirmed.text, /2 × T-shirt M \(TEE-M\)  \$39\.98/);
  assert.match(confirmed.text, /Shipping: \$5\.00\nTotal: \$44\.98/);
  assert.match(confirmed.html, /<strong>\$44\.98<\/strong>/);
  const shipped = orderShippedMail({ ...ORDER, customerName: null }, { via: 'UPS Ground', trackingNumber: '1Z<9>', trackingUrl: 'https://shop.test/track?tracking_number=1Z%3C9%3E', items: [{ name: 'T-shirt M', quantity: 1 }] });
  assert.match(shipped.text, /^Hello,/);
  assert.match(shipped.text, /Carrier: UPS Ground\nTracking number: 1Z<9>/);
  assert.match(shipped.text, /In this parcel:\n1 × T-shirt M/);
  assert.ok(shipped.html.includes('<li>1 × T-shirt M</li>'));
  assert.ok(shipped.html.includes('Tracking number: <strong>1Z&lt;9&gt;</strong>'));
  assert.ok(shipped.html.includes('href="https://shop.test/track?tracking_number=1Z%3C9%3E"'));
  assert.equal(refundIssuedMail(ORDER, 1250, 'USD').subject, 'Refund of $12.50 for order #1001');
});
