// The person's sound and background settings: the browser's own microphone processing (noise
// suppression, echo cancellation, automatic gain) and the camera background (none, blur or one of
// the host's images). Remembered in this browser's localStorage (the person's profile on this
// device) and shared by every call and meeting on the page: a view changes the store, the running
// session follows it on its live tracks. No LiveKit here: views import it.
import { Store, shallowEqual } from './store.js';

/** 'none', 'blur', or the URL of one of the host's background images. */
export type BackgroundChoice = 'none' | 'blur' | `image:${string}`;

export interface MediaSettings {
  noiseSuppression: boolean;
  echoCancellation: boolean;
  autoGainControl: boolean;
  background: BackgroundChoice;
}

export const MEDIA_SETTINGS_KEY = 'timio.media-settings';
export const DEFAULT_MEDIA_SETTINGS: MediaSettings = { noiseSuppression: true, echoCancellation: true, autoGainControl: true, background: 'none' };

export function readMediaSettings(storage: Pick<Storage, 'getItem'> | undefined = localStorageOrNone()): MediaSettings {
  try {
    const saved = JSON.parse(storage?.getItem(MEDIA_SETTINGS_KEY) ?? 'null') as Partial<MediaSettings> | null;
    if (!saved || typeof saved !== 'object') return { ...DEFAULT_MEDIA_SETTINGS };
    const bg = saved.background;
    return {
      noiseSuppression: saved.noiseSuppression !== false,
      echoCancellation: saved.echoCancellation !== false,
      autoGainControl: saved.autoGainControl !== false,
      background: bg === 'blur' || (typeof bg === 'string' && bg.startsWith('image:') && bg.length > 6) ? bg : 'none',
    };
  } catch {
    return { ...DEFAULT_MEDIA_SETTINGS };
  }
}

/** The page's one settings store: every view and session reads the same. */
export const mediaSettings = new Store<MediaSettings>(readMediaSettings(), shallowEqual);

/**
 * How the camera background runs now: 'off' (none chosen or no camera), 'starting', 'running',
 * or the camera goes unprocessed because the device is too 'slow' or the processing 'failed'.
 */
export type BackgroundState = 'off' | 'starting' | 'running' | 'slow' | 'failed';
export const backgroundState = new Store<BackgroundState>('off');

/** Changes some settings and remembers them (storage off, e.g. private mode: this page keeps them). */
export function changeMediaSettings(change: Partial<MediaSettings>): void {
  mediaSettings.set({ ...mediaSettings.value, ...change });
  try {
    localStorageOrNone()?.setItem(MEDIA_SETTINGS_KEY, JSON.stringify(mediaSettings.value));
  } catch {
    // full or disabled storage: the choice holds for this page
  }
}

/** The microphone constraints of these settings (the browser's own audio processing). */
export function soundConstraints(s: MediaSettings): Pick<MediaTrackConstraints, 'noiseSuppression' | 'echoCancellation' | 'autoGainControl'> {
  return { noiseSuppression: s.noiseSuppression, echoCancellation: s.echoCancellation, autoGainControl: s.autoGainControl };
}

function localStorageOrNone(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // a sandboxed frame throws on access
  }
}

// Another tab of this person changed them: this page follows (the next call starts with them).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === MEDIA_SETTINGS_KEY) mediaSettings.set(readMediaSettings());
  });
}
