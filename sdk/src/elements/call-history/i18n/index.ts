// The call history's German strings, in the history entry (timio-history.js), not the light part;
// other languages in ./en.ts, loaded when needed (i18n/lazy-strings.ts).
import type { CallHistoryCatalog } from '../../../i18n/catalog.js';
import { lazyStrings } from '../../../i18n/lazy-strings.js';

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

/** The host's own history strings (a registered catalog with `callHistory`), else the SDK's in its language, else German. */
export const historyStrings = lazyStrings('callHistory', de, { en: () => import('./en.js').then((m) => m.en) });
