// "Call all members": invites every other member of a room to its meeting. Members online get the
// invitation with a ring tone, members busy in a call or conference get it silent, and a member
// who signs in later (the meeting still running, within LATE_WINDOW_MS of the ring) gets it silent
// then. The invitation ends for everyone after the ring timeout, for one member on all their pages
// when they join the room or decline, and for everyone when the meeting finishes.
import { randomBytes } from 'node:crypto';
import type { RoomRing, UserRef } from '#protocol/realtime.js';
import { ApiError } from '../http/errors.js';
import type { RealtimeBus } from '../realtime/bus.js';
import type { RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import type { UserLimits } from '../limits/user-limits.js';
import type { Metrics } from '../http/metrics.js';

export interface RoomInfo { id: string; name: string; members: string[]; moderators?: string[] }

export interface RoomRingDeps {
  /** Who is online, and delivery of the invitations. */
  bus: Pick<RealtimeBus, 'statuses' | 'publish'>;
  store: CallStore;
  settings: RealtimeSettings;
  getRoom(id: string): Promise<RoomInfo | undefined>;
  /** A member's shown name (for who a ring would reach); the id when the directory has none. */
  getUser?(id: string): Promise<{ id: string; name: string } | undefined>;
  /** Per-room ring limit; none when absent. */
  limits?: UserLimits;
  metrics?: Pick<Metrics, 'roomRung'>;
  /** Identities now in the room's conference (empty: no meeting runs). */
  participants(room: string): Promise<string[]>;
}

/** A member who signs in this long after the ring still gets it, while the meeting runs. */
export const LATE_WINDOW_MS = 30 * 60_000;

interface StoredRing {
  ring: RoomRing;
  /** Members the ring reached when it was made. */
  invited: string[];
  /** Members who joined or declined: the ring is over for them. */
  answered: string[];
}

const key = (room: string) => `roomring:${room}`;
/** Rooms with a ring in the last LATE_WINDOW_MS (for members who sign in later). */
const INDEX = 'roomrings';

const everyoneOf = (room: RoomInfo) => [...new Set([...room.members, ...(room.moderators ?? [])])];

export class RoomRinger {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: RoomRingDeps) {}

  async ring(caller: UserRef, roomId: string): Promise<{ ringId: string; invited: string[] }> {
    const room = await this.roomOf(caller, roomId);
    const { bus, store, settings } = this.deps;
    await this.deps.limits?.beforeRoomRing(room.id, settings.roomRingTimeoutMs);
    const statuses = await this.reachable(room, caller);
    const invited = statuses.map((s) => s.id);
    const busy = statuses.filter((s) => s.status === 'busy').map((s) => s.id);
    const ring: RoomRing = {
      id: randomBytes(12).toString('hex'), room: room.id, roomName: room.name,
      caller: { id: caller.id, name: caller.name }, at: new Date().toISOString(),
    };
    // The newest ring of a room replaces an older one: joining ends whichever is up.
    await store.putRecord(key(room.id), JSON.stringify({ ring, invited, answered: [caller.id] } satisfies StoredRing), LATE_WINDOW_MS);
    this.deps.metrics?.roomRung();
    await this.index((rooms) => [...rooms.filter((r) => r !== room.id), room.id]);
    const ringing = invited.filter((id) => !busy.includes(id));
    if (ringing.length > 0) await bus.publish({ to: ringing, message: { type: 'room-ring', ring } });
    if (busy.length > 0) await bus.publish({ to: busy, message: { type: 'room-ring', ring: { ...ring, silent: true } } });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      bus.publish({ to: invited, message: { type: 'room-ring-ended', id: ring.id } }).catch(() => undefined);
    }, settings.roomRingTimeoutMs);
    timer.unref();
    this.timers.add(timer);
    return { ringId: ring.id, invited };
  }

  /**
   * Who a ring would reach now (the same members `ring` invites: online or busy, without the
   * caller), with their names: the confirmation before "Alle Mitglieder rufen" says who.
   */
  async reach(caller: UserRef, roomId: string): Promise<UserRef[]> {
    const room = await this.roomOf(caller, roomId);
    const ids = (await this.reachable(room, caller)).map((s) => s.id);
    return Promise.all(ids.map(async (id) => ({ id, name: (await this.deps.getUser?.(id))?.name ?? id })));
  }

  /** A member joined the room's conference: their invitation is answered on every page. */
  async joined(roomId: string, identity: string): Promise<void> {
    await this.answer(roomId, identity);
  }

  /** A member declined ("Ablehnen"): their invitation ends on every page, on every process. */
  async decline(user: UserRef, roomId: string): Promise<boolean> {
    const room = await this.deps.getRoom(roomId);
    if (!room) throw new ApiError(404, 'not_found', 'no such room');
    if (!everyoneOf(room).includes(user.id)) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
    return this.answer(roomId, user.id);
  }

  /** The meeting finished: the invitation is over for everyone. */
  async finished(roomId: string): Promise<void> {
    const raw = await this.deps.store.getRecord(key(roomId));
    if (!raw) return;
    const { ring } = JSON.parse(raw) as StoredRing;
    await this.deps.store.deleteRecord(key(roomId));
    const room = await this.deps.getRoom(roomId);
    const to = room ? everyoneOf(room) : [];
    if (to.length > 0) await this.deps.bus.publish({ to, message: { type: 'room-ring-ended', id: ring.id } });
  }

  /**
   * The invitations a user's newly opened page should show: rings of their rooms in the last
   * LATE_WINDOW_MS whose meeting still runs without them, which they have not answered. All
   * silent: the ring tone belongs to the moment of the ring.
   */
  async pendingFor(userId: string): Promise<RoomRing[]> {
    const out: RoomRing[] = [];
    const rooms = JSON.parse((await this.deps.store.getRecord(INDEX)) ?? '[]') as string[];
    for (const roomId of rooms) {
      const raw = await this.deps.store.getRecord(key(roomId));
      if (!raw) continue;
      const { ring, invited, answered } = JSON.parse(raw) as StoredRing;
      const age = Date.now() - Date.parse(ring.at);
      if (age > LATE_WINDOW_MS || answered.includes(userId)) continue;
      // Invited at the time and let it ring out: it is over for them.
      if (invited.includes(userId) && age > this.deps.settings.roomRingTimeoutMs) continue;
      const room = await this.deps.getRoom(roomId);
      if (!room || !everyoneOf(room).includes(userId)) continue;
      const present = await this.deps.participants(roomId).catch(() => [] as string[]);
      if (present.length === 0 || present.includes(userId)) continue;
      out.push({ ...ring, silent: true });
    }
    return out;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async answer(roomId: string, userId: string): Promise<boolean> {
    const { store, bus } = this.deps;
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await store.getRecord(key(roomId));
      if (!raw) return false;
      const stored = JSON.parse(raw) as StoredRing;
      if (stored.answered.includes(userId)) return false;
      const next: StoredRing = { ...stored, answered: [...stored.answered, userId] };
      const left = LATE_WINDOW_MS - (Date.now() - Date.parse(stored.ring.at));
      if (left <= 0) return false;
      if (!(await store.swapRecord(key(roomId), raw, JSON.stringify(next), left))) continue;
      await bus.publish({ to: [userId], message: { type: 'room-ring-ended', id: stored.ring.id } });
      return true;
    }
    return false;
  }

  /** The room, when the caller belongs to it (404 no such room, 403 not a member). */
  private async roomOf(caller: UserRef, roomId: string): Promise<RoomInfo> {
    const room = await this.deps.getRoom(roomId);
    if (!room) throw new ApiError(404, 'not_found', 'no such room');
    if (!everyoneOf(room).includes(caller.id)) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
    return room;
  }

  /** The room's other members a ring reaches now: online or busy. */
  private async reachable(room: RoomInfo, caller: UserRef) {
    const statuses = await this.deps.bus.statuses(everyoneOf(room).filter((m) => m !== caller.id));
    return statuses.filter((s) => s.status !== 'offline');
  }

  /** Updates the list of rooms with recent rings (compare and swap: processes may ring at once). */
  private async index(change: (rooms: string[]) => string[]): Promise<void> {
    const { store } = this.deps;
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await store.getRecord(INDEX);
      const rooms = JSON.parse(raw ?? '[]') as string[];
      const next = JSON.stringify(change(rooms).slice(-1000));
      if (raw === undefined) {
        await store.putRecord(INDEX, next, LATE_WINDOW_MS);
        return;
      }
      if (await store.swapRecord(INDEX, raw, next, LATE_WINDOW_MS)) return;
    }
  }
}
