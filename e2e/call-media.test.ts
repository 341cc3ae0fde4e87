// The 1:1 call window's media, proven on the receiving side, against the dev media server run as
// its own process: each person's audio arrives at the other (the energy of the received audio
// grows with the fake microphone's beeps) and turning the microphone off silences it, in both
// directions; when the media server stops answering (SIGSTOP: to every client it is a network
// loss), both windows say "reconnecting" within seconds, and the call comes back after SIGCONT.
// The time from the loss to the visible "reconnecting" is printed (no timing assert here). Also
// the host's contact actions in the window's header, chosen by mouse and keyboard.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/call-media.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startCallWindowHost, type CallWindowHost } from '../testing/cross-process/call-window-host.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { closeAll, joinCall, openCallWindowPage } from './support/call-window-page.js';
import { recordPeerConnections, waitForAudio } from './support/audio.js';
import { WATCH_RECONNECTING, startMediaProcess, type MediaProcess } from '../testing/cross-process/media-process.js';
import { WAIT_MS } from '../testing/wait.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };
// Audio that arrives: the beeps give about 0.3–0.8 per 2.5 s; a muted sender gives none or a trace
// of comfort noise (below 1e-6 measured).
const HEARD = 1e-2;
const SILENT = 1e-4;

describe('1:1 call window against a media server process: audio both ways, muted, host actions, a network loss', { timeout: 600_000 }, () => {
  let media: MediaProcess;
  let host: CallWindowHost;
  let browser: Browser;
  let a: Page;
  let b: Page;

  before(async () => {
    [media, host, browser] = await Promise.all([startMediaProcess(), startCallWindowHost(), launchChromium()]);
    const open = (label: string) => openCallWindowPage(browser, host, label, { viewport: { width: 1000, height: 680 }, prepare: recordPeerConnections });
    [a, b] = await Promise.all([open('anna'), open('ben')]);
    const room = `call-media-${Date.now()}`;
    const call = { id: 'm1', room, caller: anna, callee: ben, state: 'active' as const };
    await joinCall(a, call, anna, media.url, 'de');
    await joinCall(b, call, ben, media.url, 'en');
    await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
  });

  after(() => closeAll(browser, host, media));

  it("each hears the other; a microphone turned off is silent on the other side; on again, heard again", async () => {
    // Each side's 2.5 s listening window is its own page's: the two are waited for side by side.
    const [heardByBen, heardByAnna] = await Promise.all([
      waitForAudio(b, (e) => e > HEARD, "Anna's audio at Ben"),
      waitForAudio(a, (e) => e > HEARD, "Ben's audio at Anna"),
    ]);
    console.log(`received audio energy over 2.5 s: Ben hears Anna ${heardByBen.toExponential(2)}, Anna hears Ben ${heardByAnna.toExponential(2)}`);

    // Anna turns her microphone off: Ben sees it and hears nothing from her.
    await a.locator('timio-call .controls .mic').click();
    await b.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ timeout: WAIT_MS });
    // …while Anna still hears Ben.
    const [silentAtBen] = await Promise.all([
      waitForAudio(b, (e) => e < SILENT, 'silence at Ben while Anna is muted'),
      waitForAudio(a, (e) => e > HEARD, "Ben's audio at Anna while Anna is muted"),
    ]);
    // Ben turns his off too: Anna hears nothing.
    await b.locator('timio-call .controls .mic').click();
    await a.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ timeout: WAIT_MS });
    const silentAtAnna = await waitForAudio(a, (e) => e < SILENT, 'silence at Anna while Ben is muted');
    console.log(`received audio energy over 2.5 s while the sender is muted: at Ben ${silentAtBen.toExponential(2)}, at Anna ${silentAtAnna.toExponential(2)}`);

    // Both back on: each hears the other again.
    await a.locator('timio-call .controls .mic').click();
    await b.locator('timio-call .controls .mic').click();
    await b.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ state: 'detached', timeout: WAIT_MS });
    await Promise.all([
      waitForAudio(b, (e) => e > HEARD, "Anna's audio at Ben after unmuting"),
      waitForAudio(a, (e) => e > HEARD, "Ben's audio at Anna after unmuting"),
    ]);
  });

  it("the host's contact actions appear in the call window's header and run with the partner's id", async () => {
    await a.evaluate(() => window.callWindow.openChatAction({ de: 'Chat öffnen', en: 'Open chat' }));
    await b.evaluate(() => window.callWindow.openChatAction({ de: 'Chat öffnen', en: 'Open chat' }));
    await a.locator('timio-call header timio-partner-actions .toggle').click();
    await a.locator('timio-call header [role="menuitem"][data-action="chat"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await a.locator('timio-call header timio-partner-actions .toggle').innerText(), 'Weitere Kontaktoptionen');
    assert.deepEqual(await a.locator('timio-call header [role="menuitem"]').allInnerTexts(), ['Chat öffnen', 'Profil anzeigen']);
    assert.equal(await a.locator('timio-call header [data-action="profile"]').getAttribute('href'), '#profile-ben');
    await a.screenshot({ path: 'artifacts/call-window-contact-actions-de.png' });
    await a.locator('timio-call header [data-action="chat"]').click();
    await a.waitForFunction(() => window.callWindow.chats.length > 0);
    assert.deepEqual(await a.evaluate(() => window.callWindow.chats), ['ben']);
    // Ben's side, by keyboard: the action runs with Anna's id.
    await b.locator('timio-call header timio-partner-actions .toggle').focus();
    await b.keyboard.press('ArrowDown');
    await b.locator('timio-call header [role="menuitem"][data-action="chat"]').waitFor({ timeout: WAIT_MS });
    await b.screenshot({ path: 'artifacts/call-window-contact-actions-en.png' });
    await b.keyboard.press('Enter');
    await b.waitForFunction(() => window.callWindow.chats.length > 0);
    assert.deepEqual(await b.evaluate(() => window.callWindow.chats), ['anna']);
  });

  it('"Bild im Bild": the call in a small always-on-top window with the partner\'s picture; back with one click', async () => {
    await a.locator('timio-call .controls .more').click();
    const item = a.locator('timio-call .options .pip');
    await item.waitFor({ timeout: WAIT_MS });
    assert.equal(await item.innerText(), 'Bild im Bild');
    // Playwright may or may not hand the small window over as a page; the page's API always can.
    const opened = a.context().waitForEvent('page', { timeout: 15_000 }).catch(() => undefined);
    await item.click();
    await a.waitForFunction(() => (window as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window !== null, undefined, { timeout: WAIT_MS });
    const frames = await a.waitForFunction(() => {
      const v = (window as unknown as { documentPictureInPicture: { window: Window } }).documentPictureInPicture.window.document.querySelector('video');
      return v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 5 ? v.videoWidth : 0;
    }, undefined, { timeout: WAIT_MS, polling: 100 });
    assert.ok((await frames.jsonValue()) > 0);
    const pipPage = await opened;
    if (pipPage) await pipPage.screenshot({ path: 'artifacts/call-window-picture-in-picture-de.png' });
    else console.log('the picture-in-picture window is not a Playwright page here: no screenshot of it');
    await a.evaluate(() => (window as unknown as { documentPictureInPicture: { window: Window } }).documentPictureInPicture.window.document.querySelector<HTMLButtonElement>('button.back')!.click());
    await a.waitForFunction(() => (window as unknown as { documentPictureInPicture: { window: Window | null } }).documentPictureInPicture.window === null, undefined, { timeout: WAIT_MS });
  });

  it('the media server stops answering: both windows say "reconnecting" within seconds, and the call comes back', async () => {
    // Each page notes when the "reconnecting" cover first shows (its clock is the machine's).
    await Promise.all([a.evaluate(WATCH_RECONNECTING), b.evaluate(WATCH_RECONNECTING)]);
    const lost = Date.now();
    media.process.kill('SIGSTOP');
    try {
      await a.locator('timio-call .overlay[data-state="reconnecting"]').waitFor({ timeout: WAIT_MS });
      await b.locator('timio-call .overlay[data-state="reconnecting"]').waitFor({ timeout: WAIT_MS });
      assert.match(await a.locator('timio-call .overlay').innerText(), /Verbindung unterbrochen/);
      const shown = await Promise.all([a, b].map((p) => p.evaluate(() => (window as unknown as { reconnectingShownAt?: number }).reconnectingShownAt ?? 0)));
      console.log(`network loss → "reconnecting" visible: Anna ${shown[0]! - lost} ms, Ben ${shown[1]! - lost} ms`);
      await a.screenshot({ path: 'artifacts/call-window-reconnecting-fast-de.png' });
    } finally {
      media.process.kill('SIGCONT');
    }
    // The server answers again: the cover goes, pictures move again on both sides.
    await a.locator('timio-call .overlay').waitFor({ state: 'detached', timeout: WAIT_MS });
    await b.locator('timio-call .overlay').waitFor({ state: 'detached', timeout: WAIT_MS });
    await framesAdvance(a, 'timio-call video[data-track="partner-camera"]');
    await framesAdvance(b, 'timio-call video[data-track="partner-camera"]');
  });

  it('Ben hangs up: his window closes; Anna\'s, told the call ended, leaves a short "Gespräch beendet" notice that goes by itself', async () => {
    await b.locator('timio-call .controls .end').click();
    await b.waitForFunction(() => window.callWindow.ended?.reason === 'hangup' && !document.querySelector('timio-call'), undefined, { timeout: WAIT_MS });
    // What the page's call machine does when the token service says the call ended.
    await a.evaluate(() => window.callWindow.handle!.update({ id: 'm1', room: '', caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' }, state: 'ended', outcome: 'completed', durationSeconds: 95, createdAt: new Date().toISOString() }));
    await a.locator('timio-call[ended] [part="notice"]').waitFor({ timeout: WAIT_MS });
    assert.equal((await a.locator('timio-call [part="notice"]').innerText()).replace(/\s+/g, ' ').trim(), 'Gespräch beendet Gespräch mit Ben Müller · 1:35');
    // onEnd comes once the room is left (the notice shows from the start).
    await a.waitForFunction(() => window.callWindow.ended?.reason === 'closed', undefined, { timeout: WAIT_MS });
    await a.screenshot({ path: 'artifacts/call-ended-notice-de.png' });
    // Read and pictured: its documented duration (8 s) cut to a moment; it still has to go by itself.
    await a.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s'));
    await a.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
  });
});
