// Synthetic participants: LiveKit participants in Node that join a room over the real signalling
// (testing/node/signal-participant.ts) and publish a camera track playing a committed VP8 clip in a
// loop (testing/node/vp8-clip.ts, 160x90 at 10 fps), for conference tests and benches with many people.
// They are cheap: one process, one shared clip in memory, one timer for all of them, one werift
// peer connection each (publisher only; by default they may not subscribe, so the server offers
// them nothing), and a bounded count per crowd.
//
// API
//   const crowd = new SyntheticCrowd({ url: media.url, max: 32 });      // url: ws://… of the server
//   const p = await crowd.join('standup', 'synthetic-01', { name: 'Synthetic 01' });
//   p.identity, p.sid (PA_…), p.trackSid (TR_… of its camera), p.framesSent, p.keyframeRequests
//   await p.leave();        // leaves politely (the others see it leave at once)
//   await p.drop();         // drops the connection without a word (a crashed tab)
//   p.left, p.signal.leaveRequest   // also set when the server removed it (kick, room deleted)
//   crowd.participants      // those still in, in join order
//   await crowd.close();    // everyone leaves, the timer stops
// Join options: name, metadata, attributes, subscribe (grant canSubscribe, default false),
// timeoutMs (default WAIT_MS), beforeOffer(pc) (tests disturb the transport with it). Tokens are
// minted with the dev keys (apiKey/apiSecret to override).
// A keyframe request (PLI) from the server makes the participant jump to the clip's next keyframe.
import {
  AddTrackRequest,
  SessionDescription,
  SignalTarget,
  TrackSource,
  TrackType,
  TrickleRequest,
  VideoLayer,
  VideoQuality,
  type TrackPublishedResponse,
} from '@livekit/protocol';
import {
  MediaStream,
  RTCIceCandidate,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RTCSessionDescription,
  RtpHeader,
  RtpPacket,
  useNACK,
  usePLI,
  useSdesMid,
  type RTCRtpTransceiver,
} from 'werift';
import { installDtlsFix, keepConsent } from '../../dev-media-server/src/rtc/transport-fixes.js';
import { SignalParticipant } from './signal-participant.js';
import { DEV_API_KEY, DEV_API_SECRET, roomToken } from './tokens.js';
import { loadVp8Clip, packetizeVp8, type Vp8Clip } from './vp8-clip.js';
import { WAIT_MS } from '../wait.js';

export interface SyntheticCrowdOptions {
  /** The media server's signal URL (ws://host:port). */
  url: string;
  /** Most participants this crowd holds at once (default 32). */
  max?: number;
  /** An IVF file with VP8 (default: the committed 160x90 clip). */
  clipPath?: string;
  apiKey?: string;
  apiSecret?: string;
}

export interface SyntheticJoinOptions {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  /** Grant canSubscribe (default false: nothing is forwarded to the synthetic participant). */
  subscribe?: boolean;
  timeoutMs?: number;
  /** Called with the peer connection before it is offered (tests disturb its transport with it). */
  beforeOffer?: (pc: RTCPeerConnection) => void;
}

const PAYLOAD_TYPE = 96;

function peerConfig() {
  return {
    iceServers: [],
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
    bundlePolicy: 'max-bundle' as const,
    codecs: {
      audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
      video: [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, payloadType: PAYLOAD_TYPE, rtcpFeedback: [useNACK(), usePLI()] })],
    },
    // the server routes published packets by the mid header extension
    headerExtensions: { audio: [useSdesMid()], video: [useSdesMid()] },
  };
}

export class SyntheticParticipant {
  framesSent = 0;
  packetsSent = 0;
  keyframeRequests = 0;
  left = false;
  private frameIndex = 0;
  private pictureId = Math.floor(Math.random() * 0x7fff);
  private sequence = Math.floor(Math.random() * 0xffff);
  private readonly timestampBase = Math.floor(Math.random() * 0xffffffff);
  private readonly startedAt = Date.now();
  private wantKeyframe = false;

  constructor(
    readonly signal: SignalParticipant,
    readonly pc: RTCPeerConnection,
    private readonly transceiver: RTCRtpTransceiver,
    readonly trackSid: string,
    private readonly onGone: (p: SyntheticParticipant) => void,
  ) {
    transceiver.sender.onPictureLossIndication.subscribe(() => {
      this.keyframeRequests += 1;
      this.wantKeyframe = true;
    });
    // removed by the server (kick, room deleted, same identity again): stop publishing
    signal.once('close', () => void this.drop());
  }

  get identity(): string {
    return this.signal.identity;
  }

  get sid(): string {
    return this.signal.sid;
  }

  /** Sends the next frame of the clip (called by the crowd's timer). */
  sendFrame(clip: Vp8Clip): void {
    const sender = this.transceiver.sender as unknown as { dtlsTransport?: { state: string }; sendRtp(p: RtpPacket): Promise<void> };
    if (this.left || sender.dtlsTransport?.state !== 'connected') return;
    if (this.wantKeyframe) {
      this.wantKeyframe = false;
      while (!clip.frames[this.frameIndex].keyframe) this.frameIndex = (this.frameIndex + 1) % clip.frames.length;
    }
    const frame = clip.frames[this.frameIndex];
    this.frameIndex = (this.frameIndex + 1) % clip.frames.length;
    // the clock follows real time, so a late timer tick does not slow the video down
    const timestamp = (this.timestampBase + Math.round((Date.now() - this.startedAt) * 90)) >>> 0;
    const payloads = packetizeVp8(frame.data, this.pictureId);
    this.pictureId = (this.pictureId + 1) & 0x7fff;
    payloads.forEach((payload, i) => {
      this.sequence = (this.sequence + 1) & 0xffff;
      const header = new RtpHeader({ payloadType: PAYLOAD_TYPE, sequenceNumber: this.sequence, timestamp, marker: i === payloads.length - 1 });
      sender.sendRtp(new RtpPacket(header, payload)).catch(() => undefined);
      this.packetsSent += 1;
    });
    this.framesSent += 1;
  }

  /** Leaves politely, as livekit-client's disconnect() does. */
  leave(): Promise<void> {
    return this.end(() => this.signal.leave());
  }

  /** Drops the connection without saying goodbye. */
  drop(): Promise<void> {
    return this.end(() => this.signal.close());
  }

  private async end(closeSignal: () => Promise<void>): Promise<void> {
    if (this.left) return;
    this.left = true;
    this.onGone(this);
    await closeSignal();
    await this.pc.close().catch(() => undefined);
  }
}

export class SyntheticCrowd {
  readonly clip: Vp8Clip;
  private readonly members: SyntheticParticipant[] = [];
  private joining = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly max: number;

  constructor(private readonly opts: SyntheticCrowdOptions) {
    this.clip = loadVp8Clip(opts.clipPath);
    this.max = opts.max ?? 32;
  }

  get participants(): SyntheticParticipant[] {
    return [...this.members];
  }

  async join(room: string, identity: string, opts: SyntheticJoinOptions = {}): Promise<SyntheticParticipant> {
    if (this.members.length + this.joining >= this.max) throw new Error(`synthetic crowd is full (${this.max})`);
    this.joining += 1;
    try {
      const p = await this.connect(room, identity, opts);
      this.members.push(p);
      this.startTimer();
      return p;
    } finally {
      this.joining -= 1;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.participants.map((p) => p.leave()));
    this.stopTimer();
  }

  private async connect(room: string, identity: string, opts: SyntheticJoinOptions): Promise<SyntheticParticipant> {
    const timeoutMs = opts.timeoutMs ?? WAIT_MS;
    const { width, height } = this.clip;
    const token = await roomToken(
      identity,
      room,
      { canSubscribe: opts.subscribe ?? false },
      { name: opts.name, metadata: opts.metadata, attributes: opts.attributes, apiKey: this.opts.apiKey ?? DEV_API_KEY, apiSecret: this.opts.apiSecret ?? DEV_API_SECRET },
    );
    const signal = await SignalParticipant.join(this.opts.url, token, { autoSubscribe: false, dataChannels: false, timeoutMs });
    installDtlsFix();
    const pc = new RTCPeerConnection(peerConfig());
    try {
      pc.onIceCandidate.subscribe((candidate) => {
        if (!candidate) return;
        signal.send({ case: 'trickle', value: new TrickleRequest({ candidateInit: JSON.stringify(candidate.toJSON()), target: SignalTarget.PUBLISHER }) });
      });
      signal.on('message', (msg) => {
        if (msg.case !== 'trickle' || msg.value.target !== SignalTarget.PUBLISHER) return;
        const init = JSON.parse(msg.value.candidateInit) as { candidate?: string; sdpMid?: string; sdpMLineIndex?: number };
        if (init.candidate) pc.addIceCandidate(new RTCIceCandidate(init)).catch(() => undefined);
      });
      const transceiver = pc.addTransceiver('video', { direction: 'sendonly', streams: [new MediaStream({ id: `${identity}-camera` })] });
      // livekit-client's cid is the MediaStreamTrack id, which the server finds again in a=msid
      const cid = (transceiver.sender as unknown as { trackId: string }).trackId;
      signal.send({
        case: 'addTrack',
        value: new AddTrackRequest({
          cid,
          name: 'camera',
          type: TrackType.VIDEO,
          source: TrackSource.CAMERA,
          width,
          height,
          layers: [new VideoLayer({ quality: VideoQuality.HIGH, width, height })],
        }),
      });
      const published = await signal.waitForMessage((m) => m.case === 'trackPublished' && m.value.cid === cid, timeoutMs, 'trackPublished');
      const trackSid = (published.value as TrackPublishedResponse).track!.sid;
      opts.beforeOffer?.(pc);
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      signal.send({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp: pc.localDescription?.sdp ?? offer.sdp, id: 1 }) });
      const answer = await signal.waitForMessage((m) => m.case === 'answer' && m.value.id === 1, timeoutMs, 'publisher answer');
      // like the server's side: no consent expiry while the process is busy (transport-fixes.ts)
      keepConsent(pc);
      await pc.setRemoteDescription(new RTCSessionDescription((answer.value as SessionDescription).sdp, 'answer'));
      await waitConnected(pc, timeoutMs, identity);
      return new SyntheticParticipant(signal, pc, transceiver, trackSid, (p) => this.forget(p));
    } catch (err) {
      await signal.close();
      await pc.close().catch(() => undefined);
      throw err;
    }
  }

  private forget(p: SyntheticParticipant): void {
    const i = this.members.indexOf(p);
    if (i >= 0) this.members.splice(i, 1);
    if (this.members.length === 0) this.stopTimer();
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const p of this.members) p.sendFrame(this.clip);
    }, 1000 / this.clip.frameRate);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function waitConnected(pc: RTCPeerConnection, timeoutMs: number, identity: string): Promise<void> {
  if (pc.connectionState === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unSubscribe();
      reject(new Error(`${identity}: publisher connection not connected within ${timeoutMs} ms (${pc.connectionState})`));
    }, timeoutMs);
    const sub = pc.connectionStateChange.subscribe((state) => {
      if (state !== 'connected') return;
      clearTimeout(timer);
      sub.unSubscribe();
      resolve();
    });
  });
}
