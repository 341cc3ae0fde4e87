// The guest boundary on every route a guest credential reaches (docs/security.md "Guests"): before
// admission the credential opens only its own admission poll and "Abbrechen"; chat, hand and the
// goodbye only while the guest is admitted to the meeting that runs in this room now. Denial,
// removal, leaving and the meeting's end each close it for good (the link gives a new one).
import type { GuestPrincipal } from '../auth/principal.js';
import { ApiError } from '../http/errors.js';
import type { Admission } from './admissions.js';
import type { WaitingRoom } from './waiting-room.js';

/** Why a guest's credential opens nothing of the meeting: the error the route answers. */
export function closedFor(admission: Admission | undefined, ended: boolean): ApiError {
  if (!admission) return new ApiError(403, 'not_admitted', 'this guest has not been let into the meeting');
  if (ended) return new ApiError(410, 'meeting_ended', 'the meeting this guest was let into has ended; open the invite link again');
  switch (admission.state) {
    case 'denied': return new ApiError(410, 'guest_denied', 'a moderator did not let this guest in');
    case 'removed': return new ApiError(410, 'guest_removed', 'a moderator removed this guest from the meeting');
    case 'gone': return new ApiError(410, 'guest_left_meeting', 'this guest left the meeting; open the invite link again');
    default: return new ApiError(403, 'not_admitted', 'wait until a moderator lets you in');
  }
}

/** The guest's admission when it holds for `room`'s current meeting; throws the route's answer otherwise. */
export async function admittedGuest(waitingRoom: WaitingRoom, guest: GuestPrincipal, room: string): Promise<Admission> {
  if (guest.room !== room) throw new ApiError(403, 'not_a_member', 'this guest token is for another room');
  const standing = await waitingRoom.standing(guest.id);
  if (!standing?.admitted) throw closedFor(standing?.admission, standing?.ended ?? false);
  return standing.admission;
}
