// Bundle size of the SDK as a page loads it: the light part is dist/timio.js plus every chunk it
// imports statically (what a page with any number of call buttons fetches); the call chunk is
// what the dynamic import() of the conference code adds when a call starts. gzip -9 sizes.
// Needs `npm run build` first.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entry = join(dist, 'timio.js');
if (!existsSync(entry)) {
  console.error('bench/bundle: dist/timio.js is missing; run `npm run build` first');
  process.exit(1);
}

const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;

function imports(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(pattern)].map((m) => resolve(dirname(file), m[1]!));
}

/** The file and everything it imports statically. */
function closure(start: string, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const dep of imports(start, STATIC)) closure(dep, seen);
  return seen;
}

const gz = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);

const light = closure(entry);
const lazy = new Set<string>();
for (const f of light) for (const d of imports(f, DYNAMIC)) for (const c of closure(d)) if (!light.has(c)) lazy.add(c);

const lightBytes = gz(light);
const lazyBytes = gz(lazy);
// livekit-client is the only WebRTC code in the SDK: any RTCPeerConnection in the light part means it leaked in.
const livekitInLight = [...light].some((f) => /RTCPeerConnection/.test(readFileSync(f, 'utf8')));

console.log(`light part: ${[...light].map((f) => f.slice(dist.length + 1)).join(' + ')}`);
console.log(`call chunk: ${[...lazy].map((f) => f.slice(dist.length + 1)).join(' + ')}`);
const row = (metric: string, value: number | string, unit: string, target: string, ok: boolean) =>
  console.log(`BENCH ${JSON.stringify({ bench: 'bundle', metric, value, unit, target, ok })}`);
row('light part (timio.js + static chunks), gzip', Math.round(lightBytes / 102.4) / 10, 'KB', '< 25 KB', lightBytes < 25 * 1024);
row('call chunk (loaded when a call starts), gzip', Math.round(lazyBytes / 102.4) / 10, 'KB', '', true);
row('livekit-client in the light part', livekitInLight ? 'yes' : 'no', '', 'no', !livekitInLight);
