// What Ben sees while Anna changes page during their call (issue 24 finding 11): her page goes, the
// next one takes the call over. Ben's window must read that as a reconnect ("Die Verbindung zu Anna
// Schmidt wird wiederhergestellt …" / "Anna Schmidt is reconnecting …") until she is back, and never
// as Anna turning her camera off or muting her microphone. Ben's window is watched every 30 ms for
// what it shows (the status overlay, the header's badges, the stage's "… hat die Kamera
// ausgeschaltet"). German and English. Real token service, dev media server, demo portal, Chromium.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/call-page-change-seen.test.ts'
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { callWindowDe } from '../sdk/src/views/i18n/call-window.js';
import { callWindowEn } from '../sdk/src/views/i18n/en.js';
import { startStack } from '../testing/cross-process/stack.js';
import { castFor } from './support/cast.js';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const partnerVideo = 'timio-call video[data-track="partner-camera"]';
const button = (contact: string) => `tr[data-contact="${contact}"] timio-call-button button`;

/** What the call window shows, one line per change: the overlay's words, the badges, the stage's sentence. */
async function watchWindow(page: Page): Promise<void> {
  // A string: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.seen = [];
    function visible(el) { return !!el && el.getClientRects().length > 0; }
    function deepText(root, sel) {
      if (!root) return [];
      const out = [...root.querySelectorAll(sel)].filter(visible).map((e) => (e.textContent || '').replace(/\\s+/g, ' ').trim());
      for (const el of root.querySelectorAll('*')) out.push(...deepText(el.shadowRoot, sel));
      return out;
    }
    setInterval(() => {
      const root = document.querySelector('timio-call')?.shadowRoot;
      const overlay = root?.querySelector('timio-status-overlay');
      const line = JSON.stringify({
        overlay: overlay?.getAttribute('state') || 'none',
        message: overlay?.getAttribute('message') || '',
        badges: [...(root?.querySelectorAll('header .badge') || [])].map((b) => b.getAttribute('data-state')),
        stage: deepText(root?.querySelector('.stage'), '.off-text'),
      });
      if (window.seen.at(-1) !== line) window.seen.push(line);
    }, 30);
  })()`);
}

interface Seen { overlay: string; message: string; badges: string[]; stage: string[] }
const seenOf = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen).then((l) => l.map((s) => JSON.parse(s) as Seen));

async function connect(caller: Person, callee: Person): Promise<void> {
  const pressed = caller.page.locator(button(callee.id)).first();
  await pressed.waitFor({ timeout: WAIT_MS });
  await waitUntil(async () => (await pressed.getAttribute('aria-disabled')) === 'false', 'the contact online');
  await pressed.click();
  await callee.page.locator('timio-notifications .popup.incoming button.accept').click({ timeout: WAIT_MS });
  await Promise.all([framesAdvance(caller.page, partnerVideo), framesAdvance(callee.page, partnerVideo)]);
}

describe('the partner changes page during a call: it reads as a reconnect', { timeout: 600_000 }, () => {
  const cast = castFor(() => startStack({ CALL_RING_TIMEOUT_SECONDS: '60', PRESENCE_GRACE_SECONDS: '1' }));

  /** Anna calls `watcher` from the portal page and goes to another page; what the watcher's window showed meanwhile. */
  async function pageChangeSeenBy(anna: Person, watcher: Person, to: '/journal' | '/chat'): Promise<Seen[]> {
    await anna.goto('/');
    await connect(anna, watcher);
    try {
      await waitUntil(async () => (await watcher.page.locator('timio-call header .badge').count()) === 0, 'no badge before the page change');
      await watchWindow(watcher.page);
      await Promise.all([
        anna.page.waitForURL(`${cast.stack.portal.url}${to}`, { timeout: WAIT_MS }),
        anna.page.locator(`header nav a[href="${to}"]`).click({ timeout: WAIT_MS }),
      ]);
      await anna.page.locator('timio-call').waitFor({ timeout: WAIT_MS });
      await framesAdvance(anna.page, partnerVideo);
      await framesAdvance(watcher.page, partnerVideo, { advance: 10 });
      // Back: the window shows Anna's video again with nothing over it and no badge (waited for, not read once).
      await waitUntil(async () => {
        const last = (await seenOf(watcher.page)).at(-1);
        return last?.overlay === 'none' && last.badges.length === 0;
      }, 'the window settled again');
      return await seenOf(watcher.page);
    } finally {
      // Anna's window becomes the "Gespräch beendet" notice (--timio-call-notice-duration, 8 s), not read here: a moment.
      await anna.page.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s')).catch(() => undefined);
      await watcher.page.locator('timio-call .controls .end').click({ timeout: WAIT_MS });
      await anna.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    }
  }

  it('Ben (de) and Carla (en) see "reconnecting" while Anna changes page, never "camera off", a muted microphone or "left"', async () => {
    const anna = await cast.person('anna', 'de');
    const ben = await cast.person('ben', 'de');
    const carla = await cast.person('carla', 'en');
    await Promise.all([ben.goto('/'), carla.goto('/')]);
    for (const [watcher, t, to] of [[ben, callWindowDe, '/journal'], [carla, callWindowEn, '/chat']] as const) {
      const seen = await pageChangeSeenBy(anna, watcher, to);
      const story = `${watcher.id}: ${seen.map((s) => `${s.overlay}[${s.badges.join(',')}]${s.stage.join('|')}`).join(' → ')}`;
      assert.ok(seen.some((s) => s.overlay === 'partner-reconnecting' && s.message === t.partnerReconnecting('Anna Schmidt')), `told that Anna reconnects: ${story}`);
      assert.ok(!seen.some((s) => s.badges.includes('partner-mic-muted') || s.badges.includes('partner-camera-off')), `no mute or camera-off badge: ${story}`);
      assert.ok(!seen.some((s) => s.stage.includes(t.partnerCameraOff('Anna Schmidt'))), `never "${t.partnerCameraOff('Anna Schmidt')}": ${story}`);
      assert.ok(!seen.some((s) => s.overlay === 'partner-left'), `never "left": ${story}`);
    }
  });
});
