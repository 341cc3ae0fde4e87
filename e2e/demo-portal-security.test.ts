// Issue 23 item 2, the demo portal's side: sign-in only from its own pages (Origin), sessions that
// expire and end on sign-out, cookies that cannot be made up, created rooms answered only once on
// disk, and no start with NODE_ENV=production (the portal alone and `npm start`). Plain HTTP to a
// real portal on port 0; no browser, no SDK build.
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoPortal, startDemoPortal, type RunningDemoPortal } from '../demo-host/src/app.js';
import { portalGet, portalSignIn } from './support/portal-http.js';
import { DEMO_PORTAL_SECRET } from '../testing/node/demo-fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECRET = DEMO_PORTAL_SECRET;
const HOUR_MS = 3600_000;

describe('demo portal: sign-in and sessions', () => {
  let portal: RunningDemoPortal;
  let clock = 1_000_000; // the sessions' clock, moved by the tests
  const dir = mkdtempSync(join(tmpdir(), 'timio-demo-sec-'));

  before(async () => {
    portal = await startDemoPortal({
      portalJwtSecret: SECRET, tokenServiceUrl: 'http://127.0.0.1:9', distDir: dir,
      sessionTtlSeconds: 3600, now: () => clock,
    });
  });
  after(async () => {
    await portal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (headers: Record<string, string>) => fetch(`${portal.url}/login`, {
    method: 'POST', body: new URLSearchParams({ user: 'anna' }), redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  const tokenStatus = async (cookie: string) => (await portalGet(portal.url, '/api/portal-token', cookie)).status;

  it('refuses a sign-in posted from another site (403, no cookie); its own pages sign in', async () => {
    const foreign: Array<Record<string, string>> = [{ origin: 'http://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: portal.url, 'sec-fetch-site': 'same-site' }];
    for (const headers of foreign) {
      const res = await login(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
      assert.equal(res.headers.get('set-cookie'), null, 'no session');
    }
    const own = await login({ origin: portal.url, 'sec-fetch-site': 'same-origin' });
    assert.equal(own.status, 303);
    assert.match(own.headers.get('set-cookie') ?? '', /timio_demo_session=.*Max-Age=3600.*HttpOnly/i);
  });

  it('signing out ends the session: the same cookie gets no portal token and no page afterwards', async () => {
    const { cookie } = await portalSignIn(portal.url, 'anna');
    assert.equal(await tokenStatus(cookie), 200);
    const out = await fetch(`${portal.url}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    assert.equal(out.status, 303);
    assert.equal(await tokenStatus(cookie), 401, 'a copy of the cookie kept after sign-out is dead');
    assert.equal((await portalGet(portal.url, '/', cookie)).status, 303);
    // A sign-out posted from another site does nothing.
    const other = await portalSignIn(portal.url, 'ben');
    const forged = await fetch(`${portal.url}/logout`, { method: 'POST', headers: { cookie: other.cookie, origin: 'http://evil.example' }, redirect: 'manual' });
    assert.equal(forged.status, 403);
    assert.equal(await tokenStatus(other.cookie), 200);
  });

  it('a session expires after its lifetime', async () => {
    const { cookie } = await portalSignIn(portal.url, 'carla');
    clock += HOUR_MS - 1_000;
    assert.equal(await tokenStatus(cookie), 200);
    clock += 2_000;
    assert.equal(await tokenStatus(cookie), 401);
    assert.equal((await portalGet(portal.url, '/journal', cookie)).status, 303);
  });

  it('refuses cookies it did not hand out: one signed with the public demo secret, a made-up id', async () => {
    // What the earlier cookie was: the user id and an HMAC from a key derived from the public secret.
    const key = createHmac('sha256', SECRET).update('demo-session-cookie').digest();
    const signed = `timio_demo_session=anna.${createHmac('sha256', key).update('anna').digest('base64url')}`;
    assert.equal(await tokenStatus(signed), 401);
    assert.equal(await tokenStatus(`timio_demo_session=${'A'.repeat(43)}`), 401);
    const { cookie } = await portalSignIn(portal.url, 'anna');
    assert.equal(await tokenStatus(`${cookie.slice(0, -2)}xx`), 401, 'one changed character');
  });
});

describe('demo portal: created rooms are kept only once on disk', () => {
  it('answers 503 and keeps no room it could not save; a saved room is there after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timio-demo-rooms-'));
    try {
      const blocked = join(dir, 'gone');
      mkdirSync(blocked);
      const create = async (p: RunningDemoPortal, name: string) => {
        const { cookie } = await portalSignIn(p.url, 'anna');
        const res = await fetch(`${p.url}/chat/rooms`, {
          method: 'POST', body: new URLSearchParams({ name, members: 'ben' }), redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        });
        return { res, cookie };
      };
      let p = await startDemoPortal({ portalJwtSecret: SECRET, tokenServiceUrl: 'http://127.0.0.1:9', distDir: dir, roomsFile: join(blocked, 'rooms.json') });
      // The rooms file's folder turns into a file: nothing can be written there, even by root.
      rmSync(blocked, { recursive: true });
      writeFileSync(blocked, 'x');
      const failed = await create(p, 'Nicht gespeichert');
      assert.equal(failed.res.status, 503);
      assert.ok(!(await (await portalGet(p.url, '/chat', failed.cookie)).text()).includes('Nicht gespeichert'), 'not listed');
      assert.equal((await portalGet(p.url, '/chat/nicht-gespeichert', failed.cookie)).status, 404);
      await p.close();

      const file = join(dir, 'rooms.json');
      p = await startDemoPortal({ portalJwtSecret: SECRET, tokenServiceUrl: 'http://127.0.0.1:9', distDir: dir, roomsFile: file });
      assert.equal((await create(p, 'Gespeichert')).res.status, 303);
      await p.close();
      assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>).map((r) => r.id), ['gespeichert']);
      p = await startDemoPortal({ portalJwtSecret: SECRET, tokenServiceUrl: 'http://127.0.0.1:9', distDir: dir, roomsFile: file });
      const { cookie } = await portalSignIn(p.url, 'ben');
      assert.equal((await portalGet(p.url, '/chat/gespeichert', cookie)).status, 200);
      await p.close();

      writeFileSync(file, '[{"id":"x","na');
      assert.throws(() => createDemoPortal({ portalJwtSecret: SECRET, tokenServiceUrl: 'http://127.0.0.1:9', roomsFile: file }), /rooms\.json is corrupt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('no demo in production', () => {
  /** Runs a script as `npm start` / `npm run demo` would; resolves with its exit code and stderr. */
  const run = (script: string) => new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, script)], {
      cwd: root, env: { PATH: process.env['PATH'], NODE_ENV: 'production', PORTAL_JWT_SECRET: 'x'.repeat(40), DEMO_PORT: '0', TOKEN_SERVICE_PORT: '0', MEDIA_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    // One that starts instead of refusing is stopped (SIGTERM stops npm start's children too).
    const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });

  it('the demo portal (npm run demo) exits 1 saying why', async () => {
    const { code, err } = await run('demo-host/src/server.ts');
    assert.equal(code, 1);
    assert.match(err, /^demo portal: refuses to start with NODE_ENV=production/m);
  });

  it('npm start exits 1 saying why, before it builds or starts anything', async () => {
    const { code, err } = await run('scripts/start.ts');
    assert.equal(code, 1);
    assert.match(err, /^npm start: refuses to start with NODE_ENV=production/m);
  });
});
