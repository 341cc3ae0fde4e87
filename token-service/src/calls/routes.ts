// REST routes of 1:1 calls and room rings, mounted under /v1:
//   POST /calls {callee}, POST /calls/:id/accept {page?} | decline | cancel | end,
//   POST /rooms/:room/ring.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { UserRef } from '../realtime/protocol.js';
import type { Realtime } from '../realtime/realtime.js';
import { isDirectoryId, isRoomId } from '../http/validation.js';
import { CallError } from './call-service.js';

/** Who is asking; only employees take part in calls and rings. */
export type RequestAuthenticator = (req: Request) => Promise<{ kind: string; id: string; name: string }>;

const CALL_ID = /^[0-9a-f]{24}$/;

export function callRouter(realtime: Realtime, authenticate: RequestAuthenticator): express.Router {
  const router = express.Router();
  router.use(['/calls', '/rooms/:room/ring'], express.json({ limit: '4kb' }));

  const route = (handler: (user: UserRef, req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const principal = await authenticate(req);
        if (principal.kind !== 'employee') throw new CallError(403, 'not_a_member', 'guests cannot place or answer calls');
        await handler({ id: principal.id, name: principal.name }, req, res);
      } catch (err) {
        const e = err as { status?: unknown; code?: unknown; message?: string; call?: unknown; retryAfterSeconds?: unknown };
        if (typeof e.status !== 'number' || typeof e.code !== 'string' || e.status >= 500) return next(err);
        const wait = typeof e.retryAfterSeconds === 'number' ? { retryAfterSeconds: e.retryAfterSeconds } : {};
        if (wait.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(wait.retryAfterSeconds));
        res.status(e.status).json({ error: { code: e.code, message: e.message, ...wait }, ...(e.call ? { call: e.call } : {}) });
      }
    };

  const callId = (req: Request): string => {
    const id = String(req.params.id);
    if (!CALL_ID.test(id)) throw new CallError(404, 'not_found', 'no such call');
    return id;
  };

  router.post('/calls', route(async (user, req, res) => {
    const callee = (req.body as { callee?: unknown } | undefined)?.callee;
    if (typeof callee !== 'string' || !isDirectoryId(callee)) throw new CallError(400, 'invalid_input', 'callee must be a contact id');
    res.status(201).json(await realtime.calls.start(user, callee));
  }));

  router.post('/calls/:id/accept', route(async (user, req, res) => {
    const page = (req.body as { page?: unknown } | undefined)?.page;
    if (page !== undefined && (typeof page !== 'string' || page.length > 64)) throw new CallError(400, 'invalid_input', 'page must be the id from the ready message');
    res.json(await realtime.calls.accept(user, callId(req), page as string | undefined));
  }));

  router.post('/calls/:id/decline', route(async (user, req, res) => {
    res.json({ call: await realtime.calls.decline(user, callId(req)) });
  }));

  router.post('/calls/:id/cancel', route(async (user, req, res) => {
    res.json({ call: await realtime.calls.cancel(user, callId(req)) });
  }));

  router.post('/calls/:id/end', route(async (user, req, res) => {
    res.json({ call: await realtime.calls.end(user, callId(req)) });
  }));

  router.post('/rooms/:room/ring', route(async (user, req, res) => {
    const room = String(req.params.room);
    if (!isRoomId(room)) throw new CallError(400, 'invalid_input', 'room must be a room id');
    res.status(201).json(await realtime.rings.ring(user, room));
  }));

  return router;
}
