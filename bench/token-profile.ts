// Where POST /v1/token spends its time, for whoever tunes it: the standalone handler under the
// token-service bench's load (a child process, 16 requests in flight), profiled with V8's sampling
// profiler for a few seconds; rows name the functions with the most self time and the share of the
// service's own code, node's HTTP, signing (jose/WebCrypto), the libraries in between and GC. Then at
// half the peak rate: event-loop delay (perf_hooks monitorEventLoopDelay) and garbage collections,
// beside the p99 the clients saw, to tell a tail made in the process from one made by the machine.
// TOKEN_PROFILE_FILE=<path> also writes the .cpuprofile (Chrome DevTools opens it).
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { benchService, listen, loadGenerator, percentile } from './token-service.js';

const PROFILE_SECONDS = 4;
const WARM_UP_SECONDS = 4;
const TOP = 25;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const row = (metric: string, value: number, unit: string) =>
  console.log(`BENCH ${JSON.stringify({ bench: 'token-profile', metric, value: Math.round(value * 100) / 100, unit })}`);

/** A short place for a frame: the package or the project file, and the line. */
function where(url: string, line: number): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]!.split('/').pop()}:${line + 1}`;
  if (url.startsWith('node:')) return `${url}:${line + 1}`;
  const own = /\/(token-service\/src\/.*|bench\/.*)$/.exec(url);
  return `${own ? own[1] : url}:${line + 1}`;
}

/** What a frame belongs to, for the summary rows. */
function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)') return 'idle (waiting for requests)';
  if (name === '(program)') return 'V8/native outside JS (incl. socket I/O)';
  if (url.includes('/token-service/src/')) return 'service code (token-service/src)';
  if (/node_modules\/(jose|livekit-server-sdk|@livekit)/.test(url)) return 'signing (livekit-server-sdk, jose)';
  if (/node_modules\/(pino|prom-client|express-rate-limit|jsonwebtoken|jws|helmet|proxy-addr)/.test(url)) return 'libraries behind the protections';
  if (url.includes('node_modules/')) return 'other libraries';
  if (/^node:(_http|http|net|stream|internal\/(http|streams|stream_base)|internal\/timers|events)/.test(url) || /^node:internal\/(http|streams)/.test(url)) return "node's HTTP and streams";
  if (url.startsWith('node:')) return 'other node internals';
  return name ? 'other JS' : '(native)';
}

async function main() {
  const { service, token } = await benchService();
  const { server, port } = await listen(service.handler);
  const generator = loadGenerator();
  await generator.run(port, token, 'peak', 16, WARM_UP_SECONDS);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const peak = await generator.run(port, token, 'peak', 16, PROFILE_SECONDS);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  if (process.env['TOKEN_PROFILE_FILE']) writeFileSync(process.env['TOKEN_PROFILE_FILE'], JSON.stringify(profile));

  // Self time per node from the samples (each sample's delta belongs to the sampled node).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${where(url, lineNumber)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    total += us;
  }
  const served = peak.ok + peak.failed;
  const busy = total - (byArea.get('idle (waiting for requests)') ?? 0);
  process.stderr.write(`profile: ${peak.ok} tokens in ${peak.seconds.toFixed(1)} s (${(peak.ok / peak.seconds).toFixed(0)}/s), ${(busy / served).toFixed(0)} us busy per request\n`);
  for (const [name, us] of [...byArea].sort((a, b) => b[1] - a[1])) {
    process.stderr.write(`  ${(us / served).toFixed(1).padStart(7)} us  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}\n`);
    row(`per request: ${name}`, us / served, 'us');
  }
  process.stderr.write(`top ${TOP} functions by self time:\n`);
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    process.stderr.write(`  ${(us / served).toFixed(1).padStart(7)} us  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}\n`);
    row(`self: ${name}`, us / served, 'us');
  }

  // The tail at half the peak: what the process itself did meanwhile.
  const half = Math.max(1, Math.round(peak.ok / peak.seconds / 2));
  const gcs: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
  observer.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpu = process.cpuUsage();
  const steady = await generator.run(port, token, 'rate', half, 5);
  const cpuUs = process.cpuUsage(cpu);
  delay.disable();
  await new Promise((r) => setImmediate(r));
  observer.disconnect();
  const ms = (ns: number) => ns / 1e6;
  process.stderr.write(`at ${half}/s: p50 ${percentile(steady.latenciesMs, 50).toFixed(2)} ms, p99 ${percentile(steady.latenciesMs, 99).toFixed(2)} ms, max ${Math.max(...steady.latenciesMs).toFixed(1)} ms; `
    + `event-loop delay p50 ${ms(delay.percentile(50)).toFixed(2)} ms, p99 ${ms(delay.percentile(99)).toFixed(2)} ms, max ${ms(delay.max).toFixed(1)} ms; `
    + `${gcs.length} GCs, ${gcs.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...gcs).toFixed(1)} ms; `
    + `server CPU ${(((cpuUs.user + cpuUs.system) / 1e6 / steady.seconds) * 100).toFixed(0)} % of one core\n`);
  row(`half peak (${half}/s): p99 latency seen by clients`, percentile(steady.latenciesMs, 99), 'ms');
  row('half peak: event-loop delay p99', ms(delay.percentile(99)), 'ms');
  row('half peak: event-loop delay max', ms(delay.max), 'ms');
  row('half peak: GC pauses, longest', Math.max(0, ...gcs), 'ms');
  row('half peak: GC time per second', gcs.reduce((a, b) => a + b, 0) / steady.seconds, 'ms');
  row('half peak: server CPU (share of one core)', (100 * (cpuUs.user + cpuUs.system)) / 1e6 / steady.seconds, '%');

  generator.close();
  server.closeAllConnections();
  server.close();
  await service.close();
}

await main();
