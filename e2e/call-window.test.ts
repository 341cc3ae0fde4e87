// The call window (<timio-call>, CallSession) against the real dev media server, two people in
// separate browser contexts with fake cameras: each sees the other's video, mute/camera/screen
// share reach the partner, no screen to share is said above the controls (over no video), hang up
// closes this window and the partner sees "left".
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/call-window.test.ts'
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startMediaServer, type MediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startCallWindowHost, type CallWindowHost } from '../testing/cross-process/call-window-host.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { closeAll, closeCallWindows, joinCall, openCallWindowPage } from './support/call-window-page.js';
import { WAIT_MS } from '../testing/wait.js';

/** On failure, adds what each session knows (phase, participants, tracks) to the error. */
async function withDiagnostics(pages: Page[], run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const states = await Promise.all(
      pages.map((p) =>
        p.evaluate(`(() => { const s = window.callWindow.handle.session;
          return JSON.stringify({ phase: s.connection.value.phase, departed: s.departed.value,
            participants: s.participants.value.map((x) => [x.identity, x.camera && { muted: x.camera.muted, track: !!x.camera.track }, x.screen && { track: !!x.screen.track }]) }); })()`).catch((e) => String(e)),
      ),
    );
    throw new Error(`${(err as Error).message}\nsessions: ${states.join('\n')}`);
  }
}

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };

describe('call window against the dev media server', { timeout: 600_000 }, () => {
  let media: MediaServer;
  let host: CallWindowHost;
  let browser: Browser;
  let a: Page;
  let b: Page;

  before(async () => {
    // Pings every 2 s, 6 s without a pong is a lost connection (LiveKit's 5 s / 15 s): the network
    // drop below shows "reconnecting" after 6 s, not 15 s; still far above a busy machine's stalls.
    [media, host, browser] = await Promise.all([
      startMediaServer({ port: 0, ping: { intervalSeconds: 2, timeoutSeconds: 6 } }),
      startCallWindowHost(),
      launchChromium(),
    ]);
    const open = (label: string) => openCallWindowPage(browser, host, label);
    [a, b] = await Promise.all([open('anna'), open('ben')]);
  });

  // A test that fails midway leaves its call windows open; the next test starts with none.
  afterEach(() => closeCallWindows([a, b]));
  after(() => closeAll(browser, host, media));

  it('connects both sides, shows mute, camera off and screen share to the partner, and ends', async () => {
    const room = `call-${Date.now()}`;
    const call = { id: 'c1', room, caller: anna, callee: ben, state: 'active' as const };
    await joinCall(a, call, anna, media.url, 'de');
    // Anna waits alone first: the window says so.
    await a.locator('timio-call .overlay[data-state="waiting"]').waitFor({ timeout: WAIT_MS });
    assert.match(await a.locator('timio-call .overlay[data-state="waiting"]').innerText(), /Warten auf Ben Müller/);
    await joinCall(b, call, ben, media.url, 'en');

    // Each sees the other's camera, frames advancing.
    await withDiagnostics([a, b], async () => {
      await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
      await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
    });
    await framesAdvance(a, 'timio-call video[data-track="local-camera"]');
    // Once both are in, no overlay is left, and Ben sees no "muted" badge: Anna's microphone is
    // published a moment after her camera, so these are waited for, not read at one instant.
    await a.locator('timio-call .overlay').waitFor({ state: 'detached', timeout: WAIT_MS });
    await b.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ state: 'detached', timeout: WAIT_MS });

    mkdirSync('artifacts', { recursive: true });
    await a.screenshot({ path: 'artifacts/call-window-de.png' });
    await b.screenshot({ path: 'artifacts/call-window-en.png' });

    // Anna mutes her microphone and turns her camera off: Ben sees both.
    await a.locator('timio-call .controls .mic').click();
    await b.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await b.locator('timio-call [data-state="partner-mic-muted"]').innerText(), 'Anna Schmidt muted their microphone');
    await a.locator('timio-call .controls .camera').click();
    await b.locator('timio-call .avatar[data-state="partner-camera-off"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await b.locator('timio-call video[data-track="partner-camera"]').count(), 0);
    await a.locator('timio-call .controls .camera[aria-label="Kamera einschalten"]').waitFor({ timeout: WAIT_MS });
    await b.screenshot({ path: 'artifacts/call-window-partner-camera-off-en.png' });

    // Camera back on: Ben's picture returns.
    await a.locator('timio-call .controls .camera').click();
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');

    // Anna shares her screen: Ben sees the screen, with frames, and the badge.
    await a.locator('timio-call .controls .screen').click();
    await a.locator('timio-call [data-state="self-sharing"]').waitFor({ timeout: WAIT_MS });
    await b.locator('timio-call [data-state="partner-sharing"]').waitFor({ timeout: WAIT_MS });
    await framesAdvance(b, 'timio-call video[data-track="partner-screen"]');
    // The first frames may be a smaller layer while the bandwidth estimate ramps up on a busy machine.
    const shared = b.locator('timio-call video[data-track="partner-screen"]').first();
    const deadline = Date.now() + WAIT_MS;
    let width = 0;
    while ((width = await shared.evaluate((v) => (v as HTMLVideoElement).videoWidth)) < 640 && Date.now() < deadline) await b.waitForTimeout(100);
    assert.ok(width >= 640, `screen share arrives at a readable size (${width} px wide)`);
    await b.screenshot({ path: 'artifacts/call-window-screen-share-en.png' });

    // Ben's more options: his microphone's level moves (the fake microphone beeps), the test
    // sound plays on the chosen speaker.
    await b.locator('timio-call .controls .more').click();
    await b.waitForFunction(() => {
      const meter = document.querySelector('timio-call')?.shadowRoot?.querySelector('.options')?.shadowRoot?.querySelector('[role="meter"]');
      return Number(meter?.getAttribute('aria-valuenow') ?? 0) > 0;
    }, undefined, { timeout: WAIT_MS });
    await b.locator('timio-call .options .test-sound').click();
    await b.keyboard.press('Escape');
    await b.locator('timio-call .options').waitFor({ state: 'detached' });

    // More options lists the fake devices.
    await a.locator('timio-call .controls .more').click();
    await a.locator('timio-call .options select[data-device="videoinput"] option').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    assert.ok((await a.locator('timio-call .options select[data-device="audioinput"] option').count()) >= 1);
    await a.screenshot({ path: 'artifacts/call-window-options-de.png' });
    await a.keyboard.press('Escape');
    await a.locator('timio-call .options').waitFor({ state: 'detached' });

    // Full screen and back.
    await a.locator('timio-call .controls .fullscreen').click();
    await a.waitForFunction(() => document.fullscreenElement?.localName === 'timio-call');
    // The button's label follows the window's fullscreenchange render: waited for, not read at once.
    await a.locator('timio-call .controls .fullscreen[aria-label="Vollbild-Modus beenden"]').waitFor({ timeout: WAIT_MS });
    await a.locator('timio-call .controls .fullscreen').click();
    await a.waitForFunction(() => document.fullscreenElement === null);
    await a.locator('timio-call .controls .fullscreen[aria-label="Vollbild-Modus"]').waitFor({ timeout: WAIT_MS });

    // No screen to share (the browser finds none): the notice says so in each one's language,
    // between the stage and the controls, over no video. Anna stops her share first.
    await a.locator('timio-call .controls .screen').click();
    await b.locator('timio-call [data-state="partner-sharing"]').waitFor({ state: 'detached', timeout: WAIT_MS });
    for (const [page, lang, sentence] of [[b, 'en', 'There is no screen to share.'], [a, 'de', 'Es gibt keinen Bildschirm, der geteilt werden kann.']] as const) {
      await page.evaluate(() => {
        const md = navigator.mediaDevices as MediaDevices & { realGetDisplayMedia?: MediaDevices['getDisplayMedia'] };
        md.realGetDisplayMedia = md.getDisplayMedia;
        md.getDisplayMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      });
      await page.locator('timio-call .controls .screen').click();
      const notice = page.locator('timio-call [data-problem="screen-no_device"]');
      await notice.waitFor({ timeout: WAIT_MS });
      assert.equal((await notice.innerText()).trim(), sentence);
      await framesAdvance(page, 'timio-call video[data-track="partner-camera"]');
      const box = (await notice.boundingBox())!;
      for (const tile of await page.locator('timio-call timio-video-tile').all()) {
        const r = (await tile.boundingBox())!;
        const overlaps = Math.min(box.x + box.width, r.x + r.width) > Math.max(box.x, r.x) && Math.min(box.y + box.height, r.y + r.height) > Math.max(box.y, r.y);
        assert.equal(overlaps, false, `[${lang}] the notice ${JSON.stringify(box)} covers a tile ${JSON.stringify(r)}`);
      }
      await page.screenshot({ path: `artifacts/call-window-no-screen-${lang}.png` });
      await page.evaluate(() => {
        const md = navigator.mediaDevices as MediaDevices & { realGetDisplayMedia?: MediaDevices['getDisplayMedia'] };
        if (md.realGetDisplayMedia) md.getDisplayMedia = md.realGetDisplayMedia;
      });
    }

    // Ben hangs up: his window closes with "hangup"; Anna sees that he left.
    await b.locator('timio-call .controls .end').click();
    await b.waitForFunction(() => window.callWindow.ended?.reason === 'hangup');
    assert.equal(await b.locator('timio-call').count(), 0);
    await a.locator('timio-call .overlay[data-state="partner-left"]').waitFor({ timeout: WAIT_MS });
    assert.match(await a.locator('timio-call .overlay').innerText(), /Ben Müller hat das Gespräch verlassen/);
    await a.locator('timio-call .overlay button').click();
    await a.waitForFunction(() => window.callWindow.ended?.reason === 'partner_left');
    assert.equal(await a.locator('timio-call').count(), 0);
  });

  it('camera permission denied and no microphone: the window says so and the call still shows the partner', async () => {
    const denied = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    // The browser's own answers when the user blocks the camera and no microphone exists.
    await denied.addInitScript(`navigator.mediaDevices.getUserMedia = (c) => Promise.reject(new DOMException(
      c && c.video ? 'Permission denied' : 'Requested device not found', c && c.video ? 'NotAllowedError' : 'NotFoundError'));`);
    const carlaPage = await denied.newPage();
    await carlaPage.goto(host.origin);
    await carlaPage.waitForFunction(() => 'callWindow' in window);
    const carla = { id: 'carla', name: 'Carla Rossi' };
    const david = { id: 'david', name: 'David Kim' };
    const room = `call-denied-${Date.now()}`;
    const call = { id: 'c2', room, caller: carla, callee: david, state: 'active' as const };
    await joinCall(carlaPage, call, carla, media.url, 'de');
    await joinCall(a, call, david, media.url, 'de');

    await carlaPage.locator('timio-call [data-problem="camera-permission_denied"]').waitFor({ timeout: WAIT_MS });
    await carlaPage.locator('timio-call [data-problem="microphone-no_device"]').waitFor({ timeout: WAIT_MS });
    const problems = carlaPage.locator('timio-call timio-media-problems [role="status"]');
    assert.match(await problems.innerText(), /Kein Zugriff auf die Kamera/);
    assert.match(await problems.innerText(), /Es wurde kein Mikrofon gefunden/);
    await framesAdvance(carlaPage, 'timio-call video[data-track="partner-camera"]');
    await a.locator('timio-call .avatar[data-state="partner-camera-off"]').waitFor({ timeout: WAIT_MS });
    assert.match(await a.locator('timio-call header').innerText(), /Carla Rossi hat das Mikrofon stummgeschaltet/);
    await carlaPage.screenshot({ path: 'artifacts/call-window-permission-denied-de.png' });
    await a.locator('timio-call .controls .end').click();
    await a.waitForFunction(() => window.callWindow.ended?.reason === 'hangup' && !document.querySelector('timio-call'));
    await denied.close();
  });

  it('a network drop shows "reconnecting", and the call comes back by itself', async () => {
    const room = `call-drop-${Date.now()}`;
    const call = { id: 'c3', room, caller: anna, callee: ben, state: 'active' as const };
    await joinCall(a, call, anna, media.url, 'de');
    await joinCall(b, call, ben, media.url, 'en');
    await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
    // Anna's browser loses the network: LiveKit notices by its ping timeout, the window says so.
    await a.context().setOffline(true);
    await a.locator('timio-call .overlay[data-state="reconnecting"]').waitFor({ timeout: WAIT_MS });
    assert.match(await a.locator('timio-call .overlay').innerText(), /Verbindung unterbrochen/);
    await a.screenshot({ path: 'artifacts/call-window-reconnecting-de.png' });
    await a.context().setOffline(false);
    await a.locator('timio-call .overlay').waitFor({ state: 'detached', timeout: WAIT_MS });
    await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
    // Anna rejoined from scratch: Ben sees her picture again.
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
    await a.evaluate(() => window.callWindow.handle?.close());
    await b.evaluate(() => window.callWindow.handle?.close());
  });
});
