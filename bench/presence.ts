// bench/presence: portal pages connected to token-service processes, each page watching 20 of
// 500 contacts. For contacts coming online one after another: the time from the contact's page
// opening its WebSocket until the last of its watchers has "online" (median, p99; target p99 <
// 250 ms), and the services' memory per connected page (target < 20 KB). Three cases:
//   5,000 and 15,000 pages on one process;
//   4 processes × 4,000 pages sharing one redis-server: the time until the last watcher on the
//   *other* processes has it (what crosses Redis; target p99 < 250 ms).
// PRESENCE_CASES picks some (e.g. `PRESENCE_CASES=5000,4x4000`; default `5000,15000,4x4000`).
//
// The services are token-service/test/realtime/fixtures/serve.ts processes (so their memory is
// their own), the pages a process of their own (lib/presence-pages.ts), all on loopback: each page
// from its own 127.a.b.c (lib/loopback.ts), as pages come from many machines, so the service's
// per-address limits stay as in production. On a 2-core machine the pages share the CPU with the
// services: every latency row notes the machine's load average; read the figure with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { RedisServer, ServiceProcess } from '../token-service/test/realtime/processes.js';
import { assertLoopbackSpread } from './lib/loopback.js';
import { openPage, type PagesConfig, type PagesConnected, type PagesDone, type PagesFailed } from './lib/presence-pages.js';

interface Case { processes: number; pagesPerProcess: number }
interface Memory { rss: number; heapUsed: number }

function parseCases(text: string): Case[] {
  return text.split(',').map((item) => {
    const m = /^\s*(?:(\d+)x)?(\d+)\s*$/.exec(item);
    if (!m) throw new Error(`PRESENCE_CASES: "${item}" is neither <pages> nor <processes>x<pages per process>`);
    return { processes: Number(m[1] ?? 1), pagesPerProcess: Number(m[2]) };
  });
}

const n = (x: number) => x.toLocaleString('en-US');
const label = (c: Case) => c.processes === 1 ? `${n(c.pagesPerProcess)} pages, 1 process` : `${c.processes}×${n(c.pagesPerProcess)} pages, Redis`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Asks a service for its memory after a full collection (serve.ts answers SIGUSR2 with a MEMORY line). */
function memoryOf(service: ServiceProcess): () => Promise<Memory> {
  const waiting: Array<(m: Memory) => void> = [];
  createInterface({ input: service.child.stdout! }).on('line', (line) => {
    if (line.startsWith('MEMORY ')) waiting.shift()?.(JSON.parse(line.slice(7)) as Memory);
  });
  return () => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a service did not report its memory within 30 s')), 30_000);
    waiting.push((m) => { clearTimeout(timer); resolve(m); });
    service.child.kill('SIGUSR2');
  });
}

/** The pages' process and its JSON lines. */
function startPages(config: PagesConfig): { child: ChildProcess; next: <T>(phase: string, ms: number) => Promise<T> } {
  const script = fileURLToPath(new URL('./lib/presence-pages.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const messages: Array<{ phase: string }> = [];
  let wake: (() => void) | undefined;
  createInterface({ input: child.stdout! }).on('line', (l) => {
    if (!l.startsWith('{')) return;
    messages.push(JSON.parse(l) as { phase: string });
    wake?.();
  });
  const next = async <T>(phase: string, ms: number): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = messages.find((x) => x.phase === phase);
      if (m) return m as T;
      const failed = messages.find((x): x is PagesFailed => x.phase === 'failed');
      if (failed) throw new Error(`the pages failed before "${phase}": ${failed.error}`);
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the pages' process ended (${child.exitCode ?? child.signalCode}) before "${phase}"`);
      if (Date.now() > deadline) throw new Error(`the pages did not reach "${phase}" within ${ms / 1000} s`);
      await new Promise<void>((r) => { wake = r; setTimeout(r, 500); });
    }
  };
  return { child, next };
}

interface Result { connected: PagesConnected; connectSeconds: number; done: PagesDone; baseline: Memory[]; loaded: Memory[]; load: number[] }

async function measure(c: Case): Promise<Result> {
  const redis = c.processes > 1 ? await RedisServer.start() : undefined;
  const services: ServiceProcess[] = [];
  let pages: ChildProcess | undefined;
  try {
    // The production realtime settings: a page sends two frames (auth, one watch of 20), and the
    // per-address limits hold because every page has an address of its own.
    const env = { TIMIO_REALTIME: '{}', ...(redis ? { REDIS_URL: redis.url } : {}) };
    services.push(...await Promise.all(Array.from({ length: c.processes }, () => ServiceProcess.start(env, ['--expose-gc']))));
    const memory = services.map(memoryOf);
    // Warm each service up (first auth, first presence) before the baseline.
    for (const [i, s] of services.entries()) (await openPage(s.wsUrl, '127.0.0.1', `warmup${i}`)).close();
    const baseline = await Promise.all(memory.map((m) => m()));

    const started = Date.now();
    const total = c.processes * c.pagesPerProcess;
    const run = startPages({ urls: services.map((s) => s.wsUrl), pages: total });
    pages = run.child;
    const connected = await run.next<PagesConnected>('connected', 60_000 + 30 * total);
    const connectSeconds = (Date.now() - started) / 1000;
    const loaded = await Promise.all(memory.map((m) => m()));
    run.child.stdin!.write('go\n');
    const done = await run.next<PagesDone>('done', 300_000);
    // The 1-minute average spans the contacts coming online (and the end of the connecting).
    return { connected, connectSeconds, done, baseline, loaded, load: loadavg() };
  } finally {
    pages?.kill('SIGKILL');
    await Promise.all(services.map((s) => s.kill()));
    await redis?.stop();
  }
}

function report(c: Case, r: Result): void {
  const bench = 'presence';
  const prefix = label(c);
  const load = `load ${r.load.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min), ${cpus().length} cores`;
  const row = (metric: string, value: number, unit: string, extra: { target?: string; ok?: boolean; note?: string } = {}) =>
    console.log(`BENCH ${JSON.stringify({ bench, metric: `${prefix}: ${metric}`, value: Math.round(value * 100) / 100, unit, ...extra })}`);
  const sum = (ms: Memory[], k: keyof Memory) => ms.reduce((a, m) => a + m[k], 0);
  const perConnRss = (sum(r.loaded, 'rss') - sum(r.baseline, 'rss')) / r.connected.pages / 1024;
  const perConnHeap = (sum(r.loaded, 'heapUsed') - sum(r.baseline, 'heapUsed')) / r.connected.pages / 1024;
  const all99 = percentile(r.done.all, 99);
  console.error(`presence ${prefix}: ${n(r.connected.pages)} pages connected and watching in ${r.connectSeconds.toFixed(1)} s; ${r.done.all.length} contacts came online, ${r.done.meanWatchers.toFixed(0)} watchers each on average; ${load}`);
  row('pages connected', r.connected.pages, 'pages', { note: `in ${r.connectSeconds.toFixed(0)} s` });
  if (c.processes === 1) {
    row('online → all watchers, median', percentile(r.done.all, 50), 'ms', { note: load });
    row('online → all watchers, p99', all99, 'ms', { target: '< 250 ms', ok: all99 < 250, note: load });
  } else {
    const remote99 = percentile(r.done.remote, 99);
    row('online → watchers on other processes, median', percentile(r.done.remote, 50), 'ms', { note: load });
    row('online → watchers on other processes, p99', remote99, 'ms', { target: '< 250 ms', ok: remote99 < 250, note: load });
    row('online → all watchers, p99', all99, 'ms', { note: load });
  }
  row('service memory per connection (RSS)', perConnRss, 'KB', { target: '< 20 KB', ok: perConnRss < 20 });
  row('service JS heap per connection', perConnHeap, 'KB');
}

await assertLoopbackSpread();
for (const c of parseCases(process.env.PRESENCE_CASES ?? '5000,15000,4x4000')) report(c, await measure(c));
process.exit(0);
