// The call history ("Anrufjournal") as GET /v1/history answers it: each person's own calls and room
// meetings, kept by the token service. Part of the wire protocol module (protocol/, imported as
// `#protocol/…`): no DOM, no imports from outside this folder.
import type { CallOutcome, UserRef } from './realtime.js';

/**
 * How an entry ended for its owner. Calls use the call's outcome words (`completed`: answered and
 * talked, with a duration), seen from the owner's side: a call to them they never answered
 * (`no_answer`, `cancelled` by the caller, `busy` elsewhere, or a ring that `failed`) is `missed`. Meetings: `joined`
 * (with a duration once they left), `missed` (the room was called and they did not come while it
 * rang), `declined` (they declined the room's invitation).
 */
export type HistoryOutcome = CallOutcome | 'missed' | 'joined';

export interface HistoryEntry {
  id: string;
  kind: 'call' | 'meeting';
  /** Calls: who placed it. Meetings: `incoming` when someone called the room, `outgoing` when the owner did or joined on their own. */
  direction: 'incoming' | 'outgoing';
  outcome: HistoryOutcome;
  /** When the call was placed, the room called, or the owner joined the meeting (ISO, the service's clock). */
  at: string;
  /** Calls: the other person. Meetings: who called the room, when someone did. */
  with?: UserRef;
  /** Meetings: the room. */
  room?: { id: string; name: string };
  /** Seconds talked (answered calls; 0 when a party never came into it) or in the meeting (after leaving); absent otherwise. */
  durationSeconds?: number;
}

/** GET /v1/history: newest first (`limit` 1–200, default 50); `more` when older entries exist (ask again with `before` = the last entry's `at`). */
export interface HistoryPage { entries: HistoryEntry[]; more: boolean }
