// "Alle Mitglieder rufen" once its button is pressed: the confirmation dialog that says who will be
// rung (ring-reach.ts), and the ring. A chunk of its own, fetched on the first press: the light
// part's size budget has no room for what only starting a meeting needs, and a confirmed ring
// opens the conference (the views chunks) right after anyway. The SDK's wording of the dialog's
// button and of the result comes along in German and English (a host's catalog may bring its own:
// `roomBar.confirm`, `roomBar.rung`).
import { html, type TemplateResult } from 'lit';
import type { RoomRingResult } from '#protocol/rest.js';
import type { Catalog } from '../../i18n/catalog.js';
import { TimioApiError } from '../../api/api-error.js';
import { ringDialogStyles } from './ring-dialog.styles.js';

export { ringReach } from './ring-reach.js';

type Words = { confirm: string; rung: (n: number) => string };

const de: Words = {
  confirm: 'Bestätigen',
  rung: (n) => (n === 0 ? 'Gerade ist kein anderes Mitglied angemeldet.' : n === 1 ? '1 Mitglied wird gerufen.' : `${n} Mitglieder werden gerufen.`),
};
const en: Words = {
  confirm: 'Confirm',
  rung: (n) => (n === 0 ? 'No other member is signed in right now.' : n === 1 ? 'Calling 1 member.' : `Calling ${n} members.`),
};
const words = (t: Catalog): Words => (t.locale.toLowerCase().startsWith('de') ? de : en);

/** Adds the dialog's styles to the room bar's shadow root (once). */
export function adoptRingDialogStyles(root: ShadowRoot): void {
  const sheet = ringDialogStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The confirmation (the room bar opens it with showModal): `reach` says who will be rung;
 * "Abbrechen" comes first. `closed(true)` when confirmed; Escape and "Abbrechen" give false.
 */
export function ringDialog(t: Catalog, reach: string, closed: (confirmed: boolean) => void): TemplateResult {
  const close = (e: Event, value: string) => (e.target as Element).closest('dialog')?.close(value);
  const onClose = (e: Event) => {
    const dialog = e.target as HTMLDialogElement;
    const confirmed = dialog.returnValue === 'confirm';
    dialog.returnValue = '';
    closed(confirmed);
  };
  // No whitespace between the tags, like the bar's own template: the dialog lays out its children.
  return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${onClose}><h2 id="confirm-title">${
    t.roomBar.ringAll}</h2><p id="confirm-text">${reach}</p><div class="actions"><button type="button" @click=${(e: Event) => close(e, 'cancel')}>${
    t.roomBar.cancel}</button><button class="primary" type="button" @click=${(e: Event) => close(e, 'confirm')}>${t.roomBar.confirm ?? words(t).confirm}</button></div></dialog>`;
}

/** Rings every other member of `room`; says how many were rung, or why it failed. */
export async function ringAll(api: { ringRoom(room: string): Promise<RoomRingResult> }, room: string, t: Catalog): Promise<{ ok: boolean; message: string }> {
  try {
    const result = await api.ringRoom(room);
    return { ok: true, message: (t.roomBar.rung ?? words(t).rung)(result.invited.length) };
  } catch (err) {
    return { ok: false, message: err instanceof TimioApiError ? t.errors[err.code] ?? t.errors.fallback : t.errors.fallback };
  }
}
