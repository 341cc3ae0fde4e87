// "Weitere Einstellungen" in Chromium, inside a joined <timio-conference>: layout, own view
// mirrored or not, own tile hidden, devices. Axe.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { canvasTrack } from '../../../../../testing/browser/fake-session.js';
import { conferenceFixture, deep, settled } from '../../../../../testing/browser/conference-fixture.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

describe('<timio-conference-settings> in the conference', () => {
  it('switches the layout, mirroring and the own tile; lists the devices', async () => {
    const f = await conferenceFixture();
    uninstall = () => f.service.uninstall();
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    s.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true, camera: { sid: 'c0', muted: false, track: canvasTrack() } });
    s.put({ identity: 'ben', name: 'Ben Müller' });
    s.devices.set({ lists: { videoinput: [{ id: 'cam1', label: 'Kamera A' }], audioinput: [{ id: 'mic1', label: 'Mikro A' }], audiooutput: [] }, active: { videoinput: 'cam1' }, canChooseSpeaker: false });
    s.connection.set({ phase: 'connected' });
    await settled(f.el);
    deep<HTMLButtonElement>(f.root, '.controls .settings')!.click();
    await settled(f.el);
    expect(deep(f.root, '#settings-title')!.textContent).to.equal('Weitere Einstellungen');
    expect(deep<HTMLSelectElement>(f.root, 'select[data-device="videoinput"]')!.value).to.equal('cam1');
    const tile = () => deep(f.root, 'timio-video-tile[data-key="anna:camera"]') as (HTMLElement & { mirror: boolean }) | null;
    expect(tile()!.mirror).to.equal(true);
    deep<HTMLInputElement>(f.root, 'input.mirrorSelf')!.click();
    await settled(f.el);
    expect(tile()!.mirror).to.equal(false);
    deep<HTMLInputElement>(f.root, 'input.hideSelf')!.click();
    await settled(f.el);
    expect(tile()).to.equal(null);
    deep<HTMLInputElement>(f.root, 'input[value="speaker"]')!.click();
    await settled(f.el);
    expect((deep(f.root, 'timio-conference-stage') as HTMLElement & { layout: string }).layout).to.equal('speaker');
    // The control bar's toggle follows: in the speaker view it offers the tile view.
    expect(deep(f.root, '.controls .layout')!.getAttribute('aria-label')).to.equal('Kachelansicht');
    await expect(f.el).to.be.accessible();
  });
});
