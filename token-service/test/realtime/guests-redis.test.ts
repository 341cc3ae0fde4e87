// The waiting room across two token-service processes behind one Redis (a real redis-server): the
// guest waits and polls on one process, the moderator's page and decision are on the other; the
// open invites made on one are listed on the other.
// node-tests: alone (two token-service processes through Redis; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestPage } from './pages.js';
import { RedisServer, ServiceProcess } from './processes.js';
import { portalToken } from './service.js';

describe('waiting room across two processes through Redis', () => {
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  const open: TestPage[] = [];

  before(async () => {
    redis = await RedisServer.start();
    // Nothing listens on LiveKit's port here: no moderator is ever in the meeting, so guests wait.
    const env = { REDIS_URL: redis.url, PUBLIC_URL: 'http://127.0.0.1:3000', LIVEKIT_URL: 'ws://127.0.0.1:9' };
    [a, b] = await Promise.all([ServiceProcess.start(env), ServiceProcess.start(env)]);
  });
  after(async () => {
    for (const p of open) p.ws.terminate();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('a guest waiting on one process is admitted by a moderator on the other', async () => {
    const { page: anna } = await TestPage.ready(b.wsUrl, portalToken('anna'));
    open.push(anna);
    const made = await a.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt: new Date().toISOString(), guestName: 'Maria Gast' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const list = await fetch(`${b.url}/v1/rooms/vertrieb/invites`, { headers: { authorization: `Bearer ${portalToken('anna')}` } });
    const invites = ((await list.json()) as { invites: Array<{ id: string; url: string }> }).invites;
    assert.deepEqual(invites.map((i) => [i.id, i.url]), [[made.body.id, made.body.url]], 'listed on the other process');

    const waiting = await a.post('/v1/guest/token', undefined, { invite: made.body.invite, name: 'Maria Gast' });
    assert.equal(waiting.status, 202, JSON.stringify(waiting.body));
    const notice = await anna.next('guest-waiting', (m) => m.guest.identity === waiting.body.identity);
    assert.equal(notice.guest.name, 'Maria Gast');

    const poll = fetch(`${a.url}/v1/guest/admission`, { method: 'POST', headers: { authorization: `Bearer ${waiting.body.guestToken}`, 'content-type': 'application/json' }, body: '{}' });
    const admitted = await b.post(`/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/admit`, 'anna', {});
    assert.equal(admitted.status, 200, JSON.stringify(admitted.body));
    const answer = await (await poll).json() as { state: string; identity: string; token?: string };
    assert.equal(answer.state, 'admitted');
    assert.equal(answer.identity, waiting.body.identity);
    assert.equal(typeof answer.token, 'string');
    // Decided once: a second moderator action on process a finds nobody waiting.
    assert.equal((await a.post(`/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/deny`, 'anna', {})).status, 404);
  });

  it('a guest turned away on one process learns it on the other', async () => {
    const made = await b.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt: new Date().toISOString() });
    const waiting = await b.post('/v1/guest/token', undefined, { invite: made.body.invite, name: 'Olaf Ohne' });
    assert.equal(waiting.status, 202);
    const waitingOnA = await fetch(`${a.url}/v1/rooms/vertrieb/waiting`, { headers: { authorization: `Bearer ${portalToken('anna')}` } });
    const guests = ((await waitingOnA.json()) as { guests: Array<{ identity: string }> }).guests.map((g) => g.identity);
    assert.ok(guests.includes(waiting.body.identity), 'the other process lists the waiting guest');
    assert.equal((await a.post(`/v1/rooms/vertrieb/waiting/${encodeURIComponent(waiting.body.identity)}/deny`, 'anna', {})).status, 200);
    const answer = await fetch(`${b.url}/v1/guest/admission`, { method: 'POST', headers: { authorization: `Bearer ${waiting.body.guestToken}`, 'content-type': 'application/json' }, body: '{}' });
    assert.deepEqual(await answer.json(), { state: 'denied' });
  });
});
