// Access-token verification and command-line configuration (no network, no browser).
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrackSource } from '@livekit/protocol';
import jwt from 'jsonwebtoken';
import { AccessToken } from 'livekit-server-sdk';
import { AccessTokenError, verifyAccessToken } from '../src/auth/access-token.js';
import { ConfigError, readConfig } from '../src/config.js';

const keys = new Map([['devkey', 'secret']]);

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof AccessTokenError ? err.code : String(err);
  }
}

test('accepts a livekit-server-sdk token and reads identity, name, metadata, attributes and grants', async () => {
  const at = new AccessToken('devkey', 'secret', { identity: 'anna', name: 'Anna', metadata: '{"a":1}', attributes: { 'timio.guest': '1' } });
  at.addGrant({ roomJoin: true, room: 'daily', canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE], canUpdateOwnMetadata: true });
  const claims = verifyAccessToken(await at.toJwt(), keys);
  assert.equal(claims.identity, 'anna');
  assert.equal(claims.name, 'Anna');
  assert.equal(claims.metadata, '{"a":1}');
  assert.deepEqual(claims.attributes, { 'timio.guest': '1' });
  assert.equal(claims.video.room, 'daily');
  assert.deepEqual(claims.video.canPublishSources, ['camera', 'microphone']);
});

test('refuses missing, malformed, foreign-key, forged, expired, not-yet-valid and unsigned tokens', async () => {
  const now = Math.floor(Date.now() / 1000);
  assert.equal(code(() => verifyAccessToken('', keys)), 'missing_token');
  assert.equal(code(() => verifyAccessToken('not.a.jwt', keys)), 'malformed_token');
  assert.equal(code(() => verifyAccessToken(jwt.sign({ iss: 'other', exp: now + 60 }, 'secret'), keys)), 'unknown_key');
  assert.equal(code(() => verifyAccessToken(jwt.sign({ iss: 'devkey', exp: now + 60 }, 'wrong'), keys)), 'invalid_signature');
  assert.equal(code(() => verifyAccessToken(jwt.sign({ iss: 'devkey', exp: now - 60 }, 'secret'), keys)), 'token_expired');
  assert.equal(code(() => verifyAccessToken(jwt.sign({ iss: 'devkey', exp: now + 600, nbf: now + 300 }, 'secret'), keys)), 'token_not_active');
  assert.equal(code(() => verifyAccessToken(jwt.sign({ iss: 'devkey' }, 'secret'), keys)), 'malformed_token');
  const unsigned = jwt.sign({ iss: 'devkey', exp: now + 60 }, '', { algorithm: 'none' });
  assert.equal(code(() => verifyAccessToken(unsigned, keys)), 'invalid_signature');
  const hs512 = jwt.sign({ iss: 'devkey', exp: now + 60 }, 'secret', { algorithm: 'HS512' });
  assert.equal(code(() => verifyAccessToken(hs512, keys)), 'invalid_signature');
});

test('configuration from flags and environment', () => {
  const fromEnv = readConfig([], { MEDIA_PORT: '7999', LIVEKIT_KEYS: 'k1: s1', MEDIA_RTC_PORT_RANGE: '50000-50100' });
  assert.equal(fromEnv.port, 7999);
  assert.equal(fromEnv.apiKey, 'k1');
  assert.equal(fromEnv.apiSecret, 's1');
  assert.deepEqual(fromEnv.rtcPortRange, [50000, 50100]);
  const fromFlags = readConfig(['--port', '0', '--host=0.0.0.0', '--webhook', 'http://127.0.0.1:9/hook', '--keys', 'a: b'], {});
  assert.equal(fromFlags.port, 0);
  assert.equal(fromFlags.host, '0.0.0.0');
  assert.deepEqual(fromFlags.webhookUrls, ['http://127.0.0.1:9/hook']);
  assert.equal(fromFlags.apiKey, 'a');
  assert.throws(() => readConfig(['--port', 'x'], {}), ConfigError);
  assert.throws(() => readConfig(['--bogus'], {}), ConfigError);
  assert.throws(() => readConfig([], { LIVEKIT_KEYS: 'nokey' }), ConfigError);
});
