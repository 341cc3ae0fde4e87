// REST client of the token service. Every request carries the credential source's token (an
// employee's portal token or a guest token) as a bearer token; a 401 `token_expired` is retried
// once with a fresh token. Errors become TimioApiError values (request.ts).
import type { CallGrant, CurrentCallAnswer, RoomRingResult } from '#protocol/rest.js';
import type { CallInfo } from '#protocol/realtime.js';
import { apiError } from './api-error.js';
import type { CredentialSource } from './credentials.js';
import { isCall, serviceJson, serviceRequest, type Method } from './request.js';

export type { CallGrant, RoomRingResult };

export interface RoomToken { token: string; url: string; identity: string; room: string; role: string; canModerate?: boolean }

export interface TokenServiceClientOptions {
  /** Base URL, e.g. `https://portal.example/timio-api` (a function: read when a request is made). */
  baseUrl: string | (() => string);
  /** Where the bearer token comes from: portal token (employees) or guest token. */
  credentials: CredentialSource;
}

export class TokenServiceClient {
  constructor(private readonly options: TokenServiceClientOptions) {}

  /** Places a call; rejects with code `busy` (409) when the contact is in another call. */
  startCall(callee: string): Promise<CallGrant> {
    return this.post<CallGrant>('/v1/calls', { callee }, isGrant);
  }

  /** `page` is this page's realtime id, so the callee's other pages stop ringing. */
  acceptCall(id: string, page?: string): Promise<CallGrant> {
    return this.post<CallGrant>(`/v1/calls/${encodeURIComponent(id)}/accept`, page ? { page } : {}, isGrant);
  }

  declineCall(id: string): Promise<CallInfo> {
    return this.callAction(id, 'decline');
  }

  cancelCall(id: string): Promise<CallInfo> {
    return this.callAction(id, 'cancel');
  }

  endCall(id: string): Promise<CallInfo> {
    return this.callAction(id, 'end');
  }

  /** The user's ringing or active call as the service knows it, if any. */
  async currentCall(): Promise<CallInfo | undefined> {
    const body = await this.call<CurrentCallAnswer>('GET', '/v1/calls/current', undefined, (b) => (b as { call?: unknown }).call === null || isCall((b as { call?: unknown }).call));
    return body.call ?? undefined;
  }

  /** One call of this user, also after it ended (GET /v1/calls/:id). */
  async getCall(id: string): Promise<CallInfo> {
    const body = await this.call<{ call: CallInfo }>('GET', `/v1/calls/${encodeURIComponent(id)}`, undefined, (b) => isCall((b as { call?: unknown }).call));
    return body.call;
  }

  /** A fresh token for this user's active call (or own ringing call): the page that takes it over after a page change. */
  joinCall(id: string): Promise<CallGrant> {
    return this.post<CallGrant>(`/v1/calls/${encodeURIComponent(id)}/join`, {}, isGrant);
  }

  /** Calls every other online member of a room to its meeting. */
  ringRoom(room: string): Promise<RoomRingResult> {
    return this.post<RoomRingResult>(`/v1/rooms/${encodeURIComponent(room)}/ring`, {}, (b) => typeof (b as RoomRingResult).ringId === 'string');
  }

  /** Declines the room's current invitation: it ends on every page of this user. */
  declineRoomRing(room: string): Promise<{ declined: boolean }> {
    return this.post<{ declined: boolean }>(`/v1/rooms/${encodeURIComponent(room)}/ring/decline`, {}, (b) => typeof (b as { declined?: unknown }).declined === 'boolean');
  }

  /**
   * A LiveKit token for a room the user belongs to; `moderator` when the person confirmed they
   * moderate it (the service grants it only if the directory agrees).
   */
  roomToken(room: string, moderator?: boolean): Promise<RoomToken> {
    return this.post<RoomToken>('/v1/token', moderator === undefined ? { room } : { room, moderator }, (b) => typeof (b as RoomToken).token === 'string');
  }

  /** Any JSON route of the service (the conference's room routes use it); errors as TimioApiError. */
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, path, method === 'POST' ? (body ?? {}) : undefined);
  }

  /** A text answer (e.g. the invite's calendar file) of a GET route; errors as TimioApiError. */
  async text(path: string): Promise<string> {
    return (await this.answer('GET', path, undefined)).text();
  }

  private async callAction(id: string, action: 'decline' | 'cancel' | 'end'): Promise<CallInfo> {
    const body = await this.post<{ call: CallInfo }>(`/v1/calls/${encodeURIComponent(id)}/${action}`, {}, (b) => isCall((b as { call?: unknown }).call));
    return body.call;
  }

  private post<T>(path: string, body: unknown, valid: (body: unknown) => boolean): Promise<T> {
    return this.call<T>('POST', path, body, valid);
  }

  /** A successful answer; an expired portal token is renewed once, any other error thrown. */
  private async answer(method: Method, path: string, body: unknown): Promise<Response> {
    try {
      return await this.send(method, path, body, false);
    } catch (err) {
      if (apiError(err)?.code !== 'token_expired') throw err;
      return this.send(method, path, body, true);
    }
  }

  private async call<T>(method: Method, path: string, body: unknown, valid?: (body: unknown) => boolean): Promise<T> {
    return serviceJson<T>(await this.answer(method, path, body), path, valid);
  }

  private async send(method: Method, path: string, body: unknown, freshToken: boolean): Promise<Response> {
    // Where first, then the token: the token only ever goes to the service it was meant for.
    const { baseUrl } = this.options;
    const base = typeof baseUrl === 'function' ? baseUrl() : baseUrl;
    return serviceRequest(base, method, path, { body, bearer: await this.options.credentials.token(freshToken) });
  }
}

function isGrant(value: unknown): boolean {
  const g = value as CallGrant;
  return isCall(g.call) && typeof g.token === 'string' && typeof g.url === 'string';
}
