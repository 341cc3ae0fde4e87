// "Call all members": invites every other online member of a room; the invitation ends when it
// times out, or for one member when they join the room.
import { randomBytes } from 'node:crypto';
import type { RoomRing, UserRef } from '../../../sdk/src/protocol/realtime.js';
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
  /** Per-room ring limit; none when absent. */
  limits?: UserLimits;
  metrics?: Pick<Metrics, 'roomRung'>;
}

interface StoredRing { ring: RoomRing; invited: string[] }

const key = (room: string) => `roomring:${room}`;

export class RoomRinger {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: RoomRingDeps) {}

  async ring(caller: UserRef, roomId: string): Promise<{ ringId: string; invited: string[] }> {
    const room = await this.deps.getRoom(roomId);
    if (!room) throw new ApiError(404, 'not_found', 'no such room');
    const everyone = [...new Set([...room.members, ...(room.moderators ?? [])])];
    if (!everyone.includes(caller.id)) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
    const { bus, store, settings } = this.deps;
    await this.deps.limits?.beforeRoomRing(room.id, settings.roomRingTimeoutMs);
    const others = everyone.filter((m) => m !== caller.id);
    const invited = (await bus.statuses(others)).filter((s) => s.status !== 'offline').map((s) => s.id);
    const ring: RoomRing = {
      id: randomBytes(12).toString('hex'), room: room.id, roomName: room.name,
      caller: { id: caller.id, name: caller.name }, at: new Date().toISOString(),
    };
    // The newest ring of a room replaces an older one: joining ends whichever is up.
    await store.putRecord(key(room.id), JSON.stringify({ ring, invited } satisfies StoredRing), settings.roomRingTimeoutMs);
    this.deps.metrics?.roomRung();
    if (invited.length > 0) await bus.publish({ to: invited, message: { type: 'room-ring', ring } });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      bus.publish({ to: invited, message: { type: 'room-ring-ended', id: ring.id } }).catch(() => undefined);
    }, settings.roomRingTimeoutMs);
    timer.unref();
    this.timers.add(timer);
    return { ringId: ring.id, invited };
  }

  /** A member joined the room's conference: their invitation is answered on every page. */
  async joined(roomId: string, identity: string): Promise<void> {
    const raw = await this.deps.store.getRecord(key(roomId));
    if (!raw) return;
    const { ring, invited } = JSON.parse(raw) as StoredRing;
    if (invited.includes(identity)) await this.deps.bus.publish({ to: [identity], message: { type: 'room-ring-ended', id: ring.id } });
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
