// The forwarding report over HTTP exists only when asked for: a server started like production
// does not serve it; the flag and the environment variable switch it on.
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../src/config.js';
import { startMediaServer } from '../src/server.js';
import { serverToken } from '../../testing/node/tokens.js';

test('without debugEndpoints, GET /debug/forwarding is 404 even with a roomAdmin token', async () => {
  const media = await startMediaServer({ port: 0 });
  try {
    const res = await fetch(`${media.url.replace('ws:', 'http:')}/debug/forwarding?room=r&identity=a`, {
      headers: { Authorization: `Bearer ${await serverToken({ roomAdmin: true, room: 'r' })}` },
    });
    assert.equal(res.status, 404);
  } finally {
    await media.close();
  }
});

test('--debug-endpoints and MEDIA_DEBUG_ENDPOINTS=1 switch it on; nothing else does', () => {
  assert.equal(readConfig(['--debug-endpoints'], {}).debugEndpoints, true);
  assert.equal(readConfig([], { MEDIA_DEBUG_ENDPOINTS: '1' }).debugEndpoints, true);
  assert.equal(readConfig([], { MEDIA_DEBUG_ENDPOINTS: 'true' }).debugEndpoints, undefined);
  assert.equal(readConfig([], {}).debugEndpoints, undefined);
});
