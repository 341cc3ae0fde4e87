// `npm run bench`: runs every bench/<name>.ts (or the ones named on the command line) one after
// another and prints one table. A bench script prints result rows on stdout as lines
//   BENCH {"bench":"token-service","metric":"tokens/s over HTTP","value":1234,"unit":"1/s","target":">= 40% of bare"}
// (optional "ok", and "note": what the reader needs beside the figure, e.g. the machine's load)
// and may print anything else; only BENCH lines reach the table. A bench is a file directly in
// bench/; helpers they share live in bench/lib/ and are never run on their own. A run that fails
// (exit code, or no BENCH line) gets a "run failed" row saying why: the error at the end of its
// stderr, which still streams to the terminal as it runs.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { failureReason, Tail } from './lib/failure.js';

interface Row { bench: string; metric: string; value: number | string; unit?: string; target?: string; ok?: boolean; note?: string }

// Benchmarks open peer connections and launch Chromium: as root, re-run inside a private network
// namespace with only loopback up, like `npm test` does.
if (process.env.TIMIO_NETNS !== '1' && process.getuid?.() === 0 && process.env.TIMIO_NO_NETNS !== '1') {
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit', env: { ...process.env, TIMIO_NETNS: '1' },
  });
  process.exit(r.status ?? 1);
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here, { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.ts') && f.name !== 'run.ts' && !f.name.endsWith('.test.ts'))
  .map((f) => f.name.replace(/\.ts$/, ''))
  .sort();
const unknown = wanted.filter((name) => !benches.includes(name));
if (unknown.length > 0) {
  console.error(`no bench named ${unknown.join(', ')}; the benches: ${benches.join(', ')}`);
  process.exit(2);
}
const scripts = benches.filter((name) => wanted.length === 0 || wanted.includes(name));

/** Runs one bench script: its stdout collected for the BENCH lines, its stderr shown live and its tail kept. */
function run(name: string): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const stderr = new Tail();
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { process.stderr.write(d); stderr.push(d); });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr: stderr.toString() }));
  });
}

const rows: Row[] = [];
for (const name of scripts) {
  process.stderr.write(`bench ${name}…\n`);
  const r = await run(name);
  const found = r.stdout.split('\n').filter((l) => l.startsWith('BENCH ')).map((l) => JSON.parse(l.slice(6)) as Row);
  if (r.status !== 0 || found.length === 0) {
    const how = r.signal ? `killed (${r.signal})` : `exit ${r.status}`;
    const why = r.status === 0 ? 'printed no BENCH line' : failureReason(r.stderr);
    rows.push({ bench: name, metric: 'run failed', value: how, note: why });
  }
  rows.push(...found);
}

const cols = ['bench', 'metric', 'value', 'unit', 'target', 'ok', 'note'] as const;
const cell = (row: Row, c: (typeof cols)[number]) => {
  const v = row[c];
  if (c === 'ok') return v === undefined ? '' : v ? 'yes' : 'NO';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return v ?? '';
};
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r, c)).length)));
const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line([...cols]));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(cols.map((c) => String(cell(r, c)))));
