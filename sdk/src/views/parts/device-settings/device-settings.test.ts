// <timio-device-settings> in Chromium, given a session by context: device lists, switching, the
// microphone level from a real track, Escape closes, axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { FAKE_DEVICES, FakeSession, canvasTrack, sessionProvider } from '../../../../../testing/browser/fake-session.js';
import { defineDeviceSettings, type TimioDeviceSettings } from './device-settings.js';
import { callWindowStrings } from '../../i18n/call-window.js';
import { conferenceStrings } from '../../conference/i18n/index.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineDeviceSettings();

async function open() {
  const session = new FakeSession();
  session.devices.set(FAKE_DEVICES);
  // Alone (not inside the call window or conference, which wait for them): the English strings first.
  await Promise.all([callWindowStrings.load('en'), conferenceStrings.load('en')]);
  const el = await fixture<TimioDeviceSettings>(html`<timio-device-settings lang="en"></timio-device-settings>`, { parentNode: sessionProvider(session) });
  return { el, session, root: el.shadowRoot! };
}

describe('<timio-device-settings>', () => {
  it('lists the devices, switches one, refreshes the lists when opened', async () => {
    const { el, session, root } = await open();
    expect(session.calls).to.include('refresh');
    expect(root.querySelector('section')?.getAttribute('aria-labelledby')).to.equal('title');
    expect(root.querySelector('h2')?.textContent).to.equal('More options');
    const cam = root.querySelector<HTMLSelectElement>('select[data-device="videoinput"]')!;
    expect([...cam.options].map((o) => o.textContent)).to.deep.equal(['Front camera', 'USB camera']);
    expect(cam.value).to.equal('cam1');
    el.focus();
    expect(root.activeElement === cam).to.equal(true);
    cam.value = 'cam2';
    cam.dispatchEvent(new Event('change'));
    expect(session.calls).to.include('device:videoinput:cam2');
    expect(root.querySelector('select[data-device="audiooutput"]')).to.not.equal(null);
    expect(root.querySelector('.test-sound')?.textContent).to.equal('Play test sound');
    await expect(el).to.be.accessible();
  });

  it('the level meter follows the microphone and the preview shows the camera', async () => {
    const { el, session, root } = await open();
    // Chromium's fake microphone beeps.
    const mic = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks()[0]!;
    session.local.set({ ...session.local.value, micOn: true, cameraOn: true, microphone: mic, camera: canvasTrack() });
    await el.updateComplete;
    const meter = root.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-label')).to.equal('Microphone level');
    // Both browsers' fake microphones make a tone (Firefox's needs the mock audio backend of
    // web-test-runner.config.mjs on a machine without a sound device).
    await waitUntil(() => Number(meter.getAttribute('aria-valuenow')) > 0, 'the level moves');
    const preview = root.querySelector('video')!;
    await waitUntil(() => preview.videoWidth > 0, 'the preview shows the camera');
    mic.stop();
  });

  it('Escape and the close button ask the view to close it', async () => {
    const { el, root } = await open();
    let closed = oneEvent(el, 'timio-close');
    root.querySelector('select')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await closed;
    closed = oneEvent(el, 'timio-close');
    root.querySelector<HTMLButtonElement>('.close')!.click();
    await closed;
    expect(root.querySelector<HTMLButtonElement>('.close')!.getBoundingClientRect().width).to.be.at.least(44);
  });
});
