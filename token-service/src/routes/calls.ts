// 1:1 calls, mounted under /v1: POST /calls {callee}, GET /calls/current, GET /calls/:id,
// POST /calls/:id/join | accept {page?} | decline | cancel | end | add-people {userIds}. Only employees take part in calls.
import { Router, type Request } from 'express';
import type { CurrentCallAnswer } from '#protocol/rest.js';
import type { RouteContext } from '../context.js';
import { authenticated, callerOf } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { colleagueIds, isDirectoryId, jsonBody } from '../http/validation.js';
import { MAX_COLLEAGUES_PER_RING } from '../calls/colleague-ring.js';

const CALL_ID = /^[0-9a-f]{24}$/;

/** A field of an optional JSON body (these routes accept an empty body). */
function bodyField(req: Request, field: string): unknown {
  return (req.body as Record<string, unknown> | undefined)?.[field];
}

function callId(req: Request): string {
  const id = String(req.params['id']);
  if (!CALL_ID.test(id)) throw new ApiError(404, 'not_found', 'no such call');
  return id;
}

export function callRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.post('/calls', auth, async (req, res) => {
    const user = callerOf(res);
    const callee = bodyField(req, 'callee');
    if (typeof callee !== 'string' || !isDirectoryId(callee)) throw invalidInput('callee must be a contact id');
    res.status(201).json(await ctx.calls.start(user, callee));
  });

  // What the service knows of this user's call: pages reconcile their state with it.
  router.get('/calls/current', auth, async (_req, res) => {
    const user = callerOf(res);
    res.set('cache-control', 'no-store');
    res.json({ call: (await ctx.calls.currentCallOf(user.id)) ?? null } satisfies CurrentCallAnswer);
  });

  // One call of this user, also after it ended (kept a day): a page reports an outcome it missed.
  router.get('/calls/:id', auth, async (req, res) => {
    res.json({ call: await ctx.calls.get(callerOf(res), callId(req)) });
  });

  // A fresh token for the page that takes this user's call over after a page change or reload.
  router.post('/calls/:id/join', auth, async (req, res) => {
    res.json(await ctx.calls.join(callerOf(res), callId(req)));
  });

  router.post('/calls/:id/accept', auth, async (req, res) => {
    const user = callerOf(res);
    const page = bodyField(req, 'page');
    if (page !== undefined && (typeof page !== 'string' || page.length > 64)) throw invalidInput('page must be the id from the ready message');
    res.json(await ctx.calls.accept(user, callId(req), page as string | undefined));
  });

  // "Person hinzufügen": colleagues rung into the call, which becomes a meeting in its own room
  // (calls/call-conversion.ts). The same list rules as ring-colleagues.
  router.post('/calls/:id/add-people', auth, async (req, res) => {
    const user = callerOf(res);
    const id = callId(req);
    res.status(201).json(await ctx.conversion.addPeople(user, id, colleagueIds(jsonBody(req), MAX_COLLEAGUES_PER_RING)));
  });

  for (const action of ['decline', 'cancel', 'end'] as const) {
    router.post(`/calls/:id/${action}`, auth, async (req, res) => {
      const user = callerOf(res);
      res.json({ call: await ctx.calls[action](user, callId(req)) });
    });
  }

  return router;
}
