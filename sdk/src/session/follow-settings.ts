// The person's sound and background settings (changed in any panel, or in another tab) followed on
// the live tracks, one change at a time so two quick switches never race on the microphone.
import { mediaSettings } from './media-settings.js';
import type { LocalMedia } from './local-media.js';

/** Starts following; the returned function stops it. The settings the media started with are not applied again. */
export function followMediaSettings(media: LocalMedia): () => void {
  let applied: Promise<void> = Promise.resolve();
  let first = true;
  return mediaSettings.subscribe((settings) => {
    if (first) {
      first = false;
      return;
    }
    applied = applied
      .then(() => media.applySound(settings))
      .then(() => media.applyBackground())
      .catch(() => undefined);
  });
}
