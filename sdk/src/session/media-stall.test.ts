// The stall decision: media that stands still for 1.5 s is a loss; flowing again ends it; a
// frozen page's long gap and "nothing expected" are never a loss.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StallDetector } from './media-stall.js';

function run(samples: Array<[number | undefined, number]>, stallMs = 1500): Array<boolean | undefined> {
  const d = new StallDetector(stallMs);
  return samples.map(([count, at]) => d.sample(count, at));
}

describe('StallDetector', () => {
  it('reports a stall once the count stands still for the stall time, and the recovery', () => {
    const changes = run([[10, 0], [20, 250], [30, 500], [30, 750], [30, 1000], [30, 1500], [30, 2000], [30, 2250], [30, 2500], [40, 2750], [50, 3000]]);
    // still from 500 ms on: a stall at 2000 ms; flowing again at 2750 ms
    assert.deepEqual(changes, [undefined, undefined, undefined, undefined, undefined, undefined, true, undefined, undefined, false, undefined]);
  });

  it('no tracks to receive is never a stall', () => {
    const changes = run(Array.from({ length: 40 }, (_, i) => [undefined, i * 250] as [undefined, number]));
    assert.ok(changes.every((c) => c === undefined));
  });

  it('a long gap between samples (a frozen or throttled page) restarts the wait', () => {
    const changes = run([[5, 0], [5, 2000], [5, 2250], [5, 2500], [5, 4000], [5, 4500], [5, 5000], [5, 5500]]);
    assert.deepEqual(changes, [undefined, undefined, undefined, undefined, undefined, undefined, undefined, true]);
  });

  it('losing the tracks while stalled ends the stall', () => {
    const changes = run([[5, 0], [5, 500], [5, 1000], [5, 1500], [undefined, 1750]]);
    assert.deepEqual(changes, [undefined, undefined, undefined, true, false]);
  });
});
