#!/usr/bin/env node
// A host's project for the framework test (scripts/build/frameworks.test.ts): React 19, Vue 3,
// TypeScript and vue-tsc from the npm registry, plus the packed `timio-calls` (npm pack) installed
// from its tarball the way a host installs it.
//
// `npm test` runs in a network namespace with loopback only, where the registry is out of reach.
// So the registry part is prepared beforehand and kept: scripts/test.mjs runs `prepareConsumer()`
// before it enters the namespace (a no-op when the project is ready), and the test itself only
// installs the freshly packed tarball with `npm install --offline` (every dependency is in the
// project and in npm's cache by then). The project lives in node_modules/.cache/timio-consumer: it
// goes with `rm -rf node_modules`, and is prepared again when a version below or the package's own
// dependencies change. Nothing is vendored into the repository.
//   node scripts/build/consumer.mjs    prepare it (needs the registry; about 40 s the first time)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const consumerDir = join(root, 'node_modules', '.cache', 'timio-consumer');

/** What a React 19 / Vue 3 host has; exact versions, so the prepared project stays valid. */
export const FRAMEWORK_DEPENDENCIES = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  vue: '3.5.47',
  'vue-tsc': '3.3.14',
  typescript: '5.9.3',
};

const npmFlags = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
const marker = join(consumerDir, 'prepared.json');

/** Changes when the framework versions or the package's dependencies (what its tarball pulls in) change. */
function fingerprint() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return createHash('sha256').update(JSON.stringify([FRAMEWORK_DEPENDENCIES, pkg.dependencies, pkg.peerDependencies ?? {}])).digest('hex');
}

export function consumerReady() {
  return existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).fingerprint === fingerprint();
}

/** Packs the package as it is now into `dir`; returns the tarball's path. */
export function pack(dir) {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  return join(dir, info.filename);
}

/** Installs the tarball into the prepared project from npm's cache only (works without a network). */
export function installTarball(tarball) {
  execFileSync('npm', ['install', '--offline', ...npmFlags, tarball], { cwd: consumerDir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Installs the frameworks and the package's dependencies from the registry, unless that is done. */
export function prepareConsumer() {
  if (consumerReady()) return false;
  rmSync(consumerDir, { recursive: true, force: true });
  mkdirSync(consumerDir, { recursive: true });
  writeFileSync(join(consumerDir, 'package.json'), `${JSON.stringify({ name: 'timio-consumer', private: true, type: 'module' }, null, 2)}\n`);
  // The tarball as it is (dist/ may be stale or missing): what matters here is its dependencies.
  const tarball = pack(consumerDir);
  const deps = Object.entries(FRAMEWORK_DEPENDENCIES).map(([name, version]) => `${name}@${version}`);
  execFileSync('npm', ['install', '--prefer-offline', ...npmFlags, tarball, ...deps], { cwd: consumerDir, stdio: 'inherit' });
  writeFileSync(marker, `${JSON.stringify({ fingerprint: fingerprint() })}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const done = prepareConsumer();
  console.log(`[consumer] ${done ? 'prepared' : 'ready'}: ${consumerDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
