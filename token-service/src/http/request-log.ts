// One access line per request, with a request id (the proxy's X-Request-Id when it is a plain
// token, else a fresh one; echoed in the answer). Paths can carry JWTs (an old invite link): any
// JWT-shaped segment is replaced before logging, and headers, bodies and query strings are never
// logged. The route template (`/v1/rooms/:room/invites`) labels the latency metric.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function redact(text: string): string {
  return text.replace(JWT_LIKE, '[token]');
}

/** The matched route as a template (bounded, free of ids and tokens); `unmatched` otherwise. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

export function requestLog(logger: Logger, observe?: (req: Request, status: number, seconds: number) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const reqId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals['reqId'] = reqId;
    res.setHeader('X-Request-Id', reqId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = redact((req.originalUrl || req.url).split('?')[0] ?? '');
      observe?.(req, res.statusCode, ms / 1000);
      logger.info({ reqId, method: req.method, path, route: routeOf(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, `${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
