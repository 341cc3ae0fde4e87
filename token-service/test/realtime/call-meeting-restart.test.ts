// A call turned meeting survives a token-service restart (real processes, SIGKILL): without Redis the
// service rebuilds it from its LiveKit room's metadata at start (who moderates, who belongs to it,
// the colleague who accepted included); with Redis the record is kept. After the restart the members
// get the room's token again (a page change), the caller still moderates, a member of the Vertrieb
// chat room still does not get in, the people in it are busy, and the caller's end still ends it.
// node-tests: alone (token-service processes killed and started on a fixed port).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import { RedisServer, ServiceProcess } from './processes.js';
import { freePort } from '../../../testing/node/free-port.js';
import { fastSettings } from './service.js';
import { startMediaServer, type MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { serviceClient } from './test-client.js';

for (const backend of ['memory', 'redis'] as const) {
  describe(`a call turned meeting: a token-service restart (${backend})`, () => {
    let redis: RedisServer | undefined;
    let media: MediaServer;
    let env: Record<string, string>;
    let svc: ServiceProcess;
    const inRoom: SignalParticipant[] = [];
    const { pages, page, get } = serviceClient(() => svc);

    before(async () => {
      if (backend === 'redis') redis = await RedisServer.start();
      const port = await freePort();
      media = await startMediaServer({ port: 0, webhookUrls: [`http://127.0.0.1:${port}/v1/livekit/webhook`] });
      env = {
        LIVEKIT_URL: media.url, TIMIO_TEST_PORT: String(port),
        TIMIO_REALTIME: JSON.stringify({ ...fastSettings, graceMs: 300, ringTimeoutMs: 30_000, roomRingTimeoutMs: 30_000 }),
        ...(redis ? { REDIS_URL: redis.url } : {}),
      };
      svc = await ServiceProcess.start(env);
    });
    after(async () => {
      for (const p of pages.splice(0)) p.ws.terminate();
      await Promise.all(inRoom.map((p) => p.close().catch(() => undefined)));
      await svc?.stop();
      await media?.close();
      await redis?.stop();
    });

    it('the members get the room again, the caller moderates, outsiders stay out, the end ends it', async () => {
      await page('anna');
      await page('ben');
      const carla = await page('carla');
      const started = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
      const call = started.body.call as CallInfo;
      const accepted = await svc.post(`/v1/calls/${call.id}/accept`, 'ben');
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      inRoom.push(await SignalParticipant.join(media.url, started.body.token, { dataChannels: false }));
      inRoom.push(await SignalParticipant.join(media.url, accepted.body.token, { dataChannels: false }));
      await inRoom[0]!.waitForParticipant('ben');
      const added = await svc.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['carla'] });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      await carla.next('room-ring', (m) => m.ring.room === call.room);
      const carlaToken = await svc.post('/v1/token', 'carla', { room: call.room });
      assert.equal(carlaToken.status, 200, JSON.stringify(carlaToken.body));
      inRoom.push(await SignalParticipant.join(media.url, carlaToken.body.token, { dataChannels: false }));
      await inRoom[0]!.waitForParticipant('carla');

      await svc.kill();
      for (const p of pages.splice(0)) p.ws.terminate();
      svc = await ServiceProcess.start(env);

      // A page change after the restart: everyone in it gets the room again.
      const anna = await svc.post('/v1/token', 'anna', { room: call.room, moderator: true });
      assert.deepEqual([anna.status, anna.body.role, anna.body.canModerate], [200, 'moderator', true], JSON.stringify(anna.body));
      for (const who of ['ben', 'carla']) {
        const res = await svc.post('/v1/token', who, { room: call.room, moderator: true });
        assert.deepEqual([res.status, res.body.role, res.body.canModerate], [200, 'member', false], `${who}: ${JSON.stringify(res.body)}`);
      }
      const felix = await svc.post('/v1/token', 'felix', { room: call.room });
      assert.deepEqual([felix.status, felix.body.error?.code], [403, 'not_a_member']);
      const status = await get(`/v1/rooms/${call.room}`, 'ben');
      assert.deepEqual([status.status, status.body.kind, status.body.room.name], [200, 'meeting', 'Anna Schmidt, Ben Müller']);
      // Busy: a 1:1 call to Carla is refused (she has a page open again).
      await page('carla');
      const busy = await svc.post('/v1/calls', 'emma', { callee: 'carla' });
      assert.deepEqual([busy.status, busy.body.error?.code], [409, 'busy']);
      // The converted call stays converted.
      assert.equal((await svc.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['david'] })).status, backend === 'redis' ? 409 : 404);

      const watcher = await page('felix');
      watcher.send({ type: 'watch', add: ['carla'] });
      await watcher.presence('carla', 'busy');
      assert.equal((await svc.post(`/v1/rooms/${call.room}/end`, 'ben', {})).status, 403);
      const ended = await svc.post(`/v1/rooms/${call.room}/end`, 'anna', {});
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.equal((await svc.post('/v1/token', 'ben', { room: call.room })).status, 404);
      await watcher.presence('carla', 'online');
    });
  });
}
