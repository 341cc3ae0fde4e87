// Screenshots of the conference room as people see it, German and English: the pre-join with the
// moderator confirmation, the tile view with three people (large screen and phone), the chat and
// participants panels, the speaker view with a shared screen, and the view after the moderator
// ended it. Real dev media server and Chromium with fake cameras, three browser contexts; the
// token service's room routes are played by e2e/support/room-routes-stand-in.ts until the server
// side is merged.
//
//   unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-conference.ts'
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startMediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/chromium.js';
import { startConferenceHost } from './support/conference-host.js';
import { framesAdvance } from './support/video.js';

const people = { anna: { name: 'Anna Schmidt', moderatorOf: ['vertrieb'] }, ben: { name: 'Ben Müller' }, carla: { name: 'Carla Weiß' } };

async function main() {
  await mkdir('artifacts', { recursive: true });
  const media = await startMediaServer({ port: 0 });
  const host = await startConferenceHost({ mediaUrl: media.url, people, rooms: { vertrieb: 'Vertrieb' } });
  const browser = await launchChromium();
  try {
    for (const lang of ['de', 'en'] as const) {
      const open = async (viewport = { width: 1440, height: 900 }) => {
        const page = await (await browser.newContext({ viewport })).newPage();
        await page.goto(`${host.origin}/?lang=${lang}`);
        await page.waitForFunction(() => 'conference' in window);
        return page;
      };
      const shot = (page: Page, name: string) => page.screenshot({ path: `artifacts/conference-${name}-${lang}.png` });
      const anna = await open();
      await anna.evaluate(() => window.conference.open({ room: 'vertrieb', prejoin: true, user: 'anna' }));
      await anna.locator('timio-conference .join-moderator').waitFor({ timeout: 20_000 });
      await framesAdvance(anna, 'timio-conference-prejoin video', { timeoutMs: 20_000 });
      await shot(anna, 'prejoin-moderator');
      await anna.locator('timio-conference .join-moderator').click();
      const others = await Promise.all(['ben', 'carla'].map(async (user) => {
        const page = await open({ width: 800, height: 600 });
        await page.evaluate((u) => window.conference.open({ room: 'vertrieb', prejoin: false, user: u }), user);
        return page;
      }));
      const [ben, carla] = others as [Page, Page];
      for (const who of ['ben', 'carla']) await framesAdvance(anna, `timio-video-tile[data-key="${who}:camera"] video`, { timeoutMs: 40_000 });
      await anna.locator('timio-conference .present').filter({ hasText: '3' }).waitFor({ timeout: 20_000 });
      await anna.waitForTimeout(7000); // join notices fade; the picture settles
      await shot(anna, 'tiles');
      // Ben writes in the chat, Carla raises her hand.
      await ben.locator('timio-conference .controls .chat').click();
      await ben.locator('timio-chat-panel textarea').fill(lang === 'de' ? 'Guten Morgen zusammen! Ich teile gleich die Zahlen.' : 'Good morning everyone! I will share the figures in a moment.');
      await ben.locator('timio-chat-panel textarea').press('Enter');
      await carla.locator('timio-conference .controls .hand').click();
      await anna.locator('timio-conference .controls .chat .badge').waitFor({ timeout: 20_000 });
      await anna.locator('timio-conference .controls .chat').click();
      await anna.locator('timio-chat-panel .message[data-from="ben"]').waitFor({ timeout: 20_000 });
      await anna.locator('timio-chat-panel textarea').fill(lang === 'de' ? 'Danke, Ben!' : 'Thanks, Ben!');
      await anna.locator('timio-chat-panel textarea').press('Enter');
      await anna.locator('timio-chat-panel .message.mine').waitFor({ timeout: 20_000 });
      await shot(anna, 'chat');
      await anna.locator('timio-conference .controls .participants').click();
      await anna.locator('timio-participants-panel .person[data-identity="carla"] [data-state="hand"]').waitFor({ timeout: 20_000 });
      await shot(anna, 'participants');
      await anna.locator('timio-participants-panel .close').click();
      // Ben shares his screen; Anna switches to the speaker view.
      await ben.locator('timio-conference .controls .screen').click();
      await anna.locator('timio-video-tile[data-key="ben:screen"]').waitFor({ timeout: 20_000 });
      await framesAdvance(anna, 'timio-video-tile[data-key="ben:screen"] video', { timeoutMs: 30_000 }).catch(async (err: unknown) => {
        const state = await anna.locator('timio-video-tile[data-key="ben:screen"]').evaluate((el) => {
          const v = el.shadowRoot!.querySelector('video');
          const t = (v?.srcObject as MediaStream | null)?.getTracks()[0];
          return { video: !!v, track: t ? { state: t.readyState, muted: t.muted, enabled: t.enabled } : null, p: JSON.stringify((el as unknown as { participant: unknown }).participant) };
        });
        console.log('screen tile', state);
        throw err;
      });
      await anna.locator('timio-conference .controls .layout').click();
      await framesAdvance(anna, '.stage timio-video-tile[data-key="ben:screen"] video', { timeoutMs: 30_000 });
      await shot(anna, 'speaker-screen');
      await ben.locator('timio-conference .controls .screen').click();
      await anna.locator('timio-conference .controls .layout').click();
      await anna.setViewportSize({ width: 375, height: 667 });
      await anna.waitForTimeout(1500);
      await shot(anna, 'tiles-phone');
      await anna.locator('timio-conference .overflow').click();
      await shot(anna, 'menu-phone');
      await anna.keyboard.press('Escape');
      await anna.setViewportSize({ width: 1440, height: 900 });
      await anna.locator('timio-conference .controls .end').click();
      await shot(anna, 'end-confirm');
      await anna.locator('timio-conference .confirm-end').click();
      await ben.locator('timio-conference .ended[data-reason="ended"]').waitFor({ timeout: 20_000 });
      await shot(ben, 'ended');
      await anna.locator('timio-conference .ended[data-reason="ended"]').waitFor({ timeout: 20_000 });
      await Promise.all([anna, ben, carla].map((p) => p.context().close()));
      console.log(`conference screenshots ${lang} done`);
    }
  } finally {
    await browser.close();
    await host.close();
    await media.close();
  }
}

await main();
