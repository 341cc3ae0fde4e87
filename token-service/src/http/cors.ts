// CORS for the portal pages that call this service from another origin: only origins listed in
// ALLOWED_ORIGINS get the headers; bearer tokens, no cookies, so no credentials mode.
// `allowedOrigin` works on plain node:http objects (the POST /v1/token path in front of Express uses it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** The request's Origin when it is on the allowlist (the value of Access-Control-Allow-Origin). */
export function allowedOrigin(allowed: ReadonlySet<string>, req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return origin !== undefined && allowed.has(origin) ? origin : undefined;
}

/** Sets Vary: Origin, and Access-Control-Allow-Origin for an allowed origin; true when allowed. */
export function allowOrigin(allowed: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): boolean {
  // Nothing before this sets Vary; the plain header spares parsing one per request.
  const vary = res.getHeader('Vary');
  if (vary === undefined) res.setHeader('Vary', 'Origin');
  else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(String(vary))) res.setHeader('Vary', `${String(vary)}, Origin`);
  const origin = allowedOrigin(allowed, req);
  if (origin !== undefined) res.setHeader('Access-Control-Allow-Origin', origin);
  return origin !== undefined;
}

export function corsAllowlist(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const ok = allowOrigin(allowed, req, res);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (ok) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.status(204).end();
      return;
    }
    next();
  };
}
