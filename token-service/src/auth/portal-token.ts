// Verifies the "portal user" JWT the host portal's backend signs for its signed-in user.
// The algorithm is pinned by the configured key (never taken from the token), the key object is
// made once at boot, `exp` is required, and issuer/audience are checked when configured.
// A page sends the same token with many requests: a token that passed all of that is remembered by
// its exact text until it expires, so its signature is checked once, not on every request.
import jwt from 'jsonwebtoken';
import type { PortalJwtConfig } from '../config.js';
import { ApiError } from '../http/errors.js';
import type { EmployeePrincipal } from './principal.js';
import { isDirectoryId } from '../http/validation.js';

export interface PortalTokenVerifier {
  verify(token: string): EmployeePrincipal;
  /** The principal of this exact token if it was verified before and has not expired; no checks run. */
  known?(token: string): EmployeePrincipal | undefined;
}

/** Verified tokens remembered at most; the oldest is forgotten first. Only valid tokens get in. */
export const MAX_REMEMBERED_TOKENS = 10_000;
/** Longer tokens are verified every time (they would make the memory bound loose). */
const MAX_REMEMBERED_LENGTH = 4096;
const CLOCK_TOLERANCE_SECONDS = 5;

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

export function createPortalTokenVerifier(config: PortalJwtConfig): PortalTokenVerifier {
  const options: jwt.VerifyOptions & { complete?: false } = {
    algorithms: [config.algorithm],
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const remembered = new Map<string, { principal: EmployeePrincipal; expiresAtMs: number }>();
  function known(token: string): EmployeePrincipal | undefined {
    const hit = remembered.get(token);
    if (!hit) return undefined;
    // The same instant jsonwebtoken would call it expired (exp + tolerance); from then on the full
    // check runs again and answers token_expired.
    if (Date.now() < hit.expiresAtMs) return hit.principal;
    remembered.delete(token);
    return undefined;
  }
  return {
    known,
    verify(token) {
      const hit = known(token);
      if (hit) return hit;
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, config.key, options);
      } catch (err) {
        if (err instanceof jwt.TokenExpiredError) throw new ApiError(401, 'token_expired', 'portal token has expired');
        throw unauthorized('portal token is not valid');
      }
      if (typeof claims === 'string') throw unauthorized('portal token is not valid');
      // jsonwebtoken accepts a token without exp: a leaked one would be good forever.
      if (typeof claims.exp !== 'number') throw unauthorized('portal token must expire (exp claim missing)');
      const { sub, name } = claims as { sub?: unknown; name?: unknown };
      if (typeof sub !== 'string' || !isDirectoryId(sub)) throw unauthorized('portal token has no valid sub claim');
      const principal: EmployeePrincipal = Object.freeze({ kind: 'employee', id: sub, name: typeof name === 'string' && name.trim() ? name.trim() : sub });
      if (token.length <= MAX_REMEMBERED_LENGTH) {
        if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
        remembered.set(token, { principal, expiresAtMs: (claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
      }
      return principal;
    },
  };
}
