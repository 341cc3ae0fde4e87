#!/usr/bin/env node
// Node 20's test runner does not expand globs: find *.test.ts under the given folders (or take the
// given files) and run each file in its own process (node --test, tsx), `--jobs N` files at a time
// (default 1: suites start real servers and browsers). Ends with each file's time, slowest first, so
// a slow suite shows where its time goes. Two markers in a file's text: `node-tests: alone` (runs
// first, with no other file beside it) and `node-tests: pair` (in a one-at-a-time stage, such files
// run two at a time among themselves: browser files without video, whose waits leave the CPU idle).
//   node scripts/node-tests.mjs [--jobs N] <dir-or-file>...
// TIMIO_TEST_JOBS=N overrides --jobs (e.g. 1 to run a parallel stage one file at a time).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return dir.endsWith('.test.ts') ? [dir] : [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(p).isDirectory()) return find(p);
    return name.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
let jobs = 1;
const jobsAt = args.indexOf('--jobs');
if (jobsAt >= 0) jobs = Number(args.splice(jobsAt, 2)[1]);
if (process.env.TIMIO_TEST_JOBS) jobs = Number(process.env.TIMIO_TEST_JOBS);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error('usage: node scripts/node-tests.mjs [--jobs N >= 1] <dir-or-file>...');
  process.exit(2);
}
const files = args.flatMap(find).sort();
if (files.length === 0) {
  console.error(`no test files under ${args.join(', ')}`);
  process.exit(1);
}

// A file is done when its tests are: a timer or socket left behind (e.g. the call machine's 3-minute
// ring give-up) must not hold the file's process, and the stage, for minutes (Node >= 20.14).
const [major, minor] = process.versions.node.split('.').map(Number);
const forceExit = major > 20 || (major === 20 && minor >= 14) ? ['--test-force-exit'] : [];

const COUNTS = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'];
const totals = Object.fromEntries(COUNTS.map((k) => [k, 0]));
const results = [];
const started = Date.now();

/** Runs one file; alone its output streams through, beside others it is printed whole when the file ends. */
function run(file, beside = jobs > 1) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...forceExit, '--test-reporter=spec', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    let out = '';
    const take = (stream, sink) => stream.on('data', (d) => {
      out += d;
      if (!beside) sink.write(d);
    });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - t0) / 1000;
      if (beside) process.stdout.write(`\n--- ${file} (${seconds.toFixed(1)} s) ---\n${out}`);
      // the spec reporter's summary lines, e.g. "ℹ pass 12"
      for (const k of COUNTS) {
        const m = out.match(new RegExp(`^\\S* ?${k} (\\d+)$`, 'm'));
        if (m) totals[k] += Number(m[1]);
      }
      // the top-level tests' own times (they run one after another; failures are listed again below "failing
      // tests:"); the rest is start-up (tsx) and exit
      const tests = [...out.split(/^\S* ?failing tests:$/m)[0].matchAll(/^\S+ .* \(([\d.]+)ms\)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0) / 1000;
      results.push({ file, seconds, tests, ok: code === 0, how: signal ?? `exit ${code}` });
      resolve();
    });
  });
}

// A file whose text says `node-tests: alone` (e.g. several token-service processes with short
// timers) runs with no other file beside it: those first, one by one, then the rest N at a time.
const marked = (word) => files.filter((f) => readFileSync(f, 'utf8').includes(`node-tests: ${word}`));
const alone = marked('alone');
for (const file of alone) await run(file, false);
/** Runs `list` with `n` files at a time. */
const pool = (list, n) => Promise.all(Array.from({ length: Math.min(n, list.length) }, async () => {
  while (list.length) await run(list.shift(), n > 1);
}));
// With one job, the files marked `pair` go last, two at a time (with more jobs they are like the
// rest; TIMIO_TEST_JOBS=1 runs them one by one too).
const paired = jobs === 1 && process.env.TIMIO_TEST_JOBS !== '1' ? marked('pair').filter((f) => !alone.includes(f)) : [];
await pool(files.filter((f) => !alone.includes(f) && !paired.includes(f)), jobs);
await pool([...paired], 2);

const failed = results.filter((r) => !r.ok);
console.log(`\n[node-tests] ${files.length} files, ${jobs} at a time${paired.length ? ` (${paired.length} marked pair: 2)` : ''}, ${((Date.now() - started) / 1000).toFixed(1)} s; per file, slowest first (whole process / tests):`);
for (const r of [...results].sort((a, b) => b.seconds - a.seconds)) {
  console.log(`  ${r.seconds.toFixed(1).padStart(6)} s / ${r.tests.toFixed(1).padStart(5)} s  ${r.ok ? 'ok  ' : 'FAIL'} ${r.file}`);
}
console.log(`[node-tests] ${COUNTS.map((k) => `${k} ${totals[k]}`).join(', ')}`);
if (failed.length) console.log(`[node-tests] failed: ${failed.map((r) => `${r.file} (${r.how})`).join(', ')}`);
process.exit(failed.length ? 1 : 0);
