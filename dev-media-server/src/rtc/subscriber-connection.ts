// The peer connection the server offers to send a client its subscribed tracks. Only one offer is
// outstanding at a time; changes made meanwhile are folded into the next offer.
import { MediaStream, RTCIceCandidate, RTCPeerConnection, RTCSessionDescription, type RTCRtpTransceiver } from 'werift';
const debug = process.env.MEDIA_DEBUG ? (...args: unknown[]) => console.log('[media]', ...args) : () => undefined;
import { subscriberPeerConfig, type RtcOptions } from './peer-config.js';
import { stopTransceivers } from './stop-transceivers.js';

export interface SubscriberHandlers {
  sendOffer(sdp: string, id: number): void;
  onCandidate(candidateJson: string): void;
}

export class SubscriberConnection {
  readonly pc: RTCPeerConnection;
  private offerId = 0;
  private awaitingAnswer = false;
  private dirty = false;
  private scheduled = false;
  private closed = false;
  /** True once the first offer (data channels only) was answered; tracks are added after that. */
  ready = false;

  constructor(opts: RtcOptions, private readonly handlers: SubscriberHandlers & { onReady(): void }) {
    this.pc = new RTCPeerConnection(subscriberPeerConfig(opts));
    this.pc.onIceCandidate.subscribe((candidate) => {
      if (candidate) handlers.onCandidate(JSON.stringify(candidate.toJSON()));
    });
    // As LiveKit does: data channels make the application m-line the first (BUNDLE-tagged) one, so
    // removing a track (werift writes port 0 for inactive m-lines) never rejects the bundle tag.
    this.pc.createDataChannel('_reliable', { ordered: true });
    this.pc.createDataChannel('_lossy', { ordered: false, maxRetransmits: 0 });
  }

  /** Adds a send-only m-line whose stream id is `PA_publisher|TR_track` (the client parses it). */
  addSender(kind: 'audio' | 'video', streamId: string, trackId: string): RTCRtpTransceiver {
    const transceiver = this.pc.addTransceiver(kind, { direction: 'sendonly', streams: [new MediaStream({ id: streamId })] });
    (transceiver.sender as unknown as { trackId: string }).trackId = trackId;
    this.negotiate();
    return transceiver;
  }

  removeSender(transceiver: RTCRtpTransceiver): void {
    if (this.closed) return;
    try {
      this.pc.removeTrack(transceiver.sender);
      transceiver.setDirection('inactive');
      // werift keeps a removed sender's RTCP timer running (it would keep the process alive)
      transceiver.sender.stop();
    } catch {
      // already gone
    }
    this.negotiate();
  }

  /** Schedules an offer (coalescing changes made in the same turn). */
  negotiate(): void {
    if (this.closed) return;
    this.dirty = true;
    if (this.awaitingAnswer || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.sendOffer();
    });
  }

  async handleAnswer(sdp: string, id: number): Promise<void> {
    if (this.closed || !this.awaitingAnswer) return;
    debug('subscriber answer', id, this.offerId);
    if (id !== 0 && id !== this.offerId) return; // an answer to an offer we already replaced
    await this.pc.setRemoteDescription(new RTCSessionDescription(sdp, 'answer'));
    this.awaitingAnswer = false;
    if (!this.ready) {
      this.ready = true;
      this.handlers.onReady();
    }
    if (this.dirty) this.negotiate();
  }

  async addCandidate(candidateJson: string): Promise<void> {
    const init = JSON.parse(candidateJson) as { candidate?: string; sdpMid?: string; sdpMLineIndex?: number };
    if (!init.candidate) return;
    await this.pc.addIceCandidate(new RTCIceCandidate({ candidate: init.candidate, sdpMid: init.sdpMid, sdpMLineIndex: init.sdpMLineIndex }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    stopTransceivers(this.pc);
    await this.pc.close().catch(() => undefined);
  }

  private async sendOffer(): Promise<void> {
    if (this.closed || this.awaitingAnswer || !this.dirty) return;
    this.dirty = false;
    this.awaitingAnswer = true;
    try {
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      this.offerId += 1;
      const sdp = this.pc.localDescription?.sdp ?? offer.sdp;
      debug('subscriber offer', this.offerId, sdp.split(/\r?\n/).filter((l) => /^(m=|a=mid|a=msid|a=sendonly|a=inactive|a=recvonly)/.test(l)).join(' '));
      this.handlers.sendOffer(sdp, this.offerId);
    } catch (err) {
      debug('subscriber offer failed', err);
      this.awaitingAnswer = false;
    }
  }
}
