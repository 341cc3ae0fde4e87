// Issue 13 item 2: the standalone token service listens on loopback unless HOST says otherwise,
// and its startup line says where it listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../src/config.js';
import { testEnv } from '../helpers.js';

const serverFile = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

function start(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverFile], { env: { PATH: process.env['PATH'], ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c));
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const m = /^token service listening on .*$/m.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  const stopped = new Promise((resolve) => child.on('exit', resolve));
  return { line, stop: () => { child.kill('SIGTERM'); return stopped; } };
}

async function reachable(host: string, port: number): Promise<boolean> {
  try {
    return (await fetch(`http://${host}:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

test('item 2: without HOST the service listens on 127.0.0.1 only, and says so', async () => {
  const p = start({ ...testEnv(), PORT: '0' });
  try {
    const line = await p.line;
    const port = Number(/:(\d+) /.exec(line)?.[1]);
    assert.equal(await reachable('127.0.0.1', port), true);
    // Another address of this machine (all of 127/8 is local) must not answer.
    assert.equal(await reachable('127.0.0.2', port), false, 'not listening on every interface');
    assert.match(line, /listening on http:\/\/127\.0\.0\.1:\d+ \(HOST=127\.0\.0\.1/, 'the startup line names the address');
  } finally {
    await p.stop();
  }
});

test('item 2: HOST opens it where a deployment wants it; a bad HOST is refused', async () => {
  const p = start({ ...testEnv(), PORT: '0', HOST: '127.0.0.2' });
  try {
    const m = /listening on http:\/\/127\.0\.0\.2:(\d+)/.exec(await p.line);
    assert.ok(m);
    assert.equal(await reachable('127.0.0.2', Number(m[1])), true);
    assert.equal(await reachable('127.0.0.1', Number(m[1])), false);
  } finally {
    await p.stop();
  }
  assert.throws(() => loadConfig({ ...testEnv(), HOST: 'http://0.0.0.0' }), (e: unknown) => e instanceof ConfigError && /HOST must be an IP address/.test(e.message));
  assert.equal(loadConfig({ ...testEnv(), HOST: '::' }).host, '::');
});
