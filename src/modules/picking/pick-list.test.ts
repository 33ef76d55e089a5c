import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareBins, isValidBin } from './bins.ts';
import { planPickList, sharePicked, type WaveAllocation } from './pick-list.ts';

test('bins sort naturally: numbers as numbers, no bin last', () => {
  const bins = ['B-1-1', 'A-10-1', null, 'A-2-10', 'A-2-9', 'a-3', 'A-02-1'];
  assert.deepEqual([...bins].sort(compareBins), ['A-02-1', 'A-2-9', 'A-2-10', 'a-3', 'A-10-1', 'B-1-1', null]);
  assert.ok(isValidBin('A-03-2'));
  for (const bad of ['', 'A 1', 'A_1', 'x'.repeat(33), 'Ä-1']) assert.ok(!isValidBin(bad), bad);
});

test('compareBins is a total order (antisymmetric, transitive on samples)', () => {
  const bin = fc.option(fc.stringMatching(/^[A-C0-9-]{1,6}$/), { nil: null });
  fc.assert(fc.property(bin, bin, bin, (a, b, c) => {
    assert.ok(Math.sign(compareBins(a, b)) === -Math.sign(compareBins(b, a)));
    if (compareBins(a, b) <= 0 && compareBins(b, c) <= 0) assert.ok(compareBins(a, c) <= 0);
  }));
});

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute));
const alloc = (id: string, sku: string, bin: string | null, quantity: number, minute: number): WaveAllocation =>
  ({ id, productId: `prd_${sku}`, sku, bin, quantity, orderCreatedAt: at(minute), orderNumber: 1000 + minute });

test('the pick list has one line per SKU and bin, summed, in walking order', () => {
  const lines = planPickList([
    alloc('a1', 'MUG', 'A-10-1', 1, 1), alloc('a2', 'TEE', 'A-2-1', 2, 1), alloc('a3', 'MUG', 'A-10-1', 3, 2),
    alloc('a4', 'CAP', null, 1, 3), alloc('a5', 'BAG', 'A-2-1', 1, 3),
  ]);
  assert.deepEqual(lines.map((l) => [l.position, l.sku, l.bin, l.quantity]), [
    [0, 'BAG', 'A-2-1', 1], [1, 'TEE', 'A-2-1', 2], [2, 'MUG', 'A-10-1', 4], [3, 'CAP', null, 1],
  ]);
});

test('picked units go to the oldest orders; the newest lose first', () => {
  const holdings = [
    { id: 'new', quantity: 2, orderCreatedAt: at(9), orderNumber: 1009 },
    { id: 'old', quantity: 3, orderCreatedAt: at(1), orderNumber: 1001 },
  ];
  assert.deepEqual(sharePicked(holdings, 4), [{ id: 'old', picked: 3, missing: 0 }, { id: 'new', picked: 1, missing: 1 }]);
  assert.deepEqual(sharePicked(holdings, 0), [{ id: 'old', picked: 0, missing: 3 }, { id: 'new', picked: 0, missing: 2 }]);
  assert.deepEqual(sharePicked(holdings, 9), [{ id: 'old', picked: 3, missing: 0 }, { id: 'new', picked: 2, missing: 0 }]);
});

test('sharing conserves units: picked + missing = need, picked = min(picked, need)', () => {
  const holding = fc.record({ id: fc.uuid(), quantity: fc.integer({ min: 1, max: 20 }), orderCreatedAt: fc.date({ noInvalidDate: true }), orderNumber: fc.nat() });
  fc.assert(fc.property(fc.array(holding, { maxLength: 8 }), fc.nat({ max: 200 }), (holdings, picked) => {
    const shares = sharePicked(holdings, picked);
    const need = holdings.reduce((n, h) => n + h.quantity, 0);
    assert.equal(shares.reduce((n, s) => n + s.picked, 0), Math.min(picked, need));
    assert.equal(shares.reduce((n, s) => n + s.picked + s.missing, 0), need);
    assert.ok(shares.every((s) => s.picked >= 0 && s.missing >= 0));
  }));
});
