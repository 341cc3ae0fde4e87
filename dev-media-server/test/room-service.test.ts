// RoomService over Twirp, signalling (sessions, leaving, garbage on the socket) and signed webhooks,
// driven by livekit-server-sdk exactly as the token service uses it; participants are Node signal
// participants (real signalling, data channels). What browsers observe is in call.test.ts.
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { DisconnectReason } from '@livekit/protocol';
import { DataPacket_Kind, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { DEV_API_KEY, DEV_API_SECRET, roomToken, serverToken } from '../../testing/node/tokens.js';
import { waitUntil } from '../../testing/wait.js';
import { startWebhookSink, type WebhookSink } from '../../testing/node/webhook-receiver.js';

let media: MediaServer;
let hooks: WebhookSink;
let api: RoomServiceClient;
const joined: SignalParticipant[] = [];
let roomCounter = 0;

before(async () => {
  hooks = await startWebhookSink();
  media = await startMediaServer({ port: 0, webhookUrls: [hooks.url] });
  api = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, DEV_API_SECRET);
});
after(async () => {
  await media?.close();
  await hooks?.close();
});
afterEach(async () => {
  await Promise.all(joined.splice(0).map((p) => p.close()));
});

function freshRoom(): string {
  return `room-${++roomCounter}-${Date.now()}`;
}

async function join(identity: string, room: string, grant = {}, opts: Parameters<typeof roomToken>[3] = {}): Promise<SignalParticipant> {
  const p = await SignalParticipant.join(media.url, await roomToken(identity, room, grant, opts));
  joined.push(p);
  return p;
}

async function twirp(method: string, body: unknown, token?: string): Promise<{ status: number; contentType: string | null; json: any }> {
  const res = await fetch(`${media.url.replace('ws:', 'http:')}/twirp/livekit.RoomService/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), json: await res.json() };
}

async function rejects(promise: Promise<unknown>, status: number, code: string): Promise<TwirpError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof TwirpError, `expected a TwirpError, got ${String(err)}`);
    assert.equal(err.status, status, err.message);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected HTTP ${status} ${code}`);
}

describe('RoomService (livekit-server-sdk RoomServiceClient)', () => {
  test('lists rooms and participants, gets one participant', async () => {
    const room = freshRoom();
    const alice = await join('alice', room, {}, { name: 'Alice', metadata: '{"role":"host"}', attributes: { team: 'blue' } });
    await join('bob', room);
    const rooms = await api.listRooms();
    const info = rooms.find((r) => r.name === room);
    assert.ok(info, 'room listed');
    assert.match(info.sid, /^RM_/);
    assert.equal(info.numParticipants, 2);
    assert.deepEqual((await api.listRooms([room])).map((r) => r.name), [room]);
    assert.deepEqual(await api.listRooms(['no-such-room']), []);

    const participants = await api.listParticipants(room);
    assert.deepEqual(participants.map((p) => p.identity).sort(), ['alice', 'bob']);
    const got = await api.getParticipant(room, 'alice');
    assert.equal(got.sid, alice.sid);
    assert.equal(got.name, 'Alice');
    assert.equal(got.metadata, '{"role":"host"}');
    assert.deepEqual(got.attributes, { team: 'blue' });
  });

  test('unknown room or participant is not_found (404)', async () => {
    const room = freshRoom();
    await join('alice', room);
    await rejects(api.getParticipant(room, 'nobody'), 404, 'not_found');
    await rejects(api.listParticipants('no-such-room'), 404, 'not_found');
    await rejects(api.removeParticipant(room, 'nobody'), 404, 'not_found');
    await rejects(api.deleteRoom('no-such-room'), 404, 'not_found');
  });

  test('UpdateParticipant with permission revokes publishing data', async () => {
    const room = freshRoom();
    const alice = await join('alice', room);
    const bob = await join('bob', room);
    await api.updateParticipant(room, 'bob', { permission: { canPublish: false, canSubscribe: true, canPublishData: false } });
    await bob.waitForMessage((m) => m.case === 'update' && m.value.participants.some((p) => p.identity === 'bob' && p.permission?.canPublishData === false));
    bob.sendData('should not arrive', { topic: 'chat' });
    // bob's packet left before alice's marker did; once the marker has crossed, the server has seen bob's
    alice.sendData('marker', { topic: 'chat' });
    await bob.waitForData((d) => d.text === 'marker');
    await api.sendData(room, new TextEncoder().encode('server fence'), DataPacket_Kind.RELIABLE, { destinationIdentities: ['alice'] });
    await alice.waitForData((d) => d.text === 'server fence');
    assert.deepEqual(alice.dataReceived.map((d) => d.text), ['server fence']);
    assert.equal((await api.getParticipant(room, 'bob')).permission?.canPublishData, false);
  });

  test('CreateRoom and UpdateRoomMetadata', async () => {
    const room = freshRoom();
    const created = await api.createRoom({ name: room, maxParticipants: 7, metadata: 'm1' });
    assert.equal(created.name, room);
    assert.equal(created.maxParticipants, 7);
    const alice = await join('alice', room);
    assert.equal(alice.joinResponse.room?.metadata, 'm1');
    const updated = await api.updateRoomMetadata(room, 'm2');
    assert.equal(updated.metadata, 'm2');
    await alice.waitForMessage((m) => m.case === 'roomUpdate' && m.value.room?.metadata === 'm2');
  });
});

describe('RoomService permissions', () => {
  test('admin calls need roomAdmin for exactly that room', async () => {
    const room = freshRoom();
    await join('alice', room);
    const noAdmin = await serverToken({ room, roomList: true, roomCreate: true });
    const otherRoom = await serverToken({ roomAdmin: true, room: 'some-other-room' });
    const right = await serverToken({ roomAdmin: true, room });
    for (const method of ['ListParticipants', 'GetParticipant', 'RemoveParticipant', 'UpdateParticipant', 'SendData', 'MutePublishedTrack']) {
      const body = { room, identity: 'alice', trackSid: 'TR_x', data: '' };
      for (const token of [noAdmin, otherRoom]) {
        const r = await twirp(method, body, token);
        assert.equal(r.status, 401, `${method}: ${JSON.stringify(r.json)}`);
        assert.equal(r.contentType, 'application/json');
        assert.equal(r.json.code, 'unauthenticated');
        assert.match(r.json.msg, /roomAdmin/);
      }
    }
    const ok = await twirp('ListParticipants', { room }, right);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json.participants.map((p: { identity: string }) => p.identity), ['alice']);
    // the refused calls changed nothing
    assert.deepEqual((await api.listParticipants(room)).map((p) => p.identity), ['alice']);
  });

  test('ListRooms needs roomList; CreateRoom and DeleteRoom need roomCreate', async () => {
    const room = freshRoom();
    await join('alice', room);
    const admin = await serverToken({ roomAdmin: true, room });
    assert.equal((await twirp('ListRooms', {}, admin)).status, 401);
    assert.equal((await twirp('DeleteRoom', { room }, admin)).status, 401);
    assert.equal((await twirp('CreateRoom', { name: 'x' }, admin)).status, 401);
    assert.equal((await twirp('ListRooms', {}, await serverToken({ roomList: true }))).status, 200);
    assert.deepEqual((await api.listRooms([room])).map((r) => r.name), [room], 'room still exists');
  });

  test('missing, forged or expired tokens are unauthenticated', async () => {
    const missing = await twirp('ListRooms', {});
    assert.equal(missing.status, 401);
    assert.equal(missing.json.code, 'unauthenticated');
    const forged = await serverToken({ roomList: true }, { apiSecret: 'not-the-secret' });
    assert.equal((await twirp('ListRooms', {}, forged)).status, 401);
    const unknownKey = await serverToken({ roomList: true }, { apiKey: 'otherkey' });
    assert.equal((await twirp('ListRooms', {}, unknownKey)).status, 401);
    const wrong = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, 'wrong-secret');
    await rejects(wrong.listRooms(), 401, 'unauthenticated');
  });

  test('bad routes and malformed bodies get Twirp errors', async () => {
    const token = await serverToken({ roomList: true });
    const unknown = await twirp('FlyToTheMoon', {}, token);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.code, 'bad_route');
    const res = await fetch(`${media.url.replace('ws:', 'http:')}/twirp/livekit.RoomService/ListRooms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"names": 42',
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { code: string }).code, 'malformed');
  });
});

describe('joining (signalling)', () => {
  test('the same identity joining again replaces the old session', async () => {
    const room = freshRoom();
    const first = await join('alice', room);
    const watcher = await join('bob', room);
    const second = await join('alice', room);
    assert.equal((await first.waitForLeave()).reason, DisconnectReason.DUPLICATE_IDENTITY);
    await watcher.waitForParticipant('alice', (p) => p.sid === second.sid);
    assert.deepEqual((await api.listParticipants(room)).map((p) => p.identity).sort(), ['alice', 'bob']);
  });

  test('a participant that leaves is gone for the others', async () => {
    const room = freshRoom();
    const alice = await join('alice', room);
    const bob = await join('bob', room);
    await alice.waitForParticipant('bob');
    await bob.leave();
    await alice.waitForParticipantGone('bob');
    // a dropped connection (no leave) ends the same way
    const carol = await join('carol', room);
    await alice.waitForParticipant('carol');
    await carol.close();
    await alice.waitForParticipantGone('carol');
  });

  test('garbage on the signal socket closes that socket only; the server goes on', async () => {
    const ws = new WebSocket(`${media.url}/rtc?access_token=${await roomToken('vandal', freshRoom())}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.send(Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]));
    ws.send('{"not":"a signal request"');
    ws.send(Buffer.alloc(2 * 1024 * 1024, 7)); // larger than the limit: the server closes this socket
    await closed;
    const room = freshRoom();
    const a = await join('a', room);
    const b = await join('b', room);
    a.sendData('still fine');
    await b.waitForData((d) => d.text === 'still fine');
  });
});

describe('pings', () => {
  test('the join response asks for LiveKit\'s pings (every 5 s, 15 s timeout), or those of the ping option', async () => {
    const room = freshRoom();
    const shipped = await join('anna', room);
    assert.deepEqual([shipped.joinResponse.pingInterval, shipped.joinResponse.pingTimeout], [5, 15]);
    // A server with the ping option (tests that cut the network): a client reconnects after 3 s.
    const quick = await startMediaServer({ port: 0, ping: { intervalSeconds: 1, timeoutSeconds: 3 } });
    try {
      const p = await SignalParticipant.join(quick.url, await roomToken('ben', room));
      assert.deepEqual([p.joinResponse.pingInterval, p.joinResponse.pingTimeout], [1, 3]);
      await p.close();
    } finally {
      await quick.close();
    }
  });
});

describe('webhooks (livekit-server-sdk WebhookReceiver)', () => {
  test('room_started, participant_joined, participant_left, room_finished arrive signed and in order', async () => {
    const room = freshRoom();
    const alice = await join('alice', room);
    const started = await hooks.waitFor((e) => e.event === 'room_started' && e.room?.name === room);
    assert.match(started.id, /^[0-9a-f-]{36}$/);
    assert.ok(Number(started.createdAt) > 0);
    const joinedEvent = await hooks.waitFor((e) => e.event === 'participant_joined' && e.room?.name === room);
    assert.equal(joinedEvent.participant?.identity, 'alice');
    assert.equal(joinedEvent.participant?.sid, alice.sid);
    await alice.leave();
    const left = await hooks.waitFor((e) => e.event === 'participant_left' && e.room?.name === room);
    assert.equal(left.participant?.identity, 'alice');
    await hooks.waitFor((e) => e.event === 'room_finished' && e.room?.name === room);
    const order = hooks.events.filter((e) => e.room?.name === room).map((e) => e.event);
    assert.deepEqual(order, ['room_started', 'participant_joined', 'participant_left', 'room_finished']);
    assert.deepEqual(hooks.rejected, []);
    assert.ok(hooks.contentTypes.every((t) => t === 'application/webhook+json'));
  });

  test('a webhook endpoint that never answers blocks neither the room nor shutting down', async () => {
    // accepts connections and never answers: every delivery attempt runs into its timeout
    const sockets = new Set<Socket>();
    const silent = createNetServer((socket) => sockets.add(socket.on('close', () => sockets.delete(socket))));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
    const stuck = await startMediaServer({ port: 0, webhookUrls: [hook] });
    try {
      const room = freshRoom();
      const a = await SignalParticipant.join(stuck.url, await roomToken('a', room));
      const b = await SignalParticipant.join(stuck.url, await roomToken('b', room));
      await a.waitForParticipant('b');
      a.sendData('still works');
      await b.waitForData((d) => d.text === 'still works');
      await waitUntil(() => sockets.size > 0, 'a delivery attempt at the silent endpoint');
      await Promise.all([a.close(), b.close()]);
    } finally {
      // the queue now holds several events of three 3 s attempts each (a minute or more to drain);
      // closing gives them a short grace and abandons the rest, so it ends well before that
      const t = Date.now();
      await stuck.close();
      assert.ok(Date.now() - t < 30_000, `closing took ${Date.now() - t} ms: it waited for the silent endpoint`);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
