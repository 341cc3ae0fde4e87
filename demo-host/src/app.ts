// The demo intranet portal: sign-in with a demo employee (a session cookie, sessions.ts), the pages, the SDK from
// dist/ at /sdk/, and /api/portal-token, which signs the short-lived portal JWT the SDK hands to
// the token service (what a customer's portal backend does).
import express, { type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Lang } from './i18n.js';
import { Sessions } from './sessions.js';
import { sameOriginPosts } from './same-origin.js';
import { sdkCacheControl, SHORT_THEN_BACKGROUND } from './static-cache.js';
import { loadRooms, saveRooms } from './rooms-file.js';
import {
  chatIndexPage, chatRoomPage, directoryPage, journalPage, loginPage, notFoundPage, guestPage,
  type DemoDirectory, type DemoRoom, type DemoUser, type PageContext,
} from './pages.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface DemoPortalOptions {
  /** HS256 secret shared with the token service (PORTAL_JWT_SECRET). */
  portalJwtSecret: string;
  portalJwtIssuer?: string;
  portalJwtAudience?: string;
  /** Lifetime of a portal token; the SDK fetches a new one before it runs out. */
  portalTokenTtlSeconds?: number;
  /** Token service base URL as the browser reaches it. */
  tokenServiceUrl: string;
  /** LiveKit URL the browser connects to (for the page's Content-Security-Policy). */
  livekitUrl?: string;
  directoryFile?: string;
  /** The built SDK (served at /sdk/). */
  distDir?: string;
  /**
   * Serves the directory (with the rooms people created) at GET /api/directory to the token
   * service, which reads it with this bearer secret (its DIRECTORY_URL / DIRECTORY_SECRET).
   */
  directorySecret?: string;
  /** Where rooms created with "Neuen Raum anlegen" are kept (JSON); default: memory only. */
  roomsFile?: string;
  /** How long a sign-in lasts (default 8 hours); signing out ends it at once. */
  sessionTtlSeconds?: number;
  /** The clock of the sessions (tests move it instead of waiting). */
  now?: () => number;
}

const SESSION_COOKIE = 'timio_demo_session';
const LANG_COOKIE = 'timio_demo_lang';

export function createDemoPortal(options: DemoPortalOptions): express.Express {
  if (!options.portalJwtSecret || options.portalJwtSecret.length < 16) {
    throw new Error('demo portal: portalJwtSecret must be at least 16 characters');
  }
  const directory = JSON.parse(readFileSync(options.directoryFile ?? join(here, '..', 'directory.json'), 'utf8')) as DemoDirectory;
  const created: DemoRoom[] = options.roomsFile ? loadRooms(options.roomsFile) : [];
  directory.rooms.push(...created.filter((r) => !directory.rooms.some((d) => d.id === r.id)));
  if (options.directorySecret !== undefined && options.directorySecret.length < 16) throw new Error('demo portal: directorySecret must be at least 16 characters');
  const usersById = new Map(directory.users.map((u) => [u.id, u]));
  const key: KeyObject = createSecretKey(Buffer.from(options.portalJwtSecret, 'utf8'));
  const sessions = new Sessions((options.sessionTtlSeconds ?? 8 * 3600) * 1000, options.now);
  const issuer = options.portalJwtIssuer ?? 'timio-demo-portal';
  const audience = options.portalJwtAudience ?? 'timio-token-service';
  const ttl = options.portalTokenTtlSeconds ?? 300;

  const userOf = (req: Request): DemoUser | undefined => {
    const id = cookies(req)[SESSION_COOKIE];
    const userId = id ? sessions.userOf(id) : undefined;
    return userId ? usersById.get(userId) : undefined;
  };
  const langOf = (req: Request): Lang => {
    const c = cookies(req)[LANG_COOKIE];
    if (c === 'de' || c === 'en') return c;
    return /^en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'de';
  };
  const ctx = (req: Request): PageContext => ({ lang: langOf(req), user: userOf(req), tokenServiceUrl: options.tokenServiceUrl, path: req.path, origin: `${req.protocol}://${req.get('host') ?? 'localhost'}` });

  const csp = contentSecurityPolicy(options);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(self), microphone=(self), display-capture=(self), fullscreen=(self)',
    });
    next();
  });
  // The SDK's hashed chunks cached for good, its entries and the portal's own files for a short
  // while and then revalidated in the background (static-cache.ts): the portal's next page runs
  // them without a round trip to this server (a call taken over after a page change waits for none).
  app.use('/sdk', express.static(options.distDir ?? join(here, '..', '..', 'dist'), {
    index: false,
    cacheControl: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', sdkCacheControl(path)),
  }));
  app.use('/assets', express.static(join(here, '..', 'public'), {
    index: false,
    cacheControl: false,
    setHeaders: (res) => res.setHeader('Cache-Control', SHORT_THEN_BACKGROUND),
  }));
  app.use(sameOriginPosts());
  app.use(express.urlencoded({ extended: false, limit: '4kb' }));

  const page = (res: Response, body: string, status = 200) =>
    res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
  const requireUser = (req: Request, res: Response): DemoUser | undefined => {
    const user = userOf(req);
    if (!user) res.redirect(303, '/login');
    return user;
  };

  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.get('/login', (req, res) => page(res, loginPage(ctx(req), directory.users)));
  app.post('/login', (req, res) => {
    const id = typeof req.body?.user === 'string' ? req.body.user : '';
    if (!usersById.has(id)) return page(res, loginPage(ctx(req), directory.users), 400);
    res.cookie(SESSION_COOKIE, sessions.create(id), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: sessions.ttlMs });
    res.redirect(303, '/');
  });
  app.post('/logout', (req, res) => {
    const id = cookies(req)[SESSION_COOKIE];
    if (id) sessions.end(id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  });
  app.get('/lang/:lang', (req, res) => {
    const lang = req.params.lang === 'en' ? 'en' : 'de';
    res.cookie(LANG_COOKIE, lang, { sameSite: 'lax', path: '/', maxAge: 365 * 86400_000 });
    const back = typeof req.query.back === 'string' && /^\/(?!\/)[\w\-/]*$/.test(req.query.back) ? req.query.back : '/';
    res.redirect(303, back);
  });

  app.get('/', (req, res) => {
    if (requireUser(req, res)) page(res, directoryPage(ctx(req), directory));
  });
  app.get('/journal', (req, res) => {
    if (requireUser(req, res)) page(res, journalPage(ctx(req), directory));
  });
  app.get('/chat', (req, res) => {
    if (requireUser(req, res)) page(res, chatIndexPage(ctx(req), directory));
  });
  // "Neuen Raum anlegen": a chat room with the chosen members; its creator moderates it. The token
  // service learns it from GET /api/directory without a restart.
  app.post('/chat/rooms', (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    const name = typeof req.body?.name === 'string' ? req.body.name.normalize('NFC').trim() : '';
    const chosen = ([] as unknown[]).concat(req.body?.members ?? []).filter((m): m is string => typeof m === 'string' && usersById.has(m));
    if (!name || [...name].length > 60 || /[\p{Cc}\p{Cf}]/u.test(name)) return page(res, chatIndexPage(ctx(req), directory, 'invalidName'), 400);
    const base = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'raum';
    let id = base;
    for (let i = 2; directory.rooms.some((r) => r.id === id); i++) id = `${base}-${i}`;
    const room: DemoRoom = { id, name, members: [...new Set([user.id, ...chosen])], moderators: [user.id] };
    if (options.roomsFile) {
      try {
        saveRooms(options.roomsFile, [...created, room]);
      } catch {
        // Not on disk, not made: the room would vanish at the next start.
        return page(res, chatIndexPage(ctx(req), directory, 'notSaved'), 503);
      }
    }
    directory.rooms.push(room);
    created.push(room);
    res.redirect(303, `/chat/${id}`);
  });
  if (options.directorySecret) {
    const expected = Buffer.from(`Bearer ${options.directorySecret}`);
    app.get('/api/directory', (req, res) => {
      const given = Buffer.from(req.get('authorization') ?? '');
      res.set('Cache-Control', 'no-store');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return res.status(401).json({ error: { code: 'unauthorized', message: 'directory secret required' } });
      }
      res.json({ users: directory.users, rooms: directory.rooms });
    });
  }

  app.get('/chat/:room', (req, res) => {
    const user = requireUser(req, res);
    if (!user) return;
    const room = directory.rooms.find((r) => r.id === req.params.room && r.members.includes(user.id));
    if (!room) return page(res, notFoundPage(ctx(req)), 404);
    page(res, chatRoomPage(ctx(req), directory, room));
  });

  /** The portal token for the signed-in user: what the SDK's portal-token-url points at. */
  const portalToken = (req: Request, res: Response) => {
    const user = userOf(req);
    res.set('Cache-Control', 'no-store');
    if (!user) return res.status(401).json({ error: { code: 'unauthorized', message: 'Not signed in to the portal.' } });
    const token = jwt.sign({ name: user.name }, key, { algorithm: 'HS256', subject: user.id, issuer, audience, expiresIn: ttl });
    res.json({ token, expiresAt: new Date(Date.now() + ttl * 1000).toISOString(), user });
  };
  app.get('/api/portal-token', portalToken);
  app.post('/api/portal-token', portalToken);

  // Invite links land here; guests have no portal session.
  app.get('/guest', (req, res) => page(res, guestPage(ctx(req))));

  app.use((req, res) => page(res, notFoundPage(ctx(req)), 404));
  return app;
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A garbled cookie is ignored, like a missing one.
    }
  }
  return out;
}

/** A strict policy a customer portal might have; the SDK must work inside it. */
function contentSecurityPolicy(options: DemoPortalOptions): string {
  const connect = new Set(["'self'"]);
  for (const url of [options.tokenServiceUrl, options.livekitUrl]) {
    if (!url) continue;
    const u = new URL(url);
    const host = u.host;
    const secure = u.protocol === 'https:' || u.protocol === 'wss:';
    connect.add(`${secure ? 'https' : 'http'}://${host}`);
    connect.add(`${secure ? 'wss' : 'ws'}://${host}`);
  }
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': the camera background's segmentation is WebAssembly (docs/backgrounds.md)
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src ${[...connect].join(' ')}`,
    "worker-src 'self' blob:",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export interface RunningDemoPortal { url: string; port: number; close(): Promise<void> }

/** Starts the portal on host:port (port 0 picks a free one). */
export async function startDemoPortal(options: DemoPortalOptions & { port?: number; host?: string }): Promise<RunningDemoPortal> {
  const app = createDemoPortal(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
