// Mute, attributes/metadata, chat and data, server-side updates, leave and kicks as two
// livekit-client pages observe them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../../src/server.js';
import { roomToken, startPageHost, type PageHost } from './browser.js';

let media: MediaServer;
let host: PageHost;
let alice: Page;
let bob: Page;

const lk = (page: Page) => ({
  events: () => page.evaluate(() => (window as any).lk.state.events as string[]),
  waitEvent: (prefix: string, timeout = 5000) =>
    page.waitForFunction((p) => (window as any).lk.state.events.some((e: string) => e.startsWith(p)), prefix, { timeout, polling: 50 }),
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  media = await startMediaServer({ port: 0 });
  host = await startPageHost();
  alice = await host.openPage();
  bob = await host.openPage();
  const aliceToken = await roomToken('alice', 'features', { canUpdateOwnMetadata: true });
  const bobToken = await roomToken('bob', 'features', {});
  await alice.evaluate(([u, t]) => (window as any).lk.join(u, t), [media.url, aliceToken] as const);
  await bob.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false }), [media.url, bobToken] as const);
  await bob.waitForFunction(() => (window as any).lk.state.video['alice/camera']?.frames > 2, undefined, { timeout: 10_000 });
});
after(async () => {
  await host?.close();
  await media?.close();
});

test('mute and unmute reach the other participant', { timeout: 20_000 }, async () => {
  await alice.evaluate(() => (window as any).lk.muteMic(true));
  await lk(bob).waitEvent('muted:alice:audio');
  const info = media.rooms.getParticipant('features', 'alice');
  assert.ok(info.tracks.some((t) => t.type === 0 && t.muted), 'server sees the microphone muted');
  await alice.evaluate(() => (window as any).lk.muteMic(false));
  await lk(bob).waitEvent('unmuted:alice:audio');
});

test('attributes: allowed with canUpdateOwnMetadata, refused without', { timeout: 20_000 }, async () => {
  await alice.evaluate(() => (window as any).lk.setAttributes({ 'timio.hand': '2026-01-01T00:00:00Z' }));
  await lk(bob).waitEvent('attributes:alice:{"timio.hand"');
  assert.equal(media.rooms.getParticipant('features', 'alice').attributes['timio.hand'], '2026-01-01T00:00:00Z');
  const refused = await bob.evaluate(() => (window as any).lk.setAttributes({ x: '1' }).then(() => 'ok', (e: Error) => `error:${e.message}`));
  assert.match(refused, /^error:/);
});

test('chat and data with destination identities', { timeout: 20_000 }, async () => {
  await alice.evaluate(() => (window as any).lk.sendChat('hello bob'));
  await bob.waitForFunction(() => (window as any).lk.state.chat.includes('alice:hello bob'), undefined, { timeout: 5000 });
  await bob.evaluate(() => (window as any).lk.sendData('to alice', 'note', ['alice']));
  await alice.waitForFunction(() => (window as any).lk.state.data.includes('bob:note:to alice'), undefined, { timeout: 5000 });
  media.rooms.sendData('features', { payload: new TextEncoder().encode('from server'), topic: 'sys' }, ['bob']);
  await bob.waitForFunction(() => (window as any).lk.state.data.some((d: string) => d.endsWith(':sys:from server')), undefined, { timeout: 5000 });
  const aliceData = await alice.evaluate(() => (window as any).lk.state.data as string[]);
  assert.ok(!aliceData.some((d) => d.includes('from server')), 'alice was not a destination');
});

test('text streams and lossy data pass through; no data without canPublishData', { timeout: 20_000 }, async () => {
  const long = 'x'.repeat(40_000);
  await alice.evaluate((t) => (window as any).lk.sendText(t), long);
  await bob.waitForFunction((n) => (window as any).lk.state.data.some((d: string) => d.startsWith('text:alice:') && d.length === n), 'text:alice:'.length + long.length, { timeout: 5000 });
  await waitForPage(bob, 'lossy', () => alice.evaluate(() => (window as any).lk.sendLossy('ping', 'lossy')));
  const mute = await host.openPage();
  await mute.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [media.url, await roomToken('quiet', 'features', { canPublishData: false })] as const);
  await mute.evaluate(() => (window as any).lk.sendData('should not arrive', 'blocked'));
  await bob.evaluate(() => (window as any).lk.sendData('marker', 'after'));
  await alice.waitForFunction(() => (window as any).lk.state.data.includes('bob:after:marker'), undefined, { timeout: 5000 });
  assert.ok(!(await alice.evaluate(() => (window as any).lk.state.data as string[])).some((d) => d.includes('should not arrive')));
  await mute.close();
});

/** Lossy packets may be lost: send until one arrives. */
async function waitForPage(page: Page, topic: string, send: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await send();
    const got = await page.evaluate((t) => (window as any).lk.state.data.some((d: string) => d.includes(`:${t}:`)), topic);
    if (got) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${topic} packet arrived`);
}

test('server-side metadata update and mute are seen by everyone', { timeout: 20_000 }, async () => {
  media.rooms.updateParticipant('features', 'bob', { metadata: '{"role":"host"}', attributes: { 'timio.hand': 'x' } });
  await lk(alice).waitEvent('metadata:bob:{"role":"host"}');
  await lk(bob).waitEvent('metadata:bob:{"role":"host"}');
  const camera = media.rooms.getParticipant('features', 'alice').tracks.find((t) => t.type === 1)!;
  media.rooms.mutePublishedTrack('features', 'alice', camera.sid, true);
  await lk(bob).waitEvent('muted:alice:video');
});

test('unpublishing the camera removes it for the other participant', { timeout: 20_000 }, async () => {
  await alice.evaluate(() => (window as any).lk.unpublishCamera());
  await lk(bob).waitEvent('unpublished:alice:video');
  await waitFor(() => !media.rooms.getParticipant('features', 'alice').tracks.some((t) => t.type === 1), 5000);
});

test('revoking canPublish on the server unpublishes the remaining microphone', { timeout: 20_000 }, async () => {
  const { ParticipantPermission } = await import('@livekit/protocol');
  media.rooms.updateParticipant('features', 'alice', {
    permission: new ParticipantPermission({ canPublish: false, canSubscribe: true, canPublishData: true, canUpdateMetadata: true }),
  });
  await lk(bob).waitEvent('unpublished:alice:audio');
  assert.equal(media.rooms.getParticipant('features', 'alice').tracks.length, 0);
});

test('kick disconnects with PARTICIPANT_REMOVED, the other sees them leave', { timeout: 20_000 }, async () => {
  media.rooms.removeParticipant('features', 'bob');
  await bob.waitForFunction(() => (window as any).lk.state.disconnectReason !== undefined, undefined, { timeout: 5000 });
  assert.equal(await bob.evaluate(() => (window as any).lk.state.disconnectReason), 4 /* PARTICIPANT_REMOVED */);
  await lk(alice).waitEvent('left:bob');
});

test('room deletion disconnects with ROOM_DELETED', { timeout: 20_000 }, async () => {
  media.rooms.deleteRoom('features');
  await alice.waitForFunction(() => (window as any).lk.state.disconnectReason !== undefined, undefined, { timeout: 5000 });
  assert.equal(await alice.evaluate(() => (window as any).lk.state.disconnectReason), 5 /* ROOM_DELETED */);
  assert.deepEqual(media.rooms.listRooms(), []);
});
