// Issue 13 item 11: per-user limits, answered with 429 rate_limited and the time to wait; with
// REDIS_URL they hold across token-service instances, and invites live in Redis too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestPage } from '../realtime/pages.js';
import { RedisServer } from '../realtime/processes.js';
import { fastSettings, portalToken, startService, type RunningService } from '../realtime/service.js';

// The production defaults, which the other realtime suites switch off.
const LIMITS = { ROOM_RING_INTERVAL_SECONDS: '120', CALL_RETRY_AFTER_DECLINE_SECONDS: '30', CALLS_PER_HOUR: '30', PUBLIC_URL: 'http://127.0.0.1:3000' };

function expectLimited(res: { status: number; body: any }, maxSeconds: number): number {
  assert.equal(res.status, 429, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'rate_limited');
  const wait = res.body.error.retryAfterSeconds as number;
  assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= maxSeconds, `retryAfterSeconds ${wait} within 1..${maxSeconds}`);
  assert.match(res.body.error.message, /try again in \d+ s/);
  return wait;
}

async function fetchRetryAfter(svc: RunningService, path: string, user: string, body: unknown): Promise<string | null> {
  const res = await fetch(svc.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${portalToken(user)}` }, body: JSON.stringify(body) });
  return res.headers.get('retry-after');
}

describe('item 11: per-user limits', () => {
  let svc: RunningService;
  before(async () => { svc = await startService({ ...fastSettings, ringTimeoutMs: 1_500, roomRingTimeoutMs: 60_000 }, { ...LIMITS, CALLS_PER_HOUR: '4', INVITES_PER_HOUR: '2' }); });
  after(async () => { await svc.close(); });

  test('a room is rung once: no second ring while it runs or within two minutes', async () => {
    const { page: ben } = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    const first = await svc.post('/v1/rooms/vertrieb/ring', 'anna', {});
    assert.equal(first.status, 201, JSON.stringify(first.body));
    await ben.next('room-ring');
    const again = await svc.post('/v1/rooms/vertrieb/ring', 'carla', {});
    expectLimited(again, 120);
    assert.equal(again.body.ringId, undefined);
    assert.equal(await fetchRetryAfter(svc, '/v1/rooms/vertrieb/ring', 'anna', {}) !== null, true, 'Retry-After header');
    ben.send({ type: 'ping' });
    await ben.next('pong');
    assert.ok(!ben.received.some((m) => m.type === 'room-ring'), 'nobody was rung a second time');
    ben.ws.close();
  });

  test('after a decline or no answer the caller cannot ring the same callee for 30 s; others still', async () => {
    const { page: ben } = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    const placed = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(placed.status, 201);
    await ben.call('ringing');
    assert.equal((await svc.post(`/v1/calls/${placed.body.call.id}/decline`, 'ben', {})).status, 200);
    const again = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
    expectLimited(again, 30);
    assert.equal(again.body.call, undefined, 'no call record, nothing rang');
    ben.send({ type: 'ping' });
    await ben.next('pong');
    assert.ok(!ben.received.some((m) => m.type === 'call' && m.call.state === 'ringing'), 'ben was not rung again');

    // No answer (the ring times out) counts the same.
    const toDavid = await svc.post('/v1/calls', 'carla', { callee: 'david' });
    assert.equal(toDavid.status, 201);
    const { page: carla } = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    await carla.call('ended', 'no_answer');
    expectLimited(await svc.post('/v1/calls', 'carla', { callee: 'david' }), 30);
    // Ben may still call Anna back, and Anna may call someone else.
    const back = await svc.post('/v1/calls', 'ben', { callee: 'anna' });
    assert.equal(back.status, 201, JSON.stringify(back.body));
    assert.equal((await svc.post(`/v1/calls/${back.body.call.id}/cancel`, 'ben', {})).status, 200);
    ben.ws.close();
    carla.ws.close();
  });

  test('at most CALLS_PER_HOUR calls and INVITES_PER_HOUR invites per person', async () => {
    for (const callee of ['ben', 'carla', 'david', 'emma']) {
      const placed = await svc.post('/v1/calls', 'felix', { callee });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      assert.equal((await svc.post(`/v1/calls/${placed.body.call.id}/cancel`, 'felix', {})).status, 200);
    }
    expectLimited(await svc.post('/v1/calls', 'felix', { callee: 'anna' }), 3600);

    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    assert.equal((await svc.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt })).status, 201);
    // Bad input is refused before the count: it uses up nothing.
    assert.equal((await svc.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt: 'soon' })).status, 400);
    assert.equal((await svc.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt })).status, 201);
    const third = await svc.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt });
    expectLimited(third, 3600);
    assert.equal(third.body.invite, undefined);
  });
});

describe('item 11: limits and invites across instances with REDIS_URL', () => {
  let redis: RedisServer;
  let a: RunningService;
  let b: RunningService;
  before(async () => {
    redis = await RedisServer.start();
    const env = { ...LIMITS, REDIS_URL: redis.url };
    [a, b] = await Promise.all([startService(fastSettings, env), startService(fastSettings, env)]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  test('a ring, a decline and a revocation on one instance hold on the other', async () => {
    assert.equal((await a.post('/v1/rooms/vertrieb/ring', 'anna', {})).status, 201);
    expectLimited(await b.post('/v1/rooms/vertrieb/ring', 'anna', {}), 120);

    const placed = await a.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(placed.status, 201);
    assert.equal((await b.post(`/v1/calls/${placed.body.call.id}/decline`, 'ben', {})).status, 200);
    expectLimited(await b.post('/v1/calls', 'anna', { callee: 'ben' }), 30);

    const made = await a.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal((await b.post('/v1/invites/lookup', undefined, { invite: made.body.invite })).status, 200, 'the other instance knows the invite');
    const revoked = await fetch(`${b.url}/v1/rooms/vertrieb/invites/${made.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${portalToken('anna')}` } });
    assert.equal(revoked.status, 200);
    const lookup = await a.post('/v1/invites/lookup', undefined, { invite: made.body.invite });
    assert.equal(lookup.status, 410, 'revoked everywhere');
    assert.equal(lookup.body.error.code, 'invite_revoked');
  });
});
