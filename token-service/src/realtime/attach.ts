// How presence and ringing plug into the token service: one Realtime per service context, shared
// by the REST routes (`createCallRoutes`) and the WebSocket endpoint (`attachRealtime`).
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Router } from 'express';
import type { Principal } from '../auth/principal.js';
import { callRouter } from '../calls/routes.js';
import type { TokenServiceConfig } from '../config.js';
import type { Directory } from '../directory/directory.js';
import { mintRoomToken } from '../livekit/tokens.js';
import type { UserRef } from './protocol.js';
import { Realtime } from './realtime.js';
import { defaultRealtimeSettings, type RealtimeSettings } from './settings.js';

/** What realtime needs of the token service's context (app.ts `TokenServiceContext`). */
export interface RealtimeHostContext {
  /** `realtime` overrides the timers and limits (tests shorten them). */
  config: TokenServiceConfig & { realtime?: Partial<RealtimeSettings> };
  directory: Directory;
  portalTokens?: { verify(token: string): Principal };
  authenticate(req: IncomingMessage): Promise<Principal>;
  events: EventEmitter;
}

const instances = new WeakMap<RealtimeHostContext, Realtime>();

export function realtimeFor(ctx: RealtimeHostContext): Realtime {
  let realtime = instances.get(ctx);
  if (!realtime) {
    const { config } = ctx;
    realtime = new Realtime({
      settings: { ...defaultRealtimeSettings, ...config.realtime },
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
      allowedOrigins: config.allowedOrigins,
      authenticatePage: (token, upgrade) => authenticatePage(ctx, token, upgrade),
      getUser: (id) => ctx.directory.getUser(id),
      getRoom: (id) => ctx.directory.getRoom(id),
      mintCallToken: (user, room) => mintRoomToken(config, { identity: user.id, name: user.name, room, role: 'caller' }),
      livekitUrl: config.livekit.url,
      webhooks: ctx.events,
    });
    instances.set(ctx, realtime);
  }
  return realtime;
}

/** Serves `/v1/realtime` on the service's HTTP server. */
export function attachRealtime(server: Server, ctx: RealtimeHostContext): Realtime {
  const realtime = realtimeFor(ctx);
  realtime.attach(server);
  return realtime;
}

/** The call and room-ring REST routes, to mount under /v1. */
export function createCallRoutes(ctx: RealtimeHostContext): Router {
  return callRouter(realtimeFor(ctx), (req) => ctx.authenticate(req));
}

/**
 * The `auth` frame carries the same portal token as the REST API's bearer header. Embedded
 * services without a portal JWT key get their own `authenticate` hook asked, with the token
 * as bearer on the WebSocket's upgrade request (so cookie-based hooks work too).
 */
async function authenticatePage(ctx: RealtimeHostContext, token: string, upgrade: IncomingMessage): Promise<UserRef> {
  const principal = ctx.portalTokens
    ? ctx.portalTokens.verify(token)
    : await ctx.authenticate(Object.assign(Object.create(upgrade) as IncomingMessage, {
      headers: { ...upgrade.headers, authorization: `Bearer ${token}` },
    }));
  if (principal.kind !== 'employee') throw Object.assign(new Error('guests have no presence'), { code: 'unauthorized' });
  return { id: principal.id, name: principal.name };
}
