// The page's calls as the light part sees them: the snapshot elements draw, the host events, the
// user's actions. The call machine (call-machine.ts with resume and reconcile) is a chunk of its own,
// loaded on the page's first call event or action, or at once when the tab has a call to resume.
// Until it is there a ring is shown from here (the incoming-call popup never waits for a download),
// a call being placed shows "calling", and every event and action is handed to the machine in order.
import type { CallInfo, UserRef } from '#protocol/realtime.js';
import type { CallApi, CallSnapshot, CallWindowOpener, HostCallEvent } from './call-types.js';
import type { CallMachine } from './call-machine.js';
import { Listeners } from './listeners.js';
import { callResumePending, tabCallId } from '../resume/call-resume-keys.js';

export interface PageCallsOptions {
  api: CallApi;
  openWindow: CallWindowOpener;
  selfId: () => string | undefined;
  pageId: () => string | undefined;
  /** Loads the calls chunk (tests pass their own to hold it back); default its dynamic import. */
  loadMachine?: () => Promise<CallsChunk>;
}

/** The calls chunk: the machine, and the caller's popup that <timio-notifications> draws from it. */
export type CallsChunk = typeof import('./page-machine.js');

export class PageCalls {
  private machine?: CallMachine;
  private loaded?: CallsChunk;
  private loading?: Promise<CallMachine>;
  /** Call events that came before the machine, handed to it in order. */
  private readonly early: CallInfo[] = [];
  /** What the page shows until the machine is there. */
  private before: CallSnapshot = { incoming: [] };
  private readonly listeners = new Listeners<CallSnapshot>();
  private readonly hostListeners = new Listeners<HostCallEvent>();
  private openWindow: CallWindowOpener;

  constructor(private readonly options: PageCallsOptions) {
    this.openWindow = options.openWindow;
  }

  /** The calls chunk once it is there (an outgoing call's popup is drawn from it). */
  get chunk(): CallsChunk | undefined {
    return this.loaded;
  }

  snapshot(): CallSnapshot {
    return this.machine?.snapshot() ?? this.before;
  }

  /** True while this user places or holds a call, here or on another page (call buttons are disabled then). */
  get inCall(): boolean {
    return this.machine ? this.machine.inCall : Boolean(this.before.outgoing);
  }

  subscribe(listener: (snapshot: CallSnapshot) => void): () => void {
    return this.listeners.add(listener);
  }

  /** started / answered / ended / missed / resumed / error, each once per call. */
  onHostEvent(listener: (event: HostCallEvent) => void): () => void {
    return this.hostListeners.add(listener);
  }

  /** Replaces how the call window opens (a host with its own call UI; tests). */
  useWindowOpener(opener: CallWindowOpener): void {
    this.openWindow = opener;
    this.machine?.useWindowOpener(opener);
  }

  /** Places a call to `contact` ("calling" shows at once). */
  call(contact: UserRef): Promise<void> {
    if (!this.machine && !this.inCall) this.show({ ...this.before, outgoing: { contact, phase: 'calling' } });
    return this.withMachine((m) => m.call(contact));
  }

  cancel(): Promise<void> {
    return this.withMachine((m) => m.cancel());
  }

  accept(callId: string): Promise<void> {
    return this.withMachine((m) => m.accept(callId));
  }

  decline(callId: string): Promise<void> {
    return this.withMachine((m) => m.decline(callId));
  }

  hangup(): Promise<void> {
    return this.withMachine((m) => m.hangup());
  }

  /** Every `call` event of the realtime connection. */
  handleCall(call: CallInfo): void {
    if (this.machine) return this.machine.handleCall(call);
    this.early.push(call);
    const incoming = this.before.incoming.filter((i) => i.call.id !== call.id);
    // A ring for this user: the popup shows now; accept and decline wait for the machine.
    if (call.state === 'ringing' && call.callee.id === this.options.selfId()) incoming.push({ call, phase: 'ringing' });
    this.show({ ...this.before, incoming });
    void this.load().catch(() => undefined);
  }

  /**
   * Brings the page in line with the service on every realtime `ready`. Without the machine, a page
   * with nothing to resume or finish only asks whether a call rings or runs; the machine is loaded
   * only when one does.
   */
  async reconcile(): Promise<void> {
    if (this.loading || callResumePending(this.options.selfId())) return this.withMachine((m) => m.reconcile());
    let current: CallInfo | undefined;
    try {
      current = await this.options.api.currentCall?.();
    } catch {
      return; // the service cannot say now; the next `ready` asks again
    }
    if (current) this.handleCall(current);
  }

  /**
   * The tab held a call when its last page went: asks for the call's token now, beside the
   * machine's chunk (not once it has arrived: on a page change that token is the longest wait
   * before LiveKit), and loads the machine, which resumes with it. Returns the call's id, if any.
   */
  prepareResume(): string | undefined {
    const id = tabCallId();
    if (id) {
      const grant = this.options.api.joinCall?.(id);
      // Both handled here for the case the chunk cannot load (offline); the machine's resume handles the answer.
      void Promise.all([grant, this.withMachine((m) => void m.prepareResume(grant))]).catch(() => undefined);
    }
    return id;
  }

  private withMachine<T>(action: (machine: CallMachine) => T | Promise<T>): Promise<T> {
    return this.load().then(action);
  }

  private load(): Promise<CallMachine> {
    this.loading ??= (this.options.loadMachine?.() ?? import('./page-machine.js')).then((chunk) => {
      const { api, selfId, pageId } = this.options;
      this.loaded = chunk;
      const machine = chunk.createPageMachine({ api, selfId, pageId, openWindow: this.openWindow });
      machine.subscribe((snapshot) => this.listeners.notify(snapshot));
      machine.onHostEvent((event) => this.hostListeners.notify(event));
      for (const call of this.early.splice(0)) machine.handleCall(call);
      this.machine = machine;
      this.listeners.notify(machine.snapshot());
      return machine;
    }, (err: unknown) => {
      this.loading = undefined; // a failed fetch (offline) may be tried again
      // The caller's popup comes with the chunk: without it, a call being placed is over (the call
      // buttons work again) and the error notice says why.
      if (this.before.outgoing) this.show({ incoming: this.before.incoming });
      this.hostListeners.notify({ type: 'error', code: 'failed', message: (err as Error | undefined)?.message ?? String(err) });
      throw err;
    });
    return this.loading;
  }

  private show(snapshot: CallSnapshot): void {
    this.before = snapshot;
    this.listeners.notify(snapshot);
  }
}
