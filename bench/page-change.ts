// Page-change bench (issue 12): in a 1:1 call in the demo portal, Anna follows a navigation link;
// measured from the click until the partner's video plays again on both sides (Anna's new page
// decodes Ben; Ben decodes Anna's new track), median of 5. Beside it, in the same run on the same
// media server: a bare livekit-client page that reloads and joins a room where another page
// publishes, until both decode each other (page load + join + publish + subscribe, nothing else).
// Goal: the page change takes at most 1.5× the bare join. Must run inside `unshare -n` with lo up
// (bench/run.ts does that).
import type { Page } from 'playwright-core';
import { launchChromium } from '../testing/chromium.js';
import { startLiveKitPageHost } from '../testing/livekit-page.js';
import { roomToken } from '../testing/tokens.js';
import { startStack } from '../e2e/support/stack.js';
import { signIn } from '../e2e/support/people.js';

const RUNS = 5;
const LIMIT_MS = 60_000;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'page-change', metric, value, unit, target, ok })}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// In the page, as source text (tsx would wrap named functions in a helper the page lacks): the
// partner's camera video in the call window, its track id and painted frames.
const READ_PARTNER_VIDEO = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches('video[data-track="partner-camera"]')) return el;
      if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    }
    return null;
  };
  const v = find(document);
  const track = v && v.srcObject ? v.srcObject.getVideoTracks()[0] : undefined;
  return v && track ? { track: track.id, frames: v.getVideoPlaybackQuality().totalVideoFrames, width: v.videoWidth } : null;
})()`;

/** Resolves when a partner video other than `oldTrack` paints frames; returns when (ms since epoch). */
async function partnerPlays(page: Page, oldTrack: string | undefined): Promise<number> {
  const deadline = Date.now() + LIMIT_MS;
  let first: { track: string; frames: number } | undefined;
  for (;;) {
    const now = (await page.evaluate(READ_PARTNER_VIDEO).catch(() => null)) as { track: string; frames: number; width: number } | null;
    if (now && now.track !== oldTrack && now.width > 0) {
      if (first?.track !== now.track) first = now;
      else if (now.frames >= first.frames + 2) return Date.now();
    }
    if (Date.now() > deadline) throw new Error(`the partner's video did not play again within ${LIMIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stack = await startStack({ CALL_RING_TIMEOUT_SECONDS: '60', PRESENCE_GRACE_SECONDS: '1' });
const browser = await launchChromium();
try {
  // The product: Anna and Ben in a call, Anna moves between pages.
  const anna = await signIn(browser, stack.portal.url, 'anna', 'de');
  const ben = await signIn(browser, stack.portal.url, 'ben', 'en');
  const call = anna.page.locator('tr[data-contact="ben"] timio-call-button button');
  await call.waitFor({ timeout: LIMIT_MS });
  await anna.page.waitForFunction(() => document.querySelector('tr[data-contact="ben"] timio-call-button')?.shadowRoot?.querySelector('button')?.getAttribute('aria-disabled') === 'false', undefined, { timeout: LIMIT_MS });
  await call.click();
  await ben.page.locator('timio-notifications .popup.incoming button.accept').click({ timeout: LIMIT_MS });
  await Promise.all([partnerPlays(anna.page, undefined), partnerPlays(ben.page, undefined)]);

  const pageChange: number[] = [];
  const targets = ['/journal', '/chat', '/', '/journal', '/'];
  for (const href of targets.slice(0, RUNS)) {
    const benOld = ((await ben.page.evaluate(READ_PARTNER_VIDEO)) as { track: string } | null)?.track;
    const started = Date.now();
    await anna.page.locator(`header nav a[href="${href}"]`).evaluate((a) => (a as HTMLAnchorElement).click());
    await anna.page.waitForURL(`${stack.portal.url}${href}`, { timeout: LIMIT_MS });
    const [a, b] = await Promise.all([partnerPlays(anna.page, undefined), partnerPlays(ben.page, benOld)]);
    pageChange.push(Math.max(a, b) - started);
    console.error(`page change to ${href}: Anna ${a - started} ms, Ben ${b - started} ms`);
  }
  await anna.close();
  await ben.close();

  // Bare livekit-client on the same media server: a page reloads and joins; both decode each other.
  const host = await startLiveKitPageHost({ browser });
  const resident = await host.open('resident');
  await resident.join(stack.media.url, await roomToken('resident', 'bare-bench'));
  const mover = await host.open('mover');
  const bare: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const started = Date.now();
    await mover.page.goto(`${host.origin}/`);
    await mover.page.waitForFunction(() => 'lk' in window);
    await mover.join(stack.media.url, await roomToken(`mover-${i}`, 'bare-bench'));
    await Promise.all([
      mover.waitForFrames('resident', { minFrames: 2, timeoutMs: LIMIT_MS }),
      resident.waitForFrames(`mover-${i}`, { minFrames: 2, timeoutMs: LIMIT_MS }),
    ]);
    bare.push(Date.now() - started);
    console.error(`bare reload + join ${i}: ${bare[i - 1]} ms`);
  }
  await host.close();

  const change = median(pageChange);
  const join = median(bare);
  bench(`page change → partner video playing again on both sides (median of ${RUNS})`, Math.round(change), 'ms', 'info');
  bench(`bare livekit-client page reload + join → both decode (median of ${RUNS})`, Math.round(join), 'ms', 'info');
  bench('page change / bare join', Math.round((change / join) * 100) / 100, '×', '<= 1.5', change <= join * 1.5);
} finally {
  await browser.close();
  await stack.close();
}
