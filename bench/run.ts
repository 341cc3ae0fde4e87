// `npm run bench`: runs every bench/<name>.ts (or the ones named on the command line) one after
// another and prints one table. A bench script prints result rows on stdout as lines
//   BENCH {"bench":"token-service","metric":"tokens/s over HTTP","value":1234,"unit":"1/s","target":">= 40% of bare"}
// and may print anything else; only BENCH lines reach the table.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

interface Row { bench: string; metric: string; value: number | string; unit?: string; target?: string; ok?: boolean }

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
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const rows: Row[] = [];
for (const name of scripts) {
  process.stderr.write(`bench ${name}…\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });
  const found = r.stdout.split('\n').filter((l) => l.startsWith('BENCH ')).map((l) => JSON.parse(l.slice(6)) as Row);
  if (r.status !== 0 || found.length === 0) rows.push({ bench: name, metric: 'run failed', value: `exit ${r.status}` });
  rows.push(...found);
}

const cols = ['bench', 'metric', 'value', 'unit', 'target', 'ok'] as const;
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
