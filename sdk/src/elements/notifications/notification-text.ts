// The words of the popups: the caller's state sentence and a safe DOM id.
import type { Catalog } from '../../i18n/catalog.js';
import type { OutgoingCallView } from '../../calls/call-types.js';

export function outgoingMessage(t: Catalog, view: OutgoingCallView): string {
  const w = t.outgoingCall;
  const name = view.contact.name;
  if (view.phase !== 'ended') return w[view.phase](name);
  // An outcome with a sentence of its own; any other end (failed) says why when the service said.
  const said = view.outcome === 'declined' ? w.declined : view.outcome === 'busy' ? w.busy : view.outcome === 'no_answer' ? w.noAnswer : undefined;
  if (said) return said(name);
  if (view.outcome === 'cancelled') return w.cancelled;
  return (view.error && t.errors[view.error.code]) ?? w.failed;
}

export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
