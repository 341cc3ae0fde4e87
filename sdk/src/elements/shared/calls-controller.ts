// Re-renders an element whenever the page's call state changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallSnapshot } from '../../calls/call-types.js';
import type { PageCalls } from '../../calls/page-calls.js';
import { pageServices } from '../../page/page-services.js';

export class CallsController implements ReactiveController {
  snapshot: CallSnapshot = { incoming: [] };
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get machine(): PageCalls {
    return pageServices().calls;
  }

  hostConnected(): void {
    this.snapshot = this.machine.snapshot();
    this.stop = this.machine.subscribe((snapshot) => {
      this.snapshot = snapshot;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}
