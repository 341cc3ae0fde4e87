// One-on-one video calls end to end, as employees use them in the demo portal: the SDK from its
// script tag, the real token service (presence, ringing, calls), the dev media server, headless
// Chromium with fake cameras, every person in their own browser context.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/one-on-one-call.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/chromium.js';
import { startStack, type Stack } from './support/stack.js';
import { signIn, type Person } from './support/people.js';
import { framesAdvance } from './support/video.js';
import { WAIT_MS } from '../testing/wait.js';

const RING_TIMEOUT_SECONDS = 6;

describe('one-on-one video call in the demo portal', { timeout: 600_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  const people: Person[] = [];
  const person = async (id: string, lang: 'de' | 'en' = 'de') => {
    const p = await signIn(browser, stack.portal.url, id, lang);
    people.push(p);
    return p;
  };

  before(async () => {
    [stack, browser] = await Promise.all([
      startStack({ CALL_RING_TIMEOUT_SECONDS: String(RING_TIMEOUT_SECONDS), PRESENCE_GRACE_SECONDS: '1' }),
      launchChromium(),
    ]);
    mkdirSync('artifacts', { recursive: true });
  });

  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await browser?.close();
    await stack?.close();
  });

  const button = (page: Page, contact: string) => page.locator(`tr[data-contact="${contact}"] timio-call-button`);
  const incoming = (page: Page) => page.locator('timio-notifications .popup.incoming');
  const outgoing = (page: Page) => page.locator('timio-notifications .popup.outgoing');
  const journalRow = (page: Page, outcome: string) => page.locator(`#journal tbody tr[data-outcome="${outcome}"]`);

  it('A calls B from the contact menu; both see and hear each other; camera and screen reach B; B hangs up; the journal has it', async () => {
    const anna = await person('anna', 'de');
    const annaPage = anna.page;
    // Ben is not signed in: no video button beside his name.
    await button(annaPage, 'ben').waitFor({ state: 'attached' });
    assert.equal(await button(annaPage, 'ben').isVisible(), false);

    const ben = await person('ben', 'en');
    const benPage = ben.page;
    // Ben signs in: his button appears on Anna's page.
    await button(annaPage, 'ben').locator('button').waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.equal(await button(annaPage, 'ben').locator('button').getAttribute('aria-label'), 'Videocall mit Ben Müller starten');

    // Anna right-clicks Ben's name and chooses "Videocall starten".
    await annaPage.locator('tr[data-contact="ben"] timio-contact').click({ button: 'right' });
    const item = annaPage.locator('tr[data-contact="ben"] timio-contact [role="menuitem"]').first();
    await item.waitFor({ state: 'visible' });
    assert.match(await item.innerText(), /Videocall starten/);
    await annaPage.screenshot({ path: 'artifacts/e2e-portal-contact-menu-de.png' });
    await item.click();

    // Ben's page rings with Anna's name; Anna sees that it rings.
    await incoming(benPage).waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.match(await incoming(benPage).innerText(), /Anna Schmidt/);
    await benPage.screenshot({ path: 'artifacts/e2e-portal-ringing-en.png' });
    await annaPage.locator('timio-notifications .popup.outgoing[data-phase="ringing"]').waitFor({ timeout: WAIT_MS });

    // Ben accepts: both call windows open and each sees the other's camera, frames advancing.
    await incoming(benPage).locator('button.accept').click();
    await annaPage.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await benPage.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await framesAdvance(annaPage, 'timio-call video[data-track="partner-camera"]');
    await framesAdvance(benPage, 'timio-call video[data-track="partner-camera"]');
    assert.equal(await annaPage.locator('timio-call header .name').innerText(), 'Ben Müller');
    assert.equal(await benPage.locator('timio-call header .name').innerText(), 'Anna Schmidt');
    await annaPage.screenshot({ path: 'artifacts/e2e-call-window-de.png' });
    await benPage.screenshot({ path: 'artifacts/e2e-call-window-en.png' });

    // Anna turns her camera off: Ben sees it.
    await annaPage.locator('timio-call .controls .camera').click();
    await benPage.locator('timio-call .avatar[data-state="partner-camera-off"]').waitFor({ timeout: WAIT_MS });
    assert.match(await benPage.locator('timio-call header').innerText(), /Anna Schmidt turned their camera off/);
    await benPage.screenshot({ path: 'artifacts/e2e-call-window-camera-off-en.png' });

    // Anna shares her screen: Ben sees the screen, frames advancing.
    await annaPage.locator('timio-call .controls .screen').click();
    await benPage.locator('timio-call [data-state="partner-sharing"]').waitFor({ timeout: WAIT_MS });
    const screen = await framesAdvance(benPage, 'timio-call video[data-track="partner-screen"]');
    assert.ok(screen.width >= 640, `shared screen arrives readable (${screen.width}x${screen.height})`);
    await annaPage.screenshot({ path: 'artifacts/e2e-call-window-sharing-de.png' });
    await benPage.screenshot({ path: 'artifacts/e2e-call-window-screen-share-en.png' });

    // Ben hangs up: both windows close.
    await benPage.locator('timio-call .controls .end').click();
    await benPage.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await annaPage.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });

    // The journal lists the call, answered, with its duration.
    await anna.goto('/journal');
    const row = journalRow(annaPage, 'completed');
    await row.waitFor({ timeout: WAIT_MS });
    assert.match(await row.innerText(), /Ben Müller/);
    assert.match(await row.locator('td.duration').innerText(), /^\d+:\d\d$/);
    assert.match(await row.innerText(), /Ausgehend/);
    await ben.goto('/journal');
    const benRow = journalRow(benPage, 'completed');
    await benRow.waitFor({ timeout: WAIT_MS });
    assert.match(await benRow.innerText(), /Anna Schmidt/);
    assert.match(await benRow.innerText(), /Incoming/);
    assert.match(await benRow.locator('td.duration').innerText(), /^\d+:\d\d$/);
    await annaPage.screenshot({ path: 'artifacts/e2e-journal-de.png' });
    await anna.close();
    await ben.close();
  });

  it('decline: the callee declines, the caller is told, both journals say so', async () => {
    const carla = await person('carla');
    const david = await person('david');
    await button(carla.page, 'david').locator('button').click();
    await incoming(david.page).waitFor({ state: 'visible', timeout: WAIT_MS });
    await incoming(david.page).locator('button.decline').click();
    await carla.page.locator('timio-notifications .popup.outgoing[data-outcome="declined"]').waitFor({ timeout: WAIT_MS });
    assert.match(await outgoing(carla.page).innerText(), /David Kim hat den Anruf abgelehnt/);
    await incoming(david.page).waitFor({ state: 'detached' });
    assert.equal(await carla.page.locator('timio-call').count(), 0);
    await carla.goto('/journal');
    await journalRow(carla.page, 'declined').waitFor({ timeout: WAIT_MS });
    await david.goto('/journal');
    await journalRow(david.page, 'declined').waitFor({ timeout: WAIT_MS });
    await carla.close();
    await david.close();
  });

  it('no answer: nobody picks up, the ring times out, the callee has a missed call', async () => {
    const emma = await person('emma');
    const felix = await person('felix');
    await button(emma.page, 'felix').locator('button').click();
    await incoming(felix.page).waitFor({ state: 'visible', timeout: WAIT_MS });
    await emma.page
      .locator('timio-notifications .popup.outgoing[data-outcome="no_answer"]')
      .waitFor({ timeout: RING_TIMEOUT_SECONDS * 1000 + WAIT_MS });
    assert.match(await outgoing(emma.page).innerText(), /Felix Wagner nimmt nicht ab/);
    await incoming(felix.page).waitFor({ state: 'detached', timeout: WAIT_MS });
    await felix.goto('/journal');
    await journalRow(felix.page, 'missed').waitFor({ timeout: WAIT_MS });
    await emma.goto('/journal');
    await journalRow(emma.page, 'no_answer').waitFor({ timeout: WAIT_MS });
    await emma.close();
    await felix.close();
  });

  it('cancel: the caller hangs up while it rings, the callee stops ringing and has a missed call', async () => {
    const carla = await person('carla');
    const emma = await person('emma');
    await button(carla.page, 'emma').locator('button').click();
    await incoming(emma.page).waitFor({ state: 'visible', timeout: WAIT_MS });
    await carla.page.locator('timio-notifications .popup.outgoing[data-phase="ringing"] button.hangup').click();
    await incoming(emma.page).waitFor({ state: 'detached', timeout: WAIT_MS });
    await emma.goto('/journal');
    await journalRow(emma.page, 'missed').waitFor({ timeout: WAIT_MS });
    await carla.goto('/journal');
    await journalRow(carla.page, 'cancelled').waitFor({ timeout: WAIT_MS });
    await carla.close();
    await emma.close();
  });

  it('busy: a contact in a call shows as busy, and calling them anyway says busy', async () => {
    const david = await person('david');
    const felix = await person('felix');
    const carla = await person('carla');
    await button(carla.page, 'felix').locator('button').waitFor({ state: 'visible', timeout: WAIT_MS });
    await button(david.page, 'felix').locator('button').click();
    await incoming(felix.page).locator('button.accept').click();
    await felix.page.locator('timio-call').waitFor({ timeout: WAIT_MS });
    // Carla's page shows Felix busy: the button stays, disabled, and says why.
    await carla.page.locator('tr[data-contact="felix"] timio-call-button[status="busy"]').waitFor({ timeout: WAIT_MS });
    const busyButton = button(carla.page, 'felix').locator('button');
    assert.equal(await busyButton.getAttribute('aria-disabled'), 'true');
    // A page that calls anyway (through the SDK's API) gets "busy" from the token service.
    await carla.page.evaluate(async () => {
      const { timio } = (await import('/sdk/timio.js' as string)) as { timio: { call(c: { id: string; name: string }): Promise<void> } };
      await timio.call({ id: 'felix', name: 'Felix Wagner' });
    });
    await carla.page.locator('timio-notifications .popup.outgoing[data-outcome="busy"]').waitFor({ timeout: WAIT_MS });
    assert.match(await outgoing(carla.page).innerText(), /Felix Wagner ist gerade in einem anderen Gespräch/);
    await david.page.locator('timio-call .controls .end').click();
    await felix.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await david.close();
    await felix.close();
    await carla.close();
  });
});
