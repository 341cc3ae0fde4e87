// <timio-call> docked beside the page: where it opens, moved by its header and resized by its corner
// with the pointer, moved and resized with the keys on its grip, kept inside the viewport (also when
// the viewport shrinks), switched to the full window and back, and the host's CSS default mode.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { waitUntil } from '../../../../testing/wait.js';
import { FakeSession } from '../../../../testing/browser/fake-session.js';
import { TimioCall } from './timio-call.js';
import { call, openCallWindow } from '../../../../testing/browser/call-window-fixture.js';
import { EDGE, MIN_HEIGHT, MIN_WIDTH, STEP, type WindowFrame } from './window-frame.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

async function open(locale: 'de' | 'en', frame?: WindowFrame) {
  const { el, session, root } = await openCallWindow(locale, { frame });
  session.connection.set({ phase: 'connected' });
  await el.updateComplete;
  return { el, root };
}

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) };
};
const viewport = () => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });
const insideViewport = (el: Element) => {
  const b = box(el);
  const v = viewport();
  return b.x >= EDGE && b.y >= EDGE && b.x + b.width <= v.width - EDGE && b.y + b.height <= v.height - EDGE;
};

/** A pointer press at `from` on `target`, moved by (dx, dy) in two steps, then let go. */
async function drag(el: TimioCall, target: Element, dx: number, dy: number) {
  const r = target.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 40);
  const y = r.top + r.height / 2;
  const at = (type: string, px: number, py: number) =>
    target.dispatchEvent(new PointerEvent(type, { pointerId: 7, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: px, clientY: py, bubbles: true, composed: true }));
  at('pointerdown', x, y);
  at('pointermove', x + dx / 2, y + dy / 2);
  await el.updateComplete;
  at('pointermove', x + dx, y + dy);
  await el.updateComplete;
  at('pointerup', x + dx, y + dy);
  await el.updateComplete;
}

describe('<timio-call> docked', () => {
  it('opens at the bottom right inside the viewport as a non-modal dialog with a labelled grip and maximise button', async () => {
    const { el, root } = await open('de');
    await waitUntil(() => root.querySelector('.window')!.getAttribute('aria-modal') === 'false', 'a plain dialog while docked');
    const b = box(el);
    const v = viewport();
    expect(insideViewport(el), JSON.stringify(b)).to.equal(true);
    expect(b.x + b.width).to.be.greaterThan(v.width / 2);
    expect(b.width).to.be.lessThan(v.width);
    const grip = root.querySelector('[part="grip"]')!;
    expect(grip.getAttribute('aria-label')).to.equal('Fenster verschieben');
    expect(grip.getAttribute('aria-description')).to.contain('Umschalt + Pfeiltasten');
    expect(root.querySelector('[part="mode-toggle"]')!.getAttribute('aria-label')).to.equal('Fenster maximieren');
    // A point of the page outside the window is the page's, not the call's.
    const outside = document.elementFromPoint(4, 4);
    expect(outside === el || el.contains(outside)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('moves by a header drag and resizes by its corner; says so once per gesture; stops at the edges and the minimum size', async () => {
    const { el, root } = await open('en', { x: 40, y: 40, width: 400, height: 320 });
    expect(box(el)).to.deep.equal({ x: 40, y: 40, width: 400, height: 320 });
    const events: WindowFrame[] = [];
    el.addEventListener('timio-call-window-layout', (e) => events.push(e.detail.frame!));
    await drag(el, root.querySelector('header .name')!, 60, 30);
    expect(box(el)).to.deep.equal({ x: 100, y: 70, width: 400, height: 320 });
    expect(events).to.deep.equal([{ x: 100, y: 70, width: 400, height: 320 }]);
    await drag(el, root.querySelector('[part="resize-handle"]')!, 80, 40);
    expect(box(el)).to.deep.equal({ x: 100, y: 70, width: 480, height: 360 });
    expect(events.length).to.equal(2);
    await drag(el, root.querySelector('[part="resize-handle"]')!, -900, -900);
    expect(box(el)).to.deep.equal({ x: 100, y: 70, width: MIN_WIDTH, height: MIN_HEIGHT });
    await drag(el, root.querySelector('header .name')!, -900, -900);
    expect(box(el)).to.deep.equal({ x: EDGE, y: EDGE, width: MIN_WIDTH, height: MIN_HEIGHT });
    await drag(el, root.querySelector('header .name')!, 5000, 5000);
    expect(insideViewport(el)).to.equal(true);
    // A press on the maximise button is a click, not a drag.
    const before = box(el);
    await drag(el, root.querySelector('[part="mode-toggle"]')!, -50, -50);
    expect(box(el)).to.deep.equal(before);
  });

  it('keyboard on the grip: arrows move it, Shift+arrows resize it', async () => {
    const { el, root } = await open('en', { x: 100, y: 100, width: 400, height: 300 });
    root.querySelector<HTMLButtonElement>('[part="grip"]')!.focus();
    const moved = oneEvent(el, 'timio-call-window-layout');
    await sendKeys({ press: 'ArrowLeft' });
    expect((await moved).detail.frame).to.deep.equal({ x: 100 - STEP, y: 100, width: 400, height: 300 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(box(el)).to.deep.equal({ x: 100 - STEP, y: 100 + STEP, width: 400 + STEP, height: 300 + STEP });
    // The keys move the window, not the page behind it or the own video.
    expect(document.scrollingElement!.scrollTop).to.equal(0);
  });

  it('maximise covers the page as a modal dialog; restore brings it back where it was', async () => {
    const { el, root } = await open('en', { x: 60, y: 50, width: 420, height: 300 });
    const modes: string[] = [];
    el.addEventListener('timio-call-window-layout', (e) => modes.push(e.detail.mode));
    root.querySelector<HTMLButtonElement>('[part="mode-toggle"]')!.click();
    await el.updateComplete;
    expect(el.getAttribute('mode')).to.equal('full');
    await waitUntil(() => root.querySelector('.window')!.getAttribute('aria-modal') === 'true', 'modal while it covers the page');
    const v = viewport();
    expect(box(el)).to.deep.equal({ x: 0, y: 0, width: v.width, height: v.height });
    const toggle = root.querySelector<HTMLButtonElement>('[part="mode-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Restore window size');
    expect(root.querySelector('[part="grip"]')).to.equal(null);
    expect(root.querySelector('[part="resize-handle"]')).to.equal(null);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(box(el)).to.deep.equal({ x: 60, y: 50, width: 420, height: 300 });
    expect(modes).to.deep.equal(['full', 'docked']);
  });

  it('stays inside the viewport when the viewport shrinks, and a frame from a bigger screen comes back inside', async () => {
    const { el } = await open('en', { x: 380, y: 260, width: 400, height: 300 });
    const was = { width: innerWidth, height: innerHeight };
    try {
      await setViewport({ width: 560, height: 420 });
      await waitUntil(() => insideViewport(el), `inside 560×420 (${JSON.stringify(box(el))})`);
      expect(box(el).width).to.equal(400);
      await setViewport({ width: 460, height: 400 });
      await waitUntil(() => el.getAttribute('shown-mode') === 'full', 'a phone-sized viewport: shown full');
      // No window beside the page there: it covers the viewport, modal, nothing to move or switch.
      const v = viewport();
      await waitUntil(() => box(el).width >= v.width - 1 && box(el).height >= v.height - 1, `covers 460×400 (${JSON.stringify(box(el))})`);
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('.window')!.getAttribute('aria-modal') === 'true', 'modal when full');
      expect(root.querySelector('[part="grip"]')).to.equal(null);
      expect(root.querySelector('[part="mode-toggle"]')).to.equal(null);
      expect(root.querySelector('[part="resize-handle"]')).to.equal(null);
      expect(el.mode, 'the person\'s mode is kept').to.equal('docked');
    } finally {
      await setViewport(was);
    }
    // The person's own frame is kept: the window returns where it was when there is room again.
    await waitUntil(() => box(el).x === 380 && box(el).width === 400, 'back at its frame');
    expect(el.getAttribute('shown-mode')).to.equal('docked');
    el.frame = { x: 2400, y: 1300, width: 1200, height: 900 };
    await el.updateComplete;
    expect(insideViewport(el)).to.equal(true);
  });

  it("the host's --timio-call-mode picks the mode when the attribute is not set", async () => {
    const style = document.createElement('style');
    style.textContent = ':root { --timio-call-mode: docked; }';
    document.head.append(style);
    try {
      const session = new FakeSession();
      const el = await fixture<TimioCall>(html`<timio-call .session=${session} .call=${call} .partner=${call.callee} locale="de"></timio-call>`);
      expect(el.mode).to.equal('docked');
      expect(insideViewport(el)).to.equal(true);
    } finally {
      style.remove();
    }
    const session = new FakeSession();
    const full = await fixture<TimioCall>(html`<timio-call .session=${session} .call=${call} .partner=${call.callee} locale="de"></timio-call>`);
    expect(full.mode).to.equal('full');
  });
});
