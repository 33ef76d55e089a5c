import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isTopicPattern, topicMatches } from './topics.ts';
import { nextAttemptAt, retryDelayMs } from './backoff.ts';

test('topic patterns: exact, prefix.* and *', () => {
  assert.ok(topicMatches('order.created', 'order.created'));
  assert.ok(!topicMatches('order.created', 'order.canceled'));
  assert.ok(topicMatches('order.*', 'order.ready_for_pickup'));
  assert.ok(!topicMatches('order.*', 'orders.created'));
  assert.ok(!topicMatches('order.*', 'order'));
  assert.ok(topicMatches('*', 'refund.issued'));
  for (const good of ['*', 'order.*', 'order.created', 'shipment.delivered', 'a.b.c.*']) assert.ok(isTopicPattern(good), good);
  for (const bad of ['', 'Order.created', 'order.*.x', 'order..x', '.order', 'order.', '**', 'order.>', 'order created']) assert.ok(!isTopicPattern(bad), bad);
});

test('a prefix pattern matches exactly the topics under it', () => {
  const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
  fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.array(segment, { minLength: 1, maxLength: 3 }), (prefix, topic) => {
    const pattern = `${prefix.join('.')}.*`;
    const full = topic.join('.');
    const under = topic.length > prefix.length && prefix.every((p, i) => topic[i] === p);
    assert.equal(topicMatches(pattern, full), under);
  }));
});

test('backoff doubles from the base up to the cap, with at most 10% jitter, and gives up after the last attempt', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000, attemptsMax: 5 };
  assert.deepEqual([1, 2, 3, 4, 7, 40].map((n) => retryDelayMs(policy, n, () => 0)), [1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempts, r) => {
    const delay = retryDelayMs(policy, attempts, () => r);
    const plain = retryDelayMs(policy, attempts, () => 0);
    assert.ok(delay >= plain && delay <= Math.round(plain * 1.1));
  }));
  const now = new Date('2030-01-01T00:00:00Z');
  assert.equal(nextAttemptAt(policy, 4, now, () => 0)?.toISOString(), '2030-01-01T00:00:08.000Z');
  assert.equal(nextAttemptAt(policy, 5, now), null);
});
