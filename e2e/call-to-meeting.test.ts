// A running 1:1 call becomes a meeting in place (issue 27 step 2), end to end in the demo portal: the
// real token service, dev media server and SDK build, browsers with fake cameras and microphones,
// one browser context per person. Anna calls Ben, Ben answers; Anna presses "Person hinzufügen" in
// the call window and adds Carla. Anna's and Ben's windows become the meeting's conference on the
// same connection: the partner's video, watched in each page by identity (the call window's video
// element and then the conference's), never stands still for more than 1 s. Carla's page rings
// ("Teilnehmen"), she joins (in German David, added too, declines and Anna's meeting says so); all three see each other's video (frames advance) and hear each other
// (two remote voices playing on each page). German with a page change of Ben during the meeting (his
// next page takes the meeting over), English with Ben in Firefox. Anna ends it for all ("Konferenz
// beenden"); every page sees it end. Screenshots of the dialog and the meeting go to artifacts/.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/call-to-meeting.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core-firefox';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { launchFirefox } from '../testing/cross-process/firefox.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { signInChromium, signInFirefox, type BrowserName, type Visitor } from './support/visitor.js';
import { playingVoices, startVideoGapWatch, stopVideoGapWatch, type VideoGap } from '../testing/cross-process/video-gap.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';

/** Generous: joins build peer connections on a busy two-core machine. */
const LONG = 2 * WAIT_MS;
/** The bound for the partner's picture during the conversion. */
const MAX_GAP_MS = 1000;

describe('a 1:1 call becomes a meeting in place ("Person hinzufügen")', { timeout: 900_000 }, () => {
  let stack: Stack;
  let chromium: Browser;
  let firefox: FirefoxBrowser;
  const closers: Array<() => Promise<void>> = [];

  before(async () => {
    [stack, chromium, firefox] = await Promise.all([startStack(), launchChromium(), launchFirefox()]);
    mkdirSync('artifacts', { recursive: true });
  });
  after(async () => {
    await Promise.all(closers.map((c) => c().catch(() => undefined)));
    await chromium?.close();
    await firefox?.close();
    await stack?.close();
  });

  const person = async (id: string, lang: 'de' | 'en'): Promise<Person> => {
    const p = await signIn(chromium, stack.portal.url, id, lang);
    closers.push(() => p.close());
    return p;
  };
  const visitor = async (id: string, lang: 'de' | 'en', browser: BrowserName): Promise<Visitor> => {
    const v = browser === 'firefox' ? await signInFirefox(firefox, stack.portal.url, id, lang) : await signInChromium(chromium, stack.portal.url, id, lang);
    closers.push(() => v.close());
    return v;
  };

  /** A control of a toolbar (`host` the call window or the conference), from its overflow menu when it did not fit. */
  async function control(p: Person, host: string, id: string): Promise<void> {
    const direct = p.page.locator(`${host} timio-control-bar .controls button.${id}`).first();
    if (await direct.isVisible()) return direct.click();
    await p.page.locator(`${host} timio-control-bar button.overflow`).first().click();
    await p.page.locator(`${host} timio-control-bar [part="overflow-menu"] .${id}`).first().click();
  }

  const camera = (who: string) => `timio-conference timio-video-tile[data-key="${who}:camera"] video`;

  for (const { lang, benBrowser } of [{ lang: 'de', benBrowser: 'chromium' }, { lang: 'en', benBrowser: 'firefox' }] as const) {
    const t = lang === 'de'
      ? { add: 'Person hinzufügen', dialog: 'Person hinzufügen', addButton: 'Hinzufügen', popup: /Anna Schmidt ruft Sie in die Besprechung „Anna Schmidt, Ben Müller“/, ended: /beendet/ }
      : { add: 'Add person', dialog: 'Add person', addButton: 'Add', popup: /Anna Schmidt is calling you into the meeting “Anna Schmidt, Ben Müller”/, ended: /ended/ };

    it(`${lang} (Ben in ${benBrowser}): Anna calls Ben, adds Carla; the call becomes the meeting without losing the picture; all three see and hear each other; Anna ends it for all`, async () => {
      const anna = await person('anna', lang);
      const ben = await visitor('ben', lang, benBrowser);
      const carla = await person('carla', lang);
      // German run: David is added too and declines; Anna, by then in the meeting, is told.
      const david = lang === 'de' ? await person('david', lang) : undefined;

      // Anna calls Ben from the contact list; Ben answers; both see each other.
      const callButton = anna.page.locator('tr[data-contact="ben"] timio-call-button button');
      await callButton.waitFor({ state: 'visible', timeout: LONG });
      await callButton.click();
      await ben.click('timio-notifications .popup.incoming button.accept');
      await anna.page.locator('timio-call video[data-track="partner-camera"]').waitFor({ state: 'attached', timeout: LONG });
      await framesAdvance(anna.page, 'timio-call video[data-track="partner-camera"]', { timeoutMs: LONG });
      await ben.framesAdvance('timio-call video[data-track="partner-camera"]', { timeoutMs: LONG });

      // From here on each page watches the partner's picture, whichever element shows it.
      await anna.page.evaluate(startVideoGapWatch('ben'));
      await ben.evaluate(startVideoGapWatch('anna'));

      // "Person hinzufügen": search Carla (signed in), pick her, add her.
      await control(anna, 'timio-call', 'add-person');
      const dialog = anna.page.locator('timio-call-in-dialog dialog[open]');
      await dialog.waitFor({ timeout: WAIT_MS });
      assert.equal((await dialog.locator('h2').innerText()).trim(), t.dialog);
      await anna.page.locator('timio-call-in-dialog input[type=search]').fill('carla');
      await anna.page.locator('timio-call-in-dialog li[data-id="carla"] input:not([disabled])').check({ timeout: LONG });
      assert.equal((await anna.page.locator('timio-call-in-dialog button.ring').innerText()).trim(), t.addButton);
      if (david) {
        await anna.page.locator('timio-call-in-dialog input[type=search]').fill('david');
        await anna.page.locator('timio-call-in-dialog li[data-id="david"] input:not([disabled])').check({ timeout: LONG });
      }
      await anna.page.screenshot({ path: `artifacts/call-to-meeting-add-person-${lang}.png` });
      await anna.page.locator('timio-call-in-dialog button.ring').click();

      // Both windows become the meeting's conference, on the same connection.
      await anna.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });
      await ben.waitFor('timio-conference .conference[data-phase="in"]', { timeout: LONG });
      await anna.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
      await ben.waitFor('timio-call', { state: 'detached', timeout: WAIT_MS });
      // No "Gespräch beendet" notice was left behind (the window is gone, not turned into a notice).
      assert.equal(await anna.page.locator('timio-call[ended]').count(), 0);
      // The partner's picture goes on in the conference: frames advance there.
      await framesAdvance(anna.page, camera('ben'), { timeoutMs: LONG });
      await ben.framesAdvance(camera('anna'), { timeoutMs: LONG });
      const gaps: Record<string, VideoGap> = { anna: await anna.page.evaluate(stopVideoGapWatch), ben: await ben.evaluate(stopVideoGapWatch) };
      console.log(`[${lang}] longest stand-still of the partner's video during the conversion: Anna sees Ben ${gaps.anna!.maxGapMs} ms, Ben sees Anna ${gaps.ben!.maxGapMs} ms`, JSON.stringify(gaps));
      for (const [who, gap] of Object.entries(gaps)) {
        assert.ok(gap.elements >= 2, `${who}: watched the call window's and the conference's video (${gap.elements})`);
        assert.ok(gap.maxGapMs <= MAX_GAP_MS, `${who}: the partner's video stood still ${gap.maxGapMs} ms (≤ ${MAX_GAP_MS})`);
      }
      // The meeting's name, and Anna moderates it: "Konferenz beenden" is hers.
      assert.match(await anna.page.locator('timio-conference [part="header"]').first().innerText(), /Anna Schmidt, Ben Müller/);

      if (david) {
        // David's popup: "Teilnehmen" / "Ablehnen"; he declines, and Anna's meeting says so.
        const ring = david.page.locator('timio-notifications .ring').first();
        await ring.waitFor({ timeout: LONG });
        assert.equal((await ring.locator('button.dismiss').innerText()).trim(), 'Ablehnen');
        await ring.locator('button.dismiss').click();
        await anna.page.locator('timio-conference .notice', { hasText: 'David Kim hat abgelehnt.' }).waitFor({ timeout: LONG });
      }

      // Carla's page rings into the meeting; "Teilnehmen"; she is in.
      const popup = carla.page.locator('timio-notifications .ring').first();
      await popup.waitFor({ timeout: LONG });
      assert.match(((await popup.textContent()) ?? '').replace(/\s+/g, ' '), t.popup);
      await popup.locator('button.accept').click();
      await carla.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });

      // All three see each other's video and hear each other.
      await Promise.all([
        framesAdvance(anna.page, camera('carla'), { timeoutMs: LONG }),
        framesAdvance(carla.page, camera('anna'), { timeoutMs: LONG }),
        framesAdvance(carla.page, camera('ben'), { timeoutMs: LONG }),
        ben.framesAdvance(camera('carla'), { timeoutMs: LONG }),
      ]);
      await waitUntil(async () => (await anna.page.evaluate(playingVoices)) >= 2, 'Anna hears Ben and Carla', LONG);
      await waitUntil(async () => (await carla.page.evaluate(playingVoices)) >= 2, 'Carla hears Anna and Ben', LONG);
      await waitUntil(async () => (await ben.evaluate(playingVoices)) >= 2, 'Ben hears Anna and Carla', LONG);
      await anna.page.screenshot({ path: `artifacts/call-to-meeting-${lang}.png` });

      // The participants panel of the converted meeting: "Kollegen hinzurufen", no guest invite.
      await control(anna, 'timio-conference', 'participants');
      await anna.page.locator('timio-participants-panel button.call-in').waitFor({ timeout: WAIT_MS });
      assert.equal(await anna.page.locator('timio-participants-panel button.invite').count(), 0, 'no guest link in a converted meeting');
      await anna.page.screenshot({ path: `artifacts/call-to-meeting-panel-${lang}.png` });

      if (benBrowser === 'chromium') {
        // Ben changes pages during the meeting: his next page takes it over; Anna sees him again.
        await ben.goto('/journal');
        await ben.waitFor('timio-conference .conference[data-phase="in"]', { timeout: LONG });
        await ben.framesAdvance(camera('anna'), { timeoutMs: LONG });
        await framesAdvance(anna.page, camera('ben'), { timeoutMs: LONG });
      }

      // Anna ends it for all; every page sees it end.
      await control(anna, 'timio-conference', 'end');
      await anna.page.locator('timio-conference button.confirm-end').click();
      await anna.page.locator('timio-conference .conference[data-phase="ended"]').waitFor({ timeout: LONG });
      await carla.page.locator('timio-conference .conference[data-phase="ended"]').waitFor({ timeout: LONG });
      await ben.waitFor('timio-conference .conference[data-phase="ended"]', { timeout: LONG });
      assert.match(await carla.page.locator('timio-conference [part="ended"]').innerText(), t.ended);
      for (const close of closers.splice(0)) await close();
    });
  }
});
