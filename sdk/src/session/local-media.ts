// The local participant's camera, microphone and screen share: starting them, turning them on and
// off, and the problems that stop them (permission denied, no device, in use).
import { MediaDeviceFailure, Track, type LocalAudioTrack, type LocalTrack, type LocalVideoTrack, type Room } from 'livekit-client';
import { Store, listEqual, shallowEqual } from './store.js';
import { mediaSettings, soundConstraints, type MediaSettings } from './media-settings.js';
import type { CameraBackground } from '../effects/live-effects.js';
import type { LocalMediaState, MediaProblem, MediaSource } from './types.js';

/** Camera capture: 360p is sharp in a window and light on CPUs that also encode. */
export const CAMERA_CAPTURE = { width: 640, height: 360, frameRate: 30 };

export interface StartMedia {
  camera: boolean;
  microphone: boolean;
  /** The devices chosen before joining (pre-join); the browser's default otherwise. */
  cameraId?: string;
  microphoneId?: string;
}

export class LocalMedia {
  readonly state = new Store<LocalMediaState>(
    { cameraOn: false, micOn: false, screenSharing: false, busy: false, audioBlocked: false },
    shallowEqual,
  );
  readonly problems = new Store<readonly MediaProblem[]>([], listEqual<MediaProblem>(shallowEqual));
  private pending = 0;
  stopped = false;
  /** The background processor on the camera, while a background is chosen. */
  private background?: CameraBackground;
  private backgroundQueue: Promise<void> = Promise.resolve();

  constructor(private readonly room: Room) {}

  /**
   * Starts the devices (one getUserMedia for both) without publishing them, so it can run while
   * the room connects; `start` publishes what it gives. Undefined when nothing is wanted.
   */
  capture(want: StartMedia): Promise<LocalTrack[]> | undefined {
    if (!want.camera && !want.microphone) return undefined;
    const tracks = this.room.localParticipant.createTracks({
      audio: want.microphone ? { ...soundConstraints(mediaSettings.value), ...(want.microphoneId ? { deviceId: want.microphoneId } : {}) } : false,
      video: want.camera ? { resolution: CAMERA_CAPTURE, ...(want.cameraId ? { deviceId: want.cameraId } : {}) } : false,
    });
    tracks.catch(() => undefined); // handled by start
    return tracks;
  }

  /**
   * Publishes the captured devices (`captured` from `capture`, or captured now); if capturing
   * both at once failed, each source on its own. May run while the room still connects (LiveKit
   * publishes once its signal connection is up).
   */
  async start(want: StartMedia, captured = this.capture(want)): Promise<void> {
    const lp = this.room.localParticipant;
    if (!want.camera && !want.microphone) return;
    try {
      await this.guarded(async () => {
        const tracks = await captured!;
        // Video first, then audio: each publication is its own negotiation, which every SFU handles.
        tracks.sort((x, y) => (x.kind === Track.Kind.Video ? -1 : 0) - (y.kind === Track.Kind.Video ? -1 : 0));
        for (const track of tracks) {
          if (this.stopped) track.stop();
          else await lp.publishTrack(track);
        }
      });
    } catch {
      if (this.stopped) return; // the room is gone (left, or its connection failed)
      if (want.camera) await this.change('camera', () => lp.setCameraEnabled(true));
      if (want.microphone) await this.change('microphone', () => lp.setMicrophoneEnabled(true, soundConstraints(mediaSettings.value)));
    }
    this.refresh();
    if (want.camera) await this.applyBackground();
  }

  async setCamera(on: boolean): Promise<void> {
    await this.change('camera', () => this.room.localParticipant.setCameraEnabled(on));
    if (on) await this.applyBackground();
  }

  /**
   * Puts the chosen background on the live camera, changes it, or takes it off (the effects chunk
   * loads the first time one is chosen). One change at a time, each for the latest choice.
   */
  applyBackground(): Promise<void> {
    this.backgroundQueue = this.backgroundQueue.then(async () => {
      const choice = mediaSettings.value.background;
      if (this.stopped || (!this.background && choice === 'none')) return;
      const { CameraBackground } = await import('../effects/live-effects.js');
      this.background ??= new CameraBackground();
      const track = this.room.localParticipant.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
      if (await this.background.apply(track, choice, () => !this.stopped)) this.refresh();
    }).catch(() => undefined);
    return this.backgroundQueue;
  }

  setMicrophone(on: boolean): Promise<void> {
    return this.change('microphone', () => this.room.localParticipant.setMicrophoneEnabled(on, on ? soundConstraints(mediaSettings.value) : undefined));
  }

  /** Gives the live microphone the sound settings without leaving the call (see effects/live-effects). */
  async applySound(settings: MediaSettings): Promise<void> {
    const track = this.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track as LocalAudioTrack | undefined;
    if (!track || this.stopped) return;
    try {
      const { applySound } = await import('../effects/live-effects.js');
      if (!this.stopped) await applySound(track, settings);
    } catch (err) {
      this.problems.update((list) => [...list.filter((p) => p.source !== 'microphone'), { source: 'microphone', failure: failureOf(err) }]);
    }
    this.refresh();
  }

  /** Screen share goes out as one layer (text stays sharp); with the tab's audio where offered. */
  setScreenShare(on: boolean, withAudio = true): Promise<void> {
    return this.change('screen', () =>
      this.room.localParticipant.setScreenShareEnabled(on, { audio: withAudio, selfBrowserSurface: 'exclude', systemAudio: 'include' }, { simulcast: false }),
    );
  }

  /** Re-reads the local publications into the state. */
  refresh(): void {
    if (this.stopped) return;
    const lp = this.room.localParticipant;
    const cam = lp.getTrackPublication(Track.Source.Camera);
    const mic = lp.getTrackPublication(Track.Source.Microphone);
    const scr = lp.getTrackPublication(Track.Source.ScreenShare);
    const camera = cam && !cam.isMuted ? cam.track?.mediaStreamTrack : undefined;
    const microphone = mic && !mic.isMuted ? mic.track?.mediaStreamTrack : undefined;
    const screen = scr?.track?.mediaStreamTrack;
    this.state.set({
      cameraOn: !!cam && !cam.isMuted,
      micOn: !!mic && !mic.isMuted,
      screenSharing: !!scr?.track,
      ...(camera ? { camera } : {}),
      ...(microphone ? { microphone } : {}),
      ...(screen ? { screen } : {}),
      busy: this.pending > 0,
      audioBlocked: !this.room.canPlaybackAudio,
    });
  }

  private async change(source: MediaSource, run: () => Promise<unknown>): Promise<void> {
    try {
      await this.guarded(run);
      this.problems.update((list) => list.filter((p) => p.source !== source));
    } catch (err) {
      // Closing the screen picker is a choice, not a problem (Chrome: "Permission denied by
      // user"); only the operating system refusing it ("… by system") is one.
      if (source === 'screen' && err instanceof Error && err.name === 'NotAllowedError' && !/system/i.test(err.message)) return;
      const problem: MediaProblem = { source, failure: failureOf(err) };
      this.problems.update((list) => [...list.filter((p) => p.source !== source), problem]);
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
}

export function failureOf(err: unknown): MediaProblem['failure'] {
  switch (MediaDeviceFailure.getFailure(err)) {
    case MediaDeviceFailure.PermissionDenied: return 'permission_denied';
    case MediaDeviceFailure.NotFound: return 'no_device';
    case MediaDeviceFailure.DeviceInUse: return 'in_use';
    default: return 'other';
  }
}
