// <timio-contact> in Chromium and Firefox: the contact menu opens by a click on the name or picture, right
// click, the context-menu key and Shift+F10; it offers "Videocall starten" only while the contact
// is signed in (else says they are not), holds the host's registered actions and items, is driven
// by the arrow keys, and Escape gives focus back to the name.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { fakeSignedInPage } from '../../../../testing/browser/fake-page.js';
import { registerContactActions } from '../../contact-actions/contact-actions.js';
import { TimioContact, defineContact } from './contact.js';
import { setViewport } from '@web/test-runner-commands';
import { cleanupsAfterEach } from '../../../../testing/browser/cleanups.js';

defineContact();
const realtime = fakeSignedInPage('anna');
const cleanups = cleanupsAfterEach();

const trigger = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLElement>('[part="trigger"]')!;
const panel = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLElement>('[part="menu"]')!;
const callItem = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="item"]');
const note = (el: TimioContact) => el.shadowRoot!.querySelector<HTMLElement>('[part="note"]');
const menuTexts = (el: TimioContact) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menu"] .item')].map((i) => i.textContent!.trim());
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
    expect(note(el)!.textContent).to.equal('Ben Müller ist nicht angemeldet – kein Videocall möglich.');
    expect(el.shadowRoot!.querySelectorAll('[aria-disabled="true"]').length, 'no disabled item in its place').to.equal(0);
    await expect(el).to.be.accessible();
    realtime.setPresence('ben-off', 'online');
    await waitUntil(() => callItem(el) !== null, 'the item appears when Ben signs in');
    expect(note(el)).to.equal(null);
  });

  for (const [lang, words] of [['de', 'ist nicht angemeldet – kein Videocall möglich.'], ['en', 'is not signed in – no video call possible.']] as const) {
    it(`phone (${lang}): a long name at the right edge of a page that does not wrap names; the note wraps inside the menu, the menu stays on screen`, async () => {
      await cleanups.viewport(390, 700);
      // As the demo portal writes a contact row: the name on one line (an ellipsis when long).
      const row = await fixture<HTMLElement>(html`<div lang=${lang} style="display:flex;justify-content:flex-end;white-space:nowrap"><timio-contact contact="benedikt-off">Benedikt Müller-Lüdenscheidt</timio-contact></div>`);
      const el = row.querySelector('timio-contact')!;
      el.click();
      await waitUntil(() => isOpen(el));
      const menu = panel(el).getBoundingClientRect();
      const text = note(el)!;
      expect(text.textContent).to.equal(`Benedikt Müller-Lüdenscheidt ${words}`);
      expect(text.scrollWidth, 'no line of the note runs past its box').to.be.at.most(text.clientWidth + 1);
      const r = text.getBoundingClientRect();
      expect(r.right, 'the note ends inside the menu').to.be.at.most(menu.right + 0.5);
      expect(menu.left, 'the menu on screen (left)').to.be.at.least(0);
      expect(menu.right, 'the menu on screen (right)').to.be.at.most(390 - 7.5);
      expect(menu.width, 'the menu keeps its width near the edge: it slides, not shrinks').to.be.at.least(300);
      key(panel(el), 'Escape');
      await waitUntil(() => !isOpen(el));
      // Back to the runner's size here, and until the resize has reached the page: a late resize
      // event would close the next test's menu as it opens (an open menu closes on resize).
      await setViewport({ width: 800, height: 600 });
      await waitUntil(() => innerWidth === 800, 'the viewport is back');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
  }

  it('the name is what a screen reader reads: a picture\'s hidden initials are not part of it', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="ole" presence="online"><span aria-hidden="true">OS</span> Ole Sand</timio-contact>`);
    expect(el.displayName).to.equal('Ole Sand');
    el.click();
    await waitUntil(() => isOpen(el));
    expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal('Ole Sand');
    key(panel(el), 'Escape');
  });

  it('a click on the name or the picture opens the menu below the name; a second click closes it', async () => {
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="jana" presence="online"><img alt="" width="24" height="24" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> Jana Berg</timio-contact>`);
    el.click();
    await waitUntil(() => isOpen(el));
    expect(callItem(el)!.textContent!.trim()).to.equal('Videocall starten');
    expect(focused(el)).to.equal(callItem(el));
    expect(panel(el).getBoundingClientRect().top).to.be.greaterThan(trigger(el).getBoundingClientRect().bottom - 1);
    // A real press on the name: pointerdown must not close it before the click toggles it.
    const img = el.querySelector('img')!;
    img.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    img.click();
    await waitUntil(() => !isOpen(el), 'the second click closes it');
    expect(focused(el)).to.equal(trigger(el));
    img.click();
    await waitUntil(() => isOpen(el), 'a click on the picture opens it');
    key(callItem(el)!, 'Escape');
    await waitUntil(() => !isOpen(el));
  });

  it('a linked name: the click opens the menu instead of the link; with keep-click the link keeps it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <timio-contact contact="kai" presence="online"><a href="#kai-profile">Kai Lenz</a></timio-contact>
      <timio-contact contact="kai" presence="online" keep-click><a href="#kai-profile-2">Kai Lenz</a></timio-contact>
    </div>`);
    const [menuFirst, linkFirst] = [...wrapper.querySelectorAll<TimioContact>('timio-contact')] as [TimioContact, TimioContact];
    await menuFirst.updateComplete;
    const before = location.hash;
    const link = menuFirst.querySelector('a')!;
    expect(link.getAttribute('aria-haspopup')).to.equal('menu');
    link.click();
    await waitUntil(() => isOpen(menuFirst));
    expect(location.hash, 'the link did not navigate').to.equal(before);
    expect(link.getAttribute('aria-expanded')).to.equal('true');
    key(callItem(menuFirst)!, 'Escape');
    await waitUntil(() => !isOpen(menuFirst));
    expect(document.activeElement).to.equal(link);

    await linkFirst.updateComplete;
    const own = linkFirst.querySelector('a')!;
    expect(own.hasAttribute('aria-haspopup')).to.equal(false);
    own.click();
    await waitUntil(() => location.hash === '#kai-profile-2', 'the link navigates');
    expect(isOpen(linkFirst)).to.equal(false);
    rightClick(own);
    await waitUntil(() => isOpen(linkFirst), 'right click still opens the menu');
    key(callItem(linkFirst)!, 'Escape');
    await waitUntil(() => !isOpen(linkFirst));
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the host\'s registered contact actions in every contact menu, in the page\'s language', async () => {
    const chosen: string[] = [];
    const unregister = registerContactActions([
      { id: 'chat', label: { de: 'Chat öffnen', en: 'Open chat' }, run: (c) => chosen.push(`chat:${c.id}:${c.name}`) },
      { id: 'profile', label: { de: 'Profil anzeigen', en: 'View profile' }, href: (c) => `#profile-${c.id}` },
      { id: 'only-online-ones', label: 'Nur Lena', when: (c) => c.id === 'lena' },
    ]);
    try {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <timio-contact lang="de" contact="lena" presence="online">Lena Vogt<button slot="menu">Eigener Eintrag</button></timio-contact>
        <timio-contact lang="en" contact="max">Max Kern</timio-contact>
      </div>`);
      const [lena, max] = [...wrapper.querySelectorAll<TimioContact>('timio-contact')] as [TimioContact, TimioContact];
      lena.click();
      await waitUntil(() => isOpen(lena));
      expect(menuTexts(lena)).to.deep.equal(['Videocall starten', 'Chat öffnen', 'Profil anzeigen', 'Nur Lena']);
      expect(lena.shadowRoot!.querySelector<HTMLAnchorElement>('[data-action="profile"]')!.getAttribute('href')).to.equal('#profile-lena');
      // Keyboard: the actions and the element's own items are one list.
      key(callItem(lena)!, 'ArrowDown');
      expect(focused(lena)!.textContent!.trim()).to.equal('Chat öffnen');
      key(lena.shadowRoot!.activeElement!, 'End');
      expect(document.activeElement!.textContent).to.equal('Eigener Eintrag');
      await expect(lena).to.be.accessible();
      const event = oneEvent(lena, 'timio-contact-action');
      lena.shadowRoot!.querySelector<HTMLElement>('[data-action="chat"]')!.click();
      expect((await event).detail).to.deep.equal({ action: 'chat', contact: { id: 'lena', name: 'Lena Vogt' } });
      expect(chosen).to.deep.equal(['chat:lena:Lena Vogt']);
      await waitUntil(() => !isOpen(lena));

      // Offline: no video item but the line, and the actions still there, in English.
      max.click();
      await waitUntil(() => isOpen(max));
      expect(menuTexts(max)).to.deep.equal(['Open chat', 'View profile']);
      expect(note(max)!.textContent).to.equal('Max Kern is not signed in – no video call possible.');
      max.addEventListener('timio-contact-action', (e) => e.preventDefault(), { once: true });
      max.shadowRoot!.querySelector<HTMLElement>('[data-action="chat"]')!.click();
      expect(chosen.length, 'a cancelled action does not run').to.equal(1);
      key(panel(max), 'Escape');
    } finally {
      unregister();
    }
    const el = await fixture<TimioContact>(html`<timio-contact lang="de" contact="lena" presence="online">Lena Vogt</timio-contact>`);
    el.click();
    await waitUntil(() => isOpen(el));
    expect(menuTexts(el), 'unregistered actions are gone').to.deep.equal(['Videocall starten']);
    key(panel(el), 'Escape');
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
