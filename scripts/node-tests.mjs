#!/usr/bin/env node
// Node 20's test runner does not expand globs: find *.test.ts under the given folders (or take the
// given files) and run them one file at a time (suites start real servers and browsers; two cores
// do not take more).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
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
const files = process.argv.slice(2).flatMap(find).sort();
if (files.length === 0) {
  console.error(`no test files under ${process.argv.slice(2).join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
