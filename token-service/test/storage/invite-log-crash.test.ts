// Issue 13 item 11: the invite store appends each change to a log (fsync'd) instead of rewriting
// everything, and kill -9 during a burst of revocations loses none that was acknowledged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, expectError, portalToken, portOf, runServer, startService, testEnv } from '../helpers.js';

test('item 11: a change appends one line to the log; earlier lines are never rewritten', async () => {
  const env = testEnv();
  const s = await startService({ env });
  try {
    const log = join(env['DATA_DIR']!, 'invites.log');
    const anna = portalToken('anna');
    const made = [];
    for (let i = 0; i < 3; i++) {
      const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
      assert.equal(res.status, 201, res.text);
      made.push(res.body as { id: string });
    }
    const before = readFileSync(log, 'utf8');
    assert.equal(before.trim().split('\n').length, 3);
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${made[1]!.id}`, { token: anna })).status, 200);
    const after = readFileSync(log, 'utf8');
    assert.ok(after.startsWith(before), 'the earlier lines are untouched');
    const added = JSON.parse(after.slice(before.length)) as { op: string; id: string };
    assert.deepEqual([added.op, added.id], ['revoke', made[1]!.id]);
  } finally {
    await s.close();
  }
});

test('item 11: kill -9 during a burst of revocations loses none that was acknowledged', async () => {
  const env = { ...testEnv(), PORT: '0', INVITES_PER_HOUR: '1000' };
  const { child, exited, listening } = runServer(env);
  try {
    const port = portOf(await listening);
    const base = `http://127.0.0.1:${port}`;
    const anna = portalToken('anna');
    const invites: Array<{ id: string; invite: string }> = [];
    for (let i = 0; i < 150; i++) {
      const res = await api(base, 'POST', '/v1/rooms/vertrieb/invites', { token: anna, body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
      assert.equal(res.status, 201, res.text);
      invites.push(res.body as { id: string; invite: string });
    }

    // Every revocation at once; the process is killed once 40 of them were acknowledged.
    const acknowledged: Array<{ id: string; invite: string }> = [];
    let killed = false;
    await Promise.all(invites.map(async (inv) => {
      try {
        const res = await api(base, 'DELETE', `/v1/rooms/vertrieb/invites/${inv.id}`, { token: anna });
        if (res.status === 200 && res.body?.revoked === true && !killed) acknowledged.push(inv);
      } catch {
        return; // the connection died with the process: not acknowledged
      }
      if (acknowledged.length >= 40 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }));
    await exited;
    assert.ok(killed, 'the process was killed during the burst');
    assert.ok(acknowledged.length >= 40);

    const s = await startService({ env, options: { rateLimits: { guestPerAddress: 10_000 } } }); // many lookups from one address
    try {
      for (const inv of acknowledged) {
        expectError(await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } }), 410, 'invite_revoked');
      }
      // And the invites themselves survived (any not revoked still opens).
      const open = invites.filter((i) => !acknowledged.includes(i));
      for (const inv of open.slice(-5)) {
        const res = await api(s.base, 'POST', '/v1/invites/lookup', { body: { invite: inv.invite } });
        assert.ok(res.status === 200 || res.body?.error?.code === 'invite_revoked', res.text);
      }
    } finally {
      await s.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
