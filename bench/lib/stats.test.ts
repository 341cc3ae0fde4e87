import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { median } from './stats.js';

describe('bench statistics', () => {
  it('median: the middle value, the mean of the middle two for an even count, NaN for none; the input stays as it was', () => {
    const xs = [5, 1, 3];
    assert.equal(median(xs), 3);
    assert.deepEqual(xs, [5, 1, 3]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.ok(Number.isNaN(median([])));
  });
});
