// The caller's popup's German strings, in the calls chunk (calls/page-machine.ts), not the light
// part: the chunk loads on the page's first call event or action, before the popup shows (outgoing-popup.ts).
import type { OutgoingCallCatalog } from '../../../i18n/catalog.js';

export const outgoingCallDe: OutgoingCallCatalog = {
  title: 'Ausgehender Videocall',
  calling: (name) => `${name} wird angerufen …`,
  ringing: (name) => `Es klingelt bei ${name} …`,
  connecting: (name) => `Verbindung mit ${name} wird aufgebaut …`,
  declined: (name) => `${name} hat den Anruf abgelehnt.`,
  busy: (name) => `${name} ist gerade in einem anderen Gespräch.`,
  noAnswer: (name) => `${name} nimmt nicht ab.`,
  cancelled: 'Der Anruf wurde abgebrochen.',
  failed: 'Der Anruf ist fehlgeschlagen.',
  cancel: 'Auflegen',
  close: 'Schließen',
};
