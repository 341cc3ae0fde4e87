// Errors are values with a code; one function turns them into HTTP (Express's error middleware and
// the POST /v1/token path in front of Express both use it). Anything that is not an ApiError
// becomes a 500 whose details stay in the server log.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorCode } from '#protocol/errors.js';
import type { ErrorBody } from '#protocol/rest.js';
import type { CallInfo } from '#protocol/realtime.js';
import { redact } from './request-log.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** The call the error is about (e.g. 409 `busy`); the answer carries it beside the error. */
    readonly call?: CallInfo,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);
export const invalidInput = (message: string): ApiError => new ApiError(400, 'invalid_input', message);
export const payloadTooLarge = (): ApiError => new ApiError(413, 'payload_too_large', 'request body is too large');
export const notJson = (): ApiError => invalidInput('request body is not valid JSON');

/**
 * A body that is not what its Content-Encoding says (plain text sent as gzip, a cut-off stream):
 * body-parser passes the zlib/brotli error on with status 400 and no `type`.
 */
function isUndecodable(err: unknown): boolean {
  const { status, code } = (err ?? {}) as { status?: unknown; code?: unknown };
  return status === 400 && typeof code === 'string' && /^(Z_|ERR_)/.test(code);
}

/** Body-parser errors carry `type` and `status`; map the ones a client can cause. */
function fromBodyParser(err: unknown): ApiError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return payloadTooLarge();
  if (type === 'entity.parse.failed') return notJson();
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new ApiError(415, 'unsupported_media_type', 'unsupported body encoding');
  if (type === 'request.aborted') return invalidInput('request aborted');
  if (isUndecodable(err)) return invalidInput('request body does not decode by its Content-Encoding');
  return undefined;
}

/** A JSON answer with the headers Express's res.json() gives it (plain node:http, no Express needed). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The answer to an error: `{error: {code, message}}` with its status; 5xx details go to the log only. */
export function sendError(logger: Logger, res: ServerResponse, reqId: unknown, err: unknown): void {
  const known = err instanceof ApiError ? err : fromBodyParser(err);
  if (known && known.status < 500) {
    const { retryAfterSeconds, opensAt } = known as { retryAfterSeconds?: unknown; opensAt?: unknown };
    const body: ErrorBody = {
      error: {
        code: known.code, message: known.message,
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
        ...(typeof opensAt === 'string' ? { opensAt } : {}),
      },
      ...(known.call ? { call: known.call } : {}),
    };
    if (typeof retryAfterSeconds === 'number') res.setHeader('Retry-After', String(retryAfterSeconds));
    sendJson(res, known.status, body);
    return;
  }
  const status = known?.status ?? 500;
  logger.error({ reqId, status }, redact(`error ${status}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  const code: ErrorCode = known?.code ?? 'internal';
  const message = code === 'storage_unavailable' ? 'this could not be saved; try again'
    : status === 503 || status === 502 ? 'a service this depends on is unavailable' : 'internal error';
  sendJson(res, status, { error: { code, message } });
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    sendError(logger, res, res.locals['reqId'], err);
  };
}
