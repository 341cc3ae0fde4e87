// The short "Gespräch beendet" notice the call window turns into once the call is over: who with and
// how long; it fades by itself (CSS animation) or the person dismisses it.
import { html, nothing } from 'lit';
import { icons } from '../icons.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';

export function endedNotice(t: CallWindowCatalog, name: string, duration: string, locale: string | undefined, dismiss: () => void) {
  return html`<div class="notice" part="notice" role="status" lang=${locale ?? nothing} @animationend=${dismiss}>
    <span class="notice-text"><strong>${t.endedNotice}</strong> <span>${t.endedWith(name, duration)}</span></span>
    <button type="button" class="notice-close" aria-label=${t.dismissNotice} title=${t.dismissNotice} @click=${dismiss}>${icons.close}</button>
  </div>`;
}
