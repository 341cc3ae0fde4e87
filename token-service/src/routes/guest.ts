// POST /v1/guest/token {invite, name}: an external guest's way into the one room of their invite.
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { displayName, jsonBody } from '../http/validation.js';
import { ATTR_GUEST, ATTR_INVITE } from '../livekit/tokens.js';
import { openInvite } from './invites.js';
import { ApiError } from '../http/errors.js';
import { nameKey } from '../directory/names.js';

export function guestRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/guest/token', async (req, res) => {
    const body = jsonBody(req);
    const invite = await openInvite(ctx, body['invite']);
    const name = displayName(body);
    await refuseMemberNames(ctx, invite.room, name);
    // Directory ids cannot contain ':', so a guest can never take an employee's identity.
    const identity = `guest:${randomBytes(12).toString('base64url')}`;
    const token = await ctx.mintRoomToken({
      identity,
      name,
      room: invite.room,
      role: 'guest',
      metadata: JSON.stringify({ guest: true }),
      attributes: { [ATTR_GUEST]: '1', [ATTR_INVITE]: invite.id },
    });
    const guestToken = ctx.guestSessions.sign({ id: identity, name, room: invite.room, inviteId: invite.id }, invite.expiresAt);
    res.json({ token, url: ctx.config.livekit.url, identity, room: invite.room, role: 'guest', name, guestToken });
  });
  return router;
}

/**
 * A guest may not appear under the name of someone of the room (its members and moderators, the
 * people the guest meets there): refused with 409 name_taken rather than renamed, so the guest
 * chooses how to tell themselves apart. Compared as people read names (case, accents, spacing).
 */
async function refuseMemberNames(ctx: RouteContext, roomId: string, name: string): Promise<void> {
  const room = await ctx.directory.getRoom(roomId);
  if (!room) return;
  const wanted = nameKey(name);
  if (!wanted) return;
  const people = await Promise.all([...new Set([...room.members, ...room.moderators])].map((id) => ctx.directory.getUser(id)));
  if (people.some((u) => u && nameKey(u.name) === wanted)) {
    throw new ApiError(409, 'name_taken', 'a member of this room has this name; please add something that tells you apart, e.g. your company');
  }
}
