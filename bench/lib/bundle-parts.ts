// The built SDK's parts as a page loads them, read from dist/ (gzip -9 sizes):
//  - the light part: timio.js plus every chunk it imports statically (what a page with any number of
//    call buttons fetches);
//  - the calls chunk (the call machine), fetched on the page's first call event or action;
//  - a 1:1 call: the calls chunk, the session chunk and the call window's chunk, each with every
//    chunk it imports statically (the view loader fetches the session and the view side by side);
//  - a conference: the session chunk and the conference's chunk, likewise;
//  - both again on a page in English, with the English strings those chunks fetch (German ships
//    with the code: i18n/lazy-strings.ts);
//  - livekit-client's chunk (with both), counted apart: it is the same third-party code for both;
//  - what opens only on a click (sound and background settings, a room's ring reach), each a row of
//    its own.
// Every chunk the light part can reach is in one of these rows (`unaccounted` lists any that is not),
// so no byte hides between them. Used by bench/bundle.ts (the figures) and
// scripts/build/bundle-budget.test.ts (the budgets).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';

/**
 * The light part's budget (gzip -9 bytes): issue 25's 25 KB, reached at 25,537 bytes by moving what
 * only a call or a meeting needs into the chunks that bring them (the caller's popup and a call's
 * strings with the calls chunk, the ring-all confirmation with its click chunk).
 */
export const LIGHT_BUDGET_BYTES = 25 * 1024;
/** What opening a 1:1 call adds to the light part, without livekit-client (calls + session + call window). */
export const CALL_BUDGET_BYTES = 42 * 1024;
/** What opening a conference adds to the light part, without livekit-client (session + conference). */
export const CONFERENCE_BUDGET_BYTES = 42 * 1024;

const STATIC = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;

function imports(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(pattern)].map((m) => resolve(dirname(file), m[1]!));
}

/** The files and everything they import statically. */
function closure(starts: Iterable<string>, seen = new Set<string>()): Set<string> {
  for (const start of starts) {
    if (seen.has(start)) continue;
    seen.add(start);
    closure(imports(start, STATIC), seen);
  }
  return seen;
}

export const gzipBytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);

export interface PartRow {
  /** What the row measures, as the bench prints it. */
  name: string;
  /** Its files, relative to dist/. */
  files: string[];
  bytes: number;
}

export interface BundleParts {
  light: Set<string>;
  lightBytes: number;
  /** The calls chunk (page-machine-*.js and what it imports beyond the light part). */
  calls: PartRow;
  /** Opening a 1:1 call: calls + session + call window, without livekit-client. */
  call: PartRow;
  /** Opening a conference: session + conference, without livekit-client. */
  conference: PartRow;
  /** The same on a page in English: with the English strings the parts fetch (i18n/lazy-strings.ts). */
  callEnglish: PartRow;
  conferenceEnglish: PartRow;
  livekit: PartRow;
  /** Parts that load only on a click, one row each. */
  onClick: PartRow[];
  /** Everything a call or a conference can add, livekit-client and the click parts included. */
  lazyBytes: number;
  /** Chunks the light part can reach that no row counts (must be none). */
  unaccounted: string[];
  /** livekit-client is the only WebRTC code in the SDK: any RTCPeerConnection in the light part means it leaked in. */
  livekitInLight: boolean;
}

export function bundleParts(dist: string): BundleParts {
  const rel = (f: string) => f.slice(dist.length + 1);
  const light = closure([join(dist, 'timio.js')]);
  const chunk = (name: string) => {
    const found = readdirSync(join(dist, 'chunks')).filter((f) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(f)).map((f) => join(dist, 'chunks', f));
    // The employees' build and the guest's each have their own session and views chunks: take the ones the light part imports.
    const reached = new Set([...light].flatMap((f) => imports(f, DYNAMIC)));
    return found.filter((f) => reached.has(f));
  };
  const row = (name: string, starts: string[], without: Set<string> = new Set()): PartRow => {
    const files = [...closure(starts)].filter((f) => !light.has(f) && !without.has(f));
    return { name, files: files.map(rel), bytes: gzipBytes(files) };
  };
  const livekitFiles = new Set([...closure([...chunk('session')])].filter((f) => /\/chunks\/livekit-[^/]*\.js$/.test(f)));
  const calls = row('calls chunk (the call machine, on the first call event or action)', chunk('page-machine'));
  const call = row('calls + session + call window (opening a 1:1 call), without livekit-client', [...chunk('page-machine'), ...chunk('session'), ...chunk('call-window')], livekitFiles);
  const conference = row('session + conference (opening a conference), without livekit-client', [...chunk('session'), ...chunk('conference')], livekitFiles);
  const livekit = row('livekit-client (with a call or a conference)', [...livekitFiles]);
  // German ships with each part; a page in English fetches the parts' English strings too.
  const english = (r: PartRow, name: string) => {
    const files = r.files.map((f) => join(dist, f));
    return row(name, [...files, ...files.flatMap((f) => imports(f, DYNAMIC)).filter((f) => /\/chunks\/en-[\w-]{8}\.js$/.test(f))], livekitFiles);
  };
  const callEnglish = english(call, 'calls + session + call window on a page in English (with their English strings), without livekit-client');
  const conferenceEnglish = english(conference, 'session + conference on a page in English (with their English strings), without livekit-client');
  const counted = new Set([...light, ...[calls, call, conference, callEnglish, conferenceEnglish, livekit].flatMap((r) => r.files.map((f) => join(dist, f)))]);
  // What the parts above import only dynamically (on a click): one row per import, what it adds.
  const onClick: PartRow[] = [];
  for (const from of [...counted]) {
    for (const target of imports(from, DYNAMIC)) {
      if (counted.has(target)) continue;
      const r = row(`${rel(target).replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '')} (on a click)`, [target], counted);
      onClick.push(r);
      for (const f of r.files) counted.add(join(dist, f));
    }
  }
  const reachable = new Set<string>();
  const visit = (f: string) => {
    if (reachable.has(f)) return;
    reachable.add(f);
    for (const d of [...imports(f, STATIC), ...imports(f, DYNAMIC)]) visit(d);
  };
  visit(join(dist, 'timio.js'));
  const lazy = [...reachable].filter((f) => !light.has(f));
  return {
    light,
    lightBytes: gzipBytes(light),
    calls,
    call,
    conference,
    callEnglish,
    conferenceEnglish,
    livekit,
    onClick,
    lazyBytes: gzipBytes(lazy),
    unaccounted: [...reachable].filter((f) => !counted.has(f)).map(rel),
    livekitInLight: [...light].some((f) => /RTCPeerConnection/.test(readFileSync(f, 'utf8'))),
  };
}
