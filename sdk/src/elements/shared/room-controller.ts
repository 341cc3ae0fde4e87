// A room's live status for an element (room bar, room list), through the shared LiveController.
import type { ReactiveControllerHost } from 'lit';
import type { ErrorCode } from '#protocol/errors.js';
import type { RoomStatus } from '#protocol/realtime.js';
import type { RoomUpdate } from '../../calls/realtime-port.js';
import { LiveController, type LiveSource } from './live-controller.js';

interface RoomLive { status?: RoomStatus; error?: ErrorCode }

const rooms: LiveSource<string, RoomUpdate, RoomLive> = {
  watch: (realtime, room, listener) => realtime.watchRoom(room, listener),
  // a refusal keeps the last known status beside the error; a status clears the error
  reduce: (live, update) => ('status' in update ? { status: update.status } : { status: live?.status, error: update.error.code }),
};

export class RoomController extends LiveController<string, RoomUpdate, RoomLive> {
  constructor(host: ReactiveControllerHost, room: () => string | undefined) {
    super(host, room, rooms);
  }

  /** The room's status; undefined until the service has sent it. */
  get status(): RoomStatus | undefined {
    return this.state?.status;
  }

  /** Why this user may not watch the room (`not_a_member`, `not_found`). */
  get error(): ErrorCode | undefined {
    return this.state?.error;
  }
}
