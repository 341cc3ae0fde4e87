// One joined LiveKit room, for a 1:1 call or a conference. The session owns the Room and every
// LiveKit object; views read its observable state per domain (connection, participants, local
// media, devices, problems, chat) and call its actions. Nothing outside session/ touches LiveKit.
import {
  ConnectionState as LkConnectionState,
  DisconnectReason as LkDisconnectReason,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';
import { AudioPlayback } from './audio-playback.js';
import { Chat } from './chat.js';
import { Devices } from './devices.js';
import { CAMERA_CAPTURE, LocalMedia, type StartMedia } from './local-media.js';
import { readParticipant } from './participants.js';
import { MediaStallWatch } from './media-stall.js';
import { inboundPackets } from './inbound-packets.js';
import { Departures, LEAVE_TOPIC, awayState, goodbyeFrame } from './departures.js';
import { disconnectReason } from './disconnect-reason.js';
import { Store, listEqual } from './store.js';
import { followMediaSettings } from './follow-settings.js';
import { applySubscriptions } from './subscription.js';
import type { SessionApi } from './session-api.js';
import type { ConnectionState, DeviceKind, ParticipantState, VisibleVideo } from './types.js';
import type { RoomSessionOptions } from './room-session-options.js';

export type { RoomSessionOptions } from './room-session-options.js';

/** How long leave() waits for its goodbye to go out before disconnecting anyway. */
const GOODBYE_WAIT_MS = 500;
/** LiveKit disconnected on page leave but the page is still here (a cancelled unload) after this long. */
const PAGE_STAYED_MS = 3_000;

export class RoomSession implements SessionApi {
  readonly connection = new Store<ConnectionState>({ phase: 'idle' }, (a, b) => a.phase === b.phase && a.reason === b.reason && a.error === b.error);
  /** Everyone in the room, this user first, then in the order they were first seen. */
  readonly participants = new Store<readonly ParticipantState[]>([], listEqual<ParticipantState>(Object.is));
  /** Identities that were in the room and left (cleared when they come back). */
  readonly departed = new Store<readonly string[]>([], listEqual<string>(Object.is));
  private readonly localMedia: LocalMedia;
  private readonly deviceList: Devices;
  private chatChannel: Chat;

  private readonly room: Room;
  private readonly audio = new AudioPlayback();
  private visible?: readonly VisibleVideo[];
  /** The view reported what it shows while connected (until then, earlyVideos adds the first cameras). */
  private visibleSettled = false;
  private leaving = false;
  /** "reconnecting" was set because media stopped arriving, not by LiveKit. */
  private stalled = false;
  private readonly stallWatch = new MediaStallWatch(() => inboundPackets(this.room), (stalled) => this.onMediaStall(stalled));
  /** Who left without a goodbye (reconnecting within the rejoin grace) and who said goodbye. */
  private departures: Departures;
  /** The page is going: LiveKit's own disconnect on page leave is no end of the meeting for this person. */
  private pageGoing = false;
  private readonly onPageGoing = () => (this.pageGoing = true);
  /** Stops following the person's sound and background settings on the live tracks. */
  private readonly stopSettings: () => void;

  constructor(private options: RoomSessionOptions) {
    // singlePeerConnection off: LiveKit's v0 signalling (publisher + subscriber PC), which a real
    // server and the dev media server both speak. adaptiveStream off: views hand plain
    // MediaStreamTracks to <video> and say what they show through showVideos(); dynacast off:
    // servers that never send subscribedQualityUpdate would otherwise get no video at all.
    this.room = options.room ?? new Room({
      singlePeerConnection: false,
      adaptiveStream: false,
      dynacast: false,
      disconnectOnPageLeave: true,
      videoCaptureDefaults: { resolution: CAMERA_CAPTURE },
      publishDefaults: { simulcast: false, videoEncoding: VideoPresets.h360.encoding },
    });
    this.departures = new Departures(options.rejoinGraceMs ?? 0, (identity) => this.gone(identity));
    this.localMedia = new LocalMedia(this.room);
    this.deviceList = new Devices(this.room, options.listDevices);
    this.chatChannel = new Chat(this.room, (identity) => this.participants.value.find((p) => p.identity === identity)?.name ?? identity, options.chat);
    this.listen();
    this.stopSettings = followMediaSettings(this.localMedia);
    // Registered before connect(), so they run before LiveKit's own page-leave handler.
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.onPageGoing);
      window.addEventListener('beforeunload', this.onPageGoing);
    }
  }

  get local(): LocalMedia['state'] {
    return this.localMedia.state;
  }

  get problems(): LocalMedia['problems'] {
    return this.localMedia.problems;
  }

  get devices(): Devices['state'] {
    return this.deviceList.state;
  }

  /** Chat messages of this meeting, oldest first. */
  get chat(): Chat['messages'] {
    return this.chatChannel.messages;
  }

  /** This user's identity in the room (known once connected). */
  get selfIdentity(): string {
    return this.room.localParticipant.identity;
  }

  /**
   * The 1:1 call on this connection became a meeting (issue 27, a call converted in place): from
   * now on the session behaves as a conference's, on the same LiveKit connection with the same
   * published tracks (nothing reconnects): hand and chat through the token service, the rejoin
   * grace for people changing pages, no "reconnecting" when one person's media stops. Tracks
   * already received stay received (the call subscribed to everything); the conference's view says
   * what it shows through showVideos() as usual.
   */
  becomeMeeting(meeting: Pick<RoomSessionOptions, 'setHand' | 'chat' | 'rejoinGraceMs'>): void {
    if (this.leaving) return;
    this.options = { ...this.options, ...meeting, watchMedia: false };
    this.stallWatch.stop();
    if (this.stalled) this.onMediaStall(false);
    this.departures.close();
    this.departures = new Departures(meeting.rejoinGraceMs ?? 0, (identity) => this.gone(identity));
    // The call's chat (text streams) ends; the meeting's (token service, from the conversion on) begins.
    this.chatChannel.close();
    this.chatChannel = new Chat(this.room, (identity) => this.participants.value.find((p) => p.identity === identity)?.name ?? identity, meeting.chat);
    void this.chatChannel.loadHistory().catch(() => undefined);
  }

  /** Joins the room, then starts the chosen media (each failure is a problem, never thrown). */
  async connect(start: StartMedia = { camera: true, microphone: true }): Promise<void> {
    if (this.connection.value.phase !== 'idle') return;
    this.connection.set({ phase: 'connecting' });
    // Camera and microphone start while the room connects (a real camera takes its time); they
    // are published once it is connected, or at once with publishWhileConnecting.
    const captured = this.localMedia.capture(start);
    const dropDevices = () => void captured?.then((tracks) => tracks.forEach((t) => t.stop()), () => undefined);
    let published = this.options.publishWhileConnecting ? this.localMedia.start(start, captured) : undefined;
    try {
      await this.room.connect(this.options.url, this.options.token, { autoSubscribe: this.options.autoSubscribe ?? false });
    } catch (err) {
      this.localMedia.stopped = true; // no second try of the devices for a room that is not there
      dropDevices();
      if (!this.leaving) this.connection.set({ phase: 'disconnected', reason: 'failed', error: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (this.leaving) {
      dropDevices();
      return;
    }
    // Publishing first: its request goes out before the views render the connected room.
    published ??= this.localMedia.start(start, captured);
    this.connection.set({ phase: 'connected' });
    if (this.options.watchMedia) this.stallWatch.start();
    this.refreshAll();
    void this.chatChannel.loadHistory().catch(() => undefined);
    await published;
    if (this.leaving) return;
    this.refreshAll();
    await this.deviceList.refresh();
  }

  async leave(): Promise<void> {
    const sayGoodbye = !this.leaving && !!this.options.rejoinGraceMs && this.room.state === LkConnectionState.Connected;
    this.leaving = true;
    this.stallWatch.stop();
    this.localMedia.stopped = true;
    this.stopSettings();
    this.audio.stopAll();
    this.chatChannel.close();
    this.departures.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.onPageGoing);
      window.removeEventListener('beforeunload', this.onPageGoing);
    }
    // The others show this person as gone at once, not as reconnecting (see rejoinGraceMs).
    if (sayGoodbye) {
      const payload = goodbyeFrame(this.room.localParticipant.identity);
      const goodbye = this.room.localParticipant.publishData(payload, { reliable: true, topic: LEAVE_TOPIC });
      await Promise.race([goodbye.catch(() => undefined), new Promise((r) => setTimeout(r, GOODBYE_WAIT_MS))]);
    }
    await this.room.disconnect(true);
    for (const store of [this.connection, this.participants, this.departed, this.local, this.problems, this.devices]) store.close();
  }

  setCameraEnabled(on: boolean): Promise<void> {
    return this.localMedia.setCamera(on).then(() => this.refreshLocal());
  }

  setMicrophoneEnabled(on: boolean): Promise<void> {
    return this.localMedia.setMicrophone(on).then(() => this.refreshLocal());
  }

  setScreenShareEnabled(on: boolean, withAudio = true): Promise<void> {
    return this.localMedia.setScreenShare(on, withAudio).then(() => this.refreshLocal());
  }

  switchDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    return this.deviceList.switchTo(kind, deviceId);
  }

  refreshDevices(): Promise<void> {
    return this.deviceList.refresh();
  }

  /** Resumes remote audio after the browser blocked autoplay (call from a click). */
  async startAudio(): Promise<void> {
    await this.room.startAudio();
    this.localMedia.refresh();
  }

  sendChat(text: string): Promise<void> {
    return this.chatChannel.send(text);
  }

  /** Through the token service: the hand is a server-stamped attribute everyone sees. */
  async setHandRaised(raised: boolean): Promise<void> {
    if (!this.options.setHand) throw new Error('raising a hand needs the token service (setHand)');
    await this.options.setHand(raised);
  }

  /** The videos the view shows now and at which size; every other remote video is unsubscribed. */
  showVideos(visible: readonly VisibleVideo[]): void {
    this.visible = visible;
    // A report from before the room is connected knows nobody yet (see earlyVideos).
    this.visibleSettled = this.connection.value.phase === 'connected' || this.connection.value.phase === 'reconnecting';
    this.reconcileSubscriptions();
  }

  private listen(): void {
    const withParticipant = (_x: unknown, p: Participant) => this.upsert(p);
    this.room
      .on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => {
        // Back within the grace (a page change): the same place in the list, no notices.
        this.departures.returned(p.identity);
        this.departed.update((list) => list.filter((id) => id !== p.identity));
        this.upsert(p);
        this.reconcileSubscriptions();
      })
      .on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant, reason?: LkDisconnectReason) => this.onDeparture(p.identity, reason))
      .on(RoomEvent.DataReceived, (payload: Uint8Array, p?: RemoteParticipant, _kind?: unknown, topic?: string) => {
        if (topic === LEAVE_TOPIC) this.departures.heardGoodbye(payload, p?.identity);
      })
      .on(RoomEvent.TrackPublished, (_pub: RemoteTrackPublication, p: RemoteParticipant) => {
        this.upsert(p);
        this.reconcileSubscriptions();
      })
      .on(RoomEvent.TrackUnpublished, withParticipant)
      .on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub: RemoteTrackPublication, p: RemoteParticipant) => {
        if (track.kind === Track.Kind.Audio) this.audio.play(track);
        this.upsert(p);
      })
      .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack, _pub: RemoteTrackPublication, p: RemoteParticipant) => {
        this.audio.stop(track);
        this.upsert(p);
      })
      .on(RoomEvent.TrackMuted, withParticipant)
      .on(RoomEvent.TrackUnmuted, withParticipant)
      .on(RoomEvent.LocalTrackPublished, () => this.refreshLocal())
      .on(RoomEvent.LocalTrackUnpublished, () => this.refreshLocal())
      .on(RoomEvent.ActiveSpeakersChanged, () => this.refreshAll())
      .on(RoomEvent.ConnectionQualityChanged, withParticipant)
      .on(RoomEvent.ParticipantAttributesChanged, withParticipant)
      .on(RoomEvent.ParticipantMetadataChanged, withParticipant)
      .on(RoomEvent.ParticipantNameChanged, withParticipant)
      .on(RoomEvent.ActiveDeviceChanged, () => this.deviceList.readActive())
      .on(RoomEvent.MediaDevicesChanged, () => void this.deviceList.refresh())
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.localMedia.refresh())
      // The join's answer lists who is here; LiveKit tells of their tracks only once connected.
      .on(RoomEvent.SignalConnected, () => this.reconcileSubscriptions())
      .on(RoomEvent.Reconnecting, () => this.connection.set({ phase: 'reconnecting' }))
      .on(RoomEvent.SignalReconnecting, () => this.connection.set({ phase: 'reconnecting' }))
      .on(RoomEvent.Reconnected, () => {
        this.stalled = false;
        this.connection.set({ phase: 'connected' });
        this.refreshAll();
        this.reconcileSubscriptions();
      })
      .on(RoomEvent.Disconnected, (reason?: LkDisconnectReason) => {
        if (this.leaving) return;
        const report = () => {
          if (!this.leaving) this.connection.set({ phase: 'disconnected', reason: disconnectReason(reason) });
        };
        // LiveKit leaves the room when the page goes: the tab's next page takes over, nothing ended.
        if (this.pageGoing) setTimeout(report, PAGE_STAYED_MS);
        else report();
      });
  }

  /** A remote participant is out of the room: gone, or (no goodbye, conferences) reconnecting for a while. */
  private onDeparture(identity: string, reason?: LkDisconnectReason): void {
    const shown = this.participants.value.find((x) => x.identity === identity);
    // Removed by a moderator (LiveKit says so with the departure): no page change, gone at once.
    const sentOut = reason === LkDisconnectReason.PARTICIPANT_REMOVED || reason === LkDisconnectReason.ROOM_DELETED;
    if (this.leaving || this.departures.departed(identity, shown, sentOut) === 'gone') {
      this.gone(identity);
      return;
    }
    this.participants.set(this.participants.value.map((x) => (x.identity === identity ? awayState(x) : x)));
  }

  private gone(identity: string): void {
    this.departures.forget(identity);
    if (this.leaving) return;
    this.participants.update((list) => list.filter((x) => x.identity !== identity));
    this.departed.update((list) => (list.includes(identity) ? list : [...list, identity]));
  }

  /** Media stopped (or came back) while LiveKit still believes the connection is up. */
  private onMediaStall(stalled: boolean): void {
    if (this.leaving) return;
    const phase = this.connection.value.phase;
    if (stalled && phase === 'connected') {
      this.stalled = true;
      this.connection.set({ phase: 'reconnecting' });
    } else if (!stalled && this.stalled) {
      this.stalled = false;
      // Only when LiveKit is not in a reconnect of its own (it reports the end of that itself).
      if (phase === 'reconnecting' && this.room.state === LkConnectionState.Connected) this.connection.set({ phase: 'connected' });
    }
  }

  private refreshLocal(): void {
    this.localMedia.refresh();
    this.upsert(this.room.localParticipant);
  }

  /** Reads one participant again; the others keep their state objects. */
  private upsert(p: Participant): void {
    if (this.leaving) return;
    const isLocal = p === this.room.localParticipant;
    if (!isLocal && !this.room.remoteParticipants.has(p.identity)) return;
    const list = this.participants.value;
    const at = list.findIndex((x) => x.identity === p.identity);
    const next = readParticipant(p, isLocal, list[at]);
    if (at >= 0) {
      if (list[at] !== next) this.participants.set(list.map((x, i) => (i === at ? next : x)));
    } else {
      this.participants.set(isLocal ? [next, ...list] : [...list, next]);
    }
    if (isLocal) this.localMedia.refresh();
  }

  /** Re-reads everyone (after a reconnect or a speaker change); drops who is gone. */
  private refreshAll(): void {
    if (this.leaving) return;
    const before = new Map(this.participants.value.map((p) => [p.identity, p]));
    const local = this.room.localParticipant;
    const next: ParticipantState[] = [];
    if (local.identity) next.push(readParticipant(local, true, before.get(local.identity)));
    const remotes = [...this.room.remoteParticipants.values()];
    // Known participants keep their place (those away within their grace too); new ones follow in the room's order.
    for (const p of this.participants.value) {
      if (p.isLocal) continue;
      const r = remotes.find((x) => x.identity === p.identity);
      if (r) next.push(readParticipant(r, false, p));
      else if (this.departures.isAway(p.identity)) next.push(p);
    }
    for (const r of remotes.filter((r) => !before.has(r.identity))) next.push(readParticipant(r, false));
    this.participants.set(next);
    this.localMedia.refresh();
  }

  private reconcileSubscriptions(): void {
    if (this.leaving || this.connection.value.phase === 'idle') return;
    const early = this.visibleSettled ? undefined : this.earlyGuess();
    applySubscriptions(this.room, early ? [...(this.visible ?? []), ...early] : this.visible);
  }

  /** Until the view reports: the cameras of the first `earlyVideos` remote participants. */
  private earlyGuess(): VisibleVideo[] | undefined {
    const limit = this.options.earlyVideos;
    if (limit === undefined) return undefined;
    return [...this.room.remoteParticipants.values()].slice(0, limit).map((p) => ({ identity: p.identity, source: 'camera', width: 640, height: 360 }));
  }
}
