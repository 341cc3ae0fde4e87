// Conference bench: one browser page (Ben in the demo portal, through the real token service and
// dev media server) in room Vertrieb's conference with 24 synthetic participants publishing the
// committed VP8 clip (testing/node/synthetic-participants.ts). Checks that the page lists 25, that the
// server forwards video for at most the tiles on screen (its forwarding report), and that a page
// change moves the forwarding; measures the page's long tasks (PerformanceObserver 'longtask')
// per 10 s while the first page of tiles plays. Runs inside `unshare -n` (npm run bench does that
// as root): `npm run bench -- conference`.
import type { Page } from 'playwright-core';
import { startStack } from '../testing/cross-process/stack.js';
import { signIn } from '../testing/cross-process/people.js';
import { fillRoom, forwardingMatchesScreen, joinAsViewer, listedInPanel, publisherState } from '../testing/cross-process/conference-crowd.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { readForwarding } from '../testing/node/forwarding.js';
import { SyntheticCrowd } from '../testing/node/synthetic-participants.js';
import { WAIT_MS } from '../testing/wait.js';

const ROOM = 'vertrieb';
const SYNTHETIC = 24;
const WINDOWS = 3; // long tasks are summed over 3 windows of 10 s
const TARGET_MS = 200;
const LONG = 3 * WAIT_MS;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'conference', metric, value, unit, target, ok })}`);
}

/** Video frames decoded so far by every <video> of the conference (deep in its shadow roots). */
function decodedFrames(page: Page): Promise<number> {
  return page.locator('timio-conference timio-video-tile video').evaluateAll((videos) =>
    videos.reduce((sum, v) => sum + (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames, 0));
}

/** Sum of long-task durations (ms) that started within the next `ms`. */
function longTasksDuring(page: Page, ms: number): Promise<{ total: number; count: number; longest: number }> {
  return page.evaluate((span) => new Promise((resolve) => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    setTimeout(() => {
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      resolve({ total: tasks.reduce((a, b) => a + b, 0), count: tasks.length, longest: Math.max(0, ...tasks) });
    }, span);
  }), ms);
}

const stack = await startStack();
const crowd = new SyntheticCrowd({ url: stack.media.url, max: SYNTHETIC });
const browser = await launchChromium();
try {
  await fillRoom(crowd, ROOM, SYNTHETIC, LONG);
  const ben = await signIn(browser, stack.portal.url, 'ben', 'de');
  console.error('24 synthetic participants in; Ben joins');
  ben.context.setDefaultTimeout(LONG);
  await ben.page.setViewportSize({ width: 1600, height: 1000 });
  // Ben receives only: camera and microphone off in the pre-join.
  await joinAsViewer(ben, ROOM, LONG);

  console.error('Ben is in');
  // The page lists 25: the header's count and the participants panel.
  await ben.page.locator('timio-conference .present').filter({ hasText: '25 Personen anwesend' }).waitFor({ timeout: LONG });
  const listed = await listedInPanel(ben.page, 25, LONG);
  bench('participants listed (1 page + 24 synthetic)', listed, '', '25', listed === 25);

  // Forwarding follows the tiles on screen.
  const matches = (what: string) => forwardingMatchesScreen(stack.media, ROOM, ben.page, 'ben', what, LONG, (id) => publisherState(stack.media, crowd, ROOM, id));
  const first = await matches('forwarding = the first page of tiles');
  bench('videos forwarded, first page', first.forwarded.length, 'tracks', `= tiles on screen (${first.shown.length})`, first.forwarded.length === first.shown.length && first.shown.length <= 9);

  console.error(`first page: ${first.forwarded.length} forwarded`);
  // The long tasks while the first page plays (after a moment to settle), and the frames the page
  // decodes meanwhile (so that a quiet main thread is not a page that shows nothing).
  if (!(await ben.page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask')))) throw new Error('no longtask entries in this browser');
  await ben.page.waitForTimeout(3000);
  const framesBefore = await decodedFrames(ben.page);
  const windows: Array<{ total: number; count: number; longest: number }> = [];
  for (let i = 0; i < WINDOWS; i++) windows.push(await longTasksDuring(ben.page, 10_000));
  const decodedPerSecond = ((await decodedFrames(ben.page)) - framesBefore) / (WINDOWS * 10);
  bench('frames decoded on the page while measuring', Math.round(decodedPerSecond), '1/s', '~ 9 tiles × 10 fps');
  console.error(`long tasks per 10 s window: ${windows.map((w) => `${Math.round(w.total)} ms (${w.count}, longest ${Math.round(w.longest)} ms)`).join('; ')}`);
  const worst = Math.max(...windows.map((w) => w.total));
  const mean = windows.reduce((a, w) => a + w.total, 0) / windows.length;
  bench('long tasks per 10 s, mean of 3 windows', Math.round(mean), 'ms', `< ${TARGET_MS} ms`, mean < TARGET_MS);
  bench('long tasks per 10 s, worst window', Math.round(worst), 'ms', `< ${TARGET_MS} ms`, worst < TARGET_MS);

  // Next page: forwarding moves to its tiles; the long tasks of the 10 s from the click.
  const duringChange = longTasksDuring(ben.page, 10_000);
  await ben.page.locator('timio-conference timio-conference-stage [part="pager"] button.next').click();
  const second = await matches('forwarding = the second page of tiles');
  const change = await duringChange;
  bench('long tasks in the 10 s after a page change', Math.round(change.total), 'ms', `< ${TARGET_MS} ms`, change.total < TARGET_MS);
  const overlap = second.forwarded.filter((id) => first.forwarded.includes(id));
  console.error(`first page: ${first.forwarded.join(', ')}\nsecond page: ${second.forwarded.join(', ')}`);
  bench('videos forwarded after a page change', second.forwarded.length, 'tracks', `= tiles on screen (${second.shown.length}), none of page 1`,
    second.forwarded.length === second.shown.length && overlap.length === 0);
  const report = await readForwarding(stack.media, ROOM, 'ben');
  bench('subscriber SDP media sections at the page', report.subscriberSdp.mediaSections, '', 'bounded');
  await ben.close();
} finally {
  await browser.close();
  await crowd.close();
  await stack.close();
}
