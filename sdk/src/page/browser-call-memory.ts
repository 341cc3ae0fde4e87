// The call machine's memory in the browser: the tab's call in sessionStorage (it lives with the
// tab, across its page loads, and no other tab sees it), the host events sent per call in
// localStorage (shared by the person's tabs in this browser), and a Web Lock per held call (a
// duplicated tab copies sessionStorage; the lock keeps it from taking the call as well).
// Storage that is missing or full degrades to "nothing remembered", never to an error.
import { MemoryCallMemory, type CallMemory, type ReportedEvent, type TabCall } from '../calls/call-memory.js';

const TAB_KEY = 'timio:tab-call';
const LEDGER_KEY = (userId: string) => `timio:calls:${userId}`;
/** Calls kept in the ledger at most (oldest dropped): a browser never piles up forgotten ones. */
const LEDGER_MAX = 20;
/** A ledger entry older than this is dropped (the service keeps ended calls for a day). */
const LEDGER_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How long a restoring page waits for the previous page of its tab to let go of the lock. */
const CLAIM_WAIT_MS = 2_000;

interface LedgerEntry { id: string; events: ReportedEvent[]; at: number }

function read<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full: the page simply forgets.
  }
}

function storageOf(name: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[name];
  } catch {
    return undefined; // blocked by the browser's settings
  }
}

export class BrowserCallMemory implements CallMemory {
  private readonly session = storageOf('sessionStorage');
  private readonly local = storageOf('localStorage');
  private readonly fallback = new MemoryCallMemory();
  private readonly locks = new Map<string, () => void>();

  tabCall(): TabCall | undefined {
    const tab = read<TabCall>(this.session, TAB_KEY);
    return tab && typeof tab.id === 'string' ? tab : undefined;
  }

  setTabCall(call: TabCall | undefined): void {
    write(this.session, TAB_KEY, call);
  }

  reported(userId: string, callId: string): readonly ReportedEvent[] {
    return this.ledger(userId).find((e) => e.id === callId)?.events ?? [];
  }

  markReported(userId: string, callId: string, event: ReportedEvent): void {
    const list = this.ledger(userId);
    const entry = list.find((e) => e.id === callId);
    if (entry?.events.includes(event)) return;
    const next = entry ? { ...entry, events: [...entry.events, event] } : { id: callId, events: [event], at: Date.now() };
    write(this.local, LEDGER_KEY(userId), [...list.filter((e) => e.id !== callId), next].slice(-LEDGER_MAX));
  }

  finished(userId: string, callId: string): void {
    const list = this.ledger(userId);
    if (list.some((e) => e.id === callId)) write(this.local, LEDGER_KEY(userId), list.filter((e) => e.id !== callId));
  }

  unfinished(userId: string): string[] {
    return this.ledger(userId).map((e) => e.id);
  }

  async claim(callId: string): Promise<boolean> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return this.fallback.claim(callId);
    if (this.locks.has(callId)) return false;
    // The previous page of this tab may still be letting go: try a few times.
    const deadline = Date.now() + CLAIM_WAIT_MS;
    for (;;) {
      const got = await new Promise<boolean>((resolve) => {
        void locks.request(`timio-call:${callId}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => this.locks.set(callId, release));
        });
      });
      if (got) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  release(callId: string): void {
    this.locks.get(callId)?.();
    this.locks.delete(callId);
    this.fallback.release(callId);
  }

  private ledger(userId: string): LedgerEntry[] {
    const list = read<LedgerEntry[]>(this.local, LEDGER_KEY(userId));
    if (!Array.isArray(list)) return [];
    const now = Date.now();
    return list.filter((e) => e && typeof e.id === 'string' && Array.isArray(e.events) && now - e.at < LEDGER_MAX_AGE_MS);
  }
}
