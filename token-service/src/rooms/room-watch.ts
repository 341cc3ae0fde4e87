// Room status pushed to the pages that watch it (`watch-rooms` / `room` frames): whether a meeting
// runs, who is in it, raised hands. Fed by LiveKit's webhooks (and by this service's own changes,
// e.g. a raised hand): each change of a room is read once from RoomService by the process that
// heard it and published on the bus, so the pages watching the room on every process get it. No
// polling anywhere.
import type { RoomParticipantStatus, RoomStatus as RoomStatusFrame } from '#protocol/realtime.js';
import { isMember } from '../directory/directory.js';
import type { Place } from '../calls/call-meetings.js';
import type { RealtimeBus } from '../realtime/bus.js';
import type { Hub } from '../realtime/hub.js';
import type { Page } from '../realtime/page.js';
import type { RoomParticipant } from '../livekit/room-service.js';
import type { RoomStatus } from '../livekit/room-status.js';
import { ATTR_GUEST, ATTR_HAND, ATTR_MODERATOR } from '#protocol/attributes.js';
import { Departures } from './departures.js';

export interface RoomWatchDeps {
  bus: Pick<RealtimeBus, 'publish'>;
  hub: Pick<Hub, 'watchRoom' | 'unwatchRoom'>;
  /** The rooms by id: the directory's and the calls turned meetings (calls/calling.ts `places`). */
  directory: { getRoom(id: string): Promise<Place | undefined> };
  roomStatus: RoomStatus;
  /** The next scheduled meeting of a room, if the host knows one. */
  nextMeeting?(room: string): Promise<RoomStatusFrame['nextMeeting']>;
  /** How long someone who left without the goodbye still counts (see rooms/departures.ts); 0: not at all. */
  rejoinGraceMs?: number;
  /** Someone's page-change grace ended without them back: out of the meeting (presence). */
  gone?(room: string, identity: string): void;
  log(line: string): void;
}

/** Changes of one room within this window are read and pushed once. */
const COALESCE_MS = 40;

export function participantStatus(p: RoomParticipant): RoomParticipantStatus {
  return {
    identity: p.identity,
    name: p.name,
    guest: p.attributes[ATTR_GUEST] === '1',
    moderator: p.attributes[ATTR_MODERATOR] === '1',
    ...(p.attributes[ATTR_HAND] ? { handRaisedAt: p.attributes[ATTR_HAND] } : {}),
  };
}

export class RoomWatch {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Who left without the goodbye and counts on for the grace; fed by the webhooks and the goodbye route. */
  readonly departures: Departures;

  constructor(private readonly deps: RoomWatchDeps) {
    this.departures = new Departures(deps.rejoinGraceMs ?? 0, (room) => this.changed(room), (room, identity) => deps.gone?.(room, identity));
  }

  /** A page's `watch-rooms`: members get the status now and every change after; others an error. */
  async watch(page: Page, add: string[], remove: string[]): Promise<void> {
    for (const room of remove) this.deps.hub.unwatchRoom(page, room);
    const userId = page.user!.id;
    for (const id of add) {
      const room = await this.deps.directory.getRoom(id);
      if (!room) {
        page.sendMessage({ type: 'error', error: { code: 'not_found', message: `no room "${id}"` }, room: id });
        continue;
      }
      if (!isMember(room, userId)) {
        page.sendMessage({ type: 'error', error: { code: 'not_a_member', message: `you are not a member of room "${id}"` }, room: id });
        continue;
      }
      // Watch first, then read: a change published meanwhile is not lost (a newer frame may follow).
      this.deps.hub.watchRoom(page, id);
      try {
        page.sendMessage({ type: 'room', room: await this.status(room) });
      } catch (err) {
        page.sendMessage({ type: 'error', error: { code: 'livekit_unavailable', message: (err as Error).message }, room: id });
      }
    }
  }

  /** Something in the room changed (a webhook, a hand, a moderator action): push its fresh status. */
  changed(roomId: string): void {
    this.deps.roomStatus.invalidate(roomId);
    if (this.pending.has(roomId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(roomId);
      this.push(roomId).catch((err) => this.deps.log(`room status of ${roomId} not pushed: ${(err as Error).message}`));
    }, COALESCE_MS);
    timer.unref();
    this.pending.set(roomId, timer);
  }

  async status(room: Place): Promise<RoomStatusFrame> {
    const [present, nextMeeting] = await Promise.all([
      this.deps.roomStatus.participants(room.id),
      this.deps.nextMeeting?.(room.id).catch(() => undefined),
    ]);
    // People within their rejoin grace count as present (a page change is no leave).
    this.departures.listed(room.id, present);
    const here = new Set(present.map((p) => p.identity));
    const participants = [...present, ...this.departures.awayIn(room.id).filter((p) => !here.has(p.identity))];
    const joined = participants.map((p) => p.joinedAt).filter((t): t is string => !!t).sort();
    return {
      id: room.id,
      name: room.name,
      ...(room.kind === 'meeting' ? { kind: 'meeting' as const } : {}),
      running: participants.length > 0,
      ...(participants.length > 0 && joined[0] ? { startedAt: joined[0] } : {}),
      count: participants.length,
      participants: participants.map(participantStatus),
      ...(nextMeeting ? { nextMeeting } : {}),
    };
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.departures.close();
  }

  private async push(roomId: string): Promise<void> {
    const room = await this.deps.directory.getRoom(roomId);
    if (!room) return;
    this.deps.roomStatus.invalidate(roomId);
    await this.deps.bus.publish({ to: [], room: roomId, message: { type: 'room', room: await this.status(room) } });
  }
}
