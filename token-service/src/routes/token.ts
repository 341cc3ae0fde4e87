// POST /v1/token {room, moderator?}: a LiveKit token for a member of a directory room. The role is
// moderator only when the directory says so AND the person confirmed it ("Ich bin Moderator").
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, displayNameOf, employeeOf, memberRoom } from '../http/access.js';
import { invalidInput } from '../http/errors.js';
import { isRoomId, jsonBody } from '../http/validation.js';
import { isModerator } from '../directory/directory.js';
import { ATTR_MODERATOR } from '../livekit/tokens.js';
import type { RoomTokenGrant } from '../../../sdk/src/protocol/rest.js';

export function tokenRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/token', authenticated(ctx.authenticate), async (req, res) => {
    const user = employeeOf(res);
    const body = jsonBody(req);
    const room = body['room'];
    if (typeof room !== 'string' || !isRoomId(room)) throw invalidInput('room must be a room id (1-64 letters, digits, ".", "_" or "-")');
    const found = await memberRoom(ctx.directory, user, room);
    const confirmed = body['moderator'];
    if (confirmed !== undefined && typeof confirmed !== 'boolean') throw invalidInput('moderator must be true or false');
    const canModerate = isModerator(found, user.id);
    const role = canModerate && confirmed === true ? 'moderator' : 'member';
    const name = await displayNameOf(ctx.directory, user);
    const token = await ctx.mintRoomToken({
      identity: user.id, name, room, role,
      ...(role === 'moderator' ? { attributes: { [ATTR_MODERATOR]: '1' } } : {}),
    });
    const grant: RoomTokenGrant = { token, url: ctx.config.livekit.url, identity: user.id, room, role, canModerate };
    res.json(grant);
  });
  return router;
}
