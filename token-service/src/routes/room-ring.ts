// POST /v1/rooms/:room/ring: "call all members" of a room to its conference (employees only);
// GET the same path: who that would reach now.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, callerOf } from '../http/access.js';
import { invalidInput } from '../http/errors.js';
import { isRoomId } from '../http/validation.js';
import { isMember } from '../directory/directory.js';

export function roomRingRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/rooms/:room/ring', authenticated(ctx.authenticate), async (req, res) => {
    const user = callerOf(res);
    const room = String(req.params['room']);
    if (!isRoomId(room)) throw invalidInput('room must be a room id');
    res.status(201).json(await ctx.rings.ring(user, room));
  });
  // Who a ring would reach now, for the confirmation before it ("… werden gerufen").
  router.get('/rooms/:room/ring', authenticated(ctx.authenticate), async (req, res) => {
    const user = callerOf(res);
    const room = String(req.params['room']);
    if (!isRoomId(room)) throw invalidInput('room must be a room id');
    res.json({ members: await ctx.rings.reach(user, room) });
  });
  // "Ablehnen": the invitation ends on every page of this user, on every process. The same popup
  // serves a colleague's ring into the meeting (routes/colleague-ring.ts): that one is declined
  // first, and its inviter told; a non-member has no room ring to decline.
  router.post('/rooms/:room/ring/decline', authenticated(ctx.authenticate), async (req, res) => {
    const user = callerOf(res);
    const room = String(req.params['room']);
    if (!isRoomId(room)) throw invalidInput('room must be a room id');
    if (await ctx.colleagueRings.decline(user, room)) {
      const found = await ctx.directory.getRoom(room);
      if (found && isMember(found, user.id)) await ctx.rings.decline(user, room);
      res.json({ declined: true });
      return;
    }
    res.json({ declined: await ctx.rings.decline(user, room) });
  });
  return router;
}
