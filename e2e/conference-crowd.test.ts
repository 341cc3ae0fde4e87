// The conference page among many: Ben in room Vertrieb's conference in the demo portal (real token
// service, dev media server, demo portal, Chromium) with 12 synthetic participants publishing the
// committed VP8 clip (testing/node/synthetic-participants.ts). The page lists 13; the server forwards
// video only for the camera tiles on screen (its forwarding report); those tiles paint video; the
// page change moves the forwarding to the next page's tiles. The 24-participant version with
// figures is bench/conference.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/conference-crowd.test.ts'
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { SyntheticCrowd } from '../testing/node/synthetic-participants.js';
import { WAIT_MS } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { fillRoom, forwardingMatchesScreen, joinAsViewer, listedInPanel, publisherState, type ScreenAndServer } from '../testing/cross-process/conference-crowd.js';

const ROOM = 'vertrieb';
const SYNTHETIC = 12;
const PER_PAGE = 9;
/** Generous: 13 peer connections and a browser on a busy two-core machine. */
const LONG = 3 * WAIT_MS;

describe('a conference page among 12 synthetic participants', { timeout: 900_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let crowd: SyntheticCrowd;
  let ben: Person;
  let ids: string[];
  let firstPage: ScreenAndServer;

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    crowd = new SyntheticCrowd({ url: stack.media.url, max: SYNTHETIC });
    ids = await fillRoom(crowd, ROOM, SYNTHETIC, LONG);
    ben = await signIn(browser, stack.portal.url, 'ben', 'de');
    ben.context.setDefaultTimeout(LONG);
    await ben.page.setViewportSize({ width: 1600, height: 1000 });
    await joinAsViewer(ben, ROOM, LONG);
  });

  after(async () => {
    await browser?.close();
    await crowd?.close();
    await stack?.close();
  });

  const matches = (what: string) => forwardingMatchesScreen(stack.media, ROOM, ben.page, 'ben', what, LONG, (id) => publisherState(stack.media, crowd, ROOM, id));

  /** Each of these camera tiles paints new frames of the 160×90 clip. */
  async function tilesPaint(shown: string[]): Promise<void> {
    for (const id of shown) {
      const frames = await framesAdvance(ben.page, `timio-conference timio-video-tile[data-key="${id}:camera"] video`, { advance: 3, timeoutMs: LONG });
      assert.equal(`${frames.width}x${frames.height}`, '160x90', `${id}'s tile shows the clip`);
    }
  }

  it('lists 13 people: the header count and the participants panel', async () => {
    await ben.page.locator('timio-conference .present').filter({ hasText: '13 Personen anwesend' }).waitFor({ timeout: LONG });
    assert.equal(await listedInPanel(ben.page, SYNTHETIC + 1, LONG), SYNTHETIC + 1);
  });

  it('forwards video only for the first page of tiles, and those tiles paint it', async () => {
    firstPage = await matches('forwarding = the first page of tiles');
    assert.equal(firstPage.shown.length, PER_PAGE);
    assert.ok(firstPage.shown.every((id) => ids.includes(id)));
    // nothing else subscribed either: the page's subscriptions are the tiles on screen
    assert.deepEqual(firstPage.report.tracks.filter((t) => t.kind === 'video').map((t) => t.publisherIdentity).sort(), firstPage.shown);
    await tilesPaint(firstPage.shown);
  });

  it('the next page moves the forwarding to its tiles, which paint video', async () => {
    await ben.page.locator('timio-conference timio-conference-stage [part="pager"] button.next').click();
    const second = await matches('forwarding = the second page of tiles');
    assert.deepEqual(second.shown, ids.filter((id) => !firstPage.shown.includes(id)));
    assert.deepEqual(second.forwarded.filter((id) => firstPage.shown.includes(id)), [], 'nothing of page 1 is forwarded');
    await tilesPaint(second.shown);
  });
});
