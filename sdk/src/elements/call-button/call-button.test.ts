// <timio-call-button> in Chromium and Firefox: shown only while the contact is signed in, disabled while
// busy, labelled for screen readers in German and English, and placing a call on click or key.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { configure } from '../../config/config.js';
import { pageServices } from '../../page/page-services.js';
import { FakeTokenService, makeCall } from '../../../../testing/browser/fake-token-service.js';
import { fakeSignedInPage } from '../../../../testing/browser/fake-page.js';
import { defineNotifications } from '../notifications/notifications.js';
import { TimioCallButton, defineCallButton } from './call-button.js';

defineCallButton();
defineCallButton(); // a page that loads the SDK twice must not throw
defineNotifications();
const realtime = fakeSignedInPage('anna', { locale: undefined });

const button = (el: TimioCallButton) => el.shadowRoot!.querySelector('button')!;
const visible = (el: Element) => getComputedStyle(el).display !== 'none';

describe('<timio-call-button>', () => {
  it('stays hidden while the contact is not signed in and appears when they sign in', async () => {
    const el = await fixture<TimioCallButton>(html`<timio-call-button contact="ben-1" name="Ben Müller"></timio-call-button>`);
    expect(visible(el)).to.equal(false);
    expect(realtime.watching('ben-1')).to.equal(1);
    realtime.setPresence('ben-1', 'online');
    await waitUntil(() => visible(el), 'button appears when Ben signs in');
    expect(el.getAttribute('status')).to.equal('online');
    realtime.setPresence('ben-1', 'offline');
    await waitUntil(() => !visible(el), 'button disappears when Ben signs out');
    el.remove();
    expect(realtime.watching('ben-1')).to.equal(0);
  });

  it('follows a change of the contact id', async () => {
    realtime.setPresence('carla', 'online');
    const el = await fixture<TimioCallButton>(html`<timio-call-button contact="dora" name="X"></timio-call-button>`);
    expect(visible(el)).to.equal(false);
    el.contact = 'carla';
    await waitUntil(() => visible(el));
    expect(realtime.watching('dora')).to.equal(0);
  });

  it('is a real button labelled "Videocall mit … starten" and passes axe', async () => {
    const el = await fixture<TimioCallButton>(html`<div lang="de"><timio-call-button contact="anna" name="Anna Schmidt" presence="online"></timio-call-button></div>`).then((d) => d.firstElementChild as TimioCallButton);
    expect(visible(el)).to.equal(true);
    expect(button(el).getAttribute('aria-label')).to.equal('Videocall mit Anna Schmidt starten');
    expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('speaks English when the page is English', async () => {
    const wrapper = await fixture(html`<div lang="en"><timio-call-button contact="anna" name="Anna Schmidt" presence="online"></timio-call-button></div>`);
    const el = wrapper.firstElementChild as TimioCallButton;
    expect(button(el).getAttribute('aria-label')).to.equal('Start video call with Anna Schmidt');
    wrapper.setAttribute('lang', 'de');
    el.requestUpdate();
    await el.updateComplete;
    expect(button(el).getAttribute('aria-label')).to.equal('Videocall mit Anna Schmidt starten');
  });

  it('the configured locale wins over the page language', async () => {
    configure({ locale: 'en' });
    try {
      const wrapper = await fixture(html`<div lang="de"><timio-call-button contact="anna" name="Anna Schmidt" presence="online"></timio-call-button></div>`);
      const el = wrapper.firstElementChild as TimioCallButton;
      await el.updateComplete;
      expect(button(el).getAttribute('aria-label')).to.equal('Start video call with Anna Schmidt');
    } finally {
      configure({ locale: undefined });
    }
  });

  it('is disabled while the contact is busy, and the presence attribute overrides live presence', async () => {
    realtime.setPresence('emil', 'online');
    const el = await fixture<TimioCallButton>(html`<div lang="de"><timio-call-button contact="emil" name="Emil Roth" presence="busy"></timio-call-button></div>`).then((d) => d.firstElementChild as TimioCallButton);
    expect(visible(el)).to.equal(true);
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
    expect(button(el).getAttribute('aria-label')).to.equal('Emil Roth ist gerade im Gespräch');
    let requested = false;
    el.addEventListener('timio-call-request', () => (requested = true));
    button(el).click();
    expect(requested).to.equal(false);
    await expect(el).to.be.accessible();
    el.presence = 'offline';
    await waitUntil(() => !visible(el));
    el.removeAttribute('presence');
    await waitUntil(() => visible(el) && button(el).getAttribute('aria-disabled') === 'false', 'falls back to live presence');
  });

  it('renders the name as text, never as markup', async () => {
    const el = await fixture<TimioCallButton>(html`<timio-call-button lang="de" contact="x" name="<img src=x onerror=alert(1)>" presence="online"></timio-call-button>`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(button(el).getAttribute('aria-label')).to.equal('Videocall mit <img src=x onerror=alert(1)> starten');
  });

  it('a host can veto the call through the cancelable timio-call-request', async () => {
    const service = new FakeTokenService().install();
    try {
      const el = await fixture<TimioCallButton>(html`<timio-call-button contact="ben" name="Ben Müller" presence="online"></timio-call-button>`);
      el.addEventListener('timio-call-request', (e) => e.preventDefault(), { once: true });
      button(el).click();
      await new Promise((r) => requestAnimationFrame(r));
      expect(service.requests).to.have.length(0);
      expect(pageServices().calls.inCall).to.equal(false);
    } finally {
      service.uninstall();
    }
  });

  it('places a call from the keyboard: POST /v1/calls with the portal token, then every button is disabled', async () => {
    const ringing = makeCall({ caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' } });
    const service = new FakeTokenService().install();
    service.on('POST /v1/calls', () => ({ status: 201, json: { call: ringing, token: 'lk', url: 'ws://127.0.0.1:9' } }));
    service.on('POST /v1/calls/:id/cancel', () => ({ status: 200, json: { call: { ...ringing, state: 'ended', outcome: 'cancelled' } } }));
    try {
      const wrapper = await fixture(html`<div lang="de">
        <timio-notifications></timio-notifications>
        <timio-call-button contact="ben" name="Ben Müller" presence="online"></timio-call-button>
        <timio-call-button contact="carla" name="Carla" presence="online"></timio-call-button>
      </div>`);
      const [ben, carla] = [...wrapper.querySelectorAll('timio-call-button')] as TimioCallButton[];
      const started = oneEvent(document, 'timio-call-started');
      ben!.focus();
      expect(ben!.shadowRoot!.activeElement).to.equal(button(ben!));
      // A native <button> turns Enter into a click.
      button(ben!).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      button(ben!).click();
      const request = await service.next('/v1/calls');
      expect(request.body).to.deep.equal({ callee: 'ben' });
      expect(request.authorization).to.equal('Bearer portal-token-anna');
      const event = await started;
      expect(event.detail.id).to.equal(ringing.id);
      await waitUntil(() => button(carla!).getAttribute('aria-disabled') === 'true', 'other buttons are disabled during a call');
      expect(button(carla!).getAttribute('aria-label')).to.equal('Sie sind bereits in einem Gespräch');
      await pageServices().calls.cancel();
      await pageServices().calls.cancel(); // dismisses the "cancelled" notice
      await waitUntil(() => button(carla!).getAttribute('aria-disabled') === 'false');
    } finally {
      service.uninstall();
    }
  });
});
