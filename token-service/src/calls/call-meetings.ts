// A 1:1 call turned into a meeting in place ("Person hinzufügen", issue 27 step 2): the call's LiveKit
// room goes on as a private meeting. Its record (who moderates, who belongs to it) lives in the call
// store (memory, or Redis across processes) and in the room's metadata, so a restarted service
// without Redis rebuilds it from LiveKit like a call (call-restore.ts). The rest of the service sees
// it as a room with members and one moderator (`places`): token, status, chat, hand, moderation and
// "Kollegen hinzurufen" then work for it by the rules they have for a directory room.
import type { RoomRing, UserRef } from '#protocol/realtime.js';
import type { DirectoryRoom } from '../directory/directory.js';
import type { CallStore } from './call-store.js';
import { CALL_ROOM_PREFIX } from './call-record.js';

export interface CallMeeting {
  room: string;
  /** Language-neutral: the two parties' names joined with ", ". */
  name: string;
  /** The call's caller; the only one who may end or moderate it. */
  moderator: UserRef;
  /** Everyone who belongs to it: the two parties, then each rung colleague once they accepted. */
  members: string[];
  /** The call it was. */
  fromCall: string;
  createdAt: string;
}

/** A room as the routes see it: a directory room, or a converted call's meeting (`kind: 'meeting'`). */
export type Place = DirectoryRoom & { kind?: 'meeting' };

/** The marker of a meeting room's metadata (beside call-rooms.ts's `timio-call`). */
const KIND = 'timio-meeting';
/** How long a meeting record outlives a room LiveKit never reported finished. */
const MEETING_TTL_MS = 24 * 3600_000;
/** LiveKit closes the room this long after the last person left (a page change comes back sooner). */
export const MEETING_EMPTY_TIMEOUT_SECONDS = 60;

const meetingKey = (room: string) => `meeting:${room}`;

export interface CallMeetingDeps {
  store: Pick<CallStore, 'getRecord' | 'putRecord' | 'swapRecord' | 'deleteRecord'>;
  /** Writes the room's metadata (creates the room if LiveKit closed it meanwhile). */
  describe?(room: string, metadata: string, emptyTimeoutSeconds: number): Promise<void>;
}

export class CallMeetings {
  /** After a start, every question waits for the rebuild from LiveKit (no "no such room" too early). */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CallMeetingDeps) {}

  /** Questions wait for `rebuild` (the calls' and meetings' restore after a start). */
  waitFor(rebuild: Promise<void>): void {
    this.ready = rebuild.catch(() => undefined);
  }

  /** The converted meeting of `room`, if this is one. Only call rooms can be. */
  async get(room: string): Promise<CallMeeting | undefined> {
    if (!room.startsWith(CALL_ROOM_PREFIX)) return undefined;
    await this.ready;
    return this.read(room);
  }

  /** Stores a new meeting and writes it into its room's metadata (before anyone hears of it). */
  async create(meeting: CallMeeting): Promise<void> {
    await this.deps.store.putRecord(meetingKey(meeting.room), JSON.stringify(meeting), MEETING_TTL_MS);
    await this.describe(meeting);
  }

  /** A rung colleague accepted: they belong to the meeting (also after a restart without Redis). */
  async addMember(room: string, userId: string): Promise<void> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const raw = await this.deps.store.getRecord(meetingKey(room));
      if (!raw) return;
      const meeting = JSON.parse(raw) as CallMeeting;
      if (meeting.members.includes(userId)) return;
      const next: CallMeeting = { ...meeting, members: [...meeting.members, userId] };
      if (await this.deps.store.swapRecord(meetingKey(room), raw, JSON.stringify(next), MEETING_TTL_MS)) {
        await this.describe(next);
        return;
      }
    }
  }

  /**
   * Writes the meeting into its room again: LiveKit may have closed the emptied room during a page
   * change and open it anew, without metadata, for the one coming back (a restart then still finds it).
   */
  async describeAgain(room: string): Promise<void> {
    const meeting = await this.get(room);
    if (meeting) await this.describe(meeting);
  }

  /** A meeting rebuilt from its room after a start without Redis (kept as it is when the store has it). */
  async restore(meeting: CallMeeting): Promise<boolean> {
    if (await this.read(meeting.room)) return false;
    await this.deps.store.putRecord(meetingKey(meeting.room), JSON.stringify(meeting), MEETING_TTL_MS);
    return true;
  }

  /** The meeting is over (room finished, or ended by its moderator): its record goes. */
  async finished(room: string): Promise<CallMeeting | undefined> {
    const meeting = await this.get(room);
    if (meeting) await this.deps.store.deleteRecord(meetingKey(room));
    return meeting;
  }

  private async read(room: string): Promise<CallMeeting | undefined> {
    const raw = await this.deps.store.getRecord(meetingKey(room));
    return raw ? (JSON.parse(raw) as CallMeeting) : undefined;
  }

  private async describe(meeting: CallMeeting): Promise<void> {
    await this.deps.describe?.(meeting.room, meetingRoomMetadata(meeting), MEETING_EMPTY_TIMEOUT_SECONDS);
  }
}

/** The meeting as a room: its members, and the caller as its one moderator. */
export function meetingPlace(meeting: CallMeeting): Place {
  return { id: meeting.room, name: meeting.name, members: meeting.members, moderators: [meeting.moderator.id], kind: 'meeting' };
}

/**
 * The call as the ring that brought the callee into the meeting, for the call history: the callee's
 * meeting entry is `incoming` with the caller, whichever comes first (the conversion or a late
 * `participant_joined` of the call room).
 */
export function callAsRing(meeting: CallMeeting): RoomRing {
  return { id: meeting.fromCall, room: meeting.room, roomName: meeting.name, caller: meeting.moderator, at: meeting.createdAt };
}

/** The shown name of a call turned meeting: the two parties' names, language-neutral. */
export function meetingName(caller: UserRef, callee: UserRef): string {
  return `${caller.name}, ${callee.name}`;
}

export function meetingRoomMetadata(meeting: CallMeeting): string {
  const { room, name, moderator, members, fromCall, createdAt } = meeting;
  return JSON.stringify({ kind: KIND, meeting: { room, name, moderator: { id: moderator.id, name: moderator.name }, members, fromCall, createdAt } });
}

/** The meeting a room's metadata describes; undefined for anything else (or anything malformed). */
export function meetingFromRoomMetadata(room: string, metadata: string): CallMeeting | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return undefined;
  }
  const m = (parsed as { kind?: unknown; meeting?: Partial<CallMeeting> } | null);
  const v = m?.kind === KIND ? m.meeting : undefined;
  if (!v || v.room !== room || typeof v.name !== 'string' || typeof v.fromCall !== 'string' || typeof v.createdAt !== 'string') return undefined;
  const mod = v.moderator as { id?: unknown; name?: unknown } | undefined;
  if (typeof mod?.id !== 'string' || typeof mod.name !== 'string') return undefined;
  if (!Array.isArray(v.members) || v.members.some((id) => typeof id !== 'string')) return undefined;
  return { room, name: v.name, moderator: { id: mod.id, name: mod.name }, members: [...v.members], fromCall: v.fromCall, createdAt: v.createdAt };
}
