// A revoked invite must also take its guests out of a running conference: LiveKit keeps
// refreshing the tokens of connected participants, so an expiring token alone removes no one.
import type { EventEmitter } from 'node:events';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { RoomService } from '../livekit/room-service.js';
import { ATTR_INVITE } from '#protocol/attributes.js';

export async function removeGuestsOfInvite(roomService: RoomService, room: string, inviteId: string): Promise<string[]> {
  const participants = await roomService.listParticipants(room);
  const guests = participants.filter((p) => p.attributes[ATTR_INVITE] === inviteId).map((p) => p.identity);
  await Promise.all(guests.map((identity) => roomService.removeParticipant(room, identity)));
  return guests;
}

/** Removes a guest who joins with a token minted just before their invite was revoked. */
export function removeLateGuests(events: EventEmitter, roomService: RoomService, isRevoked: (id: string) => Promise<boolean>, log: (line: string) => void): void {
  events.on('webhook', (event: WebhookEvent) => {
    if (event.event !== 'participant_joined' || !event.room || !event.participant) return;
    const inviteId = event.participant.attributes[ATTR_INVITE];
    if (!inviteId) return;
    const room = event.room.name;
    const identity = event.participant.identity;
    isRevoked(inviteId)
      .then((revoked) => revoked ? roomService.removeParticipant(room, identity) : undefined)
      .catch((err: unknown) => log(`could not remove guest of revoked invite from ${room}: ${(err as Error).message}`));
  });
}
