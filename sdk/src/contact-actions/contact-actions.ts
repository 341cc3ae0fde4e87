// "Weitere Kontaktoptionen": the host's own actions on a contact ("Chat öffnen", "Profil
// anzeigen"), registered once per page and offered wherever the SDK shows a contact: the contact
// menu of every <timio-contact>, and (read from here) the call window's header for the partner.
// Choosing one goes through chooseContactAction, so every place behaves the same.
import type { UserRef } from '#protocol/realtime.js';
import { TimioContactActionEvent } from '../events.js';

export interface ContactAction {
  /** Names the action in `timio-contact-action`; registering the same id again replaces it. */
  id: string;
  /** The item's text: one string, or one per language (`{de: 'Chat öffnen', en: 'Open chat'}`). */
  label: string | Readonly<Record<string, string>>;
  /** Runs when the user chooses the action. */
  run?: (contact: UserRef) => void;
  /** Makes the item a link to this address instead (it opens like any link). */
  href?: (contact: UserRef) => string;
  /** Offer the action only for contacts for which this is true (default: every contact). */
  when?: (contact: UserRef) => boolean;
}

let actions: readonly ContactAction[] = [];
const listeners = new Set<() => void>();

/**
 * Adds the host's contact actions (in this order, after earlier ones; an id registered before
 * is replaced in place). Returns a function that removes them again.
 */
export function registerContactActions(list: readonly ContactAction[]): () => void {
  if (!Array.isArray(list)) throw new TypeError('registerContactActions expects an array of actions');
  const added = list.map(checked);
  const ids = new Set(added.map((a) => a.id));
  if (ids.size !== added.length) throw new TypeError('registerContactActions: every action needs its own id');
  const kept = actions.map((a) => added.find((n) => n.id === a.id) ?? a);
  actions = [...kept, ...added.filter((n) => !kept.includes(n))];
  changed();
  return () => {
    actions = actions.filter((a) => !added.includes(a));
    changed();
  };
}

/** The actions offered for this contact, in order. */
export function contactActionsFor(contact: UserRef): ContactAction[] {
  return actions.filter((a) => {
    try {
      return a.when ? a.when(contact) : true;
    } catch (err) {
      console.error(`[timio] contact action ${a.id}: when() failed`, err);
      return false;
    }
  });
}

/** Calls `listener` whenever actions are registered or removed. */
export function onContactActionsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The label in a language (BCP 47 tag): the exact tag, its primary subtag, German, English, any. */
export function contactActionLabel(action: ContactAction, locale: string): string {
  if (typeof action.label === 'string') return action.label;
  const tag = locale.toLowerCase();
  const labels = Object.fromEntries(Object.entries(action.label).map(([k, v]) => [k.toLowerCase(), v]));
  return labels[tag] ?? labels[tag.split('-')[0]!] ?? labels.de ?? labels.en ?? Object.values(labels)[0] ?? action.id;
}

/** The link of a link action for this contact, if it is one. */
export function contactActionHref(action: ContactAction, contact: UserRef): string | undefined {
  try {
    return action.href?.(contact);
  } catch (err) {
    console.error(`[timio] contact action ${action.id}: href() failed`, err);
    return undefined;
  }
}

/**
 * The user chose `action` for `contact` on `source` (the element showing it). Sends the
 * cancelable `timio-contact-action`; unless the host cancels it, runs the action. Returns false
 * when cancelled (a link item then must not navigate).
 */
export function chooseContactAction(action: ContactAction, contact: UserRef, source: Element): boolean {
  if (!source.dispatchEvent(new TimioContactActionEvent(action.id, contact))) return false;
  try {
    action.run?.(contact);
  } catch (err) {
    console.error(`[timio] contact action ${action.id} failed`, err);
  }
  return true;
}

function checked(a: ContactAction): ContactAction {
  const ok = typeof a === 'object' && a !== null && typeof a.id === 'string' && a.id.trim() !== '' &&
    (typeof a.label === 'string' || (typeof a.label === 'object' && a.label !== null && Object.values(a.label).every((v) => typeof v === 'string'))) &&
    (a.run === undefined || typeof a.run === 'function') && (a.href === undefined || typeof a.href === 'function') &&
    (a.when === undefined || typeof a.when === 'function');
  if (!ok) throw new TypeError(`registerContactActions: ${JSON.stringify((a as { id?: unknown })?.id ?? a)} needs an id, a label (string or {de, en}) and run/href/when as functions`);
  return { ...a };
}

function changed(): void {
  for (const l of [...listeners]) l();
}
