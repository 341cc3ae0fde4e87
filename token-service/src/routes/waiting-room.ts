// The room's waiting room for moderators: who waits (GET), admit or deny one guest (POST). Only
// the room's moderators; each decision is logged with who made it.
import { Router, type Request } from 'express';
import type { RouteContext } from '../context.js';
import type { WaitingGuest } from '#protocol/rest.js';
import { authenticated, employeeOf, moderatedRoom } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { jsonBody, roomIdParam } from '../http/validation.js';

const GUEST_IDENTITY = /^guest:[A-Za-z0-9_-]{1,64}$/;

function guestParam(req: Request): string {
  const identity = req.params['identity'];
  if (typeof identity !== 'string' || !GUEST_IDENTITY.test(identity)) throw invalidInput('identity must be a guest identity (guest:…)');
  return identity;
}

export function waitingRoomRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.get('/rooms/:room/waiting', auth, async (req, res) => {
    const room = roomIdParam(req);
    await moderatedRoom(ctx.directory, employeeOf(res), room);
    const waiting = await ctx.waitingRoom.waiting(room);
    const revoked = await Promise.all(waiting.map((a) => ctx.inviteStore.isRevoked(a.inviteId)));
    const guests: WaitingGuest[] = waiting.filter((_a, i) => !revoked[i]).map((a) => ({ identity: a.identity, name: a.name, since: a.since, inviteId: a.inviteId, ...(a.resembles ? { resembles: true as const } : {}) }));
    res.json({ guests });
  });

  for (const [action, decision] of [['admit', 'admitted'], ['deny', 'denied']] as const) {
    router.post(`/rooms/:room/waiting/:identity/${action}`, auth, async (req, res) => {
      const room = roomIdParam(req);
      const identity = guestParam(req);
      jsonBody(req);
      const user = employeeOf(res);
      await moderatedRoom(ctx.directory, user, room);
      const decided = await ctx.waitingRoom.decide(room, identity, decision, { id: user.id, name: user.name });
      if (!decided) {
        if ((await ctx.waitingRoom.stateOf(room, identity)) === 'left') throw new ApiError(409, 'guest_left', 'that guest has left the waiting room');
        throw new ApiError(404, 'not_found', 'that guest is not waiting (let in, turned away or gone already)');
      }
      res.json({ identity, decision });
    });
  }
  return router;
}
