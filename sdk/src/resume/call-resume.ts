// Resuming a 1:1 call on the tab's next page (a page change or reload within the portal): the page
// connects with the token the previous page left (or asks for a fresh one at once), claims the call
// (a duplicated tab, whose copy of the marker names a call another tab holds, shows it as held
// elsewhere instead) and opens the window as it was.
// Part of the call machine (calls/call-machine.ts), which owns the state it changes.
import type { CallInfo, CallOutcome } from '#protocol/realtime.js';
import type { CallGrant } from '../api/token-service-client.js';
import type { CallApi, CallWindowSetup } from '../calls/call-types.js';
import type { HostEventRecord } from '../calls/host-event-record.js';
import type { CallResumeStore, WindowLayout } from './call-resume-store.js';

/** What resuming needs from the machine. */
export interface CallResumeHost {
  readonly api: CallApi;
  readonly record: HostEventRecord;
  /** The call has a window on this page already. */
  isActive(id: string): boolean;
  /** The call rings here as this page's outgoing call (it followed the caller). */
  ringsHere(id: string): boolean;
  /** Not ringing here any more: the resumed window takes over. */
  dropOutgoing(id: string): void;
  /** Held by another page (a duplicated tab): this page's call buttons wait. */
  showElsewhere(call: CallInfo): void;
  handleCall(call: CallInfo): void;
  activate(grant: CallGrant, layout?: WindowLayout): Promise<void>;
  settle(call: CallInfo, err: unknown, outcome: CallOutcome): boolean;
  fail(call: CallInfo, err: unknown): void;
}

export class CallResume {
  /** Calls this page is taking over from the tab's previous page (join under way). */
  private readonly resuming = new Set<string>();
  /**
   * A join asked for before the realtime `ready` (the page starts fetching the token at once).
   * `confirmed`: the service's answer, when the page connects with the previous page's token.
   */
  private early?: { id: string; grant: Promise<CallGrant>; claimed: Promise<boolean>; confirmed?: Promise<CallGrant> };

  constructor(private readonly host: CallResumeHost, private readonly store: CallResumeStore) {}

  /**
   * The call has a window on this page now: the tab's marker names it (with the window as it
   * opens), and the page holds it, so a duplicated tab does not take it (a resume claimed it already).
   */
  hold(grant: CallGrant, layout: WindowLayout | undefined): void {
    const { id } = grant.call;
    this.store.setTabCall({ id, ...(layout ? { layout } : {}) });
    this.store.keepGrant?.(grant);
    if (!layout && !this.resuming.has(id)) void this.store.claim(id);
  }

  /** How the window opens: as it was (`layout`), reporting each change to the tab's marker while it is the call's window. */
  windowSetup(id: string, layout: WindowLayout | undefined, isOpen: () => boolean): CallWindowSetup {
    return {
      ...(layout ? { layout } : {}),
      onLayout: (next) => {
        if (isOpen() && this.store.tabCall()?.id === id) this.store.setTabCall({ id, layout: next });
      },
    };
  }

  /** The call's window closed: the tab holds nothing any more. */
  letGo(id: string): void {
    if (this.store.tabCall()?.id === id) this.store.setTabCall(undefined);
    this.store.keepGrant?.(undefined);
    this.store.release(id);
  }

  /**
   * The tab held a call when its last page went: asks for its token now (or takes `asked`, the light
   * part's request for it, calls/page-calls.ts), while the page still connects, so the resume on `ready`
   * does not wait for it. Returns the call's id, if any.
   */
  prepare(asked?: Promise<CallGrant>): string | undefined {
    const tab = this.store.tabCall();
    const { api } = this.host;
    if (!tab || !api.joinCall || this.early) return undefined;
    // The light part read the same marker of this page a moment before (nothing else writes it here).
    const joined = asked ?? api.joinCall(tab.id);
    joined.catch(() => undefined); // used (and its error handled) by resume, or never
    // The previous page's token, still valid: the page connects with it now; the join's answer
    // (portal token and service round trips later) only confirms the call still runs.
    const kept = this.store.takeGrant?.(tab.id);
    const grant = kept ? Promise.resolve(kept) : joined;
    // The tab's lock on the call, asked for beside the token (not after it): resume waits for both.
    const claimed = this.store.claim(tab.id);
    this.early = { id: tab.id, grant, claimed, ...(kept ? { confirmed: joined } : {}) };
    const id = tab.id;
    const letGo = () => void claimed.then((ok) => ok && !this.resuming.has(id) && !this.host.isActive(id) && this.store.release(id));
    // The answer says the call still runs: resume it now, not only when the realtime connection
    // is ready (its `ready` brings the same call; the page change waits for neither).
    grant.then((g) => {
      if (g.call.state === 'active' && g.call.id === id) this.host.handleCall(g.call);
      else if (g.call.state === 'ended') letGo(); // nothing to take over
    }, letGo);
    return tab.id;
  }

  /**
   * The active `call` is the one the tab held on its previous page: join it again with a fresh
   * token and open the window as it was (once, whatever number of events name it meanwhile).
   */
  offer(call: CallInfo, layout: WindowLayout | undefined): void {
    if (!this.resuming.has(call.id) && !this.host.record.was(call.id, 'ended')) void this.resume(call, layout);
  }

  private async resume(call: CallInfo, layout: WindowLayout | undefined): Promise<void> {
    const { host, store } = this;
    if (!host.api.joinCall) return;
    this.resuming.add(call.id);
    // What prepare() started at the page's start, when it is this call: its lock claim and token.
    const early = this.early?.id === call.id ? this.early : undefined;
    this.early = undefined;
    try {
      if (!(await (early?.claimed ?? store.claim(call.id)))) {
        this.resuming.delete(call.id);
        if (!host.record.was(call.id, 'ended') && !host.isActive(call.id)) host.showElsewhere(call);
        return;
      }
      // Ringing here already (it followed the caller): the answer is news; otherwise it resumes.
      if (!host.ringsHere(call.id)) host.record.resumed(call);
      let grant: CallGrant;
      try {
        grant = await (early?.grant ?? host.api.joinCall(call.id));
      } catch (err) {
        store.release(call.id);
        store.setTabCall(undefined);
        if (!host.settle(call, err, 'completed')) host.fail(call, err);
        return;
      }
      if (grant.call.state === 'ended' || host.record.was(call.id, 'ended')) {
        store.release(call.id);
        host.handleCall(grant.call);
        return;
      }
      if (early?.confirmed) this.confirm(call, early.confirmed);
      host.dropOutgoing(call.id);
      await host.activate(grant, layout);
    } finally {
      this.resuming.delete(call.id);
    }
  }

  /**
   * The service's answer to the join of a call resumed with the previous page's token: over (or
   * unknown) closes the window as a failed join would have; a fresh token is kept for the next page.
   */
  private confirm(call: CallInfo, joined: Promise<CallGrant>): void {
    joined.then((g) => {
      if (g.call.state === 'ended') this.host.handleCall(g.call);
      else if (this.host.isActive(call.id)) this.store.keepGrant?.(g);
    }, (err: unknown) => void this.host.settle(call, err, 'completed'));
  }
}
