// The token service's settings, read from the environment once at boot. Nothing else in the
// service reads process.env: a bad value stops the start with a message that names the variable.
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { isPublishedSecret } from './published-secrets.js';
import type { RealtimeSettings } from './realtime/settings.js';
import type { UserLimitSettings } from './limits/user-limits.js';

export type PortalJwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

export interface PortalJwtConfig {
  /** The one algorithm accepted; derived from the kind of key, never from the token. */
  algorithm: PortalJwtAlgorithm;
  /** Made once: with a string secret jsonwebtoken would re-parse the key on every verify. */
  key: KeyObject;
  issuer?: string;
  audience?: string;
}

export interface TokenServiceConfig {
  port: number;
  /** Address the standalone server listens on (HOST); loopback unless a deployment opens it. */
  host: string;
  livekit: { url: string; apiKey: string; apiSecret: string };
  /** Absent when the host authenticates requests itself (embedded use). */
  portalJwt?: PortalJwtConfig;
  directoryFile?: string;
  /** A directory the host serves over HTTP (DIRECTORY_URL), read with DIRECTORY_SECRET as the bearer. */
  directoryUrl?: { url: string; secret: string };
  allowedOrigins: string[];
  /** Base of invite links: the page that lets a guest join (`<publicUrl>/guest#invite=…`). */
  publicUrl?: string;
  dataDir: string;
  redisUrl?: string;
  /** How long the call history keeps an entry, in days (HISTORY_RETENTION_DAYS, default 90). */
  historyRetentionDays: number;
  /** Presence and ringing timers (CALL_RING_TIMEOUT_SECONDS, CALL_REJOIN_GRACE_SECONDS, ROOM_RING_TIMEOUT_SECONDS, PRESENCE_GRACE_SECONDS, REDIS_PROCESS_TIMEOUT_SECONDS); the rest default. */
  realtime?: Partial<RealtimeSettings>;
  /** Bearer token of the Prometheus scraper at GET /metrics (METRICS_TOKEN); unset: no /metrics. */
  metricsToken?: string;
  /** Per-user limits (ROOM_RING_INTERVAL_SECONDS, CALL_RETRY_AFTER_DECLINE_SECONDS, CALLS_PER_HOUR, INVITES_PER_HOUR); the rest default. */
  userLimits: Partial<UserLimitSettings>;
  /** Requests per minute one address may send to the LiveKit webhook endpoint (WEBHOOK_REQUESTS_PER_MINUTE). */
  webhookRequestsPerMinute: number;
  /** Signs invites and guest sessions (INVITE_SIGNING_KEY); unset: derived from the LiveKit secret. */
  inviteSigningKey?: string;
  /** Guests may join this many minutes before an invite's start (GUEST_JOIN_OPENS_MINUTES, default 15). */
  guestJoinOpensMinutes: number;
  /**
   * Shortest lifetime of a new invite in seconds (INVITE_MIN_LIFETIME_SECONDS, default 60): a link
   * must outlive its e-mail. Only test suites lower it, to see a link expire without waiting a minute.
   */
  inviteMinLifetimeSeconds: number;
  /**
   * When guests wait to be let in (GUEST_WAITING_ROOM): `auto` (default) while no moderator is in
   * the meeting, `always`, or `off` (only invites made with waitingRoom: true).
   */
  guestWaitingRoom: 'auto' | 'always' | 'off';
  /** Things the operator should fix that do not stop the start (short secrets outside production). */
  warnings?: string[];
  /** Express's `trust proxy` setting: false, true, a hop count or a list of addresses/subnets. */
  trustProxy: boolean | number | string[];
}

/** Shortest secret accepted with NODE_ENV=production (HMAC keys: 32 characters ~ 256 bits if random). */
export const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function required(env: Env, name: string, why: string): string {
  const v = value(env, name);
  if (!v) throw new ConfigError(`${name} is required (${why})`);
  return v;
}

function httpUrl(name: string, raw: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3001;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new ConfigError(`PORT must be a port number 0-65535, got "${raw}"`);
  return Number(raw);
}

function parseHost(raw: string | undefined): string {
  if (raw === undefined) return '127.0.0.1';
  const bare = raw.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) || /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(bare)) return bare;
  throw new ConfigError(`HOST must be an IP address or host name to listen on (127.0.0.1, 0.0.0.0, ::), got "${raw}"`);
}

function parseTrustProxy(raw: string | undefined): TokenServiceConfig['trustProxy'] {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  for (const entry of list) {
    if (!named.has(entry) && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry)) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or addresses/subnets (loopback, 10.0.0.0/8, …); "${entry}" is none of these`);
    }
  }
  return list;
}

function seconds(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be whole seconds from ${min} to ${max}, got "${raw}"`);
  return Number(raw) * 1000;
}

function wholeNumber(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

/** `settings` without those the environment left unset: the defaults apply to them. */
function setOnly<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function parseRealtime(env: Env): Partial<RealtimeSettings> {
  return setOnly({
    ringTimeoutMs: seconds(env, 'CALL_RING_TIMEOUT_SECONDS', 5, 300),
    roomRingTimeoutMs: seconds(env, 'ROOM_RING_TIMEOUT_SECONDS', 5, 600),
    graceMs: seconds(env, 'PRESENCE_GRACE_SECONDS', 0, 300),
    callRejoinGraceMs: seconds(env, 'CALL_REJOIN_GRACE_SECONDS', 1, 600),
    maxPendingPerAddress: wholeNumber(env, 'REALTIME_MAX_PENDING_PER_ADDRESS', 1, 100_000),
    processTimeoutMs: seconds(env, 'REDIS_PROCESS_TIMEOUT_SECONDS', 2, 300),
  });
}

function parseUserLimits(env: Env): Partial<UserLimitSettings> {
  return setOnly({
    roomRingIntervalMs: seconds(env, 'ROOM_RING_INTERVAL_SECONDS', 0, 86_400),
    callRetryAfterDeclineMs: seconds(env, 'CALL_RETRY_AFTER_DECLINE_SECONDS', 0, 86_400),
    callsPerHour: wholeNumber(env, 'CALLS_PER_HOUR', 1, 1_000_000),
    invitesPerHour: wholeNumber(env, 'INVITES_PER_HOUR', 1, 1_000_000),
  });
}

function parseWaitingRoom(raw: string | undefined): TokenServiceConfig['guestWaitingRoom'] {
  if (raw === undefined) return 'auto';
  if (raw === 'auto' || raw === 'always' || raw === 'off') return raw;
  throw new ConfigError(`GUEST_WAITING_ROOM must be auto, always or off, got "${raw}"`);
}

function parsePortalJwt(env: Env): PortalJwtConfig | undefined {
  const secret = value(env, 'PORTAL_JWT_SECRET');
  const publicKey = value(env, 'PORTAL_JWT_PUBLIC_KEY');
  if (secret && publicKey) throw new ConfigError('set either PORTAL_JWT_SECRET (HS256) or PORTAL_JWT_PUBLIC_KEY (RS256/ES256), not both');
  const issuer = value(env, 'PORTAL_JWT_ISSUER');
  const audience = value(env, 'PORTAL_JWT_AUDIENCE');
  const claims = { ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  if (secret) {
    // HS256 with a short secret is guessable offline from any token the portal hands out.
    if (Buffer.byteLength(secret) < 32) throw new ConfigError('PORTAL_JWT_SECRET must be at least 32 bytes long');
    return { algorithm: 'HS256', key: createSecretKey(Buffer.from(secret, 'utf8')), ...claims };
  }
  if (publicKey) {
    let key: KeyObject;
    try {
      // Environment files often carry PEM with literal "\n".
      key = createPublicKey(publicKey.replace(/\\n/g, '\n'));
    } catch (err) {
      throw new ConfigError(`PORTAL_JWT_PUBLIC_KEY is not a PEM public key (${(err as Error).message})`);
    }
    if (key.asymmetricKeyType === 'rsa') return { algorithm: 'RS256', key, ...claims };
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { algorithm: 'ES256', key, ...claims };
    throw new ConfigError('PORTAL_JWT_PUBLIC_KEY must be an RSA key (RS256) or an EC P-256 key (ES256)');
  }
  return undefined;
}

/**
 * Reads and checks every setting. `requirePortalAuth` is true for the standalone server; a host
 * that embeds the service with its own `authenticate` hook may leave the portal JWT unset.
 */
export function loadConfig(env: Env, options: { requirePortalAuth?: boolean } = {}): TokenServiceConfig {
  const portalJwt = parsePortalJwt(env);
  if (options.requirePortalAuth && !portalJwt) {
    throw new ConfigError('PORTAL_JWT_SECRET or PORTAL_JWT_PUBLIC_KEY is required (the service verifies the portal\'s user tokens with it)');
  }
  const allowedOrigins = (value(env, 'ALLOWED_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    const parsed = httpUrl('ALLOWED_ORIGINS', origin, ['http:', 'https:']);
    if (new URL(parsed).origin !== parsed) throw new ConfigError(`ALLOWED_ORIGINS entries are origins (scheme://host[:port]), got "${origin}"`);
  }
  const production = value(env, 'NODE_ENV') === 'production';
  const warnings: string[] = [];
  const livekitSecret = required(env, 'LIVEKIT_API_SECRET', 'the LiveKit API secret');
  const inviteSigningKey = value(env, 'INVITE_SIGNING_KEY');
  // Short secrets are guessable offline from any token signed with them. The dev media server's
  // "secret" stays usable in development, with a warning.
  for (const [name, secret] of [['LIVEKIT_API_SECRET', livekitSecret], ['INVITE_SIGNING_KEY', inviteSigningKey]] as const) {
    if (secret === undefined || secret.length >= MIN_SECRET_LENGTH) continue;
    const message = `${name} is ${secret.length} characters long; use at least ${MIN_SECRET_LENGTH} random characters`;
    if (production) throw new ConfigError(`${message} (NODE_ENV=production refuses shorter secrets)`);
    warnings.push(`${message} (refused when NODE_ENV=production)`);
  }
  if (production) {
    // Checked by name only: the message must not repeat a secret into the logs.
    for (const name of ['PORTAL_JWT_SECRET', 'LIVEKIT_API_SECRET', 'INVITE_SIGNING_KEY', 'DIRECTORY_SECRET', 'METRICS_TOKEN']) {
      const secret = value(env, name);
      if (secret !== undefined && isPublishedSecret(secret)) {
        throw new ConfigError(`${name} is a published demo or placeholder value; NODE_ENV=production needs a random secret of your own (e.g. openssl rand -base64 48)`);
      }
    }
  }
  const metricsToken = value(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (the metrics show who is online)');
  const publicUrl = value(env, 'PUBLIC_URL');
  const directoryFile = value(env, 'DIRECTORY_FILE');
  const redisUrl = value(env, 'REDIS_URL');
  const directoryUrl = value(env, 'DIRECTORY_URL');
  const directorySecret = value(env, 'DIRECTORY_SECRET');
  if (directoryUrl && !directorySecret) throw new ConfigError('DIRECTORY_SECRET is required with DIRECTORY_URL (the bearer secret the host checks)');
  if (directoryUrl && directoryFile) throw new ConfigError('set DIRECTORY_FILE or DIRECTORY_URL, not both');
  if (directorySecret && directorySecret.length < 16) throw new ConfigError('DIRECTORY_SECRET must be at least 16 characters');
  return {
    port: parsePort(value(env, 'PORT')),
    host: parseHost(value(env, 'HOST')),
    livekit: {
      url: httpUrl('LIVEKIT_URL', required(env, 'LIVEKIT_URL', 'the LiveKit server, e.g. ws://127.0.0.1:7880'), ['ws:', 'wss:', 'http:', 'https:']),
      apiKey: required(env, 'LIVEKIT_API_KEY', 'the LiveKit API key'),
      apiSecret: livekitSecret,
    },
    ...(inviteSigningKey ? { inviteSigningKey } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(portalJwt ? { portalJwt } : {}),
    ...(directoryFile ? { directoryFile: resolve(directoryFile) } : {}),
    ...(directoryUrl ? { directoryUrl: { url: httpUrl('DIRECTORY_URL', directoryUrl, ['http:', 'https:']), secret: directorySecret! } } : {}),
    allowedOrigins,
    ...(publicUrl ? { publicUrl: httpUrl('PUBLIC_URL', publicUrl, ['http:', 'https:']) } : {}),
    dataDir: resolve(value(env, 'DATA_DIR') ?? 'data'),
    historyRetentionDays: wholeNumber(env, 'HISTORY_RETENTION_DAYS', 1, 3650) ?? 90,
    ...(redisUrl ? { redisUrl: httpUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:']) } : {}),
    trustProxy: parseTrustProxy(value(env, 'TRUST_PROXY')),
    userLimits: parseUserLimits(env),
    ...(metricsToken ? { metricsToken } : {}),
    webhookRequestsPerMinute: wholeNumber(env, 'WEBHOOK_REQUESTS_PER_MINUTE', 1, 1_000_000) ?? 600,
    guestJoinOpensMinutes: wholeNumber(env, 'GUEST_JOIN_OPENS_MINUTES', 0, 7 * 24 * 60) ?? 15,
    guestWaitingRoom: parseWaitingRoom(value(env, 'GUEST_WAITING_ROOM')),
    inviteMinLifetimeSeconds: wholeNumber(env, 'INVITE_MIN_LIFETIME_SECONDS', 1, 3600) ?? 60,
    realtime: parseRealtime(env),
  };
}
