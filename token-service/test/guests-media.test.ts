// The waiting room and guest removal against the dev media server (LiveKit signalling, Twirp
// RoomService, webhooks): guests wait until a moderator is in the meeting and are then let in by
// themselves; while one is there they go straight in, unless their invite says to wait; a removed
// guest's link is revoked, another guest stays. Participants join over LiveKit's real signalling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { api, expectError, portalToken, startServiceWithMedia, type ServiceWithMedia } from './helpers.js';

describe('guests against the dev media server', () => {
  let s: ServiceWithMedia;
  const people: SignalParticipant[] = [];
  const join = async (token: string) => {
    const p = await SignalParticipant.join(s.media.url, token, { dataChannels: false });
    people.push(p);
    return p;
  };
  const invite = async (body: Record<string, unknown> = {}) => {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString(), ...body } });
    assert.equal(res.status, 201, res.text);
    return res.body as { id: string; invite: string };
  };
  const guestToken = (invite: string, name: string) => api(s.base, 'POST', '/v1/guest/token', { body: { invite, name } });

  before(async () => {
    s = await startServiceWithMedia({ env: { GUEST_JOIN_OPENS_MINUTES: undefined, GUEST_WAITING_ROOM: undefined }, options: { rateLimits: { guestPerAddress: 10_000 } } });
  });
  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await s.close(); // the media server first, then the service
  });

  test('a guest waits for the moderator and is let in when Anna joins as moderator', async () => {
    const inv = await invite();
    const waiting = await guestToken(inv.invite, 'Maria Gast');
    assert.equal(waiting.status, 202, waiting.text);
    assert.equal(waiting.body.reason, 'no_moderator');
    // A member who is not the moderator does not open the meeting for guests.
    const ben = await api(s.base, 'POST', '/v1/token', { token: portalToken('ben'), body: { room: 'vertrieb' } });
    await join(ben.body.token);
    const still = await api(s.base, 'POST', '/v1/guest/admission', { token: waiting.body.guestToken, body: { waitSeconds: 0 } });
    assert.deepEqual(still.body, { state: 'waiting', reason: 'no_moderator' });

    const polled = api(s.base, 'POST', '/v1/guest/admission', { token: waiting.body.guestToken, body: {} });
    const annaGrant = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb', moderator: true } });
    assert.equal(annaGrant.body.role, 'moderator');
    const anna = await join(annaGrant.body.token);
    const answer = await polled;
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.state, 'admitted');
    await join(answer.body.token);
    const seen = await anna.waitForParticipant(waiting.body.identity);
    assert.equal(seen.attributes['timio.guest'], '1');
    assert.equal(seen.name, 'Maria Gast');
  });

  test('while a moderator is in, guests go straight in; an invite with waitingRoom still waits', async () => {
    const direct = await guestToken((await invite()).invite, 'Gustav Gast');
    assert.equal(direct.status, 200, direct.text);
    assert.equal(direct.body.state, 'admitted');
    assert.equal(typeof direct.body.token, 'string');
    const strict = await guestToken((await invite({ waitingRoom: true })).invite, 'Wanda Warte');
    assert.equal(strict.status, 202, strict.text);
    assert.equal(strict.body.reason, 'waiting_room');
  });

  test('removing a guest revokes their link; another guest and link stay', async () => {
    const anna = people.find((p) => p.identity === 'anna')!;
    const mine = await invite({ guestName: 'Maria Gast' });
    const theirs = await invite({ guestName: 'Theo Zweit' });
    const maria = await guestToken(mine.invite, 'Maria Gast');
    const theo = await guestToken(theirs.invite, 'Theo Zweit');
    assert.equal(maria.status, 200, maria.text);
    assert.equal(theo.status, 200, theo.text);
    const mariaP = await join(maria.body.token);
    await join(theo.body.token);
    await anna.waitForParticipant(maria.body.identity);
    expectError(await api(s.base, 'DELETE', `/v1/rooms/vertrieb/participants/${encodeURIComponent(maria.body.identity)}`, { token: portalToken('ben') }), 403, 'not_a_moderator');
    const removed = await api(s.base, 'DELETE', `/v1/rooms/vertrieb/participants/${encodeURIComponent(maria.body.identity)}`, { token: portalToken('anna') });
    assert.deepEqual(removed.body, { removed: true, inviteRevoked: true });
    await mariaP.waitForLeave();
    await anna.waitForParticipantGone(maria.body.identity);
    expectError(await guestToken(mine.invite, 'Maria Gast'), 410, 'invite_revoked');
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: mine.invite } }), 410, 'invite_revoked');
    assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: theirs.invite } })).status, 200);
    assert.ok(anna.others.has(theo.body.identity), 'the other guest is still in');
    assert.equal((await guestToken(theirs.invite, 'Theo Zweit')).status, 200, 'the other link still works');
  });

  test('every guest identity the service hands out is one moderators can act on ("-" first, "_" inside)', async () => {
    // Guest identities are base64url: the moderation routes once refused those with "_" or a
    // leading "-" as malformed (400), so about one guest in five could not be removed or muted.
    for (const identity of ['guest:-abcdefghijklmno', 'guest:abc_defghijklmno', 'guest:__--__--__--__--']) {
      const path = `/v1/rooms/vertrieb/participants/${encodeURIComponent(identity)}`;
      expectError(await api(s.base, 'DELETE', path, { token: portalToken('anna') }), 404, 'not_found');
      expectError(await api(s.base, 'POST', `${path}/mute`, { token: portalToken('anna'), body: { source: 'microphone' } }), 404, 'not_found');
    }
    for (const bad of ['guest:', 'guest:a b', 'guest:a/b', '-anna', 'guest:' + 'a'.repeat(65)]) {
      expectError(await api(s.base, 'DELETE', `/v1/rooms/vertrieb/participants/${encodeURIComponent(bad)}`, { token: portalToken('anna') }), 400, 'invalid_input');
    }
  });
});
