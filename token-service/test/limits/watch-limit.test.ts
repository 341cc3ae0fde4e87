// Issue 13 item 5: the watch limit counts what the page will watch after the frame, so padding
// `remove` with ids that are not watched does not raise it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestPage } from '../realtime/pages.js';
import { fastSettings, portalToken, startService } from '../realtime/service.js';

test('item 5: padding remove with unwatched ids does not let a page watch more than the limit', async () => {
  const svc = await startService({ ...fastSettings, maxWatched: 5 });
  try {
    const { page } = await TestPage.ready(svc.wsUrl, portalToken('anna'));
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    page.send({ type: 'watch', add: ids('a', 5) });
    assert.equal((await page.next('presence')).users.length, 5);

    page.send({ type: 'watch', add: ids('b', 5), remove: ids('never', 5) });
    const refused = await page.refusal();
    assert.equal(refused.error.code, 'invalid_input');
    assert.match(refused.error.message, /at most 5 contacts/);
    assert.ok(!page.received.some((m) => m.type === 'presence'), 'nothing of the refused frame was watched');
    assert.equal(svc.realtime.hub.pageCount, 1, 'the page stays open');

    // Swapping watched contacts within the limit still works.
    page.send({ type: 'watch', add: ids('b', 2), remove: ids('a', 2) });
    const swapped = await page.next('presence');
    assert.deepEqual(swapped.users.map((u) => u.id).sort(), ['b0', 'b1']);
  } finally {
    await svc.close();
  }
});
