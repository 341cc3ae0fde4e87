// A room's live status for an element (room bar, room list): watches the room through the page's
// realtime connection while the element is connected, and follows a changed room id.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorCode } from '../../protocol/errors.js';
import type { RoomStatus } from '../../protocol/realtime.js';
import { whenRealtime } from '../../page/page-services.js';

export class RoomController implements ReactiveController {
  /** The room's status; undefined until the service has sent it. */
  status?: RoomStatus;
  /** Why this user may not watch the room (`not_a_member`, `not_found`). */
  error?: ErrorCode;
  private watched?: string;
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost, private readonly room: () => string | undefined) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Call at the start of willUpdate: follows a changed room id. */
  sync(): void {
    if (this.room() !== this.watched) this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.watched = undefined;
  }

  private follow(): void {
    this.stop?.();
    this.status = undefined;
    this.error = undefined;
    const room = (this.watched = this.room());
    if (!room) return;
    let unwatch: (() => void) | undefined;
    const cancelWait = whenRealtime((realtime) => {
      unwatch = realtime.watchRoom(room, (update) => {
        if ('status' in update) {
          this.status = update.status;
          this.error = undefined;
        } else {
          this.error = update.error.code;
        }
        this.host.requestUpdate();
      });
    });
    this.stop = () => {
      cancelWait();
      unwatch?.();
    };
  }
}
