// "Kollegen hinzurufen": someone in a running meeting rings colleagues straight into it. The rung
// person's pages get the room invitation popup (`room-ring`, the same frame as "call all members");
// "Teilnehmen" asks for the room's token like a member, and a colleague who is not a member of the
// room gets it by a grant recorded here: for this room only, never as moderator, until the meeting
// ends; they read the meeting's chat from their arrival on, like a guest. Declined, no answer, busy
// and offline go back to the inviter (`colleague-ring-answer`). The records live in the call store
// (memory, or Redis across processes). The meeting is any place `meetingOf` knows: a chat room's
// meeting, or a 1:1 call turned into a meeting (call-meetings.ts, call-conversion.ts).
import { randomBytes } from 'node:crypto';
import type { ColleagueRingOutcome, RoomRing, UserRef } from '#protocol/realtime.js';
import type { ColleagueRingAnswer, ColleagueRingResult } from '#protocol/rest.js';
import { ApiError } from '../http/errors.js';
import type { RealtimeBus } from '../realtime/bus.js';
import type { RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import type { UserLimits } from '../limits/user-limits.js';

/** At most this many colleagues per ring. */
export const MAX_COLLEAGUES_PER_RING = 10;
/** A grant no meeting end removed is forgotten after this long. */
const GRANT_TTL_MS = 12 * 3600_000;

export interface ColleagueRingDeps {
  bus: Pick<RealtimeBus, 'statuses' | 'publish'>;
  store: CallStore;
  settings: Pick<RealtimeSettings, 'roomRingTimeoutMs'>;
  /** The running meeting's place (its id and shown name), or undefined when there is no such place. */
  meetingOf(room: string): Promise<{ id: string; name: string } | undefined>;
  getUser(id: string): Promise<UserRef | undefined>;
  /** Identities in the meeting now. */
  participants(room: string): Promise<string[]>;
  /** The 1:1 call limits per inviter and colleague (hourly count, no second ring right after a decline). */
  limits?: Pick<UserLimits, 'beforeCall' | 'afterCall'>;
  history?: { ringMissed(ring: RoomRing, members: readonly string[]): Promise<void>; ringDeclined(ring: RoomRing, member: string): Promise<void> };
}

type GrantState = 'ringing' | 'accepted' | 'declined' | 'missed';
/** A ring checked and ready to go out (ColleagueRinger.plan, then send). */
export interface RingPlan { ring: RoomRing; rung: ColleagueRingResult[] }
/** One colleague's ring into one meeting, and after "Teilnehmen" their right to be in it. */
export interface ColleagueGrant { ring: RoomRing; state: GrantState; /** When they accepted (ISO): the chat they read starts here. */ acceptedAt?: string }

/** A user's grants by room. */
const userKey = (userId: string) => `colleague-rings:${userId}`;
/** The users rung into a room's meeting (to end their grants with it). */
const roomKey = (room: string) => `colleague-rung:${room}`;

export class ColleagueRinger {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: ColleagueRingDeps) {}

  async ring(inviter: UserRef, roomId: string, userIds: readonly string[]): Promise<ColleagueRingAnswer> {
    const place = await this.deps.meetingOf(roomId);
    if (!place) throw new ApiError(404, 'not_found', 'no such room');
    const present = await this.deps.participants(place.id);
    if (!present.includes(inviter.id)) throw new ApiError(403, 'not_in_meeting', 'only someone in the meeting may call a colleague into it');
    return this.send(await this.plan(inviter, place, present, userIds));
  }

  /**
   * Everything that can refuse a ring, before anything is rung: unknown users (404), the inviter
   * themself (400), the inviter's call limits (429). A call turned into a meeting plans its ring
   * before the conversion, so a refused ring converts nothing.
   */
  async plan(inviter: UserRef, place: { id: string; name: string }, present: readonly string[], userIds: readonly string[]): Promise<RingPlan> {
    const users: UserRef[] = [];
    for (const id of userIds) {
      const user = await this.deps.getUser(id);
      if (!user) throw new ApiError(404, 'not_found', `no such user: ${id}`);
      if (id === inviter.id) throw new ApiError(400, 'invalid_input', 'you cannot ring yourself');
      users.push({ id: user.id, name: user.name });
    }
    const ring: RoomRing = { id: randomBytes(12).toString('hex'), room: place.id, roomName: place.name, caller: inviter, at: new Date().toISOString(), direct: true };
    const statuses = new Map((await this.deps.bus.statuses(users.map((u) => u.id))).map((s) => [s.id, s.status]));
    const rung: ColleagueRingResult[] = [];
    for (const user of users) {
      const status = statuses.get(user.id) ?? 'offline';
      const outcome = present.includes(user.id) ? 'present' : status === 'online' ? 'ringing' : status;
      // The call limits count only rings that go out (nobody's hour is spent on someone offline).
      if (outcome === 'ringing') await this.deps.limits?.beforeCall(inviter.id, user.id);
      rung.push({ ...user, outcome });
    }
    return { ring, rung };
  }

  /** Rings the planned colleagues; busy and offline ones are reported to the inviter at once. */
  async send({ ring, rung }: RingPlan): Promise<ColleagueRingAnswer> {
    const { bus, settings } = this.deps;
    for (const r of rung) {
      const user = { id: r.id, name: r.name };
      if (r.outcome === 'busy' || r.outcome === 'offline') {
        await this.tellInviter(ring, user, r.outcome);
        continue;
      }
      if (r.outcome !== 'ringing') continue;
      await this.putGrant(user.id, ring.room, { ring, state: 'ringing' });
      await this.listInRoom(ring.room, user.id);
      await bus.publish({ to: [user.id], message: { type: 'room-ring', ring } });
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.ringOut(ring, user).catch(() => undefined);
      }, settings.roomRingTimeoutMs);
      timer.unref();
      this.timers.add(timer);
    }
    return { ringId: ring.id, rung };
  }

  /**
   * Whether `userId` may take part in `room`'s meeting by a colleague's ring, and from when they read
   * its chat. A ringing grant is taken up here ("Teilnehmen" asks for the token): the popup ends on
   * their other pages.
   */
  async admit(userId: string, room: string): Promise<{ since: number } | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await this.deps.store.getRecord(userKey(userId));
      const grants = parse(raw);
      const grant = grants[room];
      if (!grant) return undefined;
      if (grant.state === 'accepted') return { since: Date.parse(grant.acceptedAt!) };
      if (grant.state !== 'ringing' || this.rungOut(grant)) return undefined;
      const acceptedAt = new Date().toISOString();
      grants[room] = { ...grant, state: 'accepted', acceptedAt };
      if (!(await this.swap(userId, raw, grants))) continue;
      await this.deps.bus.publish({ to: [userId], message: { type: 'room-ring-ended', id: grant.ring.id } });
      return { since: Date.parse(acceptedAt) };
    }
    return undefined;
  }

  /** Whether `userId` holds an accepted grant for `room` (read only: status, chat, hand, leave). */
  async admitted(userId: string, room: string): Promise<{ since: number } | undefined> {
    const grant = parse(await this.deps.store.getRecord(userKey(userId)))[room];
    return grant?.state === 'accepted' ? { since: Date.parse(grant.acceptedAt!) } : undefined;
  }

  /** "Ablehnen": true when a colleague's ring into `room` was ringing for this user (the inviter is told). */
  async decline(user: UserRef, room: string): Promise<boolean> {
    const grant = await this.settle(user.id, room, 'declined');
    if (!grant) return false;
    await this.deps.bus.publish({ to: [user.id], message: { type: 'room-ring-ended', id: grant.ring.id } });
    await this.tellInviter(grant.ring, user, 'declined');
    await this.deps.limits?.afterCall(grant.ring.caller.id, user.id, 'declined');
    await this.deps.history?.ringDeclined(grant.ring, user.id);
    return true;
  }

  /**
   * The user came into the meeting: the ring they answered (for the call history), if it was a
   * colleague's. A member rung in joins with their own right: their ring is answered here.
   */
  async joined(room: string, userId: string): Promise<RoomRing | undefined> {
    const grant = parse(await this.deps.store.getRecord(userKey(userId)))[room];
    if (grant?.state === 'accepted') return grant.ring;
    const answered = await this.settle(userId, room, 'accepted');
    if (answered) await this.deps.bus.publish({ to: [userId], message: { type: 'room-ring-ended', id: answered.ring.id } });
    return answered?.ring;
  }

  /** Rings that still ring for a page that opens now (silent: the tone belonged to the moment of the ring). */
  async pendingFor(userId: string): Promise<RoomRing[]> {
    const grants = Object.values(parse(await this.deps.store.getRecord(userKey(userId))));
    return grants.filter((g) => g.state === 'ringing' && !this.rungOut(g)).map((g) => ({ ...g.ring, silent: true }));
  }

  /** The meeting ended: every grant into it ends. Returns who was rung into it (their presence follows). */
  async finished(room: string): Promise<string[]> {
    const { store } = this.deps;
    const users = JSON.parse((await store.getRecord(roomKey(room))) ?? '[]') as string[];
    await store.deleteRecord(roomKey(room));
    for (const userId of users) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const raw = await store.getRecord(userKey(userId));
        const grants = parse(raw);
        const grant = grants[room];
        if (!grant) break;
        delete grants[room];
        if (await this.swap(userId, raw, grants)) {
          if (grant.state === 'ringing') await this.deps.bus.publish({ to: [userId], message: { type: 'room-ring-ended', id: grant.ring.id } });
          break;
        }
      }
    }
    return users;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** The ring timed out unanswered: the popup goes, the inviter hears "no answer". */
  private async ringOut(ring: RoomRing, user: UserRef): Promise<void> {
    const grant = await this.settle(user.id, ring.room, 'missed', ring.id);
    if (!grant) return;
    await this.deps.bus.publish({ to: [user.id], message: { type: 'room-ring-ended', id: ring.id } });
    await this.tellInviter(ring, user, 'no_answer');
    await this.deps.limits?.afterCall(ring.caller.id, user.id, 'no_answer');
    await this.deps.history?.ringMissed(ring, [user.id]);
  }

  /** Moves a ringing grant (of ring `ringId` if given) to `state`; the grant before, when it did. */
  private async settle(userId: string, room: string, state: GrantState, ringId?: string): Promise<ColleagueGrant | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await this.deps.store.getRecord(userKey(userId));
      const grants = parse(raw);
      const grant = grants[room];
      if (!grant || grant.state !== 'ringing' || (ringId !== undefined && grant.ring.id !== ringId)) return undefined;
      grants[room] = { ...grant, state, ...(state === 'accepted' ? { acceptedAt: new Date().toISOString() } : {}) };
      if (await this.swap(userId, raw, grants)) return grant;
    }
    return undefined;
  }

  private rungOut(grant: ColleagueGrant): boolean {
    return Date.now() - Date.parse(grant.ring.at) > this.deps.settings.roomRingTimeoutMs;
  }

  private tellInviter(ring: RoomRing, user: UserRef, outcome: ColleagueRingOutcome): Promise<void> {
    return this.deps.bus.publish({ to: [ring.caller.id], message: { type: 'colleague-ring-answer', room: ring.room, ring: ring.id, user, outcome } });
  }

  /**
   * A new ring replaces the user's earlier one for the same room. Someone present is never rung
   * (`present`), so an accepted grant replaced here belongs to someone who left: they come back by
   * this ring, or decline it.
   */
  private async putGrant(userId: string, room: string, grant: ColleagueGrant): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await this.deps.store.getRecord(userKey(userId));
      const grants = parse(raw);
      grants[room] = grant;
      if (await this.swap(userId, raw, grants)) return;
    }
    throw new ApiError(409, 'conflict', 'the ring changed too often; try again');
  }

  private async listInRoom(room: string, userId: string): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await store.getRecord(roomKey(room));
      const users = JSON.parse(raw ?? '[]') as string[];
      if (users.includes(userId)) return;
      const next = JSON.stringify([...users, userId]);
      if (raw === undefined) return store.putRecord(roomKey(room), next, GRANT_TTL_MS);
      if (await store.swapRecord(roomKey(room), raw, next, GRANT_TTL_MS)) return;
    }
  }

  /** Compare and swap of a user's grants (put when there was no record: the first grant). */
  private async swap(userId: string, raw: string | undefined, grants: Record<string, ColleagueGrant>): Promise<boolean> {
    const next = JSON.stringify(grants);
    if (raw === undefined) {
      await this.deps.store.putRecord(userKey(userId), next, GRANT_TTL_MS);
      return true;
    }
    return this.deps.store.swapRecord(userKey(userId), raw, next, GRANT_TTL_MS);
  }
}

function parse(raw: string | undefined): Record<string, ColleagueGrant> {
  return raw ? JSON.parse(raw) as Record<string, ColleagueGrant> : {};
}
