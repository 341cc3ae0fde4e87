// Running conferences against the real dev media server (LiveKit signalling, Twirp RoomService,
// signed webhooks back to the token service): who is in a room, raised hands, ending a
// conference, and a revoked invite taking its guests out. Participants join with the tokens the
// service issued, over LiveKit's real signalling (testing/node/signal-participant.ts, no media).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { api, expectError, portalToken, startServiceWithMedia, type ServiceWithMedia } from './helpers.js';
import { WAIT_MS } from '../../testing/wait.js';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50)); // polling an HTTP endpoint, not a fixed wait
  }
}

describe('rooms against the dev media server', () => {
  let s: ServiceWithMedia;
  const people: SignalParticipant[] = [];

  async function join(token: string): Promise<SignalParticipant> {
    const p = await SignalParticipant.join(s.media.url, token, { dataChannels: false });
    people.push(p);
    return p;
  }
  async function memberJoins(user: string, room = 'vertrieb'): Promise<SignalParticipant> {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken(user), body: { room } });
    assert.equal(res.status, 200, res.text);
    return join(res.body.token);
  }
  const status = async (user = 'anna', room = 'vertrieb') => api(s.base, 'GET', `/v1/rooms/${room}`, { token: portalToken(user) });
  const hand = (token: string, body: unknown, room = 'vertrieb') => api(s.base, 'POST', `/v1/rooms/${room}/hand`, { token, body });

  before(async () => {
    s = await startServiceWithMedia();
  });
  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await s.close();
  });

  test('a room nobody is in is not running; members only', async () => {
    const res = await status();
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { room: { id: 'vertrieb', name: 'Vertrieb' }, running: false, ended: false, participants: [] });
    expectError(await status('dora'), 403, 'not_a_member');
    expectError(await status('anna', 'nowhere'), 404, 'not_found');
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb'), 401, 'unauthorized');
  });

  test('joining shows up at once, because the join webhook refreshes the cached status', async () => {
    const cachedAt = Date.now();
    assert.equal((await status()).body.running, false); // now cached as empty
    const anna = await memberJoins('anna');
    // the deadline is the cache's 15 s lifetime (token-service/src/livekit/room-status.ts): seen
    // before it ran out, only the webhook can have refreshed the status
    const seen = await until('anna in the room status', async () => {
      const res = await status('ben');
      return res.body.participants.some((p: { identity: string }) => p.identity === 'anna') ? res.body : undefined;
    }, cachedAt + 15_000 - Date.now());
    assert.equal(seen.running, true);
    assert.deepEqual(seen.participants.map((p: Record<string, unknown>) => [p['identity'], p['name'], p['guest']]), [['anna', 'Anna Schmidt', false]]);
    assert.equal(anna.self.name, 'Anna Schmidt');
  });

  test('hands: own hand up and down, server-stamped, seen by others and by late joiners', async () => {
    const anna = people[0]!;
    await memberJoins('ben'); // people[1]
    const asked = Date.now();
    const up = await hand(portalToken('ben'), { raised: true });
    const answered = Date.now();
    assert.equal(up.status, 200, up.text);
    assert.equal(up.body.identity, 'ben');
    // stamped by the server (same process, same clock) while it handled the request
    const raisedAt = Date.parse(up.body.raisedAt);
    assert.ok(raisedAt >= asked && raisedAt <= answered, `raisedAt ${up.body.raisedAt} lies within the request`);
    const seenByAnna = await anna.waitForParticipant('ben', (p) => p.attributes['timio.hand'] === up.body.raisedAt);
    assert.equal(seenByAnna.attributes['timio.hand'], up.body.raisedAt);
    const listed = await until('ben\'s hand in the status', async () => {
      const res = await status();
      const b = res.body.participants.find((p: { identity: string }) => p.identity === 'ben');
      return b?.handRaisedAt ? b : undefined;
    });
    assert.equal(listed.handRaisedAt, up.body.raisedAt);

    const carla = await memberJoins('carla');
    assert.equal(carla.others.get('ben')?.attributes['timio.hand'], up.body.raisedAt, 'a late joiner sees the raised hand');

    const down = await hand(portalToken('ben'), { raised: false });
    assert.deepEqual(down.body, { room: 'vertrieb', identity: 'ben', raised: false });
    await anna.waitForParticipant('ben', (p) => p.attributes['timio.hand'] === undefined);
    await carla.leave();
  });

  test('hands: a member cannot touch another\'s hand; a moderator may lower but not raise it', async () => {
    const anna = people[0]!;
    const ben = people[1]!;
    const annaUp = await hand(portalToken('anna'), { raised: true });
    assert.equal(annaUp.status, 200);
    await ben.waitForParticipant('anna', (p) => p.attributes['timio.hand'] === annaUp.body.raisedAt);

    expectError(await hand(portalToken('ben'), { raised: false, identity: 'anna' }), 403, 'not_a_moderator');
    expectError(await hand(portalToken('dora'), { raised: true }), 403, 'not_a_member');
    expectError(await hand(portalToken('ben'), { raised: 'yes' }), 400, 'invalid_input');
    expectError(await hand(portalToken('ben'), { raised: true, identity: 'a b' }), 400, 'invalid_input');
    expectError(await hand(portalToken('carla'), { raised: true }), 404, 'not_found'); // carla left
    const stillUp = (await status()).body.participants.find((p: { identity: string }) => p.identity === 'anna');
    assert.equal(stillUp.handRaisedAt, annaUp.body.raisedAt, 'refused requests changed nothing');

    const benUp = await hand(portalToken('ben'), { raised: true });
    await anna.waitForParticipant('ben', (p) => p.attributes['timio.hand'] === benUp.body.raisedAt);
    expectError(await hand(portalToken('anna'), { raised: true, identity: 'carla' }), 403, 'not_a_moderator');
    const lowered = await hand(portalToken('anna'), { raised: false, identity: 'ben' });
    assert.equal(lowered.status, 200, lowered.text);
    await anna.waitForParticipant('ben', (p) => p.attributes['timio.hand'] === undefined);
    await hand(portalToken('anna'), { raised: false });
  });

  test('guests: own hand only, no member endpoints; revoking their invite removes them', async () => {
    const anna = people[0]!;
    const inv = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { title: 'Kunde', startsAt: new Date().toISOString() } });
    assert.equal(inv.status, 201, inv.text);
    const other = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { title: 'Andere', startsAt: new Date().toISOString() } });
    const g1 = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.body.invite, name: 'Maria' } });
    const g2 = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: other.body.invite, name: 'Olaf' } });
    const late = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.body.invite, name: 'Lena' } }); // joins only after the revocation
    const maria = await join(g1.body.token);
    const olaf = await join(g2.body.token);
    assert.equal(maria.self.attributes['timio.guest'], '1');
    assert.equal(maria.self.metadata, '{"guest":true}');

    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb', { token: g1.body.token }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/token', { token: g1.body.token, body: { room: 'vertrieb' } }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: g1.body.token }), 403, 'not_a_member');
    expectError(await hand(g1.body.token, { raised: false, identity: 'anna' }), 403, 'not_a_moderator');
    expectError(await hand(g1.body.token, { raised: true }, 'entwicklung'), 403, 'not_a_member');
    expectError(await hand(g1.body.guestToken, { raised: false, identity: 'anna' }), 403, 'not_a_moderator');
    // Guests act with the guest token (valid as long as the invite); the LiveKit token works too.
    const up = await hand(g1.body.guestToken, { raised: true });
    assert.equal(up.status, 200, up.text);
    await anna.waitForParticipant(maria.identity, (p) => p.attributes['timio.hand'] === up.body.raisedAt);

    const revoked = await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.body.id}`, { token: portalToken('anna') });
    assert.equal(revoked.status, 200, revoked.text);
    assert.deepEqual(revoked.body.removed, [maria.identity]);
    assert.equal(revoked.body.guestsRemoved, true);
    await maria.waitForLeave();
    await anna.waitForParticipantGone(maria.identity);
    expectError(await hand(g1.body.guestToken, { raised: false }), 410, 'invite_revoked');
    assert.ok(anna.others.has(olaf.identity), 'guests of other invites stay');

    // A token minted before the revocation still lets LiveKit admit its holder; the join webhook
    // makes the service take them out again.
    const lena = await join(late.body.token);
    const leave = await lena.waitForLeave();
    assert.ok(leave);
    await anna.waitForParticipantGone(lena.identity);
    await olaf.leave();
  });

  test('ending: moderators only; everyone is sent out', async () => {
    const anna = people[0]!;
    const ben = people[1]!;
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('ben') }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('dora') }), 403, 'not_a_member');
    assert.equal((await status()).body.running, true, 'refused requests changed nothing');
    const ended = await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna') });
    assert.equal(ended.status, 200, ended.text);
    assert.deepEqual(ended.body, { room: 'vertrieb', ended: true, wasRunning: true });
    await Promise.all([anna.waitForLeave(), ben.waitForLeave()]);
    const after = await status();
    assert.deepEqual(after.body, { room: { id: 'vertrieb', name: 'Vertrieb' }, running: false, ended: true, participants: [] });
    const again = await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna') });
    assert.deepEqual(again.body, { room: 'vertrieb', ended: true, wasRunning: false });
  });
});
