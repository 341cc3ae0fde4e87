// POST /v1/token without Express. Every join asks for a room token, and Express's routing and
// response machinery cost several times the signing itself (bench/token-service). The standalone
// server's request listener answers exactly `POST /v1/token` here and hands every other request to
// the Express app. The protections are the same code as Express's, in the same order: access line
// and request id (request-log.ts), the headers helmet sets, CORS allowlist (cors.ts), the /v1 rate
// limiter and JSON body parser instances themselves, Cache-Control, the portal token check
// (ctx.authenticate), the route's checks (routes/token.ts) and the error answers (errors.ts).
// A good answer goes out with one writeHead of a header list built ahead (helmet's headers, Vary,
// Cache-Control, Content-Type) plus the request's own (id, CORS, the limiter's): setting 19 headers
// one by one cost ~25 µs of the request (bench/token-profile).
// token-service/test/token-fast-path.test.ts sends the same good and bad requests both ways.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticate } from '../auth/authenticate.js';
import type { RoomTokenGrant } from '#protocol/rest.js';
import type { EmployeePrincipal } from '../auth/principal.js';
import { logRequest, requestIdOf, type RequestObserver } from './request-log.js';
import { allowedOrigin } from './cors.js';
import { sendError } from './errors.js';
import { asEmployee } from './access.js';
import { jsonBody } from './validation.js';
import { isPlainJson, readPlainJson } from './json-body.js';

/** A connect-style middleware (the rate limiter, the body parser): works on plain node:http objects. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => unknown;

export interface TokenFastPathParts {
  logger: Logger;
  observe: RequestObserver;
  /** The headers helmet sets on every answer, as helmet set them once (securityHeadersOf). */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  allowedOrigins: ReadonlySet<string>;
  /** The /v1 rate limiter Express uses (one count per address for both paths). */
  limit: NodeMiddleware;
  /** The /v1 JSON body parser Express uses; plain JSON bodies are read by json-body.ts with its rules. */
  json: NodeMiddleware;
  /** The parser's size limit in bytes (json-body.ts answers 413 above it, as the parser does). */
  jsonLimit: number;
  authenticate: Authenticate;
  issue: (user: EmployeePrincipal, body: Record<string, unknown>) => Promise<RoomTokenGrant>;
}

export const TOKEN_ROUTE = '/v1/token';

/**
 * What the rate limiter touches of a response: express-rate-limit 8 reads headersSent and sets its
 * RateLimit, RateLimit-Policy and (when refusing) Retry-After headers; our `tooMany` handler only
 * calls next(err). The headers land in the exchange's list and go out with its answer, good or bad.
 * A limiter that needs more of the response fails here loudly (a TypeError → 500), and
 * token-service/test/token-fast-path.test.ts compares the limiter's headers on both paths.
 */
class LimiterHeaders {
  readonly headersSent = false;
  readonly writableEnded = false;
  constructor(private readonly list: string[]) {}
  setHeader(name: string, value: unknown): this {
    this.list.push(name, String(value));
    return this;
  }
  append(name: string, value: unknown): this {
    return this.setHeader(name, value);
  }
  getHeader(): undefined {
    return undefined;
  }
}

/** The headers a header-setting middleware (helmet) sets, recorded once at start-up. */
export function securityHeadersOf(middleware: NodeMiddleware): Array<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let done = false;
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, () => (done = true));
  // A middleware that sets headers per request (e.g. a CSP nonce) cannot be recorded.
  if (!done) throw new Error('security headers: the middleware did not finish at once');
  return headers;
}

/** The headers every answer of this path carries, as a flat name, value list (built once). */
function fixedHeaders(security: ReadonlyArray<readonly [string, string]>): { before: string[]; ok: string[] } {
  // Before the route: what Express's helmet and CORS middleware set on every answer (Vary: nothing
  // before CORS sets one). From the route on, /v1 answers also say Cache-Control: no-store.
  const before = [...security.flat(), 'Vary', 'Origin'];
  return { before, ok: [...before, 'Cache-Control', 'no-store', 'Content-Type', 'application/json; charset=utf-8'] };
}

/** The standalone server's request listener: POST /v1/token here, everything else to `fallback`. */
export function withTokenFastPath(parts: TokenFastPathParts, fallback: RequestListener): RequestListener {
  const fixed = fixedHeaders(parts.securityHeaders);
  return (req, res) => {
    const url = req.url ?? '';
    // Only the exact path; Express still answers its variants (/v1/token/, /V1/TOKEN) as before.
    if (req.method !== 'POST' || !(url === TOKEN_ROUTE || url.startsWith(`${TOKEN_ROUTE}?`))) {
      fallback(req, res);
      return;
    }
    new TokenExchange(parts, fixed, req as IncomingMessage & { body?: unknown }, res, url).start();
  };
}

const enum Stage { Limit, Body, Route, Done }

/**
 * One POST /v1/token, step by step: rate limit, body, then the route. Its steps are methods and
 * its callbacks plain arrows (no closures per step to name and keep), each step runs once.
 */
class TokenExchange {
  private stage = Stage.Limit;
  /** Like Express: the route label is the template once the request reached the route. */
  private matched = false;
  /** This request's own answer headers (id, CORS, the limiter's), as name, value, …. */
  private readonly headers: string[] = [];
  private readonly reqId: string;

  constructor(
    private readonly p: TokenFastPathParts,
    private readonly fixed: { before: string[]; ok: string[] },
    private readonly req: IncomingMessage & { body?: unknown },
    private readonly res: ServerResponse,
    url: string,
  ) {
    this.reqId = requestIdOf(req);
    logRequest(p.logger, req, res, url, this.reqId, () => (this.matched ? TOKEN_ROUTE : 'unmatched'), p.observe);
    this.headers.push('X-Request-Id', this.reqId);
    const origin = allowedOrigin(p.allowedOrigins, req);
    if (origin !== undefined) this.headers.push('Access-Control-Allow-Origin', origin);
  }

  start(): void {
    run(this.p.limit, this.req, new LimiterHeaders(this.headers) as unknown as ServerResponse, (err) => this.limited(err));
  }

  private limited(err: unknown): void {
    if (this.stage !== Stage.Limit) return;
    if (err !== undefined) return this.fail(err);
    this.stage = Stage.Body;
    if (isPlainJson(this.req)) {
      readPlainJson(this.req, this.p.jsonLimit, (bodyErr, value) => {
        if (bodyErr === undefined) this.req.body = value;
        this.parsed(bodyErr);
      });
      return;
    }
    run(this.p.json, this.req, this.res, (err) => this.parsed(err));
  }

  private parsed(err: unknown): void {
    if (this.stage !== Stage.Body) return;
    if (err !== undefined) return this.fail(err);
    this.stage = Stage.Route;
    this.matched = true;
    answer(this.p, this.req).then((grant) => this.send(grant)).catch((e: unknown) => this.fail(e));
  }

  private send(grant: RoomTokenGrant): void {
    this.stage = Stage.Done;
    const body = JSON.stringify(grant);
    this.res.writeHead(200, [...this.fixed.ok, ...this.headers, 'Content-Length', String(Buffer.byteLength(body))]);
    this.res.end(body);
  }

  /** An error answer: the headers so far on the response, then errors.ts's answer. */
  private fail(err: unknown): void {
    const { res } = this;
    const route = this.matched;
    this.stage = Stage.Done;
    if (res.headersSent) {
      this.req.socket.destroy();
      return;
    }
    try {
      const list = route ? this.fixed.ok : this.fixed.before;
      // Content-Type is sendError's to set.
      for (let i = 0; i < list.length; i += 2) if (list[i] !== 'Content-Type') res.setHeader(list[i]!, list[i + 1]!);
      for (let i = 0; i < this.headers.length; i += 2) res.setHeader(this.headers[i]!, this.headers[i + 1]!);
    } catch (headerErr) {
      err = headerErr;
    }
    sendError(this.p.logger, res, this.reqId, err);
  }
}

/** Runs a connect-style middleware: `next` hears its error however it fails (passed, thrown, rejected). */
function run(middleware: NodeMiddleware, req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void {
  try {
    const settled = middleware(req, res, next);
    if (settled instanceof Promise) settled.catch((err: unknown) => next(err ?? new Error('middleware failed')));
  } catch (err) {
    next(err);
  }
}

/** The route itself: who asks (portal token check), then the room's checks and the signed grant. */
async function answer(p: TokenFastPathParts, req: IncomingMessage & { body?: unknown }): Promise<RoomTokenGrant> {
  const user = asEmployee(await p.authenticate(req));
  return p.issue(user, jsonBody(req));
}
