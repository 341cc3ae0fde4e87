// The guest page end to end, part of issue 11's "Must show": the demo portal's /guest with the
// built SDK, the real token service and the dev media server, a browser context with no portal
// session. A guest link made by Anna (moderator) is opened: name pre-filled, "Weiter", the
// conference's camera and microphone check, "Teilnehmen", the waiting room (no moderator in the
// meeting), Anna lets her in through the service and she is in without a second check; a link before its opening time, a withdrawn and an unknown
// link show their pages. Screenshots in German and English under artifacts/ (guest-*.png).
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { WAIT_MS } from '../testing/wait.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { portalTokenFor, serviceApi } from './support/service-api.js';

const out = join(fileURLToPath(new URL('..', import.meta.url)), 'artifacts');
const anna = () => portalTokenFor('anna', 'Anna Schmidt');

describe('the guest page of an invite link', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    mkdirSync(out, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const api = serviceApi(() => stack.tokenServiceUrl, anna);
  async function invite(body: Record<string, unknown>) {
    const made = await api('POST', '/v1/rooms/vertrieb/invites', { lang: 'de', timeZone: 'Europe/Berlin', ...body });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body as { id: string; url: string };
  }
  async function guest(url: string, locale: 'de-DE' | 'en-GB'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1000, height: 720 } });
    await context.grantPermissions(['camera', 'microphone']);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }
  const state = (page: Page, s: string) => page.waitForFunction((want) => (document.querySelector('timio-guest-join') as unknown as { state?: string } | null)?.state === want, s, { timeout: WAIT_MS });

  for (const [locale, lang] of [['de-DE', 'de'], ['en-GB', 'en']] as const) {
    it(`${lang}: the link is for this service's portal; name, camera check, waiting room, admitted and in`, async () => {
      const inv = await invite({ title: 'Angebot Müller', startsAt: new Date().toISOString(), guestName: 'Maria Gast', lang });
      assert.ok(inv.url.startsWith(`${stack.portal.url}/guest#invite=`), inv.url);
      const page = await guest(inv.url, locale);
      await state(page, 'open');
      assert.equal(await page.locator('timio-guest-join input[part="name"]').inputValue(), 'Maria Gast');
      assert.equal(await page.locator('timio-guest-join h1').innerText(), 'Angebot Müller');
      await page.screenshot({ path: join(out, `guest-open-${lang}.png`) });
      await page.locator('timio-guest-join button[part="join"]').click();
      // Before the waiting room, the conference (loaded on demand) opens with its camera and
      // microphone check: Chromium's fake camera and microphone are listed once it has asked for them.
      // (no named functions inside: tsx would wrap them in a helper the page lacks)
      await state(page, 'conference');
      await page.locator('timio-conference-prejoin').waitFor({ state: 'visible', timeout: WAIT_MS });
      await page.waitForFunction(() => {
        const roots: Array<Document | ShadowRoot> = [document];
        for (let i = 0; i < roots.length; i++) {
          for (const e of roots[i]!.querySelectorAll('*')) {
            if (e.shadowRoot) roots.push(e.shadowRoot);
            if (e instanceof HTMLSelectElement && /fake/i.test(e.selectedOptions[0]?.textContent ?? '')) return true;
          }
        }
        return false;
      }, undefined, { timeout: WAIT_MS });
      await page.screenshot({ path: join(out, `guest-prejoin-${lang}.png`) });
      // "Teilnehmen" there: no moderator is in the meeting, so the waiting room.
      await page.locator('timio-conference-prejoin button.join').click();
      await state(page, 'waiting');
      const waitingText = await page.locator('timio-guest-join [part="notice"]').innerText();
      assert.match(waitingText, lang === 'de' ? /sobald die Konferenz beginnt/ : /as soon as the conference begins/);
      assert.equal(await page.locator('timio-conference-prejoin').isVisible(), false);
      await page.screenshot({ path: join(out, `guest-waiting-${lang}.png`) });

      const waiting = await api('GET', '/v1/rooms/vertrieb/waiting');
      const maria = (waiting.body.guests as Array<{ identity: string; name: string }>).find((g) => g.name === 'Maria Gast');
      assert.ok(maria, JSON.stringify(waiting.body));
      assert.equal((await api('POST', `/v1/rooms/vertrieb/waiting/${encodeURIComponent(maria.identity)}/admit`, {})).status, 200);
      // Admitted: straight into the conference, no second check.
      await page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator('timio-conference-prejoin').count(), 0);
      await page.context().close();
    });

    it(`${lang}: before opening, withdrawn and unknown links show readable pages`, async () => {
      const later = await invite({ title: 'Planung 2027', startsAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
      const early = await guest(later.url, locale);
      await state(early, 'early');
      assert.match(await early.locator('timio-guest-join [part="notice"]').innerText(), lang === 'de' ? /Sie können ab .+ teilnehmen/ : /You can join from/);
      await early.screenshot({ path: join(out, `guest-before-opening-${lang}.png`) });
      await early.context().close();

      const gone = await invite({ title: 'Zurückgezogen', startsAt: new Date().toISOString() });
      assert.equal((await api('DELETE', `/v1/rooms/vertrieb/invites/${gone.id}`)).status, 200);
      const revoked = await guest(gone.url, locale);
      await state(revoked, 'revoked');
      assert.equal(await revoked.locator('timio-guest-join h1').innerText(), lang === 'de' ? 'Einladung zurückgezogen' : 'Invitation withdrawn');
      await revoked.screenshot({ path: join(out, `guest-revoked-${lang}.png`) });
      await revoked.context().close();

      const unknown = await guest(`${stack.portal.url}/guest#invite=eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2ln`, locale);
      await state(unknown, 'unknown');
      assert.equal(await unknown.locator('timio-guest-join h1').innerText(), lang === 'de' ? 'Einladung nicht gefunden' : 'Invitation not found');
      await unknown.context().close();
    });
  }
});
