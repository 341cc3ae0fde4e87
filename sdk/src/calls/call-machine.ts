// The call state machine of one page, in plain TypeScript (no DOM). It is fed by the user's
// actions (call, accept, decline, cancel, hang up), by the token service's answers and by the
// realtime `call` events, and it tells its subscribers what to show and which host events to send.
// It owns the call window's lifetime: when a call becomes active it opens the window through the
// injected `openWindow` (the conference chunk), and it ends the call when the window closes.
import type { CallInfo, CallOutcome, UserRef } from '../protocol/realtime.js';
import type { CallGrant } from '../api/token-service-client.js';

/** The REST calls the machine makes (TokenServiceClient provides them). */
export interface CallApi {
  startCall(callee: string): Promise<CallGrant>;
  acceptCall(id: string, page?: string): Promise<CallGrant>;
  declineCall(id: string): Promise<CallInfo>;
  cancelCall(id: string): Promise<CallInfo>;
  endCall(id: string): Promise<CallInfo>;
}

/** The open call window as the machine sees it (the conference chunk's CallWindowHandle fits). */
export interface CallWindow {
  update(call: CallInfo): void;
  close(): Promise<void>;
}

/** Why the window closed: `closed` when the machine closed it, anything else ends the call. */
export type CallWindowOpener = (grant: CallGrant, onEnd: (reason: string) => void) => Promise<CallWindow>;

export interface CallMachineOptions {
  api: CallApi;
  openWindow: CallWindowOpener;
  /** This user's id (from the realtime `ready`), to tell outgoing from incoming calls. */
  selfId?: () => string | undefined;
  /** This page's realtime id, sent with accept so the callee's other pages stop ringing. */
  pageId?: () => string | undefined;
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
}

export type HostCallEvent =
  | { type: 'started' | 'answered' | 'ended' | 'missed'; call: CallInfo }
  | { type: 'error'; code: string; message: string; call?: CallInfo };

type Listener = (snapshot: CallSnapshot) => void;
type HostListener = (event: HostCallEvent) => void;

/** How many finished calls are remembered so late duplicate events are not reported twice. */
const REMEMBERED = 64;
/** An incoming call stops ringing here after this long even if its end never arrived. */
const RING_GIVE_UP_MS = 180_000;

export class CallMachine {
  private outgoing?: OutgoingCallView;
  private incoming: IncomingCallView[] = [];
  private active?: { call: CallInfo; window?: CallWindow; grant: CallGrant };
  /** Grants of this page's outgoing call, kept until the callee answers. */
  private outgoingGrant?: CallGrant;
  private readonly reported = new Map<string, Set<string>>();
  /** This user's id as learnt from the service's answers, when no selfId is given. */
  private self?: string;
  private readonly listeners = new Set<Listener>();
  private readonly hostListeners = new Set<HostListener>();

  private openWindow: CallWindowOpener;

  constructor(private readonly options: CallMachineOptions) {
    this.openWindow = options.openWindow;
  }

  /** Replaces how the call window opens (a host with its own call UI; tests). */
  useWindowOpener(opener: CallWindowOpener): void {
    this.openWindow = opener;
  }

  snapshot(): CallSnapshot {
    return { outgoing: this.outgoing, incoming: [...this.incoming], active: this.active?.call };
  }

  /** True while this page places or holds a call (call buttons are disabled then). */
  get inCall(): boolean {
    return Boolean(this.active || (this.outgoing && this.outgoing.phase !== 'ended'));
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
      if (this.outgoing?.contact === contact) {
        const call = (err as { call?: CallInfo }).call;
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
    this.self ??= grant.call.caller.id;
    this.outgoingGrant = grant;
    this.outgoing = { contact, phase: 'ringing', call: grant.call };
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
      this.fail(out.call, err);
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
      this.fail(ringing.call, err);
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
      this.fail(ringing.call, err);
    }
  }

  /** Ends the active call (the window's end button does this). */
  async hangup(): Promise<void> {
    const active = this.active;
    if (!active) return;
    try {
      this.handleCall(await this.options.api.endCall(active.call.id));
    } catch (err) {
      this.fail(active.call, err);
      await this.closeActive();
    }
  }

  /** Every `call` event of the realtime connection, and every call the REST answers carry. */
  handleCall(call: CallInfo): void {
    const outgoing = this.isOutgoing(call);
    switch (call.state) {
      case 'ringing':
        this.report('started', call);
        if (outgoing) {
          if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, call };
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
          if (here?.phase !== 'accepting') this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
        }
        this.report('answered', call);
        break;
      case 'ended': {
        this.report('started', call);
        this.incoming = this.incoming.filter((i) => i.call.id !== call.id);
        if (this.outgoing?.call?.id === call.id || (outgoing && this.outgoing && !this.outgoing.call && this.outgoing.contact.id === call.callee.id)) {
          this.outgoingGrant = undefined;
          this.outgoing = call.outcome === 'completed' ? undefined : { contact: this.outgoing.contact, phase: 'ended', call, outcome: call.outcome ?? 'failed' };
        }
        if (this.active?.call.id === call.id) {
          this.active.call = call;
          void this.closeActive();
        }
        if (!outgoing && !call.answeredAt && call.outcome !== 'declined' && call.outcome !== 'completed') {
          this.report('missed', call);
        }
        this.report('ended', call);
        break;
      }
    }
    this.changed();
  }

  private async activate(grant: CallGrant): Promise<void> {
    const { call } = grant;
    if (this.outgoing?.call?.id === call.id) this.outgoing = { ...this.outgoing, phase: 'connecting', call };
    this.active = { call, grant };
    this.report('started', call);
    this.report('answered', call);
    this.changed();
    try {
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
      });
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

  private async closeActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = undefined;
    this.changed();
    await active.window?.close();
  }

  private isOutgoing(call: CallInfo): boolean {
    const self = this.options.selfId?.() ?? this.self;
    if (self) return call.caller.id === self;
    return this.outgoing?.call?.id === call.id;
  }

  private wasReported(id: string, type: string): boolean {
    return this.reported.get(id)?.has(type) ?? false;
  }

  private report(type: 'started' | 'answered' | 'ended' | 'missed', call: CallInfo): void {
    let seen = this.reported.get(call.id);
    if (!seen) {
      seen = new Set();
      this.reported.set(call.id, seen);
      if (this.reported.size > REMEMBERED) this.reported.delete(this.reported.keys().next().value!);
    }
    if (seen.has(type)) return;
    seen.add(type);
    this.emit({ type, call });
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
  const e = err as { code?: unknown; message?: unknown } | undefined;
  return {
    code: typeof e?.code === 'string' ? e.code : 'failed',
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}
