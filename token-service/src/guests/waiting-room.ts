// The waiting room: whether an arriving guest waits, telling the room's moderators ("… möchte
// teilnehmen"), their admit/deny, and the guest's page learning the decision. Guests have no
// realtime connection (no portal session), so their page long-polls: each request waits up to
// POLL_MS for a decision. Moderators hear of waiting guests through their realtime pages.
import type { GuestDecidedMessage, ServerMessage, UserRef } from '#protocol/realtime.js';
import type { RoomStatus } from '../livekit/room-status.js';
import { ATTR_MODERATOR } from '#protocol/attributes.js';
import type { Admission, AdmissionStore, WaitReason } from './admissions.js';

/** Longest a guest's admission request is held open before it answers "still waiting". */
export const POLL_MS = 25_000;
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

  async enter(guest: Omit<Admission, 'state' | 'since'>): Promise<Admission> {
    const admission: Admission = { ...guest, since: new Date().toISOString(), state: 'waiting' };
    await this.deps.store.put(admission);
    this.deps.log(`waiting room: ${guest.identity} (${guest.reason}) waits for room ${guest.room}`);
    await this.tellModerators(guest.room, { type: 'guest-waiting', room: guest.room, guest: { identity: guest.identity, name: guest.name, since: admission.since } });
    return admission;
  }

  /** A moderator's decision; undefined when the guest is not waiting (any more). */
  async decide(room: string, identity: string, decision: 'admitted' | 'denied', by?: UserRef): Promise<Admission | undefined> {
    const current = await this.deps.store.get(identity);
    if (!current || current.room !== room) return undefined;
    const decided = await this.deps.store.decide(identity, decision);
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
    const left = await this.deps.store.decide(identity, 'left');
    if (!left) return false;
    this.deps.log(`waiting room: ${identity} left the waiting room of room ${left.room}`);
    await this.tellModerators(left.room, { type: 'guest-decided', room: left.room, identity, decision: 'left' });
    return true;
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
      await this.tellModerators(back.room, { type: 'guest-waiting', room: back.room, guest: { identity, name: back.name, since: back.since } });
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
