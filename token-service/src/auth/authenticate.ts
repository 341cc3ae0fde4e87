// Who sent this request. Employees present the portal's user token (or the host's own session,
// through the `authenticate` hook when embedded). Guests never get a portal token: they present
// the guest token (or, while it lasts, the LiveKit token) they received from POST /v1/guest/token,
// which names their room and invite.
import type { IncomingMessage } from 'node:http';
import { TokenVerifier } from 'livekit-server-sdk';
import type { TokenServiceConfig } from '../config.js';
import { ApiError } from '../http/errors.js';
import { ATTR_GUEST, ATTR_INVITE } from '#protocol/attributes.js';
import type { Principal } from './principal.js';
import type { Directory } from '../directory/directory.js';
import { displayNameOf } from '../http/access.js';
import type { PortalTokenVerifier } from './portal-token.js';
import { GUEST_SESSION_AUDIENCE, type GuestSessions } from '../invites/guest-session.js';
import { INVITE_ISSUER } from '../invites/invite-token.js';

export type Authenticate = (req: IncomingMessage) => Promise<Principal>;

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match) throw new ApiError(401, 'unauthorized', 'Authorization header must be "Bearer <token>"');
  return match[1];
}

function payloadOf(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part || part.length > 8192) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function createAuthenticate(p: {
  config: TokenServiceConfig;
  portalTokens: PortalTokenVerifier;
  hostAuthenticate?: Authenticate;
  /** Employees are shown by the directory's name, never by a name claim of their token. */
  directory: Directory;
  isRevoked: (inviteId: string) => Promise<boolean>;
  guestSessions: GuestSessions;
}): Authenticate {
  const livekit = new TokenVerifier(p.config.livekit.apiKey, p.config.livekit.apiSecret);
  async function guest(token: string): Promise<Principal> {
    let claims;
    try {
      claims = await livekit.verify(token);
    } catch {
      throw new ApiError(401, 'unauthorized', 'guest token is not valid');
    }
    const identity = claims.sub;
    const room = claims.video?.room;
    const inviteId = claims.attributes?.[ATTR_INVITE];
    if (!identity?.startsWith('guest:') || claims.attributes?.[ATTR_GUEST] !== '1' || !room || !inviteId) {
      throw new ApiError(401, 'unauthorized', 'not a guest token');
    }
    if (await p.isRevoked(inviteId)) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
    return { kind: 'guest', id: identity, name: claims.name ?? identity, room, inviteId };
  }
  return async (req) => {
    const token = bearerToken(req);
    // A portal token verified before (only the portal path below puts tokens there).
    const known = token && !p.hostAuthenticate ? p.portalTokens.known?.(token) : undefined;
    if (known) return { ...known, name: await displayNameOf(p.directory, known) };
    // A token issued under our LiveKit key is a guest's; everything else goes to the portal path.
    const claims = token ? payloadOf(token) : undefined;
    if (token && claims?.['iss'] === INVITE_ISSUER && claims['aud'] === GUEST_SESSION_AUDIENCE) {
      const principal = p.guestSessions.verify(token);
      if (await p.isRevoked(principal.inviteId)) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
      return principal;
    }
    if (token && claims?.['iss'] === p.config.livekit.apiKey && claims['video']) return guest(token);
    let employee: Principal;
    if (p.hostAuthenticate) employee = await hostPrincipal(p.hostAuthenticate, req);
    else if (!token) throw new ApiError(401, 'unauthorized', 'send the portal token as "Authorization: Bearer <token>"');
    else employee = p.portalTokens.verify(token);
    if (employee.kind !== 'employee') return employee;
    return { ...employee, name: await displayNameOf(p.directory, employee) };
  };
}

/** The host's hook may throw anything: a 401/403-ish error means "not signed in"; others are bugs. */
async function hostPrincipal(hook: Authenticate, req: IncomingMessage): Promise<Principal> {
  try {
    return await hook(req);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
    if (status === 401) throw new ApiError(401, 'unauthorized', 'not signed in');
    if (status === 403) throw new ApiError(403, 'forbidden', 'not allowed');
    throw err;
  }
}
