// Hands a CallSession's snapshots to an element: subscribes while connected, re-renders on change.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallSession, CallSessionState } from './call-session.js';

export class SessionController implements ReactiveController {
  state?: CallSessionState;
  private session?: CallSession;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follow another session (or none). */
  set(session: CallSession | undefined): void {
    if (session === this.session) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = session;
    this.state = session?.snapshot;
    this.hostConnected();
  }

  hostConnected(): void {
    if (!this.session || this.unsubscribe) return;
    this.unsubscribe = this.session.subscribe((state) => {
      this.state = state;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
