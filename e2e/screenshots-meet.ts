// Screenshots of a room meeting as the people of room Vertrieb meet it (issue 24), German and
// English, against the real token service, dev media server and demo portal: Anna and Carla at
// 1280×800 on the room's page, Ben on a phone (390×844) on the same page. The room bar before,
// the "call all members" confirmation, Anna joining from the invitation (the moderator question
// inside the conference, a join notice beside it, her tiles after "Ich bin Moderator"), the room
// bar while she is in it, Ben's conference on the phone (pre-join and in it), Carla's shared screen
// as Anna and Ben see it, everyone's "läuft seit", and Anna's view after she ended the meeting.
// Written to artifacts/meet-*.png; the running times go to the console.
//
//   unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-meet.ts'
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS } from '../testing/wait.js';
import { startStack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const LONG = 2 * WAIT_MS;

/** A control of the conference's toolbar, from the overflow menu when it did not fit. */
async function control(page: Page, id: string): Promise<void> {
  const direct = page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
  if (await direct.isVisible()) return direct.click();
  await page.locator('timio-conference timio-control-bar button.overflow').first().click();
  await page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
}

const inMeeting = (p: Person) => p.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });

async function shoot(lang: 'de' | 'en'): Promise<void> {
  const stack = await startStack();
  const browser = await launchChromium();
  const shot = (p: Person, name: string) => p.page.screenshot({ path: `artifacts/meet-${name}-${lang}.png`, timeout: LONG });
  try {
    const [anna, ben, carla] = (await Promise.all(['anna', 'ben', 'carla'].map((id) => signIn(browser, stack.portal.url, id, lang)))) as [Person, Person, Person];
    await anna.page.setViewportSize({ width: 1280, height: 800 });
    await carla.page.setViewportSize({ width: 1280, height: 800 });
    await ben.page.setViewportSize({ width: 390, height: 844 });
    for (const p of [anna, ben, carla]) await p.goto('/chat/vertrieb');
    const bar = (p: Person) => p.page.locator('timio-room-bar').first();
    await bar(anna).locator('.state [role="status"]').filter({ hasText: lang === 'de' ? 'Keine laufende Besprechung' : 'No meeting' }).waitFor({ timeout: LONG });
    await anna.page.locator('.room-top').screenshot({ path: `artifacts/meet-bar-idle-${lang}.png` });

    // Carla calls all members: the confirmation, then she is in.
    await bar(carla).locator('[part="ring"]').click();
    await carla.page.locator('timio-room-bar dialog[open]').waitFor({ timeout: WAIT_MS });
    await shot(carla, 'ring-confirm');
    await carla.page.locator('timio-room-bar dialog[open] button.primary').click();
    await inMeeting(carla);

    // Anna takes the invitation: the conference on her room page, asking whether she moderates.
    const ring = anna.page.locator('timio-notifications .ring').first();
    await ring.waitFor({ timeout: LONG });
    await ring.locator('button.accept').click();
    await inMeeting(anna);
    await anna.page.locator('timio-conference .confirm-moderator').waitFor({ timeout: LONG });

    // Ben on his phone puts the invitation off and joins from the room bar.
    await ben.page.locator('timio-notifications .ring button.dismiss').first().click();
    await bar(ben).locator('[part="people"] li').nth(1).waitFor({ timeout: LONG });
    await shot(ben, 'phone-bar-running');
    await bar(ben).locator('[part="join"]').click();
    await ben.page.locator('timio-conference timio-conference-prejoin button').first().waitFor({ timeout: LONG });
    await shot(ben, 'phone-prejoin');
    await ben.page.locator('timio-conference timio-conference-prejoin button.join, timio-conference timio-conference-prejoin button.join-member').first().click();
    // Anna sees "Ben … ist beigetreten" beside the moderator question.
    await anna.page.locator('timio-conference .notices .notice').first().waitFor({ timeout: LONG });
    await shot(anna, 'notice-moderator-banner');
    await inMeeting(ben);
    await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="anna:camera"] video', { timeoutMs: LONG });
    await shot(ben, 'phone-in');

    await anna.page.locator('timio-conference .confirm-moderator').click();
    await anna.page.locator('timio-conference timio-control-bar .end').first().waitFor({ timeout: LONG });
    for (const who of ['anna', 'ben', 'carla']) await framesAdvance(anna.page, `timio-conference timio-video-tile[data-key="${who}:camera"] video`, { timeoutMs: LONG });
    await anna.page.locator('timio-conference .notices .notice').first().waitFor({ state: 'detached', timeout: LONG }).catch(() => undefined);
    await shot(anna, 'moderator-tiles');
    await anna.page.locator('.room-top').screenshot({ path: `artifacts/meet-bar-in-${lang}.png` });

    for (const p of [anna, ben, carla]) console.log(`${lang} ${p.id}: ${await p.page.locator('timio-conference .running').first().textContent()}`);

    // Carla shares her screen: Anna and Ben see it large, labelled.
    await control(carla.page, 'screen');
    await anna.page.locator('timio-conference timio-video-tile[data-key="carla:screen"]').waitFor({ timeout: LONG });
    await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="carla:screen"] video', { timeoutMs: LONG });
    await shot(anna, 'screen-by-other');
    await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="carla:screen"] video', { timeoutMs: LONG }).catch(() => undefined);
    await shot(ben, 'phone-screen-by-other');

    // Anna ends it for everyone.
    await control(anna.page, 'end');
    await anna.page.locator('timio-conference .end-dialog button.confirm-end').click();
    await anna.page.locator('timio-conference [part="ended"]').waitFor({ timeout: LONG });
    await shot(anna, 'ended-self');
    await ben.page.locator('timio-conference [part="ended"]').waitFor({ timeout: LONG });
    await shot(ben, 'phone-ended');
    console.log(`meet screenshots ${lang} done`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

await mkdir('artifacts', { recursive: true });
for (const lang of (process.env.LANGS ?? 'de,en').split(',') as Array<'de' | 'en'>) await shoot(lang);
