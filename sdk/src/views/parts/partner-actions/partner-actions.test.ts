// <timio-partner-actions> in Chromium: hidden without actions, the host's actions for the contact
// by mouse and keyboard, run with the contact's id, cancelable, link actions, axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { registerContactActions } from '../../../contact-actions/contact-actions.js';
import type { UserRef } from '#protocol/realtime.js';
import { definePartnerActions, type TimioPartnerActions } from './partner-actions.js';
import { callWindowStrings } from '../../i18n/call-window.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

definePartnerActions();

const ben = { id: 'ben', name: 'Ben Müller' };

async function open(locale = 'de') {
  // Alone (not inside the call window, which waits for them), the element shows the call window's
  // strings in German until those of the page's language have arrived.
  await callWindowStrings.load(locale);
  const el = await fixture<TimioPartnerActions>(html`<timio-partner-actions .contact=${ben} locale=${locale}></timio-partner-actions>`);
  return { el, root: el.shadowRoot! };
}

const key = (target: Element, k: string, shiftKey = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true }));

describe('<timio-partner-actions>', () => {
  it('shows nothing while no action applies, appears when the host registers one', async () => {
    const { el, root } = await open();
    expect(root.querySelector('button')).to.equal(null);
    expect(el.hasActions).to.equal(false);
    const remove = registerContactActions([{ id: 'profile', label: { de: 'Profil anzeigen', en: 'Show profile' }, when: (c) => c.id === 'ben' }]);
    await el.updateComplete;
    expect(root.querySelector('.toggle')?.textContent?.trim()).to.equal('Weitere Kontaktoptionen');
    expect(el.hasActions).to.equal(true);
    el.contact = { id: 'carla', name: 'Carla Rossi' };
    await el.updateComplete;
    expect(root.querySelector('button')).to.equal(null);
    remove();
  });

  it('runs the chosen action with the contact; keyboard opens, moves, closes and returns focus', async () => {
    const ran: UserRef[] = [];
    const remove = registerContactActions([
      { id: 'chat', label: { de: 'Chat öffnen', en: 'Open chat' }, run: (c) => ran.push(c) },
      { id: 'profile', label: { de: 'Profil anzeigen', en: 'Show profile' }, href: (c) => `/people/${c.id}` },
    ]);
    const { el, root } = await open('en');
    const toggle = root.querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.textContent?.trim()).to.equal('More contact options');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    const menu = root.querySelector('[role="menu"]')!;
    expect(menu.hasAttribute('hidden')).to.equal(false);
    expect(menu.getAttribute('aria-label')).to.equal('Contact options for Ben Müller');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const items = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent?.trim())).to.deep.equal(['Open chat', 'Show profile']);
    expect(items[1]!.getAttribute('href')).to.equal('/people/ben');
    expect(root.activeElement === items[0]).to.equal(true);
    await expect(el).to.be.accessible();
    key(items[0]!, 'ArrowDown');
    expect(root.activeElement === items[1]).to.equal(true);
    key(items[1]!, 'ArrowDown');
    expect(root.activeElement === items[0]).to.equal(true);
    key(items[0]!, 'End');
    expect(root.activeElement === items[1]).to.equal(true);
    key(items[1]!, 'Home');
    expect(root.activeElement === items[0]).to.equal(true);
    key(items[0]!, 'ArrowUp');
    expect(root.activeElement === items[1], 'arrow up wraps to the last').to.equal(true);
    key(items[1]!, 'Tab');
    await el.updateComplete;
    expect(menu.hasAttribute('hidden'), 'Tab closes').to.equal(true);
    expect(root.activeElement === toggle, 'and goes on from the button').to.equal(true);
    toggle.click();
    await el.updateComplete;
    key(items[0]!, 'Escape');
    await el.updateComplete;
    expect(menu.hasAttribute('hidden')).to.equal(true);
    expect(root.activeElement === toggle).to.equal(true);
    // Arrow down on the button opens the menu; Enter on an item chooses it.
    key(toggle, 'ArrowDown');
    await el.updateComplete;
    const chosen = oneEvent(el, 'timio-contact-action');
    (root.activeElement as HTMLElement).click();
    const event = await chosen;
    expect(event.detail).to.deep.equal({ action: 'chat', contact: ben });
    expect(ran).to.deep.equal([ben]);
    await el.updateComplete;
    expect(menu.hasAttribute('hidden')).to.equal(true);
    // The host may veto an action: it does not run.
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('timio-contact-action', veto);
    toggle.click();
    await el.updateComplete;
    root.querySelector<HTMLElement>('[data-action="chat"]')!.click();
    document.removeEventListener('timio-contact-action', veto);
    expect(ran.length).to.equal(1);
    remove();
  });
});
