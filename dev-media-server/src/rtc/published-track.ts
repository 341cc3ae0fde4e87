// A track a participant publishes: its TrackInfo, the simulcast layers seen on the wire, and the
// subscribers' down tracks its packets fan out to.
import { TrackInfo, TrackType } from '@livekit/protocol';
import type { RtpPacket } from 'werift';
import { isVp8KeyframeStart } from './vp8.js';

/** Layer keys: '' for a single-encoding track, else the simulcast rid (q < h < f). */
export const LAYER_ORDER: Record<string, number> = { q: 0, h: 1, f: 2, '': 2 };
const LAYER_ALIVE_MS = 1500;
// Browsers' encoders (libwebrtc) ignore a keyframe request within 300 ms of the last one they
// honoured: a request sooner would be lost, so the server does not send one.
const KEYFRAME_REQUEST_INTERVAL_MS = 300;
const MAX_NACK_GAP = 64;

/** What a subscriber's down track (down-track.ts) is to the track it forwards. */
export interface TrackSubscriber {
  /** The layers seen on the wire changed: pick the one to forward. */
  selectLayer(): void;
  write(layerKey: string, packet: RtpPacket): void;
  /** The track is gone: stop forwarding. */
  close(): void;
}

interface LayerState {
  key: string;
  ssrc: number;
  highestSeq: number;
  lastPacketAt: number;
  lastKeyframeRequestAt: number;
}

export class PublishedTrack {
  readonly kind: 'audio' | 'video';
  readonly layers = new Map<string, LayerState>();
  readonly downTracks = new Set<TrackSubscriber>();
  mid: string | undefined;
  /** Recent loudness 0..1 (audio level extension, else packet activity), decays without packets. */
  loudness = 0;
  private lastLoudAt = 0;
  /** PLIs sent to the publisher per layer, and requests skipped by the interval (debug reports). */
  readonly keyframeRequests = { sent: {} as Record<string, number>, throttled: 0, received: {} as Record<string, number> };
  /** RTP packets received from the publisher (debug reports: does the publisher's media arrive). */
  packetsReceived = 0;

  constructor(
    readonly info: TrackInfo,
    readonly publisherSid: string,
    private readonly requestKeyframeBySsrc: (ssrc: number) => void,
    private readonly requestRetransmission: (ssrc: number, lost: number[]) => void = () => undefined,
  ) {
    this.kind = info.type === TrackType.AUDIO ? 'audio' : 'video';
  }

  get sid(): string {
    return this.info.sid;
  }

  onPacket(rid: string | undefined, packet: RtpPacket, audioLevel: number | undefined): void {
    const key = rid ?? '';
    const now = Date.now();
    this.packetsReceived += 1;
    let layer = this.layers.get(key);
    const revived = !layer || now - layer.lastPacketAt > LAYER_ALIVE_MS;
    if (!layer) {
      layer = { key, ssrc: packet.header.ssrc, highestSeq: packet.header.sequenceNumber, lastPacketAt: now, lastKeyframeRequestAt: 0 };
      this.layers.set(key, layer);
    }
    if (layer.ssrc !== packet.header.ssrc) {
      layer.ssrc = packet.header.ssrc;
      layer.highestSeq = packet.header.sequenceNumber;
    }
    if (this.kind === 'video') {
      this.detectLoss(layer, packet.header.sequenceNumber);
      if (isVp8KeyframeStart(packet.payload)) this.keyframeRequests.received[key] = (this.keyframeRequests.received[key] ?? 0) + 1;
    }
    layer.lastPacketAt = now;
    if (this.kind === 'audio') this.measureAudio(packet, audioLevel, now);
    if (revived) for (const down of this.downTracks) down.selectLayer();
    for (const down of this.downTracks) down.write(key, packet);
  }

  /** Layers with recent packets, lowest first. */
  activeLayers(now = Date.now()): string[] {
    return [...this.layers.values()]
      .filter((l) => now - l.lastPacketAt <= LAYER_ALIVE_MS)
      .map((l) => l.key)
      .sort((a, b) => (LAYER_ORDER[a] ?? 0) - (LAYER_ORDER[b] ?? 0));
  }

  requestKeyframe(key: string): void {
    const layer = this.layers.get(key);
    if (!layer || this.kind !== 'video') return;
    const now = Date.now();
    if (now - layer.lastKeyframeRequestAt < KEYFRAME_REQUEST_INTERVAL_MS) {
      this.keyframeRequests.throttled += 1;
      return;
    }
    // Chrome encodes simulcast keyframes on all layers together but was seen ignoring most
    // requests that name only the low layer (FINDINGS.md): ask on every layer, each throttled.
    for (const other of this.layers.values()) {
      if (other !== layer && now - other.lastKeyframeRequestAt < KEYFRAME_REQUEST_INTERVAL_MS) continue;
      if (!other.ssrc) continue;
      other.lastKeyframeRequestAt = now;
      this.keyframeRequests.sent[other.key] = (this.keyframeRequests.sent[other.key] ?? 0) + 1;
      this.requestKeyframeBySsrc(other.ssrc);
    }
  }

  /** Called periodically: re-pick layers when one stopped, decay loudness. */
  maintain(now = Date.now()): void {
    if (this.kind === 'video') for (const down of this.downTracks) down.selectLayer();
    if (now - this.lastLoudAt > 600) this.loudness = 0;
  }

  /** NACKs small gaps in a layer's sequence numbers (the publisher resends without RTX). */
  private detectLoss(layer: LayerState, seq: number): void {
    const ahead = (seq - layer.highestSeq) & 0xffff;
    if (ahead === 0 || ahead >= 0x8000) return; // duplicate, reordered or a retransmission
    if (ahead > 1 && ahead <= MAX_NACK_GAP) {
      const lost: number[] = [];
      for (let i = 1; i < ahead; i++) lost.push((layer.highestSeq + i) & 0xffff);
      this.requestRetransmission(layer.ssrc, lost);
    }
    layer.highestSeq = seq;
  }

  private measureAudio(packet: RtpPacket, audioLevel: number | undefined, now: number): void {
    // audio level: 0 = loudest, 127 = silence (-dBov). Without it, non-DTX packet sizes mean voice.
    let level: number;
    if (audioLevel !== undefined) level = audioLevel <= 45 ? (127 - audioLevel) / 127 : 0;
    else level = packet.payload.length > 40 ? 0.5 : 0;
    if (level > 0) {
      this.loudness = this.loudness * 0.7 + level * 0.3;
      this.lastLoudAt = now;
    }
  }
}
