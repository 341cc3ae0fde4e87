// The built SDK's parts as a page loads them, read from dist/: the light part is timio.js plus every
// chunk it imports statically (what a page with any number of call buttons fetches); the lazy part is
// what its dynamic import()s add: the calls chunk (the call machine, fetched on the page's first call
// event or action), the session + views chunk and livekit-client's chunk (fetched when a call window
// or conference opens). gzip -9 sizes. Used by bench/bundle.ts (the figures) and scripts/build/bundle-budget.test.ts (the budget).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';

/** The light part's budget (gzip -9 bytes): 25.8 KB reached (26,419 bytes, with this round's features), rounded up to the next 0.5 KB; the goal is 25 KB. */
export const LIGHT_BUDGET_BYTES = 26 * 1024;
/**
 * The budget of what opening a call window or conference adds besides livekit-client and the calls
 * chunk (the session + views chunk and the small chunk of resume locks it shares with the calls
 * chunk): 48.9 KB reached (50,124 bytes, with this round's call window, conference and background
 * settings), rounded up to the next 0.5 KB; the goal is 42 KB.
 */
export const VIEWS_BUDGET_BYTES = 49.5 * 1024;

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

export const gzipBytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);

export interface BundleParts {
  light: Set<string>;
  lazy: Set<string>;
  /** chunks/livekit-*.js among the lazy files */
  livekitChunks: string[];
  /** chunks/page-machine-*.js: the call machine, loaded on the page's first call event or action */
  callsChunks: string[];
  lightBytes: number;
  lazyBytes: number;
  /** the calls chunk */
  callsBytes: number;
  /** the lazy part without livekit-client and the calls chunk: the session + views chunk */
  viewsBytes: number;
  /** livekit-client is the only WebRTC code in the SDK: any RTCPeerConnection in the light part means it leaked in. */
  livekitInLight: boolean;
}

export function bundleParts(dist: string): BundleParts {
  const light = closure(join(dist, 'timio.js'));
  const lazy = new Set<string>();
  for (const f of light) for (const d of imports(f, DYNAMIC)) for (const c of closure(d)) if (!light.has(c)) lazy.add(c);
  const livekitChunks = [...lazy].filter((f) => /\/chunks\/livekit-[^/]*\.js$/.test(f));
  const callsChunks = [...lazy].filter((f) => /\/chunks\/page-machine-[^/]*\.js$/.test(f));
  return {
    light,
    lazy,
    livekitChunks,
    callsChunks,
    lightBytes: gzipBytes(light),
    lazyBytes: gzipBytes(lazy),
    callsBytes: gzipBytes(callsChunks),
    viewsBytes: gzipBytes([...lazy].filter((f) => !livekitChunks.includes(f) && !callsChunks.includes(f))),
    livekitInLight: [...light].some((f) => /RTCPeerConnection/.test(readFileSync(f, 'utf8'))),
  };
}
