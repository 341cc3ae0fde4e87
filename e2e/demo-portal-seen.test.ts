// The demo portal as a person meets it (issue 24 findings 15-17), German and English: on a phone
// (390×844, touch) the header is one row, each contact's picture and name sit on one line, the hint
// says to tap (a mouse's laptop: click or right-click), and a tap on a picture opens the contact
// menu; "Raum anlegen" is the portal's styled button and creates the room; in a chat room's
// conference, "Person einladen" offers the room's link for colleagues. Positions are bounding boxes.
// Real token service, dev media server, demo portal, Chromium with fake devices.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/demo-portal-seen.test.ts'
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { launchChromium } from '../testing/cross-process/chromium.js';

type Box = { x: number; y: number; width: number; height: number };
const words = {
  de: { tap: 'Tippen Sie auf einen Namen oder sein Bild', right: 'Rechtsklick', create: 'Raum anlegen', colleagues: 'Kolleginnen' },
  en: { tap: 'Tap a name or picture', right: 'right-click', create: 'Create room', colleagues: 'colleagues' },
};

describe('the demo portal as a person meets it', { timeout: 600_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  before(async () => {
    [stack, browser] = await Promise.all([startStack({ PRESENCE_GRACE_SECONDS: '1' }), launchChromium()]);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  async function signIn(id: string, lang: 'de' | 'en', phone: boolean): Promise<Page> {
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 }, hasTouch: phone, isMobile: phone,
      locale: lang === 'de' ? 'de-DE' : 'en-GB',
    });
    contexts.push(context);
    await context.grantPermissions(['camera', 'microphone', 'clipboard-read', 'clipboard-write'], { origin: stack.portal.url });
    const page = await context.newPage();
    await page.goto(`${stack.portal.url}/lang/${lang}?back=/login`);
    await page.locator(`button[data-user="${id}"]`).click();
    await page.waitForURL(`${stack.portal.url}/`);
    await page.waitForFunction(() => !!customElements.get('timio-contact'));
    return page;
  }

  const box = async (page: Page, sel: string): Promise<Box> => {
    const b = await page.locator(sel).first().boundingBox();
    assert.ok(b, `${sel} is shown`);
    return b;
  };
  const middle = (b: Box) => b.y + b.height / 2;

  for (const lang of ['de', 'en'] as const) {
    const w = words[lang];
    it(`phone (${lang}): one header row, picture and name on one line, "tap" not "right-click", a tap on a picture opens the contact menu`, async () => {
      const page = await signIn('anna', lang, true);
      // The header: one row, everything in it on the screen.
      const header = await box(page, 'header.top');
      assert.ok(header.height <= 60, `header ${header.height} px high`);
      for (const sel of ['header .brand', 'header nav a[href="/"]', 'header nav a[href="/chat"]', 'header .lang', 'header .account button']) {
        const b = await box(page, sel);
        assert.ok(Math.abs(middle(b) - middle(header)) <= 6, `${sel} in the header's row (${middle(b)} vs ${middle(header)})`);
        assert.ok(b.x >= 0 && b.x + b.width <= 390, `${sel} on the screen (${b.x}–${b.x + b.width})`);
      }
      // Each contact row: picture left of the name, on the same line.
      for (const id of ['anna', 'ben', 'carla', 'felix']) {
        const pic = await box(page, `tr[data-contact="${id}"] .avatar`);
        const name = await box(page, `tr[data-contact="${id}"] .name`);
        assert.ok(pic.x + pic.width <= name.x + 1, `${id}: picture left of the name`);
        assert.ok(Math.abs(middle(pic) - middle(name)) <= 12, `${id}: picture (${middle(pic)}) and name (${middle(name)}) on one line`);
      }
      const hint = await page.locator('main .hint').first().innerText();
      assert.ok(hint.includes(w.tap), hint);
      assert.ok(!hint.toLowerCase().includes(w.right.toLowerCase()), hint);
      // A tap on Ben's picture opens his contact menu.
      await page.locator('tr[data-contact="ben"] timio-contact .avatar').tap();
      const menu = page.locator('tr[data-contact="ben"] timio-contact [part="menu"]');
      await waitUntil(async () => (await menu.evaluate((m) => m.matches(':popover-open') || m.classList.contains('open'))) === true, 'the contact menu opened');
      assert.match(await menu.innerText(), /Ben Müller/);
    });

    it(`laptop (${lang}): the hint says click or right-click; a click on a picture opens the contact menu`, async () => {
      const page = await signIn('ben', lang, false);
      const hint = await page.locator('main .hint').first().innerText();
      assert.ok(hint.toLowerCase().includes(w.right.toLowerCase()), hint);
      assert.ok(!hint.includes(w.tap), hint);
      await page.locator('tr[data-contact="anna"] timio-contact .avatar').click();
      const menu = page.locator('tr[data-contact="anna"] timio-contact [part="menu"]');
      await waitUntil(async () => (await menu.evaluate((m) => m.matches(':popover-open') || m.classList.contains('open'))) === true, 'the contact menu opened');
    });
  }

  it('"Raum anlegen" is the portal\'s styled button and creates the room (de, phone)', async () => {
    const page = await signIn('carla', 'de', true);
    await page.goto(`${stack.portal.url}/chat`);
    const button = page.locator('form.new-room button[type="submit"]');
    assert.equal((await button.innerText()).trim(), words.de.create);
    const style = await button.evaluate((b) => { const s = getComputedStyle(b); return { bg: s.backgroundColor, color: s.color, radius: s.borderRadius, height: b.getBoundingClientRect().height }; });
    assert.equal(style.bg, 'rgb(31, 95, 153)', 'the portal\'s brand colour, not a native button');
    assert.equal(style.color, 'rgb(255, 255, 255)');
    assert.ok(style.height >= 40, `a finger-sized button (${style.height} px)`);
    // Inside its card on a phone: the name field too.
    const card = await box(page, 'form.new-room');
    const field = await box(page, 'form.new-room input[name="name"]');
    assert.ok(field.x + field.width <= card.x + card.width + 1, 'the name field stays inside the form');
    await page.locator('form.new-room input[name="name"]').fill(`Team ${Date.now() % 100000}`);
    await page.locator('form.new-room input[name="members"][value="ben"]').check();
    await Promise.all([page.waitForURL(/\/chat\/[^/]+$/, { timeout: WAIT_MS }), button.click()]);
    await page.locator('timio-room-bar').waitFor({ timeout: WAIT_MS });
  });

  it('in a chat room\'s conference, "Person einladen" offers the room\'s link for colleagues (en)', async () => {
    const page = await signIn('anna', 'en', false);
    await page.goto(`${stack.portal.url}/chat/vertrieb`);
    await page.locator('timio-room-bar [part="join"]').click({ timeout: WAIT_MS });
    await page.locator('timio-conference-prejoin .join-moderator, timio-conference-prejoin .join').first().click({ timeout: WAIT_MS });
    await page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: WAIT_MS });
    const direct = page.locator('timio-conference timio-control-bar .controls button.participants').first();
    if (await direct.isVisible()) await direct.click();
    else {
      await page.locator('timio-conference timio-control-bar button.overflow').first().click();
      await page.locator('timio-conference timio-control-bar [part="overflow-menu"] .participants').first().click();
    }
    await page.locator('timio-participants-panel button.invite').click({ timeout: WAIT_MS });
    const colleagues = page.locator('timio-invite-dialog dialog[open] fieldset.colleagues');
    await colleagues.waitFor({ timeout: WAIT_MS });
    assert.equal(await colleagues.locator('input.link').inputValue(), `${stack.portal.url}/chat/vertrieb`);
    assert.ok(await colleagues.locator('button.copy-room').isVisible(), 'the link can be copied');
  });
});
