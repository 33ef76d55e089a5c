import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, periodSeries, utcDay } from './demand-calendar.ts';

test('day arithmetic stays in UTC across month and leap-year ends', () => {
  assert.equal(utcDay(new Date('2024-02-28T23:59:59.999Z')), '2024-02-28');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(daysBetween('2023-12-25', '2024-01-08'), 14);
});

test('periods end the day before as-of, start at the oldest demand, and fill quiet weeks with zero', () => {
  const asOf = '2024-03-15';
  const series = periodSeries([
    { day: '2024-03-14', quantity: 3, orders: 1 }, // age 1: period 0
    { day: '2024-03-08', quantity: 2, orders: 2 }, // age 7: period 0
    { day: '2024-03-07', quantity: 5, orders: 1 }, // age 8: period 1
    { day: '2024-02-20', quantity: 4, orders: 4 }, // age 24: period 3
    { day: '2024-03-15', quantity: 9, orders: 9 }, // today: not over, ignored
  ], asOf, 7, 52);
  assert.deepEqual(series.quantities, [4, 0, 5, 5]);
  assert.deepEqual(series.orders, [4, 0, 1, 3]);
  assert.deepEqual(series.starts, ['2024-02-16', '2024-02-23', '2024-03-01', '2024-03-08']);
});

test('nothing sold means no history, and history older than the window is dropped', () => {
  assert.deepEqual(periodSeries([], '2024-03-15', 7, 52).quantities, []);
  assert.deepEqual(periodSeries([{ day: '2023-01-01', quantity: 1, orders: 1 }, { day: '2024-03-10', quantity: 2, orders: 1 }], '2024-03-15', 7, 2).quantities, [2]);
});
