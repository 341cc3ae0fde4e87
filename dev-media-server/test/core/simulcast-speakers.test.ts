// Simulcast: the subscriber gets the best live layer and switches when it asks for another quality;
// selective subscription; active speakers from the publisher's audio.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../../src/server.js';
import { roomToken, startPageHost, type PageHost } from './browser.js';

let media: MediaServer;
let host: PageHost;
let alice: Page;
let bob: Page;

const width = (page: Page) => page.evaluate(() => (window as any).lk.state.video['alice/camera']?.width as number);
const waitWidth = (page: Page, test: string, timeout = 15_000) =>
  page.waitForFunction(
    (t) => {
      const w = (window as any).lk.state.video['alice/camera']?.width as number | undefined;
      return w !== undefined && new Function('w', `return ${t}`)(w);
    },
    test,
    { timeout, polling: 100 },
  );

before(async () => {
  media = await startMediaServer({ port: 0 });
  host = await startPageHost();
  alice = await host.openPage();
  bob = await host.openPage();
  await alice.evaluate(([u, t]) => (window as any).lk.join(u, t, { width: 1280, height: 720 }), [media.url, await roomToken('alice', 'layers')] as const);
  await bob.evaluate(([u, t]) => (window as any).lk.join(u, t, { camera: false, mic: false }), [media.url, await roomToken('bob', 'layers')] as const);
  await bob.waitForFunction(() => (window as any).lk.state.video['alice/camera']?.frames > 2, undefined, { timeout: 15_000 });
});
after(async () => {
  await host?.close();
  await media?.close();
});

test('simulcast: forwards a higher layer by default and switches to LOW on request', { timeout: 40_000 }, async () => {
  await waitWidth(bob, 'w >= 640');
  await bob.evaluate(() => (window as any).lk.setQuality('alice', 0 /* LOW */));
  await waitWidth(bob, 'w <= 320');
  await bob.evaluate(() => (window as any).lk.setQuality('alice', 2 /* HIGH */));
  await waitWidth(bob, 'w >= 640');
  assert.ok((await width(bob)) >= 640);
});

test('selective subscription: unsubscribe and subscribe again', { timeout: 30_000 }, async () => {
  await bob.evaluate(() => (window as any).lk.setSubscribed('alice', false));
  await bob.waitForFunction(() => !(window as any).lk.room().remoteParticipants.get('alice').getTrackPublication('camera').isSubscribed, undefined, { timeout: 5000 });
  await bob.evaluate(() => {
    delete (window as any).lk.state.video['alice/camera'];
    (window as any).lk.setSubscribed('alice', true);
  });
  await bob.waitForFunction(() => (window as any).lk.state.video['alice/camera']?.frames > 2, undefined, { timeout: 10_000 });
});

test('active speakers: the publishing microphone becomes a speaker', { timeout: 20_000 }, async () => {
  const tracks = media.rooms.getParticipant('layers', 'alice').tracks.map((t) => `${t.type}:${t.source}:${t.muted}`);
  assert.ok(tracks.includes('0:2:false'), `alice publishes an unmuted microphone (${tracks.join(' ')})`);
  await bob
    .waitForFunction(() => (window as any).lk.state.speakers.some((s: string[]) => s.includes('alice')), undefined, { timeout: 15_000 })
    .catch(async (err) => {
      const room = media.rooms.getRoom('layers')!;
      const mic = [...room.participants.get('alice')!.published.values()].find((t) => t.kind === 'audio');
      console.log('speaker diagnostics', mic?.loudness, mic?.layers, await bob.evaluate(() => (window as any).lk.state.speakers.length));
      throw err;
    });
});

test('screen share next to a simulcast camera: both decoded (layers routed by mid + rid)', { timeout: 30_000 }, async () => {
  assert.equal(await alice.evaluate(() => (window as any).lk.shareScreen(true).then(() => 'ok', (e: Error) => e.message)), 'ok');
  await bob.waitForFunction(
    () => {
      const v = (window as any).lk.state.video;
      return v['alice/screen_share']?.frames > 5 && v['alice/screen_share'].width > 0;
    },
    undefined,
    { timeout: 15_000 },
  );
  const before = await bob.evaluate(() => (window as any).lk.state.video['alice/camera'].frames as number);
  await bob.waitForFunction((n) => (window as any).lk.state.video['alice/camera'].frames > n + 5, before, { timeout: 10_000 });
  const sources = media.rooms.getParticipant('layers', 'alice').tracks.map((t) => t.source);
  assert.ok(sources.includes(3 /* SCREEN_SHARE */));
});
