// The call state machine of one page, in plain TypeScript (no DOM), fed by the user's actions, the
// token service's answers and the realtime `call` events; it tells its subscribers what to show and
// which host events to send, and owns the call window's lifetime (opened through the injected
// `openWindow` when a call becomes active; closing it ends the call). Its other jobs are modules of
// their own: host-event-record.ts, resume/call-resume.ts (the tab's next page), reconcile.ts,
// window-after-end.ts. Loaded on demand (page-machine.ts); the light part talks to it via page-calls.ts.
import type { CallInfo, CallOutcome, UserRef } from '#protocol/realtime.js';
import { apiError } from '../api/api-error.js';
import { failure, settledCall } from './call-errors.js';
import type { CallGrant } from '../api/token-service-client.js';
import type { WindowLayout } from '../resume/call-resume-store.js';
import { CallResume } from '../resume/call-resume.js';
import type { CallMachineOptions, CallSnapshot, CallWindow, CallWindowOpener, HostCallEvent, IncomingCallView, OutgoingCallView } from './call-types.js';
import { HostEventRecord } from './host-event-record.js';
import { Listeners } from './listeners.js';
import { Reconciler } from './reconcile.js';
import { windowAfterEnd } from './window-after-end.js';

/** An incoming call stops ringing here after this long even if its end never arrived. */
const RING_GIVE_UP_MS = 180_000;

export class CallMachine {
  private outgoing?: OutgoingCallView;
  private incoming: IncomingCallView[] = [];
  private active?: { call: CallInfo; window?: CallWindow; grant: CallGrant };
  /** Grants of this page's outgoing call, kept until the callee answers. */
  private outgoingGrant?: CallGrant;
  private elsewhere?: CallInfo;
  /** Host events sent, per call (once per page; started/answered/missed once per browser). */
  private readonly record: HostEventRecord;
  /** This user's id as learnt from the service's answers, when no selfId is given. */
  private self?: string;
  private readonly listeners = new Listeners<CallSnapshot>();
  private readonly hostListeners = new Listeners<HostCallEvent>();
  /** Taking over the call the tab held on its previous page (without a resume store: nothing to take over). */
  private readonly resume?: CallResume;
  private readonly reconciler: Reconciler;

  private openWindow: CallWindowOpener;

  constructor(private readonly options: CallMachineOptions) {
    this.openWindow = options.openWindow;
    const selfId = () => this.selfId();
    this.record = new HostEventRecord((event) => this.emit(event), selfId, options.resumeStore);
    const handleCall = (call: CallInfo) => this.handleCall(call);
    this.reconciler = new Reconciler({ api: options.api, record: this.record, ...(options.resumeStore ? { store: options.resumeStore } : {}), snapshot: () => this.snapshot(), selfId, handleCall });
    if (options.resumeStore) {
      this.resume = new CallResume({
        api: options.api,
        record: this.record,
        isActive: (id) => this.active?.call.id === id,
        ringsHere: (id) => this.outgoing?.call?.id === id && this.outgoing.phase === 'ringing',
        dropOutgoing: (id) => void (this.outgoing?.call?.id === id && (this.outgoing = undefined)),
        showElsewhere: (call) => void ((this.elsewhere = call), this.changed()),
        handleCall,
        activate: (grant, layout) => this.activate(grant, layout),
        settle: (call, err, outcome) => this.settle(call, err, outcome),
        fail: (call, err) => this.fail(call, err),
      }, options.resumeStore);
    }
  }

  /**
   * The tab held a call when its last page went: asks for its token now (or takes `asked`, the light
   * part's request), while the page still connects (resume/call-resume.ts). Returns the call's id.
   */
  prepareResume(asked?: Promise<CallGrant>): string | undefined {
    return this.resume?.prepare(asked);
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

  subscribe(listener: (snapshot: CallSnapshot) => void): () => void {
    return this.listeners.add(listener);
  }

  /** started / answered / ended / missed / error, each once per call. */
  onHostEvent(listener: (event: HostCallEvent) => void): () => void {
    return this.hostListeners.add(listener);
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
      const e = failure(err);
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
        if (call) this.record.report('started', call);
        if (call) this.record.report('ended', call);
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
    this.options.resumeStore?.setTabCall({ id: grant.call.id });
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
        if (late.state === 'ended') this.emit({ type: 'error', ...failure(err), call: late });
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
   * Asks the service which call it knows for this user and brings this page in line (reconcile.ts).
   * Run on every realtime `ready` and after a 404/409 answer.
   */
  reconcile(): Promise<void> {
    return this.reconciler.reconcile();
  }

  /** Every `call` event of the realtime connection, and every call the REST answers carry. */
  handleCall(call: CallInfo): void {
    const outgoing = this.isOutgoing(call);
    const tab = this.options.resumeStore?.tabCall();
    if (tab?.id === call.id && call.state === 'active' && this.active?.call.id !== call.id && !this.outgoingGrant) {
      // This tab held the call on its previous page: resume it, the window as it was.
      this.resume?.offer(call, tab.layout);
      return;
    }
    switch (call.state) {
      case 'ringing':
        if (outgoing && tab?.id === call.id && !this.outgoing) {
          // This tab's ringing call, placed on its previous page: ringing here now, with hang-up.
          this.outgoing = { contact: call.callee, phase: 'ringing', call };
          this.record.resumed(call);
        }
        this.record.report('started', call);
        if (outgoing) {
          if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, call };
          // Placed from another page of this user (unless it is this page's, answered any moment).
          else if (!(this.outgoing?.phase === 'calling' && this.outgoing.contact.id === call.callee.id) && !this.record.was(call.id, 'ended')) this.elsewhere = call;
        } else if (!this.incoming.some((i) => i.call.id === call.id) && !this.record.was(call.id, 'ended')) {
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
        this.record.report('started', call);
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
            if (!this.record.was(call.id, 'ended')) this.elsewhere = call;
          }
        } else if (!this.record.was(call.id, 'ended')) {
          // This user's call, running on another page.
          this.elsewhere = call;
        }
        this.record.report('answered', call);
        break;
      case 'ended': {
        this.record.report('started', call);
        this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
        if (this.elsewhere?.id === call.id) this.elsewhere = undefined;
        if (this.outgoing?.call?.id === call.id || (outgoing && this.outgoing && !this.outgoing.call && this.outgoing.contact.id === call.callee.id)) {
          this.outgoingGrant = undefined;
          this.outgoing = call.outcome === 'completed' ? undefined : { contact: this.outgoing.contact, phase: 'ended', call, outcome: call.outcome ?? 'failed' };
        }
        const active = this.active;
        if (active?.call.id === call.id) {
          active.call = call;
          const then = windowAfterEnd(active.window, call);
          active.window = undefined;
          void this.closeActive().then(then);
        }
        if (tab?.id === call.id) this.options.resumeStore?.setTabCall(undefined);
        if (!outgoing && !call.answeredAt && call.outcome !== 'declined' && call.outcome !== 'completed') {
          this.record.report('missed', call);
        }
        this.record.report('ended', call);
        const self = this.selfId();
        if (self) this.options.resumeStore?.finished(self, call.id);
        break;
      }
    }
    this.changed();
  }

  private async activate(grant: CallGrant, layout?: WindowLayout): Promise<void> {
    const { call } = grant;
    this.resume?.hold(grant, layout);
    if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, phase: 'connecting', call };
    if (this.elsewhere?.id === call.id) this.elsewhere = undefined;
    this.active = { call, grant };
    this.record.report('started', call);
    this.record.report('answered', call);
    this.changed();
    try {
      const setup = this.resume?.windowSetup(call.id, layout, () => this.active?.call.id === call.id) ?? {};
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
      if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, phase: 'ended', outcome: 'failed', error: failure(err) };
      await this.options.api.endCall(call.id).then((c) => this.handleCall(c), () => undefined);
      this.active = undefined;
    }
    this.changed();
  }

  /**
   * A 404 (the service does not know the call) or a 409 carrying the call settles the local
   * state instead of leaving it stuck (call-errors.ts); returns false for other errors.
   */
  private settle(call: CallInfo, err: unknown, outcome: CallOutcome): boolean {
    const settled = settledCall(call, err, outcome);
    if (!settled) return false;
    this.handleCall(settled);
    void this.reconcile();
    return true;
  }

  private async closeActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    this.resume?.letGo(active.call.id);
    this.changed();
    await active.window?.close();
  }

  private selfId(): string | undefined {
    return this.options.selfId?.() ?? this.self;
  }

  private isOutgoing(call: CallInfo): boolean {
    const self = this.selfId();
    if (self) return call.caller.id === self;
    return this.outgoing?.call?.id === call.id;
  }

  private fail(call: CallInfo | undefined, err: unknown): void {
    this.emit({ type: 'error', ...failure(err), ...(call ? { call } : {}) });
  }

  private emit(event: HostCallEvent): void {
    this.hostListeners.notify(event);
  }

  private changed(): void {
    this.listeners.notify(this.snapshot());
  }
}
