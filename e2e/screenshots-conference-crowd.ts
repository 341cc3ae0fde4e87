// Screenshots of the 25-participant conference page, German and English: Ben in room Vertrieb's
// conference in the demo portal with 24 synthetic participants publishing the committed VP8 clip
// (real token service, dev media server, demo portal; a fresh stack per language), the tile view's
// first page of 3×3 with the pager. Written to artifacts/conference-crowd-{de,en}.png.
//
//   npm run build && unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-conference-crowd.ts'
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { SyntheticCrowd } from '../testing/node/synthetic-participants.js';
import { WAIT_MS } from '../testing/wait.js';
import { startStack } from '../testing/cross-process/stack.js';
import { signIn } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { fillRoom, joinAsViewer, tilesOnScreen } from '../testing/cross-process/conference-crowd.js';

const ROOM = 'vertrieb';
const SYNTHETIC = 24;
const LONG = 3 * WAIT_MS;
/** Names a person would see (initials in the room bar), for the synthetic cameras. */
const FIRST = ['Lena', 'Jonas', 'Mia', 'Paul', 'Emma', 'Lukas', 'Hannah', 'Tim', 'Sofia', 'Elias', 'Lea', 'Noah'];
const LAST = ['Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann'];
const personName = (_id: string, i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 5 + Math.floor(i / FIRST.length)) % LAST.length]}`;

async function shoot(lang: 'de' | 'en'): Promise<void> {
  const stack = await startStack();
  const crowd = new SyntheticCrowd({ url: stack.media.url, max: SYNTHETIC });
  const browser = await launchChromium();
  try {
    await fillRoom(crowd, ROOM, SYNTHETIC, LONG, { name: personName });
    const ben = await signIn(browser, stack.portal.url, 'ben', lang);
    ben.context.setDefaultTimeout(LONG);
    await ben.page.setViewportSize({ width: 1440, height: 900 });
    await joinAsViewer(ben, ROOM, LONG);
    await ben.page.locator('timio-conference .present').filter({ hasText: '25' }).waitFor({ timeout: LONG });
    for (const id of await tilesOnScreen(ben.page, 'ben')) {
      await framesAdvance(ben.page, `timio-conference timio-video-tile[data-key="${id}:camera"] video`, { advance: 3, timeoutMs: LONG });
    }
    // until the join notices have faded (they cover the tiles' lower edge for a few seconds)
    await ben.page.locator('timio-conference .notices .notice').first().waitFor({ state: 'detached', timeout: LONG }).catch(() => undefined);
    await ben.page.screenshot({ path: `artifacts/conference-crowd-${lang}.png`, timeout: LONG });
    console.log(`conference crowd screenshot ${lang} done`);
  } finally {
    await browser.close();
    await crowd.close();
    await stack.close();
  }
}

await mkdir('artifacts', { recursive: true });
for (const lang of ['de', 'en'] as const) await shoot(lang);
