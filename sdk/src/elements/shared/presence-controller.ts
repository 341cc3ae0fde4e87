// Live presence of one contact for an element: subscribes through the page's realtime connection
// while the element is connected, and follows changes of the contact id.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PresenceStatus } from '../../protocol/realtime.js';
import { whenRealtime } from '../../page/page-services.js';

export const presenceStatuses: readonly PresenceStatus[] = ['online', 'offline', 'busy'];

export class PresenceController implements ReactiveController {
  /** The live status; undefined until the service has said anything about the contact. */
  live?: PresenceStatus;
  private watched?: string;
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost, private readonly contact: () => string | undefined) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Call at the start of willUpdate: follows a changed contact id before the status is read. */
  sync(): void {
    if (this.contact() !== this.watched) this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.watched = undefined;
  }

  private follow(): void {
    this.stop?.();
    this.live = undefined;
    const contact = (this.watched = this.contact());
    if (!contact) return;
    let unwatch: (() => void) | undefined;
    const cancelWait = whenRealtime((realtime) => {
      unwatch = realtime.watchPresence(contact, (status) => {
        if (this.live === status) return;
        this.live = status;
        this.host.requestUpdate();
      });
    });
    this.stop = () => {
      cancelWait();
      unwatch?.();
    };
  }
}

/** The status an element shows: the host's `presence` attribute when valid, else the live one. */
export function effectivePresence(override: string | undefined | null, live: PresenceStatus | undefined): PresenceStatus {
  return presenceStatuses.includes(override as PresenceStatus) ? (override as PresenceStatus) : live ?? 'offline';
}
