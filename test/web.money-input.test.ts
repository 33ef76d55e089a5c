// The web app reads typed money exactly: decimals become minor units by string arithmetic,
// with the currency's own minor digits, and anything ambiguous is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { minorDigits, minorToInput, parseMoneyInput } from '../web/src/ui/money-input.ts';

const minor = (text: string, currency = 'USD') => {
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? parsed.minor : parsed.message;
};

test('decimals become exact minor units', () => {
  assert.equal(minor('12.50'), 1250);
  assert.equal(minor('12,5'), 1250);
  assert.equal(minor(' 0.07 '), 7);
  assert.equal(minor('0.29'), 29, 'a float would give 28.999…');
  assert.equal(minor('1.1'), 110);
  assert.equal(minor('19.99'), 1999);
  assert.equal(minor('7'), 700);
  assert.equal(minor('7.'), 700);
  assert.equal(minor('1500', 'JPY'), 1500);
  assert.equal(minor('1.250', 'KWD'), 1250);
});

test('ambiguous or malformed amounts are refused with a message', () => {
  for (const text of ['', '-1', '1,250.00', '1.234', 'abc', '1e3', '12.5.0', '$12']) {
    assert.equal(typeof minor(text), 'string', text);
  }
  assert.match(String(minor('15.5', 'JPY')), /no minor unit/);
  assert.equal(typeof minor('99999999999999999999'), 'string', 'beyond a safe integer');
});

test('minor digits come from the currency', () => {
  assert.deepEqual(['USD', 'EUR', 'JPY', 'KWD'].map(minorDigits), [2, 2, 0, 3]);
});

test('the input text of an amount reads back as the same amount', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.constantFrom('USD', 'JPY', 'KWD'), (amount, currency) => {
    assert.equal(minor(minorToInput(amount, currency), currency), amount);
  }));
  assert.equal(minorToInput(5, 'USD'), '0.05');
  assert.equal(minorToInput(123456, 'USD'), '1234.56');
});
