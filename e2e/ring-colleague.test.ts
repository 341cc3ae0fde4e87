// "Kollegen hinzurufen" end to end (issue 27, step 1): the real token service, dev media server and
// demo portal, Chromium with fake cameras, one browser context per person. Anna, in the Vertrieb
// meeting, searches colleagues in the participants panel and rings David (no member of Vertrieb in
// demo-host/directory.json) and Emma into it. David gets the invitation popup on the portal's start
// page, joins with "Teilnehmen", and Anna sees him in the panel and his picture; Emma declines and
// Anna is told (German). In English, David declines and Anna is told. Screenshots of the search and
// of the declined notice in both languages go to artifacts/.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/ring-colleague.test.ts'
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { startStack } from '../testing/cross-process/stack.js';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { castFor } from './support/cast.js';
import { portalTokenFor, serviceApi } from './support/service-api.js';

/** Generous: the first join builds peer connections on a busy two-core machine. */
const LONG = 2 * WAIT_MS;

describe('ringing a colleague into a running meeting from the participants panel', { timeout: 900_000 }, () => {
  const cast = castFor(() => startStack());
  const conf = (p: Person) => p.page.locator('timio-conference').first();
  const dialog = (p: Person) => p.page.locator('timio-call-in-dialog dialog[open]');

  /** Someone is signed in with a page open, as the token service sees it (polled at the per-address pace). */
  async function online(user: string): Promise<void> {
    const api = serviceApi(() => cast.stack.tokenServiceUrl, () => portalTokenFor('anna', 'Anna Schmidt'));
    await waitUntil(async () => {
      const found = await api('GET', `/v1/directory/users?q=${user}`);
      if (found.body.users?.some((u: { id: string; status: string }) => u.id === user && u.status === 'online')) return true;
      await new Promise((r) => setTimeout(r, 500));
      return false;
    }, `${user} online`);
  }

  /** Anna joins the Vertrieb meeting from the room page as its moderator and opens "Anwesende". */
  async function annaInMeeting(lang: 'de' | 'en'): Promise<Person> {
    const anna = await cast.person('anna', lang);
    await anna.goto('/chat/vertrieb');
    await anna.page.locator('timio-room-bar [part="join"]').click();
    await anna.page.locator('timio-conference-prejoin .join-moderator').click();
    await conf(anna).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    const direct = anna.page.locator('timio-conference timio-control-bar .controls button.participants').first();
    if (await direct.isVisible()) await direct.click();
    else {
      await anna.page.locator('timio-conference timio-control-bar button.overflow').first().click();
      await anna.page.locator('timio-conference timio-control-bar [part="overflow-menu"] .participants').first().click();
    }
    await anna.page.locator('timio-participants-panel .person[data-identity="anna"]').waitFor({ timeout: WAIT_MS });
    return anna;
  }

  /** "Kollegen hinzurufen": searches each name and picks that colleague (signed in), then rings them all; the dialog's answer. */
  async function ring(anna: Person, picks: Array<[query: string, id: string]>, shot: string): Promise<string> {
    await anna.page.locator('timio-participants-panel button.call-in').click();
    await dialog(anna).waitFor({ timeout: WAIT_MS });
    for (const [query, id] of picks) {
      await anna.page.locator('timio-call-in-dialog input[type=search]').fill(query);
      await anna.page.locator(`timio-call-in-dialog li[data-id="${id}"] input:not([disabled])`).check({ timeout: WAIT_MS });
    }
    await anna.page.screenshot({ path: `artifacts/${shot}` });
    await anna.page.locator('timio-call-in-dialog button.ring').click();
    const status = anna.page.locator('timio-call-in-dialog .status');
    await waitUntil(async () => ((await status.textContent()) ?? '').trim().length > 0, 'the ring\'s answer in the dialog');
    const said = ((await status.innerText()) ?? '').trim();
    await anna.page.locator('timio-call-in-dialog button.close').click();
    await dialog(anna).waitFor({ state: 'detached', timeout: WAIT_MS });
    return said;
  }

  /** Waits for the conference's notice `text` on Anna's page and photographs it. */
  async function notice(anna: Person, text: string, shot: string): Promise<void> {
    const shown = anna.page.locator('timio-conference .notice', { hasText: text });
    await shown.waitFor({ timeout: LONG });
    await anna.page.screenshot({ path: `artifacts/${shot}` });
  }

  it('de: David (no member of Vertrieb) is rung in from the panel, gets the popup, joins, and Anna sees him; Emma declines and Anna is told', async () => {
    const anna = await annaInMeeting('de');
    const david = await cast.person('david', 'de');
    const emma = await cast.person('emma', 'de');
    await online('david');
    await online('emma');
    // The panel's button beside "Person einladen".
    assert.deepEqual(await anna.page.locator('timio-participants-panel .add button').allInnerTexts(), ['Person einladen', 'Kollegen hinzurufen']);

    await anna.page.locator('timio-participants-panel button.call-in').click();
    await dialog(anna).waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-call-in-dialog input[type=search]').fill('e');
    // Everyone with an "e" but Anna: Ben, Emma and Felix; Emma is signed in, Ben and Felix are not.
    await anna.page.locator('timio-call-in-dialog li[data-id="felix"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await anna.page.locator('timio-call-in-dialog li[data-id="felix"] input').isDisabled(), true, 'Felix is not signed in: not callable');
    assert.match(await anna.page.locator('timio-call-in-dialog li[data-id="felix"]').innerText(), /nicht angemeldet/);
    await anna.page.locator('timio-call-in-dialog button.close').click();

    const said = await ring(anna, [['emma', 'emma'], ['dav', 'david']], 'ring-colleague-search-de.png');
    assert.equal(said, 'Emma Weber wird gerufen …\nDavid Kim wird gerufen …');

    // David, on the portal's start page, gets the invitation to the meeting he is no member of.
    const popup = david.page.locator('timio-notifications .ring').first();
    await popup.waitFor({ timeout: LONG });
    assert.match(((await popup.textContent()) ?? '').replace(/\s+/g, ' '), /Einladung zur Videobesprechung Anna Schmidt ruft Sie in die Besprechung „Vertrieb“\./);
    const emmaPopup = emma.page.locator('timio-notifications .ring').first();
    await emmaPopup.waitFor({ timeout: LONG });
    await emmaPopup.locator('button.dismiss').click();
    await notice(anna, 'Emma Weber hat abgelehnt.', 'ring-colleague-declined-de.png');

    await popup.locator('button.accept').click();
    await conf(david).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    await anna.page.locator('timio-participants-panel .person[data-identity="david"]').waitFor({ timeout: LONG });
    assert.match(await anna.page.locator('timio-participants-panel .person[data-identity="david"]').innerText(), /David Kim/);
    // And his picture: decoded frames that advance on Anna's page.
    const frames = await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="david:camera"] video', { advance: 5, timeoutMs: LONG });
    assert.ok(frames.width > 0 && frames.height > 0, 'Anna sees David\'s picture');
    for (const p of [david, emma, anna]) await p.close();
  });

  it('en: David declines and Anna is told', async () => {
    const anna = await annaInMeeting('en');
    const david = await cast.person('david', 'en');
    await online('david');
    assert.match(await anna.page.locator('timio-participants-panel button.call-in').innerText(), /Call in a colleague/);
    const said = await ring(anna, [['david', 'david']], 'ring-colleague-search-en.png');
    assert.equal(said, 'Calling David Kim …');
    const popup = david.page.locator('timio-notifications .ring').first();
    await popup.waitFor({ timeout: LONG });
    assert.match(((await popup.textContent()) ?? '').replace(/\s+/g, ' '), /Anna Schmidt is calling you into the meeting “Vertrieb”\./);
    await popup.locator('button.dismiss').click();
    await notice(anna, 'David Kim declined.', 'ring-colleague-declined-en.png');
    assert.equal(await david.page.locator('timio-conference').count(), 0, 'David did not join');
  });
});
