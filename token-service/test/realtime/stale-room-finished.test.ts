// A late room_finished (LiveKit sends it after the departure timeout, and delays or retries
// webhooks) of a room's previous meeting must not end the meeting running in the same room now:
// its chat stays and its people stay busy. The dev media server's signed webhooks reach the token
// service through a relay in this test that holds back the first meeting's room_finished and lets
// it go once the second meeting runs; the same for a call turned meeting (whose rejoin grace alone
// kept it before, as long as the late webhook came within the grace).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startMediaServer, type MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { waitUntil } from '../../../testing/wait.js';
import type { RealtimeSettings } from '../../src/realtime/settings.js';
import type { TestPage } from './pages.js';
import { fastSettings, startService, type RunningService } from './service.js';
import { serviceClient } from './test-client.js';

interface Relayed { event: string; room?: { name?: string; sid?: string }; participant?: { identity?: string }; body: string; authorization: string }

/** Passes the media server's webhooks on to the service, except those `hold` keeps until `release`. */
class WebhookRelay {
  readonly server: Server;
  readonly passed: Relayed[] = [];
  readonly held: Relayed[] = [];
  hold: (ev: Relayed) => boolean = () => false;
  target = '';

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = JSON.parse(body) as Pick<Relayed, 'event' | 'room' | 'participant'>;
        const ev: Relayed = { ...parsed, body, authorization: req.headers.authorization ?? '' };
        const answer = (status: number) => void res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        if (this.hold(ev)) {
          this.held.push(ev);
          answer(200);
          return;
        }
        this.deliver(ev).then(() => answer(200), () => answer(502));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/livekit/webhook`;
  }

  /** Sends a held event on, as LiveKit's late delivery would; resolves once the service took it. */
  async release(ev: Relayed): Promise<void> {
    this.held.splice(this.held.indexOf(ev), 1);
    await this.deliver(ev);
  }

  private async deliver(ev: Relayed): Promise<void> {
    const res = await fetch(this.target, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: ev.authorization }, body: ev.body });
    assert.equal(res.status, 200, await res.text());
    this.passed.push(ev);
  }
}

const finishedOf = (sid: string) => (ev: Relayed) => ev.event === 'room_finished' && ev.room?.sid === sid;

/** The media server's webhooks reach the service through `relay`. */
function relayedSetup(settings: Partial<RealtimeSettings>) {
  const setup = {
    relay: new WebhookRelay(), media: undefined as unknown as MediaServer, s: undefined as unknown as RunningService, people: [] as SignalParticipant[],
    async start() {
      await new Promise<void>((resolve) => setup.relay.server.listen(0, '127.0.0.1', resolve));
      setup.media = await startMediaServer({ port: 0, webhookUrls: [setup.relay.url] });
      setup.s = await startService(settings, { LIVEKIT_URL: setup.media.url });
      setup.relay.target = `${setup.s.url}/v1/livekit/webhook`;
    },
    async join(token: string) {
      const p = await SignalParticipant.join(setup.media.url, token, { dataChannels: false });
      setup.people.push(p);
      return p;
    },
    async stop(pages: TestPage[]) {
      for (const p of pages) p.ws.terminate();
      await Promise.all(setup.people.map((p) => p.close().catch(() => undefined)));
      await setup.media?.close();
      await setup.s?.close();
      setup.relay.server.closeAllConnections(); // the media server's keep-alive connections
      await new Promise<void>((resolve) => setup.relay.server.close(() => resolve()));
    },
  };
  return setup;
}

describe('a late room_finished of a room\'s previous meeting', () => {
  const setup = relayedSetup(fastSettings);
  const { relay } = setup;
  let s: RunningService;
  const { pages, page, get } = serviceClient(() => s);
  const join = async (user: string) => {
    const res = await s.post('/v1/token', user, { room: 'vertrieb' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return setup.join(res.body.token as string);
  };
  const chatTexts = async (user: string) => {
    const res = await get('/v1/rooms/vertrieb/chat', user);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.messages as Array<{ text: string }>).map((m) => m.text);
  };

  before(async () => {
    await setup.start();
    s = setup.s;
  });
  after(() => setup.stop(pages));

  it('leaves the new meeting\'s chat and people alone; the new meeting\'s own room_finished still ends it', async () => {
    await page('ben'); // his portal page: online, busy while in a meeting
    const carla = await page('carla');
    carla.send({ type: 'watch', add: ['ben'] });
    await carla.presence('ben', 'online');

    // Meeting 1: ben comes and goes; LiveKit's room_finished for it is held back.
    relay.hold = (ev) => ev.event === 'room_finished' && ev.room?.name === 'vertrieb';
    const first = await join('ben');
    const sidA = first.joinResponse.room?.sid ?? '';
    assert.ok(sidA, 'the media server names the room instance');
    await carla.presence('ben', 'busy');
    await first.leave();
    await carla.presence('ben', 'online');
    const lateA = await waitUntil(() => relay.held.find(finishedOf(sidA)), 'meeting 1\'s room_finished (held back)');
    relay.hold = () => false;

    // Meeting 2 in the same room: a new instance, and a chat message.
    const second = await join('ben');
    const sidB = second.joinResponse.room?.sid ?? '';
    assert.ok(sidB && sidB !== sidA, `a new instance of the room has its own sid (${sidA}, then ${sidB})`);
    await carla.presence('ben', 'busy');
    const said = await s.post('/v1/rooms/vertrieb/chat', 'ben', { text: 'Hallo zusammen' });
    assert.equal(said.status, 201, JSON.stringify(said.body));

    // Now meeting 1's room_finished arrives. Wait until the service has dealt with it: it says it
    // ignored it, or (the bug) the chat is gone.
    await relay.release(lateA);
    await waitUntil(async () => s.log.some((l) => l.includes('room_finished of an earlier meeting') && l.includes(sidA)) || (await chatTexts('ben')).length === 0,
      'the late room_finished handled');
    assert.deepEqual(await chatTexts('ben'), ['Hallo zusammen'], 'the new meeting\'s chat is kept');
    assert.deepEqual(await chatTexts('anna'), ['Hallo zusammen'], 'for every member');
    // Still in the conference: a 1:1 call to him is refused as busy, and nobody saw him leave it.
    const call = await s.post('/v1/calls', 'carla', { callee: 'ben' });
    assert.equal(call.status, 409, JSON.stringify(call.body));
    assert.equal(call.body.error.code, 'busy');
    assert.ok(!carla.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'ben' && u.status !== 'busy')), 'ben stayed busy');

    // Meeting 2 ends: its own room_finished clears the chat as before.
    await second.leave();
    await waitUntil(() => relay.passed.find(finishedOf(sidB)), 'meeting 2\'s room_finished');
    await carla.presence('ben', 'online');
    await waitUntil(async () => (await chatTexts('ben')).length === 0, 'the chat of meeting 2 cleared');
  });
});

describe('a late room_finished of a call turned meeting\'s previous room instance', () => {
  // Everyone's page change outlasts LiveKit's departure timeout here: the room closes (room_finished
  // held back) and everyone is back within the rejoin grace, in a new instance of the room.
  const GRACE_MS = 5_000;
  const setup = relayedSetup({ ...fastSettings, roomRejoinGraceMs: GRACE_MS, roomRingTimeoutMs: 30_000 });
  const { relay } = setup;
  let s: RunningService;
  const { pages, page, get } = serviceClient(() => s);
  before(async () => {
    await setup.start();
    s = setup.s;
  });
  after(() => setup.stop(pages));

  it('does not end the meeting going on in the new instance', async () => {
    await page('anna');
    await page('ben');
    const carla = await page('carla');
    const felix = await page('felix');
    felix.send({ type: 'watch', add: ['ben'] });
    const started = await s.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const accepted = await s.post(`/v1/calls/${started.body.call.id}/accept`, 'ben');
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const room = accepted.body.call.room as string;
    const tokens = [started.body.token as string, accepted.body.token as string];
    relay.hold = (ev) => ev.event === 'room_finished' && ev.room?.name === room;
    const firstIn = await Promise.all(tokens.map((t) => setup.join(t)));
    const sidA = firstIn[0]!.joinResponse.room?.sid ?? '';
    const added = await s.post(`/v1/calls/${started.body.call.id}/add-people`, 'anna', { userIds: ['carla'] });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    await carla.next('room-ring', (m) => m.ring.room === room);
    await felix.presence('ben', 'busy');

    // Both change pages; LiveKit closes the emptied room; both are back in a new instance.
    await Promise.all(firstIn.map((p) => p.leave()));
    const lateA = await waitUntil(() => relay.held.find(finishedOf(sidA)), 'the first instance\'s room_finished (held back)');
    relay.hold = () => false;
    const again = await Promise.all(['anna', 'ben'].map(async (user) => {
      const res = await s.post('/v1/token', user, { room });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return setup.join(res.body.token as string);
    }));
    const sidB = again[0]!.joinResponse.room?.sid ?? '';
    assert.ok(sidB && sidB !== sidA, `a new instance of the room (${sidA}, then ${sidB})`);
    // The service has heard both are back (their page-change grace is over).
    await waitUntil(() => ['anna', 'ben'].every((id) => relay.passed.some((ev) => ev.event === 'participant_joined' && ev.room?.sid === sidB && ev.participant?.identity === id)),
      'both joins of the new instance delivered');
    assert.equal((await s.post(`/v1/rooms/${room}/chat`, 'ben', { text: 'Wieder da' })).status, 201);

    // LiveKit's room_finished is later still than the rejoin grace (which alone kept the meeting
    // before): this process's grace timers, started at the leaves, have all fired once this one has.
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 500));
    await relay.release(lateA);
    await waitUntil(async () => s.log.some((l) => l.includes('room_finished of an earlier meeting') && l.includes(sidA)) 
      || (await get(`/v1/rooms/${room}`, 'anna')).status !== 200 || (await get(`/v1/rooms/${room}/chat`, 'anna')).body.messages?.length !== 1,
      'the late room_finished handled');
    const status = await get(`/v1/rooms/${room}`, 'anna');
    assert.deepEqual([status.status, status.body.kind, status.body.running], [200, 'meeting', true], JSON.stringify(status.body));
    assert.deepEqual((await get(`/v1/rooms/${room}/chat`, 'anna')).body.messages.map((m: { text: string }) => m.text), ['Wieder da']);
    // Carla may still take it up, and Ben is still busy in it.
    assert.equal((await s.post('/v1/token', 'carla', { room })).status, 200);
    const call = await s.post('/v1/calls', 'felix', { callee: 'ben' });
    assert.deepEqual([call.status, call.body.error?.code], [409, 'busy']);
  });
});
