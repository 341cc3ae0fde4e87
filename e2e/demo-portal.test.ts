// The demo portal over real HTTP: sign-in, pages that embed the SDK as a customer would, the portal
// token that the real token service accepts, escaping, the language switch and bad input.
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningDemoPortal } from '../demo-host/src/app.js';
import { buildSdk, startPortalAndService, type PortalAndService } from '../testing/cross-process/stack.js';
import { portalGet, portalSignIn } from './support/portal-http.js';

describe('demo portal', () => {
  let parts: PortalAndService;
  let portal: RunningDemoPortal;
  let tokenServiceUrl: string;

  before(async () => {
    parts = await startPortalAndService({ livekit: 'ws://127.0.0.1:7880', distDir: await buildSdk() });
    ({ portal, tokenServiceUrl } = parts);
  });

  after(() => parts?.close());

  const get = (path: string, cookie = '') => portalGet(portal.url, path, cookie);
  const signIn = (user: string) => portalSignIn(portal.url, user);

  it('sends signed-out visitors to the sign-in page, which lists the demo employees', async () => {
    const res = await get('/');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/login');
    const login = await (await get('/login')).text();
    for (const name of ['Anna Schmidt', 'Ben Müller', 'Carla Rossi', 'David Kim']) assert.ok(login.includes(name), name);
    assert.ok(!login.includes('/sdk/timio.js'), 'no SDK before sign-in');
  });

  it('serves the guest page of invite links without a portal session, in the browser\'s language', async () => {
    const res = await fetch(`${portal.url}/guest`, { headers: { 'accept-language': 'en-US,en;q=0.9' }, redirect: 'manual' });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('<html lang="en">'));
    assert.ok(html.includes('<script type="module" src="/sdk/timio-guest.js"></script>'), 'the guest entry only');
    assert.ok(!html.includes('/sdk/timio.js'), "not the employees' light part");
    assert.ok(html.includes(`<timio-guest-join service-url="${tokenServiceUrl}"></timio-guest-join>`));
    assert.ok(!html.includes('<timio-config'), 'no portal configuration: guests have no portal token');
    const german = await (await fetch(`${portal.url}/guest`, { headers: { 'accept-language': 'de-DE' } })).text();
    assert.ok(german.includes('<html lang="de">') && german.includes('Videokonferenz als Gast'));
  });

  it('signs in: the directory embeds the SDK by script tag and <timio-config>, with a button per colleague', async () => {
    const { res, cookie } = await signIn('anna');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly/i);
    const page = await get('/', cookie);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('<script type="module" src="/sdk/timio.js"></script>'));
    assert.ok(html.includes(`<timio-config token-service-url="${tokenServiceUrl}" portal-token-url="/api/portal-token" locale="de" backgrounds="/assets/backgrounds/office.svg">`));
    // Picture and name inside <timio-contact> (a click on either opens the contact menu), the button beside.
    assert.ok(html.includes('<timio-contact contact="ben"><span class="avatar" aria-hidden="true">BM</span><span class="name">Ben Müller</span></timio-contact><timio-call-button contact="ben" name="Ben Müller">'));
    assert.ok(!html.includes('timio-call-button contact="anna"'), 'no button to call yourself');
    const csp = page.headers.get('content-security-policy') ?? '';
    // The one addition for camera backgrounds (docs/backgrounds.md), no 'unsafe-eval'.
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.ok(!/'unsafe-eval'/.test(csp), csp);
    assert.ok(csp.includes(`connect-src 'self' ${tokenServiceUrl}`), csp);
  });

  it('lets the next page run the SDK without asking again: hashed chunks for good, the entry and the portal\'s files 5 minutes, then checked in the background', async () => {
    const entry = await fetch(`${portal.url}/sdk/timio.js`);
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=604800');
    const chunk = /from"\.\/(chunks\/[^"]+\.js)"/.exec(await entry.text())?.[1];
    assert.ok(chunk, 'timio.js names its light chunk');
    const light = await fetch(`${portal.url}/sdk/${chunk}`);
    assert.equal(light.status, 200);
    assert.equal(light.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const path of ['/sdk/timio-history.js', '/sdk/timio-guest.js', '/assets/portal.css', '/assets/contact-actions.js']) {
      const res = await fetch(`${portal.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=604800', path);
    }
  });

  it('issues a portal token that the real token service accepts, for the signed-in user only', async () => {
    const { cookie } = await signIn('anna');
    const res = await get('/api/portal-token', cookie);
    assert.equal(res.status, 200);
    const { token, user } = (await res.json()) as { token: string; user: { id: string } };
    assert.equal(user.id, 'anna');
    const call = (room: string) => fetch(`${tokenServiceUrl}/v1/token`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ room }),
    });
    const ok = await call('vertrieb');
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { identity: string }).identity, 'anna');
    const refused = await call('entwicklung');
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'not_a_member');
  });

  it('refuses a portal token without a valid session: none, tampered, unknown user', async () => {
    const none = await get('/api/portal-token');
    assert.equal(none.status, 401);
    assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthorized');
    const { cookie } = await signIn('anna');
    // The cookie is a random session id (demo-host/src/sessions.ts): one changed character is another, unknown id.
    const forged = cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'A' ? 'B' : 'A'}`);
    assert.notEqual(forged, cookie);
    assert.equal((await get('/api/portal-token', forged)).status, 401);
    assert.equal((await get('/', forged)).status, 303);
    const unknown = await signIn('mallory');
    assert.equal(unknown.res.status, 400);
    assert.equal(unknown.cookie, '');
  });

  it('chat pages show contacts in context, messages as text, and only rooms the user is in', async () => {
    const { cookie } = await signIn('ben');
    const html = await (await get('/chat/entwicklung', cookie)).text();
    assert.ok(html.includes('<timio-contact contact="david"><span class="avatar" aria-hidden="true">DK</span><span class="name">David Kim</span></timio-contact>'));
    assert.ok(html.includes('&lt;script&gt; bleibt Text'), 'message text escaped');
    assert.ok(!html.includes('<script> bleibt'), 'no markup from message text');
    const anna = await signIn('anna');
    assert.equal((await get('/chat/entwicklung', anna.cookie)).status, 404);
    assert.equal((await get('/chat/%3Cx%3E', anna.cookie)).status, 404);
  });

  it('switches the language and never redirects off the site', async () => {
    const res = await get('/lang/en?back=/journal');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/journal');
    const lang = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { cookie } = await signIn('anna');
    const page = await (await get('/journal', `${cookie}; ${lang}`)).text();
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes('Call journal'));
    assert.equal((await get('/lang/en?back=//evil.example/x')).headers.get('location'), '/');
    assert.equal((await get('/lang/en?back=https://evil.example')).headers.get('location'), '/');
  });
});
