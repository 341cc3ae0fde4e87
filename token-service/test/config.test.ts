// loadConfig: every setting checked once, with a message that names the variable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../src/config.js';

const base = { LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret', PORTAL_JWT_SECRET: 'x'.repeat(32) };

function fails(env: Record<string, string | undefined>, pattern: RegExp, opts = { requirePortalAuth: true }) {
  assert.throws(() => loadConfig(env, opts), (err: unknown) => err instanceof ConfigError && pattern.test(err.message));
}

test('defaults and parsed values', () => {
  const c = loadConfig({ ...base, ALLOWED_ORIGINS: 'http://a.example, https://b.example:8443', PUBLIC_URL: 'https://portal.example/', TRUST_PROXY: '1' });
  assert.equal(c.port, 3001);
  assert.deepEqual(c.allowedOrigins, ['http://a.example', 'https://b.example:8443']);
  assert.equal(c.publicUrl, 'https://portal.example');
  assert.equal(c.trustProxy, 1);
  assert.equal(c.portalJwt?.algorithm, 'HS256');
  assert.equal(c.portalJwt?.key.type, 'secret');
  assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy, ['loopback', '10.0.0.0/8']);
  assert.equal(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig(base).trustProxy, false);
  assert.equal(loadConfig(base).inviteMinLifetimeSeconds, 60);
  assert.equal(loadConfig({ ...base, INVITE_MIN_LIFETIME_SECONDS: '3' }).inviteMinLifetimeSeconds, 3);
  assert.equal(loadConfig(base).historyRetentionDays, 90);
  assert.equal(loadConfig({ ...base, HISTORY_RETENTION_DAYS: '30' }).historyRetentionDays, 30);
});

test('missing or malformed settings fail fast and name the variable', () => {
  fails({ ...base, LIVEKIT_URL: undefined }, /LIVEKIT_URL is required/);
  fails({ ...base, LIVEKIT_URL: 'ftp://x' }, /LIVEKIT_URL must start with/);
  fails({ ...base, LIVEKIT_API_SECRET: ' ' }, /LIVEKIT_API_SECRET is required/);
  fails({ ...base, PORTAL_JWT_SECRET: undefined }, /PORTAL_JWT_SECRET or PORTAL_JWT_PUBLIC_KEY is required/);
  fails({ ...base, PORTAL_JWT_SECRET: 'short' }, /at least 32 bytes/);
  fails({ ...base, PORTAL_JWT_PUBLIC_KEY: 'not a key' }, /either PORTAL_JWT_SECRET .* or PORTAL_JWT_PUBLIC_KEY/);
  fails({ ...base, PORTAL_JWT_SECRET: undefined, PORTAL_JWT_PUBLIC_KEY: 'not a key' }, /PORTAL_JWT_PUBLIC_KEY is not a PEM public key/);
  fails({ ...base, PORT: '70000' }, /PORT must be/);
  fails({ ...base, PORT: 'abc' }, /PORT must be/);
  fails({ ...base, ALLOWED_ORIGINS: 'http://a.example/path' }, /ALLOWED_ORIGINS entries are origins/);
  fails({ ...base, ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS must be a URL/);
  fails({ ...base, PUBLIC_URL: 'javascript:alert(1)' }, /PUBLIC_URL must start with/);
  fails({ ...base, TRUST_PROXY: 'everyone' }, /TRUST_PROXY must be/);
  fails({ ...base, REDIS_URL: 'http://x' }, /REDIS_URL must start with redis/);
  fails({ ...base, INVITE_MIN_LIFETIME_SECONDS: '0' }, /INVITE_MIN_LIFETIME_SECONDS must be a whole number from 1 to 3600/);
  for (const bad of ['0', '3651', '1.5', 'ninety']) fails({ ...base, HISTORY_RETENTION_DAYS: bad }, /HISTORY_RETENTION_DAYS must be a whole number from 1 to 3650/);
});

test('the portal key decides the one accepted algorithm', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const env = { ...base, PORTAL_JWT_SECRET: undefined };
  assert.equal(loadConfig({ ...env, PORTAL_JWT_PUBLIC_KEY: rsa }).portalJwt?.algorithm, 'RS256');
  assert.equal(loadConfig({ ...env, PORTAL_JWT_PUBLIC_KEY: ec }).portalJwt?.algorithm, 'ES256');
  fails({ ...env, PORTAL_JWT_PUBLIC_KEY: ed }, /RSA key \(RS256\) or an EC P-256 key/);
  // Embedded hosts with their own authenticate hook may leave portal tokens unconfigured.
  assert.equal(loadConfig(env).portalJwt, undefined);
});
