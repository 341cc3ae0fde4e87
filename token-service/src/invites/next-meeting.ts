// The room's next scheduled meeting for its room bar ("Nächste Besprechung: heute 14:00"), taken
// from the room's open invites: the earliest one that has not ended yet. Several guest links of
// one meeting share its start, so they count once.
import type { RoomStatus } from '#protocol/realtime.js';
import type { InviteStore } from './invite-store.js';

export async function nextMeetingOf(store: Pick<InviteStore, 'open'>, room: string, now = Date.now()): Promise<RoomStatus['nextMeeting']> {
  let next: NonNullable<RoomStatus['nextMeeting']> | undefined;
  for (const invite of await store.open(room)) {
    // Invites of older versions carry no appointment.
    if (invite.title === undefined || invite.startsAt === undefined || invite.durationMinutes === undefined) continue;
    const start = Date.parse(invite.startsAt);
    if (start + invite.durationMinutes * 60_000 <= now) continue;
    if (!next || start < Date.parse(next.startsAt)) next = { title: invite.title, startsAt: invite.startsAt, durationMinutes: invite.durationMinutes };
  }
  return next;
}
