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
  /** The /v1 JSON body parser Express uses. */
  json: NodeMiddleware;
  authenticate: Authenticate;
  issue: (user: EmployeePrincipal, body: Record<string, unknown>) => Promise<RoomTokenGrant>;
}

export const TOKEN_ROUTE = '/v1/token';

const run = (middleware: NodeMiddleware, req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((resolve, reject) => {
    const settled = middleware(req, res, (err) => (err === undefined ? resolve() : reject(err)));
    if (settled instanceof Promise) settled.catch(reject);
  });

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
    void serve(parts, req as IncomingMessage & { body?: unknown }, res, url);
  };
}

async function serve(p: TokenFastPathParts, req: IncomingMessage & { body?: unknown }, res: ServerResponse, url: string): Promise<void> {
  // Like Express: the route label is the template once the request reached the route.
  let matched = false;
  const reqId = logRequest(p.logger, req, res, url, () => (matched ? TOKEN_ROUTE : 'unmatched'), p.observe);
  try {
    for (const [name, value] of p.securityHeaders) res.setHeader(name, value);
    allowOrigin(p.allowedOrigins, req, res);
    await run(p.limit, req, res);
    await run(p.json, req, res);
    res.setHeader('Cache-Control', 'no-store');
    matched = true;
    const user = asEmployee(await p.authenticate(req));
    sendJson(res, 200, await p.issue(user, jsonBody(req)));
  } catch (err) {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    sendError(p.logger, res, reqId, err);
  }
}
