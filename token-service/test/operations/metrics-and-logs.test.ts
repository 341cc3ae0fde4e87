// Issue 13 item 14: GET /metrics in Prometheus format behind METRICS_TOKEN, and structured JSON
// logs (pino) with a request id, still free of tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, portalToken, startService, testEnv, withService } from '../helpers.js';
import { TestPage } from '../realtime/pages.js';

const METRICS_TOKEN = 'scraper-token-0123456789';

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

test('item 14: /metrics is off without METRICS_TOKEN and answers only its holder', async () => {
  const off = await startService();
  try {
    expectError(await api(off.base, 'GET', '/metrics'), 404, 'not_found');
  } finally {
    await off.close();
  }
  await withService({ env: testEnv({ METRICS_TOKEN }) }, async (s) => {
  expectError(await api(s.base, 'GET', '/metrics'), 401, 'unauthorized');
  expectError(await api(s.base, 'GET', '/metrics', { token: 'scraper-token-wrong-0000' }), 401, 'unauthorized');
  expectError(await api(s.base, 'GET', '/metrics', { token: portalToken('anna') }), 401, 'unauthorized');
  const ok = await api(s.base, 'GET', '/metrics', { token: METRICS_TOKEN });
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
  });
});

test('item 14: the metrics follow pages, calls, rings, invites, webhooks and requests', async () => {
  const s = await startService({ env: testEnv({ METRICS_TOKEN }) });
  const wsUrl = `${s.base.replace('http', 'ws')}/v1/realtime`;
  const scrape = async () => (await api(s.base, 'GET', '/metrics', { token: METRICS_TOKEN })).text;
  try {
    const anna = portalToken('anna');
    const { page: annaPage } = await TestPage.ready(wsUrl, anna);
    const { page: ben } = await TestPage.ready(wsUrl, portalToken('ben'));
    let m = await scrape();
    assert.equal(value(m, 'timio_pages_open'), 2);
    assert.equal(value(m, 'timio_users_online'), 2);

    const placed = await api(s.base, 'POST', '/v1/calls', { token: anna, body: { callee: 'ben' } });
    assert.equal(placed.status, 201);
    await ben.call('ringing');
    assert.equal(value(await scrape(), 'timio_calls_ringing'), 1);
    assert.equal((await api(s.base, 'POST', `/v1/calls/${placed.body.call.id}/accept`, { token: portalToken('ben'), body: {} })).status, 200);
    m = await scrape();
    assert.deepEqual([value(m, 'timio_calls_ringing'), value(m, 'timio_calls_active')], [0, 1]);
    assert.equal((await api(s.base, 'POST', `/v1/calls/${placed.body.call.id}/end`, { token: anna, body: {} })).status, 200);

    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/ring', { token: anna, body: {} })).status, 201);
    const inv = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.body.id}`, { token: anna })).status, 200);
    const body = JSON.stringify({ event: 'participant_joined', id: 'EV_metrics', room: { name: 'vertrieb' }, participant: { identity: 'carla' } });
    const at = new AccessToken(LIVEKIT_KEY, LIVEKIT_SECRET);
    at.sha256 = createHash('sha256').update(body).digest('base64');
    assert.equal((await api(s.base, 'POST', '/v1/livekit/webhook', { rawBody: body, headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() } })).status, 200);

    m = await scrape();
    assert.equal(value(m, 'timio_calls_active'), 0);
    assert.equal(value(m, 'timio_call_outcomes_total{outcome="completed"}'), 1);
    assert.equal(value(m, 'timio_room_rings_total'), 1);
    assert.equal(value(m, 'timio_invites_total{action="created"}'), 1);
    assert.equal(value(m, 'timio_invites_total{action="revoked"}'), 1);
    assert.equal(value(m, 'timio_webhook_events_total{event="participant_joined"}'), 1);
    assert.equal(value(m, 'timio_http_request_duration_seconds_count{method="POST",route="/v1/rooms/:room/invites",status="201"}'), 1);
    assert.ok(value(m, 'timio_process_resident_memory_bytes') > 0, 'process metrics too');
    assert.doesNotMatch(m, /eyJ/, 'no token in the metrics');
    annaPage.ws.close();
  } finally {
    await s.close();
  }
});

test('item 14: logs are JSON lines with a request id, and carry no token', async () => {
  await withService({}, async (s) => {
  const anna = portalToken('anna');
  const minted = await api(s.base, 'POST', '/v1/token', { token: anna, body: { room: 'vertrieb' }, headers: { 'x-request-id': 'proxy-abc.123' } });
  assert.equal(minted.headers.get('x-request-id'), 'proxy-abc.123', 'a proxy\'s request id is kept');
  const inv = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() }, headers: { 'x-request-id': 'bad id with spaces' } });
  const freshId = inv.headers.get('x-request-id')!;
  assert.match(freshId, /^[0-9a-f-]{36}$/, 'an unusable one is replaced');
  const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.body.invite, name: 'Gast' } });
  await api(s.base, 'GET', `/v1/invites/${inv.body.invite}`); // an old-style link: 404, path redacted

  const lines = s.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(lines.length >= 4);
  for (const l of lines) {
    assert.equal(typeof l['level'], 'number');
    assert.equal(typeof l['time'], 'string');
    assert.equal(typeof l['msg'], 'string');
  }
  const tokenLine = lines.find((l) => l['reqId'] === 'proxy-abc.123');
  assert.deepEqual([tokenLine?.['method'], tokenLine?.['path'], tokenLine?.['route'], tokenLine?.['status']], ['POST', '/v1/token', '/v1/token', 200]);
  assert.ok(lines.some((l) => l['reqId'] === freshId && l['status'] === 201));
  assert.ok(lines.some((l) => l['path'] === '/v1/invites/[token]' && l['status'] === 404));
  const all = s.logs.join('\n');
  for (const secret of [anna, minted.body.token, inv.body.invite, guest.body.token, guest.body.guestToken]) {
    for (const part of secret.split('.')) assert.ok(!all.includes(part), 'no token part in the logs');
  }
  });
});
