// Bringing the page's calls in line with the token service: a call it no longer knows (service
// restarted, an `ended` event lost while the socket was down) ends here too, one it knows that this
// page missed is shown, and calls this browser reported as started but never as ended (the page
// that had them closed or navigated first) get their missing events. Part of the call machine.
import type { CallInfo } from '#protocol/realtime.js';
import { endedCall } from '#protocol/call-end.js';
import { apiError } from '../api/api-error.js';
import type { CallResumeStore } from '../resume/call-resume-store.js';
import type { CallApi, CallSnapshot } from './call-types.js';
import type { HostEventRecord } from './host-event-record.js';

/** A call the service no longer knows is let go after this long, unless its end arrives meanwhile. */
const RECONCILE_GRACE_MS = 1_000;

/** The calls a page shows as ringing or running, each once. */
export function callsShown(snapshot: CallSnapshot): CallInfo[] {
  const { outgoing, active, incoming, elsewhere } = snapshot;
  const calls = [
    ...(outgoing?.call && outgoing.phase !== 'ended' ? [outgoing.call] : []),
    ...(active ? [active] : []),
    ...incoming.map((i) => i.call),
    ...(elsewhere ? [elsewhere] : []),
  ];
  return calls.filter((c, i) => calls.findIndex((o) => o.id === c.id) === i);
}

/**
 * How a call the service no longer knows ends here: completed when it had been answered (or has
 * a window on this page), otherwise failed.
 */
export function forgottenEnd(call: CallInfo, hadWindow: boolean): CallInfo {
  return endedCall(call, call.answeredAt || hadWindow ? 'completed' : 'failed');
}

export interface ReconcileHost {
  readonly api: CallApi;
  readonly record: HostEventRecord;
  readonly store?: CallResumeStore;
  snapshot(): CallSnapshot;
  selfId(): string | undefined;
  handleCall(call: CallInfo): void;
}

export class Reconciler {
  /** Calls whose missed end this page has asked the service about. */
  private readonly askedAbout = new Set<string>();

  constructor(private readonly host: ReconcileHost) {}

  /** Asks the service which call it knows for this user and brings this page in line. */
  async reconcile(): Promise<void> {
    const { api, record } = this.host;
    if (!api.currentCall) return;
    const before = callsShown(this.host.snapshot());
    let current: CallInfo | undefined;
    try {
      current = await api.currentCall();
    } catch {
      return; // the service cannot say now; the next `ready` asks again
    }
    // An event newer than the answer may have arrived meanwhile: never step a call back.
    if (current && !record.was(current.id, 'ended') && !(current.state === 'ringing' && record.was(current.id, 'answered'))) {
      this.host.handleCall(current);
    }
    void this.askAboutUnfinished(current);
    const unknown = before.filter((c) => c.id !== current?.id);
    if (unknown.length === 0) return;
    setTimeout(() => {
      const now = this.host.snapshot();
      const still = callsShown(now);
      for (const call of unknown) {
        if (still.some((c) => c.id === call.id)) this.host.handleCall(forgottenEnd(call, now.active?.id === call.id));
      }
    }, RECONCILE_GRACE_MS);
  }

  /** Calls this browser reported as started but never as ended: asks the service how each ended. */
  private async askAboutUnfinished(current: CallInfo | undefined): Promise<void> {
    const { api, store, record } = this.host;
    const self = this.host.selfId();
    if (!self || !api.getCall || !store) return;
    const here = new Set(callsShown(this.host.snapshot()).map((c) => c.id));
    for (const id of store.unfinished(self)) {
      if (id === current?.id || here.has(id) || this.askedAbout.has(id) || record.was(id, 'ended')) continue;
      this.askedAbout.add(id);
      try {
        const call = await api.getCall(id);
        if (call.state === 'ended') this.host.handleCall(call);
      } catch (err) {
        // The service forgot it (kept a day) or never knew it: nothing left to report.
        if (apiError(err)?.status === 404) store.finished(self, id);
      }
    }
  }
}
