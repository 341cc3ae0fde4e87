// A room conference end to end, as the people of room Vertrieb see it in the demo portal: the
// real token service, dev media server and demo portal (testing/cross-process/stack.ts), Chromium with fake
// cameras, one browser context per person. Carla calls all members from the room page; Anna (on
// the Journal) and Ben (on the Portal page) join from the invitation popup; Felix stays on the
// room page without joining and watches the room bar. Vertrieb in demo-host/directory.json:
// members anna, ben, carla, felix; anna moderates.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/conference.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

/** Generous: the first join builds peer connections on a busy two-core machine. */
const LONG = 2 * WAIT_MS;

describe('room conference: call all members, join from the popup, chat, hand, mute, end', { timeout: 900_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let carla: Person;
  let anna: Person;
  let ben: Person;
  let felix: Person;

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    [carla, anna, ben, felix] = await Promise.all(['carla', 'anna', 'ben', 'felix'].map((id) => signIn(browser, stack.portal.url, id, 'de')));
    await carla.goto('/chat/vertrieb');
    await felix.goto('/chat/vertrieb');
    await anna.goto('/journal');
    // Ben stays on the portal's start page.
    for (const p of [anna, ben, carla, felix]) await recordConferenceEvents(p.page);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** The host events `timio-conference-*` a page saw, in order. */
  async function recordConferenceEvents(page: Page): Promise<void> {
    await page.evaluate(() => {
      const w = window as unknown as { conferenceEvents: string[] };
      w.conferenceEvents = [];
      for (const type of ['timio-conference-joined', 'timio-conference-left', 'timio-conference-ended'] as const) {
        document.addEventListener(type, () => w.conferenceEvents.push(type.slice('timio-conference-'.length)));
      }
      // Every notice the conference showed (each stays a few seconds; sampled often enough).
      const seen = new Set<string>();
      (w as unknown as { conferenceNotices: Set<string> }).conferenceNotices = seen;
      setInterval(() => {
        for (const c of document.querySelectorAll('timio-conference')) for (const n of c.shadowRoot?.querySelectorAll('.notice') ?? []) seen.add(n.textContent ?? '');
      }, 100);
    });
  }
  const events = (p: Person) => p.page.evaluate(() => (window as unknown as { conferenceEvents: string[] }).conferenceEvents);
  const notices = (p: Person) => p.page.evaluate(() => [...(window as unknown as { conferenceNotices: Set<string> }).conferenceNotices]);

  const conf = (p: Person) => p.page.locator('timio-conference').first();
  /** A control of the conference's toolbar, from the overflow menu when it did not fit. */
  async function control(p: Person, id: string): Promise<void> {
    const direct = p.page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
    if (await direct.isVisible()) return direct.click();
    await p.page.locator('timio-conference timio-control-bar button.overflow').first().click();
    await p.page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
  }
  const tile = (p: Person, who: string) => p.page.locator(`timio-conference timio-video-tile[data-key="${who}:camera"]`).first();
  const barState = (p: Person) => p.page.locator('timio-room-bar .state [role="status"]').first();

  /** Someone's camera on `p`'s screen: a decoded picture whose frames and playback time advance. */
  async function seesVideo(p: Person, who: string): Promise<void> {
    const selector = `timio-conference timio-video-tile[data-key="${who}:camera"] video`;
    const frames = await framesAdvance(p.page, selector, { advance: 5, timeoutMs: LONG });
    assert.ok(frames.width > 0 && frames.height > 0, `${p.id} sees ${who}'s picture`);
    // Playback time moves on too (a frozen stream keeps its last picture but stops the clock).
    const video = p.page.locator(selector).first();
    const advanced = await video.evaluate((v: HTMLVideoElement, ms: number) => new Promise<boolean>((resolve) => {
      const start = v.currentTime;
      const limit = setTimeout(() => (clearInterval(poll), resolve(false)), ms);
      const poll = setInterval(() => {
        if (v.currentTime > start + 0.2) (clearInterval(poll), clearTimeout(limit), resolve(true));
      }, 50);
    }), LONG);
    assert.ok(advanced, `${p.id}: ${who}'s video keeps playing`);
  }

  it('Carla calls all members from the room bar, after confirming, and is in the conference at once', async () => {
    await barState(carla).filter({ hasText: 'Keine laufende Besprechung' }).waitFor({ timeout: WAIT_MS });
    await carla.page.locator('timio-room-bar [part="ring"]').click();
    const dialog = carla.page.locator('timio-room-bar dialog[open]');
    await dialog.waitFor({ timeout: WAIT_MS });
    // It says who will be rung: the members signed in (Anna, Ben, Felix), not Carla herself.
    assert.match(await dialog.innerText(), /Anna Schmidt, Ben Müller und Felix Wagner werden gerufen\./);
    await dialog.locator('button.primary').click();
    // No pre-join: the room page's conference panel connects straight away.
    await conf(carla).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    assert.equal(await carla.page.locator('timio-conference-prejoin').count(), 0);
    await seesVideo(carla, 'carla');
  });

  it('Anna (Journal) and Ben (Portal) get the invitation and join with "Teilnehmen"', async () => {
    for (const p of [anna, ben, felix]) {
      const ring = p.page.locator('timio-notifications .ring').first();
      await ring.waitFor({ timeout: LONG });
      // textContent: the title is set in capitals by CSS.
      const text = ((await ring.textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(text, /Einladung zur Videobesprechung Carla Rossi ruft alle Mitglieder von „Vertrieb“ zu einer Besprechung\./);
    }
    assert.equal(anna.page.url(), `${stack.portal.url}/journal`);
    assert.equal(ben.page.url(), `${stack.portal.url}/`);
    await anna.page.locator('timio-notifications .ring button.accept').click();
    await ben.page.locator('timio-notifications .ring button.accept').click();
    // A conference on the page they are on (no room panel there: full window), without pre-join.
    for (const p of [anna, ben]) {
      await conf(p).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
      assert.equal(await conf(p).getAttribute('full-window'), '');
      assert.equal(await conf(p).getAttribute('room'), 'vertrieb');
      assert.equal(await p.page.locator('timio-conference-prejoin').count(), 0);
    }
    assert.equal(anna.page.url(), `${stack.portal.url}/journal`);
    assert.equal(ben.page.url(), `${stack.portal.url}/`);
    for (const p of [anna, ben, carla]) await p.page.waitForFunction(() => (window as unknown as { conferenceEvents: string[] }).conferenceEvents.includes('joined'), null, { timeout: LONG });
  });

  it('everyone sees everyone\'s video', async () => {
    for (const p of [anna, ben, carla]) {
      await conf(p).locator('.present').filter({ hasText: '3 Personen anwesend' }).waitFor({ timeout: LONG });
      for (const who of ['anna', 'ben', 'carla']) if (who !== p.id) await seesVideo(p, who);
    }
  });

  it('"ist beigetreten" only for who came after: Carla hears of Anna and Ben, they never of Carla', async () => {
    await carla.page.waitForFunction(() => {
      const seen = (window as unknown as { conferenceNotices: Set<string> }).conferenceNotices;
      return seen.has('Anna Schmidt ist beigetreten.') && seen.has('Ben Müller ist beigetreten.');
    }, null, { timeout: WAIT_MS });
    for (const p of [anna, ben]) assert.ok(!(await notices(p)).includes('Carla Rossi ist beigetreten.'), `${p.id} joined after Carla: no notice for her (${(await notices(p)).join(' | ')})`);
  });

  it('Felix, on the room page without joining, sees three in the room bar', async () => {
    await barState(felix).filter({ hasText: 'Besprechung läuft · 3 Personen' }).waitFor({ timeout: WAIT_MS });
    // The avatars name the three (title on hover); Felix is not among them.
    const names = await felix.page.locator('timio-room-bar [part="people"] li').evaluateAll((li) => li.map((el) => el.getAttribute('title')).sort());
    assert.deepEqual(names, ['Anna Schmidt', 'Ben Müller', 'Carla Rossi']);
    assert.equal(await felix.page.locator('timio-conference .conference[data-phase="in"]').count(), 0, 'Felix has not joined');
  });

  it('Ben\'s chat message reaches Anna and Carla', async () => {
    const text = 'Die Zahlen für Q3 sind da.';
    await control(ben, 'chat');
    await ben.page.locator('timio-chat-panel textarea').fill(text);
    await ben.page.locator('timio-chat-panel textarea').press('Enter');
    await ben.page.locator('timio-chat-panel .message.mine').filter({ hasText: text }).waitFor({ timeout: WAIT_MS });
    for (const p of [anna, carla]) {
      // Unread on the closed chat button first, then the message with its sender in the panel.
      await p.page.locator('timio-conference timio-control-bar button.chat .badge, timio-conference timio-control-bar button.overflow').first().waitFor({ timeout: WAIT_MS });
      await control(p, 'chat');
      const message = p.page.locator('timio-chat-panel .message[data-from="ben"]').filter({ hasText: text });
      await message.waitFor({ timeout: WAIT_MS });
      assert.match(await message.locator('.from').innerText(), /Ben Müller/);
      await control(p, 'chat'); // closes it again
    }
  });

  it('Anna raises her hand and Ben and Carla see it on her tile', async () => {
    await control(anna, 'hand');
    for (const p of [ben, carla]) await tile(p, 'anna').locator('[data-badge="hand"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await tile(ben, 'carla').locator('[data-badge="hand"]').count(), 0);
    await tile(anna, 'anna').locator('[data-badge="hand"]').waitFor({ timeout: WAIT_MS });
  });

  it('the participants panel lists the three, Anna with her raised hand', async () => {
    for (const p of [anna, ben]) {
      await control(p, 'participants');
      const rows = p.page.locator('timio-participants-panel li.person');
      await waitForCount(rows, 3);
      const ids = await rows.evaluateAll((li) => li.map((el) => el.getAttribute('data-identity')).sort());
      assert.deepEqual(ids, ['anna', 'ben', 'carla']);
      await p.page.locator('timio-participants-panel li.person[data-identity="anna"] [data-state="hand"]').waitFor({ timeout: WAIT_MS });
    }
  });

  it('Ben leaves: Felix\'s room bar goes from 3 to 2', async () => {
    assert.match(await barState(felix).innerText(), /3 Personen/);
    await control(ben, 'leave');
    await conf(ben).locator('[part="ended"][data-reason="left"]').waitFor({ timeout: WAIT_MS });
    await barState(felix).filter({ hasText: 'Besprechung läuft · 2 Personen' }).waitFor({ timeout: WAIT_MS });
    for (const p of [anna, carla]) await conf(p).locator('.present').filter({ hasText: '2 Personen anwesend' }).waitFor({ timeout: WAIT_MS });
  });

  it('Anna confirms she moderates Vertrieb, mutes Carla\'s microphone, and Carla\'s tile shows it', async () => {
    // She came in from the popup: the confirmation is a notice inside the conference.
    assert.equal(await anna.page.locator('timio-conference timio-control-bar button.end').count(), 0, 'no moderator controls before confirming');
    await conf(anna).locator('.moderator-notice button.confirm-moderator').click();
    await anna.page.locator('timio-participants-panel li.person[data-identity="carla"] button.mute').waitFor({ timeout: WAIT_MS });
    assert.equal(await tile(carla, 'carla').locator('[data-badge="mic-muted"]').count(), 0, 'Carla\'s microphone is on');
    await anna.page.locator('timio-participants-panel li.person[data-identity="carla"] button.mute').click();
    await tile(carla, 'carla').locator('[data-badge="mic-muted"]').waitFor({ timeout: WAIT_MS });
    await tile(anna, 'carla').locator('[data-badge="mic-muted"]').waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-participants-panel li.person[data-identity="carla"] [data-state="mic-off"]').waitFor({ timeout: WAIT_MS });
    // Carla's own microphone button says it is off.
    await carla.page.locator('timio-conference timio-control-bar button.mic.toggle-off').first().waitFor({ state: 'attached', timeout: WAIT_MS });
  });

  it('a guest on a link without waiting room comes straight in: Anna confirmed she moderates inside the meeting (issue 22, finding 4)', async () => {
    // The link Anna makes in "Anwesende" → "Person einladen", for a guest who does not wait.
    await anna.page.locator('timio-participants-panel button.invite').click();
    const dialog = anna.page.locator('timio-invite-dialog dialog[open]');
    await dialog.locator('input[name="guestName"]').fill('Grace Gast');
    assert.equal(await dialog.locator('input[name="waitingRoom"]').isChecked(), false, 'no waiting room asked for');
    await dialog.locator('button.create').click();
    const link = await dialog.locator('.created input.link').inputValue({ timeout: WAIT_MS });
    await dialog.locator('button.close').click();
    // Grace, in English, with no portal session: from her name straight to the device check and in.
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1000, height: 720 } });
    try {
      await context.grantPermissions(['camera', 'microphone']);
      const grace = await context.newPage();
      const states: string[] = [];
      await grace.exposeFunction('guestState', (s: string) => states.push(s));
      await grace.addInitScript(() => document.addEventListener('timio-guest-state', (e) => (window as unknown as { guestState(s: string): void }).guestState((e as CustomEvent<{ state: string }>).detail.state)));
      await grace.goto(link);
      await grace.locator('timio-guest-join button[part="join"]').click({ timeout: LONG });
      await grace.locator('timio-conference-prejoin button.join').click({ timeout: LONG });
      await grace.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: LONG });
      assert.ok(!states.includes('waiting'), `Grace never waited: ${states.join(' → ')}`);
      // Anna sees her arrive, marked as a guest, and was never asked to let her in.
      await anna.page.locator('timio-participants-panel li.person').filter({ hasText: 'Grace Gast' }).first().waitFor({ timeout: LONG });
      assert.equal(await anna.page.locator('timio-conference .admit-notice').count(), 0, 'no admit notice for Anna');
      await grace.locator('timio-conference timio-control-bar button.leave').first().click().catch(() => undefined);
    } finally {
      await context.close();
    }
    await anna.page.locator('timio-participants-panel li.person').filter({ hasText: 'Grace Gast' }).first().waitFor({ state: 'detached', timeout: LONG });
  });

  it('Anna ends the conference: every view says so (hers that she did) and the room bars show no meeting', async () => {
    await control(anna, 'end');
    await conf(anna).locator('.end-dialog button.confirm-end').click();
    for (const p of [anna, carla]) {
      const ended = conf(p).locator('[part="ended"][data-reason="ended"]');
      await ended.waitFor({ timeout: LONG });
      assert.match(await ended.innerText(), p === anna ? /Sie haben die Konferenz für alle beendet\./ : /Die Konferenz wurde vom Moderator beendet\./);
      await p.page.waitForFunction(() => (window as unknown as { conferenceEvents: string[] }).conferenceEvents.includes('ended'), null, { timeout: WAIT_MS });
    }
    // Ben had left before; his view still says so and got no "ended".
    await conf(ben).locator('[part="ended"][data-reason="left"]').waitFor({ timeout: WAIT_MS });
    assert.deepEqual(await events(ben), ['joined', 'left']);
    for (const p of [felix, carla]) await barState(p).filter({ hasText: 'Keine laufende Besprechung' }).waitFor({ timeout: LONG });
    assert.equal(await felix.page.locator('timio-room-bar [part="people"]').count(), 0);
    assert.deepEqual(await events(felix), []);
  });
});

/** Waits until a locator matches exactly `n` elements. */
async function waitForCount(locator: import('playwright-core').Locator, n: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const count = await locator.count();
    if (count === n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} matches, saw ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
