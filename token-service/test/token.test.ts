// POST /v1/token over real HTTP: who gets a LiveKit token, with exactly which grants, and every
// way a portal token can be wrong.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TokenVerifier } from 'livekit-server-sdk';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, PORTAL_AUDIENCE, PORTAL_ISSUER, PORTAL_SECRET, portalToken, startService, testEnv, type RunningService } from './helpers.js';

const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
const SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

describe('POST /v1/token', () => {
  let s: RunningService;
  before(async () => {
    s = await startService();
  });
  after(() => s.close());

  test('a member gets a token for exactly that room, without admin, with the directory name', async () => {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('ben', { name: 'ignored' }), body: { room: 'vertrieb' } });
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['canModerate', 'identity', 'role', 'room', 'token', 'url']);
    assert.equal(res.body.identity, 'ben');
    assert.equal(res.body.role, 'member');
    assert.equal(res.body.canModerate, false);
    assert.equal(res.body.room, 'vertrieb');
    assert.equal(res.body.url, 'ws://127.0.0.1:9');
    assert.equal(res.headers.get('cache-control'), 'no-store', 'tokens are never cached');
    const claims = await verifier.verify(res.body.token);
    assert.equal(claims.sub, 'ben');
    assert.equal(claims.iss, LIVEKIT_KEY);
    assert.equal(claims.name, 'Ben Müller');
    assert.deepEqual(claims.video, {
      room: 'vertrieb', roomJoin: true, canPublish: true, canPublishSources: SOURCES,
      canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false,
    });
    assert.ok(claims.exp! - Math.floor(Date.now() / 1000) <= 600, 'short TTL');
    assert.equal(claims.metadata, undefined);
  });

  test('a directory moderator is a member until they confirm; confirmed, the token is marked but never roomAdmin', async () => {
    const plain = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } });
    assert.equal(plain.status, 200);
    assert.equal(plain.body.role, 'member');
    assert.equal(plain.body.canModerate, true);
    assert.equal((await verifier.verify(plain.body.token)).attributes, undefined);

    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb', moderator: true } });
    assert.equal(res.status, 200);
    assert.equal(res.body.role, 'moderator');
    assert.equal(res.body.canModerate, true);
    const claims = await verifier.verify(res.body.token);
    assert.deepEqual(claims.video, {
      room: 'vertrieb', roomJoin: true, canPublish: true, canPublishSources: SOURCES,
      canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false,
    });
    assert.deepEqual(claims.attributes, { 'timio.moderator': '1' });
    assert.equal(claims.video?.roomAdmin, undefined);
    assert.equal(claims.video?.roomList, undefined);
    assert.equal(claims.video?.roomCreate, undefined);
  });

  test('a plain member who claims to be moderator stays a member; a bad flag is refused', async () => {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('ben'), body: { room: 'vertrieb', moderator: true } });
    assert.equal(res.status, 200);
    assert.equal(res.body.role, 'member');
    assert.equal(res.body.canModerate, false);
    assert.equal((await verifier.verify(res.body.token)).attributes, undefined);
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb', moderator: 'yes' } }), 400, 'invalid_input');
  });

  test('a moderator of one room is a plain member elsewhere', async () => {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('ben'), body: { room: 'entwicklung', moderator: true } });
    assert.equal(res.body.role, 'moderator');
    const other = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'entwicklung' } });
    expectError(other, 403, 'not_a_member');
  });

  test('non-members, unknown rooms and bad room ids are refused', async () => {
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('dora'), body: { room: 'vertrieb' } }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'nowhere' } }), 404, 'not_found');
    for (const room of ['', 'a/b', '../x', 'x'.repeat(65), 'bad\u0000id', 'spa ce', 42, null]) {
      expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room } }), 400, 'invalid_input');
    }
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna') }), 400, 'invalid_input');
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), rawBody: '{"room":', headers: { 'content-type': 'application/json' } }), 400, 'invalid_input');
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: ['vertrieb'] }), 400, 'invalid_input');
  });

  test('an oversized body is refused with 413 before anything else happens', async () => {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb', pad: 'x'.repeat(20_000) } });
    expectError(res, 413, 'payload_too_large');
  });

  test('portal tokens that are missing, expired, forged, unsigned, for someone else or eternal are refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = { room: 'vertrieb' };
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['missing', {}, 401, 'unauthorized'],
      ['not bearer', { authorization: `Basic ${Buffer.from('anna:x').toString('base64')}` }, 401, 'unauthorized'],
      ['garbage', { authorization: 'Bearer not-a-jwt' }, 401, 'unauthorized'],
      ['expired', { authorization: `Bearer ${jwt.sign({ sub: 'anna', exp: now - 60 }, PORTAL_SECRET, { issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE })}` }, 401, 'token_expired'],
      ['wrong secret', { authorization: `Bearer ${portalToken('anna', {}, {}, 'another-secret-that-is-long-enough-0123456789')}` }, 401, 'unauthorized'],
      ['alg none', { authorization: `Bearer ${jwt.sign({ sub: 'anna', exp: now + 300, iss: PORTAL_ISSUER, aud: PORTAL_AUDIENCE }, null, { algorithm: 'none' })}` }, 401, 'unauthorized'],
      ['HS512', { authorization: `Bearer ${portalToken('anna', {}, { algorithm: 'HS512' })}` }, 401, 'unauthorized'],
      ['wrong audience', { authorization: `Bearer ${portalToken('anna', {}, { audience: 'someone-else' })}` }, 401, 'unauthorized'],
      ['no audience', { authorization: `Bearer ${jwt.sign({ sub: 'anna' }, PORTAL_SECRET, { expiresIn: 300, issuer: PORTAL_ISSUER })}` }, 401, 'unauthorized'],
      ['wrong issuer', { authorization: `Bearer ${portalToken('anna', {}, { issuer: 'evil' })}` }, 401, 'unauthorized'],
      ['no exp', { authorization: `Bearer ${jwt.sign({ sub: 'anna' }, PORTAL_SECRET, { issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE })}` }, 401, 'unauthorized'],
      ['not yet valid', { authorization: `Bearer ${portalToken('anna', {}, { notBefore: 600 })}` }, 401, 'unauthorized'],
      ['no sub', { authorization: `Bearer ${jwt.sign({ name: 'x' }, PORTAL_SECRET, { expiresIn: 300, issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE })}` }, 401, 'unauthorized'],
      ['sub with colon', { authorization: `Bearer ${portalToken('guest:anna')}` }, 401, 'unauthorized'],
      ['LiveKit token', { authorization: `Bearer ${jwt.sign({ sub: 'anna', video: { room: 'vertrieb' } }, 'wrong', { expiresIn: 300, issuer: LIVEKIT_KEY })}` }, 401, 'unauthorized'],
    ];
    for (const [what, headers, status, code] of cases) {
      const res = await api(s.base, 'POST', '/v1/token', { headers, body });
      assert.equal(res.status, status, `${what}: ${res.text}`);
      assert.equal(res.body.error.code, code, what);
      assert.equal(res.body.token, undefined, what);
    }
  });

  // The service remembers a verified portal token until it expires (its signature is checked once);
  // what a client sees must not change because of that.
  test('a portal token that worked before still expires, and a tampered copy of it is refused', async () => {
    const short = jwt.sign({ sub: 'anna', exp: Math.floor(Date.now() / 1000) + 1 }, PORTAL_SECRET, { issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE });
    const body = { room: 'vertrieb' };
    assert.equal((await api(s.base, 'POST', '/v1/token', { token: short, body })).status, 200);
    assert.equal((await api(s.base, 'POST', '/v1/token', { token: short, body })).status, 200, 'the same token again');
    // Another subject in the payload, the remembered token's signature: the bytes differ, so the
    // full check runs and fails.
    const [head, , signature] = short.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'ben', exp: Math.floor(Date.now() / 1000) + 300, iss: PORTAL_ISSUER, aud: PORTAL_AUDIENCE })).toString('base64url');
    expectError(await api(s.base, 'POST', '/v1/token', { token: `${head}.${otherPayload}.${signature}`, body }), 401, 'unauthorized');
    // Past exp plus the 5 s clock tolerance, the same bytes are refused as expired.
    const deadline = Date.now() + 60_000;
    let res = await api(s.base, 'POST', '/v1/token', { token: short, body });
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      res = await api(s.base, 'POST', '/v1/token', { token: short, body });
    }
    expectError(res, 401, 'token_expired');
  });

  test('a member\'s LiveKit token is neither a portal token nor a guest token', async () => {
    const member = await api(s.base, 'POST', '/v1/token', { token: portalToken('ben'), body: { room: 'vertrieb' } });
    // The member's own LiveKit token is not a guest token: refused as unauthorized.
    expectError(await api(s.base, 'POST', '/v1/token', { token: member.body.token, body: { room: 'vertrieb' } }), 401, 'unauthorized');
  });
});

describe('portal tokens signed with a public key', () => {
  test('RS256 with PORTAL_JWT_PUBLIC_KEY works; HS256 signed with that public key (algorithm confusion) does not', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const s = await startService({ env: testEnv({ PORTAL_JWT_SECRET: undefined, PORTAL_JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n') }) });
    try {
      const good = jwt.sign({ sub: 'anna' }, privateKey, { algorithm: 'RS256', expiresIn: 60, issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE });
      assert.equal((await api(s.base, 'POST', '/v1/token', { token: good, body: { room: 'vertrieb' } })).status, 200);
      const confused = jwt.sign({ sub: 'anna' }, pem, { algorithm: 'HS256', expiresIn: 60, issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE, allowInsecureKeySizes: true } as jwt.SignOptions);
      expectError(await api(s.base, 'POST', '/v1/token', { token: confused, body: { room: 'vertrieb' } }), 401, 'unauthorized');
    } finally {
      await s.close();
    }
  });

  test('ES256 with an EC P-256 key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const s = await startService({ env: testEnv({ PORTAL_JWT_SECRET: undefined, PORTAL_JWT_PUBLIC_KEY: pem }) });
    try {
      const good = jwt.sign({ sub: 'ben' }, privateKey, { algorithm: 'ES256', expiresIn: 60, issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE });
      const res = await api(s.base, 'POST', '/v1/token', { token: good, body: { room: 'vertrieb' } });
      assert.equal(res.status, 200);
      assert.equal(res.body.identity, 'ben');
    } finally {
      await s.close();
    }
  });
});

describe('embedded use with an authenticate hook', () => {
  test('the host decides who is calling; its errors become 401', async () => {
    const s = await startService({
      env: testEnv({ PORTAL_JWT_SECRET: undefined }),
      options: {
        authenticate: async (req) => {
          const user = req.headers['x-portal-user'];
          if (user !== 'carla') throw Object.assign(new Error('no session'), { status: 401 });
          return { kind: 'employee', id: 'carla', name: 'Carla' };
        },
      },
    });
    try {
      const ok = await api(s.base, 'POST', '/v1/token', { headers: { 'x-portal-user': 'carla' }, body: { room: 'vertrieb' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.identity, 'carla');
      const refused = await api(s.base, 'POST', '/v1/token', { headers: { 'x-portal-user': 'mallory' }, body: { room: 'vertrieb' } });
      expectError(refused, 401, 'unauthorized');
      assert.doesNotMatch(refused.text, /no session/);
    } finally {
      await s.close();
    }
  });

  test('a failing host hook is a 500 whose details stay in the log', async () => {
    const s = await startService({
      env: testEnv({ PORTAL_JWT_SECRET: undefined }),
      options: { authenticate: async () => { throw new Error('session store down at 10.1.2.3 for eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXBhcnQ'); } },
    });
    try {
      const res = await api(s.base, 'POST', '/v1/token', { body: { room: 'vertrieb' } });
      expectError(res, 500, 'internal');
      assert.doesNotMatch(res.text, /session store|10\.1\.2\.3|at /);
      assert.ok(s.logs.some((l) => l.includes('session store down')));
      assert.ok(!s.logs.some((l) => l.includes('eyJzdWIiOiJ4In0')), 'tokens in error messages are redacted');
    } finally {
      await s.close();
    }
  });
});
