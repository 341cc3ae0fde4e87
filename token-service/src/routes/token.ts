// POST /v1/token {room}: a LiveKit token for a member of a directory room.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, displayNameOf, employeeOf, memberRoom } from '../http/access.js';
import { invalidInput } from '../http/errors.js';
import { isRoomId, jsonBody } from '../http/validation.js';
import { isModerator } from '../directory/directory.js';

export function tokenRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/token', authenticated(ctx.authenticate), async (req, res) => {
    const user = employeeOf(res);
    const body = jsonBody(req);
    const room = body['room'];
    if (typeof room !== 'string' || !isRoomId(room)) throw invalidInput('room must be a room id (1-64 letters, digits, ".", "_" or "-")');
    const found = await memberRoom(ctx.directory, user, room);
    const role = isModerator(found, user.id) ? 'moderator' : 'member';
    const name = await displayNameOf(ctx.directory, user);
    const token = await ctx.mintRoomToken({ identity: user.id, name, room, role });
    res.json({ token, url: ctx.config.livekit.url, identity: user.id, room, role });
  });
  return router;
}
