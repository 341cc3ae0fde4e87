// Issue 13 item 9: invites and guest sessions have a key of their own (INVITE_SIGNING_KEY, derived
// from the LiveKit secret when unset); with NODE_ENV=production short secrets stop the start,
// otherwise they are warned about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { ConfigError, loadConfig } from '../../src/config.js';
import { INVITE_AUDIENCE, INVITE_ISSUER, inviteKey } from '../../src/invites/invite-token.js';
import { api, expectError, LIVEKIT_SECRET, portalToken, startService, testEnv } from '../helpers.js';

const OWN_KEY = 'k'.repeat(16) + 'invite-key-of-its-own-0123456789';
const LONG_LIVEKIT = 'l'.repeat(40);

test('item 9: with INVITE_SIGNING_KEY, invites and guest sessions are signed with it, not with the LiveKit secret', async () => {
  const env = testEnv({ INVITE_SIGNING_KEY: OWN_KEY, LIVEKIT_API_SECRET: LONG_LIVEKIT });
  let s = await startService({ env });
  try {
    const made = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    assert.equal(made.status, 201, made.text);
    const { invite, id } = made.body as { invite: string; id: string };
    assert.doesNotThrow(() => jwt.verify(invite, OWN_KEY, { algorithms: ['HS256'], audience: INVITE_AUDIENCE }), 'signed with the configured key');
    assert.throws(() => jwt.verify(invite, inviteKey(LONG_LIVEKIT), { algorithms: ['HS256'] }), 'not with the key derived from the LiveKit secret');
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite, name: 'Gast' } });
    assert.doesNotThrow(() => jwt.verify(guest.body.guestToken, OWN_KEY, { algorithms: ['HS256'], audience: 'timio-guest' }));

    // Someone holding only the LiveKit secret can neither forge an invite nor a guest session.
    const forged = jwt.sign({ room: 'vertrieb', title: 't', startsAt: new Date().toISOString(), dur: 30 }, inviteKey(LONG_LIVEKIT), { jwtid: id, issuer: INVITE_ISSUER, audience: INVITE_AUDIENCE, expiresIn: 3600 });
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: forged } }), 404, 'not_found');
    const session = jwt.sign({ name: 'X', room: 'vertrieb', inv: id }, inviteKey(LONG_LIVEKIT), { subject: 'guest:x', issuer: INVITE_ISSUER, audience: 'timio-guest', expiresIn: 600 });
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token: session, body: { raised: true } }), 401, 'unauthorized');

    // Rotating the LiveKit secret keeps the invites.
    await s.close();
    s = await startService({ env: { ...env, LIVEKIT_API_SECRET: 'm'.repeat(40) } });
    assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite } })).status, 200);
  } finally {
    await s.close();
  }
  // Unset, the key is still derived from the LiveKit secret (invites made so far stay valid).
  const derived = await startService();
  try {
    const made = await api(derived.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    assert.doesNotThrow(() => jwt.verify(made.body.invite, inviteKey(LIVEKIT_SECRET), { algorithms: ['HS256'] }));
  } finally {
    await derived.close();
  }
});

test('item 9: NODE_ENV=production refuses secrets under 32 characters; otherwise they are warned about', async () => {
  const refused = (env: Record<string, string | undefined>, name: string) => assert.throws(
    () => loadConfig(testEnv({ NODE_ENV: 'production', LIVEKIT_API_SECRET: LONG_LIVEKIT, ...env })),
    (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name} is`) && /at least 32/.test(e.message),
  );
  refused({ LIVEKIT_API_SECRET: 'secret' }, 'LIVEKIT_API_SECRET');
  refused({ INVITE_SIGNING_KEY: 'short-invite-key' }, 'INVITE_SIGNING_KEY');
  // (A portal secret of its own: production refuses the demo's, issue 23.)
  assert.equal(loadConfig(testEnv({ NODE_ENV: 'production', PORTAL_JWT_SECRET: OWN_KEY.split('').reverse().join(''), LIVEKIT_API_SECRET: LONG_LIVEKIT, INVITE_SIGNING_KEY: OWN_KEY })).warnings, undefined);

  // Development: the dev media server's "secret" works, with a warning in the log.
  const s = await startService({ env: testEnv({ INVITE_SIGNING_KEY: 'short-invite-key' }) });
  try {
    assert.equal((await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } })).status, 200);
    assert.ok(s.logs.some((l) => /"level":40.*"msg":"warning: LIVEKIT_API_SECRET is 6 characters long/.test(l)), s.logs.join('\n'));
    assert.ok(s.logs.some((l) => /"level":40.*"msg":"warning: INVITE_SIGNING_KEY is 16 characters long/.test(l)));
    assert.ok(!s.logs.some((l) => l.includes('short-invite-key')), 'the warning never prints the secret');
  } finally {
    await s.close();
  }
});
