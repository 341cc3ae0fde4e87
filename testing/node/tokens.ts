// Test tokens for the dev media server (or any LiveKit server), minted with livekit-server-sdk's
// AccessToken exactly as the product's token service does.
import jwt from 'jsonwebtoken';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

export const DEV_API_KEY = 'devkey';
export const DEV_API_SECRET = 'secret';

export interface TokenOptions {
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  /** Seconds until expiry (default 10 minutes). */
  ttl?: number;
  apiKey?: string;
  apiSecret?: string;
}

/** A join token for `room` with the given grant overrides (roomJoin and room are set). */
export async function roomToken(identity: string, room: string, grant: Partial<VideoGrant> = {}, opts: TokenOptions = {}): Promise<string> {
  const at = new AccessToken(opts.apiKey ?? DEV_API_KEY, opts.apiSecret ?? DEV_API_SECRET, {
    identity,
    name: opts.name ?? identity,
    metadata: opts.metadata,
    attributes: opts.attributes,
    ttl: opts.ttl ?? 600,
  });
  at.addGrant({ roomJoin: true, room, ...grant });
  return at.toJwt();
}

/** A server-side token (no identity) carrying only the given grant, for Twirp calls made by hand. */
export async function serverToken(grant: VideoGrant, opts: Pick<TokenOptions, 'ttl' | 'apiKey' | 'apiSecret'> = {}): Promise<string> {
  const at = new AccessToken(opts.apiKey ?? DEV_API_KEY, opts.apiSecret ?? DEV_API_SECRET, { ttl: opts.ttl ?? 600 });
  at.addGrant(grant);
  return at.toJwt();
}

/** A correctly signed join token whose expiry lies in the past. */
export function expiredRoomToken(identity: string, room: string): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign({ sub: identity, iss: DEV_API_KEY, nbf: now - 120, exp: now - 60, video: { roomJoin: true, room } }, DEV_API_SECRET, { algorithm: 'HS256' });
}
