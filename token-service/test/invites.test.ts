// Invites and guest tokens over real HTTP (no LiveKit needed): who may invite, what the guest page
// and calendar get, expiry, revocation across a restart, and hostile guest names.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { TokenVerifier } from 'livekit-server-sdk';
import { INVITE_AUDIENCE, INVITE_ISSUER, inviteKey } from '../src/invites/invite-token.js';
import { SHORT_INVITES } from '../../testing/node/test-settings.js';
import { waitUntil } from '../../testing/wait.js';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, portalToken, startService, testEnv, type RunningService } from './helpers.js';

const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const anna = () => portalToken('anna');

describe('invites', () => {
  let env: Record<string, string | undefined>;
  let s: RunningService;
  before(async () => {
    env = testEnv();
    s = await startService({ env, options: { rateLimits: { guestPerAddress: 10_000 } } }); // the limiter has its own test
  });
  after(() => s.close());

  async function createInvite(body: Record<string, unknown> = {}) {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', {
      token: anna(),
      body: { title: 'Quartalsgespräch', startsAt: inHours(24), durationMinutes: 45, ...body },
    });
    assert.equal(res.status, 201, res.text);
    return res.body as { id: string; invite: string; url: string; mailto: string; expiresAt: string };
  }

  test('a moderator creates an invite with link, calendar file and mailto', async () => {
    const startsAt = inHours(24);
    const expiresAt = inHours(48);
    const inv = await createInvite({ startsAt, expiresAt });
    assert.match(inv.id, /^[0-9a-f-]{36}$/);
    assert.equal(inv.url, `http://127.0.0.1:3000/guest#invite=${inv.invite}`);
    assert.equal((inv as Record<string, unknown>)['calendarUrl'], undefined, 'no link built from the request');
    assert.equal(inv.expiresAt, new Date(Math.floor(Date.parse(expiresAt) / 1000) * 1000).toISOString());
    const claims = jwt.decode(inv.invite) as Record<string, unknown>;
    assert.equal(claims['jti'], inv.id);
    assert.equal(claims['room'], 'vertrieb');
    assert.equal(typeof claims['exp'], 'number');

    const mail = new URL(inv.mailto);
    assert.equal(mail.protocol, 'mailto:');
    assert.equal(mail.searchParams.get('subject'), 'Invitation: Quartalsgespräch');
    assert.ok(mail.searchParams.get('body')!.includes(inv.url));

    const info = await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } });
    assert.equal(info.status, 200);
    assert.deepEqual(info.body, { room: 'vertrieb', title: 'Quartalsgespräch', startsAt: new Date(startsAt).toISOString(), durationMinutes: 45, expiresAt: inv.expiresAt, opensAt: new Date(Date.parse(startsAt) - 10080 * 60_000).toISOString() });

    const ics = await api(s.base, 'GET', `/v1/rooms/vertrieb/invites/${inv.id}/calendar.ics`, { token: anna() });
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type')!, /^text\/calendar/);
    const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
    assert.match(unfolded, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    assert.match(unfolded, /BEGIN:VEVENT\r\n/);
    assert.match(unfolded, /END:VEVENT\r\nEND:VCALENDAR\r\n$/);
    assert.match(unfolded, new RegExp(`UID:${inv.id}@timio\r\n`));
    const start = new Date(startsAt);
    const stamp = start.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    assert.match(unfolded, new RegExp(`DTSTART:${stamp}\r\n`));
    assert.match(unfolded, /DURATION:PT45M\r\n/);
    assert.match(unfolded, /SUMMARY:Quartalsgespräch\r\n/);
    assert.ok(unfolded.includes(`URL:${inv.url}`), 'URL property carries the link');
  });

  test('the invite lets a guest in with a guest identity, no admin, marked external', async () => {
    const inv = await createInvite();
    const res = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: '  Maria Gómez ' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.room, 'vertrieb');
    assert.equal(res.body.role, 'guest');
    assert.equal(res.body.name, 'Maria Gómez');
    assert.match(res.body.identity, /^guest:[A-Za-z0-9_-]{16}$/);
    const claims = await verifier.verify(res.body.token);
    assert.equal(claims.sub, res.body.identity);
    assert.equal(claims.name, 'Maria Gómez');
    assert.equal(claims.metadata, '{"guest":true}');
    assert.deepEqual(claims.attributes, { 'timio.guest': '1', 'timio.invite': inv.id });
    assert.deepEqual(claims.video, {
      room: 'vertrieb', roomJoin: true, canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false,
    });
    // The guest's own token for this service lives as long as the invite, not ten minutes.
    const session = jwt.decode(res.body.guestToken) as Record<string, unknown>;
    assert.equal(session['sub'], res.body.identity);
    assert.equal(session['aud'], 'timio-guest');
    assert.equal(session['room'], 'vertrieb');
    assert.equal(session['exp'], Date.parse(inv.expiresAt) / 1000);
    expectError(await api(s.base, 'POST', '/v1/token', { token: res.body.guestToken, body: { room: 'vertrieb' } }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: res.body.guestToken } }), 404, 'not_found');
    const forged = jwt.sign({ name: 'X', room: 'vertrieb', inv: inv.id }, 'not-the-key', { subject: 'guest:x', issuer: INVITE_ISSUER, audience: 'timio-guest', expiresIn: 600 });
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token: forged, body: { raised: true } }), 401, 'unauthorized');
    const second = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Maria Gómez' } });
    assert.notEqual(second.body.identity, res.body.identity, 'each guest gets a fresh identity');
  });

  test('hostile or empty guest names are refused and no token is issued', async () => {
    const inv = await createInvite();
    const names: unknown[] = ['', '   ', 'x'.repeat(65), 'Eve\u0000', 'Eve\nAdmin', 'Eve\u202Enimda', 'Ev\u200Be', 'a\u2028b', 42, null, { name: 'x' }];
    for (const name of names) {
      const res = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name } });
      expectError(res, 400, 'invalid_input');
      assert.equal(res.body.token, undefined);
    }
    expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { name: 'Maria' } }), 400, 'invalid_input');
  });

  test('only moderators of that room invite; guests and bad input are refused and nothing is stored', async () => {
    const store = join(env['DATA_DIR']!, 'invites.log');
    const before = existsSync(store) ? readFileSync(store, 'utf8') : '';
    const body = { title: 'x', startsAt: inHours(2) };
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('ben'), body }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('dora'), body }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/rooms/entwicklung/invites', { token: anna(), body }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { body }), 401, 'unauthorized');
    const inv = await createInvite();
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Gast' } });
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: guest.body.token, body }), 403, 'not_a_member');
    const afterGuest = readFileSync(store, 'utf8');
    const bad: Array<Record<string, unknown>> = [
      { title: 'Bad\u0007bell', startsAt: inHours(2) },
      { title: 'x'.repeat(201), startsAt: inHours(2) },
      { title: 'ok', startsAt: '2026-13-01T10:00:00Z' },
      { title: 'ok', startsAt: '2026-03-01 10:00' },
      { title: 'ok', startsAt: '2026-03-01T10:00:00' },
      { title: 'ok', startsAt: inHours(2), durationMinutes: 0 },
      { title: 'ok', startsAt: inHours(2), durationMinutes: 1.5 },
      { title: 'ok', startsAt: inHours(2), durationMinutes: 100000 },
      { title: 'ok', startsAt: inHours(2), expiresAt: inHours(-1) },
      { title: 'ok', startsAt: inHours(2), expiresAt: inHours(24 * 400) },
      { title: 'ok' },
    ];
    for (const b of bad) {
      expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna(), body: b }), 400, 'invalid_input');
    }
    expectError(await api(s.base, 'POST', '/v1/rooms/bad%00room/invites', { token: anna(), body }), 400, 'invalid_input');
    assert.equal(readFileSync(store, 'utf8'), afterGuest, 'no invite was stored by refused requests');
    assert.notEqual(afterGuest, before);
  });

  test('garbled, foreign and unknown invites are 404; expired ones 410', async () => {
    const inv = await createInvite();
    const garbled = inv.invite.slice(0, -3) + (inv.invite.endsWith('AAA') ? 'BBB' : 'AAA');
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: garbled } }), 404, 'not_found');
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: 'nonsense' } }), 404, 'not_found');
    // Signed with the right key but never issued by this service (not in its store).
    const unknown = jwt.sign({ room: 'vertrieb', title: 't', startsAt: inHours(1), dur: 30 }, inviteKey(LIVEKIT_SECRET), { jwtid: '00000000-0000-4000-8000-000000000000', issuer: INVITE_ISSUER, audience: INVITE_AUDIENCE, expiresIn: 3600 });
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: unknown } }), 404, 'not_found');
    // A LiveKit token is not an invite.
    const member = await api(s.base, 'POST', '/v1/token', { token: anna(), body: { room: 'vertrieb' } });
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: member.body.token } }), 404, 'not_found');
    expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { invite: member.body.token, name: 'Eve' } }), 404, 'not_found');

    const expired = jwt.sign({ room: 'vertrieb', title: 't', startsAt: inHours(-3), dur: 30, exp: Math.floor(Date.now() / 1000) - 10 }, inviteKey(LIVEKIT_SECRET), { jwtid: inv.id, issuer: INVITE_ISSUER, audience: INVITE_AUDIENCE });
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: expired } }), 410, 'invite_expired');
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: expired, name: 'Late' } });
    expectError(guest, 410, 'invite_expired');
    assert.equal(guest.body.token, undefined);
  });

  test('revocation: only moderators, 410 afterwards, survives a restart', async () => {
    const inv = await createInvite();
    const early = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Früh' } });
    assert.equal(early.status, 200);
    expectError(await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.id}`, { token: portalToken('ben') }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.id}`, { token: early.body.token }), 403, 'not_a_member');
    expectError(await api(s.base, 'DELETE', `/v1/rooms/entwicklung/invites/${inv.id}`, { token: portalToken('ben') }), 404, 'not_found');
    expectError(await api(s.base, 'DELETE', '/v1/rooms/vertrieb/invites/not-an-id', { token: anna() }), 400, 'invalid_input');
    expectError(await api(s.base, 'DELETE', '/v1/rooms/vertrieb/invites/00000000-0000-4000-8000-000000000000', { token: anna() }), 404, 'not_found');
    assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } })).status, 200, 'refused revocations changed nothing');

    const revoked = await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.id}`, { token: anna() });
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.body.revoked, true);
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } }), 410, 'invite_revoked');
    expectError(await api(s.base, 'GET', `/v1/rooms/vertrieb/invites/${inv.id}/calendar.ics`, { token: anna() }), 410, 'invite_revoked');
    expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Spät' } }), 410, 'invite_revoked');
    // The guest who got in earlier can no longer act with their token either.
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token: early.body.token, body: { raised: true } }), 410, 'invite_revoked');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/hand', { token: early.body.guestToken, body: { raised: true } }), 410, 'invite_revoked');

    await s.close();
    s = await startService({ env, options: { rateLimits: { guestPerAddress: 10_000 } } }); // the limiter has its own test
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } }), 410, 'invite_revoked');
    expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Spät' } }), 410, 'invite_revoked');
    const other = await createInvite();
    assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: other.invite } })).status, 200);
  });
});

describe('the shortest invite lifetime', () => {
  const create = (base: string, seconds: number) => api(base, 'POST', '/v1/rooms/vertrieb/invites', {
    token: anna(), body: { title: 'Kurz', startsAt: new Date().toISOString(), expiresAt: new Date(Date.now() + seconds * 1000).toISOString() },
  });

  test('is a minute by default: a link that would expire sooner is refused', async () => {
    const s = await startService({ env: testEnv() });
    try {
      const res = await create(s.base, 30);
      expectError(res, 400, 'invalid_input');
      assert.equal(res.body.error.message, 'expiresAt must be in the future');
      assert.equal((await create(s.base, 120)).status, 201);
    } finally {
      await s.close();
    }
  });

  test('a test setting lowers it, and the short link really expires', async () => {
    const s = await startService({ env: testEnv({ ...SHORT_INVITES }) });
    try {
      expectError(await create(s.base, 1), 400, 'invalid_input');
      const res = await create(s.base, 8);
      assert.equal(res.status, 201, res.text);
      const inv = res.body as { invite: string; expiresAt: string };
      assert.equal((await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } })).status, 200);
      await waitUntil(() => Date.now() > Date.parse(inv.expiresAt) + 1000, 'the short link has expired');
      expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } }), 410, 'invite_expired');
      expectError(await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Spät' } }), 410, 'invite_expired');
    } finally {
      await s.close();
    }
  });
});
