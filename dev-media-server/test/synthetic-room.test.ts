// A browser page (real livekit-client) in a room with 12 synthetic participants, subscribing only
// to the video of one page of tiles, as the conference view does: the page lists all 12, decodes
// the ones it subscribed to, and the server forwards exactly those; a page change moves it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { explainedByForwarding, forwardedVideoFrom, readForwarding, waitForForwarding } from '../../testing/node/forwarding.js';
import { startLiveKitPageHost, type LiveKitPage, type LiveKitPageHost } from '../../testing/cross-process/livekit-page.js';
import { SyntheticCrowd } from '../../testing/node/synthetic-participants.js';
import { RoomServiceClient } from 'livekit-server-sdk';
import { DEV_API_KEY, DEV_API_SECRET, roomToken, serverToken } from '../../testing/node/tokens.js';

const ROOM = 'town-hall';
const COUNT = 12;
const PAGE_SIZE = 9;
const ids = Array.from({ length: COUNT }, (_, i) => `synthetic-${String(i + 1).padStart(2, '0')}`);
let media: MediaServer;
let host: LiveKitPageHost;
let crowd: SyntheticCrowd;
let viewer: LiveKitPage;

before(async () => {
  media = await startMediaServer({ port: 0, debugEndpoints: true });
  crowd = new SyntheticCrowd({ url: media.url, max: COUNT });
  // a few at a time: each join negotiates a peer connection
  for (let i = 0; i < COUNT; i += 4) await Promise.all(ids.slice(i, i + 4).map((id) => crowd.join(ROOM, id, { name: `Synthetic ${id.slice(-2)}` })));
  host = await startLiveKitPageHost();
  viewer = await host.open('viewer');
  await viewer.join(media.url, await roomToken('viewer', ROOM), { camera: false, mic: false, autoSubscribe: false });
});
after(async () => {
  await crowd?.close();
  await host?.close();
  await media?.close();
});

async function showTiles(shown: string[], hidden: string[]): Promise<void> {
  await viewer.run(
    (lk, arg) => {
      for (const id of arg.hidden) lk.setSubscribed(id, 'camera', false);
      for (const id of arg.shown) lk.setSubscribed(id, 'camera', true);
    },
    { shown, hidden },
  );
}


/** Waits for frames of `identity`; on failure also says what the server forwarded to the page. */
function decodedFramesOf(identity: string, opts: { after?: number; minFrames?: number } = {}) {
  return explainedByForwarding(viewer.waitForFrames(identity, opts), media, ROOM, 'viewer', identity);
}
describe('a page among 12 synthetic participants', { timeout: 600_000 }, () => {
  test('the page lists all 12 remote participants, each publishing a camera', async () => {
    await viewer.waitFor(
      (lk, n) => lk.remoteParticipants().filter((p) => p.tracks.some((t) => t.kind === 'video')).length === n,
      COUNT,
      undefined,
      `${COUNT} participants with video`,
    );
    const remote = await viewer.run((lk) => lk.remoteParticipants().map((p) => ({ identity: p.identity, name: p.name })));
    assert.deepEqual(remote.map((p) => p.identity).sort(), ids);
    assert.equal(remote.find((p) => p.identity === 'synthetic-07')?.name, 'Synthetic 07');
    // nothing subscribed yet: the server forwards nothing
    assert.deepEqual((await readForwarding(media, ROOM, 'viewer')).tracks, []);
  });

  test('subscribing to the first 9 decodes exactly those, and only their video is forwarded', async () => {
    const first = ids.slice(0, PAGE_SIZE);
    await showTiles(first, []);
    for (const id of first) {
      const stat = await decodedFramesOf(id, { minFrames: 3 });
      assert.equal(`${stat.width}x${stat.height}`, '160x90');
    }
    const report = await waitForForwarding(media, ROOM, 'viewer', (r) => forwardedVideoFrom(r).join() === first.join(), { what: 'the first page' });
    assert.equal(report.tracks.length, PAGE_SIZE);
    for (const id of ids.slice(PAGE_SIZE)) assert.equal(await viewer.videoStat(id), undefined, `${id} is not decoded`);
  });

  test('turning to the second page moves the forwarding (read over the debug endpoint) and the page decodes the rest', async () => {
    const second = ids.slice(PAGE_SIZE);
    await showTiles(second, ids.slice(0, PAGE_SIZE));
    for (const id of second) await decodedFramesOf(id, { minFrames: 3 });
    const report = await waitForForwarding(media.url, ROOM, 'viewer', (r) => forwardedVideoFrom(r).join() === second.join(), { what: 'the second page' });
    assert.deepEqual(report.tracks.map((t) => t.publisherIdentity).sort(), second);
    assert.ok(report.subscriberSdp.mediaSections <= PAGE_SIZE + 1, `m-lines ${report.subscriberSdp.mediaSections}`);
  });

  test('a subscribed tile switched off (as adaptive stream does for hidden tiles) is not forwarded until switched on', async () => {
    const setEnabled = (id: string, enabled: boolean) =>
      viewer.run(
        (lk, arg) => {
          for (const pub of lk.room()?.remoteParticipants.get(arg.id)?.trackPublications.values() ?? []) {
            if (pub.source === 'camera') (pub as unknown as { setEnabled(on: boolean): void }).setEnabled(arg.enabled);
          }
        },
        { id, enabled },
      );
    const target = ids[PAGE_SIZE];
    await setEnabled(target, false);
    const off = await waitForForwarding(media, ROOM, 'viewer', (r) => !forwardedVideoFrom(r).includes(target), { what: `${target} switched off` });
    assert.equal(off.tracks.find((t) => t.publisherIdentity === target)?.disabled, true);
    assert.equal(forwardedVideoFrom(off).length, COUNT - PAGE_SIZE - 1);
    await setEnabled(target, true);
    await waitForForwarding(media, ROOM, 'viewer', (r) => forwardedVideoFrom(r).includes(target), { what: `${target} switched on` });
    await decodedFramesOf(target, { after: (await viewer.videoStat(target))?.frames ?? 0, minFrames: 3 });
  });

  test('the debug endpoint needs a roomAdmin token for the room', async () => {
    const url = `${media.url.replace('ws:', 'http:')}/debug/forwarding?room=${ROOM}&identity=viewer`;
    const anonymous = await fetch(url);
    assert.equal(anonymous.status, 401);
    const otherRoom = await fetch(url, { headers: { Authorization: `Bearer ${await serverToken({ roomAdmin: true, room: 'elsewhere' })}` } });
    assert.equal(otherRoom.status, 403);
    assert.equal(((await otherRoom.json()) as { error: { code: string } }).error.code, 'forbidden');
  });

  test('a synthetic participant removed by the backend stops publishing; the page sees it leave', async () => {
    const api = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, DEV_API_SECRET);
    const removed = crowd.participants.find((p) => p.identity === 'synthetic-12')!;
    await api.removeParticipant(ROOM, removed.identity);
    await viewer.waitForEvent('left', { identity: removed.identity });
    await removed.signal.waitForClose();
    assert.equal(removed.left, true);
    assert.equal(crowd.participants.length, COUNT - 1);
    const sent = removed.framesSent;
    await decodedFramesOf('synthetic-11', { after: (await viewer.videoStat('synthetic-11'))?.frames ?? 0, minFrames: 5 });
    assert.equal(removed.framesSent, sent, 'no frames after removal');
  });
});
