// The session's state, domain by domain, as plain data: no LiveKit types leak out of session/, so
// views and the pure order/layout functions depend on these shapes only.

export type DeviceKind = 'videoinput' | 'audioinput' | 'audiooutput';
export type MediaSource = 'camera' | 'microphone' | 'screen';

/** One published track of a participant. */
export interface TrackState {
  /** The publication's id (stable while published). */
  sid: string;
  muted: boolean;
  /** The media while this page receives it (remote) or captures it (local) and it is not muted. */
  track?: MediaStreamTrack;
}

export type ConnectionQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface ParticipantState {
  identity: string;
  name: string;
  isLocal: boolean;
  /** From the server-stamped attribute `timio.guest` or metadata `{"guest":true}`. */
  guest: boolean;
  /** From metadata `{"role":"moderator"}` or `{"moderator":true}`. */
  moderator: boolean;
  camera?: TrackState;
  microphone?: TrackState;
  screen?: TrackState;
  /** The shared tab's audio, when the browser sent it. */
  screenAudio?: TrackState;
  speaking: boolean;
  /** When this participant last started speaking (ms), for "active speaker" ordering. */
  lastSpokeAt?: number;
  quality: ConnectionQuality;
  /** ISO time from the attribute `timio.hand` while the hand is raised. */
  handRaisedAt?: string;
  /** When this page first saw the participant (ms): a stable join order. */
  joinedAt: number;
  /** Went without saying goodbye (e.g. their page changed): shown as reconnecting for a short grace. */
  reconnecting?: boolean;
}

export type ConnectionPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
/** Why the connection ended: this user left, was removed, the room ended, or it failed. */
export type DisconnectReason = 'left' | 'removed' | 'room_ended' | 'failed';

export interface ConnectionState {
  phase: ConnectionPhase;
  reason?: DisconnectReason;
  /** Technical message of a failure (logs, tooltips); views show a translated sentence. */
  error?: string;
}

export interface LocalMediaState {
  cameraOn: boolean;
  micOn: boolean;
  screenSharing: boolean;
  camera?: MediaStreamTrack;
  microphone?: MediaStreamTrack;
  screen?: MediaStreamTrack;
  /** A camera/mic/screen change is in flight (buttons wait for it). */
  busy: boolean;
  /** The browser blocked autoplay of remote audio; call startAudio() from a click. */
  audioBlocked: boolean;
}

/** Why a local source could not start. */
export interface MediaProblem {
  source: MediaSource;
  failure: 'permission_denied' | 'no_device' | 'in_use' | 'other';
}

export interface DeviceInfo { id: string; label: string }

export interface DevicesState {
  lists: Record<DeviceKind, readonly DeviceInfo[]>;
  active: Partial<Record<DeviceKind, string>>;
  /** Whether this browser can choose the speaker (setSinkId). */
  canChooseSpeaker: boolean;
}

export interface ChatMessage {
  id: string;
  /** The sender's identity as the media server stamped it, never taken from the message. */
  from: string;
  fromName: string;
  /** The sender joined as a guest (known for messages through the token service). */
  guest?: boolean;
  mine: boolean;
  /** ms since the epoch */
  at: number;
  text: string;
}

/** A video a view shows, at the size it shows it (CSS pixels); everything else is unsubscribed. */
export interface VisibleVideo {
  identity: string;
  source: 'camera' | 'screen';
  width: number;
  height: number;
}
