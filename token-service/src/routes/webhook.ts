// POST /v1/livekit/webhook: LiveKit's room events. The signature covers the exact body bytes, so
// the body is read raw; LiveKit may repeat an event, so each id is handled once. Anyone can reach
// this endpoint: it is rate-limited per address, and the signed header is checked before any of
// the (bounded) body is read.
import express, { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import type { RouteContext } from '../context.js';
import { ApiError } from '../http/errors.js';

const REMEMBER_MS = 15 * 60_000;
const REMEMBER_MAX = 10_000;
/** LiveKit's events are a few KB (participant and room info); nothing here sets large metadata. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;

export function webhookRoutes(ctx: RouteContext): Router {
  const router = Router();
  const receiver = new WebhookReceiver(ctx.config.livekit.apiKey, ctx.config.livekit.apiSecret);
  const tokens = new TokenVerifier(ctx.config.livekit.apiKey, ctx.config.livekit.apiSecret);
  const limit = rateLimit({
    windowMs: 60_000, limit: ctx.config.webhookRequestsPerMinute, standardHeaders: 'draft-7', legacyHeaders: false,
    handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', 'too many webhook requests, try again shortly')),
  });
  // The Authorization JWT (signed with the API secret, carrying the body's hash) first: a caller
  // without it gets 401 before a byte of the body is read.
  const signed: RequestHandler = (req, _res, next) => {
    if (!req.is('application/webhook+json')) return next(new ApiError(415, 'unsupported_media_type', 'LiveKit webhooks are application/webhook+json'));
    const auth = req.get('authorization');
    if (!auth || auth.length > 8192) return next(new ApiError(401, 'unauthorized', 'webhook signature is not valid'));
    tokens.verify(auth).then(() => next(), () => next(new ApiError(401, 'unauthorized', 'webhook signature is not valid')));
  };
  const seen = new Map<string, number>();

  function firstTime(id: string): boolean {
    const now = Date.now();
    for (const [key, at] of seen) {
      if (now - at < REMEMBER_MS && seen.size <= REMEMBER_MAX) break;
      seen.delete(key); // insertion order = age order: drop the oldest first
    }
    if (seen.has(id)) return false;
    seen.set(id, now);
    return true;
  }

  router.post('/webhook', limit, signed, express.raw({ type: () => true, limit: WEBHOOK_MAX_BYTES }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let event;
    try {
      event = await receiver.receive(body, req.get('authorization'));
    } catch {
      throw new ApiError(401, 'unauthorized', 'webhook signature is not valid');
    }
    const duplicate = event.id ? !firstTime(event.id) : false;
    if (!duplicate) {
      try {
        ctx.events.emit('webhook', event);
      } catch (err) {
        // A listener's bug must not make LiveKit retry an event that was received.
        ctx.log(`webhook listener failed on ${event.event}: ${(err as Error).stack ?? String(err)}`);
      }
    }
    res.json({ ok: true, duplicate });
  });
  return router;
}
