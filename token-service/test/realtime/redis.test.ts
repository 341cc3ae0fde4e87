// Two token-service processes behind one Redis (a real redis-server): presence, calls and rings
// cross processes, a reload may land on the other process, and both survive a Redis restart.
// The dev media server sends its webhooks to process a only: room status, conference busy and
// room-ring endings reach pages on process b through Redis.
// node-tests: alone (two token-service processes with 2 s rings and a 4 s process timeout; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import { RedisBus } from '../../src/realtime/redis-bus.js';
import { createLogger } from '../../src/http/logger.js';
import { twoProcessesForTests, type RedisServer, type ServiceProcess } from './processes.js';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { fastSettings } from './service.js';

describe('realtime across two processes through Redis', () => {
  const two = twoProcessesForTests({ ...fastSettings, graceMs: 500, ringTimeoutMs: 2_000, processTimeoutMs: 4_000 });
  const { page } = two;
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let media: MediaServer;
  before(() => void ({ redis, media, a, b } = two.parts));

  it('shares presence: a watcher on one process sees users connect and leave on the other', async () => {
    const anna = await page(a, 'anna');
    anna.send({ type: 'watch', add: ['ben', 'marker-2'] });
    await anna.presence('ben', 'offline');
    const ben = await page(b, 'ben');
    await anna.presence('ben', 'online');
    const marker = await page(b, 'marker-2');
    await anna.presence('marker-2', 'online');

    // A reload that lands on the other process does not flicker ben offline.
    ben.close();
    await ben.closed;
    const benAgain = await page(a, 'ben');
    // The marker leaves the same process after ben did: its offline comes after ben's grace period ended.
    marker.close();
    await anna.presence('marker-2', 'offline');
    assert.ok(!anna.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'ben')), `no flicker expected: ${JSON.stringify(anna.received)}`);

    benAgain.close();
    await anna.presence('ben', 'offline');
    anna.close();
  });

  it('rings pages on both processes, answers on one, and every outcome reaches both sides', async () => {
    const anna = await page(a, 'anna');
    const benOnA = await page(a, 'ben');
    const benOnB = await page(b, 'ben');
    const watcher = await page(b, 'carla');
    watcher.send({ type: 'watch', add: ['anna', 'ben'] });
    await watcher.next('presence');

    // The request may reach either process behind the balancer.
    const started = await b.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const call = started.body.call as CallInfo;
    for (const p of [anna, benOnA, benOnB]) assert.equal((await p.call('ringing')).id, call.id);

    const accepted = await a.post(`/v1/calls/${call.id}/accept`, 'ben', { page: benOnB.id });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal((await benOnA.call('active')).answeredElsewhere, true);
    assert.equal((await benOnB.call('active')).answeredElsewhere, undefined);
    await anna.call('active');
    await watcher.presence('anna', 'busy');
    await watcher.presence('ben', 'busy');

    // Busy is known on the other process too.
    const busy = await a.post('/v1/calls', 'carla', { callee: 'ben' });
    assert.equal(busy.status, 409);
    assert.equal(busy.body.error.code, 'busy');
    assert.equal((await watcher.call('ended', 'busy')).callee.id, 'ben');

    await b.post(`/v1/calls/${call.id}/end`, 'anna');
    for (const p of [anna, benOnA, benOnB]) {
      const ended = await p.call('ended', 'completed');
      assert.equal(ended.id, call.id);
      assert.equal(typeof ended.durationSeconds, 'number');
    }
    await watcher.presence('ben', 'online');

    // No answer: the ring times out on the process that started it; both sides hear it.
    const unanswered = (await a.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await benOnB.call('ringing');
    assert.equal((await benOnB.call('ended', 'no_answer')).id, unanswered.id);
    await anna.call('ended', 'no_answer');

    // Decline on the other process than the one that rang.
    const declined = (await a.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await benOnB.call('ringing');
    assert.equal((await b.post(`/v1/calls/${declined.id}/decline`, 'ben')).status, 200);
    await anna.call('ended', 'declined');

    // Anna (process A) and Ben (process B) call each other: one call, answered.
    const hers = await a.post('/v1/calls', 'anna', { callee: 'ben' });
    await benOnB.call('ringing');
    const his = await b.post('/v1/calls', 'ben', { callee: 'anna' });
    assert.equal(his.status, 201, JSON.stringify(his.body));
    assert.equal(his.body.call.id, hers.body.call.id);
    assert.equal(his.body.call.state, 'active');
    assert.equal((await anna.call('active')).id, hers.body.call.id);
    await a.post(`/v1/calls/${his.body.call.id}/end`, 'anna');
    assert.equal((await benOnB.call('ended', 'completed')).id, hers.body.call.id);

    // A room ring from one process reaches members on both.
    const ring = await a.post('/v1/rooms/vertrieb/ring', 'anna');
    assert.deepEqual([...ring.body.invited].sort(), ['ben', 'carla']);
    for (const p of [benOnA, benOnB, watcher]) assert.equal((await p.next('room-ring')).ring.id, ring.body.ringId);
    for (const p of [anna, benOnA, benOnB, watcher]) p.close();
  });

  it('pushes room status, conference busy and the end of a room ring to pages on the other process', async () => {
    const felix = await page(b, 'felix');
    felix.send({ type: 'watch-rooms', add: ['vertrieb'] });
    assert.equal((await felix.next('room', (m) => m.room.id === 'vertrieb')).room.running, false);
    const carla = await page(b, 'carla');
    carla.send({ type: 'watch', add: ['ben'] });
    const benPage = await page(a, 'ben');
    await carla.presence('ben', 'online');

    // Ben joins with a token from b; LiveKit tells a; felix and carla on b learn it through Redis.
    const token = await b.post('/v1/token', 'ben', { room: 'vertrieb' });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    const ben = await SignalParticipant.join(media.url, token.body.token, { dataChannels: false });
    const running = (await felix.next('room', (m) => m.room.count === 1)).room;
    assert.deepEqual(running.participants.map((p) => p.identity), ['ben']);
    await carla.presence('ben', 'busy');
    // carla calls him through b: the conference membership a learned is seen there, so it is busy.
    const call = await b.post('/v1/calls', 'carla', { callee: 'ben' });
    assert.equal(call.status, 409, JSON.stringify(call.body));
    assert.equal(call.body.error.code, 'busy');
    assert.equal((await benPage.call('ended', 'busy')).caller.id, 'carla');

    // A ring from b: ben (busy, page on a) silent; felix (on b) rings; felix declines on a.
    // The earlier test's ring of this room may still run: the service refuses a second one until it
    // ends (429 with the time to wait), so wait that long and ring again.
    let ring = await b.post('/v1/rooms/vertrieb/ring', 'anna');
    for (let tries = 0; ring.status === 429 && tries < 5; tries++) {
      await new Promise((r) => setTimeout(r, (Number(ring.body.error?.retryAfterSeconds) || 1) * 1000 + 100));
      ring = await b.post('/v1/rooms/vertrieb/ring', 'anna');
    }
    assert.equal(ring.status, 201, JSON.stringify(ring.body));
    assert.equal((await benPage.next('room-ring', (m) => m.ring.id === ring.body.ringId)).ring.silent, true);
    assert.equal((await felix.next('room-ring', (m) => m.ring.id === ring.body.ringId)).ring.silent, undefined);
    assert.deepEqual((await a.post('/v1/rooms/vertrieb/ring/decline', 'felix')).body, { declined: true });
    await felix.next('room-ring-ended', (m) => m.id === ring.body.ringId);

    await ben.leave();
    await felix.next('room', (m) => m.room.count === 0 && !m.room.running);
    await carla.presence('ben', 'online');
    for (const p of [felix, carla, benPage]) p.close();
  });

  it('survives a Redis restart: presence is re-learned and changes flow again', async () => {
    const anna = await page(a, 'anna');
    anna.send({ type: 'watch', add: ['david', 'emma'] });
    await anna.next('presence');
    const david = await page(b, 'david');
    await anna.presence('david', 'online');

    await redis.stop();
    await redis.start(); // empty: everything Redis knew is gone

    // Each process tells the new Redis who is connected to it: a new page on the other process
    // sees david online (retrying while the processes reconnect).
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = await page(a, 'felix');
      probe.send({ type: 'watch', add: ['david'] });
      const status = (await probe.next('presence')).users[0]!.status;
      probe.close();
      if (status === 'online') break;
      assert.ok(Date.now() < deadline, 'david should be online again after the restart');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Changes flow again across processes.
    const emma = await page(b, 'emma');
    await anna.presence('emma', 'online');
    david.close();
    await anna.presence('david', 'offline');
    // And calls work again.
    const started = await b.post('/v1/calls', 'emma', { callee: 'anna' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    await anna.call('ringing');
    await a.post(`/v1/calls/${started.body.call.id}/decline`, 'anna');
    await emma.call('ended', 'declined');
    anna.close();
    emma.close();
  });

  it('a process that shuts down keeps its users online while their pages move to another', async () => {
    const anna = await page(a, 'anna');
    // Users no other test touches, so their first status is known to be offline.
    anna.send({ type: 'watch', add: ['ben-4', 'felix-4', 'marker-3-4'] });
    await anna.next('presence');
    const benOnB = await page(b, 'ben-4');
    await page(b, 'felix-4');
    await anna.presence('ben-4', 'online');
    await anna.presence('felix-4', 'online');
    anna.received.length = 0;

    await b.stop(); // SIGTERM: a rolling deploy
    await benOnB.closed;
    const benOnA = await page(a, 'ben-4'); // ben's page reconnects through the balancer
    // Felix's page never comes back: he goes offline once the stopped process is dropped.
    await anna.presence('felix-4', 'offline');
    // Everything published before now has reached anna once a later change arrives.
    const marker = await page(a, 'marker-3-4');
    await anna.presence('marker-3-4', 'online');
    assert.ok(!anna.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === 'ben-4')), `ben must not flicker: ${JSON.stringify(anna.received)}`);
    for (const p of [anna, benOnA, marker]) p.close();
  });

  it('takes the pages of a process that died without a word as gone', async () => {
    const anna = await page(a, 'anna');
    anna.send({ type: 'watch', add: ['carla-5'] });
    await anna.presence('carla-5', 'offline');
    // Another member of the bus (what a token-service process runs) with a page of carla's ...
    const doomed = new RedisBus(redis.url, { processTimeoutMs: 4_000, logger: createLogger(() => undefined) });
    await doomed.ready();
    await doomed.addPage('carla-5');
    await anna.presence('carla-5', 'online');
    // ... dies: no goodbye, no more heartbeats, its connections simply gone.
    const internals = doomed as unknown as { beat: NodeJS.Timeout; cmd: { disconnect(): void }; sub: { disconnect(): void } };
    clearInterval(internals.beat);
    internals.cmd.disconnect();
    internals.sub.disconnect();
    // The surviving process notices the silence (4 s here).
    await anna.presence('carla-5', 'offline');
    anna.close();
  });
});
