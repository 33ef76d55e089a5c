import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatTrackingNumber, isValidTrackingNumber, luhnCheckDigit } from './tracking-number.ts';

test('tracking numbers are ORD + 12 digits ending in a Luhn check digit', () => {
  assert.equal(formatTrackingNumber(1), 'ORD000000000018');
  assert.equal(luhnCheckDigit('7992739871'), 3); // the textbook Luhn example
  assert.equal(isValidTrackingNumber('ORD000000000018'), true);
  assert.throws(() => formatTrackingNumber(0));
  assert.throws(() => formatTrackingNumber(1e11));
});

test('every issued number validates; any single wrong digit is caught', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.integer({ min: 3, max: 14 }), fc.integer({ min: 1, max: 9 }), (serial, at, bump) => {
    const good = formatTrackingNumber(serial);
    assert.equal(good.length, 15);
    assert.equal(isValidTrackingNumber(good), true);
    const wrong = good.slice(0, at) + String((Number(good[at]) + bump) % 10) + good.slice(at + 1);
    assert.equal(isValidTrackingNumber(wrong), false);
  }));
});
