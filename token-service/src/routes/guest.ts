// POST /v1/guest/token {invite, name}: an external guest's way into the one room of their invite.
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { displayName, jsonBody } from '../http/validation.js';
import { ATTR_GUEST, ATTR_INVITE } from '../livekit/tokens.js';
import { openInvite } from './invites.js';

export function guestRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/guest/token', async (req, res) => {
    const body = jsonBody(req);
    const invite = openInvite(ctx, body['invite']);
    const name = displayName(body);
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
