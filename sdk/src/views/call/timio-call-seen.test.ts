// <timio-call> as a person meets it (issue 24 findings 10, 12, 13, 15), in Chromium and Firefox,
// German and English, on a laptop and a phone (390×844): what is on screen, where, and whether it
// fits — bounding boxes and visible text, never the element's inner state.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { cleanupsAfterEach } from '../../../../testing/browser/cleanups.js';
import { waitUntil } from '../../../../testing/wait.js';
import { FAKE_DEVICES, canvasTrack } from '../../../../testing/browser/fake-session.js';
import { openCallWindow } from '../../../../testing/browser/call-window-fixture.js';
import { registerContactActions } from '../../contact-actions/contact-actions.js';
import type { TimioCall } from './timio-call.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const cleanup = cleanupsAfterEach();

const viewport = (width: number, height: number) => cleanup.viewport(width, height);

async function settled(el: TimioCall) {
  await el.updateComplete;
  for (const part of el.shadowRoot!.querySelectorAll('*')) await (part as Partial<TimioCall>).updateComplete;
}

type Box = { left: number; top: number; right: number; bottom: number };
const box = (el: Element): Box => el.getBoundingClientRect();
/** `inner` lies inside `outer` (half a pixel of rounding allowed). */
function inside(inner: Box, outer: Box, what: string): void {
  const r = (b: Box) => `${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`;
  const ok = inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
  expect(ok, `${what}: ${r(inner)} inside ${r(outer)}`).to.equal(true);
}
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Anna's window with Ben in the call, camera and microphone on. */
async function inCall(lang: 'de' | 'en', docked?: Parameters<typeof openCallWindow>[1]) {
  const opened = await openCallWindow(lang, docked);
  const { el, session } = opened;
  session.connection.set({ phase: 'connected' });
  session.put({ identity: 'ben', name: 'Ben Müller-Lüdenscheidt', camera: { sid: 'C', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
  await settled(el);
  return opened;
}

/** A real click (the browser's own input: full screen needs one). */
async function click(el: Element) {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

const words = {
  de: { contactOptions: 'Weitere Kontaktoptionen', chat: 'Chat öffnen', profile: 'Profil anzeigen', cameraOff: 'Ihre Kamera ist aus', options: 'Weitere Optionen', end: 'Gespräch beenden', testSound: 'Testton abspielen', fullscreen: 'Vollbild-Modus', share: 'Bildschirm teilen' },
  en: { contactOptions: 'More contact options', chat: 'Open chat', profile: 'View profile', cameraOff: 'Your camera is off', options: 'More options', end: 'End call', testSound: 'Play test sound', fullscreen: 'Full screen', share: 'Share screen' },
};

for (const lang of ['de', 'en'] as const) {
  const w = words[lang];
  describe(`<timio-call> as a person meets it (${lang})`, () => {
    it('phone: "Weitere Kontaktoptionen" opens inside the window, every action readable (finding 10)', async () => {
      await viewport(390, 844);
      cleanup.push(registerContactActions([
        { id: 'chat', label: { de: 'Chat öffnen', en: 'Open chat' }, run: () => undefined },
        { id: 'profile', label: { de: 'Profil anzeigen', en: 'View profile' }, href: () => '#profile' },
      ]));
      const { el, root } = await inCall(lang);
      const actions = root.querySelector('header timio-partner-actions')!;
      const toggle = actions.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!;
      expect(toggle.getAttribute('title')).to.equal(w.contactOptions);
      toggle.click();
      await settled(el);
      const menu = actions.shadowRoot!.querySelector<HTMLElement>('.menu')!;
      await waitUntil(() => !menu.hidden && box(menu).right > 0, 'the menu is open');
      const frame = box(root.querySelector('.window')!);
      inside(box(menu), frame, 'the menu');
      inside(box(menu), { left: 0, top: 0, right: 390, bottom: 844 }, 'the menu on the screen');
      const items = [...menu.querySelectorAll('.item')];
      expect(items.map(text)).to.deep.equal([w.chat, w.profile]);
      for (const item of items) {
        inside(box(item), frame, `"${text(item)}"`);
        expect(item.scrollWidth, `"${text(item)}" not cut`).to.be.at.most(item.clientWidth + 1);
      }
    });

    for (const [size, [width, height]] of [['phone', [390, 844]], ['laptop', [1280, 800]]] as const) {
      it(`${size}: "${w.cameraOff}" fits in the own video (finding 10)`, async () => {
        await viewport(width, height);
        const { root } = await inCall(lang);
        const self = root.querySelector('.self')!;
        const off = await waitUntil(() => self.shadowRoot?.querySelector<HTMLElement>('.off-text'), 'the own video says the camera is off');
        expect(text(off)).to.equal(w.cameraOff);
        const tile = box(self);
        inside(box(off), tile, `"${w.cameraOff}"`);
        expect(off.scrollHeight, 'no line cut off').to.be.at.most(off.clientHeight + 1);
        const initials = self.shadowRoot!.querySelector('.initials');
        if (initials && initials.getClientRects().length) inside(box(initials), tile, 'the initials');
      });
    }

    it('docked window: "Weitere Optionen" keeps its title on top while its contents scroll, all inside the stage (finding 10)', async () => {
      await viewport(1280, 800);
      const { el, session, root } = await inCall(lang, { frame: { x: 760, y: 380, width: 480, height: 380 } });
      session.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
      session.devices.set(FAKE_DEVICES);
      await settled(el);
      (await waitUntil(() => root.querySelector('timio-control-bar')!.shadowRoot!.querySelector<HTMLButtonElement>('button.more'), 'the options button')).click();
      const panel = await waitUntil(() => root.querySelector('timio-device-settings'), 'the options open');
      await settled(el);
      const stage = box(root.querySelector('.stage')!);
      const title = panel.shadowRoot!.querySelector('#title')!;
      const sound = await waitUntil(() => panel.shadowRoot!.querySelector('.test-sound'), 'the panel drawn');
      expect(text(title)).to.equal(w.options);
      inside(box(panel), stage, 'the panel');
      inside(box(title), stage, 'the title');
      // Scrolled to its end: the last part (the sound and background settings) shows, the title is still there.
      const scroller = panel.shadowRoot!.querySelector<HTMLElement>('.body')!;
      const last = scroller.lastElementChild!;
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => box(last).bottom <= box(scroller).bottom + 1, 'scrolled to the end');
      inside(box(title), box(panel), 'the title after scrolling');
      inside(box(scroller), stage, 'the scrolled contents');
      // The test sound, scrolled to, is inside the stage too.
      sound.scrollIntoView({ block: 'nearest' });
      await waitUntil(() => box(sound).top >= box(scroller).top - 0.5 && box(sound).bottom <= box(scroller).bottom + 0.5, 'the test sound in view');
      expect(text(sound)).to.equal(w.testSound);
      inside(box(sound), stage, `"${w.testSound}"`);
      // The camera select is seen at first, not cut: the panel shows more than the camera.
      scroller.scrollTop = 0;
      const mic = panel.shadowRoot!.querySelector('select[data-device="audioinput"]')!;
      inside(box(mic), box(scroller), 'the microphone select, unscrolled');
    });

    it(`the controls in the manual's order: … ${w.fullscreen}, ${w.end}, ${w.options} (finding 13)`, async () => {
      await viewport(1280, 800);
      const { root } = await inCall(lang);
      const bar = root.querySelector('timio-control-bar')!;
      const buttons = await waitUntil(() => {
        const list = [...bar.shadowRoot!.querySelectorAll<HTMLButtonElement>('.controls button')];
        return list.length >= 5 ? list : undefined;
      }, 'the controls');
      const labels = buttons.map((b) => b.getAttribute('aria-label'));
      expect(labels.slice(-2)).to.deep.equal([w.end, w.options]);
      const [end, more] = buttons.slice(-2).map(box);
      expect(more!.left, `"${w.options}" right of "${w.end}"`).to.be.greaterThan(end!.right);
    });

    it('full screen: no move grip and no maximise button; back from full screen they return (finding 12)', async () => {
      await viewport(1280, 800);
      const { el, root } = await inCall(lang, { frame: { x: 700, y: 300, width: 520, height: 420 } });
      const shown = (sel: string) => !!root.querySelector(sel)?.getClientRects().length;
      expect(shown('[part="grip"]') && shown('[part="mode-toggle"]'), 'docked: grip and maximise shown').to.equal(true);
      const fullscreen = await waitUntil(() => root.querySelector('timio-control-bar')!.shadowRoot!.querySelector<HTMLButtonElement>('button.fullscreen'), 'the full screen button');
      await click(fullscreen);
      await waitUntil(() => document.fullscreenElement === el, 'full screen');
      await waitUntil(() => !shown('[part="grip"]') && !shown('[part="mode-toggle"]'), 'grip and maximise gone in full screen');
      inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight }, box(el), 'the window fills the screen');
      await document.exitFullscreen();
      await waitUntil(() => document.fullscreenElement === null, 'full screen left');
      await waitUntil(() => shown('[part="grip"]') && shown('[part="mode-toggle"]'), 'grip and maximise back');
    });

    it('phone without screen sharing (no getDisplayMedia): no "share screen" control (finding 15)', async () => {
      await viewport(390, 844);
      const media = navigator.mediaDevices as { getDisplayMedia?: unknown };
      const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(media), 'getDisplayMedia');
      Object.defineProperty(media, 'getDisplayMedia', { value: undefined, configurable: true });
      cleanup.push(() => {
        delete (media as Record<string, unknown>).getDisplayMedia;
        if (original && !('getDisplayMedia' in media)) Object.defineProperty(Object.getPrototypeOf(media), 'getDisplayMedia', original);
      });
      const { root } = await inCall(lang);
      const bar = root.querySelector('timio-control-bar')!;
      const labels = await waitUntil(() => {
        const list = [...bar.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? '');
        return list.length >= 4 ? list : undefined;
      }, 'the controls');
      expect(labels.some((l) => l.startsWith(w.share)), labels.join(', ')).to.equal(false);
      expect(bar.shadowRoot!.querySelector('button.screen')).to.equal(null);
    });
  });
}
