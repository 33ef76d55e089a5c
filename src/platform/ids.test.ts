import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTime, isValid } from 'ulid';
import { hasPrefix, newId, nextUlid } from './ids.ts';

describe('ids', () => {
  it('are valid ULIDs carrying the time they were made at', () => {
    const at = Date.UTC(2026, 10, 27, 9, 30);
    const body = nextUlid(at + 10_000_000); // later than anything made before in this process
    assert.equal(body.length, 26);
    assert.ok(isValid(body.toUpperCase()), body);
    assert.equal(decodeTime(body.toUpperCase()), at + 10_000_000);
  });

  it('sort in the order they were made, also within one millisecond and for an earlier time', () => {
    const ids = [];
    for (let i = 0; i < 5000; i++) ids.push(newId('ord'));
    ids.push(newId('ord', 1_000)); // an earlier time keeps the last time and counts up
    const sorted = [...ids].sort();
    assert.deepEqual(sorted, ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carries its prefix', () => {
    const id = newId('ful');
    assert.ok(hasPrefix(id, 'ful'));
    assert.ok(!hasPrefix(id, 'ord'));
    assert.match(id, /^ful_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('refuses a time outside the 48-bit range', () => {
    assert.throws(() => nextUlid(-1), RangeError);
    assert.throws(() => nextUlid(2 ** 48), RangeError);
  });
});
