// The committed clip of the synthetic participants, as the media server sees it: the IVF reader
// finds every frame, and the server's keyframe detector (where subscribers may start) agrees with
// the clip's own keyframe flags on the RTP payloads the synthetic participants send.
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isVp8KeyframeStart } from '../src/rtc/vp8.js';
import { loadVp8Clip, packetizeVp8 } from '../../testing/node/vp8-clip.js';

test('the committed clip is 3 s of 160x90 VP8 at 10 fps with a keyframe every second', () => {
  const clip = loadVp8Clip();
  assert.equal(`${clip.width}x${clip.height}@${clip.frameRate}`, '160x90@10');
  assert.equal(clip.frames.length, 30);
  assert.deepEqual(
    clip.frames.flatMap((f, i) => (f.keyframe ? [i] : [])),
    [0, 10, 20],
  );
});

test('only the first packet of a keyframe starts a keyframe for the server; frames survive the cut', () => {
  const clip = loadVp8Clip();
  for (const [i, frame] of clip.frames.entries()) {
    const packets = packetizeVp8(frame.data, i);
    assert.equal(isVp8KeyframeStart(packets[0]), frame.keyframe, `frame ${i}`);
    for (const p of packets.slice(1)) assert.equal(isVp8KeyframeStart(p), false, `frame ${i}, later packet`);
    // 4-byte descriptor on each packet; the payloads put back together are the frame
    assert.deepEqual(Buffer.concat(packets.map((p) => p.subarray(4))), frame.data);
    assert.ok(packets.every((p) => p.length <= 1104));
  }
});
