import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastReturnDay, windowEndsAt, withinWindow } from './return-window.ts';

test('the window runs through the end of delivery day + N, in UTC calendar days', () => {
  const delivered = new Date('2024-03-01T22:30:00Z');
  assert.equal(lastReturnDay(delivered, 30), '2024-03-31');
  assert.equal(windowEndsAt(delivered, 30), '2024-03-31T23:59:59.999Z');
  assert.equal(withinWindow(new Date('2024-03-31T23:59:59.999Z'), delivered, 30), true, 'the last day is in');
  assert.equal(withinWindow(new Date('2024-04-01T00:00:00.000Z'), delivered, 30), false, 'the day after is out');
  assert.equal(withinWindow(new Date('2024-03-01T22:31:00Z'), delivered, 0), true, 'window 0: the delivery day');
  assert.equal(withinWindow(new Date('2024-03-02T00:00:00Z'), delivered, 0), false);
});

test('leap days and month ends count as ordinary days', () => {
  assert.equal(lastReturnDay(new Date('2024-02-28T08:00:00Z'), 1), '2024-02-29');
  assert.equal(lastReturnDay(new Date('2023-02-28T08:00:00Z'), 1), '2023-03-01');
  assert.equal(lastReturnDay(new Date('2024-12-31T23:59:59Z'), 1), '2025-01-01');
});
