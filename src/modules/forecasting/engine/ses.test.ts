import { test } from 'node:test';
import assert from 'node:assert/strict';
import { naive } from './naive.ts';
import { ses } from './ses.ts';

test('SES with α = 1 is the naive forecast', () => {
  const y = [12, 15, 11, 19, 14, 17, 13];
  const a = ses(y, { horizon: 4, season: 1, alpha: 1 });
  const b = naive(y, { horizon: 4, season: 1 });
  assert.equal(a.method, 'ses');
  for (let h = 0; h < 4; h++) assert.ok(Math.abs((a.point[h] ?? 0) - (b.point[h] ?? 0)) < 1e-9);
});

test('SES forecast is flat and lies within the range of the data', () => {
  const y = [20, 22, 19, 24, 21, 23, 20, 22];
  const r = ses(y, { horizon: 5, season: 1 });
  assert.ok(r.point.every((v) => v === r.point[0]));
  assert.ok((r.point[0] ?? 0) >= 19 && (r.point[0] ?? 0) <= 24);
});

test('SES on a too-short series falls back to naive and says so', () => {
  const r = ses([4, 6], { horizon: 2, season: 1 });
  assert.equal(r.method, 'naive');
  assert.ok(r.notes?.some((n) => n.includes('naive')));
});
