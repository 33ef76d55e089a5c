import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { edgesFit, FILL_FACTOR, suggestBox, type SuggestBox, type SuggestItem } from './box-suggestion.ts';

const box = (code: string, l: number, w: number, h: number, max = 10_000, tare = 100): SuggestBox =>
  ({ code, name: code, length_mm: l, width_mm: w, height_mm: h, max_weight_g: max, tare_weight_g: tare });
const item = (sku: string, quantity: number, weight: number | null, dims: [number, number, number] | null): SuggestItem =>
  ({ sku, quantity, weight_g: weight, length_mm: dims?.[0] ?? null, width_mm: dims?.[1] ?? null, height_mm: dims?.[2] ?? null });

const BOXES = [box('L', 600, 400, 400, 20_000, 500), box('S', 200, 150, 100, 2_000), box('M', 400, 300, 200, 10_000, 250), box('LONG', 1000, 100, 100, 5_000)];

test('the smallest box whose volume, longest edge and weight hold the items', () => {
  const s = suggestBox([item('TEE', 2, 200, [250, 200, 20])], BOXES);
  // The volume fits S, but a 250 mm edge does not; LONG's 100 mm cross-section does not take 200 mm: M.
  assert.equal(s.box?.code, 'M');
  assert.equal(s.basis, 'dimensions_and_weight');
  assert.deepEqual(s.items, { units: 2, weight_g: 400, volume_mm3: 2_000_000, longest_edge_mm: 250 });
  assert.equal(suggestBox([item('PEN', 1, 20, [140, 10, 10])], BOXES).box?.code, 'S');
  assert.equal(suggestBox([item('ROD', 1, 900, [950, 30, 30])], BOXES).box?.code, 'LONG');
  // Weight over every box but L's limit (tare counts).
  assert.equal(suggestBox([item('IRON', 1, 9_800, [100, 100, 100])], BOXES).box?.code, 'L');
  assert.equal(suggestBox([item('ANVIL', 1, 19_600, [100, 100, 100])], BOXES).box, null);
});

test('without dimensions it judges by weight only and says so', () => {
  const s = suggestBox([item('MUG', 3, 400, null), item('TEE', 1, null, [250, 200, 20])], BOXES);
  assert.equal(s.basis, 'weight_only');
  assert.deepEqual(s.missing_dimensions, ['MUG']);
  assert.deepEqual(s.missing_weights, ['TEE']);
  assert.equal(s.box?.code, 'S');
  assert.match(s.reason, /no dimensions for MUG: chosen by weight only/);
  assert.match(suggestBox([item('MUG', 1, 100, null)], []).reason, /^no active boxes are set up/);
});

test('a suggested box always holds the items; no smaller box does', () => {
  const dims = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }));
  const items = fc.array(fc.record({ q: fc.integer({ min: 1, max: 5 }), w: fc.integer({ min: 0, max: 3000 }), d: dims }), { minLength: 1, maxLength: 5 });
  const boxes = fc.array(fc.record({ d: dims, max: fc.integer({ min: 1, max: 20_000 }), tare: fc.integer({ min: 0, max: 500 }) }), { maxLength: 6 });
  fc.assert(fc.property(items, boxes, (its, bxs) => {
    const list = its.map((i, n) => item(`S${n}`, i.q, i.w, i.d));
    const candidates = bxs.map((b, n) => box(`B${n}`, ...b.d, b.max, b.tare));
    const s = suggestBox(list, candidates);
    const volume = list.reduce((n, i) => n + (i.length_mm ?? 0) * (i.width_mm ?? 0) * (i.height_mm ?? 0) * i.quantity, 0);
    const holds = (b: SuggestBox) => s.items.weight_g + b.tare_weight_g <= b.max_weight_g && volume <= b.length_mm * b.width_mm * b.height_mm * FILL_FACTOR
      && list.every((i) => edgesFit(i, b)) && (s.items.longest_edge_mm ?? 0) <= Math.max(b.length_mm, b.width_mm, b.height_mm);
    const vol = (b: SuggestBox) => b.length_mm * b.width_mm * b.height_mm;
    if (s.box) {
      assert.ok(holds(s.box));
      assert.ok(candidates.filter(holds).every((b) => vol(b) >= vol(s.box as SuggestBox)));
    } else {
      assert.ok(!candidates.some(holds));
    }
  }));
});
