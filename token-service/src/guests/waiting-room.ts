// The waiting room: whether an arriving guest waits, telling the room's moderators ("… möchte
// teilnehmen"), their admit/deny, and the guest's page learning the decision. Guests have no
// realtime connection (no portal session), so their page long-polls: each request waits up to
// POLL_MS for a decision. Moderators hear of waiting guests through their realtime pages.
import type { GuestDecidedMessage, ServerMessage, UserRef } from '#protocol/realtime.js';
import type { RoomStatus } from '../livekit/room-status.js';
import { ATTR_MODERATOR } from '#protocol/attributes.js';
import { meetingMadeAt, type Admission, type AdmissionStore, type WaitReason } from './admissions.js';

/** Longest a guest's admission request is held open before it answers "still waiting". */
export const POLL_MS = 25_000;
/** An admission this young outlives LiveKit closing the room (see roomClosed). */
export const ROOM_CLOSE_GRACE_MS = 60_000;
/** How often a held request looks at the record (in Redis, another process may have decided). */
const LOOK_MS = 400;

export interface WaitingRoomDeps {
  store: AdmissionStore;
  roomStatus: RoomStatus;
  /** auto: wait while no moderator is in the meeting; always; off: only invites that ask for it. */
  mode: 'auto' | 'always' | 'off';
  /** The room's moderators by directory id (who gets the notices). */
  moderatorsOf(room: string): Promise<string[]>;
  /** Deliver a realtime frame to these users' pages, on whichever process they are. */
  notify(to: string[], message: ServerMessage): Promise<void>;
  log(line: string): void;
}

export class WaitingRoom {
  constructor(private readonly deps: WaitingRoomDeps) {}

  /** Whether a moderator is in the room's meeting now (confirmed moderators carry the attribute). */
  async moderatorPresent(room: string): Promise<boolean> {
    try {
      return (await this.deps.roomStatus.participants(room)).some((p) => p.attributes[ATTR_MODERATOR] === '1');
    } catch {
      return false; // LiveKit unreachable: nobody can be let in automatically
    }
  }

  /** Why this guest must wait, or undefined to let them in at once. */
  async reasonToWait(room: string, inviteAsksToWait: boolean): Promise<WaitReason | undefined> {
    if (inviteAsksToWait || this.deps.mode === 'always') return 'waiting_room';
    if (this.deps.mode === 'off') return undefined;
    return (await this.moderatorPresent(room)) ? undefined : 'no_moderator';
  }

  async enter(guest: Omit<Admission, 'state' | 'since' | 'meeting' | 'admittedAt'> & { reason: WaitReason }): Promise<Admission> {
    const admission: Admission = { ...guest, since: new Date().toISOString(), state: 'waiting' };
    await this.deps.store.put(admission);
    this.deps.log(`waiting room: ${guest.identity} (${guest.reason}) waits for room ${guest.room}`);
    await this.tellModerators(guest.room, { type: 'guest-waiting', room: guest.room, guest: { identity: guest.identity, name: guest.name, since: admission.since, ...(guest.resembles ? { resembles: true } : {}) } });
    return admission;
  }

  /** A guest let in without waiting: admitted to the room's meeting now. */
  async admitNow(guest: Omit<Admission, 'state' | 'since' | 'meeting' | 'admittedAt' | 'reason'>): Promise<Admission> {
    const now = new Date().toISOString();
    const admission: Admission = { ...guest, since: now, state: 'admitted', admittedAt: now, meeting: await this.deps.store.meeting(guest.room) };
    await this.deps.store.put(admission);
    return admission;
  }

  /** Tells the room's moderators that a guest's name reads like a member's. */
  async resembles(room: string, guest: { identity: string; name: string }): Promise<void> {
    this.deps.log(`waiting room: the name of guest ${guest.identity} in room ${room} reads like a member's`);
    await this.tellModerators(room, { type: 'guest-resembles', room, guest });
  }

  /** A moderator's decision; undefined when the guest is not waiting (any more). */
  async decide(room: string, identity: string, decision: 'admitted' | 'denied', by?: UserRef): Promise<Admission | undefined> {
    const current = await this.deps.store.get(identity);
    if (!current || current.room !== room) return undefined;
    // Admitted to the meeting that runs now (or the one about to start): its end ends the admission.
    const patch = decision === 'admitted' ? { meeting: await this.deps.store.meeting(room), admittedAt: new Date().toISOString() } : {};
    const decided = await this.deps.store.move(identity, ['waiting'], decision, patch);
    if (!decided) return undefined;
    this.deps.log(`waiting room: ${by ? by.id : 'a moderator joining'} ${decision} ${identity} in room ${room}`);
    await this.tellModerators(room, { type: 'guest-decided', room, identity, decision, ...(by ? { by } : {}) });
    return decided;
  }

  /**
   * The guest cancelled, or their page went while waiting: moderators no longer see them at once
   * (`guest-decided` with `left`). False when they were not waiting (decided already, unknown).
   */
  async leave(identity: string): Promise<boolean> {
    const left = await this.deps.store.move(identity, ['waiting'], 'left');
    if (!left) return false;
    this.deps.log(`waiting room: ${identity} left the waiting room of room ${left.room}`);
    await this.tellModerators(left.room, { type: 'guest-decided', room: left.room, identity, decision: 'left' });
    return true;
  }

  /**
   * The guest as far as the meeting is concerned: their record, and whether their admission still
   * holds (admitted, to the meeting that is the room's current one). Undefined for an unknown guest.
   */
  async standing(identity: string): Promise<{ admission: Admission; admitted: boolean; ended: boolean } | undefined> {
    const admission = await this.deps.store.get(identity);
    if (!admission) return undefined;
    if (admission.state !== 'admitted') return { admission, admitted: false, ended: false };
    const current = await this.deps.store.currentMeeting(admission.room);
    const holds = current !== undefined && current === admission.meeting;
    return { admission, admitted: holds, ended: !holds };
  }

  /** A moderator ended the room's meeting: every admission to it ends. */
  async meetingEnded(room: string): Promise<void> {
    await this.deps.store.endMeeting(room);
    this.deps.log(`waiting room: the meeting of room ${room} ended; its guests' admissions with it`);
  }

  /**
   * LiveKit closed the room (everyone had left): the meeting is over too, unless its id was made
   * within ROOM_CLOSE_GRACE_MS. LiveKit closes an emptied room some seconds after the last person
   * left (its departure timeout); a guest let in meanwhile is about to open the next meeting and
   * keeps their admission for it.
   */
  async roomClosed(room: string): Promise<void> {
    const id = await this.deps.store.currentMeeting(room);
    if (!id || Date.now() - meetingMadeAt(id) < ROOM_CLOSE_GRACE_MS) return;
    await this.deps.store.endMeeting(room, id);
    this.deps.log(`waiting room: room ${room} closed; its guests' admissions ended with its meeting`);
  }

  /** A moderator removed the guest: their credential opens nothing any more. */
  async removed(identity: string): Promise<void> {
    await this.deps.store.move(identity, ['waiting', 'admitted', 'left'], 'removed');
  }

  /** The guest left the meeting ("Konferenz verlassen"): coming back takes the link again. */
  async gone(identity: string): Promise<void> {
    await this.deps.store.move(identity, ['admitted'], 'gone');
  }

  /** Where this guest of `room` stands now (e.g. to tell a moderator that they left). */
  async stateOf(room: string, identity: string): Promise<Admission['state'] | undefined> {
    const a = await this.deps.store.get(identity);
    return a && a.room === room ? a.state : undefined;
  }

  /**
   * Holds the guest's request until a decision, `POLL_MS`, or `signal` aborts; a guest waiting for
   * a moderator is let in as soon as one is in the meeting. A guest taken as gone whose page asks
   * again (its connection broke) waits again and the moderators hear of them again.
   */
  async poll(identity: string, signal: AbortSignal, holdMs = POLL_MS): Promise<Admission | undefined> {
    const until = Date.now() + holdMs;
    const back = await this.deps.store.back(identity);
    if (back) {
      this.deps.log(`waiting room: ${identity} waits again for room ${back.room}`);
      await this.tellModerators(back.room, { type: 'guest-waiting', room: back.room, guest: { identity, name: back.name, since: back.since, ...(back.resembles ? { resembles: true } : {}) } });
    }
    for (;;) {
      let a = await this.deps.store.get(identity);
      if (!a) return undefined;
      await this.deps.store.seen(identity);
      if (a.state === 'waiting' && a.reason === 'no_moderator' && (await this.moderatorPresent(a.room))) {
        a = (await this.decide(a.room, identity, 'admitted')) ?? (await this.deps.store.get(identity)) ?? a;
      }
      if (a.state !== 'waiting' || signal.aborted || Date.now() >= until) return a;
      await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
    }
  }

  waiting(room: string): Promise<Admission[]> {
    return this.deps.store.waitingIn(room);
  }

  private async tellModerators(room: string, message: ServerMessage | GuestDecidedMessage): Promise<void> {
    try {
      await this.deps.notify(await this.deps.moderatorsOf(room), message);
    } catch (err) {
      this.deps.log(`waiting room: could not tell the moderators of ${room}: ${(err as Error).message}`);
    }
  }
}
