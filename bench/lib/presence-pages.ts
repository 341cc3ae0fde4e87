// The presence bench's load: thousands of portal pages in one process of their own (so the
// service's memory and event loop are the service's), spread over the given token-service
// processes (page i on process i mod n) and over loopback source addresses (one per page, see
// loopback.ts), each watching WATCHES of CONTACTS contacts. Then the contacts come online one after
// another, contact c on process c mod n, and for each the time from its page opening its socket
// until the last of its watchers has "online", and until the last watcher on the *other* processes
// has it (what crosses Redis).
//
//   node --import tsx bench/lib/presence-pages.ts '<json PagesConfig>'
// Speaks JSON lines on stdout ({phase:'connected'}, {phase:'done'}); stdin "go" starts the contacts.
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { portalToken } from '../../token-service/test/realtime/service.js';
import { loopbackAddress } from './loopback.js';

export interface PagesConfig {
  /** The processes' realtime URLs (ws://127.0.0.1:port/v1/realtime). */
  urls: string[];
  pages: number;
}

export interface PagesConnected { phase: 'connected'; pages: number }
/** Why the pages gave up (a page refused, closed, unreachable), for the bench's error. */
export interface PagesFailed { phase: 'failed'; error: string }
export interface PagesDone {
  phase: 'done';
  /** Per contact: opening its socket → the last of all its watchers knows, ms. */
  all: number[];
  /** Per contact with watchers on other processes: → the last of those knows, ms. */
  remote: number[];
  meanWatchers: number;
}

const WATCHES = 20;
/** Contacts that come online during the measurement. */
const CONTACTS = 500;
/** Pages opened at once; each waits for its "ready". */
const BATCH = 250;

type Message = { type: string; users?: Array<{ id: string; status: string }> };

/** Opens a page from the source address `from` and authenticates; resolves once it is ready. */
export function openPage(url: string, from: string, user: string, onMessage?: (m: Message) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress: from });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token: portalToken(user, { expiresInSeconds: 3600 }) })));
    ws.once('error', reject);
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`${user} from ${from}: HTTP ${res.statusCode}`));
    });
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as Message;
      if (m.type === 'ready') resolve(ws);
      onMessage?.(m);
    });
    ws.once('close', (code, reason) => reject(new Error(`${user} closed ${code} ${reason.toString()}`)));
  });
}

/** The contact being measured: the pages still waiting for its "online", all and on other processes. */
interface Pending { contact: string; waiting: Set<number>; remoteWaiting: Set<number>; onAll: () => void; onRemote: () => void }

async function run({ urls, pages }: PagesConfig): Promise<void> {
  const send = (o: PagesConnected | PagesDone | PagesFailed) => process.stdout.write(`${JSON.stringify(o)}\n`);
  const processOf = (page: number) => page % urls.length;
  /** contact → pages (indices) watching it. */
  const watchersOf = new Map<string, Set<number>>();
  const sockets: WebSocket[] = [];
  let pending: Pending | undefined;

  const onPresence = (page: number, m: Message, initial: () => void) => {
    if (m.type !== 'presence' || !m.users) return;
    if (m.users.length === WATCHES) return initial();
    if (!pending || !m.users.some((u) => u.id === pending!.contact && u.status === 'online')) return;
    if (pending.waiting.delete(page) && pending.waiting.size === 0) pending.onAll();
    if (pending.remoteWaiting.delete(page) && pending.remoteWaiting.size === 0) pending.onRemote();
  };

  // Connect the watching pages, a batch at a time; each watches once it is ready.
  const initial: Array<Promise<void>> = [];
  for (let start = 0; start < pages; start += BATCH) {
    const batch: Array<Promise<void>> = [];
    for (let i = start; i < Math.min(pages, start + BATCH); i++) {
      const contacts = new Set<string>();
      while (contacts.size < WATCHES) contacts.add(`c${Math.floor(Math.random() * CONTACTS)}`);
      for (const c of contacts) {
        let set = watchersOf.get(c);
        if (!set) watchersOf.set(c, (set = new Set()));
        set.add(i);
      }
      let gotInitial!: () => void;
      initial.push(new Promise<void>((r) => (gotInitial = r)));
      batch.push(openPage(urls[processOf(i)]!, loopbackAddress(i), `p${i}`, (m) => onPresence(i, m, gotInitial)).then((ws) => {
        sockets.push(ws);
        ws.send(JSON.stringify({ type: 'watch', add: [...contacts] }));
      }));
    }
    await Promise.all(batch);
  }
  await Promise.all(initial);
  send({ phase: 'connected', pages: sockets.length });

  // The parent measures the services' memory meanwhile.
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const all: number[] = [];
  const remote: number[] = [];
  const contactSockets: WebSocket[] = [];
  for (let c = 0; c < CONTACTS; c++) {
    const contact = `c${c}`;
    const watchers = watchersOf.get(contact);
    if (!watchers?.size) continue;
    const home = c % urls.length;
    const remoteWatchers = new Set([...watchers].filter((p) => processOf(p) !== home));
    const started = performance.now();
    let onAll!: () => void;
    let onRemote!: () => void;
    const allKnow = new Promise<void>((r) => (onAll = r));
    const remoteKnow = new Promise<void>((r) => (onRemote = r));
    pending = { contact, waiting: new Set(watchers), remoteWaiting: new Set(remoteWatchers), onAll, onRemote };
    contactSockets.push(await openPage(urls[home]!, loopbackAddress(pages + c), contact));
    if (remoteWatchers.size > 0) {
      await remoteKnow;
      remote.push(performance.now() - started);
    }
    await allKnow;
    all.push(performance.now() - started);
  }
  pending = undefined;
  const counts = [...watchersOf.values()].map((s) => s.size);
  send({ phase: 'done', all, remote, meanWatchers: counts.reduce((a, b) => a + b, 0) / counts.length });
  for (const ws of [...sockets, ...contactSockets]) ws.terminate();
  process.exit(0);
}

// Run only as the pages' process; the bench imports this module for its types and openPage.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run(JSON.parse(process.argv[2]!) as PagesConfig).catch((err: Error) => {
    process.stdout.write(`${JSON.stringify({ phase: 'failed', error: err.message } satisfies PagesFailed)}\n`);
    process.exit(1);
  });
}
