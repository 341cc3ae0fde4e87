// Issue 13 item 6: an address may hold only so many WebSockets that have not sent their first
// frame; the LiveKit webhook endpoint is rate-limited and checks the signed header before it reads
// a bounded body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { AccessToken } from 'livekit-server-sdk';
import { loadConfig } from '../../src/config.js';
import { TestPage } from '../realtime/pages.js';
import { fastSettings, portalToken, startService } from '../realtime/service.js';
import { api, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, startService as startRest, testEnv } from '../helpers.js';

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

test('item 6: an address holds at most maxPendingPerAddress sockets before their first frame', async () => {
  const svc = await startService({ ...fastSettings, authTimeoutMs: 30_000, maxPendingPerAddress: 3 });
  const sockets: WebSocket[] = [];
  try {
    const open = () => { const ws = new WebSocket(svc.wsUrl); sockets.push(ws); return ws; };
    for (let i = 0; i < 3; i++) assert.equal(await upgradeStatus(open()), 101);
    assert.equal(await upgradeStatus(open()), 429, 'the fourth waiting socket is refused');
    // A socket that sent its first frame no longer counts; a closed one neither.
    sockets[0]!.send(JSON.stringify({ type: 'auth', token: portalToken('anna') }));
    await new Promise<void>((resolve) => sockets[0]!.once('message', () => resolve()));
    assert.equal(await upgradeStatus(open()), 101);
    sockets[1]!.close();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && (status = await upgradeStatus(open())) !== 101) await new Promise((r) => setTimeout(r, 50));
    assert.equal(status, 101, 'a closed socket gives its slot back');
    // Full again (three sockets wait): even a page that would sign in must wait for a slot.
    const { ready } = await TestPage.ready(svc.wsUrl, portalToken('ben')).catch(() => ({ ready: undefined }));
    assert.equal(ready, undefined, 'still full: every slot is held by a waiting socket');
  } finally {
    for (const ws of sockets) ws.terminate();
    await svc.close();
  }
  assert.equal(loadConfig(testEnv()).realtime?.maxPendingPerAddress, undefined, 'default from settings (100)');
  assert.equal(loadConfig(testEnv({ REALTIME_MAX_PENDING_PER_ADDRESS: '7' })).realtime?.maxPendingPerAddress, 7);
  assert.throws(() => loadConfig(testEnv({ REALTIME_MAX_PENDING_PER_ADDRESS: '0' })), /REALTIME_MAX_PENDING_PER_ADDRESS must be a whole number/);
});

async function signed(body: string): Promise<string> {
  const at = new AccessToken(LIVEKIT_KEY, LIVEKIT_SECRET, { ttl: 300 });
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return at.toJwt();
}

test('item 6: the webhook is rate-limited per address and its body bounded to 64 KB, unsigned callers refused first', async () => {
  const s = await startRest({ env: testEnv({ WEBHOOK_REQUESTS_PER_MINUTE: '4' }) });
  try {
    const post = (body: string, auth?: string) => api(s.base, 'POST', '/v1/livekit/webhook', { rawBody: body, headers: { 'content-type': 'application/webhook+json', ...(auth ? { authorization: auth } : {}) } });
    // 100 KB under a valid signature: refused as too large (LiveKit's events are a few KB).
    const big = JSON.stringify({ event: 'room_started', id: 'EV_big', room: { name: 'x', metadata: 'm'.repeat(100_000) } });
    expectError(await post(big, await signed(big)), 413, 'payload_too_large');
    // Without a signature: 401, whatever the size.
    expectError(await post('y'.repeat(200_000)), 401, 'unauthorized');
    const small = JSON.stringify({ event: 'room_started', id: 'EV_small', room: { name: 'x' } });
    assert.equal((await post(small, await signed(small))).status, 200);
    expectError(await post(small), 401, 'unauthorized');
    const limited = await post(small, await signed(small));
    expectError(limited, 429, 'rate_limited');
    assert.ok(limited.headers.get('retry-after') || limited.headers.get('ratelimit'), 'says when to come back');
  } finally {
    await s.close();
  }
});
