// Verifies LiveKit access tokens (HS256 JWTs signed with the secret of the key named in `iss`).
import jwt from 'jsonwebtoken';

export interface VideoGrant {
  roomCreate?: boolean;
  roomList?: boolean;
  roomRecord?: boolean;
  roomAdmin?: boolean;
  roomJoin?: boolean;
  room?: string;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  canPublishSources?: string[];
  canUpdateOwnMetadata?: boolean;
  ingressAdmin?: boolean;
  hidden?: boolean;
  recorder?: boolean;
  agent?: boolean;
}

export interface AccessClaims {
  apiKey: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  video: VideoGrant;
  sha256?: string;
  expiresAt: number;
}

export type AccessTokenErrorCode = 'missing_token' | 'malformed_token' | 'unknown_key' | 'invalid_signature' | 'token_expired' | 'token_not_active';

export class AccessTokenError extends Error {
  constructor(readonly code: AccessTokenErrorCode, message: string) {
    super(message);
    this.name = 'AccessTokenError';
  }
}

/** Maps API keys to their secrets. */
export type KeyProvider = ReadonlyMap<string, string>;

const MAX_TOKEN_LENGTH = 16 * 1024;

export function verifyAccessToken(token: string | undefined | null, keys: KeyProvider, nowSeconds = Date.now() / 1000): AccessClaims {
  if (!token) throw new AccessTokenError('missing_token', 'no access token given');
  if (token.length > MAX_TOKEN_LENGTH) throw new AccessTokenError('malformed_token', 'access token too long');
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object' || decoded.payload === null) {
    throw new AccessTokenError('malformed_token', 'access token is not a JWT');
  }
  const apiKey = decoded.payload.iss;
  if (typeof apiKey !== 'string' || !apiKey) throw new AccessTokenError('malformed_token', 'access token has no issuer (API key)');
  const secret = keys.get(apiKey);
  if (secret === undefined) throw new AccessTokenError('unknown_key', `unknown API key "${apiKey}"`);
  let payload: jwt.JwtPayload;
  try {
    const verified = jwt.verify(token, secret, { algorithms: ['HS256'], clockTimestamp: Math.floor(nowSeconds), clockTolerance: 5 });
    if (typeof verified === 'string') throw new AccessTokenError('malformed_token', 'access token payload is not an object');
    payload = verified;
  } catch (err) {
    if (err instanceof AccessTokenError) throw err;
    if (err instanceof jwt.TokenExpiredError) throw new AccessTokenError('token_expired', 'access token expired');
    if (err instanceof jwt.NotBeforeError) throw new AccessTokenError('token_not_active', 'access token not yet valid');
    throw new AccessTokenError('invalid_signature', 'access token signature is invalid');
  }
  if (typeof payload.exp !== 'number') throw new AccessTokenError('malformed_token', 'access token has no expiry');
  const video = (typeof payload.video === 'object' && payload.video !== null ? payload.video : {}) as VideoGrant;
  const attributes: Record<string, string> = {};
  if (typeof payload.attributes === 'object' && payload.attributes !== null) {
    for (const [k, v] of Object.entries(payload.attributes as Record<string, unknown>)) {
      if (typeof v === 'string') attributes[k] = v;
    }
  }
  return {
    apiKey,
    identity: typeof payload.sub === 'string' ? payload.sub : '',
    name: typeof payload.name === 'string' ? payload.name : '',
    metadata: typeof payload.metadata === 'string' ? payload.metadata : '',
    attributes,
    video,
    sha256: typeof payload.sha256 === 'string' ? payload.sha256 : undefined,
    expiresAt: payload.exp,
  };
}

/** Reads `Authorization: Bearer <jwt>` (or a bare token, as webhooks send it). */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m ? m[1] : header.trim();
}
