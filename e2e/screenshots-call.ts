// Screenshots of the 1:1 call window as people see it, on a phone (390×844) and a laptop
// (1280×800), in German and English: the call running, the partner's badges while they share a
// screen with their microphone off, "Weitere Kontaktoptionen" open, "Weitere Optionen" open, the
// window in full screen and (laptop) "Weitere Optionen" in the docked window. Real dev media server, two browser pages with fake cameras.
//
//   unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-call.ts'
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startMediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { roomToken } from '../testing/node/tokens.js';
import { startCallWindowHost } from '../testing/cross-process/call-window-host.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller-Lüdenscheidt' };
const sizes = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } } as const;

async function main() {
  await mkdir('artifacts', { recursive: true });
  const media = await startMediaServer({ port: 0 });
  const host = await startCallWindowHost();
  const browser = await launchChromium();
  try {
    for (const lang of ['de', 'en'] as const) {
      for (const [size, viewport] of Object.entries(sizes)) {
        const open = async () => {
          const page = await (await browser.newContext({ viewport, hasTouch: size === 'phone', isMobile: size === 'phone' })).newPage();
          await page.goto(host.origin);
          await page.waitForFunction(() => 'callWindow' in window);
          await page.evaluate(() => window.callWindow.openChatAction({ de: 'Chat öffnen', en: 'Open chat' }));
          return page;
        };
        const [a, b] = await Promise.all([open(), open()]);
        const room = `shots-${lang}-${size}-${Date.now()}`;
        const call = { id: room, room, caller: anna, callee: ben, state: 'active' as const };
        const [ta, tb] = await Promise.all([roomToken(anna.id, room, {}, { name: anna.name }), roomToken(ben.id, room, {}, { name: ben.name })]);
        await a.evaluate((o) => window.callWindow.open(o), { call, token: ta, url: media.url, locale: lang });
        await b.evaluate((o) => window.callWindow.open(o), { call, token: tb, url: media.url, locale: lang });
        await framesAdvance(a, 'timio-call video[data-track="partner-camera"]', { timeoutMs: 30_000 });
        await framesAdvance(b, 'timio-call video[data-track="partner-camera"]', { timeoutMs: 30_000 });
        const shot = (page: Page, name: string) => page.screenshot({ path: `artifacts/call-${name}-${size}-${lang}.png` });
        await shot(a, 'running');
        // Anna opens "Weitere Kontaktoptionen" beside Ben's name.
        await a.locator('timio-call timio-partner-actions .toggle').click();
        await a.locator('timio-call timio-partner-actions .menu:not([hidden])').waitFor({ timeout: 10_000 });
        await shot(a, 'contact-menu');
        await a.keyboard.press('Escape');
        // Ben turns his camera off: his own view says so.
        await b.locator('timio-call .controls .camera').click();
        await b.locator('timio-call .self').locator('[data-state="local-camera-off"]').waitFor({ timeout: 10_000 });
        await shot(b, 'own-camera-off');
        await b.locator('timio-call .controls .camera').click();
        // Ben mutes and shares his screen (where the browser can): Anna sees the screen and all three badges.
        await b.locator('timio-call .controls .mic').click();
        await a.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ timeout: 10_000 });
        if (size !== 'phone') {
          await b.locator('timio-call .controls .screen').click();
          await a.locator('timio-call [data-state="partner-sharing"]').waitFor({ timeout: 15_000 });
          await framesAdvance(a, 'timio-call video[data-track="partner-screen"]', { timeoutMs: 20_000 });
          await shot(a, 'sharing');
        }
        await a.locator('timio-call .controls .more').click();
        await a.locator('timio-call .options select[data-device="videoinput"] option').first().waitFor({ state: 'attached', timeout: 10_000 });
        await shot(a, 'options');
        await a.keyboard.press('Escape');
        await a.locator('timio-call .controls .fullscreen').click();
        await a.waitForFunction(() => document.fullscreenElement?.localName === 'timio-call');
        await a.waitForTimeout(300);
        await shot(a, 'fullscreen');
        if (size !== 'phone') {
          // Docked beside the page (480×380): "Weitere Optionen" keeps its title, the rest scrolls.
          await a.evaluate(() => document.exitFullscreen());
          await a.locator('timio-call [part="mode-toggle"]').click();
          await a.locator('timio-call[shown-mode="docked"]').waitFor({ timeout: 10_000 });
          await a.locator('timio-call .controls .more').click();
          await a.locator('timio-call .options select[data-device="audioinput"]').waitFor({ timeout: 10_000 });
          await shot(a, 'options-docked');
        }
        await Promise.all([a.context().close(), b.context().close()]);
        console.log(`screenshots ${lang} ${size} done`);
      }
    }
  } finally {
    await browser.close();
    await host.close();
    await media.close();
  }
}

await main();
