// The signal connection's access token in an `Authorization: Bearer` header, as LiveKit's Rust-based
// SDKs (e.g. @livekit/rtc-node) send it, beside the `access_token` query parameter livekit-client
// uses. A raw WebSocket/HTTP client, so the header is exactly what is sent.
// node-tests: pair (Node only, no browser: scripts/node-tests.mjs runs it beside another such file)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignalResponse } from '@livekit/protocol';
import WebSocket from 'ws';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { roomToken } from '../../testing/node/tokens.js';

let media: MediaServer;
let http: string;

before(async () => {
  media = await startMediaServer({ port: 0 });
  http = media.url.replace('ws:', 'http:');
});
after(async () => {
  await media?.close();
});

const QUERY = 'auto_subscribe=0&sdk=rust&protocol=16';

/** Opens /rtc with these headers; resolves with the join response, or the refused upgrade's status and text. */
function connect(headers: Record<string, string>, query = QUERY): Promise<{ join?: SignalResponse; status?: number; text?: string; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${media.url}/rtc?${query}`, { headers });
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('no answer within 20 s')); }, 20_000);
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0, text }); });
    });
    ws.on('message', (data: Buffer) => {
      const message = SignalResponse.fromBinary(new Uint8Array(data));
      if (message.message.case !== 'join') return;
      clearTimeout(timer);
      resolve({ join: message, ws });
    });
    ws.once('error', (err) => { clearTimeout(timer); reject(err); });
  });
}

describe('access token in the Authorization header', { timeout: 60_000 }, () => {
  test('a client sending "Authorization: Bearer <token>" joins the room the token names', async () => {
    const token = await roomToken('rusty', 'bearer-room');
    const validate = await fetch(`${http}/rtc/validate?${QUERY}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(validate.status, 200, await validate.clone().text());
    assert.equal(await validate.text(), 'success');

    const { join, ws, status, text } = await connect({ authorization: `Bearer ${token}` });
    assert.equal(status, undefined, `join refused: ${status} ${text}`);
    try {
      const response = join!.message.value as { room?: { name: string }; participant?: { identity: string } };
      assert.equal(response.room?.name, 'bearer-room');
      assert.equal(response.participant?.identity, 'rusty');
    } finally {
      ws!.close();
    }
  });

  test('a wrong bearer token is refused with 401, even beside a valid access_token parameter', async () => {
    const forged = await roomToken('mallory', 'bearer-room', {}, { apiSecret: 'guessed' });
    const good = await roomToken('mallory', 'bearer-room');
    const validate = await fetch(`${http}/rtc/validate?${QUERY}&access_token=${good}`, { headers: { authorization: `Bearer ${forged}` } });
    assert.equal(validate.status, 401);
    const refused = await connect({ authorization: `Bearer ${forged}` }, `${QUERY}&access_token=${good}`);
    assert.equal(refused.status, 401, `expected 401, got ${refused.status ?? 'a join'}`);
    assert.match(refused.text ?? '', /signature/i);
  });

  test('an Authorization header that is not "Bearer <token>" is refused with 401', async () => {
    const token = await roomToken('basil', 'bearer-room');
    const refused = await connect({ authorization: `Basic ${Buffer.from('devkey:secret').toString('base64')}` }, `${QUERY}&access_token=${token}`);
    assert.equal(refused.status, 401);
    assert.match(refused.text ?? '', /Bearer/);
  });

  test('without header or parameter the join is refused with 401 "no access token given"', async () => {
    const refused = await connect({});
    assert.equal(refused.status, 401);
    assert.equal(refused.text, 'no access token given');
  });
});
