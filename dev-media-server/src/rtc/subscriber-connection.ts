// The peer connection the server offers to send a client its subscribed tracks. Only one offer is
// outstanding at a time; changes made meanwhile are folded into the next offer. m-lines of removed
// tracks are recycled for later tracks of the same kind (as LiveKit does), so the SDP grows only
// with the most tracks received at once, not with every track ever received.
import { MediaStream, RTCIceCandidate, RTCPeerConnection, RTCSessionDescription, type RTCRtpTransceiver } from 'werift';
const debug = process.env.MEDIA_DEBUG ? (...args: unknown[]) => console.log('[media]', ...args) : () => undefined;
import { subscriberPeerConfig, type RtcOptions } from './peer-config.js';
import { stopTransceivers } from './stop-transceivers.js';
import { keepConsent } from './transport-fixes.js';

export interface SubscriberHandlers {
  sendOffer(sdp: string, id: number): void;
  onCandidate(candidateJson: string): void;
}

interface TransceiverManagerInternals {
  transceivers: RTCRtpTransceiver[];
}
interface SdpManagerInternals {
  addTransportDescription(media: { direction?: string; kind: string; port: number }, dtls: unknown): void;
}
interface RouterInternals {
  ssrcTable: Record<number, unknown>;
}
type TransceiverInternals = RTCRtpTransceiver & { usedForSender: boolean; mLineIndex?: number; mid?: string | null };
const DISCARD_PORT = 9;

export class SubscriberConnection {
  readonly pc: RTCPeerConnection;
  /** Size in bytes and number of m-lines of the last offer sent (for benches and debug reports). */
  lastOffer = { bytes: 0, mediaSections: 0 };
  /** Removed m-lines whose removal the client may not have answered yet. */
  private readonly released = new Set<RTCRtpTransceiver>();
  /** Added since the last offer; placed on recycled m-lines when the offer is made. */
  private readonly unplaced = new Set<RTCRtpTransceiver>();
  /** Kept out of the offer being negotiated (see placeNewTracks). */
  private readonly held = new Set<RTCRtpTransceiver>();
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
    // As LiveKit does: data channels make the application m-line the first (BUNDLE-tagged) one.
    this.pc.createDataChannel('_reliable', { ordered: true });
    this.pc.createDataChannel('_lossy', { ordered: false, maxRetransmits: 0 });
    keepInactiveMediaOpen(this.pc);
  }

  /**
   * Adds a send-only m-line whose stream id is `PA_publisher|TR_track` (the client parses it). It
   * takes the place of a removed m-line of the same kind when there is one.
   */
  addSender(kind: 'audio' | 'video', streamId: string, trackId: string): RTCRtpTransceiver {
    const transceiver = this.pc.addTransceiver(kind, { direction: 'sendonly', streams: [new MediaStream({ id: streamId })] });
    // werift would otherwise hand a later transceiver of any kind this one's m-line once inactive
    (transceiver as TransceiverInternals).usedForSender = true;
    (transceiver.sender as unknown as { trackId: string }).trackId = trackId;
    this.unplaced.add(transceiver);
    this.negotiate();
    return transceiver;
  }

  /** Number of m-lines that currently carry nothing (kept for recycling). */
  get idleMediaSections(): number {
    return this.pc.getTransceivers().filter((t) => t.direction === 'inactive').length;
  }

  removeSender(transceiver: RTCRtpTransceiver): void {
    if (this.closed) return;
    this.unplaced.delete(transceiver);
    this.held.delete(transceiver);
    if ((transceiver as TransceiverInternals).mLineIndex === undefined) {
      // never offered: nothing to tell the client, no m-line to keep
      const list = this.transceiverList();
      if (list.includes(transceiver)) list.splice(list.indexOf(transceiver), 1);
      this.forget(transceiver);
      return;
    }
    try {
      this.pc.removeTrack(transceiver.sender);
      transceiver.setDirection('inactive');
      // werift keeps a removed sender's RTCP timer running (it would keep the process alive)
      transceiver.sender.stop();
    } catch {
      // already gone
    }
    this.released.add(transceiver);
    this.negotiate();
  }

  /**
   * Moves a new transceiver onto the m-line of a removed one of the same kind, keeping that
   * m-line's mid. Only m-lines whose removal the client has answered qualify: the client then sees
   * the m-line go from inactive to receiving with a new stream id and fires a new track event
   * (livekit-client is built for this). Chrome refuses a rejected (port 0) m-line coming back with
   * the same mid, so removed m-lines stay open (port 9, a=inactive) instead of being rejected.
   */
  private recycle(fresh: RTCRtpTransceiver): boolean {
    const list = this.transceiverList();
    const old = [...this.released].find(
      (t) => t.kind === fresh.kind && t.direction === 'inactive' && t.currentDirection === 'inactive' && (t as TransceiverInternals).mLineIndex !== undefined,
    ) as TransceiverInternals | undefined;
    if (!old) return false;
    const from = list.indexOf(fresh);
    if (list.indexOf(old) < 0 || from < 0) return false;
    this.released.delete(old);
    list.splice(from, 1);
    list[list.indexOf(old)] = fresh;
    const f = fresh as TransceiverInternals;
    f.mid = old.mid;
    f.mLineIndex = old.mLineIndex;
    this.forget(old);
    debug('recycled m-line', f.mid, fresh.kind);
    return true;
  }

  /**
   * Places the tracks added since the last offer: on m-lines freed earlier, else, when a removal of
   * the same kind goes out in this very offer, held back one round so they can take its m-line
   * once answered (a page flip then swaps tracks without growing the SDP); else on new m-lines.
   * Returns the held-back transceivers, already taken out of werift's list for this offer.
   */
  private placeNewTracks(): RTCRtpTransceiver[] {
    const freeing = { audio: 0, video: 0 };
    for (const r of this.released) {
      if ((r as TransceiverInternals).mLineIndex !== undefined && r.currentDirection !== 'inactive') freeing[r.kind as 'audio' | 'video'] += 1;
    }
    const held: RTCRtpTransceiver[] = [];
    for (const t of this.unplaced) {
      if ((t as TransceiverInternals).mLineIndex !== undefined || t.direction !== 'sendonly') continue;
      if (this.recycle(t)) continue;
      const kind = t.kind as 'audio' | 'video';
      if (freeing[kind] > 0) {
        freeing[kind] -= 1;
        held.push(t);
      }
    }
    this.unplaced.clear();
    const list = this.transceiverList();
    for (const t of held) {
      list.splice(list.indexOf(t), 1);
      this.held.add(t);
    }
    return held;
  }

  /** Puts held-back transceivers back for the next offer (unless removed meanwhile). */
  private restoreHeld(held: RTCRtpTransceiver[]): void {
    const list = this.transceiverList();
    for (const t of held) {
      if (!this.held.delete(t)) continue;
      list.push(t);
      this.unplaced.add(t);
      this.dirty = true;
    }
  }

  /**
   * Stops a transceiver taken out of the connection and drops what still points at it: its RTCP
   * route and its sender's listener on the shared DTLS transport (which otherwise keeps every
   * sender ever made alive, and through the abort reason of its RTCP timer the participant whose
   * leaving stopped it, with both of that participant's peer connections).
   */
  private forget(t: RTCRtpTransceiver): void {
    try {
      t.receiver.stop();
      t.sender.stop();
    } catch {
      // already stopped
    }
    const sender = t.sender as unknown as { dtlsDisposer?: (() => void)[] };
    for (const dispose of sender.dtlsDisposer ?? []) dispose();
    sender.dtlsDisposer = [];
    const router = (this.pc as unknown as { router: RouterInternals }).router;
    delete router.ssrcTable[t.sender.ssrc];
  }

  private transceiverList(): RTCRtpTransceiver[] {
    return (this.pc as unknown as { transceiverManager: TransceiverManagerInternals }).transceiverManager.transceivers;
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
    keepConsent(this.pc);
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
    // placed now rather than when added: removals answered meanwhile free more m-lines
    const held = this.placeNewTracks();
    try {
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      this.restoreHeld(held);
      this.offerId += 1;
      const sdp = this.pc.localDescription?.sdp ?? offer.sdp;
      this.lastOffer = { bytes: Buffer.byteLength(sdp), mediaSections: sdp.split(/\r?\n/).filter((l) => l.startsWith('m=')).length };
      debug('subscriber offer', this.offerId, sdp.split(/\r?\n/).filter((l) => /^(m=|a=mid|a=msid|a=sendonly|a=inactive|a=recvonly)/.test(l)).join(' '));
      this.handlers.sendOffer(sdp, this.offerId);
    } catch (err) {
      debug('subscriber offer failed', err);
      this.restoreHeld(held);
      this.awaitingAnswer = false;
    }
  }
}

/**
 * werift writes port 0 (rejected) for inactive m-lines; a rejected m-line may never carry media
 * again under its mid, so keep inactive audio/video m-lines open (port 9) like browsers do.
 */
function keepInactiveMediaOpen(pc: RTCPeerConnection): void {
  const manager = (pc as unknown as { sdpManager: SdpManagerInternals }).sdpManager;
  const describe = manager.addTransportDescription.bind(manager);
  manager.addTransportDescription = (media, dtls) => {
    describe(media, dtls);
    if (media.direction === 'inactive' && media.kind !== 'application') media.port = DISCARD_PORT;
  };
}
