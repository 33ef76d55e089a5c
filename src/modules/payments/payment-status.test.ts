// derivePaymentStatus: one case per status, and the precedence between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derivePaymentStatus } from '../orders/index.ts';

const p = (status: string, authorized: number, captured = 0, refunded = 0) => ({ status, authorized, captured, refunded });

test('pending: no payment, a payment waiting, or only declined ones', () => {
  assert.equal(derivePaymentStatus([], 100), 'pending');
  assert.equal(derivePaymentStatus([p('pending', 0)], 100), 'pending');
  assert.equal(derivePaymentStatus([p('declined', 0), p('failed', 0)], 100), 'pending');
});

test('authorized: an open authorization and nothing captured', () => {
  assert.equal(derivePaymentStatus([p('declined', 0), p('authorized', 100)], 100), 'authorized');
});

test('partially_paid and paid: captures against the order total', () => {
  assert.equal(derivePaymentStatus([p('partially_captured', 100, 40)], 100), 'partially_paid');
  assert.equal(derivePaymentStatus([p('captured', 60, 60), p('captured', 40, 40)], 100), 'paid');
  // After a partial cancel lowered the total, what was captured pays it.
  assert.equal(derivePaymentStatus([p('captured', 80, 80)], 80), 'paid');
});

test('partially_refunded and refunded: refunds speak first', () => {
  assert.equal(derivePaymentStatus([p('captured', 100, 100, 30)], 100), 'partially_refunded');
  assert.equal(derivePaymentStatus([p('captured', 100, 100, 100)], 100), 'refunded');
  assert.equal(derivePaymentStatus([p('captured', 50, 50, 50), p('captured', 50, 50)], 100), 'partially_refunded');
});

test('voided: authorizations released, nothing captured, nothing waiting', () => {
  assert.equal(derivePaymentStatus([p('voided', 0)], 100), 'voided');
  assert.equal(derivePaymentStatus([p('declined', 0), p('voided', 0)], 100), 'voided');
  assert.equal(derivePaymentStatus([p('voided', 0), p('pending', 0)], 100), 'pending');
});
