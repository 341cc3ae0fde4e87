// What the screenshot scripts of a room meeting share (screenshots-meet.ts, screenshots-conference.ts):
// a fresh stack and browser per language with the people signed in, a screenshot by name, the room
// bar, the conference's toolbar controls, and Carla's "Alle Mitglieder rufen" up to being in it.
import type { Page } from 'playwright-core';
import { launchChromium } from '../../testing/cross-process/chromium.js';
import { WAIT_MS } from '../../testing/wait.js';
import { startStack } from '../../testing/cross-process/stack.js';
import { signIn, type Person } from '../../testing/cross-process/people.js';

/** A meeting takes longer than one page's step to come up on a busy machine. */
export const LONG = 2 * WAIT_MS;

/** A control of the conference's toolbar, from the overflow menu when it did not fit. */
export async function control(page: Page, id: string): Promise<void> {
  const direct = page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
  if (await direct.isVisible()) return direct.click();
  await page.locator('timio-conference timio-control-bar button.overflow').first().click();
  await page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
}

export const roomBar = (p: Person) => p.page.locator('timio-room-bar').first();

/** `p`'s conference is in the meeting. */
export const inMeeting = (p: Person) => p.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });

/** Until join and hand notices have faded (they cover the tiles' lower edge for a few seconds). */
export const noticesGone = (page: Page) => page.locator('timio-conference .notices .notice').first().waitFor({ state: 'detached', timeout: LONG }).catch(() => undefined);

export interface MeetingScene {
  people: Person[];
  /** Screenshot of `p`'s page as artifacts/<prefix>-<name>-<lang>.png. */
  shot(p: Person, name: string): Promise<unknown>;
  /** Screenshot of the room page's top (the room bar) as artifacts/<prefix>-<name>-<lang>.png. */
  barShot(p: Person, name: string): Promise<unknown>;
}

/**
 * Runs `scenes` on a fresh stack (token service, dev media server, demo portal) with `ids` signed
 * in, in `lang`, one browser context each; closes everything after, also when it fails.
 */
export async function meetingScene(lang: 'de' | 'en', prefix: string, ids: string[], scenes: (scene: MeetingScene) => Promise<void>): Promise<void> {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const people = await Promise.all(ids.map((id) => signIn(browser, stack.portal.url, id, lang)));
    await scenes({
      people,
      shot: (p, name) => p.page.screenshot({ path: `artifacts/${prefix}-${name}-${lang}.png`, timeout: LONG }),
      barShot: (p, name) => p.page.locator('.room-top').screenshot({ path: `artifacts/${prefix}-${name}-${lang}.png`, timeout: LONG }),
    });
    console.log(`${prefix} screenshots ${lang} done`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

/** `p`'s room bar says there is no meeting (in the page's language). */
export const barIdle = (p: Person, lang: 'de' | 'en') =>
  roomBar(p).locator('.state [role="status"]').filter({ hasText: lang === 'de' ? 'Keine laufende Besprechung' : 'No meeting' }).waitFor({ timeout: LONG });

/** `p` calls all members from the room bar: the confirmation (`confirming` runs while it is open), then `p` is in. */
export async function ringAll(p: Person, confirming: () => Promise<unknown>): Promise<void> {
  await roomBar(p).locator('[part="ring"]').click();
  await p.page.locator('timio-room-bar dialog[open]').waitFor({ timeout: WAIT_MS });
  await confirming();
  await p.page.locator('timio-room-bar dialog[open] button.primary').click();
  await inMeeting(p);
}

/** `p` puts the invitation off and waits until the room bar lists someone in the meeting. */
export async function putOffInvitation(p: Person): Promise<void> {
  await p.page.locator('timio-notifications .ring button.dismiss').first().click();
  await roomBar(p).locator('[part="people"] li').nth(1).waitFor({ timeout: LONG });
}
