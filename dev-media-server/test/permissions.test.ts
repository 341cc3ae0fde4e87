// Grants enforced as a browser running livekit-client observes them, refused joins with their
// reasons, and the three-person room where everyone sees the other two within 3 s.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TrackSource } from '@livekit/protocol';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { startLiveKitPageHost, type LiveKitPageHost } from '../../testing/livekit-page.js';
import { SignalParticipant } from '../../testing/signal-participant.js';
import { DEV_API_KEY, DEV_API_SECRET, expiredRoomToken, roomToken } from '../../testing/tokens.js';

let media: MediaServer;
let host: LiveKitPageHost;
let api: RoomServiceClient;

before(async () => {
  media = await startMediaServer({ port: 0 });
  api = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, DEV_API_SECRET);
  host = await startLiveKitPageHost();
});
after(async () => {
  await host?.close();
  await media?.close();
});

describe('refused joins', { timeout: 120_000 }, () => {
  test('expired, forged and room-less tokens are refused as NotAllowed (401)', async () => {
    const page = await host.open('eve');
    try {
      for (const token of [expiredRoomToken('eve', 'r1'), await roomToken('eve', 'r1', {}, { apiSecret: 'guessed' }), await roomToken('eve', '', {})]) {
        const r = await page.tryJoin(media.url, token, { camera: false, mic: false });
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.equal(r.reason, 0, `NotAllowed: ${r.message}`);
          assert.equal(r.status, 401, r.message);
        }
      }
    } finally {
      await page.close();
    }
  });

  test('a full room refuses the next browser with a clear reason', async () => {
    await api.createRoom({ name: 'tiny', maxParticipants: 1 });
    const first = await SignalParticipant.join(media.url, await roomToken('first', 'tiny'), { dataChannels: false });
    const page = await host.open('second');
    try {
      const r = await page.tryJoin(media.url, await roomToken('second', 'tiny'), { camera: false, mic: false });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /full/i);
      assert.deepEqual((await api.listParticipants('tiny')).map((p) => p.identity), ['first']);
    } finally {
      await page.close();
      await first.close();
    }
  });

  test('a token for room A lands in room A, never in room B', async () => {
    const inB = await SignalParticipant.join(media.url, await roomToken('bea', 'room-b'), { dataChannels: false });
    const page = await host.open('mallory');
    try {
      await page.join(media.url, await roomToken('mallory', 'room-a'), { camera: false, mic: false });
      assert.deepEqual(await page.run((lk) => lk.remoteParticipants().map((p) => p.identity)), []);
      assert.equal(await page.run((lk) => lk.room()?.name), 'room-a');
      assert.deepEqual((await api.listParticipants('room-b')).map((p) => p.identity), ['bea']);
      assert.ok(!inB.others.has('mallory'));
    } finally {
      await page.close();
      await inB.close();
    }
  });
});

describe('grants', { timeout: 120_000 }, () => {
  test('no publishing without canPublish, only the allowed sources, no data without canPublishData', async () => {
    const watcher = await SignalParticipant.join(media.url, await roomToken('watcher', 'grants'));
    const viewer = await host.open('viewer');
    const micOnly = await host.open('mic-only');
    try {
      await viewer.join(media.url, await roomToken('viewer', 'grants', { canPublish: false, canPublishData: false }), { camera: false, mic: false });
      const cam = await viewer.run((lk) => lk.attempt(() => lk.setCameraEnabled(true)));
      assert.equal(cam.ok, false, 'camera refused');
      await viewer.run((lk) => lk.publishData('sneaky', { topic: 'chat' }).catch(() => undefined));

      await micOnly.join(media.url, await roomToken('mic-only', 'grants', { canPublishSources: [TrackSource.MICROPHONE] }), { camera: false, mic: true });
      const cam2 = await micOnly.run((lk) => lk.attempt(() => lk.setCameraEnabled(true)));
      assert.equal(cam2.ok, false, 'camera refused for a microphone-only grant');
      await watcher.waitForParticipant('mic-only', (p) => p.tracks.length === 1, 15_000);
      await micOnly.run((lk) => lk.publishData('fence', { topic: 'chat' }));
      await watcher.waitForData((d) => d.text === 'fence', 10_000);
      assert.ok(!watcher.dataReceived.some((d) => d.text === 'sneaky'), 'data without canPublishData never arrives');
      assert.deepEqual((await api.getParticipant('grants', 'viewer')).tracks, []);
      assert.deepEqual((await api.getParticipant('grants', 'mic-only')).tracks.map((t) => t.source), [TrackSource.MICROPHONE]);
    } finally {
      await Promise.all([viewer.close(), micOnly.close(), watcher.close()]);
    }
  });
});

describe('three participants', { timeout: 120_000 }, () => {
  test('each sees the other two\'s video within 3 s of joining', async () => {
    const names = ['ada', 'ben', 'cem'];
    const pages = await Promise.all(names.map((n) => host.open(n)));
    try {
      // page clocks (performance.now) mapped to wall-clock time, to compare joins across pages
      const offsets = await Promise.all(pages.map(async (p) => { const t = await p.page.evaluate(() => performance.now()); return Date.now() - t; }));
      const joinedAt: number[] = [];
      await Promise.all(pages.map(async (page, i) => {
        await page.join(media.url, await roomToken(names[i], 'trio'));
        joinedAt[i] = Date.now();
      }));
      for (const [i, page] of pages.entries()) {
        for (const other of names.filter((n) => n !== names[i])) {
          const stat = await page.waitForFrames(other, { minFrames: 1, timeoutMs: 15_000 });
          assert.ok(stat.width > 0 && stat.height > 0);
          // from the moment both were in the room (the later join) to the first painted frame
          const since = Math.max(joinedAt[i], joinedAt[names.indexOf(other)]);
          const elapsed = stat.firstFrameAt + offsets[i] - since;
          console.log(`${names[i]} saw ${other} ${Math.round(elapsed)} ms after both had joined`);
          assert.ok(elapsed < 3000, `${names[i]} saw ${other} ${Math.round(elapsed)} ms after joining`);
        }
      }
    } finally {
      await Promise.all(pages.map((p) => p.close()));
    }
  });
});
