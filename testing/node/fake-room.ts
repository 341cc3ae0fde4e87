// A stand-in for livekit-client's Room that runs in node, for unit tests of the RoomSession: it
// keeps participants and publications like a Room does and emits the same RoomEvents, and a test
// drives it as the media server would (someone joins, publishes, mutes, speaks, sends a message).
// Only the surface RoomSession uses is here.
import { EventEmitter } from 'node:events';
import { ConnectionQuality, DisconnectReason, RoomEvent, Track, type Room } from 'livekit-client';

type Source = Track.Source;

export class FakeTrack {
  readonly mediaStreamTrack: MediaStreamTrack;
  constructor(readonly kind: Track.Kind, readonly source: Source, id: string) {
    this.mediaStreamTrack = { id, kind, readyState: 'live' } as unknown as MediaStreamTrack;
  }
  stopped = false;
  stop(): void {
    this.stopped = true;
  }
  attach(): never {
    throw new Error('not in node');
  }
}

export class FakePublication {
  isMuted = false;
  isSubscribed: boolean;
  track?: FakeTrack;
  dimensions?: { width: number; height: number };
  constructor(readonly owner: FakeParticipant, readonly source: Source, readonly trackSid: string, remote: boolean) {
    this.isSubscribed = !remote;
    if (!remote) this.track = new FakeTrack(this.kind, source, `${trackSid}-media`);
  }
  get kind(): Track.Kind {
    return this.source === Track.Source.Microphone || this.source === Track.Source.ScreenShareAudio ? Track.Kind.Audio : Track.Kind.Video;
  }
  /** As LiveKit: subscribing asks the server, the track arrives, TrackSubscribed follows. */
  setSubscribed(on: boolean): void {
    if (on === this.isSubscribed) return;
    this.isSubscribed = on;
    const room = this.owner.room;
    if (on) {
      this.track = new FakeTrack(this.kind, this.source, `${this.trackSid}-media`);
      room.emit(RoomEvent.TrackSubscribed, this.track, this, this.owner);
    } else {
      const track = this.track;
      this.track = undefined;
      room.emit(RoomEvent.TrackUnsubscribed, track, this, this.owner);
    }
  }
  setVideoDimensions(d: { width: number; height: number }): void {
    this.dimensions = d;
  }
}

export class FakeParticipant {
  attributes: Record<string, string> = {};
  metadata = '';
  isSpeaking = false;
  lastSpokeAt?: Date;
  connectionQuality = ConnectionQuality.Excellent;
  joinedAt = new Date();
  readonly trackPublications = new Map<string, FakePublication>();
  constructor(readonly room: FakeRoom, public identity: string, public name: string) {}
  getTrackPublication(source: Source): FakePublication | undefined {
    return [...this.trackPublications.values()].find((p) => p.source === source);
  }
}

export class FakeLocalParticipant extends FakeParticipant {
  /** Make the next getUserMedia-like call for this source fail with this error. */
  failures = new Map<Source, Error>();
  sent: Array<{ text: string; topic?: string }> = [];
  /** Every track createTracks made (the devices started). */
  readonly created: FakeTrack[] = [];
  private seq = 0;

  async createTracks(opts: { audio?: unknown; video?: unknown }): Promise<FakeTrack[]> {
    const out: FakeTrack[] = [];
    for (const [want, source] of [[opts.video, Track.Source.Camera], [opts.audio, Track.Source.Microphone]] as const) {
      if (!want) continue;
      const failure = this.failures.get(source);
      if (failure) throw failure;
      out.push(new FakeTrack(source === Track.Source.Camera ? Track.Kind.Video : Track.Kind.Audio, source, `local-${source}`));
    }
    this.created.push(...out);
    return out;
  }
  async publishTrack(track: FakeTrack): Promise<void> {
    // Like LiveKit: a publication made while the room connects waits for its signal connection.
    await this.room.signalled();
    const pub = new FakePublication(this, track.source, `TR_L${++this.seq}`, false);
    pub.track = track;
    this.trackPublications.set(pub.trackSid, pub);
    this.room.emit(RoomEvent.LocalTrackPublished, pub, this);
  }
  private async setEnabled(source: Source, on: boolean): Promise<void> {
    const failure = this.failures.get(source);
    if (on && failure) throw failure;
    const pub = this.getTrackPublication(source);
    if (pub) {
      pub.isMuted = !on;
      this.room.emit(on ? RoomEvent.TrackUnmuted : RoomEvent.TrackMuted, pub, this);
    } else if (on) {
      await this.publishTrack(new FakeTrack(source === Track.Source.Microphone ? Track.Kind.Audio : Track.Kind.Video, source, `local-${source}`));
    }
  }
  setCameraEnabled(on: boolean) { return this.setEnabled(Track.Source.Camera, on); }
  setMicrophoneEnabled(on: boolean) { return this.setEnabled(Track.Source.Microphone, on); }
  async setScreenShareEnabled(on: boolean): Promise<void> {
    const pub = this.getTrackPublication(Track.Source.ScreenShare);
    if (on && !pub) await this.setEnabled(Track.Source.ScreenShare, true);
    if (!on && pub) {
      this.trackPublications.delete(pub.trackSid);
      this.room.emit(RoomEvent.LocalTrackUnpublished, pub, this);
    }
  }
  async sendText(text: string, options: { topic?: string }): Promise<void> {
    this.sent.push({ text, topic: options.topic });
  }
}

type TextHandler = (reader: { readAll(): Promise<string> }, sender: { identity: string }) => void;

export class FakeRoom extends EventEmitter {
  readonly localParticipant: FakeLocalParticipant;
  readonly remoteParticipants = new Map<string, FakeParticipant>();
  canPlaybackAudio = true;
  connectError?: Error;
  connectOptions?: { autoSubscribe?: boolean };
  readonly activeDevices = new Map<string, string>();
  private readonly textHandlers = new Map<string, TextHandler>();
  private seq = 0;

  constructor(identity: string, name: string) {
    super();
    this.localParticipant = new FakeLocalParticipant(this, identity, name);
  }

  /** The object as the session's option type wants it. */
  asRoom(): Room {
    return this as unknown as Room;
  }

  /** Held after the signal connection is up, before connect() resolves (peer connections being set up). */
  connectGate?: Promise<void>;
  private signal?: Promise<void>;

  /** Resolves once the signal connection is up (at once outside connect); rejects when connect failed. */
  signalled(): Promise<void> {
    return this.signal ?? Promise.resolve();
  }

  async connect(_url: string, _token: string, options?: { autoSubscribe?: boolean }): Promise<void> {
    this.connectOptions = options;
    let up!: () => void;
    let failed!: (err: Error) => void;
    this.signal = new Promise<void>((resolve, reject) => ((up = resolve), (failed = reject)));
    this.signal.catch(() => undefined);
    await Promise.resolve(); // the join is under way
    if (this.connectError) {
      failed(new Error('Got disconnected without signal connected'));
      throw this.connectError;
    }
    // A real Room says so once the join's answer is in, before its peer connections are up.
    this.emit(RoomEvent.SignalConnected);
    up();
    await this.connectGate;
  }
  async disconnect(): Promise<void> {
    this.emit(RoomEvent.Disconnected, DisconnectReason.CLIENT_INITIATED);
  }
  async startAudio(): Promise<void> {
    this.canPlaybackAudio = true;
  }
  getActiveDevice(kind: string): string | undefined {
    return this.activeDevices.get(kind);
  }
  async switchActiveDevice(kind: string, id: string): Promise<void> {
    this.activeDevices.set(kind, id);
  }
  registerTextStreamHandler(topic: string, handler: TextHandler): void {
    this.textHandlers.set(topic, handler);
  }
  unregisterTextStreamHandler(topic: string): void {
    this.textHandlers.delete(topic);
  }

  // ---- what the media server would make happen ----

  join(identity: string, name: string, extra: { attributes?: Record<string, string>; metadata?: string } = {}): FakeParticipant {
    const p = new FakeParticipant(this, identity, name);
    Object.assign(p, extra);
    this.remoteParticipants.set(identity, p);
    this.emit(RoomEvent.ParticipantConnected, p);
    return p;
  }
  /** `reason`: what LiveKit says with the departure (e.g. PARTICIPANT_REMOVED), as livekit-client passes it on. */
  leave(identity: string, reason?: DisconnectReason): void {
    const p = this.remoteParticipants.get(identity)!;
    this.remoteParticipants.delete(identity);
    this.emit(RoomEvent.ParticipantDisconnected, p, reason);
  }
  publish(identity: string, source: Source): FakePublication {
    const p = this.remoteParticipants.get(identity)!;
    const pub = new FakePublication(p, source, `TR_${++this.seq}`, true);
    p.trackPublications.set(pub.trackSid, pub);
    this.emit(RoomEvent.TrackPublished, pub, p);
    return pub;
  }
  mute(identity: string, source: Source, muted: boolean): void {
    const p = this.remoteParticipants.get(identity)!;
    const pub = p.getTrackPublication(source)!;
    pub.isMuted = muted;
    this.emit(muted ? RoomEvent.TrackMuted : RoomEvent.TrackUnmuted, pub, p);
  }
  setAttributes(identity: string, attributes: Record<string, string>): void {
    const p = this.remoteParticipants.get(identity) ?? this.localParticipant;
    p.attributes = { ...p.attributes, ...attributes };
    for (const [k, v] of Object.entries(attributes)) if (v === '') delete p.attributes[k];
    this.emit(RoomEvent.ParticipantAttributesChanged, attributes, p);
  }
  speak(identities: string[]): void {
    const speakers: FakeParticipant[] = [];
    for (const p of [this.localParticipant, ...this.remoteParticipants.values()]) {
      const now = identities.includes(p.identity);
      if (now && !p.isSpeaking) p.lastSpokeAt = new Date(Date.now() + speakers.length);
      p.isSpeaking = now;
      if (now) speakers.push(p);
    }
    this.emit(RoomEvent.ActiveSpeakersChanged, speakers);
  }
  quality(identity: string, quality: ConnectionQuality): void {
    const p = this.remoteParticipants.get(identity)!;
    p.connectionQuality = quality;
    this.emit(RoomEvent.ConnectionQualityChanged, quality, p);
  }
  /** A text stream arrives; `identity` is who the server says sent it. */
  receiveText(identity: string, text: string, topic: string): void {
    this.textHandlers.get(topic)?.({ readAll: async () => text }, { identity });
  }
  drop(reason: DisconnectReason): void {
    this.emit(RoomEvent.Disconnected, reason);
  }
}
