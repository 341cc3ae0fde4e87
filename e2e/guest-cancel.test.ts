// A waiting guest who gives up, end to end: the demo portal's /guest with the built SDK, the real
// token service and dev media server, a browser context without portal session. Maria waits in
// the waiting room (the invite asks for it); "Abbrechen" takes her off the moderators' list at once
// and a late "Einlassen" is answered `guest_left`; Jonas, waiting too, closes his page and is off
// the list at once as well (without the fix both stayed listed while their pages had gone).
//
//   unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/guest-cancel.test.ts'
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { portalTokenFor, serviceApi } from './support/service-api.js';

const anna = () => portalTokenFor('anna', 'Anna Schmidt');
/** Shorter than the minute after which a silent page's guest drops off the list by itself. */
const AT_ONCE_MS = 30_000;

describe('a waiting guest who gives up leaves the waiting list at once', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const api = serviceApi(() => stack.tokenServiceUrl, anna);
  const waitingNames = async () => ((await api('GET', '/v1/rooms/vertrieb/waiting')).body.guests as Array<{ identity: string; name: string }>);
  async function waitingGuest(name: string, locale: 'de-DE' | 'en-GB'): Promise<{ page: Page; identity: string }> {
    const made = await api('POST', '/v1/rooms/vertrieb/invites', { title: 'Angebot Müller', startsAt: new Date().toISOString(), guestName: name, waitingRoom: true, lang: 'de' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const context = await browser.newContext({ locale, viewport: { width: 1000, height: 720 } });
    await context.grantPermissions(['camera', 'microphone']);
    const page = await context.newPage();
    await page.goto(made.body.url);
    await state(page, 'open');
    await page.locator('timio-guest-join button[part="join"]').click();
    await state(page, 'conference');
    await page.locator('timio-conference-prejoin button.join').click();
    await state(page, 'waiting');
    const listed = await waitUntil(async () => (await waitingNames()).find((g) => g.name === name), `${name} in the waiting list`);
    return { page, identity: listed.identity };
  }
  const state = (page: Page, s: string) => page.waitForFunction((want) => (document.querySelector('timio-guest-join') as unknown as { state?: string } | null)?.state === want, s, { timeout: WAIT_MS });

  it('Maria presses "Abbrechen" in the waiting room: off the list, a late admit says she left', async () => {
    const { page, identity } = await waitingGuest('Maria Gast', 'de-DE');
    await page.locator('timio-guest-join button[part="cancel"]').click();
    await state(page, 'left');
    assert.match(await page.locator('timio-guest-join [part="notice"]').innerText(), /Sie haben die Konferenz verlassen/);
    await waitUntil(async () => !(await waitingNames()).some((g) => g.identity === identity), 'Maria off the waiting list', AT_ONCE_MS);
    const late = await api('POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(identity)}/admit`, {});
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.equal(late.body.error.code, 'guest_left');
    await page.context().close();
  });

  it('Jonas closes his page while waiting: off the list at once', async () => {
    const { page, identity } = await waitingGuest('Jonas Gast', 'en-GB');
    assert.equal(await page.locator('timio-guest-join button[part="cancel"]').innerText(), 'Cancel');
    await page.context().close();
    await waitUntil(async () => !(await waitingNames()).some((g) => g.identity === identity), 'Jonas off the waiting list', AT_ONCE_MS);
  });
});
