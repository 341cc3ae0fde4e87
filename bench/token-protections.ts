// The price of each protection on POST /v1/token, per request: CPU time of the very code the
// service runs (the functions http/token-fast-path.ts calls, with the options app.ts gives them),
// on real node:http request/response objects without a socket, many times in a loop. CPU time is
// far less disturbed by a busy machine than rates are. Pair with bench/token-service.ts (the whole
// request, over HTTP).
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { createSecretKey } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import jwt from 'jsonwebtoken';
import { createLogger } from '../token-service/src/http/logger.js';
import { logRequest, requestIdOf } from '../token-service/src/http/request-log.js';
import { allowOrigin } from '../token-service/src/http/cors.js';
import { Metrics } from '../token-service/src/http/metrics.js';
import { clientAddressResolver } from '../token-service/src/http/client-address.js';
import { securityHeadersOf, type NodeMiddleware } from '../token-service/src/http/token-fast-path.js';
import { createPortalTokenVerifier } from '../token-service/src/auth/portal-token.js';
import type { PortalJwtConfig } from '../token-service/src/config.js';
import { jsonBody } from '../token-service/src/http/validation.js';
import { isPlainJson, readPlainJson } from '../token-service/src/http/json-body.js';
import { ApiError, sendError } from '../token-service/src/http/errors.js';

const SECRET = 'timio-bench-portal-secret-0123456789abcdef';
const BODY = JSON.stringify({ room: 'vertrieb' });
const ORIGIN = 'http://127.0.0.1:3000';

function request(): { req: IncomingMessage & { body?: unknown }; res: ServerResponse } {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: '127.0.0.1' });
  const req = new IncomingMessage(socket) as IncomingMessage & { body?: unknown };
  req.method = 'POST';
  req.url = '/v1/token';
  req.headers = { host: '127.0.0.1', authorization: 'Bearer x', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BODY)), origin: ORIGIN };
  const res = new ServerResponse(req);
  return { req, res };
}

/** Microseconds of CPU per call, after a warm-up. */
async function price(n: number, once: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(2000, n); i++) await once();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await once();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const row = (metric: string, value: number) =>
  console.log(`BENCH ${JSON.stringify({ bench: 'token-protections', metric, value: Math.round(value * 10) / 10, unit: 'us' })}`);

const N = 20_000;
const logger = createLogger(() => undefined); // lines formatted, not written (as in bench/token-service)
const metrics = new Metrics(() => ({ pages: 0, users: 0 }));

// Making the request/response objects is not a protection: its own cost is taken off the rows that need them.
const base = await price(N, () => request());
row('(not a protection) node:http request + response objects, taken off the rows below', base);
const withObjects = async (n: number, once: () => unknown) => Math.max(0, (await price(n, once)) - base);
row('request id + access line (pino)', await withObjects(N, () => {
  const { req, res } = request();
  logRequest(logger, req, res, '/v1/token', requestIdOf(req), () => '/v1/token');
  res.emit('finish');
}));
row('latency metric (prom-client histogram)', await price(N, () => metrics.request('POST', '/v1/token', 200, 0.003)));
const headers = securityHeadersOf(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }) as unknown as NodeMiddleware);
row(`security headers (helmet's ${headers.length})`, await withObjects(N, () => {
  const { res } = request();
  for (const [name, value] of headers) res.setHeader(name, value);
}));
const allowed = new Set([ORIGIN]);
row('CORS allowlist', await withObjects(N, () => {
  const { req, res } = request();
  allowOrigin(allowed, req, res);
}));
const clientAddress = clientAddressResolver(false);
const limiter = rateLimit({
  windowMs: 60_000, limit: 1e9, standardHeaders: 'draft-7', legacyHeaders: false,
  handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', 'too many')),
  keyGenerator: (req) => ipKeyGenerator(clientAddress(req)),
}) as unknown as NodeMiddleware;
row('rate limit (express-rate-limit, memory store)', await withObjects(N, () => new Promise<void>((resolve) => {
  const { req, res } = request();
  void limiter(req, res, () => resolve());
})));
const parser = express.json({ limit: '16kb', strict: true }) as unknown as NodeMiddleware;
row('JSON body: read, size limit, strict parse (body-parser, Express path and unusual bodies) + object check', await withObjects(N, () => new Promise<void>((resolve, reject) => {
  const { req, res } = request();
  req.push(Buffer.from(BODY));
  req.push(null);
  parser(req, res, (err) => {
    if (err) reject(err as Error);
    jsonBody(req);
    resolve();
  });
})));
row('JSON body: read, size limit, strict parse (json-body.ts, plain JSON on the fast path) + object check', await withObjects(N, () => new Promise<void>((resolve, reject) => {
  const { req } = request();
  req.push(Buffer.from(BODY));
  req.push(null);
  // As on the socket: the parser has put the whole body in the stream before the route reads it.
  req.complete = true;
  if (!isPlainJson(req)) throw new Error('the bench body should be plain JSON');
  readPlainJson(req, 16 * 1024, (err, body) => {
    if (err) reject(err as Error);
    req.body = body;
    jsonBody(req);
    resolve();
  });
})));
const config: PortalJwtConfig = { key: createSecretKey(Buffer.from(SECRET)), algorithm: 'HS256', issuer: 'bench-portal', audience: 'timio-token-service' };
const token = jwt.sign({ sub: 'anna', name: 'Anna Schmidt' }, SECRET, { algorithm: 'HS256', expiresIn: 600, issuer: config.issuer, audience: config.audience });
const verifier = createPortalTokenVerifier(config);
verifier.verify(token);
row('portal token, seen before (remembered by its text)', await price(N, () => verifier.verify(token)));
const fresh = Array.from({ length: 4000 }, (_, i) => jwt.sign({ sub: 'anna', n: i }, SECRET, { algorithm: 'HS256', expiresIn: 600, issuer: config.issuer, audience: config.audience }));
let next = 0;
row('portal token, first time (HS256 signature, pinned algorithm, exp, iss, aud)', await price(fresh.length - 2000, () => createPortalTokenVerifier(config).verify(fresh[next++ % fresh.length]!)));
row('error answer (only on refusals): {error:{code,message}}', await withObjects(N, () => {
  const { res } = request();
  sendError(logger, res, 'id', new ApiError(400, 'invalid_input', 'room must be a room id'));
}));
