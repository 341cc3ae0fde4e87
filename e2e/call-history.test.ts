// Issue 24 finding 14: the journal is the service's call history, per person, on every device.
// Anna calls Ben (answered, then she hangs up), then calls Vertrieb's members to a meeting from the
// chat room and is in it; Ben lets the invitation ring out. Anna on a second device (another browser
// context) opens the journal: the call and the meeting are there, in German and English; Ben's
// journal has the call and the meeting he missed. Screenshots of the second device, de and en.
// Needs `npm run build` (or builds the script entries itself). Run alone:
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/call-history.test.ts'
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { startStack } from '../testing/cross-process/stack.js';
import { castFor } from './support/cast.js';
import { historyOf } from './support/service-api.js';

const row = (page: Page, selector: string) => page.locator(`#journal tbody tr${selector}`);
const cells = (page: Page, selector: string) => row(page, selector).first().locator('td').allInnerTexts();

describe('the journal on a second device (the service\'s call history)', { timeout: 600_000 }, () => {
  const cast = castFor(() => startStack({ ROOM_RING_TIMEOUT_SECONDS: '5' }));

  it('Anna\'s call to Ben and her meeting appear on her second device; Ben\'s journal has the call and the meeting he missed', async () => {
    const anna = await cast.person('anna', 'de');
    const ben = await cast.person('ben', 'de');

    // Anna calls Ben from the portal's list; he answers; she hangs up.
    const call = anna.page.locator('tr[data-contact="ben"] timio-call-button button').first();
    await waitUntil(async () => (await call.getAttribute('aria-disabled')) === 'false', 'Ben shows signed in');
    await call.click();
    await ben.page.locator('timio-notifications .popup.incoming button.accept').click({ timeout: WAIT_MS });
    for (const p of [anna, ben]) await p.page.locator('timio-call').waitFor({ timeout: WAIT_MS });
    // Ben's window becomes the "Gespräch beendet" notice (--timio-call-notice-duration, 8 s), not read here: a moment.
    await ben.page.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s'));
    await anna.page.locator('timio-call .controls .end').click();
    await ben.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });

    // Anna calls all members of Vertrieb from the chat room and is in the meeting at once; Ben lets it ring.
    await anna.goto('/chat/vertrieb');
    await anna.page.locator('timio-room-bar [part="ring"]').click();
    await anna.page.locator('timio-room-bar dialog[open] button.primary').click();
    await anna.page.locator('timio-conference .conference[data-phase="in"]').first().waitFor({ timeout: WAIT_MS });
    await ben.page.locator('timio-notifications .ring').first().waitFor({ timeout: WAIT_MS });
    await ben.page.locator('timio-notifications .ring').first().waitFor({ state: 'detached', timeout: WAIT_MS });

    // Anna's second device: a new browser context, nothing of the first in it.
    const second = await cast.person('anna', 'de');
    await second.goto('/journal');
    await row(second.page, '[data-kind="meeting"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await row(second.page, '').count(), 2, 'the call and the meeting');
    assert.deepEqual((await cells(second.page, '[data-kind="meeting"]')).map((c) => c.replace(/\s+/g, ' ').trim()).slice(1, 4), ['Vertrieb', 'Besprechung', 'Teilgenommen']);
    const callCells = (await cells(second.page, '[data-kind="call"]')).map((c) => c.replace(/\s+/g, ' ').trim());
    assert.match(callCells[0]!, /^vor (\d+ Sekunden|1 Minute|\d+ Minuten)$|^jetzt$/);
    assert.deepEqual(callCells.slice(1, 4), ['Ben Müller', 'Ausgehend', 'Angenommen']);
    assert.match(callCells[4]!, /^\d+:\d\d$/);
    await second.page.screenshot({ path: 'artifacts/journal-second-device-de.png', fullPage: true });

    await second.goto('/lang/en?back=/journal');
    await row(second.page, '[data-kind="meeting"]').waitFor({ timeout: WAIT_MS });
    assert.deepEqual((await cells(second.page, '[data-kind="meeting"]')).map((c) => c.replace(/\s+/g, ' ').trim()).slice(1, 4), ['Vertrieb', 'Meeting', 'Joined']);
    assert.deepEqual((await cells(second.page, '[data-kind="call"]')).map((c) => c.replace(/\s+/g, ' ').trim()).slice(1, 4), ['Ben Müller', 'Outgoing', 'Answered']);
    await second.page.screenshot({ path: 'artifacts/journal-second-device-en.png', fullPage: true });
    // A phone-sized second device: every entry a card on the screen.
    await second.page.setViewportSize({ width: 390, height: 844 });
    await row(second.page, '[data-kind="call"]').waitFor({ timeout: WAIT_MS });
    assert.ok((await second.page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no wider than the phone');
    await second.page.screenshot({ path: 'artifacts/journal-second-device-390-en.png', fullPage: true });

    // Ben's journal: the call (incoming, answered) and the meeting he let ring out, missed.
    await waitUntil(async () => (await historyOf(cast.stack.tokenServiceUrl, 'ben')).some((e) => e.kind === 'meeting'), 'Ben\'s missed meeting in the service');
    await ben.goto('/journal');
    await row(ben.page, '[data-kind="meeting"][data-outcome="missed"]').waitFor({ timeout: WAIT_MS });
    const missed = (await cells(ben.page, '[data-kind="meeting"]')).map((c) => c.replace(/\s+/g, ' ').trim());
    assert.deepEqual(missed.slice(1, 4), ['Vertrieb Anna Schmidt hat gerufen', 'Besprechung', 'Verpasst']);
    assert.deepEqual((await cells(ben.page, '[data-kind="call"]')).map((c) => c.replace(/\s+/g, ' ').trim()).slice(1, 4), ['Anna Schmidt', 'Eingehend', 'Angenommen']);
    await ben.page.screenshot({ path: 'artifacts/journal-missed-meeting-de.png', fullPage: true });
  });
});
