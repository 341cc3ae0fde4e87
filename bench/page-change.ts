// Page-change bench (issue 12): in a 1:1 call in the demo portal, Anna follows a navigation link;
// measured from the click until the partner's video plays again on both sides (Anna's new page
// decodes Ben; Ben decodes Anna's new track), median of 5. Beside it, in the same run on the same
// media server: a bare livekit-client page that reloads and joins a room where another page
// publishes, until both decode each other (page load + join + publish + subscribe, nothing else).
// Goal: the page change takes at most 1.3× the bare join (1.5× before issue 21). Each bare join
// follows a page change in the same run (alternating), so both see the same machine load. Must
// run inside `unshare -n` with lo up (bench/run.ts does that).
import type { Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startLiveKitPageHost } from '../testing/cross-process/livekit-page.js';
import { roomToken } from '../testing/node/tokens.js';
import { buildSdk, startPortalAndService, startStack } from '../testing/cross-process/stack.js';
import { startMediaProcess, type MediaProcess } from '../testing/cross-process/media-process.js';
import { signIn } from '../testing/cross-process/people.js';
import { PAGE_TRACE, onVideoSource, traceOf } from './lib/page-trace.js';
import { median } from './lib/stats.js';

const RUNS = 5;
const LIMIT_MS = 60_000;
const TRACE = !!process.env.TRACE;

// When the link was clicked in Anna's page (epoch ms), kept for her next page: the page change's
// own start, as the bare side's is its reload in the page.
const CLICK_MARK = `document.addEventListener('click', () => sessionStorage.setItem('bench-click-at', String(Date.now())), true)`;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'page-change', metric, value, unit, target, ok })}`);
}


// Both sides of the ratio end the same way: when the partner's video has painted its second
// frame (it plays), as each page noted it (requestVideoFrameCallback, in epoch ms), not when the
// bench's polling saw it. The bare pages count their painted frames themselves
// (testing/cross-process/livekit-page-client.ts, `secondFrameAt`); in the portal's pages this
// script, installed before the page's own code, keeps each <video>'s painted frames since its
// video track was set.
const FRAME_LOG = `(() => {
  if (window.__frameLog) return;
  window.__frameLog = true;
  ${onVideoSource(`(video, v) => {
    if (!v.getVideoTracks) return;
    const track = v.getVideoTracks()[0];
    const id = track ? track.id : '';
    if (video.__framesOf === id) return;
    video.__framesOf = id;
    const frames = [];
    video.__frames = frames;
    const onFrame = (now) => {
      if (video.__frames !== frames) return;
      frames.push(performance.timeOrigin + now);
      if (frames.length > 900) frames.splice(0, 300);
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }`)}
})()`;

// The partner's camera video in the call window and its painted frames (epoch ms), as source text
// (tsx would wrap named functions in a helper the page lacks).
const PARTNER_FRAMES = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches('video[data-track="partner-camera"]')) return el;
      if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    }
    return null;
  };
  const v = find(document);
  return v && v.__frames ? v.__frames.slice(-300) : null;
})()`;

/** When (ms since epoch) the partner video was first painted on Anna's new page (for TRACE). */
let partnerSeenAt = 0;

/** Waits until the partner's video on a fresh page has painted two frames; returns when the second was painted. */
async function partnerPlays(page: Page): Promise<number> {
  const deadline = Date.now() + LIMIT_MS;
  let last: unknown;
  for (;;) {
    const frames = (await page.evaluate(PARTNER_FRAMES).catch((err: Error) => ((last = err.message), null))) as number[] | null;
    if (frames) last = `${frames.length} frames`;
    if (frames && frames.length >= 2) {
      partnerSeenAt = frames[0]!;
      return frames[1]!;
    }
    if (Date.now() > deadline) throw new Error(`the partner's video did not play within ${LIMIT_MS} ms (last seen: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// On the partner's page that stays: notes when the partner went away (overlay "reconnecting" or no
// video). The receiving track object may be reused for the new publication, so its id says nothing;
// the new stream's frames are those after the away moment that follow a gap in the painted frames.
const WATCH_AWAY = `(() => {
  const find = (root, sel) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(sel)) return el;
      if (el.shadowRoot) { const f = find(el.shadowRoot, sel); if (f) return f; }
    }
    return null;
  };
  window.__away = 0;
  if (window.__watching) clearInterval(window.__watching);
  window.__watching = setInterval(() => {
    const overlay = find(document, 'timio-status-overlay');
    const v = find(document, 'video[data-track="partner-camera"]');
    if (!v || !v.videoWidth || (overlay && overlay.getAttribute('state') === 'partner-reconnecting')) {
      window.__away = Date.now();
      clearInterval(window.__watching);
    }
  }, 20);
})()`;

/** When the partner away was seen (epoch ms), and then the second frame of their returning video was painted. */
async function partnerBack(page: Page): Promise<{ awayAt: number; at: number }> {
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const awayAt = (await page.evaluate('window.__away')) as number;
    const frames = awayAt ? ((await page.evaluate(PARTNER_FRAMES)) as number[] | null) ?? [] : [];
    const i = frames.findIndex((t, k) => t > awayAt && (k === 0 || t - frames[k - 1]! > 150));
    if (i >= 0 && frames.length > i + 1) return { awayAt, at: frames[i + 1]! };
    if (Date.now() > deadline) throw new Error(`the partner did not come back within ${LIMIT_MS} ms (away ${awayAt ? 'seen' : 'never seen'})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const env = { CALL_RING_TIMEOUT_SECONDS: '60', PRESENCE_GRACE_SECONDS: '1' };
/**
 * The media server in a process of its own, as LiveKit runs beside the portal and the token service
 * (webhooks to the service as there). In this process it shared one event loop with the token
 * service, the portal and this bench's browser driver: every request of the portal's new page
 * (its HTML, the SDK, the portal token, the realtime socket, the journal) then held up the media
 * server's DTLS handshakes and forwarding for both sides. `PAGE_CHANGE_MEDIA=inprocess` measures
 * that way again.
 */
async function startBenchStack(): Promise<{ media: { url: string }; portal: { url: string }; close(): Promise<void> }> {
  if (process.env.PAGE_CHANGE_MEDIA === 'inprocess') return startStack(env);
  let media: MediaProcess | undefined;
  const parts = await startPortalAndService({
    distDir: await buildSdk(),
    livekit: async (tokenServiceUrl) => (media = await startMediaProcess({ webhooks: [`${tokenServiceUrl}/v1/livekit/webhook`] })).url,
    env: () => env,
  });
  return { media: media!, portal: parts.portal, close: async () => { await parts.close(); await media!.close(); } };
}

const stack = await startBenchStack();
const browser = await launchChromium();
try {
  // The product: Anna and Ben in a call, Anna moves between pages.
  const anna = await signIn(browser, stack.portal.url, 'anna', 'de');
  const ben = await signIn(browser, stack.portal.url, 'ben', 'en');
  // Only what the measurement needs on both sides; TRACE's instruments (sockets, peer connections
  // polled for stats, long frames) cost the pages CPU, so they go on every page or none.
  for (const p of [anna, ben]) {
    await p.context.addInitScript(FRAME_LOG);
    await p.context.addInitScript(CLICK_MARK);
    if (TRACE) await p.context.addInitScript(PAGE_TRACE);
    await p.page.reload();
  }
  const call = anna.page.locator('tr[data-contact="ben"] timio-call-button button');
  await call.waitFor({ timeout: LIMIT_MS });
  await anna.page.waitForFunction(() => document.querySelector('tr[data-contact="ben"] timio-call-button')?.shadowRoot?.querySelector('button')?.getAttribute('aria-disabled') === 'false', undefined, { timeout: LIMIT_MS });
  await call.click();
  await ben.page.locator('timio-notifications .popup.incoming button.accept').click({ timeout: LIMIT_MS });
  await Promise.all([partnerPlays(anna.page), partnerPlays(ben.page)]);

  // Bare livekit-client on the same media server: a page reloads and joins a room where another
  // page publishes; both decode each other. Set up beside the call, and each bare join follows a
  // page change: both sides of the ratio are measured in turn, under the same load (on a shared
  // machine the load drifts within a run; measured one side after the other, the drift went into
  // the ratio). Both pairs' media run through all turns.
  const host = await startLiveKitPageHost({ browser });
  const resident = await host.open('resident');
  if (TRACE) await resident.context.addInitScript(PAGE_TRACE);
  await resident.join(stack.media.url, await roomToken('resident', 'bare-bench'));
  const mover = await host.open('mover');
  // TRACE: the bare pages' time too, in the same terms as the portal's (the next loads of the mover).
  if (TRACE) await mover.context.addInitScript(PAGE_TRACE);
  await mover.join(stack.media.url, await roomToken('mover-0', 'bare-bench'));
  await Promise.all([mover.waitForFrames('resident', { minFrames: 2, timeoutMs: LIMIT_MS }), resident.waitForFrames('mover-0', { minFrames: 2, timeoutMs: LIMIT_MS })]);

  const pageChange: number[] = [];
  // Also from the moment the click reached Anna's page: on a loaded machine the test's click
  // command itself waits seconds for the busy page (the bare join starts the same way).
  const pageChangeInPage: number[] = [];
  const bare: number[] = [];
  const bareInPage: number[] = [];
  const targets = ['/journal', '/chat', '/', '/journal', '/'];
  for (let i = 1; i <= RUNS; i++) {
    const href = targets[(i - 1) % targets.length]!;
    {
      await ben.page.evaluate(WATCH_AWAY);
      const started = Date.now();
      await anna.page.locator(`header nav a[href="${href}"]`).evaluate((a) => (a as HTMLAnchorElement).click());
      await anna.page.waitForURL(`${stack.portal.url}${href}`, { timeout: LIMIT_MS });
      const [a, back] = await Promise.all([partnerPlays(anna.page), partnerBack(ben.page)]);
      const b = back.at;
      pageChange.push(Math.max(a, b) - started);
      const clickedAt = Number(await anna.page.evaluate("sessionStorage.getItem('bench-click-at')"));
      pageChangeInPage.push(Math.max(a, b) - (clickedAt || started));
      console.error(`page change to ${href}: Anna ${a - started} ms, Ben ${b - started} ms`);
      if (TRACE) {
        const awayAt = back.awayAt;
        console.error(`  Anna's new page (ms after the click):\n${await traceOf(anna.page, started)}\n  ${partnerSeenAt - started} partner video has a picture\n  ${a - started} partner video plays`);
        console.error(`  Ben's page:\n${await traceOf(ben.page, started)}\n  ${awayAt - started} Anna away (overlay or no video)\n  ${b - started} Anna's video plays again`);
      }
    }
    {
      const started = Date.now();
      // Reloaded from inside the page, as the portal's link click is; the page notes when.
      await mover.page.evaluate(() => {
        sessionStorage.setItem('bench-reload-at', String(Date.now()));
        location.reload();
      }).catch(() => undefined);
      await mover.page.waitForFunction(() => 'lk' in window && !!sessionStorage.getItem('bench-reload-at'));
      const reloadAt = Number(await mover.page.evaluate(() => sessionStorage.getItem('bench-reload-at')));
      await mover.join(stack.media.url, await roomToken(`mover-${i}`, 'bare-bench'));
      await Promise.all([
        mover.waitForFrames('resident', { minFrames: 2, timeoutMs: LIMIT_MS }),
        resident.waitForFrames(`mover-${i}`, { minFrames: 2, timeoutMs: LIMIT_MS }),
      ]);
      // The second painted frame of each side's partner, as the pages noted it (epoch ms).
      const secondFrame = (page: Page, key: string) =>
        page.evaluate((k) => performance.timeOrigin + window.lk.state.video[k]!.secondFrameAt, key);
      const bothDecode = Math.max(await secondFrame(mover.page, 'resident/camera'), await secondFrame(resident.page, `mover-${i}/camera`));
      bare.push(bothDecode - started);
      bareInPage.push(bothDecode - reloadAt);
      console.error(`bare reload + join ${i}: ${bare[i - 1]} ms (${bareInPage[i - 1]} ms from the page's reload); this turn's ratio ${(pageChangeInPage[i - 1]! / bareInPage[i - 1]!).toFixed(2)}`);
      if (TRACE) {
        const seen = (await mover.page.evaluate("window.lk.state.video['resident/camera'].firstFrameAt")) as number;
        const origin = (await mover.page.evaluate('performance.timeOrigin')) as number;
        const back = (await resident.page.evaluate(`performance.timeOrigin + window.lk.state.video['mover-${i}/camera'].firstFrameAt`)) as number;
        console.error(`  the bare mover's new page (ms after the test's reload command):\n${await traceOf(mover.page, started)}\n  ${Math.round(origin + seen - started)} resident's first frame painted\n  ${Math.round(back - started)} the resident paints the mover's first frame\n  ${bare[i - 1]} both decode`);
      }
    }
  }
  await anna.close();
  await ben.close();
  await host.close();
  const change = median(pageChange);
  const join = median(bare);
  const changeInPage = median(pageChangeInPage);
  const joinInPage = median(bareInPage);
  bench(`page change → partner video playing again on both sides (median of ${RUNS}, from the test's click)`, Math.round(change), 'ms', 'info');
  bench(`bare livekit-client page reload + join → both decode (median of ${RUNS}, from the test's command)`, Math.round(join), 'ms', 'info');
  bench('page change / bare join (from the test\'s commands)', Math.round((change / join) * 100) / 100, '×', 'info');
  bench(`page change from the click in the page (median of ${RUNS})`, Math.round(changeInPage), 'ms', 'info');
  bench(`bare reload + join from the reload in the page (median of ${RUNS})`, Math.round(joinInPage), 'ms', 'info');
  bench('page change / bare join (from the page\'s own click / reload)', Math.round((changeInPage / joinInPage) * 100) / 100, '×', '<= 1.3', changeInPage <= joinInPage * 1.3);
} finally {
  await browser.close();
  await stack.close();
}
