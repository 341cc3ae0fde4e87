// <timio-media-effects> in Chromium: the sound switches and the background choice change the
// page's settings and remember them; the host's images are offered with their labels; German and
// English; axe. (The live tracks following them: e2e/backgrounds.test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { configure } from '../../../config/config.js';
import { MEDIA_SETTINGS_KEY, changeMediaSettings, mediaSettings, DEFAULT_MEDIA_SETTINGS } from '../../../session/media-settings.js';
import { defineMediaEffects, type TimioMediaEffects } from './media-effects.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

defineMediaEffects();

describe('<timio-media-effects>', () => {
  afterEach(() => {
    changeMediaSettings(DEFAULT_MEDIA_SETTINGS);
    localStorage.removeItem(MEDIA_SETTINGS_KEY);
  });

  it('sound switches are on by default; turning one off changes and remembers the settings', async () => {
    const el = await fixture<TimioMediaEffects>(html`<timio-media-effects lang="de"></timio-media-effects>`);
    const root = el.shadowRoot!;
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches.map((s) => s.closest('label')!.textContent!.trim())).to.deep.equal(['Rauschunterdrückung', 'Echounterdrückung', 'Automatische Lautstärke']);
    expect(switches.every((s) => s.checked)).to.equal(true);
    switches[0]!.click();
    expect(mediaSettings.value.noiseSuppression).to.equal(false);
    expect(JSON.parse(localStorage.getItem(MEDIA_SETTINGS_KEY)!).noiseSuppression).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('offers none, blur and the host\'s images (labelled), and remembers the choice', async () => {
    // Headless Firefox has no WebGL: covered by the next test there.
    if (navigator.userAgent.includes('Firefox')) return;
    configure({ tokenServiceUrl: 'http://127.0.0.1:9', backgrounds: [{ url: '/img/office.svg', label: 'Office' }, '/img/lobby.svg'] });
    const el = await fixture<TimioMediaEffects>(html`<timio-media-effects lang="en"></timio-media-effects>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('input[type="radio"]').length > 0, 'the background choice (this Chromium has WebGL2 and no CSP)');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal(['None', 'Blur', 'Office', 'Image 2']);
    expect(radios[0]!.checked).to.equal(true);
    expect(root.querySelector('legend')?.textContent).to.equal('Sound');
    radios[2]!.click();
    expect(mediaSettings.value.background).to.equal(`image:${location.origin}/img/office.svg`);
    expect(JSON.parse(localStorage.getItem(MEDIA_SETTINGS_KEY)!).background).to.equal(`image:${location.origin}/img/office.svg`);
    await expect(el).to.be.accessible();
  });

  it('without WebGL2 (headless Firefox) says so in the page\'s language and offers no background', async () => {
    if (!navigator.userAgent.includes('Firefox')) return;
    expect(document.createElement('canvas').getContext('webgl2')).to.equal(null);
    const el = await fixture<TimioMediaEffects>(html`<timio-media-effects lang="de"></timio-media-effects>`);
    const root = el.shadowRoot!;
    const note = await waitUntil(() => root.querySelector('[data-unsupported]'), 'the unsupported note');
    expect(note.getAttribute('data-unsupported')).to.equal('no-webgl');
    expect(note.textContent).to.equal('Hintergründe sind in diesem Browser nicht verfügbar (kein WebGL).');
    expect(root.querySelectorAll('input[type="radio"]').length).to.equal(0);
    // The sound switches are there all the same.
    expect(root.querySelectorAll('input[role="switch"]').length).to.equal(3);
  });
});
