// The carrier scans the demo plans for a parcel: in order, never ahead of the clock,
// delivered only after departing, and recent parcels still on their way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { trackingPlan } from './demo-tracking.ts';
import { prng, DAY_MS } from './prng.ts';

const NOW = Date.UTC(2030, 2, 4, 12);

test('scans are in time order, not in the future, and a delivery comes after the departure', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 90 * 24 }), fc.integer({ min: 1, max: 6 }), (seed, hoursAgo, transitDays) => {
    const events = trackingPlan(prng(seed), { placedAt: new Date(NOW - hoursAgo * 3_600_000), transitDays, from: 'Newark', to: 'Boston', now: NOW });
    const times = events.map((e) => e.at.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(times.every((t) => t <= NOW));
    const delivered = events.findIndex((e) => e.status === 'delivered');
    if (delivered >= 0) {
      assert.equal(delivered, events.length - 1);
      assert.equal(events[0]?.status, 'in_transit');
    }
  }));
});

test('old parcels are delivered with departure and delivery scans only; a parcel of today has none yet', () => {
  const old = trackingPlan(prng(7), { placedAt: new Date(NOW - 60 * DAY_MS), transitDays: 4, from: 'Reno', to: 'Denver', now: NOW });
  assert.deepEqual(old.map((e) => e.status), ['in_transit', 'delivered']);
  assert.deepEqual(trackingPlan(prng(7), { placedAt: new Date(NOW - 3_600_000), transitDays: 4, from: 'Reno', to: 'Denver', now: NOW }), []);
  const recent = trackingPlan(prng(7), { placedAt: new Date(NOW - 10 * DAY_MS), transitDays: 2, from: 'Reno', to: 'Denver', now: NOW });
  assert.ok(recent.some((e) => e.status === 'out_for_delivery') && recent.at(-1)?.status === 'delivered');
});
