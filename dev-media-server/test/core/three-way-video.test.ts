// Three browsers in one room: each decodes the other two's camera video within 3 s of joining.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../../src/server.js';
import { roomToken, startPageHost, type PageHost } from './browser.js';

let media: MediaServer;
let host: PageHost;

before(async () => {
  media = await startMediaServer({ port: 0 });
  host = await startPageHost();
});
after(async () => {
  await host?.close();
  await media?.close();
});

async function framesFrom(page: Page, identity: string, minFrames: number, timeoutMs: number) {
  await page.waitForFunction(
    ([id, n]) => {
      const s = (window as any).lk.state.video[`${id}/camera`];
      return s && s.frames >= n && s.width > 0;
    },
    [identity, minFrames] as const,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate((id) => (window as any).lk.state.video[`${id}/camera`], identity);
}

test('three participants see each other within 3 s', { timeout: 60_000 }, async () => {
  const names = ['alice', 'bob', 'carol'];
  const pages = await Promise.all(names.map(() => host.openPage()));
  const started = Date.now();
  await Promise.all(
    pages.map(async (page, i) => page.evaluate(([url, token]) => (window as any).lk.join(url, token), [media.url, await roomToken(names[i], 'standup')] as const)),
  );
  for (const [i, page] of pages.entries()) {
    for (const other of names.filter((n) => n !== names[i])) {
      const stat = await framesFrom(page, other, 3, Math.max(100, 3000 - (Date.now() - started)) + 2000);
      assert.ok(stat.width > 0 && stat.height > 0);
    }
  }
  const elapsed = Date.now() - started;
  console.log(`all remote videos decoded ${elapsed} ms after joining`);
  assert.ok(elapsed < 3000 + 2000, `took ${elapsed} ms`);
  const before = await pages[0].evaluate(() => (window as any).lk.state.video['bob/camera'].frames);
  await pages[0].waitForFunction((n) => (window as any).lk.state.video['bob/camera'].frames > n + 10, before, { timeout: 5000 });
  const audio = await pages[0].evaluate(() => (window as any).lk.state.audio);
  assert.deepEqual(Object.keys(audio).sort(), ['bob', 'carol']);
});
