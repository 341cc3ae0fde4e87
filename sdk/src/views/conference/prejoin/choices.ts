// The person's media choices at joining (camera and microphone on or off, which devices),
// remembered in localStorage so the popup's "Teilnehmen" joins "as last chosen".
export interface MediaChoices {
  camera: boolean;
  microphone: boolean;
  cameraId?: string;
  microphoneId?: string;
}

const KEY = 'timio.media-choices';
const DEFAULTS: MediaChoices = { camera: true, microphone: true };

export function loadChoices(): MediaChoices {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<MediaChoices> | null;
    if (!saved || typeof saved !== 'object') return { ...DEFAULTS };
    return {
      camera: saved.camera !== false,
      microphone: saved.microphone !== false,
      ...(typeof saved.cameraId === 'string' ? { cameraId: saved.cameraId } : {}),
      ...(typeof saved.microphoneId === 'string' ? { microphoneId: saved.microphoneId } : {}),
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveChoices(choices: MediaChoices): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choices));
  } catch {
    // storage may be off (private mode); the next join uses the defaults
  }
}
