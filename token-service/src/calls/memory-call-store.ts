// The call store of a single token-service process, beside its MemoryBus (which shows busy users).
import type { MemoryBus } from '../realtime/memory-bus.js';
import type { CallStore, LineClaim } from './call-store.js';

interface Line { callId: string; active: boolean; expires: number }
interface Entry { value: string; expires: number }

export class MemoryCallStore implements CallStore {
  private readonly lines = new Map<string, Line>();
  private readonly records = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly presence: Pick<MemoryBus, 'setBusy' | 'setInConference' | 'inConference'>) {
    // Expired records and lines are dropped lazily on read; this keeps forgotten ones from piling up.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async claimLines(callerId: string, calleeId: string, callId: string, ttlMs: number): Promise<LineClaim> {
    if (this.line(calleeId) || this.presence.inConference(calleeId)) return 'callee_busy';
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
      this.presence.setBusy(id, ttlMs);
    }
  }

  async releaseLines(userIds: string[], callId: string): Promise<void> {
    for (const id of userIds) {
      if (this.line(id)?.callId !== callId) continue;
      this.lines.delete(id);
      this.presence.setBusy(id, 0);
    }
  }

  async lineOf(userId: string): Promise<string | undefined> {
    return this.line(userId)?.callId;
  }

  async setInConference(userId: string, room: string, present: boolean): Promise<void> {
    this.presence.setInConference(userId, room, present);
  }

  async deleteRecord(key: string): Promise<void> {
    this.records.delete(key);
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

  close(): void {
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

  private sweep(): void {
    const now = Date.now();
    for (const [k, e] of this.records) if (e.expires <= now) this.records.delete(k);
    for (const [k, l] of this.lines) if (l.expires <= now) this.lines.delete(k);
  }
}
