// Issue 11's "Must show", end to end through the demo portal: the real token service, dev media
// server and portal, Chromium with fake cameras, one browser context per person. Anna (moderator
// of Vertrieb) is in a running conference and invites through "Anwesende" → "Person einladen":
// a guest link for Maria Gast, copied and read back from the clipboard; Maria, in a fresh context
// with no portal session, opens it, checks her devices and joins, and is let in (a moderator is
// present); everyone sees her marked as guest on her tile, in the participants panel and in the
// chat; she has no moderator controls, chats and raises her hand. Jonas, a second guest whose link
// says he waits, is let in by Anna through the admit notice. Anna removes Maria: Maria's page says
// so, her link is refused afterwards, Jonas stays. A withdrawn and an expired link show their
// pages. Issue 22: Jonas, let in after Maria chatted, reads the chat only from his admission on
// (Anna keeps it all); removed Maria leaves Anna's panel within 2 s; Olaf, turned away, sees his
// page say so and his credential reaches no chat and no hand. Run once with everyone in German
// (Jonas in English) and once in English (Jonas in German); screenshots under artifacts/guest-*.png.
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/guest-conference.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { SHORT_INVITES } from '../testing/node/test-settings.js';
import { PORTAL_SECRET, startStack, type Stack } from '../testing/cross-process/stack.js';
import { DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER } from '../testing/node/demo-fixtures.js';
import { signIn, type Person } from '../testing/cross-process/people.js';

const LONG = 2 * WAIT_MS;
const out = join(fileURLToPath(new URL('..', import.meta.url)), 'artifacts');

type Lang = 'de' | 'en';
const TEXT = {
  de: {
    inviteButton: 'Person einladen', copied: 'Link kopiert.', subject: 'Einladung: Vertrieb', hello: 'Hallo Maria Gast,', join: 'Teilnehmen: ',
    guest: 'Gast', wantsToJoin: 'Jonas Gast möchte teilnehmen', waitingForModerator: /sobald der Moderator Sie einlässt/,
    removed: 'Sie wurden entfernt', revoked: 'Einladung zurückgezogen', expired: 'Einladung abgelaufen', denied: 'Teilnahme abgelehnt',
  },
  en: {
    inviteButton: 'Invite someone', copied: 'Link copied.', subject: 'Invitation: Vertrieb', hello: 'Hello Maria Gast,', join: 'Join: ',
    guest: 'Guest', wantsToJoin: 'Jonas Gast would like to join', waitingForModerator: /as soon as the moderator admits you/,
    removed: 'You were removed', revoked: 'Invitation withdrawn', expired: 'Invitation expired', denied: 'Not admitted',
  },
} as const;

/** A guest in a browser context of their own: no portal session, camera and microphone allowed. */
interface Guest { page: Page; close(): Promise<void> }

for (const lang of ['de', 'en'] as const) {
  const other: Lang = lang === 'de' ? 'en' : 'de';
  const t = TEXT[lang];
  describe(`${lang}: Anna invites guests from the conference; they join, are marked, one is let in, one removed`, { timeout: 1_200_000 }, () => {
    let stack: Stack;
    let browser: Browser;
    let anna: Person;
    let maria: Guest;
    let jonas: Guest;
    let mariaLink = '';
    let mariaId = '';
    let jonasId = '';
    /** Written before Jonas is let in: he must not read it (issue 22, finding 3). */
    const earlierMessage = lang === 'de' ? 'Guten Tag, ich höre Sie gut.' : 'Good morning, I can hear you.';
    const guests: Guest[] = [];

    before(async () => {
      mkdirSync(out, { recursive: true });
      // a link may expire after seconds, not a minute
      [stack, browser] = await Promise.all([startStack({ ...SHORT_INVITES }), launchChromium()]);
      anna = await signIn(browser, stack.portal.url, 'anna', lang);
      // Three people with cameras on a busy two-core machine: actions get the long deadline too.
      anna.page.setDefaultTimeout(LONG);
      // Granting replaces the origin's permissions: camera and microphone go with the clipboard.
      await anna.context.grantPermissions(['clipboard-read', 'clipboard-write', 'camera', 'microphone'], { origin: stack.portal.url });
    });
    after(async () => {
      for (const g of guests) await g.close().catch(() => undefined);
      await browser?.close();
      await stack?.close();
    });

    async function openGuest(url: string, locale: Lang): Promise<Guest> {
      const context = await browser.newContext({ locale: locale === 'de' ? 'de-DE' : 'en-GB', viewport: { width: 1000, height: 720 } });
      await context.grantPermissions(['camera', 'microphone']);
      const page = await context.newPage();
      page.setDefaultTimeout(LONG);
      page.on('pageerror', (err) => console.log(`[guest] page error: ${err.message}`));
      await page.goto(url);
      const guest = { page, close: () => context.close() };
      guests.push(guest);
      return guest;
    }
    const guestState = (page: Page, s: string) => page.waitForFunction((want) => (document.querySelector('timio-guest-join') as unknown as { state?: string } | null)?.state === want, s, { timeout: LONG });
    const shot = (page: Page, name: string) => page.screenshot({ path: join(out, `guest-${name}.png`), timeout: LONG });

    /** A control of the conference's toolbar on `page`, from the overflow menu when it did not fit. */
    async function control(page: Page, id: string): Promise<void> {
      const direct = page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
      if (await direct.isVisible()) return direct.click();
      await page.locator('timio-conference timio-control-bar button.overflow').first().click();
      await page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
    }
    const conf = (page: Page) => page.locator('timio-conference').first();
    /** Until join and hand notices have faded (they cover part of the view for a few seconds). */
    const noticesGone = (page: Page) => page.locator('timio-conference .notices .notice').first().waitFor({ state: 'detached', timeout: LONG });
    const inConference = (page: Page) => conf(page).locator('.conference[data-phase="in"]').waitFor({ timeout: LONG });
    const tile = (page: Page, identity: string) => page.locator(`timio-conference timio-video-tile[data-key="${identity}:camera"]`).first();
    const row = (page: Page, identity: string) => page.locator(`timio-participants-panel li.person[data-identity="${identity}"]`).first();
    const dialog = () => anna.page.locator('timio-invite-dialog dialog[open]');

    /** Anna's "Person einladen" from the open participants panel: a guest link for `name`. */
    /** A guest link for the running meeting: the link just made and its entry in the open invites (which has the actions). */
    async function createGuestLink(name: string, opts: { waits?: boolean } = {}): Promise<{ link: string; item: Locator }> {
      await anna.page.locator('timio-participants-panel button.invite').click();
      await dialog().waitFor({ timeout: WAIT_MS });
      await dialog().locator('input[name="guestName"]').fill(name);
      if (opts.waits) await dialog().locator('input[name="waitingRoom"]').check();
      await dialog().locator('button.create').click();
      const field = dialog().locator('.created input.link');
      await field.waitFor({ timeout: WAIT_MS });
      const item = dialog().locator('li.new[data-invite]').filter({ hasText: name });
      await item.waitFor({ timeout: WAIT_MS });
      return { link: await field.inputValue(), item };
    }
    /** The devices of the conference's check are listed (Chromium's fake camera and microphone), then "Teilnehmen". */
    async function checkDevicesAndJoin(page: Page, screenshot?: string, then: 'in' | 'waiting' = 'in'): Promise<void> {
      const prejoin = page.locator('timio-conference-prejoin');
      await prejoin.waitFor({ state: 'visible', timeout: LONG });
      await waitUntil(async () => /fake/i.test(await prejoin.locator('select').first().evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')), 'the fake camera listed', LONG);
      await prejoin.locator('video').waitFor({ timeout: LONG });
      // The whole check fits the guest's 1000×720 window and the conference around it: nothing cut off.
      const box = await prejoin.locator('section.prejoin').boundingBox();
      const frame = await conf(page).boundingBox();
      assert.ok(box && frame && box.y >= Math.max(0, frame.y) && box.y + box.height <= Math.min(720, frame.y + frame.height),
        `the camera check fits: ${JSON.stringify({ box, frame })}`);
      if (screenshot) await shot(page, screenshot);
      await prejoin.locator('button.join').click();
      if (then === 'in') await inConference(page);
    }

    it('Anna is in a running conference in Vertrieb as its moderator', async () => {
      await anna.goto('/chat/vertrieb');
      await anna.page.locator('timio-room-bar [part="join"]').click();
      await anna.page.locator('timio-conference-prejoin button.join-moderator').click({ timeout: LONG });
      await inConference(anna.page);
    });

    it('"Anwesende" → "Person einladen": a link for Maria Gast, copied, read back from the clipboard; the mail is in Anna\'s language', async () => {
      await control(anna.page, 'participants');
      const invite = anna.page.locator('timio-participants-panel button.invite');
      assert.equal((await invite.innerText()).trim(), t.inviteButton);
      const { link: shown, item: created } = await createGuestLink('Maria Gast');
      // In the running meeting: a guest of this meeting, no appointment to fill in (issue 22, 12).
      assert.equal(await dialog().locator('input[name="when"][value="now"]').isChecked(), true);
      assert.equal(await dialog().locator('input[name="title"]').count(), 0, 'no appointment fields for the running meeting');
      assert.equal(await dialog().locator('a.mail').count(), 1, 'one set of actions');
      await created.locator('button.copy').click();
      await dialog().locator('.status').filter({ hasText: t.copied }).waitFor({ timeout: WAIT_MS });
      mariaLink = await anna.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(mariaLink, shown);
      assert.ok(mariaLink.startsWith(`${stack.portal.url}/guest#invite=`), mariaLink);
      const mail = new URL((await created.locator('a.mail').getAttribute('href'))!);
      assert.equal(mail.searchParams.get('subject'), t.subject);
      assert.match(mail.searchParams.get('body')!, new RegExp(`^${t.hello}\r\n`));
      assert.ok(mail.searchParams.get('body')!.includes(`${t.join}${mariaLink}`));
      await shot(anna.page, `invite-dialog-${lang}`);
      await dialog().locator('button.close').click();
    });

    it('Maria opens the link with no portal session, checks her devices, joins and is let in', async () => {
      maria = await openGuest(mariaLink, lang);
      await guestState(maria.page, 'open');
      assert.equal(await maria.page.locator('timio-guest-join input[part="name"]').inputValue(), 'Maria Gast');
      await maria.page.locator('timio-guest-join button[part="join"]').click();
      // A moderator is in the meeting: she goes straight to the camera and microphone check.
      await guestState(maria.page, 'conference');
      await checkDevicesAndJoin(maria.page, `prejoin-${lang}`);
      mariaId = (await anna.page.locator('timio-participants-panel li.person').filter({ hasText: 'Maria Gast' }).first().getAttribute('data-identity', { timeout: LONG }))!;
      assert.match(mariaId, /^guest:/);
    });

    it('everyone sees Maria marked as guest: tile, participants panel; she has no moderator controls', async () => {
      for (const page of [anna.page, maria.page]) {
        assert.equal((await tile(page, mariaId).locator('[data-badge="guest"]').innerText({ timeout: LONG })).trim(), t.guest);
      }
      assert.equal((await row(anna.page, mariaId).locator('[data-badge="guest"]').innerText()).trim(), t.guest);
      assert.equal(await tile(anna.page, 'anna').locator('[data-badge="guest"]').count(), 0, 'Anna is no guest');
      // Maria's own view: the panel marks her, and offers neither invites nor moderation.
      await control(maria.page, 'participants');
      await row(maria.page, mariaId).locator('[data-badge="guest"]').waitFor({ timeout: WAIT_MS });
      await row(maria.page, 'anna').waitFor({ timeout: WAIT_MS });
      for (const moderation of ['button.invite', 'button.mute-all', 'button.mute', 'button.remove', 'timio-invite-dialog']) {
        assert.equal(await maria.page.locator(`timio-participants-panel ${moderation}`).count(), 0, `Maria has no ${moderation}`);
      }
      const ids = await maria.page.locator('timio-conference timio-control-bar').first().evaluate((bar) => ((bar as unknown as { controls: Array<{ id: string }> }).controls ?? []).map((c) => c.id));
      assert.ok(ids.includes('hand') && ids.includes('chat'), ids.join());
      assert.ok(!ids.includes('end'), `no "Konferenz beenden" for a guest: ${ids.join()}`);
      assert.equal(await maria.page.locator('timio-conference timio-control-bar button.end').count(), 0);
      await control(maria.page, 'participants');
    });

    it('Maria sends a chat message and raises her hand; Anna sees both, the message marked as a guest\'s', async () => {
      const text = earlierMessage;
      await control(maria.page, 'chat');
      await maria.page.locator('timio-chat-panel textarea').fill(text);
      await maria.page.locator('timio-chat-panel textarea').press('Enter');
      const mine = maria.page.locator('timio-chat-panel .message.mine').filter({ hasText: text });
      await mine.waitFor({ timeout: WAIT_MS });
      await control(anna.page, 'chat');
      const message = anna.page.locator(`timio-chat-panel .message[data-from="${mariaId}"]`).filter({ hasText: text });
      await message.waitFor({ timeout: WAIT_MS });
      assert.match(await message.locator('.from').innerText(), /Maria Gast/);
      assert.equal((await message.locator('.tag').innerText()).trim(), t.guest);
      assert.equal((await mine.locator('.tag').innerText()).trim(), t.guest, 'her own view marks it too');
      await shot(anna.page, `chat-marked-${lang}`);
      await control(maria.page, 'chat');

      await control(maria.page, 'hand');
      await tile(anna.page, mariaId).locator('[data-badge="hand"]').waitFor({ timeout: WAIT_MS });
      await tile(maria.page, mariaId).locator('[data-badge="hand"]').waitFor({ timeout: WAIT_MS });
      await control(anna.page, 'participants');
      await row(anna.page, mariaId).locator('[data-state="hand"]').waitFor({ timeout: WAIT_MS });
      await noticesGone(anna.page);
      await shot(anna.page, `participants-marked-${lang}`);
      // The tiles, with the panel closed; then the panel again for the next invite.
      await control(anna.page, 'participants');
      await shot(anna.page, `conference-marked-${lang}`);
      await noticesGone(maria.page);
      await shot(maria.page, `conference-guest-view-${lang}`);
      await control(anna.page, 'participants');
    });

    it('Jonas, whose link says he waits, waits until Anna lets him in through the admit notice', async () => {
      const { link } = await createGuestLink('Jonas Gast', { waits: true });
      assert.notEqual(link, mariaLink, 'a link of his own');
      await dialog().locator('button.close').click();
      jonas = await openGuest(link, other);
      await guestState(jonas.page, 'open');
      await shot(jonas.page, `open-${other}`);
      // Every state of Jonas's page, in order, from "Weiter" on.
      await jonas.page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { guestStates: string[] }).guestStates = seen;
        document.querySelector('timio-guest-join')!.addEventListener('timio-guest-state', (e) => seen.push((e as CustomEvent<{ state: string }>).detail.state));
      });
      const states = () => jonas.page.evaluate(() => (window as unknown as { guestStates: string[] }).guestStates.join(' '));
      await jonas.page.locator('timio-guest-join button[part="join"]').click();
      // First the camera and microphone check, then (his "Teilnehmen" there) the waiting room.
      await checkDevicesAndJoin(jonas.page, undefined, 'waiting');
      await guestState(jonas.page, 'waiting');
      assert.equal(await states(), 'joining conference waiting', 'the check came before the waiting room');
      assert.match(await jonas.page.locator('timio-guest-join [part="notice"]').innerText(), TEXT[other].waitingForModerator);
      assert.equal(await jonas.page.locator('timio-conference-prejoin').isVisible(), false, 'no check while waiting');
      await shot(jonas.page, `waiting-for-moderator-${other}`);

      const notice = anna.page.locator('timio-conference .admit-notice').filter({ hasText: 'Jonas Gast' });
      await notice.waitFor({ timeout: LONG });
      assert.match(await notice.innerText(), new RegExp(t.wantsToJoin));
      await shot(anna.page, `admit-notice-${lang}`);
      // Still waiting until Anna decides.
      assert.equal(await jonas.page.evaluate(() => (document.querySelector('timio-guest-join') as unknown as { state: string }).state), 'waiting');
      await notice.locator('button.admit').click();
      await notice.waitFor({ state: 'detached', timeout: WAIT_MS });
      // Straight in with what he chose in the check: no second check on the way.
      await inConference(jonas.page);
      assert.equal(await states(), 'joining conference waiting conference');
      assert.equal(await jonas.page.locator('timio-conference-prejoin').count(), 0, 'no second check');
      assert.equal(await conf(jonas.page).locator('.conference[data-phase="prejoin"]').count(), 0);
      jonasId = (await anna.page.locator('timio-participants-panel li.person').filter({ hasText: 'Jonas Gast' }).first().getAttribute('data-identity', { timeout: LONG }))!;
      assert.match(jonasId, /^guest:/);
      assert.notEqual(jonasId, mariaId);
      // Jonas sees Maria marked as guest too.
      assert.equal((await tile(jonas.page, mariaId).locator('[data-badge="guest"]').innerText({ timeout: LONG })).trim(), TEXT[other].guest);

      // The chat from his admission on: Anna's welcome, not what was written before he came.
      const welcome = lang === 'de' ? 'Willkommen, Jonas.' : 'Welcome, Jonas.';
      await control(anna.page, 'chat');
      await anna.page.locator('timio-chat-panel textarea').fill(welcome);
      await anna.page.locator('timio-chat-panel textarea').press('Enter');
      await control(jonas.page, 'chat');
      await jonas.page.locator('timio-chat-panel .message').filter({ hasText: welcome }).waitFor({ timeout: LONG });
      assert.equal(await jonas.page.locator('timio-chat-panel .message').filter({ hasText: earlierMessage }).count(), 0, 'nothing from before his admission');
      assert.equal(await anna.page.locator('timio-chat-panel .message').filter({ hasText: earlierMessage }).count(), 1, 'Anna keeps the whole chat');
      await shot(jonas.page, `chat-from-admission-${other}`);
      await control(jonas.page, 'chat');
      await control(anna.page, 'participants');
    });

    it('Anna removes Maria: Maria\'s page says so, her link is refused, Jonas stays', async () => {
      const mariaRow = row(anna.page, mariaId);
      await mariaRow.locator('button.remove').click();
      await mariaRow.locator('button.confirm-remove').click();
      // Gone from Anna's panel at once, not after the page-change grace (issue 22, finding 5).
      await mariaRow.waitFor({ state: 'detached', timeout: 2_000 });
      await guestState(maria.page, 'removed');
      assert.equal(await maria.page.locator('timio-guest-join h1').innerText(), t.removed);
      await shot(maria.page, `removed-${lang}`);

      const again = await openGuest(mariaLink, lang);
      await guestState(again.page, 'revoked');
      assert.equal(await again.page.locator('timio-guest-join h1').innerText(), t.revoked);
      await again.close();

      // Jonas is still in, on his screen and on Anna's.
      await row(anna.page, jonasId).waitFor({ timeout: WAIT_MS });
      assert.equal(await jonas.page.evaluate(() => (document.querySelector('timio-guest-join') as unknown as { state: string }).state), 'conference');
      await conf(jonas.page).locator('.conference[data-phase="in"]').waitFor({ timeout: WAIT_MS });
      await tile(jonas.page, mariaId).waitFor({ state: 'detached', timeout: LONG });
    });

    it('a guest Anna turns away: the page says so, and the credential reaches nothing of the meeting', async () => {
      const { link } = await createGuestLink('Olaf Ohne', { waits: true });
      await dialog().locator('button.close').click();
      const olaf = await openGuest(link, lang);
      await guestState(olaf.page, 'open');
      const token = olaf.page.waitForResponse((r) => r.url().endsWith('/v1/guest/token'));
      await olaf.page.locator('timio-guest-join button[part="join"]').click();
      const guestToken = ((await (await token).json()) as { guestToken: string }).guestToken;
      await checkDevicesAndJoin(olaf.page, undefined, 'waiting');
      await guestState(olaf.page, 'waiting');
      const asOlaf = (method: string, path: string, body?: unknown) => fetch(`${stack.tokenServiceUrl}${path}`, {
        method, headers: { authorization: `Bearer ${guestToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
      });
      // Waiting: nothing of the meeting yet.
      assert.equal((await asOlaf('GET', '/v1/rooms/vertrieb/chat')).status, 403);
      const notice = anna.page.locator('timio-conference .admit-notice').filter({ hasText: 'Olaf Ohne' });
      await notice.locator('button.deny').click();
      await guestState(olaf.page, 'denied');
      assert.equal(await olaf.page.locator('timio-guest-join h1').innerText(), t.denied);
      await shot(olaf.page, `denied-${lang}`);
      for (const [method, path, body] of [['GET', '/v1/rooms/vertrieb/chat'], ['POST', '/v1/rooms/vertrieb/chat', { text: 'Hallo?' }], ['POST', '/v1/rooms/vertrieb/hand', { raised: true }]] as const) {
        const res = await asOlaf(method, path, body);
        assert.equal(res.status, 410, `${method} ${path}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'guest_denied');
      }
      await olaf.close();
    });

    it('a link Anna withdraws in the dialog and an expired link show their pages', async () => {
      // A real link of the service that expires after seconds (the dialog sets no expiry), made
      // first: its seconds run out while the withdrawn link is tried.
      const annaToken = jwt.sign({ name: 'Anna Schmidt' }, PORTAL_SECRET, { algorithm: 'HS256', subject: 'anna', issuer: DEMO_PORTAL_ISSUER, audience: DEMO_PORTAL_AUDIENCE, expiresIn: 300 });
      const res = await fetch(`${stack.tokenServiceUrl}/v1/rooms/vertrieb/invites`, {
        method: 'POST', headers: { authorization: `Bearer ${annaToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Kurzfristig', startsAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 6_000).toISOString(), lang }),
      });
      assert.equal(res.status, 201);
      const expiring = (await res.json()) as { url: string; expiresAt: string };

      const { link, item } = await createGuestLink('Olaf Gast');
      await item.locator('button.revoke').click();
      await item.waitFor({ state: 'detached', timeout: WAIT_MS });
      await dialog().locator('button.close').click();
      const revoked = await openGuest(link, lang);
      await guestState(revoked.page, 'revoked');
      assert.equal(await revoked.page.locator('timio-guest-join h1').innerText(), t.revoked);
      await revoked.close();

      await waitUntil(() => Date.now() > Date.parse(expiring.expiresAt) + 1000, 'the short link has expired', LONG);
      const expired = await openGuest(expiring.url, lang);
      await guestState(expired.page, 'expired');
      assert.equal(await expired.page.locator('timio-guest-join h1').innerText(), t.expired);
      await shot(expired.page, `expired-${lang}`);
      await expired.close();
    });
  });
}
