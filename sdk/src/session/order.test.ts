// Tile order for 1..50 participants: screen share first, then the active speaker, raised hands by
// time, then join order; and tiles already on screen keep their places.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeSpeaker, keepPlaces, orderParticipants } from './order.js';
import type { ParticipantState } from './types.js';

function person(i: number, extra: Partial<ParticipantState> = {}): ParticipantState {
  return { identity: `p${String(i).padStart(2, '0')}`, name: `P ${i}`, isLocal: i === 0, guest: false, moderator: false, speaking: false, quality: 'good', joinedAt: 1000 + i, ...extra };
}
const ids = (list: readonly ParticipantState[]) => list.map((p) => p.identity);
const screen = { sid: 'S', muted: false };

describe('orderParticipants', () => {
  it('keeps join order when nothing else applies, for 1..50 people, whatever order they come in', () => {
    for (let n = 1; n <= 50; n++) {
      const people = Array.from({ length: n }, (_, i) => person(i));
      const shuffled = [...people].reverse();
      assert.deepEqual(ids(orderParticipants(shuffled)), ids(people), `n=${n}`);
    }
  });

  it('puts screen sharers first, then the active speaker, then raised hands by time, then join order (n = 1..50)', () => {
    for (let n = 1; n <= 50; n++) {
      const people = Array.from({ length: n }, (_, i) => person(i));
      const mark = (i: number, extra: Partial<ParticipantState>) => i < n && (people[i] = { ...people[i]!, ...extra });
      mark(n - 1, { screen });
      mark(Math.floor(n / 2), { speaking: true, lastSpokeAt: 5 });
      mark(1, { handRaisedAt: '2026-01-01T10:05:00Z' });
      mark(2, { handRaisedAt: '2026-01-01T10:01:00Z' });
      const ordered = orderParticipants(people);
      assert.equal(ordered.length, n);
      assert.deepEqual(new Set(ids(ordered)), new Set(ids(people)), 'everyone appears once');
      const rank = (p: ParticipantState) => (p.screen ? 0 : p === activeSpeaker(people) ? 1 : p.handRaisedAt ? 2 : 3);
      for (let i = 1; i < n; i++) assert.ok(rank(ordered[i - 1]!) <= rank(ordered[i]!), `n=${n}: ${ids(ordered).join(',')}`);
      const hands = ordered.filter((p) => rank(p) === 2).map((p) => p.handRaisedAt!);
      assert.deepEqual(hands, [...hands].sort(), 'hands by the time they were raised');
      const rest = ordered.filter((p) => rank(p) === 3).map((p) => p.joinedAt);
      assert.deepEqual(rest, [...rest].sort((a, b) => a - b), 'the others by join order');
    }
  });

  it('the active speaker is the remote person who started speaking last; this user never is', () => {
    const list = [person(0, { speaking: true, lastSpokeAt: 99 }), person(1, { speaking: true, lastSpokeAt: 10 }), person(2, { speaking: true, lastSpokeAt: 20 }), person(3)];
    assert.equal(activeSpeaker(list)?.identity, 'p02');
    assert.equal(ids(orderParticipants(list))[0], 'p02');
    assert.equal(activeSpeaker([person(0, { speaking: true })]), undefined);
  });
});

describe('keepPlaces', () => {
  it('a speaker already on the first page does not move; one from page two takes the slot of who dropped off', () => {
    const before = ['a', 'b', 'c', 'd'];
    // d starts speaking: order puts d first, but d is on the page already.
    assert.deepEqual(keepPlaces(before, ['d', 'a', 'b', 'c', 'e'], 4), ['a', 'b', 'c', 'd', 'e']);
    // e (page two) starts speaking: e takes the slot of d, who falls to page two.
    assert.deepEqual(keepPlaces(before, ['e', 'a', 'b', 'c', 'd'], 4), ['a', 'b', 'c', 'e', 'd']);
  });

  it('for 1..50 people the first page holds exactly the ones that belong there, and nobody is lost', () => {
    for (let n = 1; n <= 50; n++) {
      const all = Array.from({ length: n }, (_, i) => `p${i}`);
      const size = 9;
      const previous = all.slice(0, size);
      const ordered = [...all.slice(-1), ...all.slice(0, -1)]; // the last one jumps to the front
      const kept = keepPlaces(previous, ordered, size);
      assert.equal(kept.length, n);
      assert.deepEqual(new Set(kept), new Set(all));
      assert.deepEqual(new Set(kept.slice(0, size)), new Set(ordered.slice(0, size)), `n=${n}`);
      for (const [i, id] of previous.entries()) {
        if (ordered.slice(0, size).includes(id)) assert.equal(kept[i], id, `n=${n}: ${id} keeps slot ${i}`);
      }
    }
  });
});
