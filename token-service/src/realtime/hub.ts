// The pages connected to this process: who they are, whom they watch, and getting each presence
// change and user event from the bus to exactly the pages that should see it.
import type { Delivery, PresenceChange, RealtimeBus } from './bus.js';
import { logFailure, type Logger } from '../http/logger.js';
import type { PresenceStatus, ServerMessage, UserRef } from '#protocol/realtime.js';

/** What the hub needs of a connected page. */
export interface HubPage {
  readonly id: string;
  user?: UserRef;
  readonly watching: Set<string>;
  /** Rooms whose status this page watches (room bars). */
  readonly watchingRooms: Set<string>;
  /** Sends one serialized frame (the page decides what to do when it cannot keep up). */
  send(frame: string): void;
}

export class Hub {
  private readonly pagesByUser = new Map<string, Set<HubPage>>();
  private readonly watchers = new Map<string, Set<HubPage>>();
  private readonly roomWatchers = new Map<string, Set<HubPage>>();
  /** Last status seen on the bus for each watched user: answers new watches without a bus round trip. */
  private readonly known = new Map<string, PresenceStatus>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  /** Who may see a room's status now (the directory may have changed since the page began to watch). */
  private roomAccess?: (room: string) => Promise<((userId: string) => boolean) | undefined>;

  /** `onGone` runs on the process whose page was the user's last anywhere, once the grace period is over. */
  constructor(
    private readonly bus: RealtimeBus,
    private readonly graceMs: number,
    private readonly logger: Logger,
    private readonly onGone: (userId: string) => void = () => undefined,
  ) {
    bus.onPresence((c) => this.onPresence(c));
    bus.onDelivery((d) => this.onDelivery(d));
  }

  get pageCount(): number {
    let n = 0;
    for (const s of this.pagesByUser.values()) n += s.size;
    return n;
  }

  /** How many pages of this user are connected to this process. */
  pagesOf(userId: string): number {
    return this.pagesByUser.get(userId)?.size ?? 0;
  }

  /** Users with at least one page on this process (or within their grace period). */
  localUsers(): string[] {
    return [...new Set([...this.pagesByUser.keys(), ...this.graceTimers.keys()])];
  }

  /** A page has authenticated as its user. */
  async join(page: HubPage): Promise<void> {
    const userId = page.user!.id;
    let pages = this.pagesByUser.get(userId);
    if (!pages) this.pagesByUser.set(userId, (pages = new Set()));
    pages.add(page);
    const grace = this.graceTimers.get(userId);
    if (grace) {
      // A reload: the user never went offline on the bus.
      clearTimeout(grace);
      this.graceTimers.delete(userId);
    } else if (pages.size === 1) {
      // If the bus is down this page still works locally; the bus re-learns it on reconnect.
      await this.bus.addPage(userId).catch(logFailure(this.logger, 'adding presence failed', { user: userId }));
    }
  }

  /** A page went away (closed, dropped, or failed). */
  leave(page: HubPage): void {
    for (const id of page.watching) this.unwatchOne(page, id);
    page.watching.clear();
    for (const room of [...page.watchingRooms]) this.unwatchRoom(page, room);
    const userId = page.user?.id;
    if (!userId) return;
    const pages = this.pagesByUser.get(userId);
    if (!pages?.delete(page) || pages.size > 0) return;
    this.pagesByUser.delete(userId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(userId);
      this.bus.removePage(userId).then(
        (status) => { if (status === 'offline') this.onGone(userId); },
        logFailure(this.logger, 'removing presence failed', { user: userId }),
      );
    }, this.graceMs);
    timer.unref();
    this.graceTimers.set(userId, timer);
  }

  /** Changes what the page watches and sends it the current status of every added contact. */
  async watch(page: HubPage, add: string[], remove: string[]): Promise<void> {
    for (const id of remove) {
      if (page.watching.delete(id)) this.unwatchOne(page, id);
    }
    const fresh = add.filter((id) => !page.watching.has(id));
    for (const id of fresh) {
      page.watching.add(id);
      let set = this.watchers.get(id);
      if (!set) this.watchers.set(id, (set = new Set()));
      set.add(page);
    }
    if (fresh.length === 0) return;
    const unknown = fresh.filter((id) => !this.known.has(id));
    if (unknown.length > 0) {
      const statuses = await this.bus.statuses(unknown);
      // A change seen on the bus meanwhile is newer than this answer: keep it.
      for (const s of statuses) if (this.watchers.has(s.id) && !this.known.has(s.id)) this.known.set(s.id, s.status);
    }
    const users = fresh
      .filter((id) => page.watching.has(id))
      .map((id) => ({ id, status: this.known.get(id) ?? ('offline' as PresenceStatus) }));
    if (users.length > 0) page.send(JSON.stringify({ type: 'presence', users } satisfies ServerMessage));
  }

  /**
   * Checked on every `room` delivery: a page whose user is no longer a member (or the room is gone
   * from the directory) stops watching it and is told (`error` not_a_member with the room).
   */
  setRoomAccess(access: (room: string) => Promise<((userId: string) => boolean) | undefined>): void {
    this.roomAccess = access;
  }

  /** The page gets every `room` delivery for this room from now on. */
  watchRoom(page: HubPage, room: string): void {
    page.watchingRooms.add(room);
    let set = this.roomWatchers.get(room);
    if (!set) this.roomWatchers.set(room, (set = new Set()));
    set.add(page);
  }

  unwatchRoom(page: HubPage, room: string): void {
    page.watchingRooms.delete(room);
    const set = this.roomWatchers.get(room);
    if (!set?.delete(page) || set.size > 0) return;
    this.roomWatchers.delete(room);
  }

  /** Rooms some page on this process watches. */
  watchedRooms(): string[] {
    return [...this.roomWatchers.keys()];
  }

  /** After the bus lost messages (e.g. Redis restarted): re-read every watched status and send what changed. */
  async resync(): Promise<void> {
    const ids = [...this.watchers.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      for (const change of await this.bus.statuses(ids.slice(i, i + 500))) {
        if (this.known.get(change.id) !== change.status) this.onPresence(change);
      }
    }
  }

  close(): void {
    for (const t of this.graceTimers.values()) clearTimeout(t);
    this.graceTimers.clear();
  }

  private unwatchOne(page: HubPage, id: string): void {
    const set = this.watchers.get(id);
    if (!set) return;
    set.delete(page);
    if (set.size === 0) {
      this.watchers.delete(id);
      this.known.delete(id);
    }
  }

  private onPresence(change: PresenceChange): void {
    const set = this.watchers.get(change.id);
    if (!set) return;
    this.known.set(change.id, change.status);
    const frame = JSON.stringify({ type: 'presence', users: [change] } satisfies ServerMessage);
    for (const page of set) page.send(frame);
  }

  private onDelivery(d: Delivery): void {
    if (d.room !== undefined) {
      const room = d.room;
      if (!this.roomWatchers.has(room)) return;
      const frame = JSON.stringify(d.message);
      const access = this.roomAccess?.(room) ?? Promise.resolve(() => true);
      access.then((may) => {
        for (const page of [...(this.roomWatchers.get(room) ?? [])]) {
          if (page.user && may?.(page.user.id)) {
            page.send(frame);
            continue;
          }
          this.unwatchRoom(page, room);
          page.send(JSON.stringify({ type: 'error', error: { code: 'not_a_member', message: `you are no longer a member of room "${room}"` }, room } satisfies ServerMessage));
        }
      }).catch(logFailure(this.logger, 'room status delivery failed', { room }));
      return;
    }
    let plain: string | undefined;
    let elsewhere: string | undefined;
    for (const userId of new Set(d.to)) {
      const pages = this.pagesByUser.get(userId);
      if (!pages) continue;
      for (const page of pages) {
        const answeredElsewhere = d.answeredBy !== undefined && d.message.type === 'call' &&
          userId === d.message.call.callee.id && page.id !== d.answeredBy;
        if (answeredElsewhere && d.message.type === 'call') {
          elsewhere ??= JSON.stringify({ type: 'call', call: { ...d.message.call, answeredElsewhere: true } } satisfies ServerMessage);
          page.send(elsewhere);
        } else {
          plain ??= JSON.stringify(d.message);
          page.send(plain);
        }
      }
    }
  }
}
