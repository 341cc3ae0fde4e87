// What changed among the people present, as notices: someone joined, left, dropped (their
// connection was lost before they went), raised a hand. A pure diff of two participant lists,
// so it is tested without a browser; the conference shows the notices and sends the host events.
import type { ParticipantState } from '../../../session/types.js';

/**
 * `failed`: an action of this view (a moderator's, a hand) did not go through; `guest-left`: a
 * moderator let in or turned away a guest who had stopped waiting; `guest-resembles`: a guest let
 * in at once has a name that reads like a room member's (to moderators); `info`: a text made
 * elsewhere, in `name` (how a colleague this person rang in answered, from the call-in chunk).
 */
export type NoticeKind = 'joined' | 'left' | 'dropped' | 'hand' | 'failed' | 'guest-left' | 'guest-resembles' | 'info';

export interface Notice {
  kind: NoticeKind;
  identity: string;
  name: string;
  /** A guest: the notice carries the "Gast" mark, as the tiles and the panel do. */
  guest?: boolean;
}

/** The notices between `before` and `after` (this person's own changes make none). */
export function diffPeople(before: readonly ParticipantState[], after: readonly ParticipantState[]): Notice[] {
  const old = new Map(before.map((p) => [p.identity, p]));
  const now = new Map(after.map((p) => [p.identity, p]));
  const notices: Notice[] = [];
  for (const p of after) {
    if (p.isLocal) continue;
    const was = old.get(p.identity);
    const mark = p.guest ? { guest: true } : {};
    if (!was) notices.push({ kind: 'joined', identity: p.identity, name: p.name, ...mark });
    else if (p.handRaisedAt && p.handRaisedAt !== was.handRaisedAt) notices.push({ kind: 'hand', identity: p.identity, name: p.name, ...mark });
  }
  for (const p of before) {
    if (p.isLocal || now.has(p.identity)) continue;
    notices.push({ kind: p.quality === 'lost' ? 'dropped' : 'left', identity: p.identity, name: p.name, ...(p.guest ? { guest: true } : {}) });
  }
  return notices;
}
