// One access line per request, with a request id (the proxy's X-Request-Id when it is a plain
// token, else a fresh one; echoed in the answer). Paths can carry JWTs (an old invite link): any
// JWT-shaped segment is replaced before logging, and headers, bodies and query strings are never
// logged. The route template (`/v1/rooms/:room/invites`) labels the latency metric.
// `logRequest` works on plain node:http objects: Express's middleware and the POST /v1/token
// path in front of Express (token-fast-path.ts) both use it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function redact(text: string): string {
  return text.replace(JWT_LIKE, '[token]');
}

const ROUTE_BASE = Symbol('route base');

/**
 * Remembers the router's base path when Express sets req.route: an error that leaves the router
 * has req.baseUrl set back to the app's, and the route's template would lose its /v1.
 */
function keepRouteBase(req: Request): void {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      (req as Request & { [ROUTE_BASE]?: string })[ROUTE_BASE] = req.baseUrl;
    },
  });
}

/** The matched route as a template (bounded, free of ids and tokens); `unmatched` otherwise. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  const base = (req as Request & { [ROUTE_BASE]?: string })[ROUTE_BASE] ?? req.baseUrl;
  return typeof path === 'string' ? `${base}${path}` : 'unmatched';
}

/** Sees every finished request: method, route template, status, seconds (the latency metric). */
export type RequestObserver = (method: string, route: string, status: number, seconds: number) => void;

/** The request's id: the proxy's X-Request-Id when it is a plain token, else a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Writes the request's access line (and tells `observe`) when its answer is finished; `route` is
 * asked then. The caller sends the id as X-Request-Id (error lines carry it too).
 */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse, url: string, reqId: string, route: () => string, observe?: RequestObserver): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const path = redact(url.split('?')[0] ?? '');
    const method = req.method ?? '';
    const template = route();
    observe?.(method, template, res.statusCode, ms / 1000);
    logger.info({ reqId, method, path, route: template, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, `${method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
}

export function requestLog(logger: Logger, observe?: RequestObserver): RequestHandler {
  return (req, res, next) => {
    keepRouteBase(req);
    const reqId = requestIdOf(req);
    res.setHeader('X-Request-Id', reqId);
    res.locals['reqId'] = reqId;
    logRequest(logger, req, res, req.originalUrl || req.url, reqId, () => routeOf(req), observe);
    next();
  };
}
