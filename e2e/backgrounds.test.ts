// Sound switches and camera backgrounds in a 1:1 call against the dev media server, two people in
// Chromium with fake devices, the page under a strict Content-Security-Policy plus the one
// addition the background needs ('wasm-unsafe-eval'), the segmentation files served by the page's
// own server. What is checked is what the other person receives (their <video>), and the
// microphone track's own settings. The fake camera (a moving checkerboard clip) shows no person:
// the mask is (almost) all background, so these checks prove the pipeline (blur, image, off), not
// the mask; no package here ships a picture of a person to feed instead.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/backgrounds.test.ts'
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { roomToken } from '../testing/node/tokens.js';
import { startCallWindowHost, type CallWindowHost } from '../testing/cross-process/call-window-host.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { closeAll, closeCallWindows, openCallWindowPage } from './support/call-window-page.js';
import { medianSharpness, waitForPicture } from '../testing/cross-process/picture.js';
import { effectsFolder } from '../scripts/build/effects-assets.mjs';
import { writePatternCamera } from '../testing/cross-process/pattern-camera.js';
import { WAIT_MS } from '../testing/wait.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };

/** The demo portal's policy (demo-host) with the addition for backgrounds. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*",
  "base-uri 'none'",
].join('; ');

/** A company background: a plain magenta picture, so its colour is unmistakable in the received frames. */
const MAGENTA = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#e020d0"/></svg>';

describe('sound switches and backgrounds in a call', { timeout: 600_000 }, () => {
  let media: MediaServer;
  let host: CallWindowHost;
  let browser: Browser;
  let a: Page;
  let b: Page;
  const requests: string[] = [];

  before(async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const images = mkdtempSync(`${tmpdir()}/timio-bg-`);
    writeFileSync(`${images}/magenta.svg`, MAGENTA);
    media = await startMediaServer({ port: 0 });
    host = await startCallWindowHost({ folders: { '/effects/': effectsFolder(), '/backgrounds/': images }, headers: { 'Content-Security-Policy': CSP } });
    browser = await launchChromium({ args: [`--use-file-for-fake-video-capture=${writePatternCamera()}`] });
    const open = (label: string) => openCallWindowPage(browser, host, label, { requests });
    [a, b] = await Promise.all([open('anna'), open('ben')]);
  });

  afterEach(() => closeCallWindows([a, b]));
  after(() => closeAll(browser, host, media));

  async function call(locales: ['de' | 'en', 'de' | 'en'] = ['de', 'en']): Promise<void> {
    const room = `bg-${Date.now()}`;
    const c = { id: room, room, caller: anna, callee: ben, state: 'active' as const };
    const [ta, tb] = await Promise.all([roomToken(anna.id, room, {}, { name: anna.name }), roomToken(ben.id, room, {}, { name: ben.name })]);
    for (const [page, token, locale] of [[a, ta, locales[0]], [b, tb, locales[1]]] as const) {
      await page.evaluate((o) => {
        window.callWindow.configure({ tokenServiceUrl: 'http://127.0.0.1:9', backgrounds: [{ url: '/backgrounds/magenta.svg', label: 'Magenta' }] });
        window.callWindow.open(o);
      }, { call: c, token, url: media.url, locale });
    }
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
    await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
  }

  /** Anna's live microphone track's settings (the one the session publishes). */
  const micSettings = (page: Page) => page.evaluate(() => {
    const s = window.callWindow.handle!.session.local.value.microphone?.getSettings();
    return s ? { noiseSuppression: s.noiseSuppression, echoCancellation: s.echoCancellation, autoGainControl: s.autoGainControl, live: window.callWindow.handle!.session.local.value.microphone!.readyState } : undefined;
  });

  async function waitForMic(page: Page, want: { noiseSuppression: boolean; echoCancellation: boolean; autoGainControl: boolean }): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    let got: Awaited<ReturnType<typeof micSettings>>;
    while (Date.now() < deadline) {
      got = await micSettings(page);
      if (got && got.live === 'live' && got.noiseSuppression === want.noiseSuppression && got.echoCancellation === want.echoCancellation && got.autoGainControl === want.autoGainControl) return;
      await page.waitForTimeout(100);
    }
    assert.fail(`microphone settings ${JSON.stringify(got!)} never became ${JSON.stringify(want)}`);
  }

  it('sound switches change the live microphone without leaving the call, and survive a reload', async () => {
    await call();
    await waitForMic(a, { noiseSuppression: true, echoCancellation: true, autoGainControl: true });
    await a.locator('timio-call .controls .more').click();
    const ns = a.locator('timio-call .options input[data-setting="noiseSuppression"]');
    await ns.waitFor({ timeout: WAIT_MS });
    assert.equal(await ns.isChecked(), true, 'on by default');
    await ns.uncheck();
    await waitForMic(a, { noiseSuppression: false, echoCancellation: true, autoGainControl: true });
    await a.locator('timio-call .options input[data-setting="echoCancellation"]').uncheck();
    await waitForMic(a, { noiseSuppression: false, echoCancellation: false, autoGainControl: true });
    await a.locator('timio-call .options input[data-setting="autoGainControl"]').uncheck();
    await waitForMic(a, { noiseSuppression: false, echoCancellation: false, autoGainControl: false });
    // Still in the call: connected, Ben still sees her and hears no "muted".
    assert.equal(await a.evaluate(() => window.callWindow.handle!.session.connection.value.phase), 'connected');
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
    assert.equal(await b.locator('timio-call [data-state="partner-mic-muted"]').count(), 0);
    await a.locator('timio-call .options input[data-setting="echoCancellation"]').check();
    await waitForMic(a, { noiseSuppression: false, echoCancellation: true, autoGainControl: false });
    mkdirSync('artifacts', { recursive: true });
    await a.screenshot({ path: 'artifacts/backgrounds-options-de.png' });

    // A reload: the next call starts with the same switches.
    await a.evaluate(() => window.callWindow.handle?.close());
    await b.evaluate(() => window.callWindow.handle?.close());
    await a.reload();
    await a.waitForFunction(() => 'callWindow' in window);
    await call();
    await waitForMic(a, { noiseSuppression: false, echoCancellation: true, autoGainControl: false });
    await a.locator('timio-call .controls .more').click();
    await a.locator('timio-call .options input[data-setting="noiseSuppression"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await a.locator('timio-call .options input[data-setting="noiseSuppression"]').isChecked(), false);
    for (const key of ['noiseSuppression', 'autoGainControl']) await a.locator(`timio-call .options input[data-setting="${key}"]`).check();
    await waitForMic(a, { noiseSuppression: true, echoCancellation: true, autoGainControl: true });
  });

  it('blur and a company background reach the partner; off restores the picture', async () => {
    // Anna in English, Ben in German: the partner's view is looked at in German here (in English
    // after a page change in e2e/backgrounds-portal.test.ts), Anna's own view in English.
    await call(['en', 'de']);
    const seen = b.locator('timio-call video[data-track="partner-camera"]').first();
    const plain = await medianSharpness(seen);
    assert.ok(plain > 5, `the unprocessed pattern camera is sharp (${plain})`);

    await a.locator('timio-call .controls .more').click();
    await a.locator('timio-call .options input[data-background="blur"]').check();
    const blurred = await waitForPicture(seen, (p) => p.sharpness <= plain / 2, WAIT_MS * 2, `blurred picture (unprocessed ${plain.toFixed(2)})`);
    await b.screenshot({ path: 'artifacts/backgrounds-partner-blur-de.png' });
    // Held, not one frame: the median of several readings too.
    const held = await medianSharpness(seen, 9);
    if (process.env.PICTURE_LOG) console.log('anna background state:', await a.locator('timio-call .options .state').innerText().catch((e) => String(e)));
    assert.ok(held <= plain / 2, `blur holds: ${held.toFixed(2)} vs unprocessed ${plain.toFixed(2)}`);
    console.log(`sharpness: unprocessed ${plain.toFixed(2)}, blurred ${blurred.sharpness.toFixed(2)} / ${held.toFixed(2)}`);
    await framesAdvance(a, 'timio-call video[data-track="local-camera"]');
    await a.screenshot({ path: 'artifacts/backgrounds-self-blur-en.png' });

    // Camera off and on again: the background stays.
    await a.locator('timio-call .controls .camera').click();
    await b.locator('timio-call .avatar[data-state="partner-camera-off"]').waitFor({ timeout: WAIT_MS });
    await a.locator('timio-call .controls .camera').click();
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
    await waitForPicture(b.locator('timio-call video[data-track="partner-camera"]').first(), (p) => p.sharpness <= plain / 2, WAIT_MS, 'blur after the camera came back').catch(async (err) => {
      throw new Error(`${(err as Error).message}; Anna's background state: "${await a.locator('timio-call .options .state').innerText().catch(() => '?')}"`);
    });

    // The company background: its colour fills what Ben receives (no person in the fake camera).
    await a.locator('timio-call .options input[data-background="image:' + host.origin + '/backgrounds/magenta.svg"]').check();
    const magenta = await waitForPicture(b.locator('timio-call video[data-track="partner-camera"]').first(), (p) => p.r > 170 && p.g < 90 && p.b > 160, WAIT_MS, 'magenta background');
    console.log(`company background: mean colour ${magenta.r.toFixed(0)},${magenta.g.toFixed(0)},${magenta.b.toFixed(0)}`);
    await b.screenshot({ path: 'artifacts/backgrounds-partner-image-de.png' });

    // Off: the original picture returns.
    await a.locator('timio-call .options input[data-background="none"]').check();
    await waitForPicture(b.locator('timio-call video[data-track="partner-camera"]').first(), (p) => p.sharpness >= plain * 0.7 && p.r < 170, WAIT_MS, `sharp again (unprocessed ${plain.toFixed(2)})`);

    // Every request of both pages stayed on the page's own origin and the media server.
    const media_ = new URL(media.url);
    const foreign = requests.filter((u) => { const h = new URL(u); return h.host !== new URL(host.origin).host && h.host !== media_.host; });
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith('/effects/selfie_segmentation_solution_simd_wasm_bin.wasm')), 'the segmentation came from the page\'s own server');
  });
});

// Firefox's fake microphone reports noiseSuppression, echoCancellation and autoGainControl as false
// whatever is asked (checked: getSettings() right after joining with all three requested), so
// getSettings() cannot show the switches there; what is checked is that switching keeps the call and
// a live microphone, the choice survives a reload, and no background is offered (no WebGL).
describe('sound switches in Firefox', { timeout: 600_000 }, () => {
  it('switching keeps the call and a live microphone, survives a reload; no background is offered (no WebGL)', async () => {
    const { launchFirefox } = await import('../testing/cross-process/firefox.js');
    const media = await startMediaServer({ port: 0 });
    const host = await startCallWindowHost({ headers: { 'Content-Security-Policy': CSP } });
    const firefox = await launchFirefox();
    try {
      const page = await firefox.newPage();
      await page.setViewport({ width: 1100, height: 720 });
      const room = `bg-ff-${Date.now()}`;
      const join = async () => {
        await page.waitForFunction(() => 'callWindow' in window, { timeout: WAIT_MS });
        const token = await roomToken(anna.id, room, {}, { name: anna.name });
        await page.evaluate((o) => window.callWindow.open(o), { call: { id: room, room, caller: anna, callee: ben, state: 'active' as const }, token, url: media.url, locale: 'de' as const });
        await page.waitForFunction(() => window.callWindow.handle?.session.local.value.microphone?.readyState === 'live', { timeout: WAIT_MS });
        await page.waitForFunction(() => !!document.querySelector('timio-call')?.shadowRoot?.querySelector('timio-control-bar')?.shadowRoot?.querySelector('button.more'), { timeout: WAIT_MS });
        await page.evaluate(() => (document.querySelector('timio-call')!.shadowRoot!.querySelector('timio-control-bar')!.shadowRoot!.querySelector('button.more') as HTMLElement).click());
        await page.waitForFunction(() => !!document.querySelector('timio-call')?.shadowRoot?.querySelector('.options')?.shadowRoot?.querySelector('timio-media-effects')?.shadowRoot?.querySelector('input[data-setting]'), { timeout: WAIT_MS });
      };
      const switches = () => page.evaluate(() => [...document.querySelector('timio-call')!.shadowRoot!.querySelector('.options')!.shadowRoot!.querySelector('timio-media-effects')!.shadowRoot!.querySelectorAll('input[data-setting]')].map((i) => (i as HTMLInputElement).checked));
      await page.goto(host.origin);
      await join();
      assert.deepEqual(await switches(), [true, true, true]);
      for (const key of ['noiseSuppression', 'echoCancellation', 'autoGainControl']) {
        await page.evaluate((k) => (document.querySelector('timio-call')!.shadowRoot!.querySelector('.options')!.shadowRoot!.querySelector('timio-media-effects')!.shadowRoot!.querySelector(`input[data-setting="${k}"]`) as HTMLInputElement).click(), key);
      }
      assert.deepEqual(await switches(), [false, false, false]);
      // Still in the call with a live microphone (a restarted capture replaces the sent one).
      await page.waitForFunction(() => window.callWindow.handle?.session.connection.value.phase === 'connected' && window.callWindow.handle.session.local.value.micOn && window.callWindow.handle.session.local.value.microphone?.readyState === 'live', { timeout: WAIT_MS });
      const unsupported = await page.waitForFunction(() => document.querySelector('timio-call')!.shadowRoot!.querySelector('.options')!.shadowRoot!.querySelector('timio-media-effects')?.shadowRoot?.querySelector('[data-unsupported]')?.getAttribute('data-unsupported'), { timeout: WAIT_MS });
      assert.equal(await unsupported.jsonValue(), 'no-webgl');
      assert.equal(await page.evaluate(() => document.querySelector('timio-call')!.shadowRoot!.querySelector('.options')!.shadowRoot!.querySelector('timio-media-effects')!.shadowRoot!.querySelectorAll('input[type="radio"]').length), 0);
      await page.screenshot({ path: 'artifacts/backgrounds-options-firefox-de.png' });
      await page.evaluate(() => window.callWindow.handle?.close());
      await page.reload();
      await join();
      assert.deepEqual(await switches(), [false, false, false]);
      await page.evaluate(() => localStorage.removeItem('timio.media-settings'));
    } finally {
      await firefox.close();
      await host.close();
      await media.close();
    }
  });
});
