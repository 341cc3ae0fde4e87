// <timio-contact> in Chromium: the contact menu opens by right click, the context-menu key and
// Shift+F10; it offers "Videocall starten" only while the contact is signed in, holds the host's
// items, is driven by the arrow keys, and Escape gives focus back to the name.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { configure } from '../../config/config.js';
import { attachRealtime } from '../shared/page-services.js';
import { FakeRealtime, TEST_SERVICE } from '../../../../testing/fake-token-service.js';
import { TimioContact, defineContact } from './contact.js';

defineContact();
configure({ tokenServiceUrl: TEST_SERVICE, portalToken: 'portal-token-anna' });
const realtime = new FakeRealtime();
attachRealtime(realtime);

const trigger = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLElement>('[part="trigger"]')!;
const panel = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLElement>('[part="menu"]')!;
const callItem = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="item"]');
const isOpen = (el: TimioContact) => panel(el).matches(':popover-open');
const focused = (el: TimioContact) => el.shadowRoot!.activeElement ?? document.activeElement;

function rightClick(target: Element, x = 40, y = 30) {
  target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, button: 2, clientX: x, clientY: y }));
}

function key(target: Element, k: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));
}

describe('<timio-contact>', () => {
  it('right click opens the menu at the pointer with "Videocall starten" while the contact is online', async () => {
    const el = await fixture<TimioContact>(html`<p lang="de"><timio-contact contact="anna" presence="online"><b>Anna Schmidt</b></timio-contact></p>`).then((p) => p.firstElementChild as TimioContact);
    const name = el.querySelector('b')!;
    const event = new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, button: 2, clientX: 60, clientY: 50 });
    name.dispatchEvent(event);
    expect(event.defaultPrevented, 'the browser menu is replaced').to.equal(true);
    await waitUntil(() => isOpen(el));
    expect(callItem(el)!.textContent!.trim()).to.equal('Videocall starten');
    expect(el.shadowRoot!.querySelector('[role="menu"]')!.getAttribute('aria-label')).to.equal('Kontaktmenü von Anna Schmidt');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Angemeldet');
    const rect = panel(el).getBoundingClientRect();
    expect(Math.round(rect.left)).to.equal(60);
    expect(Math.round(rect.top)).to.equal(50);
    expect(focused(el)).to.equal(callItem(el));
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('offers no video call while the contact is signed out, and shows that they are', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="ben-off">Ben Müller</timio-contact>`);
    rightClick(el);
    await waitUntil(() => isOpen(el));
    expect(callItem(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Nicht angemeldet');
    realtime.setPresence('ben-off', 'online');
    await waitUntil(() => callItem(el) !== null, 'the item appears when Ben signs in');
  });

  it('opens from the keyboard with the context-menu key and Shift+F10; Escape restores focus to the name', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="en" contact="carla" presence="online">Carla Weiß</timio-contact>`);
    trigger(el).focus();
    key(trigger(el), 'ContextMenu');
    await waitUntil(() => isOpen(el));
    expect(callItem(el)!.textContent!.trim()).to.equal('Start video call');
    expect(focused(el)).to.equal(callItem(el));
    key(callItem(el)!, 'Escape');
    await waitUntil(() => !isOpen(el));
    expect(focused(el)).to.equal(trigger(el));
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');

    key(trigger(el), 'F10', { shiftKey: true });
    await waitUntil(() => isOpen(el));
    // Below the name when opened from the keyboard.
    expect(panel(el).getBoundingClientRect().top).to.be.greaterThan(trigger(el).getBoundingClientRect().bottom - 1);
    key(callItem(el)!, 'Escape');
    await waitUntil(() => !isOpen(el));

    // Enter on the focused name opens it too; Tab closes it and leaves focus on the name.
    key(trigger(el), 'Enter');
    await waitUntil(() => isOpen(el));
    key(callItem(el)!, 'Tab');
    await waitUntil(() => !isOpen(el));
    expect(focused(el)).to.equal(trigger(el));
  });

  it('holds the host\'s items; the arrow keys, Home and End move through all of them', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="dora" presence="online">Dora
      <button slot="menu" id="profile">Profil öffnen</button>
      <a slot="menu" id="mail" href="#mail">E-Mail schreiben</a>
    </timio-contact>`);
    const profile = el.querySelector<HTMLElement>('#profile')!;
    const mail = el.querySelector<HTMLElement>('#mail')!;
    expect(profile.getAttribute('role')).to.equal('menuitem');
    rightClick(el);
    await waitUntil(() => isOpen(el));
    expect(focused(el)).to.equal(callItem(el));
    key(callItem(el)!, 'ArrowDown');
    expect(document.activeElement).to.equal(profile);
    key(profile, 'ArrowDown');
    expect(document.activeElement).to.equal(mail);
    key(mail, 'ArrowDown');
    expect(focused(el)).to.equal(callItem(el), 'wraps around');
    key(callItem(el)!, 'ArrowUp');
    expect(document.activeElement).to.equal(mail);
    key(mail, 'Home');
    expect(focused(el)).to.equal(callItem(el));
    key(callItem(el)!, 'End');
    expect(document.activeElement).to.equal(mail);
    await expect(el).to.be.accessible();
    const clicked = oneEvent(profile, 'click');
    profile.click();
    await clicked;
    await waitUntil(() => !isOpen(el), 'a host item closes the menu');
  });

  it('"Videocall starten" asks to call the contact and closes the menu', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="emil" name="Emil Roth" presence="online"><span>E. Roth</span></timio-contact>`);
    rightClick(el);
    await waitUntil(() => isOpen(el));
    el.addEventListener('timio-call-request', (e) => e.preventDefault(), { once: true });
    const request = oneEvent(el, 'timio-call-request');
    callItem(el)!.click();
    const event = await request;
    expect(event.detail.contact).to.deep.equal({ id: 'emil', name: 'Emil Roth' });
    await waitUntil(() => !isOpen(el));
    expect(focused(el)).to.equal(trigger(el));
  });

  it('shows the item disabled while the contact is busy', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="fritz" presence="busy">Fritz</timio-contact>`);
    rightClick(el);
    await waitUntil(() => isOpen(el));
    expect(callItem(el)!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('Im Gespräch');
    let requested = false;
    el.addEventListener('timio-call-request', () => (requested = true));
    callItem(el)!.click();
    expect(requested).to.equal(false);
  });

  it('when the name is a link, the link keeps focus and opens the menu with Shift+F10', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="ina" presence="online"><a href="#ina">Ina Graf</a></timio-contact>`);
    const link = el.querySelector('a')!;
    await el.updateComplete;
    expect(trigger(el).hasAttribute('tabindex')).to.equal(false);
    expect(trigger(el).hasAttribute('role')).to.equal(false);
    await expect(el).to.be.accessible();
    link.focus();
    key(link, 'F10', { shiftKey: true });
    await waitUntil(() => isOpen(el));
    expect(focused(el)).to.equal(callItem(el));
    key(callItem(el)!, 'Escape');
    await waitUntil(() => !isOpen(el));
    expect(document.activeElement).to.equal(link);
  });

  it('closes on a click elsewhere', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="gabi" presence="online">Gabi</timio-contact>`);
    rightClick(el);
    await waitUntil(() => isOpen(el));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitUntil(() => !isOpen(el));
  });

  it('passes axe while closed and renders the name as text', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="h" name="<i>Hanna</i>"></timio-contact>`);
    rightClick(el);
    await waitUntil(() => isOpen(el));
    expect(el.shadowRoot!.querySelector('i')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal('<i>Hanna</i>');
    key(panel(el), 'Escape');
    await waitUntil(() => !isOpen(el));
    await expect(el).to.be.accessible();
  });
});
