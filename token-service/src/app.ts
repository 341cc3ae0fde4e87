// The token service as an Express app a host backend can mount (`hostApp.use('/timio', app)`) or
// the standalone server can listen with. Everything it needs is created here, once.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { TokenServiceConfig } from './config.js';
import type { RouteContext, TokenServiceContext } from './context.js';
import type { Principal } from './auth/principal.js';
import { createPortalTokenVerifier, type PortalTokenVerifier } from './auth/portal-token.js';
import { createAuthenticate } from './auth/authenticate.js';
import { createCalling } from './calls/calling.js';
import { withCleanNames, type Directory } from './directory/directory.js';
import { httpDirectory, watchDirectoryFile, type ClosableDirectory } from './directory/sources.js';
import { ApiError, errorMiddleware } from './http/errors.js';
import { corsAllowlist } from './http/cors.js';
import { requestLog, type RequestObserver } from './http/request-log.js';
import { clientAddressResolver } from './http/client-address.js';
import { securityHeadersOf, withTokenFastPath, type NodeMiddleware } from './http/token-fast-path.js';
import { createLogger } from './http/logger.js';
import { Metrics, metricsEndpoint } from './http/metrics.js';
import { metricsGuessLimit } from './http/metrics-guesses.js';
import { mintRoomToken } from './livekit/tokens.js';
import { createRoomService, type RoomService } from './livekit/room-service.js';
import { createInviteSigner, inviteSigningKey } from './invites/invite-token.js';
import { checkWritable } from './invites/invite-store.js';
import { openInviteLog } from './invites/invite-log.js';
import { openRedisInviteStore } from './invites/redis-invite-store.js';
import { MemoryLimiter, RedisLimiter } from './limits/limiter.js';
import { defaultUserLimits, RateLimitedError, UserLimits } from './limits/user-limits.js';
import { createGuestSessions } from './invites/guest-session.js';
import { nextMeetingOf } from './invites/next-meeting.js';
import { removeLateGuests } from './invites/guest-removal.js';
import { issueRoomToken, tokenRoutes } from './routes/token.js';
import { roomRoutes } from './routes/rooms.js';
import { inviteRoutes } from './routes/invites.js';
import { guestRoutes } from './routes/guest.js';
import { webhookRoutes } from './routes/webhook.js';
import { callRoutes } from './routes/calls.js';
import { roomRingRoutes } from './routes/room-ring.js';
import { moderationRoutes } from './routes/moderation.js';
import { chatRoutes } from './routes/chat.js';
import { waitingRoomRoutes } from './routes/waiting-room.js';
import { historyRoutes } from './routes/history.js';
import { directoryRoutes } from './routes/directory.js';
import { colleagueRingRoutes } from './routes/colleague-ring.js';
import { CallHistory } from './history/call-history.js';
import { openHistoryLog } from './history/history-log.js';
import { openRedisHistoryStore } from './history/redis-history-store.js';
import { WaitingRoom } from './guests/waiting-room.js';
import { memoryAdmissions } from './guests/admissions.js';
import { redisAdmissions } from './guests/redis-admissions.js';

export interface TokenService {
  /** The Express app, for hosts that mount it (`hostApp.use('/timio', app)`). */
  app: express.Express;
  /**
   * The standalone server's request listener (`createServer(service.handler)`): POST /v1/token on a
   * lighter path with the same protections (http/token-fast-path.ts), everything else through `app`.
   */
  handler: RequestListener;
  attach(server: Server): void;
  close(): Promise<void>;
}

export interface RateLimits {
  /** Window of every limit, in milliseconds (default one minute). */
  windowMs?: number;
  /** Requests per client address per window to /v1 (default 600). */
  perAddress?: number;
  /** Unauthenticated invite lookups and guest tokens per client address per window (default 30). */
  guestPerAddress?: number;
  /**
   * Admission polls and waiting-room leaves per client address per window (default 1,200: a
   * hundred waiting guests behind one address); each guest also has its own budget (30 a minute).
   */
  admissionPerAddress?: number;
}

/** POST /v1/guest/admission and /v1/guest/leave, also when the app is mounted under a prefix. */
function isAdmissionPath(req: IncomingMessage): boolean {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const path = url.split('?')[0] ?? '';
  return path.endsWith('/v1/guest/admission') || path.endsWith('/v1/guest/leave');
}

export interface TokenServiceOptions {
  config: TokenServiceConfig;
  /** Default: the JSON file from config.directoryFile (re-read on change), or config.directoryUrl. */
  directory?: Directory;
  /** Embedded use: the host's own session check; default: the portal JWT bearer token. */
  authenticate?: (req: IncomingMessage) => Promise<Principal>;
  /** A RoomService other than LiveKit's over Twirp (default: config.livekit). */
  roomService?: RoomService;
  rateLimits?: RateLimits;
  /** Where the JSON log lines go (default stdout). Lines never contain tokens. */
  log?: (line: string) => void;
  /**
   * The calendar's "now" in ms since the epoch (default Date.now): invite lifetimes, the guests'
   * opening time, the next meeting. For tests that check a fixed day's texts; timers, liveness and
   * token expiry keep the real clock.
   */
  now?: () => number;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { config } = options;
  const now = options.now ?? Date.now;
  const logger = createLogger(options.log);
  // For messages from the routes: things an operator should look at.
  const log = (line: string) => logger.warn(line);
  if (!options.authenticate && !config.portalJwt) {
    throw new Error('token service: configure PORTAL_JWT_SECRET or PORTAL_JWT_PUBLIC_KEY, or pass an authenticate hook');
  }
  // Standalone: the file re-read on change, or the host's directory over HTTP; rooms appear without a restart.
  const owned: ClosableDirectory | undefined = options.directory ? undefined
    : config.directoryFile ? watchDirectoryFile(config.directoryFile, log)
      : config.directoryUrl ? httpDirectory(config.directoryUrl.url, config.directoryUrl.secret, log) : undefined;
  const source = options.directory ?? owned;
  if (!source) throw new Error('token service: set DIRECTORY_FILE or DIRECTORY_URL, or pass a directory');
  const directory = withCleanNames(source);

  const portalTokens: PortalTokenVerifier = config.portalJwt
    ? createPortalTokenVerifier(config.portalJwt)
    : { verify: () => { throw new ApiError(401, 'unauthorized', 'portal tokens are not accepted here'); } };
  // DATA_DIR is checked even with Redis: it stays the documented place of the service's files.
  const inviteStore = config.redisUrl ? (checkWritable(config.dataDir, log), openRedisInviteStore(config.redisUrl, { now })) : openInviteLog(config.dataDir, { now, warn: log });
  const historyOptions = { now, retentionMs: config.historyRetentionDays * 24 * 60 * 60 * 1000 };
  const historyStore = config.redisUrl ? openRedisHistoryStore(config.redisUrl, historyOptions) : openHistoryLog(config.dataDir, { ...historyOptions, warn: log });
  const events = new EventEmitter();
  const userLimits = new UserLimits(config.redisUrl ? new RedisLimiter(config.redisUrl) : new MemoryLimiter(), { ...defaultUserLimits, ...config.userLimits });
  const roomService = options.roomService ?? createRoomService(config);
  const inviteKey = inviteSigningKey(config);
  const guestSessions = createGuestSessions(inviteKey);
  for (const warning of config.warnings ?? []) logger.warn(`warning: ${warning}`);
  let live: (() => { pages: number; users: number }) | undefined;
  const metrics = new Metrics(() => live?.());
  events.on('webhook', (event: { event?: string }) => metrics.webhook(event.event));
  const base: TokenServiceContext = {
    config,
    directory,
    portalTokens,
    authenticate: createAuthenticate({ config, portalTokens, directory, isRevoked: inviteStore.isRevoked, guestSessions, ...(options.authenticate ? { hostAuthenticate: options.authenticate } : {}) }),
    mintRoomToken: (p) => mintRoomToken(config, p),
    roomService,
    events,
    limits: userLimits,
    metrics,
    logger,
    log,
    now,
  };
  // Presence, ringing and calls: the realtime transport with calls and room rings on top.
  const history = new CallHistory({ store: historyStore, now, logger: logger.child({ component: 'history' }) });
  const calling = createCalling(base, (room) => nextMeetingOf(inviteStore, room, now()), history);
  live = () => ({ pages: calling.realtime.hub.pageCount, users: calling.realtime.hub.localUsers().length });
  const admissions = config.redisUrl ? redisAdmissions(config.redisUrl) : memoryAdmissions();
  const waitingRoom = new WaitingRoom({
    store: admissions,
    roomStatus: calling.roomStatus,
    mode: config.guestWaitingRoom,
    moderatorsOf: async (room) => (await directory.getRoom(room))?.moderators ?? [],
    notify: (to, message) => calling.realtime.bus.publish({ to, message }),
    log,
  });
  const ctx: RouteContext = {
    ...base,
    calls: calling.calls,
    rings: calling.rings,
    colleagueRings: calling.colleagueRings,
    meetings: calling.meetings,
    conversion: calling.conversion,
    places: calling.places,
    meetingEnded: (room) => calling.meetingEnded(room),
    presence: (ids) => calling.realtime.bus.statuses(ids),
    roomStatus: calling.roomStatus,
    roomWatch: calling.roomWatch,
    chat: calling.chat,
    invites: createInviteSigner(inviteKey),
    inviteStore,
    guestSessions,
    waitingRoom,
    history: historyStore,
  };

  removeLateGuests(events, roomService, async (inviteId, identity) => !(await inviteStore.isRevoked(inviteId)) && (await waitingRoom.standing(identity))?.admitted === true, log);
  // LiveKit closed a room: its meeting is over for the guests admitted to it (guests/waiting-room.ts).
  events.on('webhook', (event: { event?: string; room?: { name?: string } }) => {
    const room = event.room?.name;
    if (event.event === 'room_finished' && room) waitingRoom.roomClosed(room).catch((err: unknown) => log(`meeting end of ${room} not recorded: ${(err as Error).message}`));
  });

  const app = express();
  app.disable('x-powered-by');
  // Answers carry fresh tokens: an ETag (a hash of every body) buys nothing, caching would be wrong.
  app.set('etag', false);
  // Left unset, a mounted app inherits the host's setting.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  const observe: RequestObserver = (method, route, status, seconds) => metrics.request(method, route, status, seconds);
  app.use(requestLog(logger, observe));
  const securityHeaders = helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } });
  app.use(securityHeaders);
  app.use(corsAllowlist(config.allowedOrigins));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  // The client's address by the TRUST_PROXY rule Express applies to req.ip, read from the plain
  // node:http request, so the POST /v1/token path in front of Express counts in the same limiter.
  const clientAddress = clientAddressResolver(config.trustProxy);
  const keyGenerator = (req: IncomingMessage) => ipKeyGenerator(clientAddress(req));
  app.get('/metrics', ...(config.metricsToken ? [metricsGuessLimit(keyGenerator)] : []), metricsEndpoint(metrics, config.metricsToken));

  // LiveKit's webhooks: raw body for the signature, their own rate limit (LiveKit may burst).
  app.use('/v1/livekit', webhookRoutes(ctx));

  const limits = options.rateLimits ?? {};
  const windowMs = limits.windowMs ?? 60_000;
  // The time to wait goes in the body too: a page on another origin cannot read Retry-After (not exposed by CORS).
  const tooMany = (req: Request, _res: Response, next: NextFunction) => {
    const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    next(new RateLimitedError('too many requests from this address', reset ? reset.getTime() - Date.now() : windowMs));
  };
  // A waiting guest's admission poll and "Abbrechen" have their own budgets (one per guest in the
  // route, one per address here): many guests behind one NAT, or one noisy client there, must not
  // push a waiting guest out of the waiting room.
  const skip = (req: IncomingMessage) => isAdmissionPath(req);
  const v1Limit = rateLimit({ windowMs, limit: limits.perAddress ?? 600, standardHeaders: 'draft-7', legacyHeaders: false, handler: tooMany, keyGenerator, skip });
  app.use('/v1', v1Limit);
  const guestLimit = rateLimit({ windowMs, limit: limits.guestPerAddress ?? 30, standardHeaders: 'draft-7', legacyHeaders: false, handler: tooMany, keyGenerator, skip });
  app.use(['/v1/guest', '/v1/invites'], guestLimit);
  const admissionLimit = rateLimit({ windowMs, limit: limits.admissionPerAddress ?? 1_200, standardHeaders: 'draft-7', legacyHeaders: false, handler: tooMany, keyGenerator });
  app.use(['/v1/guest/admission', '/v1/guest/leave'], admissionLimit);
  // The call and ring routes take small bodies: their own limit, parsed before the general parser
  // (a body parsed once is not parsed again).
  app.use(['/v1/calls', '/v1/rooms/:room/ring', '/v1/rooms/:room/ring-colleagues'], express.json({ limit: '4kb', strict: true }));
  const v1JsonLimit = 16 * 1024;
  const v1Json = express.json({ limit: v1JsonLimit, strict: true });
  app.use('/v1', v1Json);
  app.use('/v1', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  // Paths do not overlap, so the order only decides how many routers a request passes through:
  // POST /v1/token, asked on every join, comes first.
  for (const routes of [tokenRoutes, guestRoutes, inviteRoutes, callRoutes, roomRingRoutes, colleagueRingRoutes, roomRoutes, moderationRoutes, chatRoutes, waitingRoomRoutes, historyRoutes, directoryRoutes]) app.use('/v1', routes(ctx));

  const noSuchEndpoint = () => new ApiError(404, 'not_found', 'no such endpoint');
  app.use('/v1', (_req, _res, next) => next(noSuchEndpoint()));
  // Mounted in a host app, other paths belong to the host; standalone, they get a JSON 404 too.
  let mounted = false;
  app.on('mount', () => (mounted = true));
  app.use((_req, _res, next) => next(mounted ? undefined : noSuchEndpoint()));
  app.use(errorMiddleware(logger));

  const handler = withTokenFastPath({
    logger,
    observe,
    securityHeaders: securityHeadersOf(securityHeaders as unknown as NodeMiddleware),
    allowedOrigins: new Set(config.allowedOrigins),
    // Both read only node:http fields (the limiter's key comes from clientAddress above).
    limit: v1Limit as unknown as NodeMiddleware,
    json: v1Json as unknown as NodeMiddleware,
    jsonLimit: v1JsonLimit,
    authenticate: ctx.authenticate,
    issue: (user, body) => issueRoomToken(ctx, user, body),
  }, app);

  return {
    app,
    handler,
    attach(server: Server) {
      calling.realtime.attach(server);
    },
    async close() {
      await calling.close();
      owned?.close();
      events.removeAllListeners();
      await inviteStore.close();
      await historyStore.close();
      await admissions.close();
      await userLimits.close();
    },
  };
}
