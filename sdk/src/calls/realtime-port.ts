// What the light part needs from the page's realtime connection (sdk/src/realtime, one WebSocket
// per page): presence of the contacts shown, and the user's call and room-ring events.
import type { CallInfo, PresenceStatus, RoomRing } from '../protocol/realtime.js';

export interface RealtimePort {
  /** Calls `listener` with the contact's status now (when known) and on every change. */
  watchPresence(contactId: string, listener: (status: PresenceStatus) => void): () => void;
  onCall(listener: (call: CallInfo) => void): () => void;
  onRoomRing(listener: (ring: RoomRing) => void): () => void;
  onRoomRingEnded(listener: (ringId: string) => void): () => void;
  /** Every time the connection is (re)established and authenticated (`ready`). */
  onReady?(listener: () => void): () => void;
  /** This user's id, once the connection is ready. */
  readonly userId: string | undefined;
  /** This page's connection id (for POST /v1/calls/:id/accept), once ready. */
  readonly pageId: string | undefined;
}
