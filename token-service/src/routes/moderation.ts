// A room moderator's actions on others in the conference, through this service (browser tokens
// carry no roomAdmin): mute one participant's microphone or camera, mute everyone else's
// microphone, remove a participant (a guest's invite is revoked with it). Each is logged.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, employeeOf, moderatedRoom } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { jsonBody, optionalIdentity, roomIdParam } from '../http/validation.js';
import { ATTR_GUEST, ATTR_INVITE } from '#protocol/attributes.js';

function identityParam(value: unknown): string {
  const identity = optionalIdentity({ identity: value }, 'identity');
  if (!identity) throw invalidInput('identity is not a participant identity');
  return identity;
}

export function moderationRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.post('/rooms/:room/participants/:identity/mute', auth, async (req, res) => {
    const room = roomIdParam(req);
    const identity = identityParam(req.params['identity']);
    const body = jsonBody(req);
    const source = body['source'];
    if (source !== 'microphone' && source !== 'camera') throw invalidInput('source must be "microphone" or "camera"');
    const user = employeeOf(res);
    await moderatedRoom(ctx.places, user, room);
    const participant = (await ctx.roomService.listParticipants(room)).find((p) => p.identity === identity);
    if (!participant) throw new ApiError(404, 'not_found', 'that participant is not in the conference');
    const tracks = participant.tracks.filter((t) => t.source === source);
    if (tracks.length === 0) throw new ApiError(404, 'not_found', `that participant publishes no ${source}`);
    for (const t of tracks) if (!t.muted) await ctx.roomService.muteTrack(room, identity, t.sid, true);
    ctx.log(`moderation: ${user.id} muted the ${source} of ${identity} in room ${room}`);
    ctx.roomWatch.changed(room);
    res.json({ muted: true });
  });

  router.post('/rooms/:room/mute-all', auth, async (req, res) => {
    const room = roomIdParam(req);
    jsonBody(req);
    const user = employeeOf(res);
    await moderatedRoom(ctx.places, user, room);
    let muted = 0;
    for (const p of await ctx.roomService.listParticipants(room)) {
      if (p.identity === user.id) continue;
      const open = p.tracks.filter((t) => t.source === 'microphone' && !t.muted);
      for (const t of open) await ctx.roomService.muteTrack(room, p.identity, t.sid, true);
      if (open.length > 0) muted++;
    }
    ctx.log(`moderation: ${user.id} muted every other microphone in room ${room} (${muted})`);
    ctx.roomWatch.changed(room);
    res.json({ muted });
  });

  router.delete('/rooms/:room/participants/:identity', auth, async (req, res) => {
    const room = roomIdParam(req);
    const identity = identityParam(req.params['identity']);
    const user = employeeOf(res);
    await moderatedRoom(ctx.places, user, room);
    if (identity === user.id) throw invalidInput('leave the conference instead of removing yourself');
    const participant = (await ctx.roomService.listParticipants(room)).find((p) => p.identity === identity);
    if (!participant) throw new ApiError(404, 'not_found', 'that participant is not in the conference');
    // A removed guest must not come back with the same link.
    const inviteId = participant.attributes[ATTR_INVITE];
    if (inviteId && (await ctx.inviteStore.get(inviteId)) && !(await ctx.inviteStore.isRevoked(inviteId))) await ctx.inviteStore.revoke(inviteId);
    // Their credential ends too, whether or not the invite had a record to revoke.
    if (participant.attributes[ATTR_GUEST] === '1') await ctx.waitingRoom.removed(identity);
    await ctx.roomService.removeParticipant(room, identity);
    // Sent out for good: no page-change grace in the room status.
    ctx.roomWatch.departures.goodbye(room, identity);
    ctx.log(`moderation: ${user.id} removed ${identity} from room ${room}${inviteId ? ` and revoked invite ${inviteId}` : ''}`);
    ctx.roomWatch.changed(room);
    res.json({ removed: true, ...(inviteId ? { inviteRevoked: true } : {}) });
  });

  return router;
}
