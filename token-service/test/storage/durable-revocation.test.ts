// Issue 13 item 1: a revocation is answered only once it is on disk, and the service refuses to
// start when DATA_DIR cannot be written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, expectError, portalToken, runServer, startService, tempDir, testEnv } from '../helpers.js';

/** Whether the invite log in DATA_DIR holds a revocation of this invite. */
function revokedOnDisk(dataDir: string, id: string): boolean {
  return readFileSync(join(dataDir, 'invites.log'), 'utf8').split('\n').some((line) => line.includes('"op":"revoke"') && line.includes(id));
}

test('item 1: a revocation that could not be saved is never reported as done, and holds after a restart once saved', async () => {
  const env = testEnv();
  const dataDir = env['DATA_DIR']!;
  let s = await startService({ env });
  try {
    const anna = portalToken('anna');
    const made = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    assert.equal(made.status, 201, made.text);
    const { id, invite } = made.body as { id: string; invite: string };

    // DATA_DIR becomes unwritable (a file where the folder was: fails even for root).
    renameSync(dataDir, `${dataDir}.away`);
    writeFileSync(dataDir, 'not a folder');
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${id}`, { token: anna });
      expectError(res, 503, 'storage_unavailable');
      assert.equal(res.body.revoked, undefined, `attempt ${attempt + 1} is not reported as revoked`);
    }
    const refused = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    expectError(refused, 503, 'storage_unavailable');
    assert.equal(refused.body.invite, undefined, 'no invite is handed out that is not saved');

    rmSync(dataDir);
    renameSync(`${dataDir}.away`, dataDir);
    assert.equal(revokedOnDisk(dataDir, id), false, 'the failed attempts saved nothing');

    const done = await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${id}`, { token: anna });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.revoked, true);
    assert.equal(revokedOnDisk(dataDir, id), true, 'the acknowledged revocation is on disk');

    await s.close();
    s = await startService({ env });
    expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: invite } }), 410, 'invite_revoked');
  } finally {
    await s.close();
  }
});

test('item 1: an unwritable DATA_DIR stops the start with one line naming it', async () => {
  const blocker = join(tempDir(), 'a-file');
  writeFileSync(blocker, 'x');
  const env = { ...testEnv(), DATA_DIR: join(blocker, 'data'), PORT: '0' };
  const p = runServer(env);
  assert.equal(await p.exited, 1);
  const { err } = p.output();
  assert.match(err, /DATA_DIR .*a-file\/data is not writable/);
  assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
});
