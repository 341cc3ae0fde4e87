// What the light part needs from the page's realtime connection (sdk/src/realtime, one WebSocket
// per page): presence of the contacts shown, room status for room bars, and the user's call and
// room-ring events.
import type { CallInfo, ColleagueRingAnswerMessage, GuestDecidedMessage, GuestResemblesMessage, GuestWaitingMessage, PresenceStatus, RoomRing, RoomStatus } from '#protocol/realtime.js';
import type { ErrorCode } from '#protocol/errors.js';

/** What a room watcher hears: the room's status, or why the page may not watch it. */
export type RoomUpdate = { status: RoomStatus } | { error: { code: ErrorCode; message: string } };

export interface RealtimePort {
  /** Calls `listener` with the contact's status now (when known) and on every change. */
  watchPresence(contactId: string, listener: (status: PresenceStatus) => void): () => void;
  onCall(listener: (call: CallInfo) => void): () => void;
  onRoomRing(listener: (ring: RoomRing) => void): () => void;
  onRoomRingEnded(listener: (ringId: string) => void): () => void;
  /** A room's status now (when known) and on every change, or why this user may not watch it. */
  watchRoom(room: string, listener: (update: RoomUpdate) => void): () => void;
  /** Moderators: `guest-waiting` / `guest-decided` / `guest-resembles` frames. */
  onGuestNotice?(listener: (notice: GuestWaitingMessage | GuestDecidedMessage | GuestResemblesMessage | ColleagueRingAnswerMessage) => void): () => void;
  /** Every time the connection is (re)established and authenticated (`ready`). */
  onReady?(listener: () => void): () => void;
  /** This user's id, once the connection is ready. */
  readonly userId: string | undefined;
  /** This page's connection id (for POST /v1/calls/:id/accept), once ready. */
  readonly pageId: string | undefined;
}
