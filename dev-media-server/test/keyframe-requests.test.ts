// When the media server asks a publisher for a keyframe (PLI). Browsers encode at most one
// requested keyframe per 300 ms, so the server asks only for a subscriber that can take the
// picture: one asked for while the subscriber's connection is still being set up (a page change:
// its DTLS, or the renegotiation for the new track) arrives too early, is dropped, and holds back
// the keyframe the subscriber needs by up to 300 ms.
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrackInfo, TrackType } from '@livekit/protocol';
import { RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import { PublishedTrack } from '../src/rtc/published-track.js';
import { DownTrack } from '../src/rtc/down-track.js';

// VP8 payload descriptor without extensions (S bit, partition 0), then the payload header's P bit
// (0 = keyframe).
const KEYFRAME = Buffer.from([0x10, 0x00, 0x9d, 0x01, 0x2a]);
const DELTA = Buffer.from([0x10, 0x01, 0x00, 0x00]);
const SSRC = 4242;

let seq = 0;
const packet = (payload: Buffer) =>
  new RtpPacket(new RtpHeader({ ssrc: SSRC, sequenceNumber: ++seq & 0xffff, timestamp: seq * 3000, payloadType: 96 }), payload);

/** A published video with packets flowing, and the PLIs the server sends its publisher. */
function liveVideo(): { track: PublishedTrack; asked: number[] } {
  const asked: number[] = [];
  const track = new PublishedTrack(new TrackInfo({ sid: 'TR_video', type: TrackType.VIDEO }), 'PA_publisher', (ssrc) => asked.push(ssrc));
  track.onPacket(undefined, packet(DELTA), undefined);
  return { track, asked };
}

/** A subscriber's sender as the down track sees it: negotiated and DTLS-connected, or not yet. */
function subscriberSender() {
  const sent: RtpPacket[] = [];
  const sender = {
    codec: undefined as unknown,
    dtlsTransport: { state: 'connecting' },
    mid: '1',
    ssrc: 99,
    onPictureLossIndication: { subscribe: () => undefined },
    sendRtp: async (p: RtpPacket) => void sent.push(p),
  };
  const connect = () => {
    sender.codec = { name: 'VP8' };
    sender.dtlsTransport.state = 'connected';
  };
  return { transceiver: { sender } as unknown as RTCRtpTransceiver, sent, connect };
}

test('a subscriber still connecting asks for no keyframe; its first packet once connected does, and the keyframe goes out', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const { track, asked } = liveVideo();
  const sub = subscriberSender();
  new DownTrack(track, 'PA_subscriber', sub.transceiver);
  track.onPacket(undefined, packet(DELTA), undefined);
  assert.deepEqual(asked, [], 'no PLI while the subscriber cannot take the picture');

  t.mock.timers.tick(120);
  sub.connect();
  track.onPacket(undefined, packet(DELTA), undefined);
  assert.deepEqual(asked, [SSRC], 'asked at the first packet that could go out');
  assert.equal(sub.sent.length, 0, 'nothing forwarded before a keyframe');

  t.mock.timers.tick(40);
  track.onPacket(undefined, packet(KEYFRAME), undefined);
  track.onPacket(undefined, packet(DELTA), undefined);
  assert.equal(sub.sent.length, 2, 'forwarded from the keyframe on');
});

test('a subscriber that is connected when it subscribes asks at once', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const { track, asked } = liveVideo();
  const sub = subscriberSender();
  sub.connect();
  new DownTrack(track, 'PA_subscriber', sub.transceiver);
  assert.deepEqual(asked, [SSRC]);
});

test('requests within 300 ms of the last are not sent (the publisher would ignore them)', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const { track, asked } = liveVideo();
  track.requestKeyframe('');
  t.mock.timers.tick(299);
  track.requestKeyframe('');
  assert.equal(asked.length, 1);
  assert.equal(track.keyframeRequests.throttled, 1);
  t.mock.timers.tick(1);
  track.requestKeyframe('');
  assert.equal(asked.length, 2);
});
