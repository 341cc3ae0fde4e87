// Follows one keyed realtime subscription for an element (a contact's presence, a room's status):
// subscribes through the page's realtime connection while the element is connected, follows a
// changed key, and re-renders the element when the state the updates fold into changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RealtimePort } from '../../calls/realtime-port.js';
import { whenRealtime } from '../../page/page-services.js';

/** How one kind of subscription is watched and what its updates mean for the element. */
export interface LiveSource<K, U, S> {
  /** Subscribes to the key's updates on the page's connection; returns the unsubscribe. */
  watch(realtime: RealtimePort, key: K, listener: (update: U) => void): () => void;
  /** The state after an update; returning the same state leaves the element as it is. */
  reduce(state: S | undefined, update: U): S;
}

export class LiveController<K, U, S> implements ReactiveController {
  /** Undefined until the service has said anything about the current key. */
  state?: S;
  private watched?: K;
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly key: () => K | undefined,
    private readonly source: LiveSource<K, U, S>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Call at the start of willUpdate: follows a changed key before the state is read. */
  sync(): void {
    if (this.key() !== this.watched) this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.watched = undefined;
  }

  private follow(): void {
    this.stop?.();
    this.state = undefined;
    const key = (this.watched = this.key());
    if (key === undefined || key === '') return;
    let unwatch: (() => void) | undefined;
    const cancelWait = whenRealtime((realtime) => {
      unwatch = this.source.watch(realtime, key, (update) => {
        const next = this.source.reduce(this.state, update);
        if (next === this.state) return;
        this.state = next;
        this.host.requestUpdate();
      });
    });
    this.stop = () => {
      cancelWait();
      unwatch?.();
    };
  }
}
