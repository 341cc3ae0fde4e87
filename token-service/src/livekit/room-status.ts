// Who is in a room right now, from RoomService, cached briefly and dropped whenever a LiveKit
// webhook says the room changed (webhooks can be lost, so the cache also ages out).
import type { EventEmitter } from 'node:events';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { RoomParticipant, RoomService } from './room-service.js';

export interface RoomStatus {
  participants(room: string): Promise<RoomParticipant[]>;
  /** Forget what is cached for a room (after this service changed it). */
  invalidate(room: string): void;
}

const MAX_AGE_MS = 15_000;

export function createRoomStatus(roomService: RoomService, events: EventEmitter): RoomStatus {
  const cache = new Map<string, { at: number; participants: Promise<RoomParticipant[]> }>();
  events.on('webhook', (event: WebhookEvent) => {
    const room = event.room?.name;
    if (room) cache.delete(room);
  });
  return {
    participants(room) {
      const hit = cache.get(room);
      if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.participants;
      const participants = roomService.listParticipants(room);
      cache.set(room, { at: Date.now(), participants });
      participants.catch(() => cache.delete(room));
      return participants;
    },
    invalidate: (room) => void cache.delete(room),
  };
}
