#!/usr/bin/env node
// Runs every test suite in order and ends with one summary line per runner.
// The suites drive Debian's Chromium and Firefox ESR and start redis-server: when they are missing, root on a
// Debian machine gets them installed here (apt-get); anyone else is told the command at once.
// WebRTC suites must not reach any network: as root we re-run ourselves inside a private network
// namespace with only loopback up (see docs/testing.md); elsewhere we warn and run as is.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const stages = [
  // [name, command, args, Debian packages the stage needs (each installs a command of its name)]
  ['typecheck', 'npm', ['run', '-s', 'typecheck'], []],
  ['build', 'npm', ['run', '-s', 'build'], []],
  // docs/elements.md fresh, every docs link resolving, manifest complete, npm package resolvable, the packed package in a
  // React 19 / Vue 3 host project (needs the build); the bench runner's helpers (bench/lib)
  ['docs and package', 'npm', ['run', '-s', 'test:docs'], []],
  ['sdk units', 'npm', ['run', '-s', 'test:unit'], []],
  ['token service', 'npm', ['run', '-s', 'test:server'], ['redis-server']],
  ['dev media server', 'npm', ['run', '-s', 'test:media'], ['chromium']],
  ['elements', 'npm', ['run', '-s', 'test:elements'], ['chromium', 'firefox-esr']],
  ['end to end', 'npm', ['run', '-s', 'test:e2e'], ['chromium', 'firefox-esr']],
];
const only = process.argv.slice(2);
const chosen = stages.filter(([name]) => !only.length || only.some((o) => name.includes(o)));

const inNamespace = process.env.TIMIO_NETNS === '1';
const isRoot = process.getuid?.() === 0;
const wantNamespace = !inNamespace && isRoot && process.env.TIMIO_NO_NETNS !== '1';
// Before the private network namespace: apt needs the network. `ip` (iproute2) brings up its loopback.
if (!inNamespace) {
  const packages = new Map(chosen.flatMap((s) => s[3]).map((p) => [p, p]));
  if (wantNamespace) packages.set('ip', 'iproute2');
  installMissing(packages);
}

// The framework test's host project (React, Vue, TypeScript from the npm registry) is installed
// here too, while there is a network; inside, the test installs the packed SDK from npm's cache only
// (scripts/build/consumer.mjs). Kept between runs: a no-op when ready.
if (!inNamespace && chosen.some(([name]) => name === 'docs and package')) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./build/consumer.mjs', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) console.warn('[test] preparing the framework host project failed (no registry?): scripts/build/frameworks.test.ts will say so');
}

if (wantNamespace) {
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TIMIO_NETNS: '1' },
  });
  process.exit(r.status ?? 1);
}
if (!inNamespace && !isRoot) console.warn('[test] not root: running without a private network namespace');

const results = [];
for (const [name, cmd, args] of chosen) {
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

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the Debian packages whose command (key) is missing, or stops saying how. */
function installMissing(packages) {
  const missing = [...packages].filter(([command]) => !onPath(command)).map(([, p]) => p);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot || !onPath('apt-get')) {
    console.error(`[test] missing Debian package(s) ${missing.join(', ')}. Install them as root, then run npm test again:`);
    console.error(`  ${isRoot ? command : `sudo sh -c '${command}'`}`);
    process.exit(1);
  }
  console.log(`[test] installing ${missing.join(', ')} from Debian: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A stale mirror list fails `update` on some machines although the install still works.
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  const still = [...packages].filter(([c]) => !onPath(c)).map(([, p]) => p);
  if (r.status !== 0 || still.length > 0) {
    console.error(`[test] installing ${still.join(' ') || missing.join(' ')} failed; run this as root and retry:\n  ${command}`);
    process.exit(1);
  }
}
