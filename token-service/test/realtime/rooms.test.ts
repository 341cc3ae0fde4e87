// Room conferences through the real services: the token service (realtime pages over ws) and the
// dev media server (LiveKit signalling, Twirp RoomService, signed webhooks back). People join with
// the tokens the service issued (testing/node/signal-participant.ts; one Chromium page where a published
// microphone is needed). Room status pushed to watching pages, busy while in a conference (a 1:1
// call to someone in one is refused as busy), room
// rings (silent when busy, late sign-in, ended by joining, declining, the meeting's end), the
// meeting chat over LiveKit data, and moderator actions with no roomAdmin in any browser token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RoomStatus } from '#protocol/realtime.js';
import { CHAT_TOPIC } from '#protocol/rest.js';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { startLiveKitPageHost, type LiveKitPageHost } from '../../../testing/cross-process/livekit-page.js';
import { waitUntil } from '../../../testing/wait.js';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startServiceWithMedia, type RunningService } from './service.js';
import { serviceClient } from './test-client.js';

describe('room conferences through the token service and the dev media server', () => {
  let media: MediaServer;
  let s: RunningService;
  const people: SignalParticipant[] = [];
  const { pages, page, get } = serviceClient(() => s);
  const tokenFor = async (user: string, moderator = false) => {
    const res = await s.post('/v1/token', user, { room: 'vertrieb', ...(moderator ? { moderator: true } : {}) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.token as string;
  };
  const join = async (user: string, opts: { moderator?: boolean; data?: boolean } = {}) => {
    const p = await SignalParticipant.join(media.url, await tokenFor(user, opts.moderator), { dataChannels: opts.data ?? false });
    people.push(p);
    return p;
  };
  const del = async (path: string, user: string) => {
    const res = await fetch(s.url + path, { method: 'DELETE', headers: { authorization: `Bearer ${portalToken(user)}` } });
    return { status: res.status, body: await res.json() as any };
  };
  /** Waits for a `room` frame of vertrieb that satisfies `match`. */
  const roomFrame = (p: TestPage, match: (r: RoomStatus) => boolean) =>
    p.next('room', (m) => m.room.id === 'vertrieb' && match(m.room)).then((m) => m.room);
  const endRoom = async () => {
    const res = await s.post('/v1/rooms/vertrieb/end', 'anna', {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };

  before(async () => {
    ({ media, s } = await startServiceWithMedia({ ...fastSettings, roomRingTimeoutMs: 30_000 }));
  });
  after(async () => {
    for (const p of pages) p.ws.terminate();
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await s?.close();
    await media?.close();
  });

  it('pushes a room\'s status to members who watch it, on every change, and refuses others', async () => {
    const felix = await page('felix');
    felix.send({ type: 'watch-rooms', add: ['vertrieb'] });
    const idle = await roomFrame(felix, () => true);
    assert.deepEqual(idle, { id: 'vertrieb', name: 'Vertrieb', running: false, count: 0, participants: [] });

    const david = await page('david');
    david.send({ type: 'watch-rooms', add: ['vertrieb', 'nowhere'] });
    const refused = await david.next('error', (m) => m.room === 'vertrieb');
    assert.equal(refused.error.code, 'not_a_member');
    assert.equal((await david.next('error', (m) => m.room === 'nowhere')).error.code, 'not_found');
    assert.ok(!david.received.some((m) => m.type === 'room'), 'a non-member learns nothing about the room');

    const anna = await join('anna', { moderator: true });
    const one = await roomFrame(felix, (r) => r.count === 1);
    assert.equal(one.running, true);
    assert.ok(one.startedAt, 'a running meeting says since when');
    assert.deepEqual(one.participants, [{ identity: 'anna', name: 'Anna Schmidt', guest: false, moderator: true }]);

    const ben = await join('ben');
    const two = await roomFrame(felix, (r) => r.count === 2);
    assert.deepEqual(two.participants.map((p) => [p.identity, p.moderator]).sort(), [['anna', true], ['ben', false]]);

    const up = await s.post('/v1/rooms/vertrieb/hand', 'ben', { raised: true });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const raised = await roomFrame(felix, (r) => r.participants.some((p) => p.identity === 'ben' && !!p.handRaisedAt));
    assert.equal(raised.participants.find((p) => p.identity === 'ben')!.handRaisedAt, up.body.raisedAt);

    // "Konferenz verlassen": the goodbye first, so the count drops at once (room-grace.test.ts).
    assert.equal((await s.post('/v1/rooms/vertrieb/leave', 'ben', {})).status, 200);
    await ben.leave();
    await roomFrame(felix, (r) => r.count === 1);
    // Removed from the watch: no more frames for this page.
    felix.send({ type: 'watch-rooms', remove: ['vertrieb'] });
    felix.send({ type: 'ping' });
    await felix.next('pong');
    await anna.leave();
    await endRoom();
    const late = await page('felix');
    late.send({ type: 'watch-rooms', add: ['vertrieb'] });
    await roomFrame(late, (r) => !r.running);
    assert.ok(!felix.received.some((m) => m.type === 'room' && m.room.count === 0), `unwatched page got: ${JSON.stringify(felix.received)}`);
    felix.close();
    late.close();
    david.close();
  });

  it('shows a person in a conference as busy to those who watch their presence', async () => {
    const emma = await page('emma');
    const benPage = await page('ben');
    emma.send({ type: 'watch', add: ['ben'] });
    await emma.presence('ben', 'online');
    const ben = await join('ben');
    await emma.presence('ben', 'busy');
    // A 1:1 call to him is refused as busy instead of ringing over the meeting; both sides learn it.
    const refused = await s.post('/v1/calls', 'emma', { callee: 'ben' });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'busy');
    assert.equal(refused.body.call.outcome, 'busy');
    assert.equal((await benPage.call('ended', 'busy')).caller.id, 'emma');
    assert.ok(!benPage.received.some((m) => m.type === 'call' && m.call.state === 'ringing'), 'his page never rang');
    await ben.leave();
    await emma.presence('ben', 'online');
    // Out of the meeting, the same call rings again.
    const rings = await s.post('/v1/calls', 'emma', { callee: 'ben' });
    assert.equal(rings.status, 201, JSON.stringify(rings.body));
    assert.equal((await benPage.call('ringing')).id, rings.body.call.id);
    assert.equal((await s.post(`/v1/calls/${rings.body.call.id}/cancel`, 'emma', {})).status, 200);
    await benPage.call('ended', 'cancelled');
    emma.close();
    benPage.close();
  });

  it('rings: silent for a member in a conference, late and silent for one who signs in, ended by joining, declining and the meeting\'s end', async () => {
    const annaA = await page('anna');
    const annaB = await page('anna');
    const benPage = await page('ben');
    const ben = await join('ben'); // ben is in the conference: busy
    const carla = await page('carla');
    // Felix's pages of the earlier tests are gone (past the grace period): he is offline.
    carla.send({ type: 'watch', add: ['felix'] });
    await carla.presence('felix', 'offline');
    carla.send({ type: 'watch', add: ['ben'] });
    await carla.presence('ben', 'busy');

    const rung = await s.post('/v1/rooms/vertrieb/ring', 'carla', {});
    assert.equal(rung.status, 201, JSON.stringify(rung.body));
    assert.deepEqual([...rung.body.invited].sort(), ['anna', 'ben']);
    const ringA = (await annaA.next('room-ring')).ring;
    assert.equal(ringA.silent, undefined, 'an online member hears the ring');
    assert.equal((await annaB.next('room-ring')).ring.id, ringA.id);
    const benRing = (await benPage.next('room-ring')).ring;
    assert.equal(benRing.id, ringA.id);
    assert.equal(benRing.silent, true, 'a member already in a conference sees it without a ring tone');

    // Felix was offline at the ring; he signs in while the meeting runs and gets it then, silent.
    const felix = await page('felix');
    const late = (await felix.next('room-ring')).ring;
    assert.equal(late.id, ringA.id);
    assert.equal(late.silent, true);

    // Anna joins: the ring ends on both her pages. A page she opens now gets no invitation.
    const anna = await join('anna');
    assert.equal((await annaA.next('room-ring-ended')).id, ringA.id);
    assert.equal((await annaB.next('room-ring-ended')).id, ringA.id);
    const annaC = await page('anna');
    annaC.send({ type: 'ping' });
    await annaC.next('pong');
    assert.ok(!annaC.received.some((m) => m.type === 'room-ring'));

    // Felix declines: over on his page, and a new page of his does not bring it back.
    const declined = await s.post('/v1/rooms/vertrieb/ring/decline', 'felix', {});
    assert.deepEqual(declined.body, { declined: true });
    assert.equal((await felix.next('room-ring-ended')).id, ringA.id);
    const felixAgain = await page('felix');
    felixAgain.send({ type: 'ping' });
    await felixAgain.next('pong');
    assert.ok(!felixAgain.received.some((m) => m.type === 'room-ring'));
    assert.equal((await s.post('/v1/rooms/vertrieb/ring/decline', 'david', {})).status, 403);

    // The meeting ends: ben, still invited, sees the invitation go.
    await anna.leave();
    await endRoom();
    assert.equal((await benPage.next('room-ring-ended')).id, ringA.id);
    await carla.presence('ben', 'online');
    void ben;
    for (const p of [annaA, annaB, annaC, benPage, carla, felix, felixAgain]) p.close();
  });

  it('keeps the meeting\'s chat: delivered over LiveKit data, sender from the token, late joiners read it, gone at the end', async () => {
    await endRoom(); // whatever an earlier test left running
    assert.equal((await s.post('/v1/rooms/vertrieb/chat', 'ben', { text: 'hallo?' })).status, 409, 'no meeting, no chat');
    const anna = await join('anna', { data: true });
    const got = anna.waitForData((d) => d.topic === CHAT_TOPIC);
    const posted = await s.post('/v1/rooms/vertrieb/chat', 'ben', { text: '  Guten Morgen\nzusammen  ', from: { identity: 'anna', name: 'Fake' } });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const message = posted.body.message;
    assert.deepEqual(message.from, { identity: 'ben', name: 'Ben Müller', guest: false });
    assert.equal(message.text, 'Guten Morgen\nzusammen');
    const data = await got;
    assert.deepEqual(JSON.parse(data.text), { type: 'chat', message });

    const listed = await get('/v1/rooms/vertrieb/chat', 'felix');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.messages, [message]);
    assert.equal((await get('/v1/rooms/vertrieb/chat', 'david')).status, 403);
    for (const text of ['', '   ', 'x'.repeat(2001), 'a\u0000b', 42]) {
      const bad = await s.post('/v1/rooms/vertrieb/chat', 'ben', { text });
      assert.equal(bad.status, 400, JSON.stringify([text, bad.body]));
      assert.equal(bad.body.error.code, 'invalid_input');
    }
    assert.equal((await s.post('/v1/rooms/vertrieb/chat', 'ben', { text: 'x'.repeat(2000) })).status, 201);

    await anna.leave();
    await endRoom();
    await waitUntil(async () => (await get('/v1/rooms/vertrieb/chat', 'felix')).body.messages.length === 0, 'the chat to be deleted with the room');
  });

  describe('moderators, through the service only', () => {
    let host: LiveKitPageHost;
    before(async () => {
      host = await startLiveKitPageHost();
    });
    after(async () => {
      await host?.close();
    });

    it('no browser token can call RoomService; a moderator mutes one, mutes all and removes through the service, each logged', async () => {
      const annaToken = await tokenFor('anna', true);
      // The confirmed moderator's own LiveKit token is refused by RoomService (issue 13, item 10).
      const twirp = await fetch(`${media.url.replace(/^ws/, 'http')}/twirp/livekit.RoomService/UpdateParticipant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${annaToken}` },
        body: JSON.stringify({ room: 'vertrieb', identity: 'ben', attributes: { 'timio.guest': '1' } }),
      });
      assert.equal(twirp.status, 401, await twirp.text());

      const carla = await host.open('carla');
      await carla.join(media.url, await tokenFor('carla'), { mic: true, camera: false });
      const anna = await join('anna', { moderator: true });
      await anna.waitForParticipant('carla', (p) => p.tracks.some((t) => !t.muted));

      const byMember = await s.post('/v1/rooms/vertrieb/participants/carla/mute', 'ben', { source: 'microphone' });
      assert.equal(byMember.status, 403);
      assert.equal(byMember.body.error.code, 'not_a_moderator');
      assert.equal((await s.post('/v1/rooms/vertrieb/participants/carla/mute', 'anna', { source: 'speaker' })).status, 400);
      assert.equal((await s.post('/v1/rooms/vertrieb/participants/carla/mute', 'anna', { source: 'camera' })).status, 404);

      const muted = await s.post('/v1/rooms/vertrieb/participants/carla/mute', 'anna', { source: 'microphone' });
      assert.deepEqual(muted.body, { muted: true });
      await anna.waitForParticipant('carla', (p) => p.tracks.length > 0 && p.tracks.every((t) => t.muted));

      const all = await s.post('/v1/rooms/vertrieb/mute-all', 'anna', {});
      assert.equal(all.status, 200, JSON.stringify(all.body));
      // How many it counted depends on whether carla's client had re-sent its state; what people see:
      // carla's microphone stays off after "mute everyone else".
      assert.equal(typeof all.body.muted, 'number');
      await anna.waitForParticipant('carla', (p) => p.tracks.length > 0 && p.tracks.every((t) => t.muted));

      assert.equal((await del('/v1/rooms/vertrieb/participants/carla', 'ben')).status, 403);
      const removed = await del('/v1/rooms/vertrieb/participants/carla', 'anna');
      assert.deepEqual(removed.body, { removed: true });
      await anna.waitForParticipantGone('carla');
      assert.equal((await del('/v1/rooms/vertrieb/participants/carla', 'anna')).status, 404);
      assert.ok(s.log.some((l) => /anna muted the microphone of carla/.test(l)), s.log.join('\n'));
      assert.ok(s.log.some((l) => /anna removed carla/.test(l)));
      await anna.leave();
      await endRoom();
    });
  });
});

