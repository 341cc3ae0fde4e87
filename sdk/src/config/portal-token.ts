// Where the SDK gets the portal user's token for the token service: a fixed string, the host's
// function, or the portal's token URL. Tokens from the URL are cached until shortly before they
// expire; concurrent callers share one request.
import type { TimioConfig } from './config.js';
import { TimioApiError } from '../api/api-error.js';

/** Refresh a cached token this long before its expiry. */
const EARLY_MS = 30_000;

interface Cached { token: string; expiresAt: number }

export class PortalTokenSource {
  private cached?: Cached;
  private pending?: Promise<string>;

  constructor(private readonly config: () => TimioConfig | undefined) {}

  /** A valid token; `fresh` skips the cache (after the token service said it expired). */
  async get(fresh = false): Promise<string> {
    const config = this.config();
    if (!config) throw new TimioApiError(0, 'not_configured', 'TIMIO is not configured on this page');
    const { portalToken, portalTokenUrl } = config;
    if (typeof portalToken === 'string') return portalToken;
    if (typeof portalToken === 'function') {
      const token = await portalToken();
      if (typeof token !== 'string' || !token) throw new TimioApiError(0, 'unauthorized', 'the portalToken function returned no token');
      return token;
    }
    if (!portalTokenUrl) throw new TimioApiError(0, 'not_configured', 'configure portalToken or portalTokenUrl');
    if (!fresh && this.cached && this.cached.expiresAt - EARLY_MS > Date.now()) return this.cached.token;
    this.pending ??= this.fetchToken(portalTokenUrl).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(url: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
    } catch {
      throw new TimioApiError(0, 'network_error', 'the portal token URL cannot be reached');
    }
    if (!response.ok) throw new TimioApiError(0, 'unauthorized', `the portal token URL answered ${response.status}`);
    const text = await response.text();
    let token = text.trim();
    let expiresAt = NaN;
    if (token.startsWith('{')) {
      let body: { token?: unknown; expiresAt?: unknown } = {};
      try {
        body = JSON.parse(token) as typeof body;
      } catch {
        // falls through to "returned no token"
      }
      token = typeof body.token === 'string' ? body.token : '';
      if (typeof body.expiresAt === 'string') expiresAt = Date.parse(body.expiresAt);
    }
    if (!token) throw new TimioApiError(0, 'unauthorized', 'the portal token URL returned no token');
    if (Number.isNaN(expiresAt)) expiresAt = jwtExpiry(token) ?? Date.now() + 60_000;
    this.cached = { token, expiresAt };
    return token;
  }
}

/** A JWT's `exp` in ms (not verified: the service or media server does that; this only says when to renew). */
export function jwtExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
