// The sound switches' and the camera background's German strings, with their settings (loaded on
// a click); other languages in ./en.ts, loaded when needed (i18n/lazy-strings.ts).
import type { EffectsCatalog } from '../../i18n/catalog.js';
import { lazyStrings } from '../../i18n/lazy-strings.js';

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

/** The host's own strings (a registered catalog with `effects`), else the SDK's in its language, else German. */
export const effectsStrings = lazyStrings('effects', effectsDe, { en: () => import('./en.js').then((m) => m.effectsEn) });
