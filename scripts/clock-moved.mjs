#!/usr/bin/env node
// The node suites (SDK units, token service) with the clock moved: no test may depend on the
// calendar day. Runs them under Debian's libfaketime (`faketime`), by default 400 days ahead:
//   npm run test:clock                 # +400d
//   npm run test:clock -- -400d        # or any faketime offset
// redis-server hangs under libfaketime: the tests start it without LD_PRELOAD (processes.ts).
// Root on Debian gets `faketime` installed when it is missing, as `npm test` does for its packages.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const offset = process.argv[2] ?? '+400d';
if (!/^[+-]\d+[smhdy]?$/.test(offset)) {
  console.error(`usage: node scripts/clock-moved.mjs [offset like +400d or -30d] (got ${offset})`);
  process.exit(2);
}
const onPath = (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0;
if (!onPath('faketime')) {
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    console.error('[clock] faketime is missing; install it as root: apt-get install -y faketime');
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'faketime'], { stdio: 'inherit', env });
  if (r.status !== 0 || !onPath('faketime')) process.exit(1);
}
const shown = spawnSync('faketime', ['-f', offset, 'date', '-u', '+%Y-%m-%d %H:%M'], { encoding: 'utf8' }).stdout.trim();
console.log(`[clock] node suites with the clock at ${shown} UTC (${offset})`);
const stages = [
  ['sdk units', ['--jobs', '2', 'sdk/src/session', 'sdk/test']],
  ['token service', ['--jobs', '2', 'token-service/test']],
];
const results = [];
for (const [name, args] of stages) {
  console.log(`\n=== ${name}, clock ${offset} ===`);
  const r = spawnSync('faketime', ['-f', offset, process.execPath, 'scripts/node-tests.mjs', ...args], { stdio: 'inherit' });
  results.push([name, r.status === 0]);
}
console.log('\n=== clock moved: summary ===');
for (const [name, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (clock ${offset})`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
