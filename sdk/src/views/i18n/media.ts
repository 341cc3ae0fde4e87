// The shared media parts' German and English strings (tiles, badges, control bar), in the views
// chunk, not the light part.
import type { Catalog, MediaCatalog } from '../../i18n/catalog.js';

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

export const mediaEn: MediaCatalog = {
  self: (name) => `${name} (you)`,
  micMuted: 'Microphone off',
  cameraOff: 'Camera off',
  handRaised: 'Hand raised',
  speaking: 'Speaking',
  guest: 'Guest',
  moderator: 'Moderator',
  quality: { poor: 'Weak connection', lost: 'Connection lost' },
  moreControls: 'More controls',
  withShortcut: (label, key) => `${label} (key ${key})`,
};

/** The host's own media strings (a registered catalog with `media`), else the SDK's German or English ones. */
export function mediaStrings(t: Catalog): MediaCatalog {
  // Like catalogFor(): German for German, English for every other language.
  return t.media ?? (t.locale.toLowerCase().startsWith('de') ? mediaDe : mediaEn);
}
