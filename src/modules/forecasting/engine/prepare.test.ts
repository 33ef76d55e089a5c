import { test } from 'node:test';
import assert from 'node:assert/strict';
import { degeneracy, prepareSeries } from './prepare.ts';

test('leading gaps are trimmed, interior gaps interpolated, trailing gaps carried forward', () => {
  const p = prepareSeries([null, NaN, 2, null, null, 8, 3, undefined]);
  assert.deepEqual(p.values, [2, 4, 6, 8, 3, 3]);
  assert.equal(p.trimmedLeading, 2);
  assert.equal(p.interpolated, 2);
  assert.equal(p.carriedForward, 1);
});

test('an all-missing series becomes empty', () => {
  assert.deepEqual(prepareSeries([null, null]).values, []);
  assert.deepEqual(prepareSeries([]).values, []);
});

test('degeneracy recognises empty, zero, constant and short series', () => {
  assert.equal(degeneracy([], 4), 'empty');
  assert.equal(degeneracy([0, 0, 0, 0, 0], 4), 'zero');
  assert.equal(degeneracy([7, 7, 7, 7, 7], 4), 'constant');
  assert.equal(degeneracy([1, 2], 4), 'short');
  assert.equal(degeneracy([1, 2, 3, 4], 4), null);
});
