// What each subscriber's livekit-client receives: a three-person room, simulcast layer choice,
// selective subscription, a screen share beside a simulcast camera, and the call going on after
// the signal connection drops. How fast first frames arrive is measured in bench/media-server.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LeaveRequest_Action, SignalResponse, TrackSource } from '@livekit/protocol';
import { RoomServiceClient } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import { forwardingReport } from '../src/debug/forwarding.js';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { startLiveKitPageHost, type LiveKitPage, type LiveKitPageHost } from '../../testing/cross-process/livekit-page.js';
import { DEV_API_KEY, DEV_API_SECRET, roomToken } from '../../testing/node/tokens.js';

const ROOM = 'routing';
let media: MediaServer;
let api: RoomServiceClient;
let host: LiveKitPageHost;
let ann: LiveKitPage;
let max: LiveKitPage;

before(async () => {
  media = await startMediaServer({ port: 0 });
  api = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, DEV_API_SECRET);
  host = await startLiveKitPageHost();
  [ann, max] = await Promise.all([host.open('ann'), host.open('max')]);
  // 640x360 in two simulcast layers (320 and 640 wide): little enough to encode that a busy machine
  // does not make the browser drop its upper layer
  await ann.join(media.url, await roomToken('ann', ROOM));
  await max.join(media.url, await roomToken('max', ROOM));
  await max.waitForFrames('ann');
  await ann.waitForFrames('max');
});
after(async () => {
  await host?.close();
  await media?.close();
});

/** A failed wait for ann's video also says what ann's browser sent and what max's received. */
function explainAnnsVideo<T>(wait: Promise<T>): Promise<T> {
  return explainVideo(wait, ann, max);
}

/** A failed wait for `from`'s camera at `to`: what was sent, forwarded by the server and received. */
async function explainVideo<T>(wait: Promise<T>, from: LiveKitPage, to: LiveKitPage): Promise<T> {
  try {
    return await wait;
  } catch (err) {
    const sent = await from.run((lk) => lk.outboundVideo());
    const received = await to.run((lk, id) => lk.inboundVideo(id), from.label);
    const forwarded = forwardingReport(media.rooms, ROOM, to.label)?.tracks.filter((t) => t.publisherIdentity === from.label);
    throw new Error(
      `${(err as Error).message}; ${from.label} sends ${JSON.stringify(sent)}; ${to.label} receives ${JSON.stringify(received)}; the server forwards ${JSON.stringify(forwarded)}`,
    );
  }
}

describe('media routing', { timeout: 600_000 }, () => {
  test('a subscriber gets a higher layer by default, a smaller picture for LOW, a larger one again for HIGH', async () => {
    const published = await max.run((lk) => lk.remoteParticipants().find((p) => p.identity === 'ann')!.tracks.find((t) => t.source === 'camera'));
    assert.equal(published?.simulcasted, true, 'the camera is published with simulcast layers');
    // by default the server forwards the best layer it receives (once the publisher sends more than the low one)
    await explainAnnsVideo(max.waitFor((lk) => (lk.state.video['ann/camera']?.width ?? 0) > 320, undefined, undefined, 'a layer wider than 320 px by default'));
    await max.run((lk) => lk.setVideoQuality('ann', 'camera', 0 /* LOW */));
    await explainAnnsVideo(max.waitFor((lk) => {
      // what the receiver decodes (its stats), not what was last painted: painting stalls under load
      const now = lk.state.video['ann/camera']?.decodedWidth ?? 0;
      return now > 0 && now <= 320;
    }, undefined, undefined, 'the low layer (<= 320 px wide)'));
    const low = (await max.videoStat('ann'))!;
    const lowWidth = low.decodedWidth;
    await max.waitForFrames('ann', { after: low.frames, minFrames: 10 });
    await max.run((lk) => lk.setVideoQuality('ann', 'camera', 2 /* HIGH */));
    await explainAnnsVideo(max.waitFor((lk, w) => (lk.state.video['ann/camera']?.decodedWidth ?? 0) > w, lowWidth, undefined, `a layer wider than ${lowWidth} px after asking for HIGH`));
  });

  test('three people: each sees the other two\'s video and receives both microphones', async () => {
    const cem = await host.open('cem');
    try {
      await cem.join(media.url, await roomToken('cem', ROOM));
      for (const [page, others] of [[ann, ['max', 'cem']], [max, ['ann', 'cem']], [cem, ['ann', 'max']]] as const) {
        for (const other of others) {
          const from = [ann, max, cem].find((p) => p.label === other)!;
          const stat = await explainVideo(page.waitForFrames(other), from, page);
          assert.ok(stat.width > 0 && stat.height > 0, `${page.label} decodes ${other}`);
          // the picture is live: frames keep coming
          await explainVideo(page.waitForFrames(other, { after: stat.frames, minFrames: 10 }), from, page);
        }
        await page.waitFor((lk, ids) => ids.every((id) => lk.state.audio[id]?.tracks === 1), others, undefined, `${page.label} receives both microphones`);
      }
      await cem.leave();
      await ann.waitForEvent('left', { identity: 'cem' });
      await max.waitForEvent('left', { identity: 'cem' });
    } finally {
      await cem.close();
    }
  });

  test('selective subscription: unsubscribed video stops, subscribing again brings it back', async () => {
    await max.run((lk) => lk.setSubscribed('ann', 'camera', false));
    await max.waitForEvent('unsubscribed', { identity: 'ann', source: 'camera' });
    await max.waitFor((lk) => lk.remoteParticipants().find((p) => p.identity === 'ann')!.tracks.some((t) => t.source === 'camera' && !t.subscribed), undefined, undefined, 'camera unsubscribed');
    assert.equal(await max.videoStat('ann'), undefined);
    await max.run((lk) => lk.setSubscribed('ann', 'camera', true));
    await explainAnnsVideo(max.waitForFrames('ann'));
  });

  test('a screen share next to a simulcast camera: both are decoded (layers routed by mid and rid)', async () => {
    const shared = await ann.run((lk) => lk.attempt(() => lk.setScreenShareEnabled(true)));
    assert.deepEqual(shared, { ok: true });
    await explainAnnsVideo(max.waitForFrames('ann', { source: 'screen_share', minFrames: 5 }));
    const camera = (await max.videoStat('ann'))!;
    await explainAnnsVideo(max.waitForFrames('ann', { after: camera.frames, minFrames: 5 }));
    const sources = (await api.getParticipant(ROOM, 'ann')).tracks.map((t) => t.source);
    assert.ok(sources.includes(TrackSource.SCREEN_SHARE), `ann publishes a screen share (${sources.join(', ')})`);
    await ann.run((lk) => lk.setScreenShareEnabled(false));
    await max.waitForEvent('unpublished', { identity: 'ann', source: 'screen_share' });
  });

  test('after the signal connection drops, the client reconnects and video flows both ways again', async () => {
    await max.run((lk) => lk.dropSignal());
    await max.waitForEvent('reconnected');
    await max.waitFor((lk) => lk.connectionState() === 'connected', undefined, undefined, 'connected again');
    await explainAnnsVideo(max.waitForFrames('ann', { after: (await max.videoStat('ann'))?.frames ?? 0, minFrames: 10 }));
    await explainVideo(ann.waitForFrames('max', { after: (await ann.videoStat('max'))?.frames ?? 0, minFrames: 10 }), max, ann);
    assert.equal(await max.run((lk) => lk.state.disconnectReason), undefined, 'never reported as disconnected');
    assert.deepEqual((await api.listParticipants(ROOM)).map((p) => p.identity).sort(), ['ann', 'max'], 'one session each');
  });

  test('a resume attempt (reconnect=1) is answered with leave RECONNECT: the client rejoins in full', async () => {
    const ws = new WebSocket(`${media.url}/rtc?access_token=${await roomToken('resumer', ROOM)}&reconnect=1&sid=PA_x`);
    try {
      const first = await new Promise<Buffer>((resolve, reject) => ws.once('message', (d) => resolve(d as Buffer)).once('error', reject));
      const message = SignalResponse.fromBinary(first).message;
      assert.equal(message.case, 'leave');
      assert.equal(message.case === 'leave' && message.value.action, LeaveRequest_Action.RECONNECT);
    } finally {
      ws.close();
    }
  });
});
