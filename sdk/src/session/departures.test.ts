// Departures without a room: who is gone at once and who is reconnecting for the rejoin grace, and
// the goodbye frame. room-session.test.ts covers the same through a fake LiveKit room.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Departures, awayState, goodbyeFrame, goodbyeIdentity } from './departures.js';
import type { ParticipantState } from './types.js';
import { waitUntil } from '../../../testing/wait.js';

function person(identity: string, extra: Partial<ParticipantState> = {}): ParticipantState {
  return { identity, name: identity, isLocal: false, guest: false, moderator: false, speaking: false, quality: 'good', joinedAt: 1, ...extra };
}

describe('departures', () => {
  it('without a grace (1:1 calls) everyone who goes is gone at once', () => {
    const gone: string[] = [];
    const d = new Departures(0, (id) => gone.push(id));
    assert.equal(d.departed('ben', person('ben'), false), 'gone');
    assert.equal(d.isAway('ben'), false);
  });

  it('with a grace, someone who goes without a goodbye is away, then gone when the grace ends', async () => {
    const gone: string[] = [];
    const d = new Departures(50, (id) => gone.push(id));
    assert.equal(d.departed('ben', person('ben'), false), 'away');
    assert.equal(d.isAway('ben'), true);
    assert.deepEqual(gone, []);
    await waitUntil(() => gone.length === 1, 'the grace to end');
    assert.deepEqual(gone, ['ben']);
  });

  it('back within the grace: never gone', async () => {
    const gone: string[] = [];
    const d = new Departures(30, (id) => gone.push(id));
    d.departed('ben', person('ben'), false);
    d.returned('ben');
    assert.equal(d.isAway('ben'), false);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(gone, []);
    d.close();
  });

  it('a goodbye, a removal, a lost connection or someone never shown: gone at once despite the grace', () => {
    const d = new Departures(60_000, () => undefined);
    d.heardGoodbye(goodbyeFrame('ben'), 'ben');
    assert.equal(d.departed('ben', person('ben'), false), 'gone');
    assert.equal(d.departed('carla', person('carla'), true), 'gone');
    assert.equal(d.departed('dora', person('dora', { quality: 'lost' }), false), 'gone');
    assert.equal(d.departed('emil', undefined, false), 'gone');
    d.close();
  });

  it('a goodbye after the departure ends the grace; one naming someone still in the room from nobody is ignored', () => {
    const gone: string[] = [];
    const d = new Departures(60_000, (id) => gone.push(id));
    d.heardGoodbye(goodbyeFrame('carla'), undefined);
    assert.equal(d.departed('carla', person('carla'), false), 'away', 'a forged goodbye for someone present does not count');
    d.heardGoodbye(goodbyeFrame('carla'), undefined);
    assert.deepEqual(gone, ['carla']);
    d.close();
  });

  it('reads the goodbye frame back, and nothing else as one', () => {
    assert.equal(goodbyeIdentity(goodbyeFrame('ben')), 'ben');
    assert.equal(goodbyeIdentity(new TextEncoder().encode('{"type":"chat","identity":"ben"}')), undefined);
    assert.equal(goodbyeIdentity(new TextEncoder().encode('not json')), undefined);
  });

  it('someone away keeps name, place and mute states but no media, speaking off, reconnecting', () => {
    const track = { sid: 'T', muted: false, track: {} as MediaStreamTrack };
    const away = awayState(person('ben', { camera: track, microphone: { sid: 'M', muted: true }, screen: track, speaking: true }));
    assert.deepEqual(away.camera, { sid: 'T', muted: false });
    assert.deepEqual(away.microphone, { sid: 'M', muted: true });
    assert.equal(away.screen, undefined);
    assert.equal(away.speaking, false);
    assert.equal(away.reconnecting, true);
    assert.equal(away.name, 'ben');
  });
});
