// Twirp errors: a code from the Twirp spec, the HTTP status that code maps to, and the JSON body
// livekit-server-sdk reads ({code, msg}; content type exactly application/json).
import type { ServerResponse } from 'node:http';

export type TwirpCode =
  | 'bad_route'
  | 'malformed'
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'already_exists'
  | 'resource_exhausted'
  | 'internal';

const STATUS: Record<TwirpCode, number> = {
  bad_route: 404,
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  resource_exhausted: 429,
  internal: 500,
};

export class TwirpError extends Error {
  constructor(readonly code: TwirpCode, message: string) {
    super(message);
    this.name = 'TwirpError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function sendTwirpError(res: ServerResponse, err: TwirpError): void {
  const body = JSON.stringify({ code: err.code, msg: err.message });
  res.writeHead(err.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
