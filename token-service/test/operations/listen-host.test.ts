// Issue 13 item 2: the standalone token service listens on loopback unless HOST says otherwise,
// and its startup line says where it listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';
import { portOf, runServer, testEnv } from '../helpers.js';

async function reachable(host: string, port: number): Promise<boolean> {
  try {
    return (await fetch(`http://${host}:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

test('item 2: without HOST the service listens on 127.0.0.1 only, and says so', async () => {
  const p = runServer({ ...testEnv(), PORT: '0' });
  try {
    const line = await p.listening;
    const port = portOf(line);
    assert.equal(await reachable('127.0.0.1', port), true);
    // Another address of this machine (all of 127/8 is local) must not answer.
    assert.equal(await reachable('127.0.0.2', port), false, 'not listening on every interface');
    assert.match(line, /listening on http:\/\/127\.0\.0\.1:\d+ \(HOST=127\.0\.0\.1/, 'the startup line names the address');
  } finally {
    await p.stop();
  }
});

test('item 2: HOST opens it where a deployment wants it; a bad HOST is refused', async () => {
  const p = runServer({ ...testEnv(), PORT: '0', HOST: '127.0.0.2' });
  try {
    const m = /listening on http:\/\/127\.0\.0\.2:(\d+)/.exec(await p.listening);
    assert.ok(m);
    assert.equal(await reachable('127.0.0.2', Number(m[1])), true);
    assert.equal(await reachable('127.0.0.1', Number(m[1])), false);
  } finally {
    await p.stop();
  }
  assert.throws(() => loadConfig({ ...testEnv(), HOST: 'http://0.0.0.0' }), (e: unknown) => e instanceof ConfigError && /HOST must be an IP address/.test(e.message));
  assert.equal(loadConfig({ ...testEnv(), HOST: '::' }).host, '::');
});
