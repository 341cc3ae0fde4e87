// <timio-media-problems> in Chromium and Firefox: the session's media problems as a polite live
// status (there before the first problem, so it is announced), the button when sound is blocked, axe.
import { expect, fixture, html } from '@open-wc/testing';
import { FakeSession, sessionProvider } from '../../../../../testing/browser/fake-session.js';
import { defineMediaProblems, type TimioMediaProblems } from './media-problems.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineMediaProblems();

const text = (root: ShadowRoot, sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<timio-media-problems>', () => {
  it('shows the session’s media problems in a live status, and a button when sound is blocked; none, it takes no room', async () => {
    const session = new FakeSession();
    const box = sessionProvider(session);
    box.style.cssText = 'width:480px;background:#000';
    const el = await fixture<TimioMediaProblems>(html`<timio-media-problems lang="de"></timio-media-problems>`, { parentNode: box });
    const root = el.shadowRoot!;
    const status = root.querySelector('[role="status"]');
    expect(status, 'the live region is there before any problem').to.not.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
    session.problems.set([{ source: 'camera', failure: 'permission_denied' }, { source: 'screen', failure: 'no_device' }]);
    await el.updateComplete;
    expect(root.querySelector('[role="status"]') === status, 'the same live region').to.equal(true);
    expect(text(root, '[data-problem="camera-permission_denied"]')).to.contain('Kein Zugriff auf die Kamera');
    expect(text(root, '[data-problem="screen-no_device"]')).to.equal('Es gibt keinen Bildschirm, der geteilt werden kann.');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(40);
    session.local.set({ ...session.local.value, audioBlocked: true });
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[data-problem="audio-blocked"] button')!.click();
    expect(session.calls).to.include('startAudio');
    await expect(el).to.be.accessible();
    session.problems.set([]);
    session.local.set({ ...session.local.value, audioBlocked: false });
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(0);
  });
});
