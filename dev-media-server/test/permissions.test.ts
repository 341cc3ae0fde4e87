// Who may join and what they may do, as a browser running livekit-client observes it: refused
// joins with their reasons (bad tokens, full room, closed room, the token's room only) and grants
// (publishing, sources, data, and a grant revoked during the call).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TrackSource } from '@livekit/protocol';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { startLiveKitPageHost, type LiveKitPageHost } from '../../testing/cross-process/livekit-page.js';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { DEV_API_KEY, DEV_API_SECRET, expiredRoomToken, roomToken } from '../../testing/node/tokens.js';

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

describe('refused joins', { timeout: 600_000 }, () => {
  test('expired, forged, room-less and join-less tokens are refused as NotAllowed (401); nobody joins', async () => {
    const present = await SignalParticipant.join(media.url, await roomToken('present', 'r1'), { dataChannels: false });
    const page = await host.open('eve');
    try {
      const tokens: [string, string, RegExp][] = [
        ['expired', expiredRoomToken('eve', 'r1'), /expired/i],
        ['forged', await roomToken('eve', 'r1', {}, { apiSecret: 'guessed' }), /signature/i],
        ['room-less', await roomToken('eve', '', {}), /./],
        ['join-less', await roomToken('eve', 'r1', { roomJoin: false }), /./],
      ];
      for (const [what, token, text] of tokens) {
        const r = await page.tryJoin(media.url, token, { camera: false, mic: false });
        assert.equal(r.ok, false, `${what} token joined`);
        if (!r.ok) {
          assert.equal(r.reason, 0, `${what}: NotAllowed: ${r.message}`);
          assert.equal(r.status, 401, `${what}: ${r.message}`);
          assert.match(r.message, text, what);
        }
      }
      assert.deepEqual((await api.listParticipants('r1')).map((p) => p.identity), ['present']);
    } finally {
      await page.close();
      await present.close();
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

  test('without auto-created rooms, a room nobody created is refused as not existing', async () => {
    const strict = await startMediaServer({ port: 0, autoCreateRooms: false });
    const page = await host.open('early');
    try {
      const r = await page.tryJoin(strict.url, await roomToken('early', 'later'), { camera: false, mic: false });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, /does not exist/);
      strict.rooms.createRoom('later');
      await page.join(strict.url, await roomToken('early', 'later'), { camera: false, mic: false });
      assert.equal(await page.run((lk) => lk.room()?.name), 'later');
    } finally {
      await page.close();
      await strict.close();
    }
  });

  test('a token for room A lands in room A, never in room B', async () => {
    const token = await roomToken('mallory', 'room-a');
    const validate = await fetch(`${media.url.replace('ws:', 'http:')}/rtc/validate?access_token=${token}`);
    assert.equal(validate.status, 200, 'the token itself is valid');
    const inB = await SignalParticipant.join(media.url, await roomToken('bea', 'room-b'), { dataChannels: false });
    const page = await host.open('mallory');
    try {
      // the room is in the token, never in the URL: whatever the client asks, it lands in room-a
      await page.join(media.url, token, { camera: false, mic: false });
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

describe('grants', { timeout: 600_000 }, () => {
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
      await watcher.waitForParticipant('mic-only', (p) => p.tracks.length === 1);
      await micOnly.run((lk) => lk.publishData('fence', { topic: 'chat' }));
      await watcher.waitForData((d) => d.text === 'fence');
      assert.ok(!watcher.dataReceived.some((d) => d.text === 'sneaky'), 'data without canPublishData never arrives');
      assert.deepEqual((await api.getParticipant('grants', 'viewer')).tracks, []);
      assert.deepEqual((await api.getParticipant('grants', 'mic-only')).tracks.map((t) => t.source), [TrackSource.MICROPHONE]);
    } finally {
      await Promise.all([viewer.close(), micOnly.close(), watcher.close()]);
    }
  });

  test('revoking canPublish during the call unpublishes the tracks; the others see them go', async () => {
    const watcher = await SignalParticipant.join(media.url, await roomToken('watcher2', 'revoke'));
    const speaker = await host.open('speaker');
    try {
      await speaker.join(media.url, await roomToken('speaker', 'revoke'), { camera: false, mic: true });
      await watcher.waitForParticipant('speaker', (p) => p.tracks.length === 1);
      await api.updateParticipant('revoke', 'speaker', { permission: { canPublish: false, canSubscribe: true, canPublishData: true } });
      await watcher.waitForParticipant('speaker', (p) => p.tracks.length === 0);
      await speaker.waitForEvent('permissions', { identity: 'speaker', detail: { canPublish: false, canPublishData: true } });
      assert.deepEqual((await api.getParticipant('revoke', 'speaker')).tracks, []);
    } finally {
      await Promise.all([speaker.close(), watcher.close()]);
    }
  });
});
