// The light part of the SDK through the real token service, realtime connection and demo portal,
// as employees see it in separate browser contexts: Ben's video button appears on Anna's page
// only once he signs in; Anna calls from the contact menu and Ben's page rings; decline, cancel
// (Ben's page reports a missed call), busy, no answer, and "call all members" with "Teilnehmen".
// The portal serves the script-tag build (dist/, or a fresh build when dist/ is older than the sources).
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/ringing.test.ts'
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS } from '../testing/wait.js';
import { historyOf, serviceUrlOf } from './support/service-api.js';

describe('ringing and presence through the real services', { timeout: 600_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  const pages: Page[] = [];

  before(async () => {
    [stack, browser] = await Promise.all([startStack({ CALL_RING_TIMEOUT_SECONDS: '5', PRESENCE_GRACE_SECONDS: '0' }), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(user: string, lang: 'de' | 'en' = 'de'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addCookies([{ name: 'timio_demo_lang', value: lang, url: stack.portal.url }]);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.log(`[${user}] page error: ${err.message}`));
    await page.goto(`${stack.portal.url}/login`);
    await page.click(`button[data-user="${user}"]`);
    await page.waitForURL(`${stack.portal.url}/`);
    // Record the host events the way a journal would.
    await page.evaluate(() => {
      const w = window as unknown as { hostEvents: string[] };
      w.hostEvents = [];
      for (const type of ['timio-call-started', 'timio-call-answered', 'timio-call-ended', 'timio-call-missed'] as const) {
        document.addEventListener(type, (e) => w.hostEvents.push(`${type.slice(11)}:${e.detail.outcome ?? e.detail.state}`));
      }
    });
    pages.push(page);
    return page;
  }

  const status = (page: Page, contact: string) => page.locator(`timio-call-button[contact="${contact}"]`).first().getAttribute('status');
  const popupText = async (page: Page, sel: string) => ((await page.locator(`timio-notifications >> ${sel}`).first().textContent()) ?? "").replace(/\s+/g, ' ');
  const hostEvents = (page: Page) => page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents);

  let anna: Page;
  let ben: Page;

  it('shows Ben\'s video button on Anna\'s page only after Ben signs in', async () => {
    anna = await signIn('anna');
    await anna.waitForFunction(() => (window as { timio?: unknown }).timio !== undefined);
    assert.equal(await anna.locator('timio-call-button[contact="ben"]').first().isVisible(), false);
    assert.equal(await status(anna, 'ben'), 'offline');
    ben = await signIn('ben');
    await anna.waitForFunction(() => document.querySelector('timio-call-button[contact="ben"]')?.getAttribute('status') === 'online', null, { timeout: WAIT_MS });
    assert.equal(await anna.locator('timio-call-button[contact="ben"]').first().isVisible(), true);
    assert.equal(await anna.locator('timio-call-button[contact="ben"] >> button').first().getAttribute('aria-label'), 'Videocall mit Ben Müller starten');
  });

  it('Anna calls from the contact menu, Ben\'s page rings, Ben declines, Anna sees it', async () => {
    await anna.locator('timio-contact[contact="ben"]').first().click({ button: 'right' });
    const item = anna.locator('timio-contact[contact="ben"] >> [part="item"]').first();
    assert.equal((await item.innerText()).trim(), 'Videocall starten');
    await item.click();
    await ben.locator('timio-notifications >> .incoming').waitFor({ timeout: WAIT_MS });
    assert.match(await popupText(ben, '.incoming'), /Eingehender Videocall Anna Schmidt ruft Sie an/);
    assert.equal(await ben.locator('timio-notifications').getAttribute('ringing'), '');
    assert.match(await popupText(anna, '.outgoing'), /Es klingelt bei Ben Müller/);
    await ben.locator('timio-notifications >> button.decline').click();
    await anna.locator('timio-notifications >> .outgoing[data-outcome="declined"]').waitFor({ timeout: WAIT_MS });
    assert.match(await popupText(anna, '.outgoing'), /Ben Müller hat den Anruf abgelehnt\./);
    assert.equal(await ben.locator('timio-notifications >> .incoming').count(), 0);
    assert.equal(await ben.locator('timio-notifications').getAttribute('ringing'), null);
    assert.deepEqual(await hostEvents(anna), ['started:ringing', 'ended:declined']);
    await anna.locator('timio-notifications >> button.close').click();
  });

  it('Anna hangs up while it rings: Ben stops ringing and his page reports a missed call', async () => {
    await anna.locator('timio-call-button[contact="ben"] >> button').first().click();
    await ben.locator('timio-notifications >> .incoming').waitFor({ timeout: WAIT_MS });
    await anna.locator('timio-notifications >> button.hangup').click();
    await ben.locator('timio-notifications >> .incoming').waitFor({ state: 'detached', timeout: WAIT_MS });
    await ben.waitForFunction(() => (window as unknown as { hostEvents: string[] }).hostEvents.includes('missed:cancelled'));
    await anna.locator('timio-notifications >> .outgoing[data-outcome="cancelled"]').waitFor({ timeout: WAIT_MS });
    await anna.locator('timio-notifications >> button.close').click();
  });

  it('while Ben is in a call his button is disabled for Carla, and calling him anyway says busy', async () => {
    const carla = await signIn('carla', 'en');
    await anna.locator('timio-call-button[contact="ben"] >> button').first().click();
    await ben.locator('timio-notifications >> button.accept').click();
    await ben.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await anna.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await carla.waitForFunction(() => document.querySelector('timio-call-button[contact="ben"]')?.getAttribute('status') === 'busy', null, { timeout: WAIT_MS });
    const button = carla.locator('timio-call-button[contact="ben"] >> button').first();
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    assert.equal(await button.getAttribute('aria-label'), 'Ben Müller is in a call right now');
    await carla.evaluate(() => (window as unknown as { timio: { call(c: { id: string; name: string }): Promise<void> } }).timio.call({ id: 'ben', name: 'Ben Müller' }));
    await carla.locator('timio-notifications >> .outgoing[data-outcome="busy"]').waitFor({ timeout: WAIT_MS });
    assert.match(await popupText(carla, '.outgoing'), /Ben Müller is in another call\./);
    // Ben hangs up: both windows close, Anna's page reports the completed call with its duration.
    // (Anna's "call ended" notice, --timio-call-notice-duration 8 s, is not read here: a moment.)
    await anna.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s'));
    await ben.locator('timio-call [part="end-button"]').first().click();
    await anna.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await ben.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await anna.waitForFunction(() => (window as unknown as { hostEvents: string[] }).hostEvents.includes('ended:completed'));
    const journal = await historyOf(await serviceUrlOf(anna), 'anna');
    const completed = journal.find((e) => e.kind === 'call' && e.outcome === 'completed');
    assert.ok(completed && typeof completed.durationSeconds === 'number', 'the journal (the service\'s history) lists the call with its duration');
  });

  it('nobody answers: Anna sees "no answer" after the ring timeout, Ben a missed call', async () => {
    await anna.waitForFunction(() => document.querySelector('timio-call-button[contact="ben"]')?.getAttribute('status') === 'online', null, { timeout: WAIT_MS });
    await anna.locator('timio-call-button[contact="ben"] >> button').first().click();
    await ben.locator('timio-notifications >> .incoming').waitFor({ timeout: WAIT_MS });
    await anna.locator('timio-notifications >> .outgoing[data-outcome="no_answer"]').waitFor({ timeout: WAIT_MS });
    assert.match(await popupText(anna, '.outgoing'), /Ben Müller nimmt nicht ab\./);
    await ben.locator('timio-notifications >> .incoming').waitFor({ state: 'detached', timeout: WAIT_MS });
    await ben.waitForFunction(() => (window as unknown as { hostEvents: string[] }).hostEvents.includes('missed:no_answer'));
  });

  it('Ben has two pages: both ring, he answers on one, the other stops ringing', async () => {
    const ben2 = await ben.context().newPage();
    pages.push(ben2);
    await ben2.goto(`${stack.portal.url}/`);
    // The second page's realtime connection is up once it knows Anna's presence.
    await ben2.waitForFunction(() => document.querySelector('timio-call-button[contact="anna"]')?.getAttribute('status') === 'online', null, { timeout: WAIT_MS });
    // "Keine Antwort" from the previous call may still be up (it hides itself after a few seconds).
    if (await anna.locator('timio-notifications >> button.close').count()) await anna.locator('timio-notifications >> button.close').click();
    await anna.locator('timio-call-button[contact="ben"] >> button').first().click();
    await ben.locator('timio-notifications >> .incoming').waitFor({ timeout: WAIT_MS });
    await ben2.locator('timio-notifications >> .incoming').waitFor({ timeout: WAIT_MS });
    await ben.locator('timio-notifications >> button.accept').click();
    await ben2.locator('timio-notifications >> .incoming').waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.equal(await ben2.locator('timio-call').count(), 0, 'the call window opens only where Ben answered');
    await ben.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await ben.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s')); // his "call ended" notice: a moment
    await anna.locator('timio-call [part="end-button"]').click();
    await ben.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await ben2.close();
  });

  it('"call all members": Ben gets "Einladung zur Videobesprechung" with "Teilnehmen"', async () => {
    const result = await anna.evaluate(() => (window as unknown as { timio: { ringRoom(r: string): Promise<{ invited: string[] }> } }).timio.ringRoom('vertrieb'));
    assert.ok(result.invited.includes('ben'));
    await ben.locator('timio-notifications >> .ring').waitFor({ timeout: WAIT_MS });
    assert.match(await popupText(ben, '.ring'), /Einladung zur Videobesprechung Anna Schmidt ruft alle Mitglieder von „Vertrieb“ zu einer Besprechung\./);
    const joined = ben.evaluate(() => new Promise<string>((r) => document.addEventListener('timio-room-ring-accept', (e) => r(e.detail.room), { once: true })));
    await ben.locator('timio-notifications >> .ring button.accept').click();
    assert.equal(await joined, 'vertrieb');
  });
});
