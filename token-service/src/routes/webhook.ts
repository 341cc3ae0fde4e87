// POST /v1/livekit/webhook: LiveKit's room events. The signature covers the exact body bytes, so
// the body is read raw; LiveKit may repeat an event, so each id is handled once.
import express, { Router } from 'express';
import { WebhookReceiver } from 'livekit-server-sdk';
import type { RouteContext } from '../context.js';
import { ApiError } from '../http/errors.js';

const REMEMBER_MS = 15 * 60_000;
const REMEMBER_MAX = 10_000;

export function webhookRoutes(ctx: RouteContext): Router {
  const router = Router();
  const receiver = new WebhookReceiver(ctx.config.livekit.apiKey, ctx.config.livekit.apiSecret);
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

  router.post('/webhook', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    if (!req.is('application/webhook+json')) throw new ApiError(415, 'unsupported_media_type', 'LiveKit webhooks are application/webhook+json');
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
