// A LiveKit participant in Node without camera or microphone: it speaks the real v0 signalling
// (WebSocket /rtc + @livekit/protocol) and, unless told otherwise, opens the publisher peer
// connection with LiveKit's `_reliable`/`_lossy` data channels (werift) so it can send and receive
// data packets. Tests use it to put people in rooms cheaply and to watch what a client is told.
import { EventEmitter } from 'node:events';
import {
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo,
  ParticipantInfo_State,
  Ping,
  SessionDescription,
  SignalRequest,
  SignalResponse,
  SignalTarget,
  TrickleRequest,
  UpdateParticipantMetadata,
  UserPacket,
  type RequestResponse,
} from '@livekit/protocol';
import { RTCIceCandidate, RTCPeerConnection, RTCSessionDescription, type RTCDataChannel } from 'werift';
import WebSocket from 'ws';
import { WAIT_MS } from '../wait.js';

export interface SignalParticipantOptions {
  /** Ask the server to subscribe to every track (default false: no media flows to Node). */
  autoSubscribe?: boolean;
  /** Open the publisher peer connection with data channels (default true). */
  dataChannels?: boolean;
  /** How long joining may take (default WAIT_MS). */
  timeoutMs?: number;
}

/** The server refused the join (HTTP status and text of the refused WebSocket upgrade). */
export class SignalJoinError extends Error {
  constructor(readonly status: number, message: string) {
    super(`join refused (${status}): ${message}`);
    this.name = 'SignalJoinError';
  }
}

export interface ReceivedData {
  from: string | undefined;
  topic: string | undefined;
  payload: Uint8Array;
  text: string;
  kind: DataPacket_Kind;
  packet: DataPacket;
}

interface SignalParticipantEvents {
  message: [SignalResponse['message']];
  update: [ParticipantInfo[]];
  data: [ReceivedData];
  leave: [LeaveRequest];
  close: [];
}

const WERIFT_CONFIG = { iceServers: [], iceAdditionalHostAddresses: ['127.0.0.1'], iceUseIpv6: false, bundlePolicy: 'max-bundle' as const };

export class SignalParticipant extends EventEmitter<SignalParticipantEvents> {
  /** Everyone else in the room as this participant was last told, by identity (left ones removed). */
  readonly others = new Map<string, ParticipantInfo>();
  /** Every signal message received, in order. */
  readonly received: SignalResponse['message'][] = [];
  readonly dataReceived: ReceivedData[] = [];
  /** This participant's own info as the server last described it. */
  self: ParticipantInfo;
  /** The leave request the server sent, if any (kick, room deleted, duplicate identity). */
  leaveRequest: LeaveRequest | undefined;
  closed = false;
  private publisher: RTCPeerConnection | undefined;
  private subscriber: RTCPeerConnection | undefined;
  private readonly channels = new Map<string, RTCDataChannel>();
  private pingTimer: NodeJS.Timeout | undefined;
  private reliableSequence = 0;
  private requestId = 0;
  private offerId = 0;

  private constructor(private readonly ws: WebSocket, readonly joinResponse: JoinResponse) {
    super();
    this.self = joinResponse.participant ?? new ParticipantInfo();
    for (const p of joinResponse.otherParticipants) this.others.set(p.identity, p);
  }

  get identity(): string {
    return this.self.identity;
  }

  get sid(): string {
    return this.self.sid;
  }

  /** Joins the room named in the token; resolves once joined (and data channels are open). */
  static async join(url: string, token: string, opts: SignalParticipantOptions = {}): Promise<SignalParticipant> {
    const timeoutMs = opts.timeoutMs ?? WAIT_MS;
    const query = new URLSearchParams({
      access_token: token,
      auto_subscribe: opts.autoSubscribe ? '1' : '0',
      sdk: 'js',
      version: '2.23.0',
      protocol: '16',
    });
    const ws = new WebSocket(`${url.replace(/\/+$/, '')}/rtc?${query}`);
    ws.binaryType = 'nodebuffer';
    const early: Buffer[] = [];
    const join = await new Promise<JoinResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`no join response within ${timeoutMs} ms`));
      }, timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => fail(new SignalJoinError(res.statusCode ?? 0, body)));
        res.on('error', () => fail(new SignalJoinError(res.statusCode ?? 0, body)));
      });
      ws.once('error', (err) => fail(err));
      ws.once('close', (code, reason) => fail(new Error(`signal connection closed before join (${code} ${reason.toString()})`)));
      const onMessage = (data: Buffer) => {
        const msg = decode(data);
        if (msg?.case === 'join') {
          clearTimeout(timer);
          ws.off('message', onMessage);
          ws.removeAllListeners('close');
          ws.removeAllListeners('error');
          resolve(msg.value);
        } else {
          early.push(data);
        }
      };
      ws.on('message', onMessage);
    });
    const participant = new SignalParticipant(ws, join);
    participant.start(early);
    if (opts.dataChannels ?? true) await participant.openDataChannels(timeoutMs);
    return participant;
  }

  /** Sends user data like livekit-client's publishData. */
  sendData(payload: Uint8Array | string, opts: { topic?: string; destinationIdentities?: string[]; reliable?: boolean } = {}): void {
    const reliable = opts.reliable ?? true;
    const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
    const packet = new DataPacket({
      kind: reliable ? DataPacket_Kind.RELIABLE : DataPacket_Kind.LOSSY,
      destinationIdentities: opts.destinationIdentities ?? [],
      sequence: reliable ? ++this.reliableSequence : 0,
      value: {
        case: 'user',
        value: new UserPacket({ payload: bytes, topic: opts.topic, destinationIdentities: opts.destinationIdentities ?? [] }),
      },
    });
    const channel = this.channels.get(reliable ? '_reliable' : '_lossy');
    if (!channel || channel.readyState !== 'open') throw new Error('data channels are not open');
    channel.send(Buffer.from(packet.toBinary()));
  }

  /** Asks to change own name/metadata/attributes; resolves with the server's request response. */
  async updateMetadata(changes: { name?: string; metadata?: string; attributes?: Record<string, string> }, timeoutMs = WAIT_MS): Promise<RequestResponse> {
    const requestId = ++this.requestId;
    this.send({
      case: 'updateMetadata',
      value: new UpdateParticipantMetadata({ requestId, name: changes.name ?? '', metadata: changes.metadata ?? '', attributes: changes.attributes ?? {} }),
    });
    const msg = await this.waitForMessage((m) => m.case === 'requestResponse' && m.value.requestId === requestId, timeoutMs);
    return msg.value as RequestResponse;
  }

  /** Resolves with the first message (already received or future) matching `predicate`. */
  waitForMessage(predicate: (m: SignalResponse['message']) => boolean, timeoutMs = WAIT_MS, what = 'signal message'): Promise<SignalResponse['message']> {
    const found = this.received.find(predicate);
    if (found) return Promise.resolve(found);
    return this.waitForEvent('message', predicate, timeoutMs, what);
  }

  /** Resolves once another participant `identity` is present and satisfies `predicate`. */
  waitForParticipant(identity: string, predicate: (p: ParticipantInfo) => boolean = () => true, timeoutMs = WAIT_MS): Promise<ParticipantInfo> {
    const check = (): ParticipantInfo | undefined => {
      const p = this.others.get(identity);
      return p && predicate(p) ? p : undefined;
    };
    const now = check();
    if (now) return Promise.resolve(now);
    return this.waitForEvent('update', () => check() !== undefined, timeoutMs, `participant ${identity}`).then(() => check()!);
  }

  /** Resolves once `identity` is gone from the room. */
  async waitForParticipantGone(identity: string, timeoutMs = WAIT_MS): Promise<void> {
    if (!this.others.has(identity)) return;
    await this.waitForEvent('update', () => !this.others.has(identity), timeoutMs, `${identity} to leave`);
  }

  /** Resolves with the first data packet (already received or future) matching `predicate`. */
  waitForData(predicate: (d: ReceivedData) => boolean = () => true, timeoutMs = WAIT_MS): Promise<ReceivedData> {
    const found = this.dataReceived.find(predicate);
    if (found) return Promise.resolve(found);
    return this.waitForEvent('data', predicate, timeoutMs, 'data packet');
  }

  /** Resolves with the server's leave request (or rejects if none arrives). */
  async waitForLeave(timeoutMs = WAIT_MS): Promise<LeaveRequest> {
    if (this.leaveRequest) return this.leaveRequest;
    return this.waitForEvent('leave', () => true, timeoutMs, 'leave request');
  }

  /** Resolves when the signal connection has closed. */
  async waitForClose(timeoutMs = WAIT_MS): Promise<void> {
    if (this.closed) return;
    await this.waitForEvent('close', () => true, timeoutMs, 'signal close');
  }

  /** Leaves politely, as livekit-client's disconnect() does. */
  async leave(): Promise<void> {
    if (this.closed) return;
    this.send({ case: 'leave', value: new LeaveRequest({ canReconnect: false, reason: DisconnectReason.CLIENT_INITIATED, action: LeaveRequest_Action.DISCONNECT }) });
    await this.close();
  }

  /** Drops the connection without saying goodbye (a crashed tab). */
  async close(): Promise<void> {
    this.shutdown();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      await new Promise<void>((resolve) => {
        this.ws.once('close', () => resolve());
        this.ws.close(1000);
        setTimeout(resolve, 1000).unref();
      });
    }
  }

  /** Sends a raw signal request (for protocol-level tests). */
  send(message: SignalRequest['message']): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(new SignalRequest({ message }).toBinary());
  }

  private start(early: Buffer[]): void {
    this.ws.on('message', (data: Buffer) => this.onFrame(data));
    this.ws.on('close', () => this.shutdown());
    this.ws.on('error', () => undefined);
    for (const data of early) this.onFrame(data);
    const interval = Math.max(1, this.joinResponse.pingInterval || 5) * 1000;
    this.pingTimer = setInterval(() => {
      this.send({ case: 'pingReq', value: new Ping({ timestamp: BigInt(Date.now()), rtt: 0n }) });
    }, interval);
    this.pingTimer.unref();
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    void this.publisher?.close().catch(() => undefined);
    void this.subscriber?.close().catch(() => undefined);
    this.emit('close');
  }

  private onFrame(data: Buffer): void {
    const msg = decode(data);
    if (!msg) return;
    this.received.push(msg);
    switch (msg.case) {
      case 'update':
        for (const p of msg.value.participants) this.applyInfo(p);
        this.emit('update', msg.value.participants);
        break;
      case 'leave':
        this.leaveRequest = msg.value;
        this.emit('leave', msg.value);
        break;
      case 'answer':
        void this.publisher?.setRemoteDescription(new RTCSessionDescription(msg.value.sdp, 'answer')).catch(() => undefined);
        break;
      case 'offer':
        void this.answerSubscriberOffer(msg.value).catch(() => undefined);
        break;
      case 'trickle': {
        const pc = msg.value.target === SignalTarget.SUBSCRIBER ? this.subscriber : this.publisher;
        const init = JSON.parse(msg.value.candidateInit) as { candidate?: string; sdpMid?: string; sdpMLineIndex?: number };
        if (pc && init.candidate) void pc.addIceCandidate(new RTCIceCandidate(init)).catch(() => undefined);
        break;
      }
      default:
        break;
    }
    this.emit('message', msg);
  }

  private applyInfo(p: ParticipantInfo): void {
    if (p.sid === this.self.sid) {
      if (p.version >= this.self.version) this.self = p;
      return;
    }
    const known = this.others.get(p.identity);
    if (p.state === ParticipantInfo_State.DISCONNECTED) {
      if (!known || known.sid === p.sid) this.others.delete(p.identity);
      return;
    }
    if (!known || known.sid !== p.sid || p.version >= known.version) this.others.set(p.identity, p);
  }

  private async openDataChannels(timeoutMs: number): Promise<void> {
    const pc = new RTCPeerConnection(WERIFT_CONFIG);
    this.publisher = pc;
    pc.onIceCandidate.subscribe((candidate) => {
      if (!candidate) return;
      this.send({ case: 'trickle', value: new TrickleRequest({ candidateInit: JSON.stringify(candidate.toJSON()), target: SignalTarget.PUBLISHER }) });
    });
    const reliable = pc.createDataChannel('_reliable', { ordered: true });
    const lossy = pc.createDataChannel('_lossy', { ordered: false, maxRetransmits: 0 });
    for (const channel of [reliable, lossy]) {
      this.channels.set(channel.label, channel);
      channel.onMessage.subscribe((data) => {
        if (typeof data !== 'string') this.onData(data);
      });
    }
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp: pc.localDescription?.sdp ?? offer.sdp, id: ++this.offerId }) });
    const deadline = Date.now() + timeoutMs;
    for (const channel of [reliable, lossy]) {
      if (channel.readyState === 'open') continue;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`data channel ${channel.label} did not open`)), Math.max(1, deadline - Date.now()));
        channel.stateChange.subscribe((state) => {
          if (state === 'open') {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    }
  }

  private async answerSubscriberOffer(offer: SessionDescription): Promise<void> {
    if (!this.subscriber) {
      const pc = new RTCPeerConnection(WERIFT_CONFIG);
      pc.onIceCandidate.subscribe((candidate) => {
        if (!candidate) return;
        this.send({ case: 'trickle', value: new TrickleRequest({ candidateInit: JSON.stringify(candidate.toJSON()), target: SignalTarget.SUBSCRIBER }) });
      });
      this.subscriber = pc;
    }
    const pc = this.subscriber;
    await pc.setRemoteDescription(new RTCSessionDescription(offer.sdp, 'offer'));
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.send({ case: 'answer', value: new SessionDescription({ type: 'answer', sdp: pc.localDescription?.sdp ?? answer.sdp, id: offer.id }) });
  }

  private onData(bytes: Buffer): void {
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(bytes);
    } catch {
      return;
    }
    if (packet.value.case !== 'user') return;
    const user = packet.value.value;
    const received: ReceivedData = {
      from: packet.participantIdentity || user.participantIdentity || undefined,
      topic: user.topic,
      payload: user.payload,
      text: new TextDecoder().decode(user.payload),
      kind: packet.kind,
      packet,
    };
    this.dataReceived.push(received);
    this.emit('data', received);
  }

  private waitForEvent<K extends 'message' | 'update' | 'data' | 'leave' | 'close'>(
    event: K,
    predicate: (...args: SignalParticipantEvents[K]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<SignalParticipantEvents[K][0]> {
    return new Promise((resolve, reject) => {
      const listener = (...args: SignalParticipantEvents[K]) => {
        if (!predicate(...args)) return;
        cleanup();
        resolve(args[0]);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.identity}: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        (this.off as (e: K, l: typeof listener) => this)(event, listener);
      };
      (this.on as (e: K, l: typeof listener) => this)(event, listener);
    });
  }
}

function decode(data: Buffer): SignalResponse['message'] | undefined {
  try {
    return SignalResponse.fromBinary(data).message;
  } catch {
    return undefined;
  }
}
