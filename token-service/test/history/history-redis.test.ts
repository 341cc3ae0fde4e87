// Issue 24 finding 14 with Redis (a real redis-server): two token-service processes share the call
// history, a process that crashes and comes back reads it unchanged, and the retention prunes by the
// service's clock there too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryEntry, HistoryPage } from '#protocol/history.js';
import { RedisServer, ServiceProcess } from '../realtime/processes.js';
import { portalToken } from '../realtime/service.js';
import { api, startService, testEnv } from '../helpers.js';
import { NO_USER_LIMITS } from '../../../testing/node/test-settings.js';

const DAY = 24 * 60 * 60 * 1000;
const brief = (e: HistoryEntry) => `${e.kind}/${e.direction}/${e.outcome}/${e.with?.id ?? '-'}`;

async function historyAt(url: string, user: string): Promise<HistoryPage> {
  const res = await fetch(`${url}/v1/history`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as HistoryPage;
}

describe('the call history in Redis, across processes', () => {
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;

  before(async () => {
    redis = await RedisServer.start();
    const env = { REDIS_URL: redis.url, TIMIO_REALTIME: '{}' };
    [a, b] = await Promise.all([ServiceProcess.start(env), ServiceProcess.start(env)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('a call placed on one process and declined on the other is in both histories on both processes, and survives a crash', async () => {
    const started = await a.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id = started.body.call.id as string;
    assert.equal((await b.post(`/v1/calls/${id}/decline`, 'ben', {})).status, 200);

    for (const node of [a, b]) {
      assert.deepEqual((await historyAt(node.url, 'anna')).entries.map(brief), ['call/outgoing/declined/ben']);
      assert.deepEqual((await historyAt(node.url, 'ben')).entries.map(brief), ['call/incoming/declined/anna']);
      assert.deepEqual((await historyAt(node.url, 'carla')).entries, [], 'nobody else sees it');
    }
    const before = await historyAt(b.url, 'anna');

    await a.kill();
    a = await ServiceProcess.start({ REDIS_URL: redis.url, TIMIO_REALTIME: '{}' });
    assert.deepEqual(await historyAt(a.url, 'anna'), before, 'the same history after the crash');
  });

  it('prunes entries past HISTORY_RETENTION_DAYS by the service\'s clock', async () => {
    let clock = Date.now();
    const s = await startService({ env: testEnv({ ...NO_USER_LIMITS, REDIS_URL: redis.url, HISTORY_RETENTION_DAYS: '7' }), options: { now: () => clock } });
    try {
      const token = portalToken('carla');
      const started = await api(s.base, 'POST', '/v1/calls', { token, body: { callee: 'anna' } });
      assert.equal(started.status, 201, started.text);
      assert.equal((await api(s.base, 'POST', `/v1/calls/${started.body.call.id}/cancel`, { token, body: {} })).status, 200);
      const mine = async () => ((await api(s.base, 'GET', '/v1/history', { token })).body as HistoryPage).entries.map(brief);
      assert.deepEqual(await mine(), ['call/outgoing/cancelled/anna']);
      clock += 6 * DAY;
      assert.deepEqual(await mine(), ['call/outgoing/cancelled/anna']);
      clock += 2 * DAY;
      assert.deepEqual(await mine(), []);
    } finally {
      await s.close();
    }
  });
});
