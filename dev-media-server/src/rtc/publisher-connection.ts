// The peer connection a client publishes on. werift routes simulcast layers by rid alone (camera and
// screen share collide), so packets are routed here by mid + rid from the header extensions, then
// handed to the room without werift's receiver pipeline.
import {
  GenericNack,
  PictureLossIndication,
  RTCIceCandidate,
  RTCPeerConnection,
  RTCSessionDescription,
  RtcpPayloadSpecificFeedback,
  RtcpTransportLayerFeedback,
  type RtpPacket,
  type RTCDataChannel,
} from 'werift';
import { publisherPeerConfig, type RtcOptions } from './peer-config.js';
import { stopTransceivers } from './stop-transceivers.js';
import { keepConsent } from './transport-fixes.js';
import { readExtensionMap, readMediaSections, type MediaSection } from './sdp-sections.js';

const URI_MID = 'urn:ietf:params:rtp-hdrext:sdes:mid';
const URI_RID = 'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id';
const RTCP_SSRC = 1;
const URI_AUDIO_LEVEL = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';

export interface PublisherHandlers {
  onRtp(mid: string, rid: string | undefined, packet: RtpPacket, audioLevel: number | undefined): void;
  onData(label: string, data: Buffer): void;
  onCandidate(candidateJson: string): void;
  onConnectionState(state: string): void;
}

export class PublisherConnection {
  readonly pc: RTCPeerConnection;
  private readonly routes = new Map<number, { mid: string; rid?: string }>();
  private extensionUris = new Map<number, string>();
  private readonly channels = new Map<string, RTCDataChannel>();
  private closed = false;

  constructor(opts: RtcOptions, private readonly handlers: PublisherHandlers) {
    this.pc = new RTCPeerConnection(publisherPeerConfig(opts));
    const router = (this.pc as unknown as { router: { routeRtp: (p: RtpPacket) => void } }).router;
    router.routeRtp = (packet) => this.route(packet);
    this.pc.onDataChannel.subscribe((channel) => {
      this.channels.set(channel.label, channel);
      channel.onMessage.subscribe((data) => {
        if (typeof data !== 'string') handlers.onData(channel.label, data);
      });
    });
    this.pc.onIceCandidate.subscribe((candidate) => {
      if (candidate) handlers.onCandidate(JSON.stringify(candidate.toJSON()));
    });
    this.pc.connectionStateChange.subscribe((state) => handlers.onConnectionState(state));
  }

  /** Applies the client's offer and returns our answer plus the offer's m-lines. */
  async answer(offerSdp: string): Promise<{ sdp: string; sections: MediaSection[] }> {
    this.extensionUris = readExtensionMap(offerSdp);
    await this.pc.setRemoteDescription(new RTCSessionDescription(offerSdp, 'offer'));
    keepConsent(this.pc);
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    return { sdp: this.pc.localDescription?.sdp ?? answer.sdp, sections: readMediaSections(offerSdp) };
  }

  async addCandidate(candidateJson: string): Promise<void> {
    const init = JSON.parse(candidateJson) as { candidate?: string; sdpMid?: string; sdpMLineIndex?: number };
    if (!init.candidate) return;
    await this.pc.addIceCandidate(new RTCIceCandidate({ candidate: init.candidate, sdpMid: init.sdpMid, sdpMLineIndex: init.sdpMLineIndex }));
  }

  /** Sends on the client's own data channel of that label (it listens on its publisher channels). */
  sendData(label: string, data: Buffer): boolean {
    const channel = this.channels.get(label);
    if (!channel || channel.readyState !== 'open') return false;
    try {
      channel.send(data);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * PLI straight on the transport: a receiver's own helper is a no-op for audio m-lines. The sender
   * SSRC is the layer's own, as SFUs commonly send it: with a fixed one (1), Chrome counted our PLIs
   * for its upper simulcast layer only and never sent the lower layer a keyframe (FINDINGS.md).
   */
  requestKeyframe(ssrc: number): void {
    this.sendRtcp(new RtcpPayloadSpecificFeedback({ feedback: new PictureLossIndication({ senderSsrc: ssrc, mediaSsrc: ssrc }) }));
  }

  /** Generic NACK: asks the publisher to resend packets lost on the way to us. */
  requestRetransmission(ssrc: number, lost: number[]): void {
    this.sendRtcp(new RtcpTransportLayerFeedback({ feedback: new GenericNack({ senderSsrc: RTCP_SSRC, mediaSourceSsrc: ssrc, lost }) }));
  }

  private sendRtcp(packet: RtcpPayloadSpecificFeedback | RtcpTransportLayerFeedback): void {
    if (this.closed) return;
    const transport = this.pc.dtlsTransports.find((t) => t.state === 'connected');
    transport?.sendRtcp([packet]).catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    stopTransceivers(this.pc);
    await this.pc.close().catch(() => undefined);
  }

  private route(packet: RtpPacket): void {
    let mid: string | undefined;
    let rid: string | undefined;
    let audioLevel: number | undefined;
    for (const ext of packet.header.extensions) {
      const uri = this.extensionUris.get(ext.id);
      if (uri === URI_MID) mid = ext.payload.toString('ascii');
      else if (uri === URI_RID) rid = ext.payload.toString('ascii');
      else if (uri === URI_AUDIO_LEVEL && ext.payload.length > 0) audioLevel = ext.payload[0] & 0x7f;
    }
    const ssrc = packet.header.ssrc;
    if (mid !== undefined) {
      const known = this.routes.get(ssrc);
      if (!known || known.mid !== mid || known.rid !== rid) this.routes.set(ssrc, { mid, rid });
    } else {
      const known = this.routes.get(ssrc);
      if (!known) return;
      mid = known.mid;
      rid = known.rid;
    }
    try {
      this.handlers.onRtp(mid, rid, packet, audioLevel);
    } catch {
      // a forwarding error must not stop the publisher's transport
    }
  }
}
