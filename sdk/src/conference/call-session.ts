// One 1:1 call's media session. This module owns every LiveKit object of the call (Room, tracks,
// publications, devices); the call window only subscribes to the plain snapshots it publishes and
// calls its methods, so the element never touches livekit-client (components-js core pattern).
import {
  DisconnectReason,
  createLocalTracks,
  VideoPresets,
  MediaDeviceFailure,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type RemoteParticipant,
  type RemoteTrack,
} from 'livekit-client';
import type { CallPeer } from './call-types.js';

export type DeviceKind = 'videoinput' | 'audioinput' | 'audiooutput';

/** Why a local source could not start, in the words the window shows. */
export interface MediaProblem {
  source: 'camera' | 'microphone' | 'screen';
  failure: 'permission_denied' | 'no_device' | 'in_use' | 'other';
}

export interface PartnerState {
  id: string;
  name: string;
  /** waiting: not (yet) in the room; present: connected; left: was here and went away. */
  presence: 'waiting' | 'present' | 'left';
  /** Camera video while it is published and not muted. */
  camera?: MediaStreamTrack;
  cameraOff: boolean;
  micMuted: boolean;
  /** Screen share video while the partner shares a screen. */
  screen?: MediaStreamTrack;
  speaking: boolean;
}

export interface LocalState {
  camera?: MediaStreamTrack;
  microphone?: MediaStreamTrack;
  cameraOn: boolean;
  micOn: boolean;
  screenSharing: boolean;
  screen?: MediaStreamTrack;
  /** A camera/mic/screen change is in flight (buttons wait for it). */
  busy: boolean;
}

export interface CallSessionState {
  phase: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
  /** Set when phase is disconnected: why. */
  ended?: 'left' | 'removed' | 'failed';
  /** Connection failure message for the log/tooltip; the window shows a translated sentence. */
  error?: string;
  partner: PartnerState;
  local: LocalState;
  problems: MediaProblem[];
  /** Browser blocked autoplay of the partner's audio; call startAudio() from a click. */
  audioBlocked: boolean;
  devices: Record<DeviceKind, { id: string; label: string }[]>;
  activeDevices: Partial<Record<DeviceKind, string>>;
  /** Whether this browser can choose the speaker (setSinkId). */
  canChooseSpeaker: boolean;
  /** Date.now() when both sides first were in the room. */
  connectedSince?: number;
}

export interface CallSessionOptions {
  url: string;
  token: string;
  partner: CallPeer;
}

type Listener = (state: CallSessionState) => void;

/** Camera capture: 360p is sharp in the window and light on CPUs that also encode simulcast. */
const VIDEO = { width: 640, height: 360, frameRate: 30 };

export class CallSession {
  readonly room: Room;
  private state: CallSessionState;
  private readonly listeners = new Set<Listener>();
  private readonly partnerAudio = new Map<string, HTMLMediaElement>();
  private leaving = false;
  private pending = 0;

  constructor(private readonly options: CallSessionOptions) {
    // singlePeerConnection: false speaks LiveKit's v0 signalling (publisher + subscriber PC),
    // which both a real server and the dev media server accept, without the v1 probe on every
    // reconnect. adaptiveStream off: the window hands plain MediaStreamTracks to <video>
    // elements instead of track.attach(), so LiveKit cannot see them and must not pause video.
    // dynacast off: a 1:1 call has one viewer per layer anyway, and servers that never send
    // subscribedQualityUpdate (the dev media server) would otherwise get no video at all.
    this.room = new Room({
      singlePeerConnection: false,
      adaptiveStream: false,
      dynacast: false,
      disconnectOnPageLeave: true,
      videoCaptureDefaults: { resolution: VIDEO },
      // One layer: a 1:1 call has a single viewer, so simulcast would only cost the sender a
      // second encode, and layer switches under load can stall the picture on simple SFUs.
      publishDefaults: { simulcast: false, videoEncoding: VideoPresets.h360.encoding },
    });
    this.state = {
      phase: 'idle',
      partner: { ...options.partner, presence: 'waiting', cameraOff: true, micMuted: true, speaking: false },
      local: { cameraOn: false, micOn: false, screenSharing: false, busy: false },
      problems: [],
      audioBlocked: false,
      devices: { videoinput: [], audioinput: [], audiooutput: [] },
      activeDevices: {},
      canChooseSpeaker: typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
    };
    this.listen();
  }

  get snapshot(): CallSessionState {
    return this.state;
  }

  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Joins the room, then starts camera and microphone (each failure is reported, not thrown). */
  async connect(): Promise<void> {
    if (this.state.phase !== 'idle') return;
    this.set({ phase: 'connecting' });
    try {
      await this.room.connect(this.options.url, this.options.token);
    } catch (err) {
      if (this.leaving) return;
      this.set({ phase: 'disconnected', ended: 'failed', error: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (this.leaving) return;
    this.set({ phase: 'connected' });
    this.refresh();
    await this.startLocalMedia();
    await this.refreshDevices();
  }

  async leave(): Promise<void> {
    this.leaving = true;
    for (const el of this.partnerAudio.values()) el.remove();
    this.partnerAudio.clear();
    await this.room.disconnect(true);
    this.listeners.clear();
  }

  async setCameraEnabled(on: boolean): Promise<void> {
    await this.change('camera', () => this.room.localParticipant.setCameraEnabled(on));
  }

  async setMicrophoneEnabled(on: boolean): Promise<void> {
    await this.change('microphone', () => this.room.localParticipant.setMicrophoneEnabled(on));
  }

  async setScreenShareEnabled(on: boolean): Promise<void> {
    // Screen share goes out as a single layer: text stays sharp, and SFUs that route simulcast
    // layers by rid alone do not mix it up with the camera's layers.
    await this.change('screen', () =>
      this.room.localParticipant.setScreenShareEnabled(on, { audio: false, selfBrowserSurface: 'exclude' }, { simulcast: false }),
    );
  }

  async switchDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    try {
      await this.room.switchActiveDevice(kind, deviceId);
    } finally {
      this.refresh();
    }
  }

  async refreshDevices(): Promise<void> {
    const list = async (kind: DeviceKind) => {
      try {
        const found = await Room.getLocalDevices(kind, false);
        return found
          .filter((d) => d.deviceId !== '')
          .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
      } catch {
        return [];
      }
    };
    const [videoinput, audioinput, audiooutput] = await Promise.all([list('videoinput'), list('audioinput'), list('audiooutput')]);
    if (this.leaving) return;
    this.set({ devices: { videoinput, audioinput, audiooutput } });
    this.refresh();
  }

  /** Resumes the partner's audio after the browser blocked autoplay (call from a click). */
  async startAudio(): Promise<void> {
    await this.room.startAudio();
    this.refresh();
  }

  private async startLocalMedia(): Promise<void> {
    const lp = this.room.localParticipant;
    try {
      // One getUserMedia for both (one permission prompt), then publish one after the other:
      // each publication is its own negotiation, which every SFU handles.
      await this.guarded(async () => {
        const tracks = await createLocalTracks({ audio: true, video: { resolution: VIDEO } });
        tracks.sort((x, y) => (x.kind === Track.Kind.Video ? -1 : 0) - (y.kind === Track.Kind.Video ? -1 : 0));
        for (const track of tracks) {
          if (this.leaving) track.stop();
          else await lp.publishTrack(track);
        }
      });
    } catch {
      // One request for both failed: find out which source is at fault and keep the other.
      await this.change('camera', () => lp.setCameraEnabled(true));
      await this.change('microphone', () => lp.setMicrophoneEnabled(true));
    }
    this.refresh();
  }

  private async change(source: MediaProblem['source'], run: () => Promise<unknown>): Promise<void> {
    try {
      await this.guarded(run);
      this.set({ problems: this.state.problems.filter((p) => p.source !== source) });
    } catch (err) {
      // The user closing the screen picker is a choice, not a problem (Chrome: "Permission
      // denied by user"); only the operating system refusing it ("… by system") is one.
      if (source === 'screen' && err instanceof Error && err.name === 'NotAllowedError' && !/system/i.test(err.message)) {
        this.refresh();
        return;
      }
      const problem: MediaProblem = { source, failure: failureOf(err) };
      this.set({ problems: [...this.state.problems.filter((p) => p.source !== source), problem] });
    } finally {
      this.refresh();
    }
  }

  private async guarded(run: () => Promise<unknown>): Promise<void> {
    this.pending++;
    this.refresh();
    try {
      await run();
    } finally {
      this.pending--;
    }
  }

  private listen(): void {
    const room = this.room;
    const refresh = () => this.refresh();
    room
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
        if (p.identity === this.options.partner.id) this.set({ partner: { ...this.state.partner, presence: 'left' } });
        this.refresh();
      })
      .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind === Track.Kind.Audio) this.playPartnerAudio(track);
        this.refresh();
      })
      .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
        const el = this.partnerAudio.get(track.sid ?? '');
        if (el) {
          track.detach(el);
          el.remove();
          this.partnerAudio.delete(track.sid ?? '');
        }
        this.refresh();
      })
      .on(RoomEvent.TrackPublished, refresh)
      .on(RoomEvent.TrackUnpublished, refresh)
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.LocalTrackPublished, refresh)
      .on(RoomEvent.LocalTrackUnpublished, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, refresh)
      .on(RoomEvent.ActiveDeviceChanged, refresh)
      .on(RoomEvent.AudioPlaybackStatusChanged, refresh)
      .on(RoomEvent.MediaDevicesChanged, () => void this.refreshDevices())
      .on(RoomEvent.Reconnecting, () => this.set({ phase: 'reconnecting' }))
      .on(RoomEvent.SignalReconnecting, () => this.set({ phase: 'reconnecting' }))
      .on(RoomEvent.Reconnected, () => {
        this.set({ phase: 'connected' });
        this.refresh();
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.leaving) return;
        const ended = reason === DisconnectReason.CLIENT_INITIATED ? 'left'
          : reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.DUPLICATE_IDENTITY ? 'removed'
          : 'failed';
        this.set({ phase: 'disconnected', ended });
      });
  }

  /** Partner audio plays from an element the session owns, so speaker choice (setSinkId) applies. */
  private playPartnerAudio(track: RemoteTrack): void {
    const el = track.attach();
    el.hidden = true;
    document.body.append(el);
    this.partnerAudio.set(track.sid ?? '', el);
  }

  /** Re-reads everything the window shows from the LiveKit objects and publishes it if changed. */
  private refresh(): void {
    if (this.leaving) return;
    const lp = this.room.localParticipant;
    const localPub = (s: Track.Source): LocalTrackPublication | undefined => lp.getTrackPublication(s);
    const cam = localPub(Track.Source.Camera);
    const mic = localPub(Track.Source.Microphone);
    const scr = localPub(Track.Source.ScreenShare);
    const local: LocalState = {
      camera: cam && !cam.isMuted ? cam.track?.mediaStreamTrack : undefined,
      microphone: mic && !mic.isMuted ? mic.track?.mediaStreamTrack : undefined,
      cameraOn: !!cam && !cam.isMuted,
      micOn: !!mic && !mic.isMuted,
      screenSharing: !!scr?.track,
      screen: scr?.track?.mediaStreamTrack,
      busy: this.pending > 0,
    };

    const remote = this.room.remoteParticipants.get(this.options.partner.id);
    let partner: PartnerState;
    if (remote) {
      const pCam = remote.getTrackPublication(Track.Source.Camera);
      const pMic = remote.getTrackPublication(Track.Source.Microphone);
      const pScr = remote.getTrackPublication(Track.Source.ScreenShare);
      partner = {
        id: this.options.partner.id,
        name: remote.name || this.options.partner.name,
        presence: 'present',
        camera: pCam && !pCam.isMuted ? pCam.track?.mediaStreamTrack : undefined,
        cameraOff: !pCam || pCam.isMuted,
        micMuted: !pMic || pMic.isMuted,
        screen: pScr?.track?.mediaStreamTrack,
        speaking: remote.isSpeaking,
      };
    } else {
      partner = { ...this.state.partner, camera: undefined, screen: undefined, cameraOff: true, micMuted: true, speaking: false };
    }

    const activeDevices: Partial<Record<DeviceKind, string>> = {};
    for (const kind of ['videoinput', 'audioinput', 'audiooutput'] as const) {
      const id = this.room.getActiveDevice(kind);
      if (id) activeDevices[kind] = id;
    }
    const connectedSince = this.state.connectedSince ?? (partner.presence === 'present' && this.state.phase === 'connected' ? Date.now() : undefined);
    this.set({ local, partner, activeDevices, audioBlocked: !this.room.canPlaybackAudio, connectedSince });
  }

  private set(patch: Partial<CallSessionState>): void {
    const next = { ...this.state, ...patch };
    if (shallowEqual(next, this.state)) return;
    this.state = next;
    for (const l of this.listeners) l(next);
  }
}

function failureOf(err: unknown): MediaProblem['failure'] {
  switch (MediaDeviceFailure.getFailure(err)) {
    case MediaDeviceFailure.PermissionDenied: return 'permission_denied';
    case MediaDeviceFailure.NotFound: return 'no_device';
    case MediaDeviceFailure.DeviceInUse: return 'in_use';
    default: return 'other';
  }
}

function shallowEqual(a: CallSessionState, b: CallSessionState): boolean {
  const keys = Object.keys(a) as (keyof CallSessionState)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x === y) return true;
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x)) {
      return JSON.stringify(x, trackIds) === JSON.stringify(y, trackIds);
    }
    return Array.isArray(x) && Array.isArray(y) && JSON.stringify(x) === JSON.stringify(y);
  });
}

// Tracks compare by id in snapshots (JSON.stringify of a MediaStreamTrack is `{}`).
function trackIds(_key: string, value: unknown): unknown {
  return typeof MediaStreamTrack !== 'undefined' && value instanceof MediaStreamTrack ? `track:${value.id}:${value.readyState}` : value;
}
