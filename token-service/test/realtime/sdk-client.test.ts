// The SDK's realtime client (sdk/src/realtime) in Node against the real token service, with `ws`
// as its WebSocket: one shared connection, batched watches, reconnect with re-auth and
// re-subscribe, token refresh without reconnecting, and call events.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { getRealtimeClient, RealtimeClient, type CallInfo, type PresenceStatus, type RoomUpdate } from '../../../sdk/src/realtime/realtime-client.js';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startService, type RunningService } from './service.js';
import { waitUntil } from '../../../testing/wait.js';

/** A real `ws` WebSocket that remembers every frame the client sent and every socket it opened. */
const sockets: RecordingSocket[] = [];
class RecordingSocket extends WebSocket {
  readonly sent: any[] = [];
  constructor(url: string) {
    super(url);
    sockets.push(this);
  }
  override send(data: any): void {
    this.sent.push(JSON.parse(String(data)));
    super.send(data);
  }
}

describe('SDK realtime client', () => {
  let svc: RunningService;
  before(async () => { svc = await startService({ ...fastSettings, graceMs: 200 }); });
  after(async () => { await svc.close(); });

  const clientFor = (user: string, extra: { getToken?: () => Promise<string> } = {}) => new RealtimeClient({
    url: svc.url, WebSocket: RecordingSocket, getToken: extra.getToken ?? (async () => portalToken(user)),
    reconnectMinMs: 50, reconnectMaxMs: 400,
  });

  it('shares one connection per URL and batches the watches of many buttons into one frame', async () => {
    const opts = { url: svc.url, WebSocket: RecordingSocket, getToken: async () => portalToken('anna') };
    const shared = getRealtimeClient(opts);
    assert.equal(getRealtimeClient(opts), shared, 'every element gets the same client');
    const before = sockets.length;
    const seen = new Map<string, PresenceStatus>();
    const contacts = Array.from({ length: 20 }, (_, i) => `contact${i}`);
    const unsubscribe = contacts.map((id) => shared.watchPresence(id, (s) => seen.set(id, s)));
    shared.watchPresence('ben', (s) => seen.set('ben', s));
    await waitUntil(() => seen.size === 21, 'initial presence of 21 contacts');
    assert.equal(sockets.length - before, 1, 'one WebSocket for all buttons');
    const socket = sockets.at(-1)!;
    const watches = socket.sent.filter((m) => m.type === 'watch');
    assert.equal(watches.length, 1, `one batched watch frame, got ${JSON.stringify(watches)}`);
    assert.equal(watches[0].add.length, 21);

    const ben = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    await waitUntil(() => seen.get('ben') === 'online', 'ben online');

    // Buttons disappear: one remove frame; a contact still shown by another button stays.
    for (const u of unsubscribe) u();
    await waitUntil(() => socket.sent.filter((m) => m.type === 'watch').length === 2, 'the remove batch');
    assert.equal(socket.sent.filter((m) => m.type === 'watch')[1].remove.length, 20);
    ben.page.close();
    await waitUntil(() => seen.get('ben') === 'offline', 'ben offline');
    shared.close();
  });

  it('a contact whose last button leaves and whose new button comes within one batch keeps its live status', async () => {
    // The journal re-renders its rows: every old button unsubscribes, every new one subscribes,
    // all before the watch batch is sent. The new buttons must hear the status, now and later.
    const client = clientFor('anna');
    const carla = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    try {
      let seen: PresenceStatus[] = [];
      let stop = client.watchPresence('carla', (s) => seen.push(s));
      await waitUntil(() => seen.at(-1) === 'online', 'carla online for the first button');
      const socket = sockets.at(-1)!;
      for (let round = 0; round < 5; round++) {
        stop();
        const fresh: PresenceStatus[] = [];
        stop = client.watchPresence('carla', (s) => fresh.push(s));
        seen = fresh;
        assert.deepEqual(fresh, ['online'], `round ${round}: the new button knows at once that Carla is signed in`);
        // Let the batch go out before the next re-render.
        await new Promise((r) => setTimeout(r, 30));
      }
      const watches = socket.sent.filter((m) => m.type === 'watch');
      assert.deepEqual(watches.map((m) => m.add ?? m.remove), [['carla']], 'the service kept watching Carla throughout');
      // Live changes still reach the newest button.
      carla.page.close();
      await waitUntil(() => seen.at(-1) === 'offline', 'carla offline reaches the newest button');
      const back = await TestPage.ready(svc.wsUrl, portalToken('carla'));
      await waitUntil(() => seen.at(-1) === 'online', 'carla back online reaches the newest button');
      back.page.close();
      stop();
    } finally {
      carla.page.close();
      client.close();
    }
  });

  it('reconnects after the connection drops, re-authenticates and re-subscribes', async () => {
    let tokens = 0;
    const client = clientFor('anna', { getToken: async () => { tokens++; return portalToken('anna'); } });
    const states: string[] = [];
    client.onState((s) => states.push(s));
    const seen: PresenceStatus[] = [];
    client.watchPresence('carla', (s) => seen.push(s));
    await waitUntil(() => seen.length === 1, 'initial presence');
    const first = sockets.at(-1)!;
    const firstPage = client.pageId;

    first.terminate(); // the network drops
    await waitUntil(() => client.state === 'ready' && sockets.at(-1) !== first, 'reconnected');
    assert.notEqual(client.pageId, firstPage);
    assert.equal(tokens, 2, 'authenticated again');
    assert.deepEqual(sockets.at(-1)!.sent.find((m) => m.type === 'watch').add, ['carla'], 're-subscribed');
    assert.ok(states.includes('reconnecting'));

    const carla = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    await waitUntil(() => seen.at(-1) === 'online', 'carla online after reconnect');
    carla.page.close();
    client.close();
  });

  it('comes back with backoff when the service restarts', async () => {
    const local = await startService({ ...fastSettings });
    const port = (local.server.address() as AddressInfo).port;
    const client = new RealtimeClient({ url: local.url, WebSocket: RecordingSocket, getToken: async () => portalToken('david'), reconnectMinMs: 50, reconnectMaxMs: 300 });
    const seen: PresenceStatus[] = [];
    client.watchPresence('emma', (s) => seen.push(s));
    await waitUntil(() => client.state === 'ready', 'ready');
    const opened = sockets.length;
    await local.close();
    await waitUntil(() => client.state === 'reconnecting', 'reconnecting');
    // Attempts fail while nothing listens; then the service is back on the same port.
    await waitUntil(() => sockets.length >= opened + 2, 'a few reconnect attempts');
    const again = await startService({ ...fastSettings }, {}, port);
    await waitUntil(() => client.state === 'ready', 'ready again');
    const emma = await TestPage.ready(again.wsUrl, portalToken('emma'));
    await waitUntil(() => seen.at(-1) === 'online', 'presence after the restart');
    emma.page.close();
    client.close();
    await again.close();
  });

  it('refreshes the portal token on the same connection before it expires', async () => {
    let tokens = 0;
    const client = clientFor('felix', { getToken: async () => { tokens++; return portalToken('felix', { expiresInSeconds: 2 }); } });
    client.connect();
    await waitUntil(() => client.state === 'ready', 'ready');
    const socket = sockets.at(-1)!;
    await waitUntil(() => tokens >= 3, 'two refreshes');
    assert.equal(sockets.at(-1), socket, 'no reconnect');
    assert.equal(client.state, 'ready');
    assert.equal(socket.sent.filter((m) => m.type === 'auth').length, tokens);
    client.close();
  });

  it('delivers call events; accepting with the pageId stops the other pages ringing', async () => {
    const caller = clientFor('anna');
    const calleeA = clientFor('ben');
    const calleeB = clientFor('ben');
    const calls: Record<string, CallInfo[]> = { caller: [], a: [], b: [] };
    caller.onCall((c) => calls.caller!.push(c));
    calleeA.onCall((c) => calls.a!.push(c));
    calleeB.onCall((c) => calls.b!.push(c));
    await waitUntil(() => [caller, calleeA, calleeB].every((c) => c.state === 'ready'), 'all ready');

    const { call } = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body as { call: CallInfo };
    await waitUntil(() => calls.a!.length === 1 && calls.b!.length === 1 && calls.caller!.length === 1, 'ringing everywhere');
    await svc.post(`/v1/calls/${call.id}/accept`, 'ben', { page: calleeA.pageId });
    await waitUntil(() => calls.b!.length === 2 && calls.a!.length === 2, 'active');
    assert.equal(calls.b![1]!.answeredElsewhere, true);
    assert.equal(calls.a![1]!.answeredElsewhere, undefined);
    await svc.post(`/v1/calls/${call.id}/end`, 'anna');
    await waitUntil(() => calls.caller!.at(-1)?.outcome === 'completed', 'ended for the caller');
    for (const c of [caller, calleeA, calleeB]) c.close();
  });

  it('delivers room invitations and their end', async () => {
    const ben = clientFor('ben');
    const rings: string[] = [];
    const ended: string[] = [];
    ben.onRoomRing((r) => rings.push(`${r.roomName}:${r.caller.name}`));
    ben.onRoomRingEnded((id) => ended.push(id));
    await waitUntil(() => ben.state === 'ready', 'ready');
    const res = await svc.post('/v1/rooms/vertrieb/ring', 'anna');
    assert.ok(res.body.invited.includes('ben'));
    await waitUntil(() => rings.length === 1, 'the invitation');
    assert.deepEqual(rings, ['Vertrieb:Anna Schmidt']);
    await svc.webhook({ event: 'participant_joined', room: { name: 'vertrieb' }, participant: { identity: 'ben' } });
    await waitUntil(() => ended.length >= 1, 'the invitation ended');
    assert.equal(ended[0], res.body.ringId);
    ben.close();
  });

  it('watches a room once per page however many room bars show it, replays the last update, and says why a non-member may not', async () => {
    const anna = clientFor('anna');
    const first: RoomUpdate[] = [];
    const second: RoomUpdate[] = [];
    const stopFirst = anna.watchRoom('vertrieb', (u) => first.push(u));
    const stopSecond = anna.watchRoom('vertrieb', (u) => second.push(u));
    await waitUntil(() => first.length > 0 && second.length > 0, 'both room bars hear the room');
    const socket = sockets.at(-1)!;
    const watchRooms = () => socket.sent.filter((m) => m.type === 'watch-rooms');
    assert.deepEqual(watchRooms(), [{ type: 'watch-rooms', add: ['vertrieb'] }], 'one watch for two room bars');
    assert.deepEqual(second[0], first[0]);
    // A third bar that comes later hears the last update at once, without asking the service again.
    const late: RoomUpdate[] = [];
    const stopLate = anna.watchRoom('vertrieb', (u) => late.push(u));
    assert.deepEqual(late, [first.at(-1)]);
    for (const stop of [stopFirst, stopSecond, stopLate]) stop();
    await waitUntil(() => watchRooms().length === 2, 'the remove once the last bar left');
    assert.deepEqual(watchRooms()[1], { type: 'watch-rooms', remove: ['vertrieb'] });
    anna.close();

    const david = clientFor('david');
    const refused: RoomUpdate[] = [];
    david.watchRoom('vertrieb', (u) => refused.push(u));
    await waitUntil(() => refused.length > 0, 'the refusal');
    assert.equal('error' in refused[0]! ? refused[0].error.code : 'status', 'not_a_member');
    david.close();
  });
});
