// Who a realtime page is. The `auth` frame carries the same portal token as the REST API's bearer
// header. Embedded services without a portal JWT key get their own `authenticate` hook asked, with
// the token as bearer on the WebSocket's upgrade request (so cookie-based hooks work too).
import type { IncomingMessage } from 'node:http';
import type { UserRef } from '#protocol/realtime.js';
import type { TokenServiceConfig } from '../config.js';
import { ApiError } from '../http/errors.js';
import type { Authenticate } from './authenticate.js';
import type { PortalTokenVerifier } from './portal-token.js';
import type { Directory } from '../directory/directory.js';
import { displayNameOf } from '../http/access.js';

export function createPageAuthenticator(p: { config: TokenServiceConfig; portalTokens: PortalTokenVerifier; authenticate: Authenticate; directory: Directory }) {
  return async (token: string, upgrade: IncomingMessage): Promise<UserRef> => {
    const principal = p.config.portalJwt
      ? p.portalTokens.verify(token)
      : await p.authenticate(Object.assign(Object.create(upgrade) as IncomingMessage, {
        headers: { ...upgrade.headers, authorization: `Bearer ${token}` },
      }));
    if (principal.kind !== 'employee') throw new ApiError(401, 'unauthorized', 'guests have no presence');
    // The directory's name, not the token's claim (ctx.authenticate does the same for REST).
    return { id: principal.id, name: await displayNameOf(p.directory, principal) };
  };
}
