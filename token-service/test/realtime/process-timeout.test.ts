// Issue 23 item 5: with Redis, the users of a process that died are offline on the others within
// REDIS_PROCESS_TIMEOUT_SECONDS (default 10 s, used here as it ships); a process paused for a few
// seconds is not taken as dead, and one paused longer comes back with its pages re-announced.
// Real processes: a redis-server and two token-service processes; anna watches from process a.
// node-tests: alone (two token-service processes, SIGSTOP and SIGKILL of one, one on a clock 20 s behind; timings over ~35 s).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { defaultRealtimeSettings } from '../../src/realtime/settings.js';
import { TestPage } from './pages.js';
import { RedisServer, ServiceProcess, twoProcessesForTests } from './processes.js';
import { portalToken, testEnv } from './service.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const TIMEOUT_MS = defaultRealtimeSettings.processTimeoutMs;

describe('a process that dies, or stalls, behind Redis', () => {
  // The defaults, except the pages' own WebSocket ping: a stalled process that wakes up may read
  // its timer before the pongs that wait in its socket and drop the pages; that is not the bus.
  // A test that fails while b is paused leaves it paused: it is woken to stop.
  const two = twoProcessesForTests({ heartbeatMs: 600_000 }, {}, () => b?.child.kill('SIGCONT'));
  const { page } = two;
  let a: ServiceProcess;
  let b: ServiceProcess;
  before(() => void ({ a, b } = two.parts));
  /** Anna on process a watches `user`, who then opens a page on b: she sees them come online. */
  const annaSeesOnB = async (user: string) => {
    const anna = await page(a, 'anna');
    anna.send({ type: 'watch', add: [user] });
    await anna.presence(user, 'offline');
    const theirs = await page(b, user);
    await anna.presence(user, 'online');
    return { anna, theirs };
  };

  it(`the default timeout is at most 10 s (${TIMEOUT_MS} ms); REDIS_PROCESS_TIMEOUT_SECONDS sets it`, () => {
    assert.ok(TIMEOUT_MS <= 10_000);
    assert.equal(loadConfig({ ...testEnv, REDIS_PROCESS_TIMEOUT_SECONDS: '4' }).realtime?.processTimeoutMs, 4_000);
    assert.throws(() => loadConfig({ ...testEnv, REDIS_PROCESS_TIMEOUT_SECONDS: '1' }), (e: unknown) => e instanceof ConfigError && /^REDIS_PROCESS_TIMEOUT_SECONDS must be whole seconds from 2 to 300/.test(e.message));
  });

  it('a process paused for 4 s (SIGSTOP, SIGCONT) is not taken as dead', async () => {
    const { anna } = await annaSeesOnB('ben');

    b.child.kill('SIGSTOP');
    await sleep(4_000);
    b.child.kill('SIGCONT');
    // Two more seconds: a's checks after the pause, and b's first beats, have run.
    await sleep(2_000);
    assert.ok(!sawOffline(anna, 'ben'), `ben must not go offline: ${JSON.stringify(anna.received)}`);
    anna.close();
  });

  it('a process paused longer than the timeout: its users go offline in time, and on SIGCONT its pages are announced again', async () => {
    const { anna, theirs: carla } = await annaSeesOnB('carla');

    b.child.kill('SIGSTOP');
    const stopped = Date.now();
    await anna.presence('carla', 'offline', TIMEOUT_MS + 5_000);
    const elapsed = Date.now() - stopped;
    console.log(`paused process: carla offline on the other process after ${elapsed} ms (timeout ${TIMEOUT_MS} ms)`);
    assert.ok(elapsed <= TIMEOUT_MS, `offline after ${elapsed} ms`);

    b.child.kill('SIGCONT');
    await anna.presence('carla', 'online');
    // carla's page lived through it and b is a full member of the bus again: it sees a's users.
    assert.equal(carla.ws.readyState, WebSocket.OPEN);
    carla.send({ type: 'watch', add: ['anna'] });
    await carla.presence('anna', 'online');
    anna.close();
  });

  it('kill -9: the users of the killed process are offline on the other within the timeout', async () => {
    const { anna } = await annaSeesOnB('david');

    await b.kill();
    const killed = Date.now();
    await anna.presence('david', 'offline', TIMEOUT_MS + 5_000);
    const elapsed = Date.now() - killed;
    console.log(`kill -9: david offline on the other process after ${elapsed} ms (timeout ${TIMEOUT_MS} ms)`);
    assert.ok(elapsed <= TIMEOUT_MS, `offline after ${elapsed} ms`);
    anna.close();
  });
});

const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

describe('processes whose clocks disagree', {
  skip: !existsSync(FAKETIME_LIB) ? 'needs libfaketime' : process.env['FAKETIME'] ? 'the whole suite runs on a moved clock' : false,
}, () => {
  let redis: RedisServer | undefined;
  const nodes: ServiceProcess[] = [];
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await redis?.stop();
  });

  it('a process whose clock is 20 s behind is not taken as dead: beats are timed by Redis', async () => {
    redis = await RedisServer.start();
    const env = { REDIS_URL: redis.url, TIMIO_REALTIME: JSON.stringify({ heartbeatMs: 600_000 }), LIVEKIT_URL: 'ws://127.0.0.1:9' };
    const a = await ServiceProcess.start(env);
    nodes.push(a);
    const behind = await ServiceProcess.start({ ...env, LD_PRELOAD: FAKETIME_LIB, FAKETIME: '-20s' });
    nodes.push(behind);
    const shown = Date.parse((await fetch(`${behind.url}/healthz`)).headers.get('date')!);
    assert.ok(Date.now() - shown > 15_000, 'the second process runs on a clock behind');

    const { page: anna } = await TestPage.ready(a.wsUrl, portalToken('anna'));
    anna.send({ type: 'watch', add: ['emma'] });
    await anna.presence('emma', 'offline');
    const { page: emma } = await TestPage.ready(behind.wsUrl, portalToken('emma'));
    await anna.presence('emma', 'online');
    // Three of a's checks (one a second): on local clocks emma's process would look 20 s silent.
    await sleep(3_000);
    assert.ok(!sawOffline(anna, 'emma'), `emma must stay online: ${JSON.stringify(anna.received)}`);
    anna.ws.terminate();
    emma.ws.terminate();
  });
});

function sawOffline(watcher: TestPage, user: string): boolean {
  return watcher.received.some((m) => m.type === 'presence' && m.users.some((u) => u.id === user && u.status === 'offline'));
}
