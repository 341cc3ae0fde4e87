// Why this page's connection to the room ended, in the session's words (types.ts), from LiveKit's reason.
import { DisconnectReason as LkDisconnectReason } from 'livekit-client';
import type { DisconnectReason } from './types.js';

export function disconnectReason(reason: LkDisconnectReason | undefined): DisconnectReason {
  switch (reason) {
    case LkDisconnectReason.CLIENT_INITIATED: return 'left';
    case LkDisconnectReason.PARTICIPANT_REMOVED:
    case LkDisconnectReason.DUPLICATE_IDENTITY: return 'removed';
    case LkDisconnectReason.ROOM_DELETED: return 'room_ended';
    default: return 'failed';
  }
}
