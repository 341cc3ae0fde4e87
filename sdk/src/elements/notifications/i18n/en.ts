// The caller's popup's English strings. They ship inside the calls chunk rather than in a module of
// their own (the layout of i18n/lazy-strings.ts): about 120 bytes gzip, against a second fetch the
// popup would wait for after the chunk, and nothing may show German on an English page meanwhile.
import type { OutgoingCallCatalog } from '../../../i18n/catalog.js';

export const outgoingCallEn: OutgoingCallCatalog = {
  title: 'Outgoing video call',
  calling: (name) => `Calling ${name} …`,
  ringing: (name) => `Ringing ${name} …`,
  connecting: (name) => `Connecting to ${name} …`,
  declined: (name) => `${name} declined the call.`,
  busy: (name) => `${name} is in another call.`,
  noAnswer: (name) => `${name} did not answer.`,
  cancelled: 'The call was cancelled.',
  failed: 'The call failed.',
  cancel: 'Hang up',
  close: 'Close',
};
