// POST /v1/token {room, moderator?}: a LiveKit token for a member of a directory room or of a call
// turned meeting (calls/call-meetings.ts: its caller moderates), or for a
// colleague rung into its running meeting (calls/colleague-ring.ts: this "Teilnehmen" takes the
// ring up; member role, never moderator). The role is moderator only when the directory says so
// AND the person confirmed it ("Ich bin Moderator").
// The standalone server answers this route on a lighter path in front of Express
// (http/token-fast-path.ts); both call issueRoomToken.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import type { EmployeePrincipal } from '../auth/principal.js';
import { authenticated, employeeOf, roomFor } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { isRoomId, jsonBody } from '../http/validation.js';
import { isMember, isModerator } from '../directory/directory.js';
import { ATTR_MODERATOR } from '#protocol/attributes.js';
import type { RoomTokenGrant } from '#protocol/rest.js';

export async function issueRoomToken(ctx: Pick<RouteContext, 'places' | 'meetings' | 'mintRoomToken' | 'config' | 'colleagueRings'>, user: EmployeePrincipal, body: Record<string, unknown>): Promise<RoomTokenGrant> {
  const room = body['room'];
  if (typeof room !== 'string' || !isRoomId(room)) throw invalidInput('room must be a room id (1-64 letters, digits, ".", "_" or "-")');
  const found = await roomFor(ctx.places, room);
  if (!isMember(found, user.id)) {
    if (!(await ctx.colleagueRings.admit(user.id, room))) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
    // Rung into a call turned meeting: a member of it from now on (its room's metadata too, for a restart).
    if (found.kind === 'meeting') await ctx.meetings.addMember(room, user.id);
  }
  // Not awaited: the room may have closed and come back without its metadata (a page change).
  if (found.kind === 'meeting') ctx.meetings.describeAgain(room).catch(() => undefined);
  const confirmed = body['moderator'];
  if (confirmed !== undefined && typeof confirmed !== 'boolean') throw invalidInput('moderator must be true or false');
  const canModerate = isModerator(found, user.id);
  const role = canModerate && confirmed === true ? 'moderator' : 'member';
  // An employee principal's name is the directory's (auth/authenticate.ts sets it, never from a claim).
  const token = await ctx.mintRoomToken({
    identity: user.id, name: user.name, room, role,
    ...(role === 'moderator' ? { attributes: { [ATTR_MODERATOR]: '1' } } : {}),
  });
  return { token, url: ctx.config.livekit.url, identity: user.id, room, role, canModerate };
}

export function tokenRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/token', authenticated(ctx.authenticate), async (req, res) => {
    res.json(await issueRoomToken(ctx, employeeOf(res), jsonBody(req)));
  });
  return router;
}
