// The strings of the "Kollegen hinzurufen" dialog and of the notices of the rung colleagues'
// answers, German and English. They come with the dialog's own chunk (loaded on the first press),
// so neither the light part nor the conference carries them; the button's label is in the
// conference catalog (callIn).
import type { ColleagueRingOutcome, PresenceStatus } from '#protocol/realtime.js';
import type { ColleagueRingResult } from '#protocol/rest.js';

export interface CallInStrings {
  title: string;
  close: string;
  searchLabel: string;
  searchHint: string;
  found(n: number): string;
  presence: Record<PresenceStatus, string>;
  picked: string;
  unpick(name: string): string;
  ring(n: number): string;
  /** What became of a colleague: the ring's answer in the dialog, the later answers as notices. */
  said: Record<ColleagueRingResult['outcome'] | ColleagueRingOutcome, (name: string) => string>;
  unavailable: string;
  tooMany: string;
  failed: string;
}

const de: CallInStrings = {
  title: 'Kollegen hinzurufen',
  close: 'Schließen',
  searchLabel: 'Name suchen',
  searchHint: 'Angemeldete Kollegen können Sie in diese Besprechung rufen.',
  found: (n) => (n === 0 ? 'Niemand gefunden.' : n === 1 ? '1 Person gefunden.' : `${n} Personen gefunden.`),
  presence: { online: 'angemeldet', busy: 'beschäftigt', offline: 'nicht angemeldet' },
  picked: 'Ausgewählt',
  unpick: (name) => `${name} entfernen`,
  ring: (n) => (n > 1 ? `${n} Personen rufen` : 'Rufen'),
  said: {
    ringing: (n) => `${n} wird gerufen …`,
    present: (n) => `${n} ist schon in der Besprechung.`,
    busy: (n) => `${n} ist gerade beschäftigt.`,
    offline: (n) => `${n} ist nicht angemeldet.`,
    declined: (n) => `${n} hat abgelehnt.`,
    no_answer: (n) => `${n} hat nicht geantwortet.`,
  },
  unavailable: 'Die Suche nach Kollegen ist hier nicht eingerichtet.',
  tooMany: 'Bitte warten Sie einen Moment, bevor Sie dieselbe Person noch einmal rufen.',
  failed: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
};

/** "Person hinzufügen" in the 1:1 call window: the same dialog, said for a call that becomes a meeting. */
const deCall: CallInStrings = {
  ...de,
  title: 'Person hinzufügen',
  searchHint: 'Angemeldete Kollegen können Sie zu diesem Gespräch hinzufügen. Es wird dann zur Besprechung.',
  ring: (n) => (n > 1 ? `${n} Personen hinzufügen` : 'Hinzufügen'),
};

const en: CallInStrings = {
  title: 'Call in a colleague',
  close: 'Close',
  searchLabel: 'Search by name',
  searchHint: 'Colleagues who are signed in can be called into this meeting.',
  found: (n) => (n === 0 ? 'Nobody found.' : n === 1 ? '1 person found.' : `${n} people found.`),
  presence: { online: 'signed in', busy: 'busy', offline: 'not signed in' },
  picked: 'Selected',
  unpick: (name) => `Remove ${name}`,
  ring: (n) => (n > 1 ? `Call ${n} people` : 'Call'),
  said: {
    ringing: (n) => `Calling ${n} …`,
    present: (n) => `${n} is already in the meeting.`,
    busy: (n) => `${n} is busy right now.`,
    offline: (n) => `${n} is not signed in.`,
    declined: (n) => `${n} declined.`,
    no_answer: (n) => `${n} did not answer.`,
  },
  unavailable: 'Searching for colleagues is not set up here.',
  tooMany: 'Please wait a moment before calling the same person again.',
  failed: 'That did not work. Please try again.',
};

const enCall: CallInStrings = {
  ...en,
  title: 'Add person',
  searchHint: 'Colleagues who are signed in can be added to this call. It then becomes a meeting.',
  ring: (n) => (n > 1 ? `Add ${n} people` : 'Add'),
};

/** German for German, English for every other language (like the SDK's catalogs); `call`: the call window's "Person hinzufügen". */
export const callInStrings = (locale: string, call = false): CallInStrings =>
  locale.toLowerCase().startsWith('de') ? (call ? deCall : de) : call ? enCall : en;
