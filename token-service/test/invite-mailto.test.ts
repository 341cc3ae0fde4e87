// Issue 22 finding 8: an invite's e-mail address cannot add a header to the moderator's mail. The
// address is checked as an address (no "%", CR, LF), and the mailto encodes it whatever it holds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inviteMailto } from '../src/invites/calendar.js';
import { api, expectError, portalToken, startService, type RunningService } from './helpers.js';

let s: RunningService;
before(async () => {
  s = await startService();
});
after(async () => {
  await s.close();
});

const wording = { title: 'Angebot', startsAt: new Date(Date.now() + 3600_000).toISOString(), durationMinutes: 30, lang: 'de' as const, timeZone: 'Europe/Berlin' };
/** The headers a mail client takes from a mailto (RFC 6068): the address, then each hfield. */
function headersOf(mailto: string): string[] {
  const [to, query = ''] = mailto.slice('mailto:'.length).split('?');
  return [`To: ${decodeURIComponent(to!)}`, ...query.split('&').map((h) => decodeURIComponent(h.replace('=', ': ')))];
}

test('finding 8: an address with an encoded line break, "?" or "%" is refused; plain addresses are kept', async () => {
  for (const email of ['maria%0D%0ABcc%3Aevil@example.com', 'maria%0Abcc@example.com', 'maria%40other@example.com', 'maria\r\nBcc: evil@example.com', 'maria?bcc=evil@example.com']) {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: wording.startsAt, email } });
    expectError(res, 400, 'invalid_input');
  }
  const ok = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: wording.startsAt, email: 'maria.gast+timio@example.co.uk' } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(headersOf(ok.body.mailto)[0], 'To: maria.gast+timio@example.co.uk');
  const listed = await api(s.base, 'GET', '/v1/rooms/vertrieb/invites', { token: portalToken('anna') });
  for (const i of listed.body.invites as Array<{ mailto: string }>) assert.deepEqual(headersOf(i.mailto).map((h) => h.split(': ')[0]), ['To', 'subject', 'body']);
});

test('finding 8: a mailto built from a stored address with "%0D%0A" (made before the check) keeps it as text', () => {
  const mailto = inviteMailto(wording, 'http://127.0.0.1:3000/guest#invite=x', 'maria%0D%0ABcc%3Aevil@example.com');
  const headers = headersOf(mailto);
  assert.equal(headers[0], 'To: maria%0D%0ABcc%3Aevil@example.com', 'the address decodes to what was stored, not to a line break');
  assert.deepEqual(headers.map((h) => h.split(': ')[0]), ['To', 'subject', 'body']);
});
