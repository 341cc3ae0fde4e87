// A token-service restart during calls, with real processes: the service is killed (SIGKILL, its
// memory gone) and started again on the same port while one call runs (both parties in the
// LiveKit room of the dev media server) and another rings. Without Redis the service rebuilds the
// running call from its room (metadata and participants): both parties' pages get it on `ready`,
// a third person sees both busy, hanging up ends it for both once; the ringing call ends `failed`
// (reason `service_restarted`) for both sides and the lines are free again. With Redis the state
// survives; the restarted process takes up the lost timers (the ring timeout, the rejoin grace).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import { TestPage } from './pages.js';
import { RedisServer, ServiceProcess } from './processes.js';
import { freePort } from '../../../testing/node/free-port.js';
import { fastSettings, portalToken } from './service.js';
import { startMediaServer, type MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { serviceClient } from './test-client.js';

const RING_MS = 30_000;

/** Waits until the page has been told that both users have this status (in one message or two). */
async function both(page: TestPage, a: string, b: string, status: string): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < 2) {
    const m = await page.next('presence', (p) => p.users.some((u) => (u.id === a || u.id === b) && u.status === status));
    for (const u of m.users) if ((u.id === a || u.id === b) && u.status === status) seen.add(u.id);
  }
}
const GRACE_MS = 3_000;

for (const backend of ['memory', 'redis'] as const) {
  describe(`calls: a token-service restart (${backend})`, () => {
    let redis: RedisServer | undefined;
    let media: MediaServer;
    let port: number;
    let env: Record<string, string>;
    let svc: ServiceProcess;
    const inRoom: SignalParticipant[] = [];
    const { pages, page } = serviceClient(() => svc);
    const get = async (user: string, path: string) => {
      const res = await fetch(`${svc.url}/v1/calls/${path}`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
      return { status: res.status, body: (await res.json()) as { call: CallInfo | null } };
    };
    const restart = async () => {
      await svc.kill();
      for (const p of pages.splice(0)) p.ws.terminate();
      svc = await ServiceProcess.start(env);
    };

    before(async () => {
      if (backend === 'redis') redis = await RedisServer.start();
      port = await freePort();
      media = await startMediaServer({ port: 0, webhookUrls: [`http://127.0.0.1:${port}/v1/livekit/webhook`] });
      env = {
        LIVEKIT_URL: media.url, TIMIO_TEST_PORT: String(port),
        TIMIO_REALTIME: JSON.stringify({ ...fastSettings, graceMs: 300, ringTimeoutMs: RING_MS, callRejoinGraceMs: GRACE_MS }),
        ...(redis ? { REDIS_URL: redis.url } : {}),
      };
      svc = await ServiceProcess.start(env);
    });
    afterEach(async () => {
      for (const p of inRoom.splice(0)) await p.close().catch(() => undefined);
      for (const p of pages.splice(0)) p.ws.terminate();
    });
    after(async () => {
      await svc?.stop();
      await media?.close();
      await redis?.stop();
    });

    it('a running call goes on: both pages get it back, a third person sees both busy, hanging up ends it for both once', async () => {
      const [anna, ben] = [await page('anna'), await page('ben')];
      const started = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
      const call = started.body.call as CallInfo;
      const accepted = await svc.post(`/v1/calls/${call.id}/accept`, 'ben');
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      await anna!.call('active');
      await ben!.call('active');
      inRoom.push(await SignalParticipant.join(media.url, started.body.token, { dataChannels: false }));
      inRoom.push(await SignalParticipant.join(media.url, accepted.body.token, { dataChannels: false }));
      await inRoom[0]!.waitForParticipant('ben');

      await restart();

      // Their pages reconnect: `ready` brings the call back to each.
      const [anna2, ben2] = [await page('anna'), await page('ben')];
      for (const p of [anna2!, ben2!]) {
        const back = await p.call('active');
        assert.equal(back.id, call.id);
        assert.equal(back.answeredAt, call.answeredAt ?? accepted.body.call.answeredAt);
      }
      assert.equal((await get('anna', 'current')).body.call?.id, call.id);
      // Carla watches both: busy.
      const carla = await page('carla');
      carla.send({ type: 'watch', add: ['anna', 'ben'] });
      await both(carla, 'anna', 'ben', 'busy');
      // Nobody calls a busy person; a call to them is refused as busy.
      assert.equal((await svc.post('/v1/calls', 'carla', { callee: 'ben' })).body.error.code, 'busy');
      // Longer than the rejoin grace: both are in the room, so it runs on.
      await new Promise((r) => setTimeout(r, GRACE_MS + 1_000));
      assert.equal((await get('ben', call.id)).body.call?.state, 'active');

      const ended = await svc.post(`/v1/calls/${call.id}/end`, 'ben');
      assert.equal(ended.body.call.outcome, 'completed');
      for (const p of [anna2!, ben2!]) assert.equal((await p.call('ended', 'completed')).id, call.id);
      await both(carla, 'anna', 'ben', 'online');
      // One end only: no second ended event follows (e.g. from a rejoin check).
      await new Promise((r) => setTimeout(r, GRACE_MS + 1_000));
      for (const p of [anna2!, ben2!]) assert.equal(p.received.filter((m) => m.type === 'call' && m.call.id === call.id && m.call.state === 'ended').length, 0);
    });

    it(backend === 'memory'
      ? 'a ringing call ends failed (service_restarted) for both; the lines are free again'
      : 'a ringing call rings on (Redis kept it) and can be answered', async () => {
      const [david] = [await page('david'), await page('emma')];
      const started = await svc.post('/v1/calls', 'emma', { callee: 'david' });
      const call = started.body.call as CallInfo;
      await david!.call('ringing');

      await restart();

      const [emma2, david2] = [await page('emma'), await page('david')];
      if (backend === 'memory') {
        // What each page asks on `ready` when it had a call the service does not run any more.
        for (const user of ['emma', 'david']) {
          assert.equal((await get(user, 'current')).body.call, null);
          const known = (await get(user, call.id)).body.call!;
          assert.equal(known.state, 'ended');
          assert.equal(known.outcome, 'failed');
          assert.equal(known.reason, 'service_restarted');
        }
        const watcher = await page('felix');
        watcher.send({ type: 'watch', add: ['emma', 'david'] });
        await both(watcher, 'emma', 'david', 'online');
        // The lines are free: Emma calls again and David is rung.
        const again = await svc.post('/v1/calls', 'emma', { callee: 'david' });
        assert.equal(again.status, 201, JSON.stringify(again.body));
        await david2!.call('ringing');
        await svc.post(`/v1/calls/${again.body.call.id}/cancel`, 'emma');
        await emma2!.call('ended', 'cancelled');
      } else {
        assert.equal((await david2!.call('ringing')).id, call.id, 'the ring comes back with `ready`');
        const accepted = await svc.post(`/v1/calls/${call.id}/accept`, 'david');
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        await emma2!.call('active');
        await svc.post(`/v1/calls/${call.id}/end`, 'emma');
        await david2!.call('ended', 'completed');
      }
    });
  });
}
