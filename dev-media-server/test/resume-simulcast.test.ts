// A dropped signal connection (the client reconnects and the call goes on) and simulcast layer
// choice (a subscriber asking for the low layer gets a smaller picture), as livekit-client sees them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { startLiveKitPageHost, type LiveKitPage, type LiveKitPageHost } from '../../testing/livekit-page.js';
import { roomToken } from '../../testing/tokens.js';

let media: MediaServer;
let host: LiveKitPageHost;
let ann: LiveKitPage;
let max: LiveKitPage;

before(async () => {
  media = await startMediaServer({ port: 0 });
  host = await startLiveKitPageHost();
  [ann, max] = await Promise.all([host.open('ann'), host.open('max')]);
  await ann.join(media.url, await roomToken('ann', 'resume'), { width: 1280, height: 720 });
  await max.join(media.url, await roomToken('max', 'resume'));
  await max.waitForFrames('ann', { timeoutMs: 20_000 });
  await ann.waitForFrames('max', { timeoutMs: 20_000 });
});
after(async () => {
  await host?.close();
  await media?.close();
});

describe('resume and simulcast', { timeout: 120_000 }, () => {
  test('after the signal connection drops, the client reconnects and video flows both ways again', async () => {
    await max.run((lk) => lk.dropSignal());
    await max.waitFor((lk) => lk.state.events.some((e) => e.type === 'reconnected'), undefined, 30_000, 'reconnected');
    assert.equal(await max.run((lk) => lk.connectionState()), 'connected');
    await max.waitForFrames('ann', { after: (await max.videoStat('ann'))?.frames ?? 0, minFrames: 10, timeoutMs: 20_000 });
    await ann.waitForFrames('max', { after: (await ann.videoStat('max'))?.frames ?? 0, minFrames: 10, timeoutMs: 20_000 });
    assert.equal(await max.run((lk) => lk.state.disconnectReason), undefined, 'never reported as disconnected');
  });

  test('a subscriber asking for the LOW layer receives a smaller picture than HIGH', async () => {
    const published = await max.run((lk) => lk.remoteParticipants()[0].tracks.find((t) => t.source === 'camera'));
    assert.equal(published?.simulcasted, true, 'the camera is published with simulcast layers');
    await max.run((lk) => lk.setVideoQuality('ann', 'camera', 0 /* LOW */));
    await max.waitFor((lk) => (lk.state.video['ann/camera']?.width ?? 0) > 0 && lk.state.video['ann/camera'].width <= 320, undefined, 20_000, 'low layer (<= 320 px wide)');
    const low = (await max.videoStat('ann'))!;
    await max.waitForFrames('ann', { after: low.frames, minFrames: 10 });
    await max.run((lk) => lk.setVideoQuality('ann', 'camera', 2 /* HIGH */));
    await max.waitFor((lk, w) => (lk.state.video['ann/camera']?.width ?? 0) > w, low.width, 20_000, 'a larger layer after asking for HIGH');
  });
});
