// What the call machine remembers beyond one page load, as an interface (the machine stays free of
// the DOM): the call this tab holds, with the window as it was, so the next page of the same tab
// takes the call over; and which host events this browser already sent for which call, so a page
// change never repeats `timio-call-started` and the next page sends a `timio-call-ended` that the
// previous one missed. The browser's implementation is in page/browser-call-memory.ts.

/** The call window as the user left it (restored on the next page of the tab). */
export interface WindowLayout {
  /** Corner of the own video. */
  corner?: string;
  camera: boolean;
  microphone: boolean;
  /** The user was sharing the screen: a share ends with its page, the next window says so. */
  sharing: boolean;
}

/** The call this tab holds: its window's or its own ringing outgoing call. */
export interface TabCall {
  id: string;
  layout?: WindowLayout;
}

export type ReportedEvent = 'started' | 'answered' | 'missed';

export interface CallMemory {
  /** The call this tab held when its last page went (only this tab sees it). */
  tabCall(): TabCall | undefined;
  setTabCall(call: TabCall | undefined): void;
  /** Host events this browser already sent for the user's call. */
  reported(userId: string, callId: string): readonly ReportedEvent[];
  markReported(userId: string, callId: string, event: ReportedEvent): void;
  /** The call's `ended` went out: nothing more to remember. */
  finished(userId: string, callId: string): void;
  /** Calls this browser reported as started but not as ended, oldest first. */
  unfinished(userId: string): string[];
  /**
   * Holds the call for this page until `release` (a duplicated tab inherits the tab's marker but
   * must not take the call too). Resolves false when another page holds it.
   */
  claim(callId: string): Promise<boolean>;
  release(callId: string): void;
}

/** Keeps everything in this object: pages without storage, and the machine's tests. */
export class MemoryCallMemory implements CallMemory {
  private tab?: TabCall;
  private readonly events = new Map<string, ReportedEvent[]>();
  private readonly held = new Set<string>();

  tabCall(): TabCall | undefined {
    return this.tab;
  }

  setTabCall(call: TabCall | undefined): void {
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
