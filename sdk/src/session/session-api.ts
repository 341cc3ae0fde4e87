// What a view may read and do with a session. RoomSession implements it; element tests give views
// a small stand-in with the same shape. Type-only: importing it pulls in no LiveKit code.
import type { Readable } from './store.js';
import type {
  ChatMessage, ConnectionState, DeviceKind, DevicesState, LocalMediaState, MediaProblem, ParticipantState, VisibleVideo,
} from './types.js';

export interface SessionApi {
  readonly connection: Readable<ConnectionState>;
  /** Everyone in the room, this user first, then in the order first seen. */
  readonly participants: Readable<readonly ParticipantState[]>;
  /** Identities that were here and left. */
  readonly departed: Readable<readonly string[]>;
  readonly local: Readable<LocalMediaState>;
  readonly problems: Readable<readonly MediaProblem[]>;
  readonly devices: Readable<DevicesState>;
  readonly chat: Readable<readonly ChatMessage[]>;

  setCameraEnabled(on: boolean): Promise<void>;
  setMicrophoneEnabled(on: boolean): Promise<void>;
  /** With the shared tab's audio where the browser offers it. */
  setScreenShareEnabled(on: boolean, withAudio?: boolean): Promise<void>;
  switchDevice(kind: DeviceKind, deviceId: string): Promise<void>;
  refreshDevices(): Promise<void>;
  startAudio(): Promise<void>;
  sendChat(text: string): Promise<void>;
  setHandRaised(raised: boolean): Promise<void>;
  /** The videos on screen now, at their size; all other remote video is unsubscribed. */
  showVideos(visible: readonly VisibleVideo[]): void;
  leave(): Promise<void>;
}
