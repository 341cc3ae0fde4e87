// The call history's English strings, fetched only by pages in English (./index.ts).
import type { CallHistoryCatalog } from '../../../i18n/catalog.js';

export const en: CallHistoryCatalog = {
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
