// CORS for the portal pages that call this service from another origin: only origins listed in
// ALLOWED_ORIGINS get the headers; bearer tokens, no cookies, so no credentials mode.
import type { RequestHandler } from 'express';

export function corsAllowlist(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    // Nothing before this sets Vary; the plain header spares parsing one per request.
    if (res.hasHeader('Vary')) res.vary('Origin');
    else res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) res.setHeader('Access-Control-Allow-Origin', origin);
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
