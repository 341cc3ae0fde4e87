// Who counts in a room's status after leaving without a goodbye (rooms/departures.ts), as the room
// bar would show it: the leave may be noticed first by the webhook or first by RoomService's
// listing (the server drops a person before its webhook arrives), and a goodbye wins either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Departures } from '../src/rooms/departures.js';
import type { RoomParticipant } from '../src/livekit/room-service.js';

const person = (identity: string): RoomParticipant => ({ identity, name: identity, attributes: {}, tracks: [] });
const anna = person('anna');
const ben = person('ben');
const away = (d: Departures) => d.awayIn('vertrieb').map((p) => p.identity);

describe('departures: the room status through a page change', () => {
  it('someone missing from the listing before the webhook came keeps counting', () => {
    const d = new Departures(60_000, () => undefined);
    d.listed('vertrieb', [anna, ben]);
    d.listed('vertrieb', [anna]);
    assert.deepEqual(away(d), ['ben']);
    d.left('vertrieb', ben); // the webhook afterwards: still one entry
    assert.deepEqual(away(d), ['ben']);
    d.close();
  });

  it('a goodbye drops at once, whether the webhook or the listing notices the leave first', () => {
    const changed: string[] = [];
    const d = new Departures(60_000, (room) => changed.push(room));
    d.listed('vertrieb', [anna, ben]);
    d.goodbye('vertrieb', 'ben');
    d.left('vertrieb', ben);
    d.listed('vertrieb', [anna]);
    assert.deepEqual(away(d), [], 'webhook first, then the listing');
    d.listed('vertrieb', [anna]);
    d.goodbye('vertrieb', 'anna');
    d.listed('vertrieb', []);
    d.left('vertrieb', anna);
    assert.deepEqual(away(d), [], 'listing first, then the webhook');
    d.close();
  });

  it('after a goodbye and a new join, a later leave without one counts again', () => {
    const d = new Departures(60_000, () => undefined);
    d.listed('vertrieb', [ben]);
    d.goodbye('vertrieb', 'ben');
    d.left('vertrieb', ben);
    d.joined('vertrieb', 'ben');
    d.listed('vertrieb', [ben]);
    d.listed('vertrieb', []);
    assert.deepEqual(away(d), ['ben']);
    d.close();
  });

  it('the end of the meeting: nobody counts on, and what the listing misses after it brings nobody back', () => {
    const d = new Departures(60_000, () => undefined);
    d.listed('vertrieb', [anna, ben]);
    d.finished('vertrieb');
    d.listed('vertrieb', []);
    d.left('vertrieb', anna);
    assert.deepEqual(away(d), []);
    d.close();
  });

  it('the grace runs out: the status is told to change', async () => {
    const changed: string[] = [];
    const d = new Departures(20, (room) => changed.push(room));
    d.listed('vertrieb', [anna]);
    d.listed('vertrieb', []);
    assert.deepEqual(away(d), ['anna']);
    const deadline = Date.now() + 10_000;
    while (changed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(changed, ['vertrieb']);
    assert.deepEqual(away(d), []);
    d.close();
  });

  it('presence: out of the meeting only when the grace runs out without them, or a goodbye or the end ends it', async () => {
    const gone: string[] = [];
    const until = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while (gone.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    };
    const d = new Departures(40, () => undefined, (room, identity) => gone.push(`${room}:${identity}`));
    // A page change: back before the grace ends, so never out.
    assert.equal(d.left('vertrieb', ben), true, 'counts on');
    d.joined('vertrieb', 'ben');
    // A closed tab: out when the grace runs out.
    assert.equal(d.left('vertrieb', anna), true);
    await until(1);
    await new Promise((r) => setTimeout(r, 100)); // Ben's grace is over too by now
    assert.deepEqual(gone, ['vertrieb:anna']);
    // A goodbye while in the grace: out at once; a goodbye before the leave: no grace at all.
    d.left('vertrieb', anna);
    d.goodbye('vertrieb', 'anna');
    assert.deepEqual(gone, ['vertrieb:anna', 'vertrieb:anna']);
    d.goodbye('vertrieb', 'ben');
    assert.equal(d.left('vertrieb', ben), false, 'said goodbye: final');
    // The moderator ends the meeting: whoever was in their grace is out.
    d.joined('vertrieb', 'anna');
    d.left('vertrieb', anna);
    d.finished('vertrieb');
    assert.deepEqual(gone, ['vertrieb:anna', 'vertrieb:anna', 'vertrieb:anna']);
    d.close();
  });
});
