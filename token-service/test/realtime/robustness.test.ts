// Hostile and broken pages: malformed frames, floods, oversized frames, pages that vanish without
// closing and pages that stop reading. Each is closed with its code and the service keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startService, type RunningService } from './service.js';

describe('realtime robustness', () => {
  let svc: RunningService;
  before(async () => {
    svc = await startService({ ...fastSettings, messagesPerSecond: 10, messageBurst: 20, maxFrameBytes: 4096, maxBufferedBytes: 64 * 1024, maxWatched: 50, maxPagesPerUser: 3 });
  });
  after(async () => { await svc.close(); });

  /** The service still answers a fresh page after whatever the test did. */
  async function stillServing(): Promise<void> {
    const { page } = await TestPage.ready(svc.wsUrl, portalToken('carla'));
    page.send({ type: 'ping' });
    await page.next('pong');
    page.close();
  }

  for (const [what, frame] of [
    ['not JSON', '{"type":'],
    ['a JSON array', '[1,2]'],
    ['an unknown type', '{"type":"shutdown"}'],
    ['watch with a non-array', '{"type":"watch","add":"ben"}'],
    ['watch with a non-string id', '{"type":"watch","add":[{"id":"ben"}]}'],
  ] as const) {
    it(`closes a page that sends ${what} with 4003`, async () => {
      const { page } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
      page.send(frame);
      const closed = await page.closedWithin();
      assert.equal(closed.code, 4003);
      assert.ok(closed.reason.length > 0, 'the close says what was wrong');
      await stillServing();
    });
  }

  it('closes a malformed first frame with 4003 and a binary frame with 4003', async () => {
    const page = new TestPage(svc.wsUrl);
    await page.opened;
    page.send('{"type":"auth"}');
    assert.equal((await page.closedWithin()).code, 4003);
    const { page: bin } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    bin.ws.send(Buffer.from([1, 2, 3]));
    assert.equal((await bin.closedWithin()).code, 4003);
    await stillServing();
  });

  it('closes a flooding page with 4008 and an oversized frame with 1009', async () => {
    const { page } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    for (let i = 0; i < 200; i++) page.send({ type: 'ping' });
    assert.equal((await page.closedWithin()).code, 4008);
    assert.ok(page.received.filter((m) => m.type === 'pong').length <= 21, 'the flood was cut off at the burst');

    const { page: big } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    big.send({ type: 'watch', add: ['x'.repeat(100)], pad: 'y'.repeat(8192) });
    assert.equal((await big.closedWithin()).code, 1009);
    await stillServing();
  });

  it('closes a user\'s page beyond the per-user limit with 4008', async () => {
    const pages = await Promise.all([1, 2, 3].map(() => TestPage.ready(svc.wsUrl, portalToken('david'))));
    const extra = new TestPage(svc.wsUrl);
    await extra.opened;
    extra.send({ type: 'auth', token: portalToken('david') });
    assert.equal((await extra.closedWithin()).code, 4008);
    assert.deepEqual(extra.received, []);
    pages[0]!.page.close();
    while (svc.realtime.hub.pagesOf('david') > 2) await new Promise((r) => setTimeout(r, 10));
    const again = await TestPage.ready(svc.wsUrl, portalToken('david'));
    for (const p of [...pages.slice(1).map((x) => x.page), again.page]) p.close();
  });

  it('refuses to watch more contacts than the limit, with an error and no close', async () => {
    const { page } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    page.send({ type: 'watch', add: Array.from({ length: 51 }, (_, i) => `user${i}`) });
    assert.equal((await page.next('error')).error.code, 'invalid_input');
    page.send({ type: 'watch', add: ['ben'] });
    await page.next('presence');
    page.close();
  });

  it('drops a page that vanished without closing (no pong) and its user goes offline', async () => {
    const { page: watcher } = await TestPage.ready(svc.wsUrl, portalToken('emma'));
    watcher.send({ type: 'watch', add: ['felix'] });
    await watcher.presence('felix', 'offline');
    const { page: ghost } = await TestPage.ready(svc.wsUrl, portalToken('felix'));
    await watcher.presence('felix', 'online');
    // Stop reading: the ghost neither answers pings nor sends a close.
    (ghost.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await watcher.presence('felix', 'offline');
    watcher.close();
    ghost.ws.terminate();
  });

  it('cuts off a page that does not read what it is sent, and keeps serving the others', async () => {
    const { page: slow } = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    const watched = Array.from({ length: 25 }, (_, i) => `${"z".repeat(120)}-${i}`);
    slow.send({ type: 'watch', add: watched });
    await slow.next('presence');
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const pagesBefore = svc.realtime.hub.pageCount;
    // Every presence change of a watched user is sent to the slow page, which never drains: once
    // the kernel's buffers are full the service's own buffer grows to the limit (64 KB here).
    let rounds = 0;
    while (svc.realtime.hub.pageCount === pagesBefore && rounds < 100_000) {
      const id = watched[rounds++ % 25]!;
      await svc.realtime.bus.addPage(id);
      await svc.realtime.bus.removePage(id);
      if (rounds % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    assert.equal(svc.realtime.hub.pageCount, pagesBefore - 1, `the slow page was dropped (after ${rounds} rounds)`);
    slow.ws.terminate();
    await stillServing();
  });
});
