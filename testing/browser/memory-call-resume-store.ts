// A CallResumeStore in one object, for tests of the call machine without a browser's storage.
import type { CallResumeStore, ReportedEvent, ResumableCall } from '../../sdk/src/resume/call-resume-store.js';

/** Keeps everything in this object: the call machine's tests (one object = one browser). */
export class MemoryCallResumeStore implements CallResumeStore {
  private tab?: ResumableCall;
  private readonly events = new Map<string, ReportedEvent[]>();
  private readonly held = new Set<string>();

  tabCall(): ResumableCall | undefined {
    return this.tab;
  }

  setTabCall(call: ResumableCall | undefined): void {
    this.tab = call;
  }

  reported(userId: string, callId: string): readonly ReportedEvent[] {
    return this.events.get(`${userId}:${callId}`) ?? [];
  }

  markReported(userId: string, callId: string, event: ReportedEvent): void {
    const key = `${userId}:${callId}`;
    const list = this.events.get(key) ?? [];
    if (!list.includes(event)) this.events.set(key, [...list, event]);
  }

  finished(userId: string, callId: string): void {
    this.events.delete(`${userId}:${callId}`);
  }

  unfinished(userId: string): string[] {
    return [...this.events.keys()].filter((k) => k.startsWith(`${userId}:`)).map((k) => k.slice(userId.length + 1));
  }

  async claim(callId: string): Promise<boolean> {
    if (this.held.has(callId)) return false;
    this.held.add(callId);
    return true;
  }

  release(callId: string): void {
    this.held.delete(callId);
  }
}
