// The contact menu and live presence in the demo portal through the real token service: the menu
// opens by a click on a name, offers "Videocall starten" only while the contact is signed in; a
// journal page left open reloads the service's history when a call ends and its call buttons keep
// showing who is signed in; two people calling each other at the same moment get one call; the journal
// fits a 375 px phone screen.
// Needs `npm run build`. Run alone:
//   unshare -n sh -c 'ip link set lo up; exec node scripts/node-tests.mjs e2e/contact-presence.test.ts'
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { WAIT_MS } from '../testing/wait.js';
import { portalTokenFor, serviceApi } from './support/service-api.js';

describe('contact menu and live presence in the demo portal', { timeout: 600_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  const people: Person[] = [];
  const person = async (id: string, lang: 'de' | 'en' = 'de') => {
    const p = await signIn(browser, stack.portal.url, id, lang);
    people.push(p);
    return p;
  };

  before(async () => {
    [stack, browser] = await Promise.all([startStack({ PRESENCE_GRACE_SECONDS: '0', CALL_RING_TIMEOUT_SECONDS: '20' }), launchChromium()]);
  });

  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await browser?.close();
    await stack?.close();
  });

  const contact = (page: Page, id: string) => page.locator(`tr[data-contact="${id}"] timio-contact`);
  const menu = (page: Page, id: string) => contact(page, id).locator('[part="menu"]');
  const incoming = (page: Page) => page.locator('timio-notifications .popup.incoming');
  const journalButton = (page: Page, id: string) => page.locator(`#journal tbody timio-call-button[contact="${id}"]`);

  it('a click on a name opens the contact menu; the video item only while the contact is signed in; the journal left open keeps live buttons', async () => {
    const anna = await person('anna');
    const ben = await person('ben');
    await ben.goto('/journal');
    await ben.page.locator('#journal [part="message"]', { hasText: 'Noch keine Anrufe.' }).waitFor({ timeout: WAIT_MS });

    // Carla is not signed in: the menu says so and has no video item.
    await contact(anna.page, 'carla').click();
    await menu(anna.page, 'carla').locator('[part="note"]').waitFor();
    assert.equal(await menu(anna.page, 'carla').locator('[part="note"]').textContent(), 'Carla Rossi ist nicht angemeldet – kein Videocall möglich.');
    assert.equal(await menu(anna.page, 'carla').locator('[part="item"]').count(), 0);
    await anna.page.keyboard.press('Escape');

    // Ben is: a click on his name, "Videocall starten", and his page rings.
    await contact(anna.page, 'ben').click();
    const item = menu(anna.page, 'ben').locator('[part="item"]');
    await item.waitFor();
    assert.equal((await item.textContent())?.trim(), 'Videocall starten');
    await item.click();
    await incoming(ben.page).waitFor({ timeout: WAIT_MS });

    const annaButton = journalButton(ben.page, 'anna');
    await incoming(ben.page).locator('.decline').click();
    // The journal left open reloads when the call ends: the declined call, with Anna's live button.
    await ben.page.locator('#journal tbody tr[data-outcome="declined"]').waitFor({ timeout: WAIT_MS });
    await annaButton.waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await annaButton.getAttribute('status'), 'online');
    // Several quick reloads in a row (the host's refresh(), another call event …).
    await ben.page.evaluate(async () => {
      const journal = document.getElementById('journal') as HTMLElement & { refresh(): Promise<void> };
      await Promise.all(Array.from({ length: 5 }, () => journal.refresh()));
    });
    await annaButton.waitFor({ state: 'visible', timeout: WAIT_MS });
    // And a later change reaches the rebuilt button: Anna signs out, the button goes.
    await anna.close();
    people.splice(people.indexOf(anna), 1);
    await annaButton.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await ben.close();
    people.splice(people.indexOf(ben), 1);
  });

  it('two people calling each other at the same moment get one call', async () => {
    const david = await person('david');
    const emma = await person('emma');
    const buttonOf = (page: Page, id: string) => page.locator(`tr[data-contact="${id}"] timio-call-button button`);
    await buttonOf(david.page, 'emma').waitFor({ state: 'visible', timeout: WAIT_MS });
    await buttonOf(emma.page, 'david').waitFor({ state: 'visible', timeout: WAIT_MS });
    await Promise.all([buttonOf(david.page, 'emma').click(), buttonOf(emma.page, 'david').click()]);
    // One call: both get the call window, nobody reads "… ist gerade in einem anderen Gespräch".
    for (const page of [david.page, emma.page]) {
      await page.locator('timio-call').waitFor({ timeout: WAIT_MS }).catch(async (err) => {
        const state = await page.evaluate(() => JSON.stringify({ note: document.querySelector('timio-notifications')?.shadowRoot?.textContent?.replace(/\s+/g, ' '), active: (window as any).timio.activeCall }));
        throw new Error(`${err.message}; page state: ${state}`);
      });
    }
    for (const page of [david.page, emma.page]) {
      const text = await page.locator('timio-notifications').evaluate((el) => el.shadowRoot!.textContent ?? '');
      assert.ok(!text.includes('anderen Gespräch'), `no "busy": ${text}`);
    }
    const ids = await Promise.all([david.page, emma.page].map((p) => p.evaluate(() => (window as unknown as { timio: { activeCall?: { id: string } } }).timio.activeCall?.id)));
    assert.ok(ids[0]);
    assert.equal(ids[0], ids[1], 'the same call on both sides');
    await david.page.evaluate(() => (window as unknown as { timio: { hangup(): Promise<void> } }).timio.hangup());
    await emma.page.waitForFunction(() => !(window as unknown as { timio: { activeCall?: unknown } }).timio.activeCall, undefined, { timeout: WAIT_MS });
  });

  it('the journal fits a 375 px phone screen', async () => {
    const felix = await person('felix');
    // Three calls of Felix through the service: answered, declined by him, cancelled by him.
    const as = (user: string) => serviceApi(() => stack.tokenServiceUrl, () => portalTokenFor(user, user));
    const place = async (caller: string, callee: string) => (await as(caller)('POST', '/v1/calls', { callee })).body.call.id as string;
    const answered = await place('felix', 'anna');
    await as('anna')('POST', `/v1/calls/${answered}/accept`, {});
    await as('felix')('POST', `/v1/calls/${answered}/end`, {});
    await as('felix')('POST', `/v1/calls/${await place('ben', 'felix')}/decline`, {});
    await as('felix')('POST', `/v1/calls/${await place('felix', 'carla')}/cancel`, {});
    await felix.page.setViewportSize({ width: 375, height: 740 });
    for (const lang of ['de', 'en'] as const) {
      await felix.goto(`/lang/${lang}?back=/journal`);
      await felix.page.locator('#journal tbody tr').nth(2).waitFor();
      const width = await felix.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `${lang}: the page is ${width} px wide at 375 px`);
      // Every cell stays on screen.
      const outside = await felix.page.evaluate(() => [...document.getElementById('journal')!.shadowRoot!.querySelectorAll('td, th')]
        .filter((c) => { const r = c.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > 375); }).length);
      assert.equal(outside, 0, `${lang}: no cell past the screen's edge`);
      await felix.page.screenshot({ path: `artifacts/demo-journal-375-${lang}.png`, fullPage: true });
    }
  });
});
