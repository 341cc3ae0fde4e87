// Where POST /v1/token spends its time, for whoever tunes it. First, at half the peak rate, the
// service and then the reference (node:http + the same signing) at the same rate: client p99,
// event-loop delay (perf_hooks monitorEventLoopDelay) and garbage collections, to tell a tail made
// in the process from one made by the machine. Then both under the token-service bench's peak load
// (a child process, 16 requests in flight) with V8's sampling profiler: self time per request by
// area (service code, node's HTTP, signing, libraries, GC) and the service's top functions beside
// the reference's. Profiling slows both; compare the two, not the absolute figures.
// TOKEN_PROFILE_FILE=<path> also writes the .cpuprofile (Chrome DevTools opens it).
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { benchService, listen, loadGenerator, percentile, referenceListener } from './token-service.js';

const PROFILE_SECONDS = 4;
const WARM_UP_SECONDS = 4;
const TOP = Number(process.env.TOP ?? 25);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const row = (metric: string, value: number, unit: string) =>
  console.log(`BENCH ${JSON.stringify({ bench: 'token-profile', metric, value: Math.round(value * 100) / 100, unit })}`);

/** A short place for a frame: the package or the project file, and the line. */
function where(url: string, line: number): string {
  if (!url) return '(V8/native)';
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
  return url ? 'other JS' : 'native functions (socket writev, crypto, microtasks)';
}

interface Summary { served: number; rate: number; busyUs: number; byArea: Map<string, number>; byFunction: Map<string, number> }

/** `seconds` of peak load on `port` under the sampling profiler: self time per area and function. */
async function profileAt(generator: ReturnType<typeof loadGenerator>, port: string, token: string, file?: string): Promise<Summary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const peak = await generator.run(port, token, 'peak', 16, PROFILE_SECONDS);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  if (file) writeFileSync(file, JSON.stringify(profile));
  // Self time per node from the samples (each sample's delta belongs to the sampled node).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${where(url, lineNumber)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    if (functionName !== '(idle)') busy += us;
  }
  const served = Math.max(1, peak.ok + peak.failed);
  const per = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / served]));
  return { served, rate: peak.ok / peak.seconds, busyUs: busy / served, byArea: per(byArea), byFunction: per(byFunction) };
}

async function main() {
  const { config, service, token } = await benchService();
  const { server, port } = await listen(service.handler);
  const { server: reference, port: refPort } = await listen(referenceListener(config));
  const generator = loadGenerator();
  const warm = await generator.run(port, token, 'peak', 16, WARM_UP_SECONDS);
  await generator.run(refPort, token, 'peak', 16, 1);

  // The tail at half the peak first (the profiles below leave garbage behind): what the process
  // itself did meanwhile, and the reference at the same rate as a control for the machine.
  const half = Math.max(1, Math.round(warm.ok / warm.seconds / 2));
  const tail = async (p: string) => {
    // As bench/token-service: 2 s at the rate first, not counted (the step down from full load).
    await generator.run(p, token, 'rate', half, 2);
    const gcs: number[] = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
    observer.observe({ entryTypes: ['gc'] });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const cpu = process.cpuUsage();
    const steady = await generator.run(p, token, 'rate', half, 5);
    const cpuUs = process.cpuUsage(cpu);
    delay.disable();
    await new Promise((r) => setImmediate(r));
    observer.disconnect();
    return { steady, delay, gcs, cpuShare: (100 * (cpuUs.user + cpuUs.system)) / 1e6 / steady.seconds };
  };
  const ms = (ns: number) => ns / 1e6;
  for (const [name, p] of [['service', port], ['reference', refPort]] as const) {
    const { steady, delay, gcs, cpuShare } = await tail(p);
    process.stderr.write(`${name} at ${half}/s: p50 ${percentile(steady.latenciesMs, 50).toFixed(2)} ms, p99 ${percentile(steady.latenciesMs, 99).toFixed(2)} ms, max ${Math.max(...steady.latenciesMs).toFixed(1)} ms; `
      + `event-loop delay p50 ${ms(delay.percentile(50)).toFixed(2)} ms, p99 ${ms(delay.percentile(99)).toFixed(2)} ms, max ${ms(delay.max).toFixed(1)} ms; `
      + `${gcs.length} GCs, ${gcs.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...gcs).toFixed(1)} ms; server CPU ${cpuShare.toFixed(0)} % of one core\n`);
    row(`${name} at ${half}/s: p99 latency seen by clients`, percentile(steady.latenciesMs, 99), 'ms');
    row(`${name} at ${half}/s: event-loop delay p99`, ms(delay.percentile(99)), 'ms');
    row(`${name} at ${half}/s: event-loop delay max`, ms(delay.max), 'ms');
    row(`${name} at ${half}/s: GC pauses, longest`, Math.max(0, ...gcs), 'ms');
    row(`${name} at ${half}/s: GC time per second`, gcs.reduce((a, b) => a + b, 0) / steady.seconds, 'ms');
  }

  const app = await profileAt(generator, port, token, process.env['TOKEN_PROFILE_FILE']);
  const ref = await profileAt(generator, refPort, token);
  process.stderr.write(`profile (sampling, so slower than without): service ${app.rate.toFixed(0)}/s, ${app.busyUs.toFixed(0)} us busy per request; reference ${ref.rate.toFixed(0)}/s, ${ref.busyUs.toFixed(0)} us\n`);
  row('profiled: busy per request, service', app.busyUs, 'us');
  row('profiled: busy per request, reference', ref.busyUs, 'us');
  process.stderr.write('per request, service / reference / difference:\n');
  const areas = new Set([...app.byArea.keys(), ...ref.byArea.keys()]);
  for (const name of [...areas].sort((a, b) => (app.byArea.get(b) ?? 0) - (app.byArea.get(a) ?? 0))) {
    const [a, r] = [app.byArea.get(name) ?? 0, ref.byArea.get(name) ?? 0];
    process.stderr.write(`  ${a.toFixed(1).padStart(7)} ${r.toFixed(1).padStart(7)} ${(a - r).toFixed(1).padStart(7)} us  ${name}\n`);
    row(`per request, service: ${name}`, a, 'us');
  }
  process.stderr.write(`top ${TOP} functions of the service by self time (service / reference, us per request):\n`);
  for (const [name, us] of [...app.byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    process.stderr.write(`  ${us.toFixed(1).padStart(7)} ${(ref.byFunction.get(name) ?? 0).toFixed(1).padStart(7)}  ${name}\n`);
    row(`self: ${name}`, us, 'us');
  }

  generator.close();
  for (const s of [server, reference]) {
    s.closeAllConnections();
    s.close();
  }
  await service.close();
}

await main();
