// The caller's popup of <timio-notifications> ("Ausgehender Videocall": calling, ringing,
// connecting, and how it ended, "abgelehnt", "nimmt nicht ab", …), and the words of a call's
// notices and errors. Only a page with a call needs them, so it comes with the calls chunk (calls/page-machine.ts), not the light part; the
// element draws it once that chunk is there (PageCalls.chunk), its strings included.
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog, OutgoingCallCatalog } from '../../i18n/catalog.js';
import type { CallInfo } from '#protocol/realtime.js';
import type { CallSnapshot, OutgoingCallView } from '../../calls/call-types.js';
import { phoneDownIcon } from '../shared/icons.js';
import { initials } from '../shared/initials.js';
import { outgoingCallDe } from './i18n/de.js';
import { outgoingCallEn } from './i18n/en.js';

/** The host catalog's own section, else the SDK's in the catalog's language (English or German). */
export function outgoingStrings(t: Catalog): OutgoingCallCatalog {
  return t.outgoingCall ?? (t.locale.toLowerCase().startsWith('en') ? outgoingCallEn : outgoingCallDe);
}

/** The caller's state in one sentence (the popup's message and the screen reader's status). */
export function outgoingMessage(t: Catalog, view: OutgoingCallView): string {
  const w = outgoingStrings(t);
  const name = view.contact.name;
  if (view.phase !== 'ended') return w[view.phase](name);
  // An outcome with a sentence of its own; any other end (failed) says why when the service said.
  const said = view.outcome === 'declined' ? w.declined : view.outcome === 'busy' ? w.busy : view.outcome === 'no_answer' ? w.noAnswer : undefined;
  if (said) return said(name);
  if (view.outcome === 'cancelled') return w.cancelled;
  return (view.error && callError(t, view.error.code)) || w.failed;
}

/** An error's words: the catalog's own, else the calls chunk's for the errors only a call meets. */
export function callError(t: Catalog, code: string): string | undefined {
  return t.errors[code] ?? (outgoingStrings(t).errors as Readonly<Record<string, string>>)[code];
}

/** The notice for a call of this page that ended before the partner ever came into it (their page went away). */
export function endedNotice(t: Catalog, call: CallInfo, selfId: string | undefined): string | undefined {
  if (call.reason !== 'not_joined') return undefined;
  return outgoingStrings(t).partnerNeverJoined((call.caller.id === selfId ? call.callee : call.caller).name);
}

/** The popup; `cancel` hangs up while it rings, or closes it once it ended. */
export function outgoingPopup(t: Catalog, view: OutgoingCallView, cancel: () => void): TemplateResult {
  const w = outgoingStrings(t);
  const ended = view.phase === 'ended';
  return html`<div class="popup outgoing ${ended ? 'ended' : ''}" part="popup" role="group" aria-label=${view.contact.name} data-phase=${view.phase} data-outcome=${view.outcome ?? nothing}>
      <div class="avatar" aria-hidden="true">${initials(view.contact.name)}</div>
      <div class="text">
        <p class="title">${w.title}</p>
        <p class="message">${outgoingMessage(t, view)}</p>
      </div>
      <div class="actions">
        ${ended
          ? html`<button class="close" type="button" @click=${cancel}>${w.close}</button>`
          : view.phase === 'connecting'
            ? nothing
            : html`<button class="decline hangup" part="decline" type="button" @click=${cancel}>${phoneDownIcon}${w.cancel}</button>`}
      </div>
    </div>`;
}

let endedTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Closes the popup of an ended call ("abgelehnt", "nimmt nicht ab", …) after `ms`, unless it was
 * closed or another call began meanwhile; called on every render of <timio-notifications>. One
 * timer per page: a page places one call at a time.
 */
export function closeEndedLater(calls: { snapshot(): CallSnapshot; cancel(): Promise<void> }, ms: number): void {
  const outgoing = calls.snapshot().outgoing;
  if (outgoing?.phase !== 'ended') {
    clearTimeout(endedTimer);
    endedTimer = undefined;
    return;
  }
  endedTimer ??= setTimeout(() => {
    endedTimer = undefined;
    if (calls.snapshot().outgoing === outgoing) void calls.cancel();
  }, ms);
}
