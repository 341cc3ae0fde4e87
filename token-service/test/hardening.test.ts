// The HTTP surface: security headers, CORS allowlist, rate limits behind and without a proxy,
// JSON errors everywhere, signed webhooks once per event id, and logs without tokens.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { WebhookEvent, Room, ParticipantInfo } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, portalToken, testEnv, withService } from './helpers.js';

function signedWebhook(body: string, secret = LIVEKIT_SECRET): Promise<string> {
  const at = new AccessToken(LIVEKIT_KEY, secret, { ttl: 300 });
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return at.toJwt();
}

function webhookBody(id: string): string {
  return new WebhookEvent({
    event: 'participant_joined',
    id,
    createdAt: BigInt(Math.floor(Date.now() / 1000)),
    room: new Room({ name: 'vertrieb', sid: 'RM_x' }),
    participant: new ParticipantInfo({ identity: 'anna', sid: 'PA_x' }),
  }).toJsonString();
}

describe('HTTP hardening', () => {
  test('security headers let other origins load files but nothing else', async () => {
    await withService({}, async (s) => {
    const res = await api(s.base, 'GET', '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { ok: true });
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('content-security-policy'));
    assert.equal(res.headers.get('x-powered-by'), null);
    expectError(await api(s.base, 'GET', '/v1/nothing-here'), 404, 'not_found');
    expectError(await api(s.base, 'GET', '/etc/passwd'), 404, 'not_found');
    });
  });

  test('oversized bodies are refused with 413 on every endpoint that takes one, and change nothing', async () => {
    await withService({}, async (s) => {
    const pad = 'x'.repeat(20_000);
    const anna = portalToken('anna');
    expectError(await api(s.base, 'POST', '/v1/token', { token: anna, body: { room: 'vertrieb', pad } }), 413, 'payload_too_large');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token: anna, body: { raised: true, pad } }), 413, 'payload_too_large');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { title: pad, startsAt: new Date().toISOString() } }), 413, 'payload_too_large');
    expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { invite: pad, name: 'x' } }), 413, 'payload_too_large');
    const huge = 'x'.repeat(300_000);
    expectError(await api(s.base, 'POST', '/v1/livekit/webhook', { rawBody: huge, headers: { 'content-type': 'application/webhook+json', authorization: await signedWebhook(huge) } }), 413, 'payload_too_large');
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(`${s.config.dataDir}/invites.log`, 'utf8'), '', 'no invite was stored');
    });
  });

  test('CORS answers only the allowed origins', async () => {
    await withService({}, async (s) => {
    const allowed = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { origin: 'http://127.0.0.1:3000' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:3000');
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const other = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const preflight = await api(s.base, 'OPTIONS', '/v1/token', { headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://127.0.0.1:3000');
    assert.match(preflight.headers.get('access-control-allow-headers')!, /Authorization/);
    const badPreflight = await api(s.base, 'OPTIONS', '/v1/token', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(badPreflight.headers.get('access-control-allow-origin'), null);
    assert.equal(badPreflight.headers.get('access-control-allow-methods'), null);
    });
  });

  test('rate limits answer 429 rate_limited, per client address', async () => {
    await withService({ options: { rateLimits: { perAddress: 3, guestPerAddress: 2 } } }, async (s) => {
    for (let i = 0; i < 3; i++) assert.equal((await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } })).status, 200);
    const limited = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } });
    expectError(limited, 429, 'rate_limited');
    assert.equal(limited.body.token, undefined);
    // The wait is in the body (a page on another origin cannot read Retry-After): within the minute's window.
    const wait = (limited.body.error as { retryAfterSeconds?: number }).retryAfterSeconds;
    assert.ok(typeof wait === 'number' && wait >= 1 && wait <= 60, `retryAfterSeconds ${wait}`);
    // Without TRUST_PROXY a forged X-Forwarded-For does not buy a new quota.
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { 'x-forwarded-for': '10.9.9.9' } }), 429, 'rate_limited');
    assert.equal((await api(s.base, 'GET', '/healthz')).status, 200, 'health checks are not limited');
    });
  });

  test('behind a trusted proxy each forwarded client has its own quota', async () => {
    await withService({ env: testEnv({ TRUST_PROXY: 'loopback' }), options: { rateLimits: { perAddress: 2 } } }, async (s) => {
    const as = (ip: string) => api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { 'x-forwarded-for': ip } });
    assert.equal((await as('10.0.0.1')).status, 200);
    assert.equal((await as('10.0.0.1')).status, 200);
    expectError(await as('10.0.0.1'), 429, 'rate_limited');
    assert.equal((await as('10.0.0.2')).status, 200);
    });
  });

  test('webhooks: signature over the raw body, once per event id', async () => {
    await withService({}, async (s) => {
    const body = webhookBody('EV_one');
    const post = async (b: string, auth: string | undefined, type = 'application/webhook+json') =>
      api(s.base, 'POST', '/v1/livekit/webhook', { rawBody: b, headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) } });
    const first = await post(body, await signedWebhook(body));
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body, { ok: true, duplicate: false });
    const again = await post(body, await signedWebhook(body));
    assert.deepEqual(again.body, { ok: true, duplicate: true });
    const other = webhookBody('EV_two');
    expectError(await post(other, undefined), 401, 'unauthorized');
    expectError(await post(other, await signedWebhook(other, 'not-the-secret')), 401, 'unauthorized');
    expectError(await post(other.replace('anna', 'mallory'), await signedWebhook(other)), 401, 'unauthorized');
    expectError(await post(other, await signedWebhook(other), 'application/json'), 415, 'unsupported_media_type');
    // None of the refused posts used up EV_two.
    assert.deepEqual((await post(other, await signedWebhook(other))).body, { ok: true, duplicate: false });
    });
  });

  test('logs carry method, path and status but never a token', async () => {
    await withService({}, async (s) => {
    const portal = portalToken('anna');
    const member = await api(s.base, 'POST', '/v1/token', { token: portal, body: { room: 'vertrieb' } });
    const inv = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portal, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.body.invite } });
    await api(s.base, 'GET', `/v1/rooms/vertrieb/invites/${inv.body.id}/calendar.ics`, { token: portal });
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.body.invite, name: 'Gast' } });
    await api(s.base, 'GET', `/v1/invites/${portal}`);
    const all = s.logs.join('\n');
    assert.match(all, /POST \/v1\/invites\/lookup 200/);
    assert.match(all, /GET \/v1\/invites\/\[token\] 404/, 'a token in a path is still redacted');
    assert.match(all, /POST \/v1\/token 200/);
    for (const secret of [portal, member.body.token, inv.body.invite, guest.body.token, guest.body.guestToken]) {
      for (const part of secret.split('.')) assert.ok(!all.includes(part), 'no token part in the logs');
    }
    });
  });
});
