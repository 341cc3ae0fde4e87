// The page's copy of the presence the token service owns: the last status it reported for each
// contact the service watches for this page, and who on the page wants to hear about which contact.
import type { PresenceStatus } from '../protocol/realtime.js';

export type PresenceListener = (status: PresenceStatus) => void;

export class PresenceStore {
  private readonly statuses = new Map<string, PresenceStatus>();
  private readonly listeners = new Map<string, Set<PresenceListener>>();

  /** `onWatchChange` runs whenever the set of watched contacts gains or loses one. */
  constructor(private readonly onWatchChange: () => void) {}

  /** Calls `listener` with the status now (when known) and on every change; returns the unsubscribe. */
  subscribe(contactId: string, listener: PresenceListener): () => void {
    let set = this.listeners.get(contactId);
    if (!set) {
      this.listeners.set(contactId, (set = new Set()));
      this.onWatchChange();
    }
    set.add(listener);
    const known = this.statuses.get(contactId);
    if (known) call(listener, known);
    return () => {
      const s = this.listeners.get(contactId);
      if (!s?.delete(listener) || s.size > 0) return;
      this.listeners.delete(contactId);
      // The status stays until the service stops watching the contact (retain): a button that
      // takes this one's place before the next watch batch (a list re-rendering its rows) gets it
      // at once, as the service sends nothing for a contact it never stopped watching.
      this.onWatchChange();
    };
  }

  get(contactId: string): PresenceStatus | undefined {
    return this.statuses.get(contactId);
  }

  /** Contacts someone on the page listens to. */
  watched(): string[] {
    return [...this.listeners.keys()];
  }

  /** The service now watches exactly `watched` for this page: forget every other status. */
  retain(watched: ReadonlySet<string>): void {
    for (const id of [...this.statuses.keys()]) if (!watched.has(id)) this.statuses.delete(id);
  }

  /** Applies what the server reported; listeners hear only real changes. */
  apply(users: Array<{ id: string; status: PresenceStatus }>): void {
    for (const { id, status } of users) {
      // Kept even while nobody listens: the service sends only what it watches for this page,
      // and a listener may come back before the next watch batch (see subscribe).
      if (this.statuses.get(id) === status) continue;
      this.statuses.set(id, status);
      for (const l of [...(this.listeners.get(id) ?? [])]) call(l, status);
    }
  }
}

function call(listener: PresenceListener, status: PresenceStatus): void {
  try {
    listener(status);
  } catch (err) {
    console.error('[timio] presence listener failed', err);
  }
}
