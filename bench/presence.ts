// bench/presence: 5,000 portal pages connected to one token-service process, each watching 20
// contacts. Measures, for contacts coming online one after another, the time from the contact's
// page opening its WebSocket to the last of its watchers receiving "online" (median, p99), and the
// service's memory per connected page. Targets: p99 < 250 ms, < 20 KB per connection.
//
// The service runs in its own process (token-service/test/realtime/fixtures/serve.ts) so its memory
// is its own; the pages run in a second process (this file with --pages). All on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER, DEMO_PORTAL_SECRET } from '../testing/node/demo-fixtures.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 5_000);
const WATCHES = 20;
/** Contacts that come online during the measurement; each page watches 20 of them. */
const CONTACTS = 500;

function token(sub: string): string {
  return jwt.sign({ sub, name: sub }, DEMO_PORTAL_SECRET, { algorithm: 'HS256', issuer: DEMO_PORTAL_ISSUER, audience: DEMO_PORTAL_AUDIENCE, expiresIn: 3600 });
}

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  createInterface({ input: child.stdout! }).on('line', onLine);
}

function waitFor(child: ChildProcess, prefix: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no "${prefix}" within ${ms} ms`)), ms);
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (l) => {
      if (!l.startsWith(prefix)) return;
      clearTimeout(t);
      rl.close();
      resolve(l.slice(prefix.length).trim());
    });
    child.once('exit', (code) => { clearTimeout(t); reject(new Error(`process exited (${code}) before "${prefix}"`)); });
  });
}

// ---------------------------------------------------------------- the pages (child process)

async function runPages(wsUrl: string): Promise<void> {
  const send = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  /** contact → pages (indices) watching it. */
  const watchersOf = new Map<string, Set<number>>();
  const sockets: WebSocket[] = [];
  let pending: { contact: string; waiting: Set<number>; done: () => void } | undefined;

  function open(user: string, onMessage?: (m: any) => void): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: token(user) })));
      ws.once('error', reject);
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString());
        if (m.type === 'ready') resolve(ws);
        onMessage?.(m);
      });
    });
  }

  // Connect the watching pages, a batch at a time.
  const initial: Array<Promise<void>> = [];
  for (let start = 0; start < PAGES; start += 250) {
    const batch: Array<Promise<void>> = [];
    for (let i = start; i < Math.min(PAGES, start + 250); i++) {
      const contacts = new Set<string>();
      while (contacts.size < WATCHES) contacts.add(`c${Math.floor(Math.random() * CONTACTS)}`);
      for (const c of contacts) {
        let set = watchersOf.get(c);
        if (!set) watchersOf.set(c, (set = new Set()));
        set.add(i);
      }
      let gotInitial: () => void;
      initial.push(new Promise<void>((r) => (gotInitial = r)));
      batch.push(open(`p${i}`, (m) => {
        if (m.type !== 'presence') return;
        if (m.users.length === WATCHES) return gotInitial();
        if (pending && m.users[0].id === pending.contact && m.users[0].status === 'online') {
          pending.waiting.delete(i);
          if (pending.waiting.size === 0) pending.done();
        }
      }).then((ws) => {
        sockets.push(ws);
        ws.send(JSON.stringify({ type: 'watch', add: [...contacts] }));
      }));
    }
    await Promise.all(batch);
  }
  await Promise.all(initial);
  send({ phase: 'connected', pages: sockets.length });

  // Wait for the parent to measure memory, then bring contacts online one after another.
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const latencies: number[] = [];
  const contactSockets: WebSocket[] = [];
  for (let c = 0; c < CONTACTS; c++) {
    const contact = `c${c}`;
    const watchers = watchersOf.get(contact);
    if (!watchers?.size) continue;
    const started = performance.now();
    const allKnow = new Promise<void>((resolve) => { pending = { contact, waiting: new Set(watchers), done: resolve }; });
    contactSockets.push(await open(contact));
    await allKnow;
    latencies.push(performance.now() - started);
  }
  pending = undefined;
  const watcherCounts = [...watchersOf.values()].map((s) => s.size);
  send({ phase: 'done', latencies, meanWatchers: watcherCounts.reduce((a, b) => a + b, 0) / watcherCounts.length });
  for (const ws of [...sockets, ...contactSockets]) ws.terminate();
  process.exit(0);
}

// ---------------------------------------------------------------- the bench (parent process)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', `${here}../token-service/test/realtime/fixtures/serve.ts`], {
    env: { ...process.env, TIMIO_REALTIME: JSON.stringify({ messageBurst: 100 }) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => { if (server.exitCode === null) server.kill('SIGKILL'); };
  process.on('exit', stop);
  const port = Number(await waitFor(server, 'LISTENING', 30_000));
  const memory = async () => {
    const m = waitFor(server, 'MEMORY', 10_000);
    server.kill('SIGUSR2');
    return JSON.parse(await m) as { rss: number; heapUsed: number };
  };
  // Warm the service up (first auth, first watch) before the baseline.
  const warm = new WebSocket(`ws://127.0.0.1:${port}/v1/realtime`);
  await new Promise((r) => warm.once('open', r));
  warm.send(JSON.stringify({ type: 'auth', token: token('warmup') }));
  await new Promise((r) => warm.once('message', r));
  warm.close();
  const baseline = await memory();

  const started = Date.now();
  const pages = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--pages', `ws://127.0.0.1:${port}/v1/realtime`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const messages: any[] = [];
  let wake: (() => void) | undefined;
  lines(pages, (l) => { if (l.startsWith('{')) { messages.push(JSON.parse(l)); wake?.(); } });
  const next = async (phase: string, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = messages.find((x) => x.phase === phase);
      if (m) return m;
      if (Date.now() > deadline || pages.exitCode !== null) throw new Error(`pages did not reach "${phase}"`);
      await new Promise<void>((r) => { wake = r; setTimeout(r, 500); });
    }
  };
  const connected = await next('connected', 240_000);
  const connectSeconds = (Date.now() - started) / 1000;
  const loaded = await memory();
  pages.stdin!.write('go\n');
  const done = await next('done', 240_000);
  pages.kill();
  stop();

  const sorted = (done.latencies as number[]).sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const perConnRss = (loaded.rss - baseline.rss) / connected.pages / 1024;
  const perConnHeap = (loaded.heapUsed - baseline.heapUsed) / connected.pages / 1024;
  console.error(`presence: ${connected.pages} pages connected and watching in ${connectSeconds.toFixed(1)} s; ${sorted.length} contacts came online, ${done.meanWatchers.toFixed(0)} watchers each on average`);
  const row = (metric: string, value: number, unit: string, target?: string, ok?: boolean) =>
    console.log(`BENCH ${JSON.stringify({ bench: 'presence', metric, value: Math.round(value * 100) / 100, unit, ...(target ? { target, ok } : {}) })}`);
  row('pages connected (one process)', connected.pages, 'pages');
  row('online → all watchers know, median', median, 'ms');
  row('online → all watchers know, p99', p99, 'ms', '< 250 ms', p99 < 250);
  row('service memory per connection (RSS)', perConnRss, 'KB', '< 20 KB', perConnRss < 20);
  row('service JS heap per connection', perConnHeap, 'KB');
  process.exit(0);
}

if (process.argv[2] === '--pages') await runPages(process.argv[3]!);
else await main();
