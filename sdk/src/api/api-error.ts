import type { CallInfo } from '#protocol/realtime.js';

/**
 * A failed request to the token service: `code` is its snake_case error code (docs/contracts.md),
 * or `network_error` when it could not be reached, `bad_response` when it answered nonsense; also
 * the portal token's failures (`not_configured`, `unauthorized`, `network_error`, with status 0).
 */
export class TimioApiError extends Error {
  override readonly name = 'TimioApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The call the error is about, when the service sends it (e.g. 409 busy). */
    readonly call?: CallInfo,
    /** With `not_open_yet`: when the invite lets the guest in (ISO time). */
    readonly opensAt?: string,
    /** With `rate_limited` (429): how long to wait before asking again, from the answer's body
     *  (a page on another origin cannot read the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** `err` when a request to the token service failed with it, else undefined. */
export const apiError = (err: unknown): TimioApiError | undefined => (err instanceof TimioApiError ? err : undefined);
