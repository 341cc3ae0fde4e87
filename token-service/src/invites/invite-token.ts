// Invite tokens: a JWT scoped to one room, with an id (`jti`) so a moderator can revoke it and an
// expiry. Invites and guest sessions have a key of their own (INVITE_SIGNING_KEY); when it is not
// set, one is derived from the LiveKit API secret so invites stay valid across restarts without
// another secret to configure, yet can never pass as a LiveKit token.
import { hkdfSync, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ApiError } from '../http/errors.js';

export interface InviteClaims {
  id: string;
  room: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  expiresAt: string;
}

export const INVITE_ISSUER = 'timio-token-service';
export const INVITE_AUDIENCE = 'timio-invite';
const ISSUER = INVITE_ISSUER;
const AUDIENCE = INVITE_AUDIENCE;

/** The invite key derived from the LiveKit secret: an invite is never a valid LiveKit token and vice versa. */
export function inviteKey(livekitApiSecret: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', livekitApiSecret, 'timio', 'timio invite v1', 32)));
}

/** The key that signs invites and guest sessions: INVITE_SIGNING_KEY, else derived from the LiveKit secret. */
export function inviteSigningKey(config: { inviteSigningKey?: string; livekit: { apiSecret: string } }): KeyObject {
  return config.inviteSigningKey ? createSecretKey(Buffer.from(config.inviteSigningKey, 'utf8')) : inviteKey(config.livekit.apiSecret);
}

export interface InviteSigner {
  /** Signs a new invite, or (with `id`) the same invite again: the token is deterministic. */
  sign(p: Omit<InviteClaims, 'id'>, id?: string): { id: string; invite: string };
  /** Throws 404 not_found for garbled/foreign tokens and 410 invite_expired for expired ones. */
  verify(invite: string): InviteClaims;
}

export function createInviteSigner(key: KeyObject): InviteSigner {
  const notFound = () => new ApiError(404, 'not_found', 'this invite does not exist');
  return {
    sign(p, id = randomUUID()) {
      // No iat: the same invite signs to the same token, so the moderator's calendar file can
      // carry the guest link again without the service keeping tokens.
      const invite = jwt.sign(
        { room: p.room, title: p.title, startsAt: p.startsAt, dur: p.durationMinutes, exp: Math.floor(Date.parse(p.expiresAt) / 1000) },
        key,
        { algorithm: 'HS256', jwtid: id, issuer: ISSUER, audience: AUDIENCE, noTimestamp: true },
      );
      return { id, invite };
    },
    verify(invite) {
      if (invite.length > 4096) throw notFound();
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(invite, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      } catch (err) {
        if (err instanceof jwt.TokenExpiredError) throw new ApiError(410, 'invite_expired', 'this invite has expired');
        throw notFound();
      }
      if (typeof claims === 'string') throw notFound();
      const { jti, room, title, startsAt, dur, exp } = claims as Record<string, unknown>;
      if (typeof jti !== 'string' || typeof room !== 'string' || typeof title !== 'string' || typeof startsAt !== 'string' || typeof dur !== 'number' || typeof exp !== 'number') throw notFound();
      return { id: jti, room, title, startsAt, durationMinutes: dur, expiresAt: new Date(exp * 1000).toISOString() };
    },
  };
}
