// Verifies the "portal user" JWT the host portal's backend signs for its signed-in user.
// The algorithm is pinned by the configured key (never taken from the token), the key object is
// made once at boot, `exp` is required, and issuer/audience are checked when configured.
import jwt from 'jsonwebtoken';
import type { PortalJwtConfig } from '../config.js';
import { ApiError } from '../http/errors.js';
import type { EmployeePrincipal } from './principal.js';
import { isDirectoryId } from '../http/validation.js';

export interface PortalTokenVerifier {
  verify(token: string): EmployeePrincipal;
}

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

export function createPortalTokenVerifier(config: PortalJwtConfig): PortalTokenVerifier {
  const options: jwt.VerifyOptions & { complete?: false } = {
    algorithms: [config.algorithm],
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    clockTolerance: 5,
  };
  return {
    verify(token) {
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
      return { kind: 'employee', id: sub, name: typeof name === 'string' && name.trim() ? name.trim() : sub };
    },
  };
}
