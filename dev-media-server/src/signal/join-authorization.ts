// Decides whether a /rtc (or /rtc/validate) request may join, with the HTTP status and text the
// client shows (livekit-client reads the validate endpoint's body after a refused upgrade).
import { AccessTokenError, verifyAccessToken, type AccessClaims, type KeyProvider } from '../auth/access-token.js';
import type { RoomManager } from '../room/room-manager.js';

export type JoinDecision =
  | { ok: true; claims: AccessClaims; roomName: string; autoSubscribe: boolean; reconnect: boolean }
  | { ok: false; status: number; message: string };

/**
 * The access token of a signal request. Like LiveKit's server: an `Authorization` header must be
 * `Bearer <token>` and wins (LiveKit's Rust-based SDKs send it); else the `access_token` query
 * parameter (livekit-client sends that, since browsers cannot set WebSocket headers).
 */
export function signalToken(url: URL, authorization: string | undefined): string | null {
  if (authorization === undefined) return url.searchParams.get('access_token');
  const bearer = /^Bearer +(\S+)$/.exec(authorization.trim());
  if (!bearer) throw new AccessTokenError('malformed_token', 'invalid authorization header: must be "Bearer <token>"');
  return bearer[1]!;
}

export function authorizeJoin(url: URL, authorization: string | undefined, keys: KeyProvider, rooms: RoomManager): JoinDecision {
  let claims: AccessClaims;
  try {
    claims = verifyAccessToken(signalToken(url, authorization), keys);
  } catch (err) {
    const message = err instanceof AccessTokenError ? err.message : 'invalid access token';
    return { ok: false, status: 401, message };
  }
  const grant = claims.video;
  if (!grant.roomJoin) return { ok: false, status: 401, message: 'permissions denied: token has no roomJoin grant' };
  if (!grant.room) return { ok: false, status: 401, message: 'permissions denied: token names no room' };
  if (!claims.identity) return { ok: false, status: 401, message: 'permissions denied: token has no identity' };
  const room = rooms.getRoom(grant.room);
  if (!room && !rooms.autoCreateRooms) return { ok: false, status: 404, message: 'requested room does not exist' };
  const refusal = room?.refusal(claims.identity);
  if (refusal === 'closed') return { ok: false, status: 404, message: 'requested room does not exist (room is closed)' };
  if (refusal === 'full') return { ok: false, status: 403, message: 'room is full: max participants reached' };
  return {
    ok: true,
    claims,
    roomName: grant.room,
    autoSubscribe: url.searchParams.get('auto_subscribe') !== '0' && url.searchParams.get('auto_subscribe') !== 'false',
    reconnect: url.searchParams.get('reconnect') === '1',
  };
}
