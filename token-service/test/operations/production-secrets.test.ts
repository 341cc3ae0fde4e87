// Issue 23 item 2: NODE_ENV=production refuses every published secret (the demo's portal and
// directory secrets, the dev media server's LiveKit pair, placeholders), whatever its length; the
// message names the variable and never repeats the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';
import { runServer, testEnv } from '../helpers.js';
import { DEMO_PORTAL_SECRET } from '../../../testing/node/demo-fixtures.js';

/** A production environment whose every secret is its own (random-looking, long). */
const own = (name: string) => `${name.toLowerCase()}-0f9e8d7c6b5a49382716`.padEnd(40, 'x');
const production = (overrides: Record<string, string>) => testEnv({
  NODE_ENV: 'production',
  PORTAL_JWT_SECRET: own('PORTAL'), LIVEKIT_API_SECRET: own('LIVEKIT'), INVITE_SIGNING_KEY: own('INVITE'),
  METRICS_TOKEN: own('METRICS'),
  ...overrides,
});

const published: Array<[string, string]> = [
  ['PORTAL_JWT_SECRET', DEMO_PORTAL_SECRET],
  ['DIRECTORY_SECRET', 'timio-demo-directory-secret-change-me'],
  ['LIVEKIT_API_SECRET', 'secret'],
  ['LIVEKIT_API_SECRET', 'devkey'],
  ['INVITE_SIGNING_KEY', DEMO_PORTAL_SECRET],
  ['METRICS_TOKEN', 'timio-demo-directory-secret-change-me'],
  ['PORTAL_JWT_SECRET', 'our-portal-secret-CHANGEME-before-going-live'],
];

test('item 2: production refuses each published or placeholder secret, naming the variable, not the value', () => {
  assert.doesNotThrow(() => loadConfig(production({})), 'secrets of its own start');
  for (const [name, secret] of published) {
    const env = production({ [name]: secret, ...(name === 'DIRECTORY_SECRET' ? { DIRECTORY_URL: 'http://127.0.0.1:3000/api/directory', DIRECTORY_FILE: '' } : {}) });
    assert.throws(() => loadConfig(env), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.ok(err.message.startsWith(`${name} is`), `${name}: ${err.message}`);
      // ("secret" is also a word of the message: short values are looked for as a quoted or assigned value.)
      const repeated = secret.length > 8 ? err.message.includes(secret) : new RegExp(`["'=:]\\s*${secret}\\b`).test(err.message);
      assert.ok(!repeated, `the message does not repeat the value: ${err.message}`);
      return true;
    });
    // Outside production the demo keeps working with them.
    assert.doesNotThrow(() => loadConfig({ ...env, NODE_ENV: undefined }), name);
  }
});

test('item 2: `NODE_ENV=production npm run token-service` with the demo portal secret exits 1 with one line naming PORTAL_JWT_SECRET', async () => {
  const p = runServer({ ...production({ PORTAL_JWT_SECRET: DEMO_PORTAL_SECRET }), PORT: '0' });
  assert.equal(await p.exited, 1);
  const { err, out } = p.output();
  assert.match(err, /^token service: PORTAL_JWT_SECRET is a published demo or placeholder value/m);
  assert.ok(!`${err}${out}`.includes(DEMO_PORTAL_SECRET));
  assert.doesNotMatch(out, /listening/);
});
