// Presence over a real WebSocket: authentication, watching contacts, several pages, reloads,
// the grace period, token refresh and expiry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestPage } from './pages.js';
import { directoryData, portalToken, startService, testEnv, type RunningService } from './service.js';

describe('realtime presence', () => {
  let svc: RunningService;
  before(async () => { svc = await startService(); });
  after(async () => { await svc.close(); });

  it('sends nothing before the first auth frame is verified, then ready with the user', async () => {
    const page = new TestPage(svc.wsUrl);
    await page.opened;
    page.send({ type: 'ping' });
    const closed = await page.closedWithin();
    assert.equal(closed.code, 4001);
    assert.deepEqual(page.received, [], 'no frame may reach an unauthenticated page');

    const { page: ok, ready } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    assert.equal(ready.user.id, 'anna');
    assert.equal(ready.user.name, 'Anna Schmidt');
    assert.ok(ready.page.length > 0);
    ok.send({ type: 'ping' });
    await ok.next('pong');
    ok.close();
  });

  it('closes with 4001 for a bad token and 4002 when no auth arrives in time', async () => {
    const bad = new TestPage(svc.wsUrl);
    await bad.opened;
    bad.send({ type: 'auth', token: portalToken('anna') + 'x' });
    assert.equal((await bad.closedWithin()).code, 4001);
    assert.deepEqual(bad.received, []);

    const expired = new TestPage(svc.wsUrl);
    await expired.opened;
    expired.send({ type: 'auth', token: portalToken('anna', { expiresInSeconds: -60 }) });
    assert.equal((await expired.closedWithin()).code, 4001);

    const silent = new TestPage(svc.wsUrl);
    await silent.opened;
    const closed = await silent.closedWithin();
    assert.equal(closed.code, 4002);
    assert.deepEqual(silent.received, []);
  });

  it('tells a page the presence of the contacts it watches, now and on every change, and nothing else', async () => {
    const { page: watcher } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    watcher.send({ type: 'watch', add: ['ben', 'nobody-known'] });
    const initial = await watcher.next('presence');
    assert.deepEqual(initial.users.sort((a, b) => a.id.localeCompare(b.id)), [
      { id: 'ben', status: 'offline' }, { id: 'nobody-known', status: 'offline' },
    ]);

    // Someone anna does not watch comes online first: she must not hear of it.
    const { page: carla } = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    const { page: ben } = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    await watcher.presence('ben', 'online');
    assert.ok(!watcher.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'carla')), 'carla is not watched');

    ben.close();
    await watcher.presence('ben', 'offline');

    watcher.send({ type: 'watch', remove: ['ben'] });
    watcher.send({ type: 'ping' });
    await watcher.next('pong');
    const { page: ben2 } = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    watcher.send({ type: 'ping' });
    await watcher.next('pong');
    // Presence of an unwatched user goes nowhere, even after a round trip.
    const carla2 = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    watcher.send({ type: 'watch', add: ['carla'] });
    await watcher.presence('carla', 'online');
    assert.ok(!watcher.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'ben')), 'ben was unwatched');
    for (const p of [watcher, carla, ben2, carla2.page]) p.close();
  });

  it('keeps a user online while any page is open and across a reload, offline after the grace period', async () => {
    const { page: watcher } = await TestPage.ready(svc.wsUrl, portalToken('emma'));
    watcher.send({ type: 'watch', add: ['david', 'marker-1'] });
    await watcher.presence('david', 'offline');

    const { page: first } = await TestPage.ready(svc.wsUrl, portalToken('david'));
    await watcher.presence('david', 'online');
    const { page: second } = await TestPage.ready(svc.wsUrl, portalToken('david'));
    const { page: marker } = await TestPage.ready(svc.wsUrl, portalToken('marker-1'));
    await watcher.presence('marker-1', 'online');

    first.close();
    await first.closed;
    // A reload: the last page goes and a new one comes within the grace period.
    second.close();
    await second.closed;
    const { page: reloaded } = await TestPage.ready(svc.wsUrl, portalToken('david'));
    // The marker user leaves after david's last page did: their offline comes after the end of
    // david's grace period, so a flicker of david would have arrived before it.
    marker.close();
    await watcher.presence('marker-1', 'offline');
    assert.ok(!watcher.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'david')), `no presence change of david expected, got ${JSON.stringify(watcher.received)}`);

    const closedAt = Date.now();
    reloaded.close();
    await watcher.presence('david', 'offline');
    assert.ok(Date.now() - closedAt >= 450, 'offline only after the grace period');
    watcher.close();
  });

  it('accepts a refreshed token without reconnecting, rejects one for another user, and closes at expiry', async () => {
    const { page } = await TestPage.ready(svc.wsUrl, portalToken('felix', { expiresInSeconds: 2 }));
    page.send({ type: 'auth', token: portalToken('felix', { expiresInSeconds: 600 }) });
    page.send({ type: 'ping' });
    await page.next('pong');
    // Past the first token's expiry the page is still open: the refresh counted.
    await new Promise((r) => setTimeout(r, 2_300));
    page.send({ type: 'ping' });
    await page.next('pong');
    assert.ok(!page.received.some((m) => m.type === 'ready'), 'a refresh sends no second ready');

    page.send({ type: 'auth', token: portalToken('ben') });
    assert.equal((await page.closedWithin()).code, 4001);

    const { page: expiring } = await TestPage.ready(svc.wsUrl, portalToken('felix', { expiresInSeconds: 1 }));
    const closed = await expiring.closedWithin();
    assert.equal(closed.code, 4001);
    assert.equal((await expiring.next('error')).error.code, 'token_expired');
  });
});

describe('realtime endpoint admission', () => {
  it('refuses a WebSocket from an origin outside ALLOWED_ORIGINS', async () => {
    const svc = await startService(undefined, { ALLOWED_ORIGINS: 'http://127.0.0.1:3000' });
    try {
      const foreign = new TestPage(svc.wsUrl, { origin: 'http://evil.example' });
      await assert.rejects(foreign.opened, /403/);
      const { ready } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
      assert.equal(ready.user.id, 'anna', 'no Origin (not a browser) is let in to authenticate');
      const portal = new TestPage(svc.wsUrl, { origin: 'http://127.0.0.1:3000' });
      await portal.opened;
      portal.send({ type: 'auth', token: portalToken('ben') });
      assert.equal((await portal.next('ready')).user.id, 'ben');
      portal.close();
    } finally {
      await svc.close();
    }
  });

  it('asks the host authenticate hook when the service is embedded without portal JWTs', async () => {
    const { createTokenService } = await import('../../src/app.js');
    const { loadConfig } = await import('../../src/config.js');
    const { createStaticDirectory } = await import('../../src/directory/directory.js');
    const { createServer } = await import('node:http');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { PORTAL_JWT_SECRET: _s, PORTAL_JWT_ISSUER: _i, PORTAL_JWT_AUDIENCE: _a, ...env } = testEnv;
    const service = createTokenService({
      config: loadConfig({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'timio-emb-')) }),
      directory: createStaticDirectory(directoryData),
      log: () => undefined,
      // The host's own session: a cookie on the upgrade request, or the token as bearer.
      authenticate: async (req) => {
        if (String(req.headers.cookie ?? '').includes('session=s-anna')) return { kind: 'employee', id: 'anna', name: 'Anna Schmidt' };
        if (req.headers.authorization === 'Bearer host-ben') return { kind: 'employee', id: 'ben', name: 'Ben Müller' };
        throw Object.assign(new Error('no session'), { status: 401, code: 'unauthorized' });
      },
    });
    const server = createServer(service.app);
    service.attach(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const wsUrl = `ws://127.0.0.1:${(server.address() as { port: number }).port}/v1/realtime`;
    try {
      const cookiePage = new TestPage(wsUrl, { cookie: 'session=s-anna' });
      await cookiePage.opened;
      cookiePage.send({ type: 'auth', token: 'session' });
      assert.equal((await cookiePage.next('ready')).user.id, 'anna');
      const { ready } = await TestPage.ready(wsUrl, 'host-ben');
      assert.equal(ready.user.id, 'ben');
      const stranger = new TestPage(wsUrl);
      await stranger.opened;
      stranger.send({ type: 'auth', token: 'nobody' });
      assert.equal((await stranger.closedWithin()).code, 4001);
      cookiePage.close();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      await service.close();
    }
  });
});

describe('realtime settings from the environment', () => {
  it('reads the ring timeouts and the grace period in seconds, and refuses nonsense', async () => {
    const { loadConfig, ConfigError } = await import('../../src/config.js');
    const c = loadConfig({ ...testEnv, CALL_RING_TIMEOUT_SECONDS: '45', ROOM_RING_TIMEOUT_SECONDS: '90', PRESENCE_GRACE_SECONDS: '0' });
    assert.deepEqual(c.realtime, { ringTimeoutMs: 45_000, roomRingTimeoutMs: 90_000, graceMs: 0 });
    assert.deepEqual(loadConfig(testEnv).realtime, {});
    for (const bad of ['-1', '2', '1e3', 'soon', '301']) {
      assert.throws(() => loadConfig({ ...testEnv, CALL_RING_TIMEOUT_SECONDS: bad }), (e: unknown) => e instanceof ConfigError && /CALL_RING_TIMEOUT_SECONDS/.test((e as Error).message));
    }
  });
});
