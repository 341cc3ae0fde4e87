// The call machine's resume store in the browser: the tab's call as a tab marker (resume-storage.ts)
// with a Web Lock per held call (resume-locks.ts), both shared with the conference; the call's
// LiveKit token, left in sessionStorage from the page's pagehide until the next page takes it; the
// host events sent per call in localStorage (shared by the person's tabs in this browser). Storage
// that is missing or full degrades to "nothing remembered", never to an error.
import type { CallResumeStore, KeptGrant, ReportedEvent, ResumableCall } from './call-resume-store.js';
import { isCall } from '../api/request.js';
import { ResumeMarker, readStored as read, storageOf, writeStored as write } from './resume-storage.js';
import { ResumeLocks } from './resume-locks.js';
import { TAB_CALL_KEY, ledgerKey as LEDGER_KEY } from './call-resume-keys.js';
import { jwtExpiry } from '../config/portal-token.js';

/** Calls kept in the ledger at most (oldest dropped): a browser never piles up forgotten ones. */
const LEDGER_MAX = 20;
/** A ledger entry older than this is dropped (the service keeps ended calls for a day). */
const LEDGER_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** sessionStorage: the call window's LiveKit token, from the page's pagehide until the next page reads it. */
const TAB_GRANT_KEY = 'timio:tab-call-grant';
/** A kept token must stay valid this long after the next page takes it (else that page joins afresh). */
const GRANT_MARGIN_MS = 60_000;
/**
 * Only a page that follows soon takes the token (a page change takes a second or two): after a
 * longer way (another site, then back) the call may have ended, and the join says so first.
 */
const GRANT_AWAY_MS = 20_000;

interface LedgerEntry { id: string; events: ReportedEvent[]; at: number }

export class BrowserCallResumeStore implements CallResumeStore {
  private readonly local = storageOf('localStorage');
  private readonly tab = new ResumeMarker<ResumableCall>(TAB_CALL_KEY, (t) => typeof t.id === 'string');
  private readonly locks = new ResumeLocks('timio-call:');
  private readonly session = storageOf('sessionStorage');
  private kept?: KeptGrant;
  private leaving = false;

  tabCall(): ResumableCall | undefined {
    return this.tab.get();
  }

  setTabCall(call: ResumableCall | undefined): void {
    this.tab.set(call);
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

  claim(callId: string): Promise<boolean> {
    return this.locks.claim(callId);
  }

  release(callId: string): void {
    this.locks.release(callId);
  }

  keepGrant(grant: KeptGrant | undefined): void {
    this.kept = grant;
    if (!grant || this.leaving || typeof window === 'undefined') return;
    this.leaving = true;
    // Written only as the page goes, for the tab's next page (which removes it on reading).
    window.addEventListener('pagehide', () => {
      const kept = this.kept;
      if (kept && this.tab.get()?.id === kept.call.id) write(this.session, TAB_GRANT_KEY, { ...kept, leftAt: Date.now() });
    });
  }

  takeGrant(callId: string): KeptGrant | undefined {
    const kept = read<Partial<KeptGrant> & { leftAt?: unknown }>(this.session, TAB_GRANT_KEY);
    write(this.session, TAB_GRANT_KEY, undefined);
    if (!kept || !isCall(kept.call) || kept.call.id !== callId || typeof kept.token !== 'string' || typeof kept.url !== 'string') return undefined;
    const now = Date.now();
    const away = typeof kept.leftAt === 'number' ? now - kept.leftAt : Infinity;
    const expires = jwtExpiry(kept.token);
    if (!(away >= 0 && away < GRANT_AWAY_MS) || expires === undefined || expires - now < GRANT_MARGIN_MS) return undefined;
    return { call: kept.call, token: kept.token, url: kept.url };
  }

  private ledger(userId: string): LedgerEntry[] {
    const list = read<LedgerEntry[]>(this.local, LEDGER_KEY(userId));
    if (!Array.isArray(list)) return [];
    const now = Date.now();
    return list.filter((e) => e && typeof e.id === 'string' && Array.isArray(e.events) && now - e.at < LEDGER_MAX_AGE_MS);
  }
}
