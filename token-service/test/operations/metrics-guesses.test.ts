// Issue 23 item 4: wrong METRICS_TOKEN guesses are limited per client address (10 per 15 minutes);
// right ones never count, and another address (the real scraper) is not locked out. Two loopback
// addresses (127.0.0.1, 127.0.0.2) are two clients.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startService, testEnv, type RunningService } from '../helpers.js';

const TOKEN = 'metrics-token-for-the-scraper-0123';
let s: RunningService;
before(async () => {
  s = await startService({ env: testEnv({ METRICS_TOKEN: TOKEN }) });
});
after(() => s.close());

/** GET /metrics from `from` (a loopback address) with this bearer token: status and error code. */
function scrape(from: string, token: string): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${s.base}/metrics`, { localAddress: from, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, ...(res.statusCode! >= 400 ? { code: (JSON.parse(text) as { error: { code: string } }).error.code } : {}) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('item 4: the scraper\'s right token never counts; wrong guesses from one address are refused (429) after 10', async () => {
  for (let i = 0; i < 30; i++) assert.equal((await scrape('127.0.0.1', TOKEN)).status, 200, `scrape ${i + 1}`);

  for (let i = 0; i < 10; i++) assert.deepEqual(await scrape('127.0.0.2', `wrong-guess-${i}`), { status: 401, code: 'unauthorized' }, `guess ${i + 1}`);
  for (let i = 10; i < 40; i++) assert.deepEqual(await scrape('127.0.0.2', `wrong-guess-${i}`), { status: 429, code: 'rate_limited' }, `guess ${i + 1}`);
  // A right guess from the limited address shows nothing either.
  assert.deepEqual(await scrape('127.0.0.2', TOKEN), { status: 429, code: 'rate_limited' });

  // The scraper at its own address goes on, and a few of its own mistakes are still just 401.
  assert.equal((await scrape('127.0.0.1', TOKEN)).status, 200);
  assert.deepEqual(await scrape('127.0.0.1', 'a-typo'), { status: 401, code: 'unauthorized' });
  assert.equal((await scrape('127.0.0.1', TOKEN)).status, 200);
});
