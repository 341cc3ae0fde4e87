// Issue 23 item 3: a body that is not what its Content-Encoding says, or an encoding the service
// does not take, is the client's mistake: 400/415 with the JSON error on every /v1 route, never a
// 500 with a stack trace in the log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { expectError, portalToken, startService, type ApiResponse, type RunningService } from './helpers.js';

let s: RunningService;
before(async () => {
  s = await startService();
});
after(() => s.close());

/** POSTs `body` with the given Content-Encoding (bytes as given: not actually encoded unless the caller did). */
async function send(path: string, encoding: string, body: Uint8Array | string, token?: string): Promise<ApiResponse> {
  const res = await fetch(s.base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': encoding, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown, text, headers: res.headers };
}

// The token path in front of Express, an unauthenticated route, and a route with its own small parser.
const routes = [
  { path: '/v1/token', token: portalToken('anna'), body: { room: 'vertrieb' } },
  { path: '/v1/invites/lookup', body: { invite: 'x' } },
  { path: '/v1/calls', token: portalToken('anna'), body: { callee: 'ben' } },
  { path: '/v1/guest/token', body: { invite: 'x', name: 'Gast' } },
];

test('item 3: a plain body labelled gzip, deflate or br is 400 invalid_input on every route, nothing logged as an error', async () => {
  for (const route of routes) {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await send(route.path, encoding, JSON.stringify(route.body), route.token);
      expectError(res, 400, 'invalid_input');
      assert.match(res.body.error.message, /Content-Encoding/, `${route.path} ${encoding}`);
    }
    // A gzip stream cut off in the middle.
    expectError(await send(route.path, 'gzip', gzipSync(JSON.stringify(route.body)).subarray(0, 12), route.token), 400, 'invalid_input');
  }
  // (No LiveKit listens here: its start-up error is not about these requests.)
  const errors = s.logs.filter((line) => /"status":5\d\d|error 5\d\d|\n\s+at /.test(line));
  assert.deepEqual(errors, [], 'no 5xx, no stack trace');
});

test('item 3: an encoding the service does not take is 415 unsupported_media_type', async () => {
  for (const route of routes) {
    for (const encoding of ['compress', 'gzip, br', 'x-unknown']) {
      expectError(await send(route.path, encoding, JSON.stringify(route.body), route.token), 415, 'unsupported_media_type');
    }
  }
});

test('item 3: a body really gzipped is read as before', async () => {
  const res = await send('/v1/token', 'gzip', gzipSync(JSON.stringify({ room: 'vertrieb' })), portalToken('anna'));
  assert.equal(res.status, 200, res.text);
  assert.equal(typeof res.body.token, 'string');
});
