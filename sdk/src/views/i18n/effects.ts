// The sound switches' and the camera background's German and English strings, in the views chunk.
import type { Catalog, EffectsCatalog } from '../../i18n/catalog.js';

export const effectsDe: EffectsCatalog = {
  sound: 'Ton',
  noiseSuppression: 'Rauschunterdrückung',
  echoCancellation: 'Echounterdrückung',
  autoGainControl: 'Automatische Lautstärke',
  background: 'Hintergrund',
  none: 'Keiner',
  blur: 'Weichzeichnen',
  image: (n) => `Bild ${n}`,
  state: {
    starting: 'Hintergrund wird vorbereitet …',
    slow: 'Ihr Gerät ist für den Hintergrund zu langsam. Die Kamera läuft ohne ihn.',
    failed: 'Der Hintergrund konnte nicht gestartet werden. Die Kamera läuft ohne ihn.',
  },
  unsupported: {
    'no-wasm': 'Hintergründe sind in diesem Browser nicht verfügbar (kein WebAssembly).',
    'no-simd': 'Hintergründe sind in diesem Browser nicht verfügbar (WebAssembly ohne SIMD).',
    'no-webgl': 'Hintergründe sind in diesem Browser nicht verfügbar (kein WebGL).',
    csp: 'Hintergründe sind auf dieser Seite nicht freigegeben (Sicherheitsrichtlinie).',
  },
};

export const effectsEn: EffectsCatalog = {
  sound: 'Sound',
  noiseSuppression: 'Noise suppression',
  echoCancellation: 'Echo cancellation',
  autoGainControl: 'Automatic volume',
  background: 'Background',
  none: 'None',
  blur: 'Blur',
  image: (n) => `Image ${n}`,
  state: {
    starting: 'Preparing the background …',
    slow: 'Your device is too slow for the background. The camera runs without it.',
    failed: 'The background could not be started. The camera runs without it.',
  },
  unsupported: {
    'no-wasm': 'Backgrounds are not available in this browser (no WebAssembly).',
    'no-simd': 'Backgrounds are not available in this browser (WebAssembly without SIMD).',
    'no-webgl': 'Backgrounds are not available in this browser (no WebGL).',
    csp: 'Backgrounds are not enabled on this page (security policy).',
  },
};

/** The host's own strings (a registered catalog with `effects`), else German or English. */
export function effectsStrings(t: Catalog): EffectsCatalog {
  return t.effects ?? (t.locale.toLowerCase().startsWith('de') ? effectsDe : effectsEn);
}
