// One-on-one video calls end to end, as employees use them in the demo portal: the SDK from its
// script tag, the real token service (presence, ringing, calls), the dev media server, headless
// browsers with fake cameras, every person in their own browser context. The full call runs
// Chromium ↔ Chromium, Firefox ↔ Chromium and Chromium ↔ Firefox (Debian's firefox-esr over
// WebDriver BiDi); test names and wait errors name the browser.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/one-on-one-call.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core-firefox';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { launchFirefox } from '../testing/cross-process/firefox.js';
import { callWindowDe } from '../sdk/src/views/i18n/call-window.js';
import { callWindowEn } from '../sdk/src/views/i18n/en.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { signInChromium, signInFirefox, type BrowserName, type Visitor } from './support/visitor.js';
import { WAIT_MS } from '../testing/wait.js';

const RING_TIMEOUT_SECONDS = 6;
const callWindowCatalogs = { de: callWindowDe, en: callWindowEn };

interface Side { id: string; name: string; lang: 'de' | 'en'; browser: BrowserName }
const PAIRS: Array<{ caller: Side; callee: Side }> = (['chromium', 'firefox'] as const).flatMap((a) =>
  (['chromium', 'firefox'] as const)
    .filter((b) => a === 'chromium' || b === 'chromium')
    .map((b) => ({
      caller: { id: 'anna', name: 'Anna Schmidt', lang: 'de' as const, browser: a },
      callee: { id: 'ben', name: 'Ben Müller', lang: 'en' as const, browser: b },
    })),
);

describe('one-on-one video call in the demo portal', { timeout: 900_000 }, () => {
  let stack: Stack;
  let chromium: Browser;
  let firefox: FirefoxBrowser;
  const people: Visitor[] = [];
  const person = async (id: string, lang: 'de' | 'en' = 'de', browser: BrowserName = 'chromium') => {
    const p = browser === 'firefox'
      ? await signInFirefox(firefox, stack.portal.url, id, lang)
      : await signInChromium(chromium, stack.portal.url, id, lang);
    people.push(p);
    return p;
  };

  before(async () => {
    [stack, chromium, firefox] = await Promise.all([
      startStack({ CALL_RING_TIMEOUT_SECONDS: String(RING_TIMEOUT_SECONDS), PRESENCE_GRACE_SECONDS: '1' }),
      launchChromium(),
      launchFirefox(),
    ]);
    mkdirSync('artifacts', { recursive: true });
  });

  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await chromium?.close();
    await firefox?.close();
    await stack?.close();
  });

  const button = (contact: string) => `tr[data-contact="${contact}"] timio-call-button`;
  const incoming = 'timio-notifications .popup.incoming';
  const outgoing = 'timio-notifications .popup.outgoing';
  const journalRow = (outcome: string) => `#journal tbody tr[data-outcome="${outcome}"]`;
  const screenProblem = 'timio-call timio-media-problems [data-problem^="screen-"]';

  for (const { caller, callee } of PAIRS) {
    const label = `${caller.browser} → ${callee.browser}`;
    // Chromium ↔ Chromium keeps the plain artifact names; the pairs with Firefox name both browsers.
    const shot = (name: string) => `artifacts/e2e-${caller.browser === callee.browser ? '' : `${caller.browser}-${callee.browser}-`}${name}.png`;

    it(`[${label}] A calls B from the contact menu; both see and hear each other; one changes page and both see each other again; camera and screen reach B; B hangs up; the journal has it`, async () => {
      const anna = await person(caller.id, caller.lang, caller.browser);
      // Ben is not signed in (any earlier session of his has timed out): no video button beside his name.
      await anna.waitFor(button(callee.id), { state: 'attached' });
      await anna.waitFor(button(callee.id), { state: 'hidden' });

      const ben = await person(callee.id, callee.lang, callee.browser);
      // Ben signs in: his button appears on Anna's page.
      await anna.waitFor(`${button(callee.id)} button`, { state: 'visible' });
      assert.equal(await anna.attribute(`${button(callee.id)} button`, 'aria-label'), `Videocall mit ${callee.name} starten`);

      // Anna right-clicks Ben's name and chooses "Videocall starten".
      await anna.click(`tr[data-contact="${callee.id}"] timio-contact`, { button: 'right' });
      const item = `tr[data-contact="${callee.id}"] timio-contact [role="menuitem"]`;
      await anna.waitFor(item);
      assert.match(await anna.text(item), /Videocall starten/);
      await anna.screenshot(shot('portal-contact-menu-de'));
      await anna.click(item);

      // Ben's page rings with Anna's name; Anna sees that it rings.
      await ben.waitFor(incoming);
      assert.match(await ben.text(incoming), new RegExp(caller.name));
      await ben.screenshot(shot('portal-ringing-en'));
      await anna.waitFor(`${outgoing}[data-phase="ringing"]`);

      // Ben accepts: both call windows open and each sees the other's camera, frames advancing.
      await ben.click(`${incoming} button.accept`);
      await anna.waitFor('timio-call');
      await ben.waitFor('timio-call');
      await anna.framesAdvance('timio-call video[data-track="partner-camera"]');
      await ben.framesAdvance('timio-call video[data-track="partner-camera"]');
      assert.equal(await anna.text('timio-call header .name'), callee.name);
      assert.equal(await ben.text('timio-call header .name'), caller.name);
      await anna.screenshot(shot('call-window-de'));
      await ben.screenshot(shot('call-window-en'));

      // On a phone-sized screen the docked window is shown full (nothing beside it would fit), and
      // docked again where it was when the screen is large.
      const docked = await ben.evaluate(() => JSON.stringify(document.querySelector('timio-call')!.getBoundingClientRect()));
      await ben.setViewport({ width: 375, height: 740 });
      await ben.waitFor('timio-call[shown-mode="full"] .window[aria-modal="true"]', { state: 'attached' });
      assert.ok(await ben.evaluate(() => { const r = document.querySelector('timio-call')!.getBoundingClientRect(); const v = document.documentElement; return r.left <= 1 && r.top <= 1 && r.width >= v.clientWidth - 1 && r.height >= v.clientHeight - 1; }), 'covers the phone screen');
      assert.equal(await ben.count('timio-call [part="grip"]'), 0);
      await ben.screenshot(shot('call-window-phone-en'));
      await ben.setViewport({ width: 1200, height: 800 });
      await ben.waitFor('timio-call[shown-mode="docked"]', { state: 'attached' });
      assert.equal(await ben.evaluate(() => JSON.stringify(document.querySelector('timio-call')!.getBoundingClientRect())), docked);

      // A page change in the middle of the call, by the person in Firefox where there is one: the
      // call goes on on the next page (which connects with the token its previous page left and
      // publishes while it connects) and both see each other again. Waited for on the next page
      // first: the other's frames then advance only with the returning camera.
      const mover = anna.browser === 'firefox' ? anna : ben.browser === 'firefox' ? ben : anna;
      const stayer = mover === anna ? ben : anna;
      await mover.goto('/chat');
      await mover.waitFor('timio-call');
      await mover.framesAdvance('timio-call video[data-track="partner-camera"]');
      await stayer.framesAdvance('timio-call video[data-track="partner-camera"]');

      // Anna turns her camera off: Ben sees it.
      await anna.click('timio-call .controls .camera');
      await ben.waitFor('timio-call .avatar[data-state="partner-camera-off"]');
      assert.match(await ben.text('timio-call header'), new RegExp(`${caller.name} turned their camera off`));
      await ben.screenshot(shot('call-window-camera-off-en'));

      // Headless Firefox has no screen to share: pressing "share screen" tells the person so, in
      // their language, and the call goes on.
      for (const side of [anna, ben].filter((p) => p.browser === 'firefox')) {
        const lang = side === anna ? caller.lang : callee.lang;
        await side.click('timio-call .controls .screen');
        await side.waitFor(screenProblem);
        const failure = (await side.attribute(screenProblem, 'data-problem'))!.slice('screen-'.length);
        const messages = callWindowCatalogs[lang].problem.screen;
        assert.ok(failure in messages, `[firefox] screen failure "${failure}" has a message`);
        assert.equal(await side.text(screenProblem), messages[failure as keyof typeof messages]);
        assert.equal(await side.attribute('timio-call timio-media-problems [part="problems"]', 'role'), 'status');
        await side.screenshot(shot(`call-window-no-screen-${lang}`));
      }

      // A person in Chromium shares their screen: the other sees the screen, frames advancing.
      const [sharer, viewer] = anna.browser === 'chromium' ? [anna, ben] : [ben, anna];
      await sharer.click('timio-call .controls .screen');
      await viewer.waitFor('timio-call [data-state="partner-sharing"]');
      const screen = await viewer.framesAdvance('timio-call video[data-track="partner-screen"]');
      assert.ok(screen.width >= 640, `shared screen arrives readable in ${viewer.browser} (${screen.width}x${screen.height})`);
      await sharer.screenshot(shot(`call-window-sharing-${sharer === anna ? 'de' : 'en'}`));
      await viewer.screenshot(shot(`call-window-screen-share-${viewer === anna ? 'de' : 'en'}`));

      // The portal's contact actions ("Weitere Kontaktoptionen") are in the header for the partner.
      await anna.click('timio-call header timio-partner-actions .toggle');
      await anna.waitFor('timio-call header [role="menuitem"][data-action="journal"]');
      assert.equal(await anna.attribute('timio-call header [data-action="mail"]', 'href'), `mailto:${callee.id}@example.com`);
      await anna.screenshot(shot('call-window-contact-actions-de'));
      await anna.click('timio-call header timio-partner-actions .toggle');
      await anna.waitFor('timio-call header [role="menu"]', { state: 'hidden' });

      // Ben hangs up: his window closes; Anna's becomes a short "Gespräch beendet" notice that goes by itself.
      await ben.click('timio-call .controls .end');
      await ben.waitFor('timio-call', { state: 'detached' });
      await anna.waitFor('timio-call[ended] [part="notice"]');
      assert.match(await anna.text('timio-call [part="notice"]'), new RegExp(`Gespräch beendet\\s+Gespräch mit ${callee.name}`));
      await anna.screenshot(shot('call-ended-notice-de'));
      // Read and pictured: the notice's documented duration (--timio-call-notice-duration, 8 s) is
      // cut to a moment, and it still has to go by itself.
      await anna.evaluate(() => document.querySelector<HTMLElement>('timio-call[ended]')?.style.setProperty('--timio-call-notice-duration', '0.2s'));
      await anna.waitFor('timio-call', { state: 'detached' });

      // The journal lists the call, answered, with its duration.
      await anna.goto('/journal');
      await anna.waitFor(journalRow('completed'));
      assert.match(await anna.text(journalRow('completed')), new RegExp(callee.name));
      assert.match(await anna.text(`${journalRow('completed')} td.duration`), /^\d+:\d\d$/);
      assert.match(await anna.text(journalRow('completed')), /Ausgehend/);
      await ben.goto('/journal');
      await ben.waitFor(journalRow('completed'));
      assert.match(await ben.text(journalRow('completed')), new RegExp(caller.name));
      assert.match(await ben.text(journalRow('completed')), /Incoming/);
      assert.match(await ben.text(`${journalRow('completed')} td.duration`), /^\d+:\d\d$/);
      await anna.screenshot(shot('journal-de'));
      await anna.close();
      await ben.close();
    });
  }

  it('decline: the callee (in Firefox) declines, the caller is told, both journals say so', async () => {
    const carla = await person('carla');
    const david = await person('david', 'de', 'firefox');
    await carla.click(`${button('david')} button`);
    await david.waitFor(incoming);
    await david.click(`${incoming} button.decline`);
    await carla.waitFor(`${outgoing}[data-outcome="declined"]`);
    assert.match(await carla.text(outgoing), /David Kim hat den Anruf abgelehnt/);
    await david.waitFor(incoming, { state: 'detached' });
    assert.equal(await carla.count('timio-call'), 0);
    await carla.goto('/journal');
    await carla.waitFor(journalRow('declined'));
    await david.goto('/journal');
    await david.waitFor(journalRow('declined'));
    await carla.close();
    await david.close();
  });

  it('no answer: nobody picks up, the ring times out, the callee has a missed call', async () => {
    const emma = await person('emma');
    const felix = await person('felix');
    await emma.click(`${button('felix')} button`);
    await felix.waitFor(incoming);
    await emma.waitFor(`${outgoing}[data-outcome="no_answer"]`, { timeout: RING_TIMEOUT_SECONDS * 1000 + WAIT_MS });
    assert.match(await emma.text(outgoing), /Felix Wagner nimmt nicht ab/);
    await felix.waitFor(incoming, { state: 'detached' });
    await felix.goto('/journal');
    await felix.waitFor(journalRow('missed'));
    await emma.goto('/journal');
    await emma.waitFor(journalRow('no_answer'));
    await emma.close();
    await felix.close();
  });

  it('cancel: the caller hangs up while it rings, the callee stops ringing and has a missed call', async () => {
    const carla = await person('carla');
    const emma = await person('emma');
    await carla.click(`${button('emma')} button`);
    await emma.waitFor(incoming);
    await carla.click(`${outgoing}[data-phase="ringing"] button.hangup`);
    await emma.waitFor(incoming, { state: 'detached' });
    await emma.goto('/journal');
    await emma.waitFor(journalRow('missed'));
    await carla.goto('/journal');
    await carla.waitFor(journalRow('cancelled'));
    await carla.close();
    await emma.close();
  });

  it('busy: a contact in a call shows as busy, and calling them anyway says busy', async () => {
    const david = await person('david');
    const felix = await person('felix');
    const carla = await person('carla');
    await carla.waitFor(`${button('felix')} button`);
    await david.click(`${button('felix')} button`);
    await felix.click(`${incoming} button.accept`);
    await felix.waitFor('timio-call');
    // Carla's page shows Felix busy: the button stays, disabled, and says why.
    await carla.waitFor('tr[data-contact="felix"] timio-call-button[status="busy"]', { state: 'attached' });
    assert.equal(await carla.attribute(`${button('felix')} button`, 'aria-disabled'), 'true');
    // A page that calls anyway (through the SDK's API) gets "busy" from the token service.
    await carla.evaluate(async () => {
      const { timio } = (await import('/sdk/timio.js' as string)) as { timio: { call(c: { id: string; name: string }): Promise<void> } };
      await timio.call({ id: 'felix', name: 'Felix Wagner' });
    });
    await carla.waitFor(`${outgoing}[data-outcome="busy"]`);
    assert.match(await carla.text(outgoing), /Felix Wagner ist gerade in einem anderen Gespräch/);
    await felix.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s')); // his "call ended" notice (8 s): a moment
    await david.click('timio-call .controls .end');
    await felix.waitFor('timio-call', { state: 'detached' });
    await david.close();
    await felix.close();
    await carla.close();
  });
});
