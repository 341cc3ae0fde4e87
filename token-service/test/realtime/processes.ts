// Real processes for multi-process tests: a redis-server on a free port, and token-service
// processes (fixtures/serve.ts) that share it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { portalToken, post } from './service.js';
import { TestPage } from './pages.js';
import { WAIT_MS } from '../../../testing/wait.js';
import { freePort } from '../../../testing/node/free-port.js';
import { startMediaServer, type MediaServer } from '../../../dev-media-server/src/server.js';

/** Waits for a line on the child's stdout matching `pattern`; fails if the child exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, ms: number, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms} ms: ${buf}`)), ms);
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited (${code}): ${buf}`)); });
  });
}

export class RedisServer {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string { return `redis://127.0.0.1:${this.port}`; }

  static async start(): Promise<RedisServer> {
    const r = new RedisServer(await freePort());
    await r.start();
    return r;
  }

  /** Starts (or restarts) redis-server on this port with nothing persisted: a restart loses all state. */
  async start(): Promise<void> {
    // Without libfaketime (scripts/clock-moved.mjs): redis-server hangs at start under it, and
    // Redis keeps no calendar of ours (lifetimes are given to it as durations).
    const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...env } = process.env;
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'inherit'], env });
    // With loglevel warning it prints nothing when ready: poll the port instead.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        import('node:net').then(({ connect }) => {
          const c = connect(this.port, '127.0.0.1');
          c.once('connect', () => { c.write('PING\r\n'); });
          c.once('data', (d) => { c.destroy(); resolve(d.toString().startsWith('+PONG')); });
          c.once('error', () => resolve(false));
        });
      });
      if (ok) return;
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

export class ServiceProcess {
  private constructor(readonly child: ChildProcess, readonly port: number) {}

  get url(): string { return `http://127.0.0.1:${this.port}`; }
  get wsUrl(): string { return `ws://127.0.0.1:${this.port}/v1/realtime`; }

  /** `nodeArgs`: more node options, e.g. `--expose-gc` for the presence bench's memory figures. */
  static async start(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServiceProcess> {
    const script = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const m = await waitForLine(child, /LISTENING (\d+)/, WAIT_MS, 'token service');
    return new ServiceProcess(child, Number(m[1]));
  }

  post(path: string, user: string | undefined, body?: unknown) {
    return post(this.url, path, user, body);
  }

  async stop(): Promise<void> {
    // A process killed by a signal has a signalCode and no exitCode.
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }

  /** A crash: SIGKILL, nothing cleaned up, its memory gone (start another on `port` after). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await once(this.child, 'exit');
  }
}

/** Redis, the dev media server and two service processes that share the Redis. */
export interface TwoProcesses { redis: RedisServer; media: MediaServer; a: ServiceProcess; b: ServiceProcess }

/**
 * Starts a redis-server, the dev media server, whose webhooks reach process `a` only (what reaches
 * `b` must go through Redis), and the two processes with these realtime settings (TIMIO_REALTIME) and
 * `more` of their environment.
 */
export async function startTwoProcesses(realtime: Record<string, unknown>, more: Record<string, string> = {}): Promise<TwoProcesses> {
  const redis = await RedisServer.start();
  const env = { ...more, REDIS_URL: redis.url, TIMIO_REALTIME: JSON.stringify(realtime) };
  const portA = await freePort();
  const media = await startMediaServer({ port: 0, webhookUrls: [`http://127.0.0.1:${portA}/v1/livekit/webhook`] });
  const [a, b] = await Promise.all([
    ServiceProcess.start({ ...env, LIVEKIT_URL: media.url, TIMIO_TEST_PORT: String(portA) }),
    ServiceProcess.start({ ...env, LIVEKIT_URL: media.url }),
  ]);
  return { redis, media, a, b };
}

/** Stops what `startTwoProcesses` started (the parts that did start): the processes, the media server, Redis. */
export async function stopTwoProcesses(parts: Partial<TwoProcesses>): Promise<void> {
  await Promise.all([parts.a?.stop(), parts.b?.stop()]);
  await parts.media?.close();
  await parts.redis?.stop();
}

/** The two processes of one describe block's tests, and the realtime pages those tests open. */
export interface TwoProcessTests {
  /** Set once the block's `before` hooks run (in order: this one first). */
  parts: TwoProcesses;
  /** A signed-in page of `user` on `node` (its page id as `id`); closed after the block. */
  page(node: ServiceProcess, user: string): Promise<TestPage & { id: string }>;
}

/**
 * Starts the two processes (startTwoProcesses) before the tests of the describe block that calls
 * this, and after them closes the pages they opened and stops everything; `beforeStop` runs first
 * (to wake a process a test paused, to leave the rooms the tests joined).
 */
export function twoProcessesForTests(realtime: Record<string, unknown>, more: Record<string, string> = {}, beforeStop?: () => unknown): TwoProcessTests {
  const open: TestPage[] = [];
  const tests: TwoProcessTests = {
    parts: {} as TwoProcesses,
    async page(node, user) {
      const { page, ready } = await TestPage.ready(node.wsUrl, portalToken(user));
      open.push(page);
      return Object.assign(page, { id: ready.page });
    },
  };
  before(async () => {
    tests.parts = await startTwoProcesses(realtime, more);
  });
  after(async () => {
    await beforeStop?.();
    for (const p of open) p.ws.terminate();
    await stopTwoProcesses(tests.parts);
  });
  return tests;
}
