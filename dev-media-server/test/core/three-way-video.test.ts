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
  const connectedAt = await Promise.all(pages.map((p) => p.evaluate(() => (window as any).lk.state.connectedAt as number)));
  const latencies: number[] = [];
  for (const [i, page] of pages.entries()) {
    for (const [j, other] of names.entries()) {
      if (i === j) continue;
      const stat = await framesFrom(page, other, 3, 15_000);
      assert.ok(stat.width > 0 && stat.height > 0);
      latencies.push(stat.firstFrameAt - Math.max(connectedAt[i], connectedAt[j]));
    }
  }
  const worst = Math.max(...latencies);
  console.log(`first remote frame after joining: worst ${worst} ms, all ${latencies.join(', ')} ms (total ${Date.now() - started} ms)`);
  assert.ok(worst < 3000, `a participant waited ${worst} ms for remote video`);
  const before = await pages[0].evaluate(() => (window as any).lk.state.video['bob/camera'].frames);
  await pages[0].waitForFunction((n) => (window as any).lk.state.video['bob/camera'].frames > n + 10, before, { timeout: 5000 });
  const audio = await pages[0].evaluate(() => (window as any).lk.state.audio);
  assert.deepEqual(Object.keys(audio).sort(), ['bob', 'carol']);
});
