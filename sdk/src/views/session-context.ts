// How view parts get the session: the view that owns it provides it with @lit/context, nested
// parts consume it (no module-level singleton), and StoreController re-renders a part when one
// domain of the session changes.
import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionApi } from '../session/session-api.js';
import type { Readable } from '../session/store.js';

export const sessionContext = createContext<SessionApi | undefined>(Symbol('timio-session'));

/**
 * Follows one domain of the session the host has now: `pick(session)` names the store. The host
 * calls `sync()` when its session changes (in willUpdate); `value` is the domain's current value.
 */
export class StoreController<T> implements ReactiveController {
  value: T | undefined;
  private store?: Readable<T>;
  private stop?: () => void;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => SessionApi | undefined,
    private readonly pick: (session: SessionApi) => Readable<T>,
  ) {
    host.addController(this);
  }

  /** Re-reads which store to follow (the host's session may have changed). */
  sync(): void {
    const s = this.session();
    const store = s ? this.pick(s) : undefined;
    if (store === this.store) return;
    this.stop?.();
    this.stop = undefined;
    this.store = store;
    this.value = store?.value;
    if (this.connected) this.follow();
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop?.();
    this.stop = undefined;
  }

  private follow(): void {
    if (!this.store || this.stop) return;
    let first = true;
    this.stop = this.store.subscribe((value) => {
      this.value = value;
      if (!first) this.host.requestUpdate();
      first = false;
    });
  }
}
