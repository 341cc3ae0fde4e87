// A room: who is in it, what they publish, who receives what, and the broadcast of every change.
import {
  ClientConfigSetting,
  ClientConfiguration,
  Codec,
  ConnectionQuality,
  ConnectionQualityInfo,
  ConnectionQualityUpdate,
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo_State,
  ParticipantUpdate,
  RequestResponse,
  RequestResponse_Reason,
  Room as RoomInfo,
  ServerInfo,
  ServerInfo_Edition,
  SessionDescription,
  SignalTarget,
  SpeakerInfo,
  SpeakersChanged,
  TrackInfo,
  TrackPublishedResponse,
  TrackSource,
  TrackSubscribed,
  TrackUnpublishedResponse,
  TrackType,
  TrickleRequest,
  VideoQuality,
  type AddTrackRequest,
  type UpdateParticipantMetadata,
  type UserPacket,
} from '@livekit/protocol';
import type { AccessClaims } from '../auth/access-token.js';
import { DownTrack } from '../rtc/down-track.js';
import type { RtcOptions } from '../rtc/peer-config.js';
import { PublishedTrack } from '../rtc/published-track.js';
import { PublisherConnection } from '../rtc/publisher-connection.js';
import { isSending } from '../rtc/sdp-sections.js';
import { SubscriberConnection } from '../rtc/subscriber-connection.js';
import { newSid } from './ids.js';
import { Participant, type SignalSink } from './participant.js';
import type { RoomEventMap } from './room-events.js';

export const SERVER_VERSION = '1.9.0';
const debug = process.env.MEDIA_DEBUG ? (...args: unknown[]) => console.log('[media]', ...args) : () => undefined;
const MAX_DATA_PACKET_BYTES = 128 * 1024;
const SPEAKER_INTERVAL_MS = 300;
const MAX_TRACKS_PER_PARTICIPANT = 32;
const QUALITY_INTERVAL_MS = 5000;

export interface RoomOptions {
  rtc: RtcOptions;
  maxParticipants: number;
  emptyTimeoutSeconds: number;
  departureTimeoutSeconds: number;
  /** The pings the join response asks of each client (LiveKit's pingInterval, pingTimeout). */
  ping: { intervalSeconds: number; timeoutSeconds: number };
}

/** LiveKit's own: a ping every 5 s, and a client that hears no pong for 15 s reconnects. */
export const DEFAULT_PING = { intervalSeconds: 5, timeoutSeconds: 15 } as const;

type Emit = <K extends keyof RoomEventMap>(event: K, ...args: RoomEventMap[K]) => void;

export class RoomClosedError extends Error {}
export class RoomFullError extends Error {}

export class Room {
  readonly sid = newSid('RM');
  readonly createdAtMs = Date.now();
  metadata = '';
  readonly participants = new Map<string, Participant>();
  closed = false;
  private readonly ticker: NodeJS.Timeout;
  private closeTimer: NodeJS.Timeout | undefined;
  private activeSpeakers = new Map<string, number>();
  private speakersSentAt = 0;
  private qualitySentAt = 0;
  /** Peer connections still shutting down (awaited when the server closes). */
  readonly closing = new Set<Promise<void>>();

  constructor(
    readonly name: string,
    private readonly opts: RoomOptions,
    private readonly emit: Emit,
    private readonly onClosed: (room: Room) => void,
  ) {
    this.ticker = setInterval(() => this.tick(), SPEAKER_INTERVAL_MS);
    this.ticker.unref();
    this.scheduleCloseIfEmpty(opts.emptyTimeoutSeconds);
  }

  /** The pings each client was asked for at its join (its silent socket is dropped after 4 of them). */
  get ping(): RoomOptions['ping'] {
    return this.opts.ping;
  }

  info(): RoomInfo {
    const list = [...this.participants.values()];
    return new RoomInfo({
      sid: this.sid,
      name: this.name,
      emptyTimeout: this.opts.emptyTimeoutSeconds,
      departureTimeout: this.opts.departureTimeoutSeconds,
      maxParticipants: this.opts.maxParticipants,
      creationTime: BigInt(Math.floor(this.createdAtMs / 1000)),
      creationTimeMs: BigInt(this.createdAtMs),
      metadata: this.metadata,
      numParticipants: list.filter((p) => !p.permission.hidden).length,
      numPublishers: list.filter((p) => p.published.size > 0).length,
      activeRecording: false,
    });
  }

  /** Why `identity` may not join now, or undefined. */
  refusal(identity: string): 'closed' | 'full' | undefined {
    if (this.closed) return 'closed';
    const max = this.opts.maxParticipants;
    if (max > 0 && this.participants.size >= max && !this.participants.has(identity)) return 'full';
    return undefined;
  }

  // ---- joining and leaving ----

  join(claims: AccessClaims, signal: SignalSink, autoSubscribe: boolean): Participant {
    const refusal = this.refusal(claims.identity);
    if (refusal === 'closed') throw new RoomClosedError('room is closed');
    if (refusal === 'full') throw new RoomFullError('room is full');
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
    const previous = this.participants.get(claims.identity);
    if (previous) this.remove(previous, DisconnectReason.DUPLICATE_IDENTITY, true);

    const p = new Participant(claims, signal, { autoSubscribe });
    debug('join', this.name, claims.identity, p.sid);
    this.attachConnections(p);
    const others = [...this.participants.values()].filter((o) => !o.permission.hidden).map((o) => o.toInfo());
    p.state = ParticipantInfo_State.JOINED;
    this.participants.set(p.identity, p);
    p.send({
      case: 'join',
      value: new JoinResponse({
        room: this.info(),
        participant: p.toInfo(),
        otherParticipants: others,
        serverVersion: SERVER_VERSION,
        serverRegion: '',
        serverInfo: new ServerInfo({ edition: ServerInfo_Edition.Standard, version: SERVER_VERSION, protocol: 16, nodeId: 'dev-media-server' }),
        iceServers: [],
        subscriberPrimary: false,
        clientConfiguration: new ClientConfiguration({ resumeConnection: ClientConfigSetting.DISABLED }),
        pingTimeout: this.opts.ping.timeoutSeconds,
        pingInterval: this.opts.ping.intervalSeconds,
        enabledPublishCodecs: [new Codec({ mime: 'audio/opus' }), new Codec({ mime: 'video/VP8' })],
      }),
    });
    this.broadcastParticipant(p, { exclude: p });
    if (this.activeSpeakers.size > 0) {
      const speakers = [...this.activeSpeakers].map(([sid, level]) => new SpeakerInfo({ sid, level, active: true }));
      p.send({ case: 'speakersChanged', value: new SpeakersChanged({ speakers }) });
    }
    this.emit('participant_joined', { room: this.info(), participant: p.toInfo() });
    return p;
  }

  private subscribeToExisting(p: Participant): void {
    if (this.participants.get(p.identity) !== p) return;
    for (const other of this.participants.values()) {
      if (other === p) continue;
      for (const track of other.published.values()) this.maybeSubscribe(p, other, track);
    }
  }

  /** Removes a participant; with `notify` it is told why (leave) and its signal closed. */
  remove(p: Participant, reason: DisconnectReason, notify: boolean): void {
    if (this.participants.get(p.identity) !== p) return;
    this.participants.delete(p.identity);
    p.state = ParticipantInfo_State.DISCONNECTED;
    p.disconnectReason = reason;
    for (const track of [...p.tracksByMid.values()]) this.unpublish(p, track, false);
    for (const down of p.subscriptions.values()) down.close();
    p.subscriptions.clear();
    const closing = Promise.all([p.publisher?.close(), p.subscriber?.close()]).then(
      () => undefined,
      () => undefined,
    );
    this.closing.add(closing);
    // settled ones need no awaiting: drop them so a long meeting with churn keeps none
    void closing.then(() => this.closing.delete(closing));
    if (notify) {
      p.send({
        case: 'leave',
        value: new LeaveRequest({ canReconnect: false, reason, action: LeaveRequest_Action.DISCONNECT }),
      });
    }
    p.signal.close();
    p.bumpVersion();
    this.activeSpeakers.delete(p.sid);
    this.broadcastParticipant(p, { exclude: p });
    this.emit('participant_left', { room: this.info(), participant: p.toInfo() });
    this.scheduleCloseIfEmpty(this.opts.departureTimeoutSeconds);
  }

  /** Disconnects everyone and ends the room. */
  close(reason: DisconnectReason = DisconnectReason.ROOM_DELETED): void {
    if (this.closed) return;
    for (const p of [...this.participants.values()]) this.remove(p, reason, true);
    this.finish();
  }

  // ---- state changes broadcast to everyone ----

  broadcastParticipant(p: Participant, opts: { exclude?: Participant } = {}): void {
    if (p.permission.hidden) return;
    const info = p.toInfo();
    for (const other of this.participants.values()) {
      if (other === opts.exclude) continue;
      other.send({ case: 'update', value: new ParticipantUpdate({ participants: [info] }) });
    }
  }

  updateParticipant(
    p: Participant,
    changes: { name?: string; metadata?: string; attributes?: Record<string, string>; permission?: import('@livekit/protocol').ParticipantPermission },
  ): void {
    if (changes.name) p.name = changes.name;
    if (changes.metadata) p.metadata = changes.metadata;
    if (changes.attributes) {
      for (const [key, value] of Object.entries(changes.attributes)) {
        if (value === '') delete p.attributes[key];
        else p.attributes[key] = value;
      }
    }
    if (changes.permission) p.permission = changes.permission.clone();
    p.bumpVersion();
    if (changes.permission) this.enforcePermission(p);
    this.broadcastParticipant(p);
    if (p.permission.hidden) p.send({ case: 'update', value: new ParticipantUpdate({ participants: [p.toInfo()] }) });
  }

  /** The participant's own updateMetadata request (needs canUpdateOwnMetadata). */
  updateOwnMetadata(p: Participant, req: UpdateParticipantMetadata): void {
    if (!p.permission.canUpdateMetadata) {
      p.send({
        case: 'requestResponse',
        value: new RequestResponse({ requestId: req.requestId, reason: RequestResponse_Reason.NOT_ALLOWED, message: 'does not have permission to update own metadata' }),
      });
      return;
    }
    this.updateParticipant(p, { name: req.name, metadata: req.metadata, attributes: req.attributes });
    p.send({ case: 'requestResponse', value: new RequestResponse({ requestId: req.requestId, reason: RequestResponse_Reason.OK }) });
  }

  /** After a permission change: drop tracks it may no longer publish, follow canSubscribe. */
  private enforcePermission(p: Participant): void {
    for (const track of [...p.tracksByMid.values()]) {
      if (p.canPublishSource(track.info.source)) continue;
      this.unpublish(p, track, false);
      p.send({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid: track.sid }) });
    }
    if (!p.permission.canSubscribe) {
      for (const sid of [...p.subscriptions.keys()]) this.unsubscribe(p, sid);
    } else {
      this.subscribeToExisting(p);
    }
  }

  setTrackMuted(p: Participant, trackSid: string, muted: boolean): TrackInfo | undefined {
    const track = this.findOwnTrack(p, trackSid);
    if (!track) return undefined;
    if (track.info.muted !== muted) {
      track.info.muted = muted;
      p.bumpVersion();
      if (p.published.has(trackSid)) this.broadcastParticipant(p);
    }
    return track.info;
  }

  sendData(packet: DataPacket, destinationIdentities: string[]): void {
    const label = packet.kind === DataPacket_Kind.LOSSY ? '_lossy' : '_reliable';
    const bytes = Buffer.from(packet.toBinary());
    for (const p of this.participants.values()) {
      if (destinationIdentities.length > 0 && !destinationIdentities.includes(p.identity)) continue;
      p.publisher?.sendData(label, bytes);
    }
  }

  sendUserData(user: UserPacket, kind: DataPacket_Kind, destinationIdentities: string[]): void {
    const packet = new DataPacket({ kind, destinationIdentities, value: { case: 'user', value: user } });
    this.sendData(packet, destinationIdentities);
  }

  updateMetadata(metadata: string): void {
    this.metadata = metadata;
    const room = this.info();
    for (const p of this.participants.values()) p.send({ case: 'roomUpdate', value: { room } as never });
  }

  // ---- signal requests (called in order per participant) ----

  addTrack(p: Participant, req: AddTrackRequest): void {
    const source = req.source === TrackSource.UNKNOWN ? (req.type === TrackType.AUDIO ? TrackSource.MICROPHONE : TrackSource.CAMERA) : req.source;
    if (!p.canPublishSource(source)) {
      p.send({
        case: 'requestResponse',
        value: new RequestResponse({
          reason: RequestResponse_Reason.NOT_ALLOWED,
          message: `not allowed to publish ${TrackSource[source].toLowerCase()}`,
          request: { case: 'addTrack', value: req },
        }),
      });
      return;
    }
    if (p.pendingTracks.has(req.cid)) return;
    if (p.pendingTracks.size + p.tracksByMid.size >= MAX_TRACKS_PER_PARTICIPANT) {
      p.send({
        case: 'requestResponse',
        value: new RequestResponse({ reason: RequestResponse_Reason.LIMIT_EXCEEDED, message: 'too many tracks', request: { case: 'addTrack', value: req } }),
      });
      return;
    }
    const info = new TrackInfo({
      sid: newSid('TR'),
      type: req.type,
      source,
      name: req.name,
      muted: req.muted,
      width: req.width,
      height: req.height,
      simulcast: req.layers.length > 1 || req.simulcastCodecs.length > 0 && req.layers.length > 1,
      layers: req.layers.map((l) => l.clone()),
      mimeType: req.type === TrackType.AUDIO ? 'audio/opus' : 'video/VP8',
      disableDtx: req.disableDtx,
      stereo: req.stereo,
      stream: req.stream,
      encryption: req.encryption,
      audioFeatures: req.audioFeatures,
    });
    p.pendingTracks.set(req.cid, info);
    debug('addTrack', p.identity, req.cid, info.sid, TrackSource[source]);
    p.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: info }) });
  }

  async publisherOffer(p: Participant, offer: SessionDescription): Promise<void> {
    if (!p.publisher) return;
    const { sdp, sections } = await p.publisher.answer(offer.sdp);
    debug('publisher offer', p.identity, offer.id, sections.map((s) => `${s.mid}:${s.kind}:${s.direction}:${s.trackId}:${s.rids.join('/')}`).join(' '));
    p.send({ case: 'answer', value: new SessionDescription({ type: 'answer', sdp, id: offer.id }) });
    for (const section of sections) {
      if (section.kind !== 'audio' && section.kind !== 'video') continue;
      const bound = p.tracksByMid.get(section.mid);
      if (bound) {
        if (!isSending(section)) this.unpublish(p, bound, true);
        continue;
      }
      if (!isSending(section)) continue;
      let cid = section.trackId && p.pendingTracks.has(section.trackId) ? section.trackId : undefined;
      if (!cid) {
        // like LiveKit: fall back to the first pending track of that kind
        const wanted = section.kind === 'audio' ? TrackType.AUDIO : TrackType.VIDEO;
        cid = [...p.pendingTracks.entries()].find(([, info]) => info.type === wanted)?.[0];
      }
      if (!cid) continue;
      const info = p.pendingTracks.get(cid)!;
      p.pendingTracks.delete(cid);
      info.mid = section.mid;
      if (section.rids.length > 1) info.simulcast = true;
      const publisher = p.publisher;
      const track = new PublishedTrack(
        info,
        p.sid,
        (ssrc) => publisher.requestKeyframe(ssrc),
        (ssrc, lost) => publisher.requestRetransmission(ssrc, lost),
      );
      p.tracksByMid.set(section.mid, track);
      // Announce now rather than at first media: subscribers negotiate while the publisher's
      // transport is still connecting, which shortens the time to the first remote frame.
      this.startTrack(p, track);
    }
  }

  subscriberAnswer(p: Participant, answer: SessionDescription): Promise<void> {
    return p.subscriber?.handleAnswer(answer.sdp, answer.id) ?? Promise.resolve();
  }

  async trickle(p: Participant, req: TrickleRequest): Promise<void> {
    const conn = req.target === SignalTarget.SUBSCRIBER ? p.subscriber : p.publisher;
    await conn?.addCandidate(req.candidateInit);
  }

  updateSubscriptions(p: Participant, trackSids: string[], subscribe: boolean): void {
    for (const sid of trackSids) {
      p.subscriptionChoices.set(sid, subscribe);
      if (!subscribe) {
        this.unsubscribe(p, sid);
        continue;
      }
      const found = this.findTrack(sid);
      if (found && found.owner !== p) this.maybeSubscribe(p, found.owner, found.track);
    }
  }

  updateTrackSettings(p: Participant, trackSids: string[], setting: { disabled: boolean; quality: VideoQuality; width: number; height: number }): void {
    for (const sid of trackSids) {
      p.trackSettings.set(sid, setting);
      const down = p.subscriptions.get(sid);
      if (down) this.applySetting(down, setting);
    }
  }

  // ---- media ----

  private attachConnections(p: Participant): void {
    const rtc = this.opts.rtc;
    p.publisher = new PublisherConnection(rtc, {
      onRtp: (mid, rid, packet, level) => {
        p.tracksByMid.get(mid)?.onPacket(rid, packet, level);
      },
      onData: (label, data) => this.relayData(p, label, data),
      onCandidate: (candidateInit) =>
        p.send({ case: 'trickle', value: new TrickleRequest({ candidateInit, target: SignalTarget.PUBLISHER }) }),
      onConnectionState: (state) => {
        if (state === 'connected' && p.state !== ParticipantInfo_State.ACTIVE && this.participants.get(p.identity) === p) {
          p.state = ParticipantInfo_State.ACTIVE;
          p.bumpVersion();
          this.broadcastParticipant(p);
        }
      },
    });
    p.subscriber = new SubscriberConnection(rtc, {
      sendOffer: (sdp, id) => p.send({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp, id }) }),
      onCandidate: (candidateInit) =>
        p.send({ case: 'trickle', value: new TrickleRequest({ candidateInit, target: SignalTarget.SUBSCRIBER }) }),
      onReady: () => this.subscribeToExisting(p),
    });
    // The first offer carries only data channels (so the application m-line is the BUNDLE tag);
    // tracks are added once it is answered.
    if (p.permission.canSubscribe) p.subscriber.negotiate();
  }

  /** A track bound to an m-line: tell everyone, then offer it to subscribers. */
  private startTrack(p: Participant, track: PublishedTrack): void {
    debug('track started', p.identity, track.sid, track.kind);
    p.published.set(track.sid, track);
    p.bumpVersion();
    this.broadcastParticipant(p);
    this.emit('track_published', { room: this.info(), participant: p.toInfo(), track: track.info.clone() });
    for (const other of this.participants.values()) {
      if (other !== p) this.maybeSubscribe(other, p, track);
    }
  }

  private unpublish(p: Participant, track: PublishedTrack, broadcast: boolean): void {
    p.tracksByMid.forEach((t, mid) => {
      if (t === track) p.tracksByMid.delete(mid);
    });
    for (const other of this.participants.values()) this.unsubscribe(other, track.sid);
    for (const down of [...track.downTracks]) down.close();
    if (!p.published.delete(track.sid)) return;
    p.bumpVersion();
    if (broadcast) this.broadcastParticipant(p);
    this.emit('track_unpublished', { room: this.info(), participant: p.toInfo(), track: track.info.clone() });
  }

  private maybeSubscribe(sub: Participant, owner: Participant, track: PublishedTrack): void {
    if (!sub.permission.canSubscribe || !sub.subscriber?.ready || sub.subscriptions.has(track.sid)) return;
    const wanted = sub.subscriptionChoices.get(track.sid) ?? sub.autoSubscribe;
    if (!wanted || !owner.published.has(track.sid)) return;
    debug('subscribe', sub.identity, '←', owner.identity, track.sid);
    const transceiver = sub.subscriber.addSender(track.kind, `${owner.sid}|${track.sid}`, track.sid);
    const down = new DownTrack(track, sub.sid, transceiver);
    sub.subscriptions.set(track.sid, down);
    owner.send({ case: 'trackSubscribed', value: new TrackSubscribed({ trackSid: track.sid }) });
    const setting = sub.trackSettings.get(track.sid);
    if (setting) this.applySetting(down, setting);
  }

  private unsubscribe(sub: Participant, trackSid: string): void {
    const down = sub.subscriptions.get(trackSid);
    if (!down) return;
    sub.subscriptions.delete(trackSid);
    down.close();
    sub.subscriber?.removeSender(down.transceiver);
  }

  private applySetting(down: DownTrack, s: { disabled: boolean; quality: VideoQuality; width: number; height: number }): void {
    let quality = s.quality;
    if (s.width > 0 || s.height > 0) quality = qualityForSize(down.track.info, s.width, s.height);
    down.setQuality(quality, s.disabled);
  }

  private relayData(sender: Participant, label: string, data: Buffer): void {
    if (label !== '_reliable' && label !== '_lossy') return;
    if (data.length > MAX_DATA_PACKET_BYTES || !sender.permission.canPublishData) return;
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(data);
    } catch {
      return;
    }
    if (label === '_reliable' && packet.sequence > 0) {
      if (packet.sequence <= sender.lastReliableSequence) return;
      sender.lastReliableSequence = packet.sequence;
    }
    packet.participantSid = sender.sid;
    packet.participantIdentity = sender.identity;
    const destinations = [...packet.destinationIdentities];
    if (packet.value.case === 'user') {
      packet.value.value.participantSid = sender.sid;
      packet.value.value.participantIdentity = sender.identity;
      destinations.push(...packet.value.value.destinationIdentities);
    }
    const bytes = Buffer.from(packet.toBinary());
    for (const p of this.participants.values()) {
      if (p === sender) continue;
      if (destinations.length > 0 && !destinations.includes(p.identity)) continue;
      p.publisher?.sendData(label, bytes);
    }
  }

  // ---- housekeeping ----

  private tick(): void {
    const now = Date.now();
    if (now - this.qualitySentAt >= QUALITY_INTERVAL_MS) {
      // No real measurement on loopback: report every connected participant as excellent (never
      // LOST, which makes the client force a reconnect).
      this.qualitySentAt = now;
      const updates = [...this.participants.values()].map(
        (p) => new ConnectionQualityInfo({ participantSid: p.sid, quality: ConnectionQuality.EXCELLENT, score: 5 }),
      );
      const message = new ConnectionQualityUpdate({ updates });
      for (const p of this.participants.values()) p.send({ case: 'connectionQuality', value: message });
    }
    const levels = new Map<string, number>();
    for (const p of this.participants.values()) {
      for (const track of p.published.values()) {
        track.maintain(now);
        if (track.kind === 'audio' && !track.info.muted && track.loudness > 0) {
          levels.set(p.sid, Math.max(levels.get(p.sid) ?? 0, track.loudness));
        }
      }
    }
    const changed: SpeakerInfo[] = [];
    for (const [sid, level] of levels) {
      if (!this.activeSpeakers.has(sid)) changed.push(new SpeakerInfo({ sid, level, active: true }));
    }
    for (const sid of this.activeSpeakers.keys()) {
      if (!levels.has(sid)) changed.push(new SpeakerInfo({ sid, level: 0, active: false }));
    }
    this.activeSpeakers = levels;
    // Clients drop speaker events while they are still connecting: repeat the active set each second.
    if (changed.length === 0 && (levels.size === 0 || now - this.speakersSentAt < 1000)) return;
    this.speakersSentAt = now;
    const speakers = changed.length > 0 ? changed : [...levels].map(([sid, level]) => new SpeakerInfo({ sid, level, active: true }));
    const message = new SpeakersChanged({ speakers });
    for (const p of this.participants.values()) p.send({ case: 'speakersChanged', value: message });
  }

  private findOwnTrack(p: Participant, trackSid: string): PublishedTrack | undefined {
    const published = p.published.get(trackSid);
    if (published) return published;
    for (const t of p.tracksByMid.values()) if (t.sid === trackSid) return t;
    for (const info of p.pendingTracks.values()) {
      if (info.sid === trackSid) return { info } as PublishedTrack;
    }
    return undefined;
  }

  private findTrack(trackSid: string): { owner: Participant; track: PublishedTrack } | undefined {
    for (const owner of this.participants.values()) {
      const track = owner.published.get(trackSid);
      if (track) return { owner, track };
    }
    return undefined;
  }

  private scheduleCloseIfEmpty(seconds: number): void {
    if (this.participants.size > 0 || this.closed) return;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.participants.size === 0) this.finish();
    }, seconds * 1000);
    this.closeTimer.unref();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ticker);
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.emit('room_finished', { room: this.info() });
    this.onClosed(this);
  }
}

/** The lowest published layer at least as large as the subscriber's video element. */
function qualityForSize(info: TrackInfo, width: number, height: number): VideoQuality {
  const layers = [...info.layers].sort((a, b) => a.quality - b.quality);
  for (const layer of layers) {
    if (layer.width >= width * 0.9 || layer.height >= height * 0.9) return layer.quality;
  }
  return VideoQuality.HIGH;
}
