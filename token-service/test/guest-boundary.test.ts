// The guest boundary (issue 22, docs/contracts.md "The guest life model") against the dev media
// server: what a guest's credential opens before admission, after denial, removal and the end of
// the meeting; the chat a guest reads; a moderator confirmed inside a running meeting; the room
// status after a guest is removed. Each test starts and ends its own meeting of room "vertrieb".
import { afterEach, after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DisconnectReason, ParticipantInfo_State } from '@livekit/protocol';
import { SignalParticipant } from '../../testing/signal-participant.js';
import { api, expectError, portalToken, startServiceWithMedia, type ServiceWithMedia } from './helpers.js';
import { TestPage } from './realtime/pages.js';

describe('the guest boundary (in memory, dev media server)', () => {
  let s: ServiceWithMedia;
  let people: SignalParticipant[] = [];
  let pages: TestPage[] = [];
  const join = async (token: string) => {
    const p = await SignalParticipant.join(s.media.url, token, { dataChannels: false });
    people.push(p);
    return p;
  };
  const roomToken = async (user: string, moderator = false) => {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken(user), body: { room: 'vertrieb', moderator } });
    assert.equal(res.status, 200, res.text);
    return res.body.token as string;
  };
  const invite = async (body: Record<string, unknown> = {}) => {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString(), ...body } });
    assert.equal(res.status, 201, res.text);
    return res.body as { id: string; invite: string };
  };
  const guest = (inv: string, name: string) => api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv, name } });
  const poll = (guestToken: string, waitSeconds = 0) => api(s.base, 'POST', '/v1/guest/admission', { token: guestToken, body: { waitSeconds } });
  const chat = (token: string) => api(s.base, 'GET', '/v1/rooms/vertrieb/chat', { token });
  const say = (token: string, text: string) => api(s.base, 'POST', '/v1/rooms/vertrieb/chat', { token, body: { text } });
  const hand = (token: string) => api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token, body: { raised: true } });
  const texts = (res: { body: { messages: Array<{ text: string }> } }) => res.body.messages.map((m) => m.text);

  before(async () => {
    s = await startServiceWithMedia({ env: { GUEST_JOIN_OPENS_MINUTES: undefined, GUEST_WAITING_ROOM: undefined }, options: { rateLimits: { guestPerAddress: 10_000 } } });
  });
  afterEach(async () => {
    for (const p of pages) p.close();
    pages = [];
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    people = [];
    await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna'), body: {} });
  });
  after(async () => {
    await s.close();
  });

  // First: a room_finished of an earlier test's meeting may still clear the room's chat.
  test('finding 3: a guest admitted after the members chatted reads only from their admission on; members read everything', async () => {
    await join(await roomToken('anna', true));
    await join(await roomToken('ben'));
    assert.equal((await say(portalToken('anna'), 'Unter uns: Preisgrenze 40 %')).status, 201);
    assert.equal((await say(portalToken('ben'), 'Einverstanden')).status, 201);
    const admitted = await guest((await invite()).invite, 'Gustav Gast');
    assert.equal(admitted.status, 200, admitted.text);
    const token = admitted.body.guestToken as string;
    assert.deepEqual(texts(await chat(token)), [], 'nothing from before the admission');
    assert.equal((await say(portalToken('anna'), 'Willkommen, Herr Gast')).status, 201);
    assert.equal((await say(token, 'Danke!')).status, 201);
    assert.deepEqual(texts(await chat(token)), ['Willkommen, Herr Gast', 'Danke!']);
    assert.deepEqual(texts(await chat(portalToken('ben'))), ['Unter uns: Preisgrenze 40 %', 'Einverstanden', 'Willkommen, Herr Gast', 'Danke!']);
  });

  test('finding 1: a waiting guest reaches only their admission poll and leave: no chat, no hand, no goodbye', async () => {
    const anna = await join(await roomToken('anna', true));
    const waiting = await guest((await invite({ waitingRoom: true })).invite, 'Wanda Warte');
    assert.equal(waiting.status, 202, waiting.text);
    assert.equal((await say(portalToken('anna'), 'Nur für uns')).status, 201);
    const token = waiting.body.guestToken as string;
    expectError(await chat(token), 403, 'not_admitted');
    expectError(await say(token, 'Hallo aus dem Wartezimmer'), 403, 'not_admitted');
    expectError(await hand(token), 403, 'not_admitted');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/leave', { token, body: {} }), 403, 'not_admitted');
    assert.ok(!anna.dataReceived.some((d) => new TextDecoder().decode(d.payload).includes('Wartezimmer')), 'nothing of the guest reached the meeting');
    assert.deepEqual((await poll(token)).body, { state: 'waiting', reason: 'waiting_room' });
    assert.equal((await api(s.base, 'POST', '/v1/guest/leave', { token, body: {} })).body.left, true);
  });

  test('finding 1: a turned-away guest reads and writes nothing, in this meeting or a later members-only one', async () => {
    await join(await roomToken('anna', true));
    const waiting = await guest((await invite({ waitingRoom: true })).invite, 'Olaf Ohne');
    const token = waiting.body.guestToken as string;
    const denied = await api(s.base, 'POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/deny`, { token: portalToken('anna'), body: {} });
    assert.equal(denied.status, 200, denied.text);
    assert.deepEqual((await poll(token)).body, { state: 'denied' }, 'the page learns it');
    expectError(await chat(token), 410, 'guest_denied');
    expectError(await say(token, 'trotzdem'), 410, 'guest_denied');
    expectError(await hand(token), 410, 'guest_denied');
    // The meeting ends; a members-only meeting begins in the same room.
    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna'), body: {} })).status, 200);
    await join(await roomToken('ben'));
    assert.equal((await say(portalToken('ben'), 'Intern')).status, 201);
    expectError(await chat(token), 410, 'guest_denied');
    assert.deepEqual((await poll(token)).body, { state: 'denied' }, 'no admission for the new meeting either');
  });

  test('finding 2: the end of the meeting ends the admission: no media token for the next meeting, the old one is thrown out', async () => {
    await join(await roomToken('anna', true));
    const waiting = await guest((await invite({ waitingRoom: true })).invite, 'Maria Gast');
    const token = waiting.body.guestToken as string;
    assert.equal((await api(s.base, 'POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/admit`, { token: portalToken('anna'), body: {} })).status, 200);
    const grant = await poll(token);
    assert.equal(grant.body.state, 'admitted', grant.text);
    const maria = await join(grant.body.token);
    assert.equal((await chat(token)).status, 200, 'admitted: the chat is open');

    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna'), body: {} })).status, 200);
    await maria.waitForClose();
    // Ben starts the next meeting in the room.
    const ben = await join(await roomToken('ben'));
    expectError(await poll(token), 410, 'meeting_ended');
    expectError(await chat(token), 410, 'meeting_ended');
    expectError(await hand(token), 410, 'meeting_ended');
    // The media token of the ended admission still passes LiveKit: the service throws it out.
    const again = await join(grant.body.token);
    await again.waitForLeave();
    await ben.waitForParticipantGone(waiting.body.identity);
  });

  test('finding 2: a removed guest and a guest who left have no credential left', async () => {
    const anna = await join(await roomToken('anna', true));
    const removedGuest = await guest((await invite()).invite, 'Rolf Raus');
    const leavingGuest = await guest((await invite()).invite, 'Lena Leave');
    assert.equal(removedGuest.status, 200, removedGuest.text);
    await join(removedGuest.body.token);
    await anna.waitForParticipant(removedGuest.body.identity);
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/participants/${encodeURIComponent(removedGuest.body.identity)}`, { token: portalToken('anna') })).status, 200);
    assert.equal((await chat(removedGuest.body.guestToken)).status, 410);
    const lena = leavingGuest.body.guestToken as string;
    assert.equal((await chat(lena)).status, 200);
    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/leave', { token: lena, body: {} })).status, 200);
    expectError(await chat(lena), 410, 'guest_left_meeting');
  });


  test('finding 4: a moderator who confirms inside the running meeting is seen: a link without waiting room lets the guest in at once', async () => {
    // Anna joined straight (e.g. from a room ring) with a member token, then confirmed "Ich bin Moderator".
    await join(await roomToken('anna', false));
    const waiting = await guest((await invite()).invite, 'Frida Früh');
    assert.equal(waiting.status, 202, 'before the confirmation nobody moderates');
    const confirmed = await api(s.base, 'POST', '/v1/rooms/vertrieb/moderator', { token: portalToken('anna'), body: {} });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.deepEqual(confirmed.body, { room: 'vertrieb', identity: 'anna', moderator: true });
    // The guest who waited is let in by themselves, the next one at once.
    const polled = await poll(waiting.body.guestToken, 5);
    assert.equal(polled.body.state, 'admitted', polled.text);
    const next = await guest((await invite()).invite, 'Sepp Sofort');
    assert.equal(next.status, 200, next.text);
    assert.equal(next.body.state, 'admitted');
    // Others see her as moderator.
    const status = await api(s.base, 'GET', '/v1/rooms/vertrieb', { token: portalToken('ben') });
    assert.equal(status.body.participants.find((p: { identity: string }) => p.identity === 'anna')?.moderator, true);
    // Only the room's moderators, only while in the meeting.
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/moderator', { token: portalToken('ben'), body: {} }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'POST', '/v1/rooms/entwicklung/moderator', { token: portalToken('ben'), body: {} }), 404, 'not_found');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/moderator', { token: next.body.guestToken, body: {} }), 403, 'not_a_member');
  });

  test('finding 5: a removed guest leaves the moderators\' view at once: LiveKit tells them why, the room status drops them', async () => {
    const anna = await join(await roomToken('anna', true));
    const carla = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', portalToken('carla'))).page;
    pages.push(carla);
    const g = await guest((await invite()).invite, 'Rudi Raus');
    await join(g.body.token);
    await anna.waitForParticipant(g.body.identity);
    carla.send({ type: 'watch-rooms', add: ['vertrieb'], remove: [] });
    await carla.next('room', (m) => m.room.participants.some((p) => p.identity === g.body.identity));
    const started = Date.now();
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/participants/${encodeURIComponent(g.body.identity)}`, { token: portalToken('anna') })).status, 200);
    // The moderator's conference drops a participant at once only when the departure says
    // "removed" (without it, it waits out the page-change grace, as for a reload).
    const update = await anna.waitForMessage((m) => m.case === 'update' && m.value.participants.some((p) => p.identity === g.body.identity && p.state === ParticipantInfo_State.DISCONNECTED));
    const info = update.case === 'update' ? update.value.participants.find((p) => p.identity === g.body.identity) : undefined;
    assert.equal(info?.disconnectReason, DisconnectReason.PARTICIPANT_REMOVED);
    await carla.next('room', (m) => !m.room.participants.some((p) => p.identity === g.body.identity), 2_000);
    assert.ok(Date.now() - started < 2_000, 'gone within 2 s');
  });
});
