// The call state machine of one page, in plain TypeScript (no DOM). It is fed by the user's
// actions (call, accept, decline, cancel, hang up), by the token service's answers and by the
// realtime `call` events, and it tells its subscribers what to show and which host events to send.
// It owns the call window's lifetime: when a call becomes active it opens the window through the
// injected `openWindow` (the conference chunk), and it ends the call when the window closes.
import type { CallInfo, CallOutcome, UserRef } from '#protocol/realtime.js';
import { endedCall } from '#protocol/call-end.js';
import { apiError } from '../api/api-error.js';
import type { CallGrant } from '../api/token-service-client.js';
import type { CallMemory, ReportedEvent, WindowLayout } from './call-memory.js';

/** The REST calls the machine makes (TokenServiceClient provides them). */
export interface CallApi {
  startCall(callee: string): Promise<CallGrant>;
  acceptCall(id: string, page?: string): Promise<CallGrant>;
  declineCall(id: string): Promise<CallInfo>;
  cancelCall(id: string): Promise<CallInfo>;
  endCall(id: string): Promise<CallInfo>;
  /** The user's ringing or active call as the service knows it (GET /v1/calls/current). */
  currentCall?(): Promise<CallInfo | undefined>;
  /** One call of the user, also after it ended (GET /v1/calls/:id). */
  getCall?(id: string): Promise<CallInfo>;
  /** A fresh token for the user's call, for the page that takes it over (POST /v1/calls/:id/join). */
  joinCall?(id: string): Promise<CallGrant>;
}

/** The open call window as the machine sees it (the conference chunk's CallWindowHandle fits). */
export interface CallWindow {
  update(call: CallInfo): void;
  close(): Promise<void>;
}

/** How a window opens: as it was on the tab's previous page (`layout`), and where it reports changes. */
export interface CallWindowSetup {
  layout?: WindowLayout;
  onLayout?(layout: WindowLayout): void;
}

/** Why the window closed: `closed` when the machine closed it, anything else ends the call. */
export type CallWindowOpener = (grant: CallGrant, onEnd: (reason: string) => void, setup?: CallWindowSetup) => Promise<CallWindow>;

export interface CallMachineOptions {
  api: CallApi;
  openWindow: CallWindowOpener;
  /** This user's id (from the realtime `ready`), to tell outgoing from incoming calls. */
  selfId?: () => string | undefined;
  /** This page's realtime id, sent with accept so the callee's other pages stop ringing. */
  pageId?: () => string | undefined;
  /** What outlives the page: the tab's call and the host events already sent (see call-memory.ts). */
  memory?: CallMemory;
}

export type OutgoingPhase = 'calling' | 'ringing' | 'connecting' | 'ended';

export interface OutgoingCallView {
  contact: UserRef;
  phase: OutgoingPhase;
  call?: CallInfo;
  /** Set when phase is `ended`. */
  outcome?: CallOutcome;
  error?: { code: string; message: string };
}

export interface IncomingCallView {
  call: CallInfo;
  phase: 'ringing' | 'accepting';
}

export interface CallSnapshot {
  outgoing?: OutgoingCallView;
  incoming: readonly IncomingCallView[];
  /** The call with an open window. */
  active?: CallInfo;
  /** This user's call held by another page (tab) of theirs: this page's call buttons wait meanwhile. */
  elsewhere?: CallInfo;
}

export type HostCallEvent =
  | { type: 'started' | 'answered' | 'ended' | 'missed' | 'resumed'; call: CallInfo }
  | { type: 'error'; code: string; message: string; call?: CallInfo };

type Listener = (snapshot: CallSnapshot) => void;
type HostListener = (event: HostCallEvent) => void;

/** How many finished calls are remembered so late duplicate events are not reported twice. */
const REMEMBERED = 64;
/** An incoming call stops ringing here after this long even if its end never arrived. */
const RING_GIVE_UP_MS = 180_000;
/** A call the service no longer knows is let go after this long, unless its end arrives meanwhile. */
const RECONCILE_GRACE_MS = 1_000;

export class CallMachine {
  private outgoing?: OutgoingCallView;
  private incoming: IncomingCallView[] = [];
  private active?: { call: CallInfo; window?: CallWindow; grant: CallGrant };
  /** Grants of this page's outgoing call, kept until the callee answers. */
  private outgoingGrant?: CallGrant;
  private elsewhere?: CallInfo;
  private readonly reported = new Map<string, Set<string>>();
  /** This user's id as learnt from the service's answers, when no selfId is given. */
  private self?: string;
  private readonly listeners = new Set<Listener>();
  private readonly hostListeners = new Set<HostListener>();
  /** Calls this page is taking over from the tab's previous page (join under way). */
  private readonly resuming = new Set<string>();
  /** Calls whose missed end this page has asked the service about. */
  private readonly askedAbout = new Set<string>();
  /** A join asked for before the realtime `ready` (the page starts fetching the token at once). */
  private early?: { id: string; grant: Promise<CallGrant> };

  private openWindow: CallWindowOpener;

  constructor(private readonly options: CallMachineOptions) {
    this.openWindow = options.openWindow;
  }

  /**
   * The tab held a call when its last page went: asks for its token now, while the page still
   * connects, so the take-over on `ready` does not wait for it. Returns the call's id, if any.
   */
  prepareTakeOver(): string | undefined {
    const tab = this.options.memory?.tabCall();
    const join = this.options.api.joinCall;
    if (!tab || !join || this.early) return undefined;
    const grant = join.call(this.options.api, tab.id);
    grant.catch(() => undefined); // used (and its error handled) by takeOver, or never
    this.early = { id: tab.id, grant };
    // The answer says the call still runs: take it over now, not only when the realtime
    // connection is ready (its `ready` brings the same call; the page change waits for neither).
    grant.then((g) => {
      if (g.call.state === 'active' && g.call.id === tab.id) this.handleCall(g.call);
    }, () => undefined);
    return tab.id;
  }

  /** Replaces how the call window opens (a host with its own call UI; tests). */
  useWindowOpener(opener: CallWindowOpener): void {
    this.openWindow = opener;
  }

  snapshot(): CallSnapshot {
    return { outgoing: this.outgoing, incoming: [...this.incoming], active: this.active?.call, ...(this.elsewhere ? { elsewhere: this.elsewhere } : {}) };
  }

  /** True while this user places or holds a call, here or on another page (call buttons are disabled then). */
  get inCall(): boolean {
    return Boolean(this.active || this.elsewhere || (this.outgoing && this.outgoing.phase !== 'ended'));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** started / answered / ended / missed / error, each once per call. */
  onHostEvent(listener: HostListener): () => void {
    this.hostListeners.add(listener);
    return () => this.hostListeners.delete(listener);
  }

  /** Places a call to `contact`. Resolves when the service has answered (ringing, busy or error). */
  async call(contact: UserRef): Promise<void> {
    if (this.inCall) return;
    this.outgoing = { contact, phase: 'calling' };
    this.changed();
    let grant: CallGrant;
    try {
      grant = await this.options.api.startCall(contact.id);
    } catch (err) {
      const e = describe(err);
      // The call the error is about, when the service sends it (busy, already_in_call).
      const call = apiError(err)?.call;
      if (e.code === 'already_in_call' && this.outgoing?.contact === contact) {
        // Another page of this user holds a call: say so, and show that call's state here too.
        this.outgoing = { contact, phase: 'ended', outcome: 'failed', error: e };
        this.emit({ type: 'error', ...e });
        if (call) this.handleCall(call);
        else void this.reconcile();
        this.changed();
        return;
      }
      if (this.outgoing?.contact === contact) {
        this.outgoing = { contact, phase: 'ended', outcome: e.code === 'busy' ? 'busy' : 'failed', ...(call ? { call } : {}), ...(e.code === 'busy' ? {} : { error: e }) };
        if (call) this.report('started', call);
        if (call) this.report('ended', call);
        if (e.code !== 'busy') this.emit({ type: 'error', ...e, ...(call ? { call } : {}) });
        this.changed();
      }
      return;
    }
    // The user may have cancelled while the request was under way.
    if (this.outgoing?.contact !== contact || this.outgoing.phase !== 'calling') {
      if (grant.call.state === 'ringing') await this.options.api.cancelCall(grant.call.id).then((c) => this.handleCall(c), () => undefined);
      return;
    }
    if (grant.call.state === 'active') {
      // The contact had just called us: the service joined both calls into theirs, answered.
      this.self ??= grant.call.callee.id;
      this.incoming = this.incoming.filter((i) => i.call.id !== grant.call.id);
      this.outgoing = { contact, phase: 'connecting', call: grant.call };
      await this.activate(grant);
      return;
    }
    this.self ??= grant.call.caller.id;
    // The realtime events can overtake this answer: the callee may have answered already.
    const seen = this.elsewhere?.id === grant.call.id ? this.elsewhere : undefined;
    if (seen) this.elsewhere = undefined;
    if (seen?.state === 'active') {
      this.outgoing = { contact, phase: 'connecting', call: seen };
      await this.activate({ ...grant, call: seen });
      return;
    }
    this.outgoingGrant = grant;
    this.outgoing = { contact, phase: 'ringing', call: grant.call };
    // The ringing call follows the caller to the tab's next page (where she can still hang up).
    this.options.memory?.setTabCall({ id: grant.call.id });
    this.handleCall(grant.call);
  }

  /** Hangs up the outgoing call while it rings, or dismisses its final state. */
  async cancel(): Promise<void> {
    const out = this.outgoing;
    if (!out) return;
    if (out.phase === 'ended') {
      this.outgoing = undefined;
      this.changed();
      return;
    }
    if (!out.call) {
      // Not placed yet: call() cancels it as soon as the service answers.
      this.outgoing = { contact: out.contact, phase: 'ended', outcome: 'cancelled' };
      this.changed();
      return;
    }
    try {
      this.handleCall(await this.options.api.cancelCall(out.call.id));
    } catch (err) {
      if (!this.settle(out.call, err, 'cancelled')) this.fail(out.call, err);
    }
  }

  /** Answers an incoming call and opens the call window. */
  async accept(callId: string): Promise<void> {
    const ringing = this.incoming.find((i) => i.call.id === callId);
    if (!ringing || ringing.phase !== 'ringing') return;
    if (this.active) await this.hangup();
    ringing.phase = 'accepting';
    this.changed();
    try {
      const grant = await this.options.api.acceptCall(callId, this.options.pageId?.());
      this.self ??= grant.call.callee.id;
      this.incoming = this.incoming.filter((i) => i.call.id !== callId);
      await this.activate(grant);
    } catch (err) {
      this.incoming = this.incoming.filter((i) => i.call.id !== callId);
      const late = apiError(err)?.call;
      if (late && late.id === callId) {
        // The caller hung up (or another page answered) a moment before: no generic error.
        this.handleCall(late);
        if (late.state === 'ended') this.emit({ type: 'error', ...describe(err), call: late });
      } else if (!this.settle(ringing.call, err, 'cancelled')) {
        this.fail(ringing.call, err);
      }
      this.changed();
    }
  }

  /** Declines an incoming call; it stops ringing at once. */
  async decline(callId: string): Promise<void> {
    const ringing = this.incoming.find((i) => i.call.id === callId);
    if (!ringing) return;
    this.incoming = this.incoming.filter((i) => i !== ringing);
    this.changed();
    try {
      this.handleCall(await this.options.api.declineCall(callId));
    } catch (err) {
      if (!this.settle(ringing.call, err, 'declined')) this.fail(ringing.call, err);
    }
  }

  /** Ends the active call (the window's end button does this). */
  async hangup(): Promise<void> {
    const active = this.active;
    if (!active) return;
    try {
      this.handleCall(await this.options.api.endCall(active.call.id));
    } catch (err) {
      if (!this.settle(active.call, err, 'completed')) this.fail(active.call, err);
      await this.closeActive();
    }
  }

  /**
   * Asks the service which call it knows for this user and brings this page in line: a call it
   * no longer knows (service restarted, an `ended` event lost while the socket was down) ends
   * here too, one it knows that this page missed is shown. Run on every realtime `ready` and
   * after a 404/409 answer.
   */
  async reconcile(): Promise<void> {
    const ask = this.options.api.currentCall;
    if (!ask) return;
    const before = this.localCalls();
    let current: CallInfo | undefined;
    try {
      current = await ask.call(this.options.api);
    } catch {
      return; // the service cannot say now; the next `ready` asks again
    }
    // An event newer than the answer may have arrived meanwhile: never step a call back.
    if (current && !this.wasReported(current.id, 'ended') && !(current.state === 'ringing' && this.wasReported(current.id, 'answered'))) {
      this.handleCall(current);
    }
    void this.askAboutUnfinished(current);
    const unknown = before.filter((c) => c.id !== current?.id);
    if (unknown.length === 0) return;
    setTimeout(() => {
      const still = this.localCalls();
      for (const call of unknown) {
        if (!still.some((c) => c.id === call.id)) continue;
        this.handleCall(endedCall(call, call.answeredAt || this.active?.call.id === call.id ? 'completed' : 'failed'));
      }
    }, RECONCILE_GRACE_MS);
  }

  /** Every `call` event of the realtime connection, and every call the REST answers carry. */
  handleCall(call: CallInfo): void {
    const outgoing = this.isOutgoing(call);
    const tab = this.options.memory?.tabCall();
    if (tab?.id === call.id && call.state === 'active' && this.active?.call.id !== call.id && !this.outgoingGrant) {
      // This tab held the call on its previous page: take it over, the window as it was.
      if (!this.resuming.has(call.id) && !this.wasReported(call.id, 'ended')) void this.takeOver(call, tab.layout);
      return;
    }
    switch (call.state) {
      case 'ringing':
        if (outgoing && tab?.id === call.id && !this.outgoing) {
          // This tab's ringing call, placed on its previous page: ringing here now, with hang-up.
          this.outgoing = { contact: call.callee, phase: 'ringing', call };
          this.resumed(call);
        }
        this.report('started', call);
        if (outgoing) {
          if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, call };
          // Placed from another page of this user (unless it is this page's, answered any moment).
          else if (!(this.outgoing?.phase === 'calling' && this.outgoing.contact.id === call.callee.id) && !this.wasReported(call.id, 'ended')) this.elsewhere = call;
        } else if (!this.incoming.some((i) => i.call.id === call.id) && !this.wasReported(call.id, 'ended')) {
          this.incoming = [...this.incoming, { call, phase: 'ringing' }];
          // If the end of the ring was lost (e.g. the connection dropped meanwhile), stop anyway.
          setTimeout(() => {
            if (!this.incoming.some((i) => i.call.id === call.id && i.phase === 'ringing')) return;
            this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
            this.changed();
          }, RING_GIVE_UP_MS);
        }
        break;
      case 'active':
        this.report('started', call);
        if (this.active?.call.id === call.id) {
          this.active.call = call;
          this.active.window?.update(call);
        } else if (outgoing && this.outgoing?.call?.id === call.id && this.outgoingGrant) {
          const grant = { ...this.outgoingGrant, call };
          this.outgoingGrant = undefined;
          void this.activate(grant);
          return;
        } else if (!outgoing) {
          // Answered on another page of this user (or accept() is about to open the window here).
          const here = this.incoming.find((i) => i.call.id === call.id);
          if (here?.phase !== 'accepting') {
            this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
            if (!this.wasReported(call.id, 'ended')) this.elsewhere = call;
          }
        } else if (!this.wasReported(call.id, 'ended')) {
          // This user's call, running on another page.
          this.elsewhere = call;
        }
        this.report('answered', call);
        break;
      case 'ended': {
        this.report('started', call);
        this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
        if (this.elsewhere?.id === call.id) this.elsewhere = undefined;
        if (this.outgoing?.call?.id === call.id || (outgoing && this.outgoing && !this.outgoing.call && this.outgoing.contact.id === call.callee.id)) {
          this.outgoingGrant = undefined;
          this.outgoing = call.outcome === 'completed' ? undefined : { contact: this.outgoing.contact, phase: 'ended', call, outcome: call.outcome ?? 'failed' };
        }
        if (this.active?.call.id === call.id) {
          this.active.call = call;
          // The window learns that the call ended (it leaves a short "Gespräch beendet" notice).
          this.active.window?.update(call);
          void this.closeActive();
        }
        if (tab?.id === call.id) this.options.memory?.setTabCall(undefined);
        if (!outgoing && !call.answeredAt && call.outcome !== 'declined' && call.outcome !== 'completed') {
          this.report('missed', call);
        }
        this.report('ended', call);
        const self = this.selfId();
        if (self) this.options.memory?.finished(self, call.id);
        break;
      }
    }
    this.changed();
  }

  private async activate(grant: CallGrant, layout?: WindowLayout): Promise<void> {
    const { call } = grant;
    const memory = this.options.memory;
    memory?.setTabCall({ id: call.id, ...(layout ? { layout } : {}) });
    // Held by this page now (a take-over claimed it already): a duplicated tab must not take it.
    if (!layout && !this.resuming.has(call.id)) void memory?.claim(call.id);
    if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, phase: 'connecting', call };
    if (this.elsewhere?.id === call.id) this.elsewhere = undefined;
    this.active = { call, grant };
    this.report('started', call);
    this.report('answered', call);
    this.changed();
    try {
      const setup = {
        ...(layout ? { layout } : {}),
        onLayout: (next: WindowLayout) => {
          if (this.active?.call.id === call.id && memory?.tabCall()?.id === call.id) memory.setTabCall({ id: call.id, layout: next });
        },
      };
      const window = await this.openWindow(grant, (reason) => {
        if (this.active?.call.id !== call.id) return;
        this.active.window = undefined;
        if (reason === 'closed') {
          this.active = undefined;
          this.changed();
        } else {
          void this.hangup().then(() => {
            if (this.active?.call.id === call.id) this.active = undefined;
            this.changed();
          });
        }
      }, setup);
      if (this.active?.call.id !== call.id) {
        await window.close();
        return;
      }
      this.active.window = window;
      if (this.outgoing?.call?.id === call.id) this.outgoing = undefined;
      // The call may have ended while the window loaded.
      if (this.active.call.state === 'ended') await this.closeActive();
    } catch (err) {
      this.fail(call, err);
      if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, phase: 'ended', outcome: 'failed', error: describe(err) };
      await this.options.api.endCall(call.id).then((c) => this.handleCall(c), () => undefined);
      this.active = undefined;
    }
    this.changed();
  }

  /** The calls this page shows as ringing or running. */
  private localCalls(): CallInfo[] {
    const calls = [
      ...(this.outgoing?.call && this.outgoing.phase !== 'ended' ? [this.outgoing.call] : []),
      ...(this.active ? [this.active.call] : []),
      ...this.incoming.map((i) => i.call),
      ...(this.elsewhere ? [this.elsewhere] : []),
    ];
    return calls.filter((c, i) => calls.findIndex((o) => o.id === c.id) === i);
  }

  /**
   * A 404 (the service does not know the call) or a 409 carrying the call settles the local
   * state instead of leaving it stuck; returns false for other errors.
   */
  private settle(call: CallInfo, err: unknown, outcome: CallOutcome): boolean {
    const e = apiError(err);
    if (e?.status === 404) {
      this.handleCall(endedCall(call, outcome));
    } else if (e?.status === 409 && e.call?.id === call.id) {
      this.handleCall(e.call);
    } else {
      return false;
    }
    void this.reconcile();
    return true;
  }

  private async closeActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    if (this.options.memory?.tabCall()?.id === active.call.id) this.options.memory.setTabCall(undefined);
    this.options.memory?.release(active.call.id);
    this.changed();
    await active.window?.close();
  }

  /**
   * The tab's previous page held this active call (a page change or reload): join it again with a
   * fresh token and open the window as it was. A duplicated tab, whose copy of the marker names a
   * call that another tab holds, shows the call as held elsewhere instead.
   */
  private async takeOver(call: CallInfo, layout: WindowLayout | undefined): Promise<void> {
    const { memory, api } = this.options;
    if (!memory || !api.joinCall) return;
    this.resuming.add(call.id);
    try {
      if (!(await memory.claim(call.id))) {
        this.resuming.delete(call.id);
        if (!this.wasReported(call.id, 'ended') && this.active?.call.id !== call.id) {
          this.elsewhere = call;
          this.changed();
        }
        return;
      }
      // Ringing here already (it followed the caller): the answer is news; otherwise it resumes.
      if (!(this.outgoing?.call?.id === call.id && this.outgoing.phase === 'ringing')) this.resumed(call);
      let grant: CallGrant;
      try {
        const early = this.early?.id === call.id ? this.early.grant : undefined;
        this.early = undefined;
        grant = await (early ?? api.joinCall(call.id));
      } catch (err) {
        memory.release(call.id);
        memory.setTabCall(undefined);
        if (!this.settle(call, err, 'completed')) this.fail(call, err);
        return;
      }
      if (grant.call.state === 'ended' || this.wasReported(call.id, 'ended')) {
        memory.release(call.id);
        this.handleCall(grant.call);
        return;
      }
      if (this.outgoing?.call?.id === call.id) this.outgoing = undefined;
      await this.activate(grant, layout);
    } finally {
      this.resuming.delete(call.id);
    }
  }

  /** Taken over from the tab's previous page: the host hears `resumed`, never `started` again. */
  private resumed(call: CallInfo): void {
    this.silently('started', call);
    if (call.state === 'active') this.silently('answered', call);
    this.report('resumed', call);
  }

  /**
   * Calls this browser reported as started but never as ended (the page that had them closed or
   * navigated first): asks the service how each ended and sends the missing events.
   */
  private async askAboutUnfinished(current: CallInfo | undefined): Promise<void> {
    const self = this.selfId();
    const ask = this.options.api.getCall;
    if (!self || !ask || !this.options.memory) return;
    const here = new Set(this.localCalls().map((c) => c.id));
    for (const id of this.options.memory.unfinished(self)) {
      if (id === current?.id || here.has(id) || this.askedAbout.has(id) || this.wasReported(id, 'ended')) continue;
      this.askedAbout.add(id);
      try {
        const call = await ask.call(this.options.api, id);
        if (call.state === 'ended') this.handleCall(call);
      } catch (err) {
        // The service forgot it (kept a day) or never knew it: nothing left to report.
        if (apiError(err)?.status === 404) this.options.memory.finished(self, id);
      }
    }
  }

  private selfId(): string | undefined {
    return this.options.selfId?.() ?? this.self;
  }

  private isOutgoing(call: CallInfo): boolean {
    const self = this.selfId();
    if (self) return call.caller.id === self;
    return this.outgoing?.call?.id === call.id;
  }

  private wasReported(id: string, type: string): boolean {
    return this.reported.get(id)?.has(type) ?? false;
  }

  /**
   * Sends a host event once per call; `started`, `answered` and `missed` once per browser (a page
   * change or another tab of the person does not send them again).
   */
  private report(type: 'started' | 'answered' | 'ended' | 'missed' | 'resumed', call: CallInfo): void {
    if (!this.silently(type, call)) return;
    const self = this.selfId();
    const memory = this.options.memory;
    if (self && memory && type !== 'ended' && type !== 'resumed') {
      if (memory.reported(self, call.id).includes(type)) return;
      if (type !== 'started' || call.state !== 'ended') memory.markReported(self, call.id, type as ReportedEvent);
    }
    this.emit({ type, call });
  }

  /** Marks the event as sent for this page without sending it; false when it was already. */
  private silently(type: string, call: CallInfo): boolean {
    let seen = this.reported.get(call.id);
    if (!seen) {
      seen = new Set();
      this.reported.set(call.id, seen);
      if (this.reported.size > REMEMBERED) this.reported.delete(this.reported.keys().next().value!);
    }
    if (seen.has(type)) return false;
    seen.add(type);
    return true;
  }

  private fail(call: CallInfo | undefined, err: unknown): void {
    this.emit({ type: 'error', ...describe(err), ...(call ? { call } : {}) });
  }

  private emit(event: HostCallEvent): void {
    for (const listener of [...this.hostListeners]) listener(event);
  }

  private changed(): void {
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

function describe(err: unknown): { code: string; message: string } {
  return { code: apiError(err)?.code ?? 'failed', message: (err as Error | undefined)?.message ?? String(err) };
}
