// Clear errors for bad tokens, a full room and a closed room; a misbehaving client does not hurt
// the server; a dropped signal connection is recovered by the client's reconnect.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AccessToken } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import type { Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../../src/server.js';
import { roomToken, startPageHost, type PageHost } from './browser.js';

let media: MediaServer;
let host: PageHost;
let page: Page;

before(async () => {
  media = await startMediaServer({ port: 0 });
  host = await startPageHost();
  page = await host.openPage();
});
after(async () => {
  await host?.close();
  await media?.close();
});

const tryJoin = (url: string, token: string) => page.evaluate(([u, t]) => (window as any).lk.tryJoin(u, t), [url, token] as const);

test('bad signature and expired tokens are refused with a reason', { timeout: 30_000 }, async () => {
  const forged = new AccessToken('devkey', 'not-the-secret', { identity: 'mallory' });
  forged.addGrant({ roomJoin: true, room: 'r' });
  assert.match(await tryJoin(media.url, await forged.toJwt()), /^error:401:.*signature/);
  const expired = new AccessToken('devkey', 'secret', { identity: 'late', ttl: -60 });
  expired.addGrant({ roomJoin: true, room: 'r' });
  assert.match(await tryJoin(media.url, await expired.toJwt()), /^error:401:.*expired/);
  const noJoin = new AccessToken('devkey', 'secret', { identity: 'nojoin' });
  noJoin.addGrant({ roomList: true });
  assert.match(await tryJoin(media.url, await noJoin.toJwt()), /^error:401:/);
});

test('a full room and a closed room are refused', { timeout: 30_000 }, async () => {
  const small = await startMediaServer({ port: 0, maxParticipants: 1, autoCreateRooms: false });
  try {
    assert.match(await tryJoin(small.url, await roomToken('a', 'tiny')), /does not exist/);
    small.rooms.createRoom('tiny');
    const first = await host.openPage();
    await first.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [small.url, await roomToken('a', 'tiny')] as const);
    assert.match(await tryJoin(small.url, await roomToken('b', 'tiny')), /^error:403:.*full/);
    await first.close();
  } finally {
    await small.close();
  }
});

test('garbage on the signal socket does not take the server down', { timeout: 30_000 }, async () => {
  const ws = new WebSocket(`${media.url}/rtc?access_token=${await roomToken('vandal', 'sturdy')}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]));
  ws.send('{"not":"a signal request"');
  ws.send(Buffer.alloc(2 * 1024 * 1024, 7)); // larger than the limit: the server closes this socket
  await new Promise((resolve) => ws.once('close', resolve));
  assert.equal(await tryJoin(media.url, await roomToken('fine', 'sturdy')), 'connected');
});

test('a dropped signal connection: the client rejoins and media flows again', { timeout: 60_000 }, async () => {
  const alice = await host.openPage();
  const bob = await host.openPage();
  await alice.evaluate(([u, t]) => (window as any).lk.join(u, t, { mic: false }), [media.url, await roomToken('alice', 'resume')] as const);
  await bob.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [media.url, await roomToken('bob', 'resume')] as const);
  await bob.waitForFunction(() => (window as any).lk.state.video['alice/camera']?.frames > 2, undefined, { timeout: 15_000 });
  const participant = media.rooms.getRoom('resume')!.participants.get('alice')!;
  (participant.signal as unknown as { ws: WebSocket }).ws.terminate();
  await alice.waitForFunction(() => (window as any).lk.state.events.includes('reconnected'), undefined, { timeout: 20_000 });
  // the rejoined session republishes: bob subscribes a second time and decodes frames again
  await bob.waitForFunction(
    () => {
      const { events, video } = (window as any).lk.state;
      return events.filter((e: string) => e === 'subscribed:alice:video').length >= 2 && video['alice/camera']?.frames > 5;
    },
    undefined,
    { timeout: 20_000 },
  );
  assert.notEqual(media.rooms.getRoom('resume')!.participants.get('alice'), participant, 'a new session replaced the old one');
  await alice.close();
  await bob.close();
});

test('a resume attempt (reconnect=1) is answered with leave RECONNECT', { timeout: 20_000 }, async () => {
  const { SignalResponse, LeaveRequest_Action } = await import('@livekit/protocol');
  const ws = new WebSocket(`${media.url}/rtc?access_token=${await roomToken('resumer', 'sturdy')}&reconnect=1&sid=PA_x`);
  const first = await new Promise<Buffer>((resolve, reject) => ws.once('message', (d) => resolve(d as Buffer)).once('error', reject));
  const message = SignalResponse.fromBinary(first).message;
  assert.equal(message.case, 'leave');
  assert.equal(message.case === 'leave' && message.value.action, LeaveRequest_Action.RECONNECT);
  ws.close();
});

test('joining again with the same identity replaces the old session', { timeout: 30_000 }, async () => {
  const first = await host.openPage();
  const second = await host.openPage();
  const token = await roomToken('twin', 'twins');
  await first.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [media.url, token] as const);
  await second.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [media.url, token] as const);
  await first.waitForFunction(() => (window as any).lk.state.disconnectReason !== undefined, undefined, { timeout: 10_000 });
  assert.equal(await first.evaluate(() => (window as any).lk.state.disconnectReason), 2 /* DUPLICATE_IDENTITY */);
  assert.equal(media.rooms.listParticipants('twins').length, 1);
  await first.close();
  await second.close();
});
