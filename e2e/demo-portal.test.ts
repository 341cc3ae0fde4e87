// The demo portal over real HTTP: sign-in, pages that embed the SDK as a customer would, the portal
// token that the real token service accepts, escaping, the language switch and bad input.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenService, type TokenService } from '../token-service/src/app.js';
import { loadConfig } from '../token-service/src/config.js';
import { startDemoPortal, type RunningDemoPortal } from '../demo-host/src/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'timio-demo-portal-secret-change-me';

describe('demo portal', () => {
  let portal: RunningDemoPortal;
  let service: TokenService;
  let server: Server;
  let tokenServiceUrl: string;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'timio-demo-test-'));
    server = createServer((req, res) => service.app(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenServiceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    portal = await startDemoPortal({ port: 0, portalJwtSecret: SECRET, tokenServiceUrl, livekitUrl: 'ws://127.0.0.1:7880', distDir: dataDir });
    const config = loadConfig({
      LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret',
      PORTAL_JWT_SECRET: SECRET, PORTAL_JWT_ISSUER: 'timio-demo-portal', PORTAL_JWT_AUDIENCE: 'timio-token-service',
      DIRECTORY_FILE: join(root, 'demo-host', 'directory.json'), ALLOWED_ORIGINS: portal.url, DATA_DIR: dataDir,
    }, { requirePortalAuth: true });
    service = createTokenService({ config, log: () => undefined });
  });

  after(async () => {
    await portal?.close();
    await service?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, cookie = '') => fetch(`${portal.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  const signIn = async (user: string) => {
    const res = await fetch(`${portal.url}/login`, {
      method: 'POST', body: new URLSearchParams({ user }), redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
  };

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
    assert.ok(html.includes('<script type="module" src="/sdk/timio.js"></script>'));
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
    assert.ok(html.includes(`<timio-config token-service-url="${tokenServiceUrl}" portal-token-url="/api/portal-token" locale="de">`));
    assert.ok(html.includes('<timio-contact contact="ben">Ben Müller</timio-contact><timio-call-button contact="ben" name="Ben Müller">'));
    assert.ok(!html.includes('timio-call-button contact="anna"'), 'no button to call yourself');
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.ok(csp.includes(`connect-src 'self' ${tokenServiceUrl}`), csp);
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
    const forged = cookie.replace('=anna.', '=ben.');
    assert.equal((await get('/api/portal-token', forged)).status, 401);
    assert.equal((await get('/', forged)).status, 303);
    const unknown = await signIn('mallory');
    assert.equal(unknown.res.status, 400);
    assert.equal(unknown.cookie, '');
  });

  it('chat pages show contacts in context, messages as text, and only rooms the user is in', async () => {
    const { cookie } = await signIn('ben');
    const html = await (await get('/chat/entwicklung', cookie)).text();
    assert.ok(html.includes('<timio-contact contact="david">David Kim</timio-contact>'));
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
