// A guest's own credential for this service: the LiveKit token a guest receives expires after
// minutes (LiveKit refreshes it inside the connection, out of the page's reach), so the guest also
// gets a session token good until the invite expires. It names the guest, the room and the invite,
// is signed with the invite key under its own audience, and dies with the invite's revocation.
import jwt from 'jsonwebtoken';
import { ApiError } from '../http/errors.js';
import type { GuestPrincipal } from '../auth/principal.js';
import type { KeyObject } from 'node:crypto';
import { INVITE_ISSUER } from './invite-token.js';

export const GUEST_SESSION_AUDIENCE = 'timio-guest';

export interface GuestSessions {
  sign(guest: Omit<GuestPrincipal, 'kind'>, expiresAt: string): string;
  /** Throws 401 for anything but a valid, unexpired guest session token. */
  verify(token: string): GuestPrincipal;
}

export function createGuestSessions(key: KeyObject): GuestSessions {
  return {
    sign(guest, expiresAt) {
      return jwt.sign(
        { name: guest.name, room: guest.room, inv: guest.inviteId, exp: Math.floor(Date.parse(expiresAt) / 1000) },
        key,
        { algorithm: 'HS256', subject: guest.id, issuer: INVITE_ISSUER, audience: GUEST_SESSION_AUDIENCE },
      );
    },
    verify(token) {
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, key, { algorithms: ['HS256'], issuer: INVITE_ISSUER, audience: GUEST_SESSION_AUDIENCE });
      } catch (err) {
        if (err instanceof jwt.TokenExpiredError) throw new ApiError(410, 'invite_expired', 'this invite has expired');
        throw new ApiError(401, 'unauthorized', 'guest token is not valid');
      }
      const { sub, name, room, inv } = (typeof claims === 'string' ? {} : claims) as Record<string, unknown>;
      if (typeof sub !== 'string' || !sub.startsWith('guest:') || typeof name !== 'string' || typeof room !== 'string' || typeof inv !== 'string') {
        throw new ApiError(401, 'unauthorized', 'guest token is not valid');
      }
      return { kind: 'guest', id: sub, name, room, inviteId: inv };
    },
  };
}
