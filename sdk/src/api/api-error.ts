import type { CallInfo } from '#protocol/realtime.js';

/**
 * A failed request to the token service: `code` is its snake_case error code (docs/contracts.md),
 * or `network_error` when it could not be reached, `bad_response` when it answered nonsense.
 */
export class TimioApiError extends Error {
  override readonly name = 'TimioApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The call the error is about, when the service sends it (e.g. 409 busy). */
    readonly call?: CallInfo,
  ) {
    super(message);
  }
}
