// POST /v1/token without Express. Every join asks for a room token, and Express's routing and
// response machinery cost several times the signing itself (bench/token-service). The standalone
// server's request listener answers exactly `POST /v1/token` here and hands every other request to
// the Express app. The protections are the same code as Express's, in the same order: access line
// and request id (request-log.ts), the headers helmet sets, CORS allowlist (cors.ts), the /v1 rate
// limiter and JSON body parser instances themselves, Cache-Control, the portal token check
// (ctx.authenticate), the route's checks (routes/token.ts) and the error answers (errors.ts).
// token-service/test/token-fast-path.test.ts sends the same good and bad requests both ways.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticate } from '../auth/authenticate.js';
import type { RoomTokenGrant } from '../../../sdk/src/protocol/rest.js';
import type { EmployeePrincipal } from '../auth/principal.js';
import { logRequest, type RequestObserver } from './request-log.js';
import { allowOrigin } from './cors.js';
import { sendError, sendJson } from './errors.js';
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
 * Runs a connect-style middleware and calls `then` once: with its error (passed to next, thrown,
 * or a rejected promise) or with undefined. Callbacks, not promises: each step costs no extra tick.
 */
function step(middleware: NodeMiddleware, req: IncomingMessage, res: ServerResponse, then: (err: unknown) => void): void {
  let called = false;
  const once = (err?: unknown) => {
    if (called) return;
    called = true;
    then(err);
  };
  try {
    const settled = middleware(req, res, once);
    if (settled instanceof Promise) settled.catch(once);
  } catch (err) {
    once(err);
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

/** The standalone server's request listener: POST /v1/token here, everything else to `fallback`. */
export function withTokenFastPath(parts: TokenFastPathParts, fallback: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    // Only the exact path; Express still answers its variants (/v1/token/, /V1/TOKEN) as before.
    if (req.method !== 'POST' || !(url === TOKEN_ROUTE || url.startsWith(`${TOKEN_ROUTE}?`))) {
      fallback(req, res);
      return;
    }
    serve(parts, req as IncomingMessage & { body?: unknown }, res, url);
  };
}

function serve(p: TokenFastPathParts, req: IncomingMessage & { body?: unknown }, res: ServerResponse, url: string): void {
  // Like Express: the route label is the template once the request reached the route.
  let matched = false;
  const reqId = logRequest(p.logger, req, res, url, () => (matched ? TOKEN_ROUTE : 'unmatched'), p.observe);
  const fail = (err: unknown) => {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    sendError(p.logger, res, reqId, err);
  };
  const route = (err: unknown) => {
    if (err !== undefined) return fail(err);
    res.setHeader('Cache-Control', 'no-store');
    matched = true;
    answer(p, req).then((grant) => sendJson(res, 200, grant)).catch(fail);
  };
  const body = (err: unknown) => {
    if (err !== undefined) return fail(err);
    if (!isPlainJson(req)) return step(p.json, req, res, route);
    readPlainJson(req, p.jsonLimit, (bodyErr, value) => {
      if (bodyErr === undefined) req.body = value;
      route(bodyErr);
    });
  };
  try {
    for (const [name, value] of p.securityHeaders) res.setHeader(name, value);
    allowOrigin(p.allowedOrigins, req, res);
  } catch (err) {
    return fail(err);
  }
  step(p.limit, req, res, body);
}

/** The route itself: who asks (portal token check), then the room's checks and the signed grant. */
async function answer(p: TokenFastPathParts, req: IncomingMessage & { body?: unknown }): Promise<RoomTokenGrant> {
  const user = asEmployee(await p.authenticate(req));
  return p.issue(user, jsonBody(req));
}
