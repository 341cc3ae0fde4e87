// A room conference survives the person's page changes in the demo portal (issue 10, like the 1:1
// call of issue 12): Anna (moderator of Vertrieb, confirmed at the pre-join) and Ben are in the
// conference of room Vertrieb; Anna goes Chat room → Journal → Portal → room list → Chat room
// through the portal's links. After each change her conference is back at once (no pre-join; full
// window on pages without the room's panel, the room page's own panel on the room page), her
// microphone still off, still moderator; Ben sees her video again, sees her as reconnecting during
// the change and never "left" or "joined"; the host hears `resumed`, never a second `joined`; the
// meeting's chat history is still in her chat panel. A duplicate of Anna's tab (window.open copies
// the tab's sessionStorage) does not take the conference. Real token service, dev media server,
// demo portal, Chromium with fake cameras, one browser context per person.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/conference-pages.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { de as conferenceDe } from '../sdk/src/views/conference/i18n/de.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const LONG = 2 * WAIT_MS;

const conf = (p: Person) => p.page.locator('timio-conference').first();
const tileVideo = (who: string) => `timio-conference timio-video-tile[data-key="${who}:camera"] video`;

/** Host events `timio-conference-*` of every page of this person, kept in localStorage across page loads. */
async function recordHostEvents(p: Person): Promise<void> {
  await p.context.addInitScript(() => {
    for (const type of ['joined', 'resumed', 'left', 'ended']) {
      document.addEventListener(`timio-conference-${type}`, (e) => {
        const list = JSON.parse(localStorage.getItem('test-conference-events') ?? '[]') as string[];
        const moderator = (e as CustomEvent<{ moderator?: boolean }>).detail.moderator;
        list.push(moderator === undefined ? type : `${type}:${moderator ? 'moderator' : 'member'}`);
        localStorage.setItem('test-conference-events', JSON.stringify(list));
      });
    }
  });
}
const hostEvents = (p: Person) => p.page.evaluate(() => JSON.parse(localStorage.getItem('test-conference-events') ?? '[]') as string[]);

/**
 * What Ben's page shows over time: the conference's notices, whether Anna's tile says she is
 * reconnecting, and his room bar's line; each distinct value once, in order.
 */
async function watchBen(page: Page): Promise<void> {
  // A plain script (no named functions from the test's transpiler in the page).
  await page.evaluate(`(() => {
    const seen = { notices: [], annaTile: [], bar: [] };
    window.seen = seen;
    // Notices still shown from Ben's own join (everyone present then) are not news of a page change.
    const before = new Set(document.querySelector('timio-conference')?.shadowRoot?.querySelectorAll('.notices .notice') ?? []);
    setInterval(() => {
      const root = document.querySelector('timio-conference')?.shadowRoot;
      for (const p of root?.querySelectorAll('.notices .notice') ?? []) if (!before.has(p) && !seen.notices.includes(p.textContent)) seen.notices.push(p.textContent);
      const tile = root?.querySelector('timio-conference-stage')?.shadowRoot?.querySelector('timio-video-tile[data-key="anna:camera"]');
      const state = !tile ? 'none' : tile.shadowRoot?.querySelector('[part="reconnecting"]') ? 'reconnecting' : tile.shadowRoot?.querySelector('video') ? 'video' : 'no-video';
      if (seen.annaTile.at(-1) !== state) seen.annaTile.push(state);
      // In the meeting his bar says so ("In der Besprechung"); who it counts are its avatars.
      const barRoot = document.querySelector('timio-room-bar')?.shadowRoot;
      const bar = (barRoot?.querySelector('.state [role="status"]')?.textContent?.trim() ?? '') + ' · ' + (barRoot?.querySelectorAll('[part="people"] li:not(.more)').length ?? 0) + ' avatars';
      if (seen.bar.at(-1) !== bar) seen.bar.push(bar);
    }, 30);
  })()`);
}
const benSeen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { notices: string[]; annaTile: string[]; bar: string[] } }).seen);

/** Follows one of the portal's links, as a person does (the link's own click: a full-window conference covers the page). */
async function follow(p: Person, portalUrl: string, selector: string, path: string): Promise<void> {
  const link = p.page.locator(selector).first();
  await Promise.all([
    p.page.waitForURL(`${portalUrl}${path}`, { timeout: WAIT_MS }),
    link.evaluate((a) => (a as HTMLAnchorElement).click()),
  ]);
}

describe('a room conference survives page changes in the portal', { timeout: 900_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let anna: Person;
  let ben: Person;

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    [anna, ben] = await Promise.all(['anna', 'ben'].map((id) => signIn(browser, stack.portal.url, id, 'de')));
    for (const p of [anna, ben]) await recordHostEvents(p);
    await anna.goto('/chat/vertrieb');
    await ben.goto('/chat/vertrieb');
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** Anna's conference is back and running; Ben decodes her camera again. */
  async function backAgain(fullWindow: boolean): Promise<void> {
    await conf(anna).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    assert.equal(await anna.page.locator('timio-conference-prejoin').count(), 0, 'no pre-join after a page change');
    assert.equal(await anna.page.locator('timio-conference').count(), 1, 'one conference on the page');
    assert.equal(await conf(anna).getAttribute('full-window'), fullWindow ? '' : null);
    await framesAdvance(anna.page, tileVideo('ben'), { advance: 5, timeoutMs: LONG });
    await framesAdvance(ben.page, tileVideo('anna'), { advance: 5, timeoutMs: LONG });
    // Her microphone as she left it: off.
    await anna.page.locator('timio-conference timio-control-bar button.mic.toggle-off').first().waitFor({ state: 'attached', timeout: WAIT_MS });
  }

  it('Anna (as moderator) and Ben join from the room page; Anna writes in the chat and turns her microphone off', async () => {
    await anna.page.locator('timio-room-bar [part="join"]').click();
    await anna.page.locator('timio-conference-prejoin .join-moderator').click();
    await ben.page.locator('timio-room-bar [part="join"]').click();
    await ben.page.locator('timio-conference-prejoin .join').click();
    for (const p of [anna, ben]) await conf(p).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    await framesAdvance(anna.page, tileVideo('ben'), { advance: 5, timeoutMs: LONG });
    await framesAdvance(ben.page, tileVideo('anna'), { advance: 5, timeoutMs: LONG });
    await anna.page.locator('timio-conference timio-control-bar .controls button.chat').click();
    await anna.page.locator('timio-chat-panel textarea').fill('Ich wechsle gleich die Seite.');
    await anna.page.locator('timio-chat-panel textarea').press('Enter');
    await ben.page.locator('timio-conference timio-control-bar .controls button.chat').click();
    await ben.page.locator('timio-chat-panel .message[data-from="anna"]').filter({ hasText: 'Ich wechsle gleich die Seite.' }).waitFor({ timeout: WAIT_MS });
    await ben.page.locator('timio-conference timio-control-bar .controls button.chat').click();
    await anna.page.locator('timio-conference timio-control-bar .controls button.chat').click();
    await anna.page.locator('timio-conference timio-control-bar .controls button.mic').click();
    await anna.page.locator('timio-conference timio-control-bar button.mic.toggle-off').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    await ben.page.locator('timio-conference timio-video-tile[data-key="anna:camera"] [data-badge="mic-muted"]').waitFor({ timeout: WAIT_MS });
    await watchBen(ben.page);
    assert.deepEqual(await hostEvents(anna), ['joined:moderator']);
  });

  it('Chat room → Journal → Portal → room list → Chat room: the conference goes on after each change', async () => {
    const url = stack.portal.url;
    await follow(anna, url, 'header nav a[href="/journal"]', '/journal');
    await backAgain(true);
    await follow(anna, url, 'header nav a[href="/"]', '/');
    await backAgain(true);
    await follow(anna, url, 'header nav a[href="/chat"]', '/chat');
    await backAgain(true);
    await follow(anna, url, 'li[data-room="vertrieb"] a', '/chat/vertrieb');
    // Back on the room page: in the panel the page placed for the room, not full window.
    await backAgain(false);
    assert.equal(await anna.page.locator('aside.conference timio-conference[room="vertrieb"]').count(), 1);
    // Still moderator (confirmed at the pre-join): "Konferenz beenden" is hers.
    await anna.page.locator('timio-conference timio-control-bar button.end').first().waitFor({ state: 'attached', timeout: WAIT_MS });

    // The host heard one join and then only resumes, never "left".
    assert.deepEqual(await hostEvents(anna), ['joined:moderator', 'resumed:moderator', 'resumed:moderator', 'resumed:moderator', 'resumed:moderator']);
    assert.deepEqual(await hostEvents(ben), ['joined:member']);
    // Ben saw her as reconnecting during the changes, and never "left" or "joined".
    const seen = await benSeen(ben.page);
    console.log(`Ben's view of Anna's tile: ${seen.annaTile.join(' → ')}`);
    console.log(`Ben's room bar during the changes: ${seen.bar.join(' → ')}`);
    assert.ok(seen.annaTile.includes('reconnecting'), `Anna's tile said "reconnecting" at Ben's: ${seen.annaTile.join(' → ')}`);
    assert.ok(!seen.annaTile.includes('none'), `Anna's tile never went away at Ben's: ${seen.annaTile.join(' → ')}`);
    const anna_ = 'Anna Schmidt';
    for (const notice of [conferenceDe.left(anna_), conferenceDe.joined(anna_), conferenceDe.dropped(anna_)]) {
      assert.ok(!seen.notices.includes(notice), `Ben never saw "${notice}" (saw: ${seen.notices.join(' | ')})`);
    }
    await conf(ben).locator('.present').filter({ hasText: '2 Personen anwesend' }).waitFor({ timeout: WAIT_MS });
    // His room bar keeps counting her through the token service's grace: never 2 → 1 → 2.
    assert.ok(seen.bar.includes('In der Besprechung · 2 avatars'), `Ben's room bar: ${seen.bar.join(' → ')}`);
    assert.ok(!seen.bar.some((line) => line.endsWith(' 1 avatars')), `Ben's room bar never went to 1: ${seen.bar.join(' → ')}`);
  });

  it('the meeting\'s chat history is still in Anna\'s chat panel', async () => {
    await anna.page.locator('timio-conference timio-control-bar .controls button.chat').click();
    await anna.page.locator('timio-chat-panel .message.mine').filter({ hasText: 'Ich wechsle gleich die Seite.' }).waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-conference timio-control-bar .controls button.chat').click();
  });

  it('a duplicate of Anna\'s tab does not take the conference', async () => {
    const opened = anna.context.waitForEvent('page');
    await anna.page.evaluate(() => void window.open(location.href, '_blank'));
    const second = await opened;
    await second.waitForLoadState('domcontentloaded');
    await second.waitForFunction(() => !!customElements.get('timio-call-button'), undefined, { timeout: WAIT_MS });
    // The copy of the tab's marker is dropped once the page finds the conference held by the first tab.
    await waitUntil(() => second.evaluate(() => sessionStorage.getItem('timio:tab-conference') === null), 'the duplicate gave up the conference');
    assert.equal(await second.locator('timio-conference[phase="joining"], timio-conference[phase="in"]').count(), 0, 'the duplicate did not join');
    await framesAdvance(ben.page, tileVideo('anna'), { advance: 5, timeoutMs: LONG });
    await conf(anna).locator('.conference[data-phase="in"]').waitFor({ timeout: WAIT_MS });
    await second.close();
    assert.deepEqual(await hostEvents(ben), ['joined:member']);
  });

  it('when Anna leaves, Ben sees her go without the reconnecting grace (her goodbye arrived)', async () => {
    const before = (await benSeen(ben.page)).annaTile.length;
    await anna.page.locator('timio-conference timio-control-bar .controls button.leave').click();
    await conf(anna).locator('[part="ended"][data-reason="left"]').waitFor({ timeout: WAIT_MS });
    const started = Date.now();
    await conf(ben).locator('.present').filter({ hasText: conferenceDe.present(1) }).waitFor({ timeout: WAIT_MS });
    console.log(`Ben saw Anna gone ${Date.now() - started} ms after her view ended`);
    const seen = await benSeen(ben.page);
    const after = seen.annaTile.slice(before);
    assert.ok(!after.includes('reconnecting'), `no "reconnecting" for a real leave: ${after.join(' → ')}`);
    assert.ok(seen.notices.includes(conferenceDe.left('Anna Schmidt')), `Ben saw "left" (saw: ${seen.notices.join(' | ')})`);
    // Her goodbye reached the token service too: the room bar drops her without the grace.
    await waitUntil(async () => (await benSeen(ben.page)).bar.at(-1) === 'In der Besprechung · 1 avatars', 'Ben\'s room bar counts only him');
    console.log(`Ben's room bar showed 1 person ${Date.now() - started} ms after her view ended`);
    assert.equal(await anna.page.evaluate(() => sessionStorage.getItem('timio:tab-conference')), null, 'the tab holds no conference any more');
  });
});
