// <timio-control-bar> in Chromium: labelled buttons in the given order with tooltips and
// shortcuts, overflow into a menu when narrow (touch targets ≥ 44 px), keyboard, axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { icons } from '../../icons.js';
import { defineControlBar, type ControlSpec, type TimioControlBar } from './control-bar.js';
import { fitControls } from './control-spec.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineControlBar();

const specs: ControlSpec[] = [
  { id: 'camera', label: 'Kamera ausschalten', icon: icons.camera, pressed: false, shortcut: 'v' },
  { id: 'mic', label: 'Mikrofon stummschalten', icon: icons.mic, pressed: false, shortcut: 'm' },
  { id: 'screen', label: 'Bildschirm teilen', icon: icons.screen, pressed: false, shortcut: 'd' },
  { id: 'fullscreen', label: 'Vollbild-Modus', icon: icons.fullscreen, pressed: false },
  { id: 'more', label: 'Weitere Optionen', icon: icons.more, expanded: false },
  { id: 'end', label: 'Gespräch beenden', icon: icons.hangUp, danger: true, pinned: true, part: 'end-button' },
];

async function bar(width: number) {
  const el = await fixture<TimioControlBar>(html`<timio-control-bar lang="de" label="Steuerung" style="width:${width}px" .controls=${specs}></timio-control-bar>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('.controls button').length > 0);
  // The bar fits its controls once it knows its width (ResizeObserver).
  await waitUntil(() => (width < 400) === !!el.shadowRoot!.querySelector('.overflow'), 'controls fitted');
  return el;
}

const buttons = (el: TimioControlBar) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.controls > button, .more-wrap > button')];

describe('<timio-control-bar>', () => {
  it('draws every control in order, labelled, with tooltip and shortcut, and reports clicks', async () => {
    const el = await bar(800);
    expect(buttons(el).map((b) => b.className.split(' ')[0])).to.deep.equal(['camera', 'mic', 'screen', 'fullscreen', 'more', 'end']);
    const camera = buttons(el)[0]!;
    expect(camera.getAttribute('aria-label')).to.equal('Kamera ausschalten');
    expect(camera.title).to.equal('Kamera ausschalten (Taste V)');
    expect(camera.getAttribute('aria-keyshortcuts')).to.equal('v');
    expect(el.shadowRoot!.querySelector('[part="end-button"]')?.getAttribute('aria-label')).to.equal('Gespräch beenden');
    const clicked = oneEvent(el, 'timio-control');
    buttons(el)[1]!.click();
    expect((await clicked).detail.id).to.equal('mic');
    await expect(el).to.be.accessible();
  });

  it('a shortcut key runs its control, but not while typing or with modifiers', async () => {
    const el = await bar(800);
    const seen: string[] = [];
    el.addEventListener('timio-control', (e) => seen.push(e.detail.id));
    expect(el.handleShortcut(new KeyboardEvent('keydown', { key: 'm' }))).to.equal(true);
    expect(el.handleShortcut(new KeyboardEvent('keydown', { key: 'M', ctrlKey: true }))).to.equal(false);
    expect(el.handleShortcut(new KeyboardEvent('keydown', { key: 'x' }))).to.equal(false);
    expect(seen).to.deep.equal(['mic']);
  });

  it('at phone width the controls that do not fit move into a menu; every target is at least 44 px', async () => {
    const el = await bar(300);
    const shown = buttons(el);
    expect(shown.map((b) => b.className.split(' ')[0])).to.deep.equal(['camera', 'mic', 'screen', 'overflow', 'end']);
    for (const b of shown) {
      const r = b.getBoundingClientRect();
      expect(r.width).to.be.at.least(44);
      expect(r.height).to.be.at.least(44);
      expect(r.right).to.be.at.most(el.getBoundingClientRect().right + 1);
    }
    const overflow = el.shadowRoot!.querySelector<HTMLButtonElement>('.overflow')!;
    expect(overflow.getAttribute('aria-label')).to.equal('Weitere Steuerelemente');
    overflow.click();
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menu"] button')];
    expect(items.length + shown.length - 1).to.equal(specs.length);
    expect(el.shadowRoot!.activeElement === items[0]).to.equal(true);
    for (const item of items) expect(item.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement === items[1 % items.length]).to.equal(true);
    const picked = oneEvent(el, 'timio-control');
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    expect((await picked).detail.id).to.equal(items[1 % items.length]!.className);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
  });

  it('the overflow menu: inside the viewport, Home/End, Escape gives focus back to "Weitere Steuerelemente", Tab closes', async () => {
    const el = await bar(300);
    const overflow = el.shadowRoot!.querySelector<HTMLButtonElement>('.overflow')!;
    const key = (k: string) => el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
    overflow.click();
    await el.updateComplete;
    const menu = el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
    const items = [...menu.querySelectorAll<HTMLButtonElement>('button')];
    // Right-aligned to its button it would reach past the page's left edge; it slides in.
    const r = menu.getBoundingClientRect();
    expect(r.left, 'left edge on screen').to.be.at.least(0);
    expect(r.right, 'right edge on screen').to.be.at.most(innerWidth);
    expect(el.shadowRoot!.activeElement === items[0]).to.equal(true);
    key('End');
    expect(el.shadowRoot!.activeElement === items.at(-1)).to.equal(true);
    key('Home');
    expect(el.shadowRoot!.activeElement === items[0]).to.equal(true);
    const outside: string[] = [];
    const listen = (e: KeyboardEvent) => outside.push(e.key);
    document.addEventListener('keydown', listen);
    key('Escape');
    document.removeEventListener('keydown', listen);
    expect(outside, 'Escape closes the menu only, not the call window around it').to.deep.equal([]);
    expect(el.shadowRoot!.activeElement === overflow).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(overflow.getAttribute('aria-expanded')).to.equal('false');
    overflow.click();
    await el.updateComplete;
    key('Tab');
    expect(el.shadowRoot!.activeElement === overflow, 'Tab goes on from the button').to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
  });

  it('arrow keys move along the toolbar', async () => {
    const el = await bar(800);
    const [first, second] = buttons(el);
    first!.focus();
    first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement === second).to.equal(true);
  });
});

describe('fitControls', () => {
  it('keeps pinned controls and the order; the rest overflow', () => {
    const names = (list: ControlSpec[]) => list.map((s) => s.id);
    expect(names(fitControls(specs, 1000, 52, 12).shown)).to.deep.equal(names(specs));
    const narrow = fitControls(specs, 280, 48, 8);
    expect(names(narrow.shown)).to.deep.equal(['camera', 'mic', 'screen', 'end']);
    expect(names(narrow.overflow)).to.deep.equal(['fullscreen', 'more']);
  });
});
