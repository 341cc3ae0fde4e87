// POST /v1/rooms/:room/ring-colleagues {userIds}: "Kollegen hinzurufen", someone in the room's
// running meeting rings colleagues into it (calls/colleague-ring.ts). Employees only; the answer
// says per colleague whether they ring now or why not (busy, offline, already present).
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, callerOf } from '../http/access.js';
import { colleagueIds, jsonBody, roomIdParam } from '../http/validation.js';
import { MAX_COLLEAGUES_PER_RING } from '../calls/colleague-ring.js';

export function colleagueRingRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/rooms/:room/ring-colleagues', authenticated(ctx.authenticate), async (req, res) => {
    const user = callerOf(res);
    const room = roomIdParam(req);
    res.status(201).json(await ctx.colleagueRings.ring(user, room, colleagueIds(jsonBody(req), MAX_COLLEAGUES_PER_RING)));
  });
  return router;
}
