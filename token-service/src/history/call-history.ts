// What goes into each person's call history, as it happens: a 1:1 call once it ended (one entry for
// each side, seen from that side), a room's meeting joined (its duration once they left), a room's
// call-all missed or declined. Times are on the service's clock (createTokenService's `now`), so
// the retention and the entries agree. Recording never stops a call: a failure is logged.
import { randomBytes } from 'node:crypto';
import type { HistoryEntry, HistoryOutcome } from '#protocol/history.js';
import type { CallInfo, RoomRing, UserRef } from '#protocol/realtime.js';
import { logFailure, type Logger } from '../http/logger.js';
import type { HistoryStore } from './history-store.js';

/** How many of a person's newest entries are searched for the meeting they are in. */
const OPEN_MEETING_LOOKBACK = 50;

export class CallHistory {
  /** person\nroom → the meeting step running for them: webhooks arrive in parallel, a join must see the one before. */
  private readonly meetingSteps = new Map<string, Promise<void>>();

  constructor(private readonly deps: { store: HistoryStore; now: () => number; logger: Logger }) {}

  /** A real-clock instant (e.g. a call's `createdAt`) on the service's clock. */
  private onServiceClock(iso: string): string {
    return new Date(this.deps.now() - (Date.now() - Date.parse(iso))).toISOString();
  }

  private async put(owner: string, entry: HistoryEntry): Promise<void> {
    await this.deps.store.put(owner, entry).catch(logFailure(this.deps.logger, 'a call history entry was not saved', { owner, entry: entry.id }));
  }

  /** A 1:1 call ended: the caller's and the callee's entry. */
  async callEnded(call: CallInfo): Promise<void> {
    if (call.state !== 'ended' || !call.outcome) return;
    const at = this.onServiceClock(call.createdAt);
    // Answered calls have a duration (0 when a party never came into the call).
    const talked = call.answeredAt ? { durationSeconds: call.durationSeconds ?? 0 } : {};
    // Nobody answered the callee's ringing (they were busy elsewhere, or the ring failed, e.g. with a
    // restart of the service): for them it is a missed call.
    const missed = !call.answeredAt && call.outcome !== 'completed' && call.outcome !== 'declined';
    const calleeOutcome: HistoryOutcome = missed ? 'missed' : call.outcome;
    await Promise.all([
      this.put(call.caller.id, { id: `call-${call.id}`, kind: 'call', direction: 'outgoing', outcome: call.outcome, at, with: call.callee, ...talked }),
      this.put(call.callee.id, { id: `call-${call.id}`, kind: 'call', direction: 'incoming', outcome: calleeOutcome, at, with: call.caller, ...talked }),
    ]);
  }

  /** Members the room's call-all rang who did not come while it rang (idempotent: one entry per ring and person). */
  async ringMissed(ring: RoomRing, members: readonly string[]): Promise<void> {
    await Promise.all(members.map((owner) => this.put(owner, this.ringEntry(ring, 'missed'))));
  }

  /** A member declined the room's invitation. */
  async ringDeclined(ring: RoomRing, owner: string): Promise<void> {
    await this.put(owner, this.ringEntry(ring, 'declined'));
  }

  private ringEntry(ring: RoomRing, outcome: 'missed' | 'declined'): HistoryEntry {
    return { id: `ring-${ring.id}`, kind: 'meeting', direction: 'incoming', outcome, at: this.onServiceClock(ring.at), with: ring.caller, room: { id: ring.room, name: ring.roomName } };
  }

  /**
   * `user` came into the room's meeting; `ring`: the invitation this answered, if any. A page change
   * comes back into the same meeting: while their entry has no duration yet, nothing new is written.
   */
  meetingJoined(user: UserRef, room: { id: string; name: string }, ring?: RoomRing): Promise<void> {
    return this.inTurn(user.id, room.id, async () => {
      if (await this.openMeeting(user.id, room.id)) return;
      await this.put(user.id, {
        id: `meeting-${randomBytes(9).toString('hex')}`, kind: 'meeting', outcome: 'joined', at: new Date(this.deps.now()).toISOString(), room,
        ...(ring && ring.caller.id !== user.id ? { direction: 'incoming', with: ring.caller } : { direction: 'outgoing' }),
      });
    });
  }

  /** `userId` left the room's meeting for good (not a page change): their entry gets its duration. */
  meetingLeft(userId: string, roomId: string): Promise<void> {
    return this.inTurn(userId, roomId, async () => {
      const open = await this.openMeeting(userId, roomId);
      if (!open) return;
      await this.put(userId, { ...open, durationSeconds: Math.max(0, Math.round((this.deps.now() - Date.parse(open.at)) / 1000)) });
    });
  }

  /** Runs `step` after the person's previous meeting step in this room (this process). */
  private inTurn(userId: string, roomId: string, step: () => Promise<void>): Promise<void> {
    const key = `${userId}\n${roomId}`;
    const run = (this.meetingSteps.get(key) ?? Promise.resolve()).then(step);
    const settled = run.catch(() => undefined);
    this.meetingSteps.set(key, settled);
    void settled.then(() => {
      if (this.meetingSteps.get(key) === settled) this.meetingSteps.delete(key);
    });
    return run;
  }

  private async openMeeting(owner: string, roomId: string): Promise<HistoryEntry | undefined> {
    const { entries } = await this.deps.store.list(owner, { limit: OPEN_MEETING_LOOKBACK });
    return entries.find((e) => e.kind === 'meeting' && e.outcome === 'joined' && e.room?.id === roomId && e.durationSeconds === undefined);
  }
}
