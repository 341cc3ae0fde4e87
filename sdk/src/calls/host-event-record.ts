// The record of host events sent: each of `timio-call-started`, `-answered`, `-ended`, `-missed`,
// `-resumed` goes out at most once per call and page, and `started`, `answered` and `missed` at most
// once per browser (the resume store's ledger is shared by the person's pages and tabs), so a page
// change or a second tab never repeats them.
import type { CallInfo } from '#protocol/realtime.js';
import type { CallResumeStore, ReportedEvent } from '../resume/call-resume-store.js';
import type { HostCallEvent } from './call-types.js';

/** How many calls are remembered so late duplicate events are not reported twice. */
const REMEMBERED = 64;

export type HostEventType = 'started' | 'answered' | 'ended' | 'missed' | 'resumed';

export class HostEventRecord {
  private readonly sent = new Map<string, Set<string>>();

  constructor(
    private readonly emit: (event: HostCallEvent) => void,
    private readonly selfId: () => string | undefined,
    private readonly store?: CallResumeStore,
  ) {}

  /** Whether this page sent (or silently marked) `type` for the call. */
  was(id: string, type: HostEventType): boolean {
    return this.sent.get(id)?.has(type) ?? false;
  }

  /** Sends the event unless this page, or for started/answered/missed this browser, already did. */
  report(type: HostEventType, call: CallInfo): void {
    if (!this.mark(type, call)) return;
    const self = this.selfId();
    const store = this.store;
    if (self && store && type !== 'ended' && type !== 'resumed') {
      if (store.reported(self, call.id).includes(type)) return;
      // A call seen first as ended never had its `started` in this browser's ledger: not recorded.
      if (type !== 'started' || call.state !== 'ended') store.markReported(self, call.id, type as ReportedEvent);
    }
    this.emit({ type, call });
  }

  /** Marks the event as sent for this page without sending it; false when it was already. */
  mark(type: HostEventType, call: CallInfo): boolean {
    let seen = this.sent.get(call.id);
    if (!seen) {
      seen = new Set();
      this.sent.set(call.id, seen);
      if (this.sent.size > REMEMBERED) this.sent.delete(this.sent.keys().next().value!);
    }
    if (seen.has(type)) return false;
    seen.add(type);
    return true;
  }

  /** Taken over from the tab's previous page: the host hears `resumed`, never `started` again. */
  resumed(call: CallInfo): void {
    this.mark('started', call);
    if (call.state === 'active') this.mark('answered', call);
    this.report('resumed', call);
  }
}
