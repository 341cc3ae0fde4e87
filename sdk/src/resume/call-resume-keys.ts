// Where the browser keeps what a call needs beyond one page (browser-call-resume-store.ts), and the
// light part's cheap look at it: whether this tab or browser has a call to resume or host events to
// finish, so a page without either never loads the call machine's chunk.
import { readStored, storageOf } from './resume-storage.js';

/** sessionStorage: the call this tab holds (its window's or its own ringing outgoing call). */
export const TAB_CALL_KEY = 'timio:tab-call';
/** localStorage: the host events this browser sent per call of the user. */
export const ledgerKey = (userId: string) => `timio:calls:${userId}`;

/** The tab held a call on its previous page (its id), if the marker says so. */
export function tabCallId(): string | undefined {
  const held = readStored<{ id?: unknown }>(storageOf('sessionStorage'), TAB_CALL_KEY);
  return typeof held?.id === 'string' ? held.id : undefined;
}

/** Anything for the machine: a call this tab held, or calls this browser reported but never as ended. */
export function callResumePending(userId: string | undefined): boolean {
  if (tabCallId()) return true;
  if (!userId) return false;
  const ledger = readStored<unknown[]>(storageOf('localStorage'), ledgerKey(userId));
  return Array.isArray(ledger) && ledger.length > 0;
}
