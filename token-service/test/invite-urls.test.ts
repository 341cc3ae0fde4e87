// Issue 13 item 7: invite tokens never travel in a URL path or query string, the calendar file is
// the moderator's (fetched with their own credentials), and every link comes from PUBLIC_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { api, expectError, portalToken, startService } from './helpers.js';

/** A raw HTTP request, so the Host header can be forged as a proxy or attacker would. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('item 7: invites go in bodies, the .ics is fetched by the moderator, links come from PUBLIC_URL only', async () => {
  const s = await startService();
  try {
    const anna = portalToken('anna');
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const made = await raw(s.base, 'POST', '/v1/rooms/vertrieb/invites', {
      host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https',
      authorization: `Bearer ${anna}`, 'content-type': 'application/json',
    }, JSON.stringify({ title: 'Review', startsAt }));
    assert.equal(made.status, 201, made.text);
    assert.doesNotMatch(made.text, /evil/, 'nothing in the answer comes from the Host header');
    const inv = JSON.parse(made.text) as { id: string; invite: string; url: string };
    assert.equal(inv.url, `http://127.0.0.1:3000/guest#invite=${inv.invite}`);
    for (const [k, v] of Object.entries(JSON.parse(made.text) as Record<string, unknown>)) {
      if (typeof v === 'string' && /^https?:/.test(v)) assert.ok(v.startsWith('http://127.0.0.1:3000/'), `${k} is built from PUBLIC_URL`);
    }

    // The invite in a path or query string is not accepted anywhere.
    expectError(await api(s.base, 'GET', `/v1/invites/${inv.invite}`), 404, 'not_found');
    expectError(await api(s.base, 'GET', `/v1/invites/${inv.invite}/calendar.ics`), 404, 'not_found');
    expectError(await api(s.base, 'POST', `/v1/invites/lookup?invite=${inv.invite}`, { body: {} }), 400, 'invalid_input');
    const looked = await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } });
    assert.equal(looked.status, 200, looked.text);
    assert.equal(looked.body.title, 'Review');

    // The calendar file: only the room's moderators, with their own token; its link is the invite's.
    const ics = `/v1/rooms/vertrieb/invites/${inv.id}/calendar.ics`;
    expectError(await api(s.base, 'GET', ics), 401, 'unauthorized');
    expectError(await api(s.base, 'GET', ics, { token: portalToken('ben') }), 403, 'not_a_moderator');
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.invite, name: 'Gast' } });
    expectError(await api(s.base, 'GET', ics, { token: guest.body.guestToken }), 403, 'not_a_member');
    const file = await raw(s.base, 'GET', ics, { host: 'evil.example', authorization: `Bearer ${anna}` });
    assert.equal(file.status, 200, file.text);
    const unfolded = file.text.replace(/\r\n[ \t]/g, '');
    assert.ok(unfolded.includes(`URL:${inv.url}`), 'the calendar carries the same guest link');
    assert.doesNotMatch(unfolded, /evil/);

    const all = s.logs.join('\n');
    for (const part of inv.invite.split('.')) assert.ok(!all.includes(part), 'no part of the invite in the access log');
  } finally {
    await s.close();
  }
});
