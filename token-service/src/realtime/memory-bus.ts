// The bus of a single token-service process: everything lives in this process's memory.
import { randomUUID } from 'node:crypto';
import type { Delivery, LineClaim, PresenceChange, RealtimeBus } from './bus.js';
import type { PresenceStatus } from '../../../sdk/src/protocol/realtime.js';

interface Line { callId: string; active: boolean; expires: number }
interface Entry { value: string; expires: number }

export class MemoryBus implements RealtimeBus {
  readonly nodeId = randomUUID();
  private readonly pages = new Set<string>();
  private readonly lines = new Map<string, Line>();
  private readonly published = new Map<string, PresenceStatus>();
  private readonly records = new Map<string, Entry>();
  private readonly presenceListeners: Array<(c: PresenceChange) => void> = [];
  private readonly deliveryListeners: Array<(d: Delivery) => void> = [];
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    // Expired records and lines are dropped lazily on read; this keeps forgotten ones from piling up.
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

  async claimLines(callerId: string, calleeId: string, callId: string, ttlMs: number): Promise<LineClaim> {
    if (this.line(calleeId)) return 'callee_busy';
    if (this.line(callerId)) return 'caller_busy';
    const expires = Date.now() + ttlMs;
    this.lines.set(callerId, { callId, active: false, expires });
    this.lines.set(calleeId, { callId, active: false, expires });
    return 'ok';
  }

  async markLinesActive(userIds: string[], callId: string, ttlMs: number): Promise<void> {
    for (const id of userIds) {
      const line = this.line(id);
      if (line?.callId !== callId) continue;
      line.active = true;
      line.expires = Date.now() + ttlMs;
      this.refresh(id);
    }
  }

  async releaseLines(userIds: string[], callId: string): Promise<void> {
    for (const id of userIds) {
      if (this.line(id)?.callId !== callId) continue;
      this.lines.delete(id);
      this.refresh(id);
    }
  }

  async lineOf(userId: string): Promise<string | undefined> {
    return this.line(userId)?.callId;
  }

  async getRecord(key: string): Promise<string | undefined> {
    const e = this.records.get(key);
    if (e && e.expires <= Date.now()) this.records.delete(key);
    return e && e.expires > Date.now() ? e.value : undefined;
  }

  async putRecord(key: string, value: string, ttlMs: number): Promise<void> {
    this.records.set(key, { value, expires: Date.now() + ttlMs });
  }

  async swapRecord(key: string, expected: string, next: string, ttlMs: number): Promise<boolean> {
    if ((await this.getRecord(key)) !== expected) return false;
    this.records.set(key, { value: next, expires: Date.now() + ttlMs });
    return true;
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

  private line(userId: string): Line | undefined {
    const line = this.lines.get(userId);
    if (line && line.expires <= Date.now()) {
      this.lines.delete(userId);
      return undefined;
    }
    return line;
  }

  private status(userId: string): PresenceStatus {
    if (!this.pages.has(userId)) return 'offline';
    return this.line(userId)?.active ? 'busy' : 'online';
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
    for (const [k, e] of this.records) if (e.expires <= now) this.records.delete(k);
    for (const [k, l] of this.lines) if (l.expires <= now) { this.lines.delete(k); this.refresh(k); }
  }
}
