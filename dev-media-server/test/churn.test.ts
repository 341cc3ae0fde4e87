// Churn in one running meeting: a browser (real livekit-client) stays while synthetic participants
// (Node, publishing a VP8 clip) come and go one after another. The browser keeps decoding the video
// of everyone present, the server forwards exactly their video, and the browser's subscriber SDP
// stays as large as the most tracks received at once (m-lines of those who left are reused).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { explainedByForwarding, forwardedVideoFrom, readForwarding, waitForForwarding } from '../../testing/node/forwarding.js';
import { startLiveKitPageHost, type LiveKitPage, type LiveKitPageHost } from '../../testing/cross-process/livekit-page.js';
import { SyntheticCrowd, type SyntheticParticipant } from '../../testing/node/synthetic-participants.js';
import { roomToken } from '../../testing/node/tokens.js';

const ROOM = 'churn';
const CYCLES = 5;
let media: MediaServer;
let host: LiveKitPageHost;
let crowd: SyntheticCrowd;
let viewer: LiveKitPage;
const present: SyntheticParticipant[] = [];

before(async () => {
  media = await startMediaServer({ port: 0 });
  crowd = new SyntheticCrowd({ url: media.url, max: 8 });
  host = await startLiveKitPageHost();
  viewer = await host.open('viewer');
  for (const id of ['resident-1', 'resident-2']) present.push(await crowd.join(ROOM, id));
  await viewer.join(media.url, await roomToken('viewer', ROOM), { camera: false, mic: false });
  for (const p of present) await viewer.waitForFrames(p.identity);
});
after(async () => {
  await crowd?.close();
  await host?.close();
  await media?.close();
});

async function framesOf(identity: string): Promise<number> {
  return (await viewer.videoStat(identity))?.frames ?? 0;
}

/** Every present participant's video advances in the page and reaches it from the server. */
async function assertEveryoneDecoded(label: string): Promise<void> {
  const ids = present.map((p) => p.identity).sort();
  for (const id of ids) await decodedFramesOf(id, { after: await framesOf(id), minFrames: 3 });
  const remote = (await viewer.run((lk) => lk.remoteParticipants().map((p) => p.identity))).sort();
  assert.deepEqual(remote, ids, `${label}: the page lists everyone present`);
  await waitForForwarding(media, ROOM, 'viewer', (r) => forwardedVideoFrom(r).join() === ids.join(), { what: `video of ${ids.join(', ')}` });
}


/** Waits for frames of `identity`; on failure also says what the server forwarded to the page. */
function decodedFramesOf(identity: string, opts: { after?: number; minFrames?: number } = {}) {
  return explainedByForwarding(viewer.waitForFrames(identity, opts), media, ROOM, 'viewer', identity);
}
describe('churn with a browser that stays', { timeout: 600_000 }, () => {
  test(`${CYCLES} participants join and leave one after another; the page keeps decoding everyone present`, async () => {
    const sections: number[] = [];
    const bytes: number[] = [];
    let previous: SyntheticParticipant | undefined;
    for (let i = 1; i <= CYCLES; i++) {
      const newcomer = await crowd.join(ROOM, `guest-${i}`);
      present.push(newcomer);
      await decodedFramesOf(newcomer.identity, { minFrames: 3 });
      await assertEveryoneDecoded(`cycle ${i}, after guest-${i} joined`);
      if (previous) {
        const leaving = previous;
        await leaving.leave();
        present.splice(present.indexOf(leaving), 1);
        await viewer.waitForEvent('left', { identity: leaving.identity });
        await assertEveryoneDecoded(`cycle ${i}, after ${leaving.identity} left`);
      }
      previous = newcomer;
      const sdp = (await readForwarding(media, ROOM, 'viewer')).subscriberSdp;
      sections.push(sdp.mediaSections);
      bytes.push(sdp.bytes);
    }
    // at most 4 videos at once (2 residents, the newcomer, the one about to leave) + data channels
    assert.ok(Math.max(...sections) <= 5, `subscriber m-lines per cycle: ${sections.join(', ')}`);
    assert.ok(bytes[bytes.length - 1] <= bytes[1] * 1.1, `subscriber offer bytes per cycle: ${bytes.join(', ')}`);
  });

  test('when the last guest leaves, only the residents are forwarded and still decoded', async () => {
    const last = present.find((p) => p.identity.startsWith('guest-'))!;
    await last.leave();
    present.splice(present.indexOf(last), 1);
    await viewer.waitForEvent('left', { identity: last.identity });
    await assertEveryoneDecoded('after the last guest left');
    const report = await readForwarding(media, ROOM, 'viewer');
    assert.deepEqual(report.tracks.map((t) => t.publisherIdentity).sort(), ['resident-1', 'resident-2']);
  });

  test('browser guests with camera and microphone, one after the other: the second reuses the first one\'s m-lines', async () => {
    const sections: number[] = [];
    for (const id of ['browser-guest-1', 'browser-guest-2']) {
      const guest = await host.open(id);
      await guest.join(media.url, await roomToken(id, ROOM), { width: 320, height: 180, simulcast: false });
      await decodedFramesOf(id, { minFrames: 3 });
      await viewer.waitFor((lk, who) => lk.state.audio[who]?.tracks === 1, id, undefined, `${id}'s microphone`);
      const report = await waitForForwarding(
        media,
        ROOM,
        'viewer',
        (r) => r.tracks.some((t) => t.publisherIdentity === id && t.kind === 'audio' && t.forwarding),
        { what: `${id}'s audio` },
      );
      sections.push(report.subscriberSdp.mediaSections);
      await guest.leave();
      await guest.close();
      await viewer.waitForEvent('left', { identity: id });
    }
    assert.equal(sections[1], sections[0], `subscriber m-lines with each browser guest: ${sections.join(', ')}`);
    await assertEveryoneDecoded('after the browser guests');
  });
});
