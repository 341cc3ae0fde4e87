// Issue 13 item 12: the call routes' 4 KB body limit applies (the general 16 KB parser used to run
// first, so it never did).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, expectError, portalToken, startService } from '../helpers.js';

test('item 12: a call or room ring with a body over 4 KB is refused with 413 and rings nobody', async () => {
  const s = await startService();
  try {
    const anna = portalToken('anna');
    const pad = 'x'.repeat(5_000); // over 4 KB, under the general 16 KB
    expectError(await api(s.base, 'POST', '/v1/calls', { token: anna, body: { callee: 'ben', pad } }), 413, 'payload_too_large');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/ring', { token: anna, body: { pad } }), 413, 'payload_too_large');
    expectError(await api(s.base, 'POST', '/v1/calls/0123456789abcdef01234567/end', { token: anna, body: { pad } }), 413, 'payload_too_large');
    // Nothing rang: anna's and ben's lines are free, so a proper call goes through.
    const ok = await api(s.base, 'POST', '/v1/calls', { token: anna, body: { callee: 'ben' } });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    // The other routes keep the general 16 KB limit.
    const token = await api(s.base, 'POST', '/v1/token', { token: anna, body: { room: 'vertrieb', pad } });
    assert.equal(token.status, 200, token.text);
  } finally {
    await s.close();
  }
});
