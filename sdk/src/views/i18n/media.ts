// The shared media parts' German strings (tiles, badges, control bar), in the session chunk (not
// the light part); other languages in ./en.ts, loaded when needed (i18n/lazy-strings.ts).
import type { MediaCatalog } from '../../i18n/catalog.js';
import { lazyStrings } from '../../i18n/lazy-strings.js';

export const mediaDe: MediaCatalog = {
  self: (name) => `${name} (Sie)`,
  micMuted: 'Mikrofon aus',
  cameraOff: 'Kamera aus',
  handRaised: 'Hand gehoben',
  speaking: 'Spricht',
  guest: 'Gast',
  moderator: 'Moderation',
  quality: { poor: 'Schwache Verbindung', lost: 'Verbindung verloren' },
  moreControls: 'Weitere Steuerelemente',
  withShortcut: (label, key) => `${label} (Taste ${key})`,
};

/** The host's own media strings (a registered catalog with `media`), else the SDK's in its language, else German. */
export const mediaStrings = lazyStrings('media', mediaDe, { en: () => import('./en.js').then((m) => m.mediaEn) });
