// How presence and ringing plug into the token service: one Realtime per service context, shared
// by the REST routes (`createCallRoutes`) and the WebSocket endpoint (`attachRealtime`).
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Router } from 'express';
import type { TokenServiceContext } from '../app.js';
import { callRouter } from '../calls/routes.js';
import type { UserRef } from './protocol.js';
import { displayNameOf } from '../http/access.js';
import { clientAddressResolver } from '../http/client-address.js';
import { Realtime } from './realtime.js';
import { defaultRealtimeSettings } from './settings.js';

/** What realtime needs of the token service's context. */
export type RealtimeHostContext = Pick<TokenServiceContext, 'config' | 'directory' | 'portalTokens' | 'authenticate' | 'mintRoomToken' | 'limits' | 'metrics'> & {
  events: EventEmitter;
};

const instances = new WeakMap<RealtimeHostContext, Realtime>();
const byServer = new WeakMap<Server, Realtime>();

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
      mintCallToken: (user, room) => ctx.mintRoomToken({ identity: user.id, name: user.name, room, role: 'caller' }),
      livekitUrl: config.livekit.url,
      webhooks: ctx.events,
      clientAddress: clientAddressResolver(config.trustProxy),
      limits: ctx.limits,
      metrics: ctx.metrics,
    });
    instances.set(ctx, realtime);
  }
  return realtime;
}

/** Serves `/v1/realtime` on the service's HTTP server. */
export function attachRealtime(server: Server, ctx: RealtimeHostContext): Realtime {
  const realtime = realtimeFor(ctx);
  realtime.attach(server);
  byServer.set(server, realtime);
  return realtime;
}

/** The realtime part serving this HTTP server (for operators' metrics and tests). */
export function realtimeOn(server: Server): Realtime | undefined {
  return byServer.get(server);
}

/** Closes the realtime part of this context, if it was started. */
export async function closeRealtime(ctx: RealtimeHostContext): Promise<void> {
  await instances.get(ctx)?.close();
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
  const principal = ctx.config.portalJwt
    ? ctx.portalTokens.verify(token)
    : await ctx.authenticate(Object.assign(Object.create(upgrade) as IncomingMessage, {
      headers: { ...upgrade.headers, authorization: `Bearer ${token}` },
    }));
  if (principal.kind !== 'employee') throw Object.assign(new Error('guests have no presence'), { code: 'unauthorized' });
  // The directory's name, not the token's claim (ctx.authenticate does the same for REST).
  return { id: principal.id, name: await displayNameOf(ctx.directory, principal) };
}
