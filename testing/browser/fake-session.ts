// A stand-in for RoomSession in element tests (Chromium): the same observable stores, filled by
// the test, and actions that record what a view asked for. The real session against a media
// server is covered end to end (e2e/call-window.test.ts).
import { ContextProvider } from '@lit/context';
import { Store } from '../../sdk/src/session/store.js';
import type { SessionApi } from '../../sdk/src/session/session-api.js';
import type {
  ChatMessage, ConnectionState, DeviceKind, DevicesState, LocalMediaState, MediaProblem, ParticipantState, VisibleVideo,
} from '../../sdk/src/session/types.js';
import { sessionContext } from '../../sdk/src/views/session-context.js';

/** Two cameras, a headset and speakers, the first camera active: the device lists the call window's and the settings panel's tests choose from. */
export const FAKE_DEVICES: DevicesState = {
  lists: {
    videoinput: [{ id: 'cam1', label: 'Front camera' }, { id: 'cam2', label: 'USB camera' }],
    audioinput: [{ id: 'mic1', label: 'Headset' }],
    audiooutput: [{ id: 'spk1', label: 'Speakers' }],
  },
  active: { videoinput: 'cam1' },
  canChooseSpeaker: true,
};

export class FakeSession implements SessionApi {
  readonly calls: string[] = [];
  readonly shown: Array<readonly VisibleVideo[]> = [];
  readonly connection = new Store<ConnectionState>({ phase: 'connecting' });
  readonly participants = new Store<readonly ParticipantState[]>([]);
  readonly departed = new Store<readonly string[]>([]);
  readonly local = new Store<LocalMediaState>({ cameraOn: false, micOn: false, screenSharing: false, busy: false, audioBlocked: false });
  readonly problems = new Store<readonly MediaProblem[]>([]);
  readonly devices = new Store<DevicesState>({ lists: { videoinput: [], audioinput: [], audiooutput: [] }, active: {}, canChooseSpeaker: true });
  readonly chat = new Store<readonly ChatMessage[]>([]);

  async setCameraEnabled(on: boolean) { this.calls.push(`camera:${on}`); }
  async setMicrophoneEnabled(on: boolean) { this.calls.push(`mic:${on}`); }
  async setScreenShareEnabled(on: boolean) { this.calls.push(`screen:${on}`); }
  async switchDevice(kind: DeviceKind, id: string) { this.calls.push(`device:${kind}:${id}`); }
  async refreshDevices() { this.calls.push('refresh'); }
  async startAudio() { this.calls.push('startAudio'); }
  async sendChat(text: string) { this.calls.push(`chat:${text}`); }
  async setHandRaised(raised: boolean) { this.calls.push(`hand:${raised}`); }
  showVideos(visible: readonly VisibleVideo[]) { this.shown.push(visible); }
  /** What a conference asked to start on joining (the test then sets the connection). */
  started?: { camera: boolean; microphone: boolean; cameraId?: string; microphoneId?: string };
  async connect(start?: { camera: boolean; microphone: boolean; cameraId?: string; microphoneId?: string }) {
    this.calls.push('connect');
    this.started = start;
  }
  async leave() { this.calls.push('leave'); }

  /** Adds or replaces a participant. */
  put(p: Partial<ParticipantState> & { identity: string }): ParticipantState {
    const full: ParticipantState = { name: p.identity, isLocal: false, guest: false, moderator: false, speaking: false, quality: 'good', joinedAt: Date.now(), ...p };
    const list = this.participants.value.filter((x) => x.identity !== p.identity);
    this.participants.set(full.isLocal ? [full, ...list] : [...list, full]);
    return full;
  }
}

/** A container that provides `session` to the view parts placed inside it. */
export function sessionProvider(session: SessionApi): HTMLElement {
  const host = document.createElement('div');
  new ContextProvider(host, { context: sessionContext, initialValue: session });
  document.body.append(host);
  return host;
}

/** A real, moving video track (a canvas), so <video> elements get frames. */
export function canvasTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d')!;
  let n = 0;
  setInterval(() => {
    ctx.fillStyle = `hsl(${(n++ * 7) % 360} 60% 50%)`;
    ctx.fillRect(0, 0, 320, 180);
  }, 40);
  return canvas.captureStream(25).getVideoTracks()[0]!;
}
