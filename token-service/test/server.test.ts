// `npm run token-service` as a process: it starts from the environment, answers, stops on SIGTERM,
// and refuses a bad environment with one clear line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, portalToken, portOf, runServer, testEnv } from './helpers.js';

test('starts from the environment, issues tokens, stops on SIGTERM', async () => {
  const p = runServer({ ...testEnv(), PORT: '0' });
  const port = portOf(await p.listening);
  const base = `http://127.0.0.1:${port}`;
  assert.equal((await api(base, 'GET', '/healthz')).status, 200);
  const res = await api(base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } });
  assert.equal(res.status, 200, res.text);
  p.child.kill('SIGTERM');
  assert.equal(await p.exited, 0);
  assert.ok(!p.output().out.includes(res.body.token), 'the issued token is not in the output');
});

test('a bad environment stops the start with one line naming the problem', async () => {
  // One case (each start compiles TypeScript, slow on a busy machine); config.test.ts checks every
  // variable's message, this checks that the process prints it as one line and exits 1.
  const cases = [
    [{ ...testEnv(), PORTAL_JWT_SECRET: 'short', DIRECTORY_FILE: '/nonexistent/dir.json' }, /PORTAL_JWT_SECRET must be at least 32 bytes/],
  ] as const;
  await Promise.all(cases.map(async ([env, message]) => {
    const p = runServer(env);
    assert.equal(await p.exited, 1);
    const { err } = p.output();
    assert.match(err, message);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
  }));
});
