// What the others see of a person's controls in a room conference (issue 24, "Must show"), German
// and English, against the real token service, dev media server and demo portal, in Chromium with
// fake cameras and a fake screen (room Vertrieb in German, Alle in English): Ben calls all members (the confirmation names Anna, the one
// signed in), Anna joins from the invitation. Ben's camera off shows Anna his initials and "… hat
// die Kamera ausgeschaltet" where the tile is large enough, on again his picture moves; Ben's shared screen reaches Anna large
// and labelled "Bildschirm von Ben Müller"; Anna's tile/speaker toggle and her "Weitere
// Einstellungen" (hide her own tile) change what she sees. Screenshots go to artifacts/.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/conference-seen.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

/** Generous: joins build peer connections on a busy two-core machine. */
const LONG = 2 * WAIT_MS;

const words = {
  de: {
    ringing: 'Anna Schmidt wird gerufen.', cameraOff: 'Ben Müller hat die Kamera ausgeschaltet', screen: 'Bildschirm von Ben Müller',
    tiles: 'Kachelansicht', speaker: 'Sprecheransicht', settings: 'Weitere Einstellungen', hideSelf: 'Eigene Kachel ausblenden',
  },
  en: {
    ringing: 'Anna Schmidt will be called.', cameraOff: 'Ben Müller turned their camera off', screen: 'Ben Müller\'s screen',
    tiles: 'Tile view', speaker: 'Speaker view', settings: 'More settings', hideSelf: 'Hide my own tile',
  },
} as const;

/** A control of the conference's toolbar, from the overflow menu when it did not fit. */
async function control(page: Page, id: string): Promise<void> {
  const direct = page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
  if (await direct.isVisible()) return direct.click();
  await page.locator('timio-conference timio-control-bar button.overflow').first().click();
  await page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
}

const tile = (p: Person, key: string) => p.page.locator(`timio-conference timio-video-tile[data-key="${key}"]`).first();
const area = async (l: Locator) => {
  const b = await l.boundingBox();
  return b ? b.width * b.height : 0;
};

describe('a room conference as the others see it: camera, screen share, tile/speaker view, settings', { timeout: 1_200_000 }, () => {
  let stack: Stack;
  let browser: Browser;

  before(async () => {
    await mkdir('artifacts', { recursive: true });
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  // A room per language: a room is rung at most once while its ring runs (ROOM_RING_TIMEOUT), and
  // the German part may be over sooner. Anna moderates both; only she is signed in besides Ben.
  for (const [lang, room] of [['de', 'vertrieb'], ['en', 'alle']] as const) {
    const w = words[lang];
    describe(lang, () => {
      let anna: Person;
      let ben: Person;

      before(async () => {
        [anna, ben] = await Promise.all(['anna', 'ben'].map((id) => signIn(browser, stack.portal.url, id, lang))) as [Person, Person];
        for (const p of [anna, ben]) await p.page.setViewportSize({ width: 1280, height: 800 });
        await ben.goto(`/chat/${room}`);
        await anna.goto('/journal');
      });

      after(async () => {
        for (const p of [anna, ben]) await p?.close().catch(() => undefined);
      });

      it('Ben calls all members: the confirmation names Anna; she joins from the invitation; each sees the other', async () => {
        await ben.page.locator('timio-room-bar .state [role="status"]').first().waitFor({ timeout: WAIT_MS });
        await ben.page.locator('timio-room-bar [part="ring"]').click();
        const dialog = ben.page.locator('timio-room-bar dialog[open]');
        await dialog.waitFor({ timeout: WAIT_MS });
        assert.equal((await dialog.locator('#confirm-text').innerText()).trim(), w.ringing);
        await ben.page.screenshot({ path: `artifacts/conf-seen-ring-confirm-${lang}.png` });
        await dialog.locator('button.primary').click();
        await ben.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });
        await anna.page.locator('timio-notifications .ring button.accept').first().click({ timeout: LONG });
        await anna.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });
        await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="ben:camera"] video', { timeoutMs: LONG });
        await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="anna:camera"] video', { timeoutMs: LONG });
      });

      it('Ben turns his camera off: Anna sees his initials and that he turned it off; on again, his picture moves', async () => {
        await control(ben.page, 'camera');
        const off = tile(anna, 'ben:camera').locator('[part="avatar"]');
        await off.waitFor({ timeout: WAIT_MS });
        assert.equal((await off.locator('.initials').innerText()).trim(), 'BM');
        assert.equal((await tile(anna, 'ben:camera').locator('.name').innerText()).trim(), 'Ben Müller');
        // A tile large enough says it in words too (small tiles show the initials only).
        const said = off.locator('.off-text');
        if (await said.count()) assert.equal((await said.innerText()).trim(), w.cameraOff);
        await anna.page.screenshot({ path: `artifacts/conf-seen-camera-off-${lang}.png` });
        assert.equal(await tile(anna, 'ben:camera').locator('video').count(), 0, 'no picture while it is off');
        await control(ben.page, 'camera');
        await off.waitFor({ state: 'detached', timeout: WAIT_MS });
        const frames = await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="ben:camera"] video', { advance: 10, timeoutMs: LONG });
        assert.ok(frames.width > 0, 'his picture again');
      });

      it('Ben shares his screen: Anna sees it large, labelled as his screen, its frames moving, his camera beside it', async () => {
        await control(ben.page, 'screen');
        const screen = tile(anna, 'ben:screen');
        await screen.waitFor({ timeout: LONG });
        await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="ben:screen"] video', { timeoutMs: LONG });
        await screen.locator('.name').filter({ hasText: w.screen }).waitFor({ timeout: WAIT_MS });
        assert.equal((await screen.locator('.name').innerText()).trim(), w.screen);
        // Large: the speaker view, the screen well over twice any camera's picture, the cameras visible beside it.
        const larger = async () => {
          const s = await area(screen);
          const cams = await Promise.all(['anna:camera', 'ben:camera'].map((k) => area(tile(anna, k))));
          return cams.every((c) => c > 0 && s > 2 * c);
        };
        await waitUntil(larger, 'the screen large, the cameras beside it');
        await anna.page.screenshot({ path: `artifacts/conf-seen-screen-by-other-${lang}.png` });
        assert.equal(await anna.page.locator('timio-conference timio-control-bar .controls button.layout').first().getAttribute('aria-label'), w.tiles, 'the toggle offers the tile view');
      });

      it('Anna\'s tile/speaker toggle: the tiles of equal size, then the screen large again', async () => {
        await control(anna.page, 'layout');
        const toggle = anna.page.locator('timio-conference timio-control-bar button.layout').first();
        await anna.page.waitForFunction((label) => [...document.querySelectorAll('timio-conference')].some((c) =>
          c.shadowRoot?.querySelector('timio-control-bar')?.shadowRoot?.querySelector('button.layout')?.getAttribute('aria-label') === label), w.speaker, { timeout: WAIT_MS });
        const even = async () => {
          const [s, a, b] = await Promise.all(['ben:screen', 'anna:camera', 'ben:camera'].map((k) => area(tile(anna, k))));
          return s > 0 && a > 0 && b > 0 && Math.max(s, a, b) < 1.5 * Math.min(s, a, b);
        };
        await waitUntil(even, 'three tiles of about one size');
        await anna.page.screenshot({ path: `artifacts/conf-seen-tiles-${lang}.png` });
        await toggle.click().catch(() => control(anna.page, 'layout'));
        await waitUntil(async () => (await area(tile(anna, 'ben:screen'))) > 2 * (await area(tile(anna, 'ben:camera'))), 'the screen large again');
        await control(ben.page, 'screen');
        await tile(anna, 'ben:screen').waitFor({ state: 'detached', timeout: WAIT_MS });
      });

      it('Anna\'s "Weitere Einstellungen": hiding her own tile takes it off her stage; Ben still sees her', async () => {
        await control(anna.page, 'settings');
        const panel = anna.page.locator('timio-conference-settings');
        assert.equal((await panel.locator('#settings-title').innerText()).trim(), w.settings);
        await panel.getByLabel(w.hideSelf).check();
        await tile(anna, 'anna:camera').waitFor({ state: 'detached', timeout: WAIT_MS });
        await anna.page.screenshot({ path: `artifacts/conf-seen-settings-${lang}.png` });
        await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="ben:camera"] video', { timeoutMs: LONG });
        await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="anna:camera"] video', { timeoutMs: LONG });
        await panel.getByLabel(w.hideSelf).uncheck();
        await tile(anna, 'anna:camera').waitFor({ timeout: WAIT_MS });
        await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="anna:camera"] video', { timeoutMs: LONG });
        await panel.locator('button.close').click();
      });

      it('Anna, moderator, asks to remove Ben: the confirmation is wholly inside her participants panel; she cancels', async () => {
        await anna.page.locator('timio-conference .confirm-moderator').click();
        await anna.page.locator('timio-conference timio-control-bar .end').first().waitFor({ state: 'attached', timeout: LONG });
        await control(anna.page, 'participants');
        const row = anna.page.locator('timio-participants-panel li.person[data-identity="ben"]');
        await row.locator('button.remove').click({ timeout: WAIT_MS });
        const confirm = row.locator('.confirm');
        await confirm.waitFor({ timeout: WAIT_MS });
        const section = (await anna.page.locator('timio-participants-panel section').boundingBox())!;
        for (const part of [confirm.locator(':scope > span'), confirm.locator('button.confirm-remove'), confirm.locator('button.link')]) {
          const b = (await part.boundingBox())!;
          assert.ok(b.y >= section.y - 0.5 && b.y + b.height <= section.y + section.height + 0.5 && b.y + b.height <= 800, `inside the panel: ${JSON.stringify({ b, section })}`);
        }
        await anna.page.screenshot({ path: `artifacts/conf-seen-remove-confirm-${lang}.png` });
        await confirm.locator('button.link').click();
        await row.locator('button.remove').waitFor({ timeout: WAIT_MS });
        for (const p of [ben, anna]) await control(p.page, 'leave');
      });
    });
  }
});
