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

/**
 * Removes a guest who joins with a media token that no longer lets them in: minted just before
 * their invite was revoked, or kept from an admission that ended since (denied, removed, left, or
 * the meeting it was for has ended). LiveKit has no hook before a join, so this is the boundary
 * for media: the token alone would be good for minutes.
 */
export function removeLateGuests(events: EventEmitter, roomService: RoomService, mayBeIn: (inviteId: string, identity: string) => Promise<boolean>, log: (line: string) => void): void {
  events.on('webhook', (event: WebhookEvent) => {
    if (event.event !== 'participant_joined' || !event.room || !event.participant) return;
    const inviteId = event.participant.attributes[ATTR_INVITE];
    if (!inviteId) return;
    const room = event.room.name;
    const identity = event.participant.identity;
    mayBeIn(inviteId, identity)
      .then((ok) => ok ? undefined : roomService.removeParticipant(room, identity))
      .catch((err: unknown) => log(`could not remove a guest who may not be in ${room}: ${(err as Error).message}`));
  });
}
