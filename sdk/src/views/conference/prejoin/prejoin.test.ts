// The pre-join in Chromium with the browser's fake camera and microphone: preview with frames,
// the level meter moving, device lists, joining with the camera off, the moderator confirmation,
// the choices remembered for the next direct join. Axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { defineTimioConference, type TimioConferencePrejoin } from '../timio-conference.js';
import { loadChoices } from './choices.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineTimioConference();

async function prejoin(canModerate: boolean, lang = 'de') {
  localStorage.removeItem('timio.media-choices');
  const el = await fixture<TimioConferencePrejoin>(html`<timio-conference-prejoin lang=${lang} room-name="Vertrieb" ?can-moderate=${canModerate}></timio-conference-prejoin>`);
  await waitUntil(() => (el.shadowRoot!.querySelector('video') as HTMLVideoElement | null)?.videoWidth, 'camera preview shows frames');
  return { el, root: el.shadowRoot! };
}

describe('<timio-conference-prejoin>', () => {
  it('previews the camera, lists devices, joins with the camera off and remembers it', async () => {
    const { el, root } = await prejoin(false);
    expect(root.querySelector('h2')!.textContent).to.equal('Videokonferenz „Vertrieb“');
    expect(root.querySelectorAll('select[data-device="camera"] option').length).to.be.at.least(1);
    expect(root.querySelector('.moderator')).to.equal(null);
    await expect(el).to.be.accessible();
    const camera = root.querySelector<HTMLButtonElement>('.toggle.camera')!;
    expect(camera.getAttribute('aria-pressed')).to.equal('true');
    camera.click();
    await waitUntil(() => !root.querySelector('video') && root.querySelector('.off'), 'preview off');
    expect(camera.getAttribute('aria-pressed')).to.equal('false');
    const joined = oneEvent(el, 'timio-prejoin-join');
    root.querySelector<HTMLButtonElement>('.join')!.click();
    const detail = (await joined).detail;
    expect(detail.moderator).to.equal(false);
    expect(detail.choices).to.include({ camera: false, microphone: true });
    expect(loadChoices()).to.include({ camera: false, microphone: true });
  });

  it('shows the microphone level moving', async () => {
    const { root } = await prejoin(false);
    await waitUntil(() => Number(root.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')) > 0, 'the level moves');
  });

  it('a possible moderator confirms or joins as a plain member', async () => {
    const { el, root } = await prejoin(true, 'en');
    expect(root.querySelector('#confirm')!.textContent).to.equal('If applicable, confirm that you are the moderator of this room.');
    expect(root.querySelector('.join-moderator')!.textContent).to.equal('Join as moderator');
    expect(root.querySelector('.join-member')!.textContent).to.equal('Join as member');
    await expect(el).to.be.accessible();
    const preview = (root.querySelector('video')!.srcObject as MediaStream).getTracks()[0]!;
    await waitUntil(() => Number(root.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')) > 0, 'the level moves');
    const joined = oneEvent(el, 'timio-prejoin-join');
    root.querySelector<HTMLButtonElement>('.join-moderator')!.click();
    expect((await joined).detail.moderator).to.equal(true);
    // Joining releases the preview: the camera is free (its light off) for the session.
    await el.updateComplete;
    expect(preview.readyState).to.equal('ended');
    expect(root.querySelector('video') === null, 'no preview after joining').to.equal(true);
    expect(root.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).to.equal('0');
  });

  it('stops a camera that arrives after the person turned it off or left', async () => {
    localStorage.removeItem('timio.media-choices');
    const el = await fixture<TimioConferencePrejoin>(html`<timio-conference-prejoin room-name="Vertrieb"></timio-conference-prejoin>`);
    const root = el.shadowRoot!;
    // Turned off before the first getUserMedia answered: no preview may appear later.
    root.querySelector<HTMLButtonElement>('.toggle.camera')!.click();
    await waitUntil(() => root.querySelector('.devices select option[value]:not([value=""])'), 'the device lists filled');
    await el.updateComplete;
    expect(root.querySelector('video') === null, 'no preview of a camera turned off').to.equal(true);
    expect(root.querySelector('.toggle.camera')!.getAttribute('aria-pressed')).to.equal('false');
  });
});
