// Starts the token service for a test on 127.0.0.1 port 0 and talks to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import jwt from 'jsonwebtoken';
import { loadConfig, type TokenServiceConfig } from '../src/config.js';
import { createTokenService, type TokenService, type TokenServiceOptions } from '../src/app.js';
import { GUESTS_ALWAYS_IN } from '../../testing/node/test-settings.js';
import { DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER, DEMO_PORTAL_SECRET, SERVICE_TEST_DIRECTORY } from '../../testing/node/demo-fixtures.js';
import { startMediaServer, type MediaServer } from '../../dev-media-server/src/server.js';

export const PORTAL_SECRET = DEMO_PORTAL_SECRET;
export const PORTAL_ISSUER = DEMO_PORTAL_ISSUER;
export const PORTAL_AUDIENCE = DEMO_PORTAL_AUDIENCE;
export const LIVEKIT_KEY = 'devkey';
export const LIVEKIT_SECRET = 'secret';

export const DIRECTORY = SERVICE_TEST_DIRECTORY;

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed when the test process exits. */
export function tempDir(prefix = 'timio-ts-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const dir = tempDir();
  const directoryFile = join(dir, 'directory.json');
  writeFileSync(directoryFile, JSON.stringify(DIRECTORY));
  return {
    LIVEKIT_URL: 'ws://127.0.0.1:9', // nothing listens: tests that need LiveKit pass the media server's URL
    LIVEKIT_API_KEY: LIVEKIT_KEY,
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    PORTAL_JWT_SECRET: PORTAL_SECRET,
    PORTAL_JWT_ISSUER: PORTAL_ISSUER,
    PORTAL_JWT_AUDIENCE: PORTAL_AUDIENCE,
    DIRECTORY_FILE: directoryFile,
    ALLOWED_ORIGINS: 'http://127.0.0.1:3000',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    DATA_DIR: join(dir, 'data'),
    ...GUESTS_ALWAYS_IN,
    ...overrides,
  };
}

export interface RunningService {
  base: string;
  config: TokenServiceConfig;
  service: TokenService;
  server: Server;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The service behind a real HTTP server on 127.0.0.1:0. `via` picks the request listener: the
 * standalone server's `handler` (POST /v1/token in front of Express; the default, as server.ts
 * serves) or the Express `app` alone (as a host mounts it).
 */
export async function startService(opts: { env?: Record<string, string | undefined>; options?: Partial<TokenServiceOptions>; server?: Server; via?: 'handler' | 'app' } = {}): Promise<RunningService> {
  const config = loadConfig(opts.env ?? testEnv(), { requirePortalAuth: !opts.options?.authenticate });
  const logs: string[] = [];
  const service = createTokenService({ config, log: (line) => logs.push(line), ...opts.options });
  const listener = opts.via === 'app' ? service.app : service.handler;
  let server = opts.server;
  if (server) {
    server.on('request', listener);
  } else {
    server = createServer(listener);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  }
  service.attach(server);
  const { port } = server.address() as AddressInfo;
  const s = server;
  return {
    base: `http://127.0.0.1:${port}`,
    config,
    service,
    server: s,
    logs,
    async close() {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      await service.close();
    },
  };
}

/** Runs `run` against a service started with `opts` (as startService), and closes the service after it, also when it fails. */
export async function withService<T>(opts: Parameters<typeof startService>[0], run: (s: RunningService) => Promise<T>): Promise<T> {
  const s = await startService(opts);
  try {
    return await run(s);
  } finally {
    await s.close();
  }
}

/**
 * A service for the tests of one describe block whose calendar stands on Tuesday 1 December 2026
 * (createTokenService's `now`), two days before the meetings those tests invite to (Thursday 3
 * December): the texts of that day are checked whatever the real date. Started before the
 * block's tests, closed after them; `service()` is it.
 */
export function fixedDayService(): { service(): RunningService; invite(body: Record<string, unknown>): Promise<{ id: string; invite: string; url: string; mailto: string }> } {
  let s: RunningService | undefined;
  before(async () => {
    s = await startService({ env: testEnv(), options: { now: () => Date.parse('2026-12-01T08:00:00Z') } });
  });
  after(() => s?.close());
  return {
    service: () => s!,
    /** Anna's invite to room vertrieb (201, else the test fails). */
    async invite(body) {
      const res = await api(s!.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body });
      assert.equal(res.status, 201, res.text);
      return res.body as { id: string; invite: string; url: string; mailto: string };
    },
  };
}

export interface ServiceWithMedia extends RunningService {
  /** The dev media server: the service's LiveKit, its webhooks going back to the service. */
  media: MediaServer;
}

/**
 * The service against a real dev media server. The service's port comes first (the media server's
 * webhook URL needs it); `env` goes on top of testEnv() and LIVEKIT_URL. Closing stops the media
 * server first, so its webhooks about those leaving have nowhere to retry to, then the service.
 */
export async function startServiceWithMedia(opts: { env?: Record<string, string | undefined>; options?: Partial<TokenServiceOptions> } = {}): Promise<ServiceWithMedia> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const media = await startMediaServer({ port: 0, webhookUrls: [`http://127.0.0.1:${port}/v1/livekit/webhook`] });
  const s = await startService({ env: testEnv({ LIVEKIT_URL: media.url, ...opts.env }), server, ...(opts.options ? { options: opts.options } : {}) });
  return {
    ...s,
    media,
    async close() {
      await media.close();
      await s.close();
    },
  };
}

/** A portal user token as the demo portal signs it; override claims or options to break it. */
export function portalToken(sub: string, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}, secret: jwt.Secret = PORTAL_SECRET): string {
  return jwt.sign({ sub, name: sub, ...claims }, secret, { algorithm: 'HS256', expiresIn: 300, issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE, ...options });
}

export interface ApiResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export async function api(base: string, method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Asserts an error response: status and `{error:{code,message}}`. */
export function expectError(res: ApiResponse, status: number, code: string): void {
  if (res.status !== status || res.body?.error?.code !== code || typeof res.body?.error?.message !== 'string') {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${res.text}`);
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** The startup line ("token service listening on http://host:port (…)"); rejects when the process exits first. */
  listening: Promise<string>;
  /** The exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  output(): { out: string; err: string };
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const serverFile = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/**
 * `npm run token-service` as a process with exactly `env` (and PATH): what an operator starts.
 * `wrap`: a command it runs under (e.g. nsenter into a mount namespace with a small disk).
 */
export function runServer(env: Record<string, string | undefined>, wrap: string[] = []): ServerProcess {
  // A clock moved by libfaketime (scripts/clock-moved.mjs) is moved for the server too.
  const clock = { LD_PRELOAD: process.env['LD_PRELOAD'], FAKETIME: process.env['FAKETIME'] };
  const command = [...wrap, process.execPath, '--import', 'tsx', serverFile];
  const child = spawn(command[0]!, command.slice(1), { env: { PATH: process.env['PATH'], ...clock, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /^token service listening on .*$/m.exec(out);
      if (m) resolve(m[0]);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  listening.catch(() => undefined); // a test that expects the exit does not await it
  return {
    child, exited, listening,
    output: () => ({ out, err }),
    stop: () => { child.kill('SIGTERM'); return exited; },
  };
}

/** The port in a startup line. */
export function portOf(startupLine: string): number {
  return Number(/^token service listening on http:\/\/[^ ]*:(\d+) /.exec(startupLine)![1]);
}
