#!/usr/bin/env node
// Load for checking that the tests hold on a busy machine: `node scripts/busy.mjs [processes] [minutes]`
// starts that many processes (default 2) that each keep one core busy, and stops them after the
// given minutes (default 20) or when it is stopped itself (Ctrl-C, kill). Typical use:
//   node scripts/busy.mjs 2 & npm test; kill $!
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === '--spin') {
  // one busy core until the deadline; the parent stops it earlier by a signal
  const end = Number(process.argv[3]);
  let x = 0;
  while (Date.now() < end) for (let i = 0; i < 1e6; i++) x += Math.sqrt(i);
  process.exit(x > 0 ? 0 : 1);
}

const count = Number(process.argv[2] ?? 2);
const minutes = Number(process.argv[3] ?? 20);
if (!Number.isInteger(count) || count < 1 || !(minutes > 0)) {
  console.error('usage: node scripts/busy.mjs [processes >= 1] [minutes > 0]');
  process.exit(2);
}
const end = Date.now() + minutes * 60_000;
const workers = Array.from({ length: count }, () => fork(fileURLToPath(import.meta.url), ['--spin', String(end)], { stdio: 'inherit' }));
console.error(`[busy] ${count} busy processes for ${minutes} min (pids ${workers.map((w) => w.pid).join(' ')})`);
const stop = () => {
  for (const w of workers) w.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
let running = count;
for (const w of workers) {
  w.on('exit', () => {
    if (--running === 0) {
      console.error('[busy] done');
      process.exit(0);
    }
  });
}
