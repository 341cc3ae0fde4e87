// One subscriber's copy of a published track: picks a simulcast layer, switches only at a keyframe,
// and rewrites sequence numbers and timestamps so the switch looks like one continuous stream.
import { VideoQuality } from '@livekit/protocol';
import { RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import { LAYER_ORDER, type PublishedTrack, type TrackSubscriber } from './published-track.js';
import { isVp8KeyframeStart } from './vp8.js';

interface SenderInternals {
  codec?: unknown;
  dtlsTransport?: { state: string };
  sendRtp(packet: RtpPacket): Promise<void>;
}

export class DownTrack implements TrackSubscriber {
  /** Highest quality the subscriber asked for (trackSetting). */
  maxQuality: VideoQuality = VideoQuality.HIGH;
  disabled = false;
  private current: string | undefined;
  private target: string | undefined;
  private seqOffset = 0;
  private tsOffset = 0;
  private lastSeq: number | undefined;
  private lastTs: number | undefined;
  private lastSentAt = 0;
  private closed = false;
  /** RTP packets handed to the subscriber's transport (for debug reports). */
  packetsSent = 0;
  /** Packets not forwarded, by reason (for debug reports: why a subscriber gets nothing). */
  readonly dropped = { notNegotiated: 0, otherLayer: 0, awaitingKeyframe: 0 };

  constructor(
    readonly track: PublishedTrack,
    readonly subscriberSid: string,
    readonly transceiver: RTCRtpTransceiver,
  ) {
    transceiver.sender.onPictureLossIndication.subscribe(() => {
      if (this.current !== undefined) this.track.requestKeyframe(this.current);
    });
    track.downTracks.add(this);
    this.selectLayer();
  }

  get currentLayer(): string | undefined {
    return this.current;
  }

  /** The layer waited for (switched to at its next keyframe). */
  get targetLayer(): string | undefined {
    return this.target;
  }

  /** The m-line's mid and SSRC, and whether packets can go out on it (codec and DTLS ready). */
  get senderState(): { mid: string | null; ssrc: number; ready: boolean } {
    const sender = this.transceiver.sender as unknown as SenderInternals & { mid?: string; ssrc: number };
    return { mid: sender.mid ?? null, ssrc: sender.ssrc, ready: !!sender.codec && sender.dtlsTransport?.state === 'connected' };
  }

  /** When the last packet was forwarded (ms since epoch, 0 = never). */
  get lastForwardedAt(): number {
    return this.lastSentAt;
  }

  setQuality(quality: VideoQuality, disabled: boolean): void {
    this.maxQuality = quality;
    this.disabled = disabled;
    if (disabled) this.current = undefined;
    this.selectLayer();
  }

  /** Chooses the highest live layer within the subscriber's limit; asks for a keyframe on change once it can take one. */
  selectLayer(): void {
    if (this.track.kind !== 'video' || this.closed) return;
    const live = this.track.activeLayers();
    if (live.length === 0) return;
    const limit = this.maxQuality === VideoQuality.OFF ? -1 : this.maxQuality;
    const fitting = live.filter((key) => (LAYER_ORDER[key] ?? 0) <= limit);
    const next = fitting.length > 0 ? fitting[fitting.length - 1] : live[0];
    if (next !== this.target) this.target = next;
    // Only a subscriber that can take the keyframe asks for it: browsers encode at most one
    // requested keyframe per 300 ms, so one asked for while this subscriber's DTLS or
    // renegotiation is still under way would be lost, and hold back the one it needs (write()
    // asks at its first packet that can go out).
    if (this.target !== this.current && this.senderState.ready) this.track.requestKeyframe(this.target);
  }

  write(layer: string, packet: RtpPacket): void {
    if (this.closed || this.disabled || packet.payload.length === 0) return;
    const sender = this.transceiver.sender as unknown as SenderInternals;
    if (!sender.codec || sender.dtlsTransport?.state !== 'connected') {
      this.current = undefined;
      this.dropped.notNegotiated += 1;
      return;
    }
    if (this.track.kind === 'video') {
      if (layer !== this.current) {
        if (layer !== this.target) {
          this.dropped.otherLayer += 1;
          return;
        }
        if (!isVp8KeyframeStart(packet.payload)) {
          this.dropped.awaitingKeyframe += 1;
          this.track.requestKeyframe(layer);
          return;
        }
        this.switchTo(layer, packet);
      }
    } else if (this.current === undefined) {
      this.switchTo(layer, packet);
    }
    const h = packet.header;
    const header = new RtpHeader({
      ...h,
      extensions: [],
      sequenceNumber: (h.sequenceNumber + this.seqOffset) & 0xffff,
      timestamp: (h.timestamp + this.tsOffset) >>> 0,
    });
    this.lastSeq = header.sequenceNumber;
    this.lastTs = header.timestamp;
    this.lastSentAt = Date.now();
    this.packetsSent += 1;
    sender.sendRtp(new RtpPacket(header, packet.payload)).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.track.downTracks.delete(this);
  }

  private switchTo(layer: string, packet: RtpPacket): void {
    this.current = layer;
    const h = packet.header;
    if (this.lastSeq === undefined || this.lastTs === undefined) {
      this.seqOffset = 0;
      this.tsOffset = 0;
      return;
    }
    const clock = this.track.kind === 'video' ? 90 : 48;
    const elapsed = Math.max(1, Math.round((Date.now() - this.lastSentAt) * clock));
    this.seqOffset = (this.lastSeq + 1 - h.sequenceNumber) & 0xffff;
    this.tsOffset = (this.lastTs + elapsed - h.timestamp) >>> 0;
  }
}
