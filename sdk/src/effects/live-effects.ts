// The running call's side of the sound and background settings, in the lazily loaded effects
// chunk (with the background pipeline): the session + views chunk only asks for it when a setting
// differs from the browser's defaults. Type-only LiveKit imports: the session hands in its tracks.
import type { LocalAudioTrack, LocalVideoTrack } from 'livekit-client';
import { getConfig } from '../config/config.js';
import { backgroundState, soundConstraints, type BackgroundChoice, type MediaSettings } from '../session/media-settings.js';
import { backgroundSupport } from './background-support.js';
import { BackgroundProcessor, effectsBaseUrl } from './background-processor.js';
import { BackgroundPipeline } from './background-pipeline.js';

/** Where the segmentation files are: the host's setting, else `effects/` beside the SDK's chunks. */
function baseUrl(): string {
  return getConfig()?.effectsUrl ?? effectsBaseUrl();
}

/**
 * Gives the live microphone the sound settings without leaving the call: the browser changes its
 * processing in place where it can (applyConstraints); where the track keeps its old processing
 * (checked in getSettings), the microphone is captured anew with them and replaces the published
 * one (same publication, no renegotiation). Throws what capturing anew threw.
 */
export async function applySound(track: LocalAudioTrack, settings: MediaSettings): Promise<void> {
  const want = soundConstraints(settings);
  const follows = () => {
    const got = track.mediaStreamTrack.getSettings() as Record<string, unknown>;
    return Object.entries(want).every(([k, v]) => got[k] === undefined || got[k] === v);
  };
  if (follows()) return;
  try {
    await track.applyConstraints(want);
  } catch {
    // some browsers refuse to change processing on a running track: restarted below
  }
  if (follows()) return;
  const deviceId = track.mediaStreamTrack.getSettings().deviceId;
  await track.restartTrack({ ...want, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) });
}

/** The background on the session's camera track (LiveKit processor), put on, changed, taken off. */
export class CameraBackground {
  private current?: { processor: BackgroundProcessor; track: LocalVideoTrack };

  /**
   * Applies `choice` to `track` (undefined: no camera). Where the browser or page cannot run a
   * background, or it fails to start, the camera stays as it is. True when the track changed.
   */
  async apply(track: LocalVideoTrack | undefined, choice: BackgroundChoice, still: () => boolean): Promise<boolean> {
    let changed = false;
    const cur = this.current;
    if (cur && (choice === 'none' || cur.track !== track || cur.track.getProcessor() !== cur.processor)) {
      this.current = undefined;
      if (cur.track.getProcessor() === cur.processor) await cur.track.stopProcessor().catch(() => undefined);
      backgroundState.set('off');
      changed = true;
    }
    if (choice === 'none' || !track) return changed;
    if (this.current) {
      this.current.processor.setChoice(choice);
      return changed;
    }
    if ((await backgroundSupport()) !== 'ok' || !still()) return changed;
    backgroundState.set('starting');
    const processor = new BackgroundProcessor({
      baseUrl: baseUrl(),
      choice,
      onStatus: (status) => {
        if (this.current?.processor === processor) backgroundState.set(status);
      },
    });
    this.current = { processor, track };
    try {
      await track.setProcessor(processor);
    } catch {
      this.current = undefined;
      backgroundState.set('failed');
    }
    return true;
  }
}

/** The pre-join preview with the chosen background; undefined where none can run. */
export async function previewBackground(input: MediaStreamTrack, choice: BackgroundChoice): Promise<BackgroundPipeline | undefined> {
  if ((await backgroundSupport()) !== 'ok') return undefined;
  return BackgroundPipeline.start(input, { baseUrl: baseUrl(), choice });
}

export { BackgroundPipeline, backgroundSupport };
