// The words of the popups: the caller's state sentence and a safe DOM id.
import type { Catalog } from '../../i18n/catalog.js';
import type { OutgoingCallView } from '../../calls/call-types.js';

export function outgoingMessage(t: Catalog, view: OutgoingCallView): string {
  const name = view.contact.name;
  switch (view.phase) {
    case 'calling':
      return t.outgoingCall.calling(name);
    case 'ringing':
      return t.outgoingCall.ringing(name);
    case 'connecting':
      return t.outgoingCall.connecting(name);
    case 'ended':
      switch (view.outcome) {
        case 'declined':
          return t.outgoingCall.declined(name);
        case 'busy':
          return t.outgoingCall.busy(name);
        case 'no_answer':
          return t.outgoingCall.noAnswer(name);
        case 'cancelled':
          return t.outgoingCall.cancelled;
        default:
          return view.error ? t.errors[view.error.code] ?? t.outgoingCall.failed : t.outgoingCall.failed;
      }
  }
}

export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
