// Starts the token service's realtime half on 127.0.0.1 port 0 with short timers, and mints portal
// tokens for the demo directory's users, the way the host portal's backend would.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import jwt from 'jsonwebtoken';
import { createPortalTokenVerifier } from '../../src/auth/portal-token.js';
import { loadConfig } from '../../src/config.js';
import { createStaticDirectory } from '../../src/directory/directory.js';
import { attachRealtime, createCallRoutes, type RealtimeHostContext } from '../../src/realtime/attach.js';
import type { Realtime } from '../../src/realtime/realtime.js';
import type { RealtimeSettings } from '../../src/realtime/settings.js';

export const SECRET = 'timio-demo-portal-secret-change-me';
export const ISSUER = 'timio-demo-portal';
export const AUDIENCE = 'timio-token-service';

export const directoryData = {
  users: [
    { id: 'anna', name: 'Anna Schmidt' }, { id: 'ben', name: 'Ben Müller' }, { id: 'carla', name: 'Carla Rossi' },
    { id: 'david', name: 'David Kim' }, { id: 'emma', name: 'Emma Weber' }, { id: 'felix', name: 'Felix Wagner' },
  ],
  rooms: [
    { id: 'vertrieb', name: 'Vertrieb', members: ['anna', 'ben', 'carla', 'felix'], moderators: ['anna'] },
  ],
};

export const testEnv = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret',
  PORTAL_JWT_SECRET: SECRET, PORTAL_JWT_ISSUER: ISSUER, PORTAL_JWT_AUDIENCE: AUDIENCE,
};

export const fastSettings: Partial<RealtimeSettings> = {
  graceMs: 300, ringTimeoutMs: 1_500, roomRingTimeoutMs: 1_500, authTimeoutMs: 500, heartbeatMs: 300,
};

export function portalToken(sub: string, opts: { expiresInSeconds?: number; name?: string } = {}): string {
  const name = opts.name ?? directoryData.users.find((u) => u.id === sub)?.name ?? sub;
  return jwt.sign({ sub, name }, SECRET, { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: opts.expiresInSeconds ?? 600 });
}

export interface RunningService {
  url: string;
  wsUrl: string;
  server: Server;
  realtime: Realtime;
  /** Plays a verified LiveKit webhook into the service. */
  webhook(event: { event: string; room?: { name: string }; participant?: { identity: string } }): void;
  post(path: string, user: string | undefined, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startService(settings: Partial<RealtimeSettings> = fastSettings, env: Record<string, string> = {}): Promise<RunningService> {
  const config = { ...loadConfig({ ...testEnv, ...env }), realtime: settings };
  const portalTokens = createPortalTokenVerifier(config.portalJwt!);
  const ctx: RealtimeHostContext = {
    config,
    directory: createStaticDirectory(directoryData),
    portalTokens,
    authenticate: async (req) => portalTokens.verify(String(req.headers.authorization ?? '').replace(/^Bearer /, '')),
    events: new EventEmitter(),
  };
  const app = express();
  app.use('/v1', createCallRoutes(ctx));
  const server = createServer(app);
  const realtime = attachRealtime(server, ctx);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url, wsUrl: `ws://127.0.0.1:${port}/v1/realtime`, server, realtime,
    webhook: (event) => ctx.events.emit('webhook', event),
    post: (path, user, body) => post(url, path, user, body),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function post(url: string, path: string, user: string | undefined, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${portalToken(user)}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
