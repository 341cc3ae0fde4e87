#!/usr/bin/env node
// Runs every test suite in order and ends with one summary line per runner.
// WebRTC suites must not reach any network: as root we re-run ourselves inside a private network
// namespace with only loopback up (see README "Tests"); elsewhere we warn and run as is.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const inNamespace = process.env.TIMIO_NETNS === '1';
if (!inNamespace && process.getuid?.() === 0 && process.env.TIMIO_NO_NETNS !== '1') {
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TIMIO_NETNS: '1' },
  });
  process.exit(r.status ?? 1);
}
if (!inNamespace) console.warn('[test] not root: running without a private network namespace');

const stages = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['sdk units', 'npm', ['run', '-s', 'test:unit']],
  ['token service', 'npm', ['run', '-s', 'test:server']],
  ['dev media server', 'npm', ['run', '-s', 'test:media']],
  ['elements', 'npm', ['run', '-s', 'test:elements']],
  ['end to end', 'npm', ['run', '-s', 'test:e2e']],
];
const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of stages) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  results.push({ name, ok: r.status === 0, seconds: (Date.now() - started) / 1000 });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
