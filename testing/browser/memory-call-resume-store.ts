// A CallResumeStore in one object, for tests of the call machine without a browser's storage.
import type { CallResumeStore, KeptGrant, ReportedEvent, ResumableCall } from '../../sdk/src/resume/call-resume-store.js';

/** Keeps everything in this object: the call machine's tests (one object = one browser). */
export class MemoryCallResumeStore implements CallResumeStore {
  private tab?: ResumableCall;
  private readonly events = new Map<string, ReportedEvent[]>();
  private readonly held = new Set<string>();
  /** The token the page's call window holds, and the one its last page left (pageGoes). */
  kept?: KeptGrant;
  private left?: KeptGrant;

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

  keepGrant(grant: KeptGrant | undefined): void {
    this.kept = grant;
  }

  /** What the browser store does on pagehide: the window's token is left for the next page. */
  pageGoes(): void {
    this.left = this.kept && this.tab?.id === this.kept.call.id ? this.kept : undefined;
    this.kept = undefined;
    this.held.clear(); // the browser drops the page's locks
  }

  takeGrant(callId: string): KeptGrant | undefined {
    const left = this.left;
    this.left = undefined;
    return left?.call.id === callId ? left : undefined;
  }
}
