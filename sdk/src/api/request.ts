// The one request function of the SDK's token-service clients (TokenServiceClient for employees and
// a guest's meeting, guestApi for the guest page's first steps): JSON in and out, the bearer token
// when there is one, and every failure as a TimioApiError.
import type { CallInfo } from '#protocol/realtime.js';
import type { ErrorBody } from '#protocol/rest.js';
import { TimioApiError } from './api-error.js';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Sent as `Authorization: Bearer …`; none for the guest page's first requests (the invite is in the body). */
  bearer?: string;
  /** Aborts the request (it then rejects like one without an answer: the caller knows it aborted). */
  signal?: AbortSignal;
}

/** A successful answer of `base + path`; an error answer, or none, is thrown as a TimioApiError. */
export async function serviceRequest(base: string, method: Method, path: string, { body, bearer, signal }: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch {
    throw new TimioApiError(0, 'network_error', `the token service cannot be reached (${base})`);
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** The answer's JSON object when `valid` accepts it, else a `bad_response` TimioApiError. */
export async function serviceJson<T>(response: Response, path: string, valid: (body: unknown) => boolean = () => true): Promise<T> {
  const parsed: unknown = await response.json().catch(() => undefined);
  if (typeof parsed !== 'object' || parsed === null || !valid(parsed)) {
    throw new TimioApiError(response.status, 'bad_response', `unexpected answer from ${path}`);
  }
  return parsed as T;
}

async function readError(response: Response): Promise<TimioApiError> {
  const body = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  const { code, message, opensAt, retryAfterSeconds } = body?.error ?? {};
  return new TimioApiError(
    response.status,
    typeof code === 'string' ? code : `http_${response.status}`,
    typeof message === 'string' ? message : `the token service answered ${response.status}`,
    isCall(body?.call) ? body.call : undefined,
    opensAt,
    Number(retryAfterSeconds) || undefined,
  );
}

export function isCall(value: unknown): value is CallInfo {
  const c = value as CallInfo | undefined;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.state === 'string' && typeof c.caller?.id === 'string' && typeof c.callee?.id === 'string';
}
