// The English strings of the caller's popup, a call's notices and call errors. They ship inside the calls chunk rather than in a module of
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
  leaveCallFirst: 'You are in a call. To join, end it first. End it now and join?',
  partnerNeverJoined: (name) => `${name} did not join the call. The call has ended.`,
  errors: {
    call_ended: 'The call has already ended.',
    call_not_ringing: 'The call has already ended.',
    already_in_call: 'You are already in a call.',
    busy: 'The contact is in another call.',
  },
};
