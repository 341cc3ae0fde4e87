// A portal user talking to the token service directly (JSON in and out), for e2e steps that set up
// or check what the page under test cannot show (invites, the waiting list).
import jwt from 'jsonwebtoken';
import { PORTAL_SECRET } from '../../testing/cross-process/stack.js';
import { DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER } from '../../testing/node/demo-fixtures.js';

/** The demo portal's session token for `user`, as the portal signs it. */
export function portalTokenFor(user: string, name: string): string {
  return jwt.sign({ name }, PORTAL_SECRET, { algorithm: 'HS256', subject: user, issuer: DEMO_PORTAL_ISSUER, audience: DEMO_PORTAL_AUDIENCE, expiresIn: 300 });
}

export interface ServiceAnswer { status: number; body: any }

/** Calls the token service at `baseUrl` as the user whose portal token `token()` gives. */
export function serviceApi(baseUrl: () => string, token: () => string) {
  return async (method: string, path: string, body?: unknown): Promise<ServiceAnswer> => {
    const res = await fetch(baseUrl() + path, {
      method, headers: { authorization: `Bearer ${token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}
