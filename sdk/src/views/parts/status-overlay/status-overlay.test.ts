// <timio-status-overlay> in Chromium: the cover's states as the view words them, the media
// problems from the session, sound blocked by the browser, axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FakeSession, sessionProvider } from '../../../../../testing/fake-session.js';
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

  it('shows the session’s media problems as an alert, and a button when sound is blocked', async () => {
    const { el, session, root } = await open();
    el.state = '';
    session.problems.set([{ source: 'camera', failure: 'permission_denied' }, { source: 'microphone', failure: 'no_device' }]);
    await el.updateComplete;
    expect(root.querySelector('.problems')?.getAttribute('role')).to.equal('alert');
    expect(text(root, '[data-problem="camera-permission_denied"]')).to.contain('Kein Zugriff auf die Kamera');
    expect(text(root, '[data-problem="microphone-no_device"]')).to.contain('Es wurde kein Mikrofon gefunden.');
    session.local.set({ ...session.local.value, audioBlocked: true });
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('.problems button')!.click();
    expect(session.calls).to.include('startAudio');
    await expect(el).to.be.accessible();
  });
});
