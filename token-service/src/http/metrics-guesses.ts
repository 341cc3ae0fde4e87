// GET /metrics answers one bearer token; wrong ones are limited per client address so the token
// cannot be guessed at request speed. Only failed attempts count: the real scraper, asking every
// few seconds with the right token, never uses the allowance up. An address over the limit gets
// 429 whatever it sends (a right guess must not show as a 200), until its window has passed.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from './errors.js';

/** Wrong METRICS_TOKEN attempts one address may make per window. */
export const METRICS_GUESSES_PER_WINDOW = 10;
export const METRICS_GUESS_WINDOW_MS = 15 * 60_000;

export function metricsGuessLimit(keyGenerator: (req: IncomingMessage) => string): RequestHandler {
  return rateLimit({
    windowMs: METRICS_GUESS_WINDOW_MS,
    limit: METRICS_GUESSES_PER_WINDOW,
    // Counted when the request comes in, taken back when it was answered below 400.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator,
    handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', 'too many wrong metrics tokens from this address; try again later')),
  });
}
