// "Person hinzufügen" through the real token service and the dev media server: Anna calls Ben, both
// are in the call's LiveKit room, and a party adds colleagues (POST /v1/calls/:id/add-people). The
// call ends `converted` for both pages and goes on as a private meeting in the same room: the caller
// moderates it, the callee and the colleagues who accept are members, nobody else (a member of the
// Vertrieb chat room included) gets in. Refusals convert nothing and ring nobody; the limits apply;
// the moderator's end and LiveKit's room_finished end it; the call history has the call and the meeting.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { waitUntil } from '../../../testing/wait.js';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startServiceWithMedia, type RunningService } from './service.js';

interface Setup { media: MediaServer; s: RunningService }

/** The call rings 1.5 s (answered at once here); a colleague's ring lasts the test. */
function startWithMedia(env: Record<string, string> = {}): Promise<Setup> {
  return startServiceWithMedia({ ...fastSettings, roomRingTimeoutMs: 30_000 }, env);
}

/** Pages, LiveKit participants and the calls of one describe block. */
function harness(setup: () => Setup) {
  const pages: TestPage[] = [];
  const people: SignalParticipant[] = [];
  const h = {
    pages, people,
    async page(user: string) {
      const { page: p } = await TestPage.ready(setup().s.wsUrl, portalToken(user));
      pages.push(p);
      return p;
    },
    async get(path: string, user: string) {
      const res = await fetch(setup().s.url + path, { headers: { authorization: `Bearer ${portalToken(user)}` } });
      return { status: res.status, body: await res.json() as any };
    },
    post: (path: string, user: string, body?: unknown) => setup().s.post(path, user, body),
    async join(token: string) {
      const p = await SignalParticipant.join(setup().media.url, token, { dataChannels: false });
      people.push(p);
      return p;
    },
    /** Anna calls Ben, Ben answers, both are in the call's room (unless `inRoom` is false). */
    async activeCall(caller = 'anna', callee = 'ben', inRoom = true): Promise<CallInfo> {
      const started = await h.post('/v1/calls', caller, { callee });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const accepted = await h.post(`/v1/calls/${started.body.call.id}/accept`, callee);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      if (inRoom) {
        await h.join(started.body.token);
        await h.join(accepted.body.token);
      }
      return accepted.body.call as CallInfo;
    },
    async close() {
      for (const p of pages.splice(0)) p.ws.terminate();
      await Promise.all(people.splice(0).map((p) => p.close().catch(() => undefined)));
    },
  };
  return h;
}

describe('a 1:1 call becomes a meeting in place', () => {
  let setup: Setup;
  const h = harness(() => setup);
  before(async () => {
    setup = await startWithMedia();
  });
  afterEach(() => h.close());
  after(async () => {
    await setup?.s.close();
    await setup?.media.close();
  });

  it('refuses who is not a party, a call that is not active, bad and unknown ids: nothing converted, nobody rung', async () => {
    const david = await h.page('david');
    await h.page('anna');
    await h.page('ben');
    const started = await h.post('/v1/calls', 'anna', { callee: 'ben' });
    const id = started.body.call.id as string;
    // Ringing is not active yet.
    const ringing = await h.post(`/v1/calls/${id}/add-people`, 'anna', { userIds: ['david'] });
    assert.deepEqual([ringing.status, ringing.body.error.code, ringing.body.call?.state], [409, 'call_not_active', 'ringing']);
    assert.equal((await h.post(`/v1/calls/${id}/accept`, 'ben')).status, 200);

    const carla = await h.post(`/v1/calls/${id}/add-people`, 'carla', { userIds: ['david'] });
    assert.deepEqual([carla.status, carla.body.error.code], [403, 'not_in_call']);
    assert.equal((await h.post('/v1/calls/000000000000000000000000/add-people', 'anna', { userIds: ['david'] })).status, 404);
    assert.equal((await h.post('/v1/calls/nonsense/add-people', 'anna', { userIds: ['david'] })).status, 404);
    const unknown = await h.post(`/v1/calls/${id}/add-people`, 'anna', { userIds: ['david', 'nobody'] });
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'not_found']);
    assert.match(unknown.body.error.message, /nobody/);
    for (const bad of [undefined, [], 'david', [42], ['a:b'], ['david', 'david'], Array.from({ length: 11 }, (_, i) => `u${i}`), ['ben'], ['anna']]) {
      const res = await h.post(`/v1/calls/${id}/add-people`, 'anna', { userIds: bad });
      assert.deepEqual([res.status, res.body.error.code], [400, 'invalid_input'], `${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`);
    }
    // Still the same active call; David was rung by none of it.
    assert.equal((await h.get(`/v1/calls/${id}`, 'anna')).body.call.state, 'active');
    assert.equal((await h.get(`/v1/rooms/call-${id}`, 'anna')).status, 404);
    assert.equal(david.received.some((m) => m.type === 'room-ring'), false);
    assert.equal((await h.post(`/v1/calls/${id}/end`, 'anna')).status, 200);
  });

  it('converts: both pages get the converted end, the caller moderates, the callee and an accepting colleague are members, nobody else gets in', async () => {
    const anna = await h.page('anna');
    const ben = await h.page('ben');
    const carla = await h.page('carla');
    const david = await h.page('david');
    const felix = await h.page('felix');
    felix.send({ type: 'watch', add: ['anna', 'ben'] });
    const call = await h.activeCall();
    const room = call.room;
    await felix.presence('anna', 'busy');
    // From here on every presence frame about Anna must say busy (the initial `online` is over).
    felix.received.splice(0);

    // Ben, the callee, adds Carla and David.
    const res = await h.post(`/v1/calls/${call.id}/add-people`, 'ben', { userIds: ['carla', 'david'] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.meeting, { room, name: 'Anna Schmidt, Ben Müller' });
    assert.deepEqual(res.body.rung.map((r: { id: string; outcome: string }) => [r.id, r.outcome]), [['carla', 'ringing'], ['david', 'ringing']]);
    for (const p of [anna, ben]) {
      const ended = await p.call('ended', 'completed');
      assert.deepEqual([ended.id, ended.reason, ended.meeting], [call.id, 'converted', { room, name: 'Anna Schmidt, Ben Müller' }]);
    }
    const popup = await carla.next('room-ring', (m) => m.ring.room === room);
    assert.deepEqual([popup.ring.caller.id, popup.ring.roomName, popup.ring.direct, popup.ring.id], ['ben', 'Anna Schmidt, Ben Müller', true, res.body.ringId]);
    await david.next('room-ring', (m) => m.ring.room === room);
    // The converted call cannot be converted again: the meeting's own route rings into it.
    const again = await h.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['emma'] });
    assert.deepEqual([again.status, again.body.error.code, again.body.call?.reason], [409, 'call_not_active', 'converted']);

    // Both stay busy through the conversion: another call to Anna is refused as busy.
    const emmaCalls = await h.post('/v1/calls', 'emma', { callee: 'anna' });
    assert.deepEqual([emmaCalls.status, emmaCalls.body.error.code], [409, 'busy']);
    assert.equal(felix.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'anna' && u.status !== 'busy')), false);

    // A page change: Anna gets the room again and may moderate; Ben may not.
    const annaToken = await h.post('/v1/token', 'anna', { room, moderator: true });
    assert.deepEqual([annaToken.status, annaToken.body.role, annaToken.body.canModerate], [200, 'moderator', true]);
    const benToken = await h.post('/v1/token', 'ben', { room, moderator: true });
    assert.deepEqual([benToken.status, benToken.body.role, benToken.body.canModerate], [200, 'member', false]);
    // Felix is a member of the Vertrieb chat room, not of this meeting.
    for (const path of [`/v1/rooms/${room}`, `/v1/rooms/${room}/chat`]) assert.equal((await h.get(path, 'felix')).status, 403);
    const felixToken = await h.post('/v1/token', 'felix', { room });
    assert.deepEqual([felixToken.status, felixToken.body.error.code], [403, 'not_a_member']);
    assert.equal((await h.post(`/v1/rooms/${room}/ring-colleagues`, 'felix', { userIds: ['emma'] })).status, 403);

    const status = await h.get(`/v1/rooms/${room}`, 'ben');
    assert.equal(status.status, 200, JSON.stringify(status.body));
    assert.deepEqual([status.body.room, status.body.kind, status.body.running], [{ id: room, name: 'Anna Schmidt, Ben Müller' }, 'meeting', true]);
    // Its status for a page that watches it (the conference's header), not for Felix.
    ben.send({ type: 'watch-rooms', add: [room] });
    const frame = await ben.next('room', (m) => m.room.id === room);
    assert.deepEqual([frame.room.name, frame.room.kind, frame.room.running], ['Anna Schmidt, Ben Müller', 'meeting', true]);
    felix.send({ type: 'watch-rooms', add: [room] });
    assert.equal((await felix.next('error', (m) => m.room === room)).error.code, 'not_a_member');
    // No guest link: a converted meeting has no invites.
    const invite = await h.post(`/v1/rooms/${room}/invites`, 'anna', { startsAt: new Date(Date.now() + 3600_000).toISOString(), durationMinutes: 30 });
    assert.deepEqual([invite.status, invite.body.error?.code], [404, 'not_found']);
    assert.equal((await h.post(`/v1/rooms/${room}/chat`, 'anna', { text: 'Vor Carla' })).status, 201);

    // Carla takes it up ("Teilnehmen"): a member, never a moderator; the chat from her arrival.
    const carlaToken = await h.post('/v1/token', 'carla', { room, moderator: true });
    assert.deepEqual([carlaToken.status, carlaToken.body.role, carlaToken.body.canModerate], [200, 'member', false]);
    await h.join(carlaToken.body.token);
    await waitUntil(async () => (await h.get(`/v1/rooms/${room}`, 'anna')).body.participants.some((p: { identity: string }) => p.identity === 'carla'), 'Carla in the meeting');
    assert.equal((await h.post(`/v1/rooms/${room}/chat`, 'ben', { text: 'Hallo Carla' })).status, 201);
    assert.deepEqual((await h.get(`/v1/rooms/${room}/chat`, 'carla')).body.messages.map((m: { text: string }) => m.text), ['Hallo Carla']);
    assert.deepEqual((await h.get(`/v1/rooms/${room}/chat`, 'ben')).body.messages.map((m: { text: string }) => m.text), ['Vor Carla', 'Hallo Carla']);
    // David declines; Ben, who rang him, is told.
    assert.deepEqual((await h.post(`/v1/rooms/${room}/ring/decline`, 'david', {})).body, { declined: true });
    const told = await ben.next('colleague-ring-answer', (m) => m.user.id === 'david');
    assert.deepEqual([told.outcome, told.room], ['declined', room]);
    assert.equal((await h.post('/v1/token', 'david', { room })).status, 403);
    // Anyone in it may ring another colleague into it ("Kollegen hinzurufen").
    await h.page('emma');
    const more = await h.post(`/v1/rooms/${room}/ring-colleagues`, 'carla', { userIds: ['emma'] });
    assert.equal(more.status, 201, JSON.stringify(more.body));

    // Moderation is the caller's only.
    for (const path of ['end', 'mute-all', 'moderator']) assert.equal((await h.post(`/v1/rooms/${room}/${path}`, 'ben', {})).status, 403, path);
    // "Konferenz beenden" by Anna ends it for all: nobody gets the room again, everyone is free.
    const ended = await h.post(`/v1/rooms/${room}/end`, 'anna', {});
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    for (const who of ['anna', 'ben', 'carla']) assert.equal((await h.post('/v1/token', who, { room })).status, 404, who);
    await felix.presence('anna', 'online');
    await felix.presence('ben', 'online');

    // The history: the call completed up to the conversion, the meeting for each person.
    await waitUntil(async () => {
      const entries = (await h.get('/v1/history', 'ben')).body.entries as Array<{ kind: string; outcome: string; room?: { id: string }; with?: { id: string }; direction: string }>;
      return entries.some((e) => e.kind === 'call' && e.outcome === 'completed' && e.with?.id === 'anna')
        && entries.some((e) => e.kind === 'meeting' && e.room?.id === room && e.direction === 'incoming' && e.with?.id === 'anna');
    }, 'Ben\'s history: the call and the meeting');
    await waitUntil(async () => (await h.get('/v1/history', 'anna')).body.entries.some((e: { kind: string; room?: { id: string }; direction: string }) => e.kind === 'meeting' && e.room?.id === room && e.direction === 'outgoing'), 'Anna\'s history: the meeting');
    await waitUntil(async () => (await h.get('/v1/history', 'carla')).body.entries.some((e: { kind: string; room?: { id: string }; with?: { id: string } }) => e.kind === 'meeting' && e.room?.id === room && e.with?.id === 'ben'), 'Carla\'s history: the meeting Ben rang her into');
  });

  it('ends when the last person leaves (LiveKit room_finished): the room is gone, nobody busy', async () => {
    await h.page('anna');
    await h.page('ben');
    const felix = await h.page('felix');
    felix.send({ type: 'watch', add: ['anna'] });
    const call = await h.activeCall();
    await h.page('carla');
    const res = await h.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['carla'] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal((await h.post(`/v1/rooms/${call.room}/leave`, 'anna', {})).status, 200);
    assert.equal((await h.post(`/v1/rooms/${call.room}/leave`, 'ben', {})).status, 200);
    await Promise.all(h.people.splice(0).map((p) => p.close()));
    // The dev media server closes an emptied room after its departure timeout (1 s).
    await waitUntil(async () => (await h.post('/v1/token', 'ben', { room: call.room })).status === 404, 'the meeting gone after the room finished');
    await felix.presence('anna', 'online');
    // Carla's ring ended with it.
    assert.equal((await h.post('/v1/token', 'carla', { room: call.room })).status, 404);
  });
});

describe('a call turned meeting through a page change of the last person in it', () => {
  let setup: Setup;
  const h = harness(() => setup);
  const METRICS_TOKEN = 'metrics-token-of-this-test';
  /** How many room_finished webhooks the service has had (LiveKit closed an emptied room). */
  const finished = async () => {
    const res = await fetch(`${setup.s.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    return Number(/timio_webhook_events_total\{event="room_finished"\} (\d+)/.exec(await res.text())?.[1] ?? 0);
  };
  before(async () => {
    // The page-change grace (5 s) outlasts the dev media server's closing of an emptied room (1 s).
    setup = await startServiceWithMedia({ ...fastSettings, roomRingTimeoutMs: 30_000, roomRejoinGraceMs: 5_000 }, { METRICS_TOKEN });
  });
  after(async () => {
    await h.close();
    await setup?.s.close();
    await setup?.media.close();
  });

  it('goes on when the room closed while Ben changed pages, and ends when nobody came back', async () => {
    await h.page('anna');
    await h.page('ben');
    const felix = await h.page('felix');
    felix.send({ type: 'watch', add: ['ben'] });
    const call = await h.activeCall();
    const res = await h.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['carla'] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // Anna leaves for good; Ben's page goes away without the goodbye (a page change): the room empties.
    assert.equal((await h.post(`/v1/rooms/${call.room}/leave`, 'anna', {})).status, 200);
    const before = await finished();
    await Promise.all(h.people.splice(0).map((p) => p.close()));
    await waitUntil(async () => (await finished()) > before, 'LiveKit closed the emptied room');
    // Ben's new page takes the meeting up again: same room, member token; the meeting goes on.
    const back = await h.post('/v1/token', 'ben', { room: call.room });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    const ben = await h.join(back.body.token);
    await waitUntil(async () => (await h.get(`/v1/rooms/${call.room}`, 'ben')).body.participants?.some((p: { identity: string }) => p.identity === 'ben'), 'Ben back in the meeting');
    // The room LiveKit opened anew says again what it is.
    await waitUntil(() => setup.media.rooms.getRoom(call.room)?.info().metadata.includes('timio-meeting'), 'the meeting in the new room\'s metadata');
    await felix.presence('ben', 'busy');
    // He leaves without the goodbye again and does not come back: after the grace the meeting is over.
    await ben.close();
    await waitUntil(async () => (await h.post('/v1/token', 'ben', { room: call.room })).status === 404, 'the meeting over after the grace');
    await felix.presence('ben', 'online');
  });
});

describe('a 1:1 call becomes a meeting: the ring limits', () => {
  let setup: Setup;
  const h = harness(() => setup);
  before(async () => {
    // The call itself is Anna's first of two an hour.
    setup = await startWithMedia({ CALLS_PER_HOUR: '2' });
  });
  after(async () => {
    await h.close();
    await setup?.s.close();
    await setup?.media.close();
  });

  it('over the limit: 429, the call goes on unconverted, nobody rung', async () => {
    const anna = await h.page('anna');
    await h.page('ben');
    const carla = await h.page('carla');
    const david = await h.page('david');
    // Refused before anything reaches LiveKit: nobody needs to be in the room.
    const call = await h.activeCall('anna', 'ben', false);
    const res = await h.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['carla', 'david'] });
    assert.deepEqual([res.status, res.body.error.code], [429, 'rate_limited'], JSON.stringify(res.body));
    assert.equal((await h.get(`/v1/calls/${call.id}`, 'anna')).body.call.state, 'active');
    assert.equal((await h.post('/v1/token', 'anna', { room: call.room })).status, 404);
    // A ping answered after the refusal: nothing of it is still on its way to the pages.
    for (const p of [anna, carla, david]) {
      p.send({ type: 'ping' });
      await p.next('pong');
    }
    assert.equal(anna.received.some((m) => m.type === 'call' && m.call.state === 'ended'), false);
    assert.equal([carla, david].some((p) => p.received.some((m) => m.type === 'room-ring')), false);
    // The call goes on as a call: hanging up completes it.
    assert.equal((await h.post(`/v1/calls/${call.id}/end`, 'anna')).body.call.outcome, 'completed');
  });
});
