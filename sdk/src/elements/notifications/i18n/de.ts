// The German strings of the caller's popup, a call's notices and the errors only a call meets, in the calls chunk (calls/page-machine.ts), not the light
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
  leaveCallFirst: 'Sie sind in einem Gespräch. Um teilzunehmen, beenden Sie es zuerst. Jetzt beenden und teilnehmen?',
  partnerNeverJoined: (name) => `${name} ist dem Gespräch nicht beigetreten. Das Gespräch wurde beendet.`,
  errors: {
    call_ended: 'Das Gespräch ist bereits beendet.',
    call_not_ringing: 'Der Anruf ist bereits beendet.',
    already_in_call: 'Sie sind bereits in einem Gespräch.',
    busy: 'Der Kontakt ist gerade in einem anderen Gespräch.',
  },
};
