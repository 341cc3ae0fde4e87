// The call history's German and English strings, in the history entry (timio-history.js), not the
// light part.
import type { CallHistoryCatalog, Catalog } from '../../i18n/catalog.js';

const de: CallHistoryCatalog = {
  label: 'Anrufjournal',
  loading: 'Journal wird geladen …',
  empty: 'Noch keine Anrufe.',
  failed: 'Das Journal konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  more: 'Ältere Einträge laden',
  when: 'Wann',
  who: 'Kontakt',
  direction: 'Richtung',
  outcome: 'Ergebnis',
  duration: 'Dauer',
  outgoing: 'Ausgehend',
  incoming: 'Eingehend',
  meeting: 'Besprechung',
  calledBy: (name) => `${name} hat gerufen`,
  callBack: (name) => `${name} zurückrufen`,
  openRoom: (room) => `Raum ${room} öffnen`,
  outcomes: {
    completed: 'Angenommen', declined: 'Abgelehnt', busy: 'Besetzt', no_answer: 'Keine Antwort',
    cancelled: 'Abgebrochen', failed: 'Fehlgeschlagen', missed: 'Verpasst', joined: 'Teilgenommen',
  },
};

const en: CallHistoryCatalog = {
  label: 'Call journal',
  loading: 'Loading the journal …',
  empty: 'No calls yet.',
  failed: 'The journal could not be loaded.',
  retry: 'Try again',
  more: 'Load older entries',
  when: 'When',
  who: 'Contact',
  direction: 'Direction',
  outcome: 'Outcome',
  duration: 'Duration',
  outgoing: 'Outgoing',
  incoming: 'Incoming',
  meeting: 'Meeting',
  calledBy: (name) => `called by ${name}`,
  callBack: (name) => `Call ${name} back`,
  openRoom: (room) => `Open the room ${room}`,
  outcomes: {
    completed: 'Answered', declined: 'Declined', busy: 'Busy', no_answer: 'No answer',
    cancelled: 'Cancelled', failed: 'Failed', missed: 'Missed', joined: 'Joined',
  },
};

/** The host's strings for the history when its catalog has them, else the SDK's German or English. */
export function historyStrings(t: Catalog): CallHistoryCatalog {
  return t.callHistory ?? (t.locale.toLowerCase().startsWith('de') ? de : en);
}
