// The guest boundary (issue 22, docs/contracts.md "The guest life model") against the dev media
// server: what a guest's credential opens before admission, after denial, removal and the end of
// the meeting; the chat a guest reads; a moderator confirmed inside a running meeting; the room
// status after a guest is removed. Each test starts and ends its own meeting of room "vertrieb".
import { afterEach, after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DisconnectReason, ParticipantInfo_State } from '@livekit/protocol';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { api, expectError, portalToken, startService, startServiceWithMedia, type RunningService, type ServiceWithMedia } from './helpers.js';
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

  test('finding 6: one sender\'s flood of long messages stops after a few (429), others write on; the history stays within 256 KB and is read in pages', async () => {
    await join(await roomToken('anna', true));
    const long = (i: number) => `${i} `.padEnd(2000, 'x');
    const flooder = await guest((await invite()).invite, 'Fritz Flut');
    assert.equal(flooder.status, 200, flooder.text);
    let sent = 0;
    let refused: Awaited<ReturnType<typeof say>> | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const res = await say(flooder.body.guestToken, long(i));
      if (res.status === 201) sent++;
      else refused = res;
    }
    assert.ok(refused, 'the flood is stopped');
    expectError(refused, 429, 'rate_limited');
    assert.ok(sent <= 10, `at most a few long messages a minute (${sent})`);
    assert.ok(refused.body.error.retryAfterSeconds > 0);
    assert.equal((await say(portalToken('anna'), 'Ich schreibe weiter')).status, 201, 'another sender is not affected');
    // Many senders fill the history: it keeps the newest messages within 256 KB.
    const senders = await Promise.all(Array.from({ length: 24 }, async (_, n) => (await guest((await invite()).invite, `Gast Nummer ${n}`)).body.guestToken as string));
    let last = '';
    for (const token of senders) {
      for (let i = 0; i < 8; i++) {
        last = `${token.slice(-6)} ${i}`;
        assert.equal((await say(token, `${last} `.padEnd(2000, 'y'))).status, 201);
      }
    }
    const first = await chat(portalToken('anna'));
    assert.equal(first.body.messages.length, 100, 'one page is 100 messages');
    assert.equal(first.body.more, true);
    assert.ok(first.body.messages.at(-1).text.startsWith(last), 'the newest message comes last');
    let all = first.body.messages as Array<{ id: string; text: string }>;
    for (let page = first.body; page.more;) {
      page = (await api(s.base, 'GET', `/v1/rooms/vertrieb/chat?limit=50&before=${all[0]!.id}`, { token: portalToken('anna') })).body;
      assert.ok(page.messages.length <= 50);
      all = [...page.messages, ...all];
    }
    const bytes = Buffer.byteLength(JSON.stringify(all));
    assert.ok(bytes <= 256 * 1024, `history within 256 KB (${bytes})`);
    assert.ok(bytes > 200 * 1024, 'and as much of it as fits');
    assert.ok(!all.some((m) => m.text === 'Ich schreibe weiter'), 'the oldest gave way');
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb/chat?limit=0', { token: portalToken('anna') }), 400, 'invalid_input');
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb/chat?before=a%20b', { token: portalToken('anna') }), 400, 'invalid_input');
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

describe('the guest boundary: admission polls behind one address (default limits, no LiveKit)', () => {
  let s: RunningService;
  before(async () => {
    s = await startService();
  });
  after(async () => {
    await s.close();
  });

  test('finding 7: role words are refused (alone, appended, with look-alike letters); a member\'s name, also spelt with confusable letters, gets the answer any name gets and the moderators are told', async () => {
    // Its own service: the names below would use up this address's guest budget of the test after it.
    const s = await startService({ options: { rateLimits: { guestPerAddress: 10_000 } } });
    const anna = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', portalToken('anna'))).page;
    try {
      const made = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString() } });
      const guest = (name: string) => api(s.base, 'POST', '/v1/guest/token', { body: { invite: made.body.invite, name } });
      for (const name of ['Moderator', 'Anna Schmidt (Moderator)', 'ADMIN', 'Admin2', 'Mоderatоr', 'M0derator', 'Ben Müller – Gastgeber', 'IT-Support']) {
        const res = await guest(name);
        expectError(res, 409, 'name_taken');
        assert.equal(res.body.token, undefined, name);
        assert.doesNotMatch(res.text, /Anna|Ben|Müller|Schmidt/, 'the answer names nobody');
      }
      const plain = await guest('Zora Zufall');
      assert.equal(plain.status, 200, plain.text);
      for (const name of ['Anna Schmidt', 'Anna Schmıdt', 'Аnna Schmidt', 'Anna Schrnidt', 'BEN MÜLLER']) {
        const res = await guest(name);
        assert.equal(res.status, plain.status, `${name}: ${res.text}`);
        assert.deepEqual(Object.keys(res.body).sort(), Object.keys(plain.body).sort(), 'the same answer as any name');
        const told = await anna.next('guest-resembles', (m) => m.guest.identity === res.body.identity);
        assert.equal(told.guest.name, name);
        assert.equal(told.room, 'vertrieb');
      }
      assert.ok(!anna.received.some((m) => m.type === 'guest-resembles' && m.guest.identity === plain.body.identity), 'no notice for other names');
    } finally {
      anna.close();
      await s.close();
    }
  });

  test('finding 9: twelve waiting guests behind one address and a noisy client there: every admission poll is answered; one guest polling too often is slowed alone', async () => {
    const made = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString(), waitingRoom: true } });
    assert.equal(made.status, 201, made.text);
    const tokens: string[] = [];
    for (let i = 0; i < 12; i++) {
      assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: made.body.invite } })).status, 200);
      const waiting = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: made.body.invite, name: `Gast ${i}` } });
      assert.equal(waiting.status, 202, waiting.text);
      tokens.push(waiting.body.guestToken);
    }
    // A noisy client behind the same address uses up the address's budget for /v1.
    for (let i = 0; i < 600; i++) await api(s.base, 'GET', '/v1/rooms/vertrieb');
    assert.equal((await api(s.base, 'GET', '/v1/rooms/vertrieb', { token: portalToken('anna') })).status, 429, 'the address is over its budget');
    for (let round = 0; round < 3; round++) {
      for (const token of tokens) {
        const res = await api(s.base, 'POST', '/v1/guest/admission', { token, body: { waitSeconds: 0 } });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.state, 'waiting');
      }
    }
    // One guest's page gone wild: its own budget (30 a minute) runs out, the others' does not.
    let refused;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await api(s.base, 'POST', '/v1/guest/admission', { token: tokens[0], body: { waitSeconds: 0 } });
      if (res.status !== 200) refused = res;
    }
    assert.ok(refused, 'a guest polling without pause is slowed');
    expectError(refused, 429, 'rate_limited');
    assert.equal((await api(s.base, 'POST', '/v1/guest/admission', { token: tokens[1], body: { waitSeconds: 0 } })).status, 200);
    assert.equal((await api(s.base, 'POST', '/v1/guest/leave', { token: tokens[1], body: {} })).body.left, true, '"Abbrechen" still works');
  });
});
