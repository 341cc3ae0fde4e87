// Starts the token service's realtime half on 127.0.0.1 port 0 with short timers, and mints portal
// tokens for the demo directory's users, the way the host portal's backend would.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { AccessToken } from 'livekit-server-sdk';
import { createTokenService } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createStaticDirectory } from '../../src/directory/directory.js';
import { realtimeOn } from '../../src/realtime/realtime.js';
import type { Realtime } from '../../src/realtime/realtime.js';
import type { RealtimeSettings } from '../../src/realtime/settings.js';
import { startMediaServer, type MediaServer } from '../../../dev-media-server/src/server.js';
import { freePort } from '../../../testing/node/free-port.js';
import { NO_USER_LIMITS } from '../../../testing/node/test-settings.js';
import { DEMO_DIRECTORY, DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER, DEMO_PORTAL_SECRET } from '../../../testing/node/demo-fixtures.js';

export const SECRET = DEMO_PORTAL_SECRET;
export const ISSUER = DEMO_PORTAL_ISSUER;
export const AUDIENCE = DEMO_PORTAL_AUDIENCE;

/** The demo's people, and of its rooms vertrieb only (anna, ben, carla, felix; anna moderates). */
export const directoryData = { users: DEMO_DIRECTORY.users, rooms: DEMO_DIRECTORY.rooms.filter((r) => r.id === 'vertrieb') };

export const testEnv = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret',
  PORTAL_JWT_SECRET: SECRET, PORTAL_JWT_ISSUER: ISSUER, PORTAL_JWT_AUDIENCE: AUDIENCE,
  ...NO_USER_LIMITS,
};

export const fastSettings: Partial<RealtimeSettings> = {
  graceMs: 500, ringTimeoutMs: 1_500, roomRingTimeoutMs: 1_500, authTimeoutMs: 1_000, heartbeatMs: 1_000,
  // Someone who leaves a room without the goodbye counts (and is busy) this long, not the 15 s that
  // ship: a test that waits for them to be out waits 2 s. Its own tests: room-grace.test.ts.
  roomRejoinGraceMs: 2_000,
  // No media server joins these calls: the rejoin grace has its own tests (rejoin-grace.test.ts).
  callRejoinGraceMs: 600_000,
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
  /** Every line the service logged (access lines, moderation). */
  log: string[];
  /** Sends LiveKit a signed webhook to the service, as LiveKit would. */
  webhook(event: { event: string; room?: { name: string }; participant?: { identity: string } }): Promise<void>;
  post(path: string, user: string | undefined, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The whole token service (createTokenService) with realtime settings for tests. */
export async function startService(settings: Partial<RealtimeSettings> = fastSettings, env: Record<string, string> = {}, port = 0): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timio-rt-'));
  const config = { ...loadConfig({ ...testEnv, DATA_DIR: dataDir, ...env }, { requirePortalAuth: true }), realtime: settings };
  const log: string[] = [];
  const service = createTokenService({
    config, directory: createStaticDirectory(directoryData), log: (line) => void log.push(line),
    rateLimits: { perAddress: 1_000_000 },
  });
  const server = createServer(service.app);
  service.attach(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realtime = realtimeOn(server)!;
  let n = 0;
  return {
    url, wsUrl: `${url.replace('http', 'ws')}/v1/realtime`, server, realtime, log,
    webhook: async (event) => {
      const body = JSON.stringify({ ...event, id: `EV_test${Date.now()}_${n++}`, createdAt: String(Math.floor(Date.now() / 1000)) });
      const at = new AccessToken(testEnv.LIVEKIT_API_KEY, testEnv.LIVEKIT_API_SECRET);
      at.sha256 = createHash('sha256').update(body).digest('base64');
      const res = await fetch(`${url}/v1/livekit/webhook`, {
        method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() }, body,
      });
      if (res.status !== 200) throw new Error(`webhook refused: ${res.status} ${await res.text()}`);
    },
    post: (path, user, body) => post(url, path, user, body),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}

/**
 * The service with a dev media server as its LiveKit, the media server's webhooks going back to the
 * service (its port is chosen first so the media server knows where to send them).
 */
export async function startServiceWithMedia(settings: Partial<RealtimeSettings>, env: Record<string, string> = {}): Promise<{ media: MediaServer; s: RunningService }> {
  const port = await freePort();
  const media = await startMediaServer({ port: 0, webhookUrls: [`http://127.0.0.1:${port}/v1/livekit/webhook`] });
  const s = await startService(settings, { LIVEKIT_URL: media.url, ...env }, port);
  return { media, s };
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
