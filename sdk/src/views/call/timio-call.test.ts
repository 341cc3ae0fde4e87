// <timio-call> in Chromium: each state of the call window as the user sees it, and keyboard use.
// The session is a stand-in with the real session's stores (testing/browser/fake-session.ts); the real
// session against a media server is exercised end to end in e2e/call-window.test.ts.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../../../testing/wait.js';
import { deep } from '../../../../testing/browser/deep-query.js';
import { FAKE_DEVICES, FakeSession, canvasTrack } from '../../../../testing/browser/fake-session.js';
import { TimioCall } from './timio-call.js';
import { call, openCallWindow } from '../../../../testing/browser/call-window-fixture.js';
import { callClockStart } from './timio-call.component.js';
import { cornerAfterKey, nearestCorner } from './self-view-corner.js';
import { registerContactActions } from '../../contact-actions/contact-actions.js';
import type { UserRef } from '#protocol/realtime.js';

// Mocha's globals (the project has no @types/mocha).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const open = (locale: 'de' | 'en' = 'de') => openCallWindow(locale);


async function settled(el: TimioCall) {
  await el.updateComplete;
  for (const part of el.shadowRoot!.querySelectorAll('*')) await (part as Partial<TimioCall>).updateComplete;
}

const text = (root: ParentNode, sel: string) => deep(root, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<timio-call>', () => {
  it('shows connecting, then waiting for the partner, then the partner video', async () => {
    const { el, session, root } = await open('de');
    expect(text(root, '.overlay[data-state="connecting"]')).to.contain('Verbindung wird aufgebaut');
    session.connection.set({ phase: 'connected' });
    await settled(el);
    expect(text(root, '.overlay[data-state="waiting"]')).to.contain('Warten auf Ben Müller');
    const track = canvasTrack();
    session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track }, microphone: { sid: 'M', muted: false } });
    await settled(el);
    expect(deep(root, '.overlay') === null).to.equal(true);
    const video = deep<HTMLVideoElement>(root, 'video[data-track="partner-camera"]')!;
    expect((video.srcObject as MediaStream).getVideoTracks()[0] === track).to.equal(true);
    expect(video.getAttribute('aria-label')).to.equal('Videoansicht von Ben Müller');
    await waitUntil(() => video.videoWidth > 0, 'partner video shows frames');
    // The window tells the session which video it shows, at the stage's size.
    await waitUntil(() => session.shown.length > 0, 'visible videos reported');
    const shown = session.shown.at(-1)!;
    expect(shown.map((v) => `${v.identity}:${v.source}`)).to.deep.equal(['ben:camera']);
    expect(shown[0]!.width).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });

  it("shows the partner's muted mic, stopped camera and shared screen", async () => {
    const { el, session, root } = await open('en');
    session.connection.set({ phase: 'connected' });
    session.put({ identity: 'ben', name: 'Ben Müller', microphone: { sid: 'M', muted: true }, camera: { sid: 'C', muted: true } });
    await settled(el);
    expect(text(root, '[data-state="partner-mic-muted"]')).to.equal('Ben Müller muted their microphone');
    expect(text(root, '.avatar')).to.contain('Ben Müller turned their camera off');
    expect(text(root, '.avatar .initials')).to.equal('BM');
    session.put({ identity: 'ben', name: 'Ben Müller', microphone: { sid: 'M', muted: true }, screen: { sid: 'S', muted: false, track: canvasTrack() }, camera: { sid: 'C', muted: false, track: canvasTrack() } });
    await settled(el);
    expect(text(root, '[data-state="partner-sharing"]')).to.equal('Ben Müller is sharing their screen');
    expect(deep(root, 'video[data-track="partner-screen"]')?.getAttribute('aria-label')).to.equal('Ben Müller\'s screen');
    expect(root.querySelector('.tile.partner-camera')?.shadowRoot?.querySelector('video')).to.not.equal(null);
    await waitUntil(() => session.shown.at(-1)?.length === 2, 'screen and camera both shown');
    expect(session.shown.at(-1)!.map((v) => v.source)).to.deep.equal(['screen', 'camera']);
  });

  it('shows reconnecting, partner left and a failed connection; Close ends with the reason', async () => {
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'reconnecting' });
    await settled(el);
    expect(text(root, '.overlay[data-state="reconnecting"]')).to.contain('Verbindung unterbrochen');
    session.connection.set({ phase: 'connected' });
    // The partner leaves the room (a page change of theirs): reconnecting first, never "left" at once.
    session.departed.set(['ben']);
    await settled(el);
    expect(text(root, '.overlay[data-state="partner-reconnecting"]')).to.contain('Die Verbindung zu Ben Müller wird wiederhergestellt');
    expect(deep(root, '.overlay[data-state="partner-left"]')).to.equal(null);
    // Still away after the window's own grace (no token service ended the call): "left", with Close.
    el.partnerGraceMs = 0;
    await waitUntil(() => !!deep(root, '.overlay[data-state="partner-left"]'), 'partner left after the grace');
    expect(text(root, '.overlay[data-state="partner-left"]')).to.contain('Ben Müller hat das Gespräch verlassen.');
    const ended = oneEvent(el, 'timio-call-window-end');
    deep<HTMLButtonElement>(root, '.overlay button')!.click();
    expect((await ended).detail.reason).to.equal('partner_left');
    session.connection.set({ phase: 'disconnected', reason: 'failed' });
    await settled(el);
    expect(text(root, '.overlay[data-state="failed"]')).to.contain('Die Verbindung ist fehlgeschlagen.');
  });

  it('tells the user when camera permission is denied or there is no microphone', async () => {
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    session.problems.set([{ source: 'camera', failure: 'permission_denied' }, { source: 'microphone', failure: 'no_device' }]);
    await settled(el);
    expect(deep(root, '.problems [data-problem="camera-permission_denied"]')?.closest('[role]')?.getAttribute('role')).to.equal('status');
    expect(text(root, '[data-problem="camera-permission_denied"]')).to.contain('Kein Zugriff auf die Kamera');
    expect(text(root, '[data-problem="microphone-no_device"]')).to.contain('Es wurde kein Mikrofon gefunden.');
    expect(root.querySelector('.self')?.shadowRoot?.textContent).to.contain('Ihre Kamera ist aus');
  });

  it('controls: labelled toggles that call the session, end call by keyboard', async () => {
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
    await settled(el);
    const label = (sel: string) => deep(root, sel)!.getAttribute('aria-label');
    expect(label('.controls .camera')).to.equal('Kamera ausschalten');
    expect(label('.controls .mic')).to.equal('Mikrofon stummschalten');
    expect(label('.controls .screen')).to.equal('Bildschirm teilen');
    expect(label('.controls .fullscreen')).to.equal('Vollbild-Modus');
    expect(label('.controls .more')).to.equal('Weitere Optionen');
    expect(label('.controls .end')).to.equal('Gespräch beenden');
    // Focus starts on the window, announced by its label.
    expect(root.activeElement?.getAttribute('aria-label')).to.equal('Videocall mit Ben Müller');
    deep<HTMLButtonElement>(root, '.controls .camera')!.click();
    deep<HTMLButtonElement>(root, '.controls .mic')!.click();
    deep<HTMLButtonElement>(root, '.controls .screen')!.click();
    expect(session.calls).to.deep.equal(['camera:false', 'mic:false', 'screen:true']);
    session.local.set({ ...session.local.value, cameraOn: false, micOn: false, camera: undefined });
    await settled(el);
    expect(label('.controls .camera')).to.equal('Kamera einschalten');
    expect(deep(root, '.controls .camera')!.getAttribute('aria-pressed')).to.equal('true');
    // The keyboard shortcut M toggles the microphone from anywhere in the window.
    root.querySelector('.window')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    expect(session.calls.at(-1)).to.equal('mic:true');
    const ended = oneEvent(el, 'timio-call-window-end');
    const end = deep<HTMLButtonElement>(root, '[part="end-button"]')!;
    end.focus();
    end.click(); // a keyboard Enter on a <button> activates it as a click
    const detail = (await ended).detail;
    expect(detail.reason).to.equal('hangup');
    expect(detail.call.id).to.equal('c1');
  });

  it('more options: device lists, switching, Escape closes and returns focus', async () => {
    const { el, session, root } = await open('en');
    session.connection.set({ phase: 'connected' });
    session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
    session.devices.set(FAKE_DEVICES);
    await settled(el);
    deep<HTMLButtonElement>(root, '.controls .more')!.click();
    await settled(el);
    await settled(el);
    const panel = root.querySelector('.options')!;
    expect(panel.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal('title');
    expect(deep(root, '.controls .more')!.getAttribute('aria-expanded')).to.equal('true');
    expect(session.calls).to.include('refresh');
    const camSelect = panel.shadowRoot!.querySelector<HTMLSelectElement>('select[data-device="videoinput"]')!;
    expect(panel.shadowRoot!.activeElement === camSelect).to.equal(true);
    expect([...camSelect.options].map((o) => o.textContent)).to.deep.equal(['Front camera', 'USB camera']);
    camSelect.value = 'cam2';
    camSelect.dispatchEvent(new Event('change'));
    expect(session.calls).to.include('device:videoinput:cam2');
    expect(deep(panel.shadowRoot!, '[role="meter"]')?.getAttribute('aria-label')).to.equal('Microphone level');
    // The panel stays inside the stage: the control row is never covered.
    const stage = root.querySelector('.stage')!.getBoundingClientRect();
    expect(panel.getBoundingClientRect().bottom).to.be.at.most(stage.bottom + 0.5);
    await expect(el).to.be.accessible();
    camSelect.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settled(el);
    await settled(el);
    expect(root.querySelector('.options') === null).to.equal(true);
    const bar = root.querySelector('timio-control-bar')!;
    expect(bar.shadowRoot!.activeElement === bar.shadowRoot!.querySelector('.more')).to.equal(true);
  });

  it("header: the host's contact actions for the partner run with the partner's id", async () => {
    const ran: UserRef[] = [];
    const remove = registerContactActions([{ id: 'chat', label: { de: 'Chat öffnen', en: 'Open chat' }, run: (c) => ran.push(c) }]);
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
    await settled(el);
    const actions = root.querySelector('header timio-partner-actions')!;
    const toggle = actions.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.textContent?.trim()).to.equal('Weitere Kontaktoptionen');
    toggle.click();
    await settled(el);
    await expect(el).to.be.accessible();
    const chosen = oneEvent(el, 'timio-contact-action');
    actions.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="chat"]')!.click();
    expect((await chosen).detail.contact).to.deep.equal({ id: 'ben', name: 'Ben Müller' });
    expect(ran).to.deep.equal([{ id: 'ben', name: 'Ben Müller' }]);
    remove();
    await settled(el);
    expect(actions.shadowRoot!.querySelector('.toggle')).to.equal(null);
  });

  it('keyboard focus stays inside the window: Tab and Shift+Tab cycle, focus from the page comes back, Escape never ends the call', async () => {
    // The page behind has its own links (the portal's navigation) before and after the window.
    const before = document.createElement('a');
    before.href = '#journal';
    before.textContent = 'Journal';
    document.body.prepend(before);
    const { el, session, root } = await open('de');
    const after = document.createElement('a');
    after.href = '#chat';
    after.textContent = 'Chat';
    document.body.append(after);
    session.connection.set({ phase: 'connected' });
    session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
    session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
    await settled(el);
    expect(root.querySelector('.window')!.getAttribute('aria-modal')).to.equal('true');
    const deepActive = () => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
    const inside = () => el.contains(document.activeElement) || document.activeElement === el;
    const seen = new Set<string>();
    const name = () => { const a = deepActive(); return a?.getAttribute('aria-label') ?? a?.textContent?.trim() ?? a?.tagName ?? ''; };
    // Twice round the window's controls (self view, camera … end call) and never onto the page.
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      expect(inside(), `Tab ${i + 1} stays in the window (focus on "${name()}")`).to.equal(true);
      seen.add(name());
    }
    expect([...seen]).to.include.members(['Eigene Videoansicht', 'Kamera ausschalten', 'Gespräch beenden']);
    for (let i = 0; i < 20; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(inside(), `Shift+Tab ${i + 1} stays in the window (focus on "${name()}")`).to.equal(true);
    }
    // Focus moved to the page behind by a script comes back into the window.
    after.focus();
    await waitUntil(() => inside(), 'focus back in the window');
    expect(document.activeElement === after).to.equal(false);
    // Escape closes "Weitere Optionen" and otherwise leaves the call alone.
    let ended = false;
    el.addEventListener('timio-call-window-end', () => (ended = true));
    deep<HTMLButtonElement>(root, '.controls .more')!.click();
    await settled(el);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(root.querySelector('.options')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(ended).to.equal(false);
    expect(inside()).to.equal(true);
    before.remove();
    after.remove();
  });

  it('docked smaller by the host (the demo portal beside its page): a plain dialog, focus may leave for the page', async () => {
    const style = document.createElement('style');
    style.textContent = 'timio-call { inset: 72px 16px auto auto; width: 480px; height: 360px; padding: 0; }';
    document.head.append(style);
    const link = document.createElement('a');
    link.href = '#journal';
    link.textContent = 'Journal';
    document.body.prepend(link);
    const { el, session, root } = await open('en');
    session.connection.set({ phase: 'connected' });
    await settled(el);
    await waitUntil(() => root.querySelector('.window')!.getAttribute('aria-modal') === 'false', 'not modal while docked');
    link.focus();
    await settled(el);
    expect(document.activeElement === link, 'focus stays on the page link').to.equal(true);
    // The host makes it cover the page again: modal again.
    style.remove();
    await waitUntil(() => root.querySelector('.window')!.getAttribute('aria-modal') === 'true', 'modal while covering');
    link.remove();
  });

  it('partner ended the call: a "Gespräch beendet" notice that frees the page and is dismissed', async () => {
    const trigger = document.createElement('button');
    trigger.textContent = 'Ben anrufen';
    document.body.append(trigger);
    trigger.focus();
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
    await settled(el);
    expect(document.activeElement === el, 'focus in the window').to.equal(true);
    el.call = { ...call, state: 'ended', outcome: 'completed', durationSeconds: 75 };
    let gone = false;
    const done = el.showEnded().then(() => (gone = true));
    await settled(el);
    expect(el.hasAttribute('ended')).to.equal(true);
    const notice = root.querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(text(root, '[part="notice"]')).to.equal('Gespräch beendet Gespräch mit Ben Müller · 1:15');
    expect(root.querySelector('.window')).to.equal(null);
    // The page is usable again: focus is back on what opened the call and stays there.
    expect(document.activeElement === trigger, `focus back on the page's button, not ${document.activeElement?.tagName}`).to.equal(true);
    const box = el.getBoundingClientRect();
    expect(box.height).to.be.below(innerHeight / 2);
    await expect(el).to.be.accessible();
    expect(gone).to.equal(false);
    root.querySelector<HTMLButtonElement>('.notice-close')!.click();
    await done;
    trigger.remove();
  });

  it('the notice fades by itself after a few seconds', async () => {
    const { el, session, root } = await open('en');
    el.style.setProperty('--timio-call-notice-duration', '1.5s');
    session.connection.set({ phase: 'connected' });
    await settled(el);
    el.call = { ...call, state: 'ended', outcome: 'completed' };
    let gone = false;
    void el.showEnded().then(() => (gone = true));
    await settled(el);
    expect(text(root, '[part="notice"] strong')).to.equal('Call ended');
    await waitUntil(() => Number(getComputedStyle(root.querySelector('[part="notice"]')!).opacity) < 1, 'the notice fades');
    await waitUntil(() => gone, 'the notice is gone');
  });

  it('"Bild im Bild" in "Weitere Optionen" exactly where the browser has Document Picture-in-Picture', async () => {
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
    const partnerTrack = canvasTrack();
    session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: partnerTrack }, microphone: { sid: 'M', muted: false } });
    await settled(el);
    deep<HTMLButtonElement>(root, '.controls .more')!.click();
    await settled(el);
    await settled(el);
    const item = () => root.querySelector('.options')!.shadowRoot!.querySelector<HTMLButtonElement>('.pip');
    const api = (window as { documentPictureInPicture?: { window: Window | null } }).documentPictureInPicture;
    console.log(`documentPictureInPicture in this browser: ${api ? 'yes' : 'no'}`);
    if (!api) {
      expect(item()).to.equal(null);
      return;
    }
    expect(item()!.textContent?.trim()).to.equal('Bild im Bild');
    // A real key press: the browser opens the small window only from a user's action.
    item()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.window, 'the picture-in-picture window opens');
    const pip = api.window!;
    const video = pip.document.querySelector('video')!;
    expect((video.srcObject as MediaStream).getVideoTracks()[0] === partnerTrack).to.equal(true);
    const labels = [...pip.document.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels).to.deep.equal(['Mikrofon stummschalten', 'Kamera ausschalten', 'Zurück zur Seite', 'Gespräch beenden']);
    pip.document.querySelector<HTMLButtonElement>('button.mic')!.click();
    expect(session.calls.at(-1)).to.equal('mic:false');
    const ended = oneEvent(el, 'timio-call-window-end');
    pip.document.querySelector<HTMLButtonElement>('button.end')!.click();
    expect((await ended).detail.reason).to.equal('hangup');
    el.remove();
    await waitUntil(() => api.window === null, 'the small window closes with the call window');
  });

  it('own video moves between corners with the arrow keys', async () => {
    const { el, session, root } = await open('de');
    session.connection.set({ phase: 'connected' });
    await settled(el);
    const self = root.querySelector<HTMLElement>('.self')!;
    expect(self.getAttribute('aria-label')).to.equal('Eigene Videoansicht');
    expect(self.classList.contains('bottom-right')).to.equal(true);
    self.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    await el.updateComplete;
    self.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(root.querySelector('.self')!.classList.contains('top-left')).to.equal(true);
  });

  it('the partner\'s "camera off" caption stays clear of the own video in every corner, docked small and full', async () => {
    for (const docked of [{ frame: { x: 16, y: 16, width: 400, height: 300 } }, undefined]) {
      const { el, session, root } = await openCallWindow('en', docked);
      session.connection.set({ phase: 'connected' });
      session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
      session.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true, camera: { sid: 'A', muted: false, track: canvasTrack() } });
      session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: true }, microphone: { sid: 'M', muted: false } });
      const caption = await waitUntil(() => root.querySelector('timio-video-tile.main')?.shadowRoot?.querySelector<HTMLElement>('.off-text'), 'the caption');
      expect(caption.textContent?.trim()).to.equal('Ben Müller turned their camera off');
      for (const corner of ['bottom-right', 'bottom-left', 'top-left', 'top-right'] as const) {
        el.corner = corner;
        await settled(el);
        const self = root.querySelector<HTMLElement>('.self')!;
        await waitUntil(() => self.classList.contains(corner), corner);
        // The own video moves with a transition: its box once it has arrived.
        await waitUntil(() => {
          const a = self.getBoundingClientRect();
          return new Promise<boolean>((r) => requestAnimationFrame(() => { const b = self.getBoundingClientRect(); r(a.left === b.left && a.top === b.top); }));
        }, `${corner}: at rest`);
        const c = caption.getBoundingClientRect();
        const t = self.getBoundingClientRect();
        const overlap = Math.min(c.right, t.right) - Math.max(c.left, t.left) > 0 && Math.min(c.bottom, t.bottom) - Math.max(c.top, t.top) > 0;
        expect(overlap, `${docked ? 'docked' : 'full'}, ${corner}: caption ${JSON.stringify(c)} under the own video ${JSON.stringify(t)}`).to.equal(false);
      }
      el.remove();
    }
  });

  for (const [locale, sentence] of [['de', 'Es gibt keinen Bildschirm, der geteilt werden kann.'], ['en', 'There is no screen to share.']] as const) {
    it(`no screen to share (${locale}): the notice sits between the stage and the control bar and covers no video, full and docked`, async () => {
      for (const docked of [undefined, { frame: { x: 16, y: 16, width: 480, height: 380 } }]) {
        const { el, session, root } = await openCallWindow(locale, docked);
        session.connection.set({ phase: 'connected' });
        session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
        session.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true, camera: { sid: 'A', muted: false, track: canvasTrack() } });
        session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
        session.problems.set([{ source: 'screen', failure: 'no_device' }]);
        const notice = await waitUntil(() => deep<HTMLElement>(root, '[data-problem="screen-no_device"]'), 'the notice');
        expect(notice.textContent?.trim()).to.equal(sentence);
        expect(notice.closest('[role]')?.getAttribute('role'), 'read out politely').to.equal('status');
        const where = docked ? 'docked' : 'full';
        const clear = async (layout: string) => {
          await settled(el);
          const box = notice.getBoundingClientRect();
          const tiles = [...root.querySelectorAll<HTMLElement>('timio-video-tile')];
          expect(tiles.length, `${where}, ${layout}: tiles`).to.be.greaterThan(1);
          for (const tile of tiles) {
            const r = tile.getBoundingClientRect();
            const overlap = Math.min(box.right, r.right) - Math.max(box.left, r.left) > 0 && Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top) > 0;
            expect(overlap, `${where}, ${layout}: the notice ${JSON.stringify(box)} covers ${tile.className} ${JSON.stringify(r)}`).to.equal(false);
          }
          const bar = root.querySelector('timio-control-bar')!.getBoundingClientRect();
          expect(box.bottom, `${where}, ${layout}: above the control bar`).to.be.at.most(bar.top);
          expect(box.height, `${where}, ${layout}: the notice is shown`).to.be.greaterThan(20);
        };
        await clear('partner camera');
        // Ben shares his screen: his camera becomes a small tile in the corner.
        session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'C', muted: false, track: canvasTrack() }, screen: { sid: 'S', muted: false, track: canvasTrack() } });
        await waitUntil(() => root.querySelector('.partner-camera'), 'his camera tile');
        await clear('partner screen');
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  }

  it('comes back as it was after a page change: the corner is kept, a moved corner is reported, an ended screen share is said', async () => {
    const { el, session, root } = await open('en');
    session.connection.set({ phase: 'connected' });
    el.corner = 'top-left';
    el.screenShareEnded = true;
    await settled(el);
    expect(root.querySelector('.self')!.classList.contains('top-left')).to.equal(true);
    const notice = root.querySelector<HTMLElement>('.page-notice[data-notice="screen-share-ended"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.innerText).to.contain('Your screen share ended with the page change.');
    const moved = oneEvent(el, 'timio-call-window-layout');
    root.querySelector<HTMLElement>('.self')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect((await moved).detail.corner).to.equal('top-right');
    root.querySelector<HTMLButtonElement>('.page-notice-close')!.click();
    await el.updateComplete;
    expect(root.querySelector('.page-notice')).to.equal(null);
  });
});

describe('call timer', () => {
  it('a window restored on the next page goes on counting from the answer, not from 0:00', async () => {
    const session = new FakeSession();
    session.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true });
    const answered = { ...call, answeredAt: new Date(Date.now() - 65_000).toISOString() };
    const el = await fixture<TimioCall>(html`<timio-call .session=${session} .call=${answered} .partner=${call.callee} locale="en"></timio-call>`);
    session.connection.set({ phase: 'connected' });
    session.put({ identity: 'ben', name: 'Ben Müller', microphone: { sid: 'M', muted: false } });
    await settled(el);
    await waitUntil(() => /^1:0[5-9]$/.test(text(el.shadowRoot!, '[role="timer"]')), 'the timer shows the time since the answer');
  });

  it('starts at the answer time but never in the future (a clock ahead of the page), and now when unknown', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(callClockStart('2026-11-26T09:59:00Z', now)).to.equal(now - 60_000);
    expect(callClockStart('2026-11-26T10:00:30Z', now)).to.equal(now);
    expect(callClockStart(undefined, now)).to.equal(now);
    expect(callClockStart('not a date', now)).to.equal(now);
  });
});

describe('self-view corners', () => {
  it('snaps to the nearest corner and follows arrow keys', () => {
    expect(nearestCorner(10, 10, 800, 600)).to.equal('top-left');
    expect(nearestCorner(790, 590, 800, 600)).to.equal('bottom-right');
    expect(nearestCorner(700, 100, 800, 600)).to.equal('top-right');
    expect(cornerAfterKey('bottom-right', 'ArrowLeft')).to.equal('bottom-left');
    expect(cornerAfterKey('bottom-left', 'ArrowUp')).to.equal('top-left');
    expect(cornerAfterKey('top-left', 'Enter')).to.equal(undefined);
  });
});
