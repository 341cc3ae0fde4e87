// <timio-status-overlay> in Chromium and Firefox: the cover's states as the view words them, axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FakeSession, sessionProvider } from '../../../../../testing/browser/fake-session.js';
import { defineStatusOverlay, type TimioStatusOverlay } from './status-overlay.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineStatusOverlay();

async function open() {
  const session = new FakeSession();
  const box = sessionProvider(session);
  box.style.cssText = 'position:relative;width:480px;height:270px;background:#000';
  const el = await fixture<TimioStatusOverlay>(html`<timio-status-overlay lang="de" state="connecting" spinner message="Verbindung wird aufgebaut …"></timio-status-overlay>`, { parentNode: box });
  return { el, session, root: el.shadowRoot! };
}

const text = (root: ShadowRoot, sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<timio-status-overlay>', () => {
  it('covers the stage with the state, a spinner and a live status; the button reports its state', async () => {
    const { el, root } = await open();
    expect(root.querySelector('.overlay')?.getAttribute('data-state')).to.equal('connecting');
    expect(text(root, '.overlay [role="status"]')).to.equal('Verbindung wird aufgebaut …');
    expect(root.querySelector('.spinner')).to.not.equal(null);
    await expect(el).to.be.accessible();
    Object.assign(el, { state: 'partner-left', spinner: false, message: 'Ben Müller hat das Gespräch verlassen.', action: 'Schließen' });
    await el.updateComplete;
    expect(root.querySelector('.spinner')).to.equal(null);
    const action = oneEvent(el, 'timio-overlay-action');
    root.querySelector<HTMLButtonElement>('.overlay button')!.click();
    expect((await action).detail.state).to.equal('partner-left');
    el.state = '';
    await el.updateComplete;
    expect(root.querySelector('.overlay')).to.equal(null);
    expect(root.querySelector('[role="status"]'), 'a live region stays for the next message').to.not.equal(null);
  });
});
