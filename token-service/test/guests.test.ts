// Scheduled meetings for external guests over real HTTP and the realtime socket (no LiveKit: nobody
// is in the meeting, so no moderator is present): invitation texts in the inviter's language and
// time zone, the open invites list, the opening time, and the waiting room with the moderators'
// admit/deny and the guest's long poll.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { TokenVerifier } from 'livekit-server-sdk';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, fixedDayService, portalToken, startService, testEnv, type RunningService } from './helpers.js';
import { TestPage } from './realtime/pages.js';

const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const anna = () => portalToken('anna');
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const icsText = (value: string) => value.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

// The texts of a meeting on one fixed day, Thursday 3 December 2026 (helpers.ts fixedDayService).
describe('guests: invitation texts of a fixed day', () => {
  const fixedDay = fixedDayService();
  const fixedDayInvite = fixedDay.invite;
  let s: RunningService;
  before(() => void (s = fixedDay.service()));

  test('a German inviter: mailto and calendar in German, times in Europe/Berlin', async () => {
    const inv = await fixedDayInvite({ title: 'Angebot Müller', startsAt: '2026-12-03T09:00:00Z', durationMinutes: 60, lang: 'de', timeZone: 'Europe/Berlin', guestName: 'Maria Gast', email: 'maria@example.com' });
    const mail = new URL(inv.mailto);
    assert.equal(mail.pathname, 'maria@example.com');
    assert.equal(mail.searchParams.get('subject'), 'Einladung: Angebot Müller');
    const body = mail.searchParams.get('body')!;
    assert.match(body, /^Hallo Maria Gast,\r\n/);
    assert.ok(body.includes('Sie sind zur Videokonferenz „Angebot Müller“ eingeladen.'), body);
    assert.ok(body.includes('Wann: Donnerstag, 3. Dezember 2026, 10:00–11:00 (Europe/Berlin) – 60 Minuten'), body);
    assert.ok(body.includes(`Teilnehmen: ${inv.url}`), body);

    const ics = await api(s.base, 'GET', `/v1/rooms/vertrieb/invites/${inv.id}/calendar.ics`, { token: anna() });
    assert.equal(ics.status, 200, ics.text);
    const text = unfold(ics.text);
    assert.match(text, /DTSTART:20261203T090000Z\r\n/, 'the start as an instant');
    assert.match(text, /DURATION:PT1H\r\n|DURATION:PT60M\r\n/);
    assert.match(text, /SUMMARY:Angebot Müller\r\n/);
    const description = icsText(/DESCRIPTION:(.*)\r\n/.exec(text)![1]!);
    assert.ok(description.includes('Wann: Donnerstag, 3. Dezember 2026, 10:00–11:00 (Europe/Berlin)'), description);
    assert.ok(description.includes(inv.url), 'the description carries the link');
  });

  test('an English inviter in New York: English text, New York time', async () => {
    const inv = await fixedDayInvite({ title: 'Review', startsAt: '2026-12-03T15:30:00Z', durationMinutes: 45, lang: 'en', timeZone: 'America/New_York' });
    const mail = new URL(inv.mailto);
    assert.equal(mail.pathname, '', 'no address given');
    assert.equal(mail.searchParams.get('subject'), 'Invitation: Review');
    const body = mail.searchParams.get('body')!;
    assert.match(body, /^Hello,\r\n/);
    assert.ok(body.includes('When: Thursday, 3 December 2026, 10:30–11:15 (America/New_York) – 45 minutes'), body);
  });
});

describe('guests: texts, opening time, waiting room', () => {
  let s: RunningService;
  const pages: TestPage[] = [];
  before(async () => {
    // The service's defaults: guests join from 15 minutes before the start and wait while no moderator is in.
    s = await startService({ env: testEnv({ GUEST_JOIN_OPENS_MINUTES: undefined, GUEST_WAITING_ROOM: undefined }), options: { rateLimits: { guestPerAddress: 10_000 } } });
  });
  after(async () => {
    for (const p of pages) p.close();
    await s.close();
  });

  async function invite(body: Record<string, unknown> = {}) {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna(), body: { startsAt: inMinutes(5), ...body } });
    assert.equal(res.status, 201, res.text);
    return res.body as { id: string; invite: string; url: string; mailto: string };
  }
  const guestToken = (inv: string, name = 'Maria Gast') => api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv, name } });
  const admission = (guestToken: string) => api(s.base, 'POST', '/v1/guest/admission', { token: guestToken, body: {} });
  /** The identities on the moderators' waiting list of room vertrieb. */
  const waitingList = async () => (await api(s.base, 'GET', '/v1/rooms/vertrieb/waiting', { token: anna() })).body.guests.map((g: { identity: string }) => g.identity) as string[];
  /** Anna's realtime page, and a guest `name` waiting in the waiting room once her page is told so. */
  async function guestWaitingForAnna(name: string) {
    const page = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', anna())).page;
    pages.push(page);
    const inv = await invite({ waitingRoom: true });
    const w = await guestToken(inv.invite, name);
    await page.next('guest-waiting', (m) => m.guest.identity === w.body.identity);
    return { page, w };
  }

  test('bad language, time zone, e-mail or waitingRoom are refused', async () => {
    for (const bad of [{ lang: 'fr' }, { lang: 3 }, { timeZone: 'Mars/Olympus' }, { timeZone: 'Europe/Berlin'.repeat(10) }, { email: 'maria' }, { email: 'a b@example.com' }, { email: 'x@y.com?cc=z@evil.com' }, { waitingRoom: 'yes' }]) {
      expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna(), body: { startsAt: inMinutes(5), ...bad } }), 400, 'invalid_input');
    }
  });

  test('moderators list the open invites with their links; revoked ones drop out; members may not', async () => {
    const a = await invite({ title: 'Liste A', guestName: 'Eva Extern', startsAt: inMinutes(30) });
    const b = await invite({ title: 'Liste B', startsAt: inMinutes(60) });
    const listed = await api(s.base, 'GET', '/v1/rooms/vertrieb/invites', { token: anna() });
    assert.equal(listed.status, 200, listed.text);
    const mine = listed.body.invites.filter((i: { title: string }) => i.title.startsWith('Liste '));
    assert.deepEqual(mine.map((i: { id: string; url: string; guestName?: string }) => [i.id, i.url, i.guestName]), [[a.id, a.url, 'Eva Extern'], [b.id, b.url, undefined]]);
    assert.equal(mine[0].invite, undefined, 'the list carries links, not bare tokens');
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${a.id}`, { token: anna() })).status, 200);
    const after = await api(s.base, 'GET', '/v1/rooms/vertrieb/invites', { token: anna() });
    assert.ok(!after.body.invites.some((i: { id: string }) => i.id === a.id), 'revoked invite is gone from the list');
    assert.ok(after.body.invites.some((i: { id: string }) => i.id === b.id));
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb/invites', { token: portalToken('ben') }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb/invites', { token: portalToken('dora') }), 403, 'not_a_member');
  });

  test('guest tokens are refused before the invite opens, with the opening time', async () => {
    const startsAt = inMinutes(60);
    const inv = await invite({ startsAt, guestName: 'Maria Gast' });
    const opensAt = new Date(Date.parse(startsAt) - 15 * 60_000).toISOString();
    const info = await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } });
    assert.equal(info.status, 200);
    assert.equal(info.body.opensAt, opensAt);
    assert.equal(info.body.guestName, 'Maria Gast');
    const early = await guestToken(inv.invite);
    expectError(early, 403, 'not_open_yet');
    assert.equal(early.body.error.opensAt, opensAt);
    // 14 minutes before the start it is open.
    const soon = await invite({ startsAt: inMinutes(14) });
    assert.equal((await guestToken(soon.invite)).status, 202);
  });

  test('no moderator in the meeting: the guest waits, moderators are told, a moderator admits', async () => {
    const page = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', anna())).page;
    pages.push(page);
    const benPage = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', portalToken('ben'))).page;
    pages.push(benPage);
    const inv = await invite();
    const waiting = await guestToken(inv.invite, 'Maria Gast');
    assert.equal(waiting.status, 202, waiting.text);
    assert.equal(waiting.body.state, 'waiting');
    assert.equal(waiting.body.reason, 'no_moderator');
    assert.equal(waiting.body.token, undefined, 'no LiveKit token while waiting');
    const notice = await page.next('guest-waiting', (m) => m.guest.identity === waiting.body.identity);
    assert.equal(notice.guest.name, 'Maria Gast');
    assert.equal(notice.room, 'vertrieb');

    const list = await api(s.base, 'GET', '/v1/rooms/vertrieb/waiting', { token: anna() });
    const listed = list.body.guests.find((g: { identity: string }) => g.identity === waiting.body.identity);
    assert.equal(listed?.name, 'Maria Gast');
    assert.equal(listed?.inviteId, inv.id);
    expectError(await api(s.base, 'GET', '/v1/rooms/vertrieb/waiting', { token: portalToken('ben') }), 403, 'not_a_moderator');
    const admitPath = `/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/admit`;
    expectError(await api(s.base, 'POST', admitPath, { token: portalToken('ben'), body: {} }), 403, 'not_a_moderator');
    expectError(await api(s.base, 'POST', admitPath, { token: waiting.body.guestToken, body: {} }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/waiting/anna/admit', { token: anna(), body: {} }), 400, 'invalid_input');

    // The guest's poll is held open and answers as soon as Anna decides.
    const polled = admission(waiting.body.guestToken);
    const admitted = await api(s.base, 'POST', admitPath, { token: anna(), body: {} });
    assert.equal(admitted.status, 200, admitted.text);
    const answer = await polled;
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.state, 'admitted');
    assert.equal(answer.body.identity, waiting.body.identity);
    const claims = await verifier.verify(answer.body.token);
    assert.equal(claims.video?.room, 'vertrieb');
    assert.equal(claims.attributes?.['timio.guest'], '1');
    assert.equal(claims.attributes?.['timio.invite'], inv.id);
    assert.equal(claims.name, 'Maria Gast');
    const decided = await page.next('guest-decided', (m) => m.identity === waiting.body.identity);
    assert.equal(decided.decision, 'admitted');
    assert.equal(decided.by?.id, 'anna');
    assert.ok(![...benPage.received].some((m) => m.type === 'guest-waiting'), 'members who do not moderate are not told');
    expectError(await api(s.base, 'POST', admitPath, { token: anna(), body: {} }), 404, 'not_found');
    const left = (await api(s.base, 'GET', '/v1/rooms/vertrieb/waiting', { token: anna() })).body.guests;
    assert.ok(!left.some((g: { identity: string }) => g.identity === waiting.body.identity), 'no longer waiting');
    assert.ok(s.logs.some((l) => l.includes(`anna admitted ${waiting.body.identity} in room vertrieb`)), 'the decision is logged');
  });

  test('a moderator turns a guest away; the guest page learns it; another guest is untouched', async () => {
    const inv = await invite();
    const other = await invite();
    const a = await guestToken(inv.invite, 'Olaf Ohne');
    const b = await guestToken(other.invite, 'Paula Plan');
    const denied = await api(s.base, 'POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(a.body.identity)}/deny`, { token: anna(), body: {} });
    assert.equal(denied.status, 200, denied.text);
    const answer = await admission(a.body.guestToken);
    assert.deepEqual(answer.body, { state: 'denied' });
    const list = await waitingList();
    assert.ok(!list.includes(a.body.identity) && list.includes(b.body.identity), 'only the turned-away guest left the waiting room');
  });

  test('revoking the invite of a waiting guest ends the wait with invite_revoked', async () => {
    const inv = await invite();
    const w = await guestToken(inv.invite);
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.id}`, { token: anna() })).status, 200);
    expectError(await admission(w.body.guestToken), 410, 'invite_revoked');
    assert.ok(!(await waitingList()).includes(w.body.identity), 'a guest of a revoked invite no longer shows as waiting');
    expectError(await guestToken(inv.invite), 410, 'invite_revoked');
  });

  test('a guest who cancels leaves the waiting list at once; a late admit or deny says the guest left', async () => {
    const { page, w } = await guestWaitingForAnna('Carla Cancel');
    const left = await api(s.base, 'POST', '/v1/guest/leave', { token: w.body.guestToken, body: {} });
    assert.equal(left.status, 200, left.text);
    assert.deepEqual(left.body, { identity: w.body.identity, left: true });
    const told = await page.next('guest-decided', (m) => m.identity === w.body.identity);
    assert.equal(told.decision, 'left');
    assert.ok(!(await waitingList()).includes(w.body.identity), 'no longer in the moderators\' list');
    const path = (action: string) => `/v1/rooms/vertrieb/waiting/${encodeURIComponent(w.body.identity)}/${action}`;
    expectError(await api(s.base, 'POST', path('admit'), { token: anna(), body: {} }), 409, 'guest_left');
    expectError(await api(s.base, 'POST', path('deny'), { token: anna(), body: {} }), 409, 'guest_left');
    assert.deepEqual((await api(s.base, 'POST', '/v1/guest/leave', { token: w.body.guestToken, body: {} })).body, { identity: w.body.identity, left: false }, 'leaving twice is fine');
    expectError(await api(s.base, 'POST', '/v1/guest/leave', { token: anna(), body: {} }), 403, 'forbidden');
  });

  test('a guest whose page closes during the admission poll leaves at once; a page that asks again waits again', async () => {
    const { page, w } = await guestWaitingForAnna('Paul Pagehide');
    // The page goes while its long poll is held: the whole request is sent, then the connection closes.
    const url = new URL('/v1/guest/admission', s.base);
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.body.guestToken}` } });
      req.on('error', () => undefined);
      req.on('finish', () => { req.destroy(); resolve(); });
      req.on('response', () => reject(new Error('the held poll answered')));
      req.end('{}');
    });
    const told = await page.next('guest-decided', (m) => m.identity === w.body.identity);
    assert.equal(told.decision, 'left');
    assert.ok(!(await waitingList()).includes(w.body.identity), 'gone from the list');
    // Only the connection broke: the page asks again and the guest is back in the list.
    const again = await api(s.base, 'POST', '/v1/guest/admission', { token: w.body.guestToken, body: { waitSeconds: 0 } });
    assert.deepEqual(again.body, { state: 'waiting', reason: 'waiting_room' });
    const back = await page.next('guest-waiting', (m) => m.guest.identity === w.body.identity);
    assert.equal(back.guest.name, 'Paul Pagehide');
    assert.ok((await waitingList()).includes(w.body.identity), 'in the list again');
    const admitted = await api(s.base, 'POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(w.body.identity)}/admit`, { token: anna(), body: {} });
    assert.equal(admitted.status, 200, admitted.text);
  });

  test('admission needs a guest token', async () => {
    expectError(await api(s.base, 'POST', '/v1/guest/admission', { body: {} }), 401, 'unauthorized');
    expectError(await api(s.base, 'POST', '/v1/guest/admission', { token: anna(), body: {} }), 403, 'forbidden');
  });
});
