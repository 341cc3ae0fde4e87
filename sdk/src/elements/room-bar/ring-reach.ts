// Who "Alle Mitglieder rufen" will ring, in words, for its confirmation (issue 24 finding 8): asked
// from the token service (GET /v1/rooms/:room/ring: the members signed in now) when the
// confirmation opens. Part of the ring-all chunk (ring-all.ts), fetched then.
import type { RoomRingReach } from '#protocol/rest.js';
import type { Catalog } from '../../i18n/catalog.js';

type Words = (names: readonly string[]) => string;

/** Names up to three, else how many: a list of ten names is read by nobody. */
const de: Words = (n) => (!n.length ? 'Gerade ist kein anderes Mitglied angemeldet.'
  : n.length > 3 ? `${n.length} Mitglieder werden gerufen.` : `${new Intl.ListFormat('de').format(n)} ${n.length > 1 ? 'werden' : 'wird'} gerufen.`);
const en: Words = (n) => (!n.length ? 'No other member is signed in right now.'
  : `${n.length > 3 ? `${n.length} members` : new Intl.ListFormat('en-GB').format(n)} will be called.`);
const general = { de: 'Bestätigen Sie, dass Sie die Raummitglieder zu einer Besprechung rufen möchten.', en: 'Confirm that you want to call the room members to a meeting.' };

/**
 * What the confirmation says: who will be rung, or (the service cannot say) the general question.
 * A host's catalog may word both itself (`roomBar.ringWho`, `roomBar.confirmText`).
 */
export async function ringReach(rest: { request<T>(method: 'GET', path: string): Promise<T> }, room: string, t: Catalog): Promise<string> {
  const lang = t.locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  try {
    const { members } = await rest.request<RoomRingReach>('GET', `/v1/rooms/${encodeURIComponent(room)}/ring`);
    return (t.roomBar.ringWho ?? (lang === 'de' ? de : en))(members.map((m) => m.name));
  } catch {
    return t.roomBar.confirmText ?? general[lang];
  }
}
