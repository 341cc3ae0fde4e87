// The bus of a single token-service process: everything lives in this process's memory.
import { randomUUID } from 'node:crypto';
import type { PresenceStatus } from '#protocol/realtime.js';
import type { Delivery, PresenceChange, RealtimeBus } from './bus.js';

export class MemoryBus implements RealtimeBus {
  readonly nodeId = randomUUID();
  private readonly pages = new Set<string>();
  /** Users marked busy (by the call store), until when. */
  private readonly busyUntil = new Map<string, number>();
  /** The room conferences each user is in (busy while any). */
  private readonly conferences = new Map<string, Set<string>>();
  private readonly published = new Map<string, PresenceStatus>();
  private readonly presenceListeners: Array<(c: PresenceChange) => void> = [];
  private readonly deliveryListeners: Array<(d: Delivery) => void> = [];
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    // A busy mark that runs out without being cleared (a call no webhook ended) is noticed here.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async addPage(userId: string): Promise<void> {
    this.pages.add(userId);
    this.refresh(userId);
  }

  async removePage(userId: string): Promise<PresenceStatus> {
    this.pages.delete(userId);
    this.refresh(userId);
    return this.status(userId);
  }

  async statuses(userIds: string[]): Promise<PresenceChange[]> {
    return userIds.map((id) => ({ id, status: this.status(id) }));
  }

  /** Shows the user as busy for `ttlMs` (0: not busy any more), publishing the change at once. */
  setBusy(userId: string, ttlMs: number): void {
    if (ttlMs > 0) this.busyUntil.set(userId, Date.now() + ttlMs);
    else this.busyUntil.delete(userId);
    this.refresh(userId);
  }

  /** The user entered or left a room's conference; in any, they show as busy. */
  setInConference(userId: string, room: string, present: boolean): void {
    let rooms = this.conferences.get(userId);
    if (present) {
      if (!rooms) this.conferences.set(userId, (rooms = new Set()));
      rooms.add(room);
    } else if (rooms) {
      rooms.delete(room);
      if (rooms.size === 0) this.conferences.delete(userId);
    }
    this.refresh(userId);
  }

  /** Whether the user is in any room conference. */
  inConference(userId: string): boolean {
    return this.conferences.has(userId);
  }

  async publish(delivery: Delivery): Promise<void> {
    for (const l of this.deliveryListeners) l(delivery);
  }

  onPresence(listener: (change: PresenceChange) => void): void {
    this.presenceListeners.push(listener);
  }

  onDelivery(listener: (delivery: Delivery) => void): void {
    this.deliveryListeners.push(listener);
  }

  onReconnect(): void {
    // Never loses anything.
  }

  async reconcile(): Promise<void> {
    // Nothing to reconcile in one process.
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private status(userId: string): PresenceStatus {
    if (!this.pages.has(userId)) return 'offline';
    if (this.conferences.has(userId)) return 'busy';
    return (this.busyUntil.get(userId) ?? 0) > Date.now() ? 'busy' : 'online';
  }

  /** Publishes the user's status if it differs from what was last published. */
  private refresh(userId: string): void {
    const status = this.status(userId);
    if ((this.published.get(userId) ?? 'offline') === status) return;
    if (status === 'offline') this.published.delete(userId);
    else this.published.set(userId, status);
    for (const l of this.presenceListeners) l({ id: userId, status });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, until] of this.busyUntil) if (until <= now) { this.busyUntil.delete(id); this.refresh(id); }
  }
}
