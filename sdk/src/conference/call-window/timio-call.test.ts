// <timio-call> in Chromium: each state of the call window as the user sees it, and keyboard use.
// The session here is a small stand-in that publishes snapshots like CallSession does (the real
// session against a media server is exercised end to end in e2e/one-on-one-call.test.ts).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import type { CallSessionState, DeviceKind } from '../call-session.js';
import type { CallWindowCall } from '../call-types.js';
import { TimioCall, defineTimioCall } from './timio-call.js';
import { cornerAfterKey, nearestCorner } from './self-view-corner.js';

// Mocha's globals (the project has no @types/mocha).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineTimioCall();

const call: CallWindowCall = {
  id: 'c1', room: 'call-c1', state: 'active',
  caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' },
};

class FakeSession {
  calls: string[] = [];
  snapshot: CallSessionState = {
    phase: 'connecting',
    partner: { id: 'ben', name: 'Ben Müller', presence: 'waiting', cameraOff: true, micMuted: true, speaking: false },
    local: { cameraOn: false, micOn: false, screenSharing: false, busy: false },
    problems: [],
    audioBlocked: false,
    devices: { videoinput: [], audioinput: [], audiooutput: [] },
    activeDevices: {},
    canChooseSpeaker: true,
  };
  private listeners = new Set<(s: CallSessionState) => void>();
  subscribe(l: (s: CallSessionState) => void) {
    this.listeners.add(l);
    l(this.snapshot);
    return () => this.listeners.delete(l);
  }
  set(patch: Partial<CallSessionState>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l(this.snapshot);
  }
  async setCameraEnabled(on: boolean) { this.calls.push(`camera:${on}`); }
  async setMicrophoneEnabled(on: boolean) { this.calls.push(`mic:${on}`); }
  async setScreenShareEnabled(on: boolean) { this.calls.push(`screen:${on}`); }
  async switchDevice(kind: DeviceKind, id: string) { this.calls.push(`device:${kind}:${id}`); }
  async refreshDevices() { this.calls.push('refresh'); }
  async startAudio() { this.calls.push('startAudio'); }
}

/** A real, moving video track (a canvas), so <video> elements get frames. */
function canvasTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d')!;
  let n = 0;
  setInterval(() => {
    ctx.fillStyle = `hsl(${(n++ * 7) % 360} 60% 50%)`;
    ctx.fillRect(0, 0, 320, 180);
  }, 40);
  return canvas.captureStream(25).getVideoTracks()[0]!;
}

async function open(locale: 'de' | 'en' = 'de') {
  const session = new FakeSession();
  const el = await fixture<TimioCall>(html`<timio-call .session=${session} .call=${call} locale=${locale}></timio-call>`);
  return { el, session, root: el.shadowRoot! };
}

const text = (root: ShadowRoot, sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<timio-call>', () => {
  it('shows connecting, then waiting for the partner, then the partner video', async () => {
    const { el, session, root } = await open('de');
    expect(text(root, '.overlay[data-state="connecting"]')).to.contain('Verbindung wird aufgebaut');
    session.set({ phase: 'connected' });
    await el.updateComplete;
    expect(text(root, '.overlay[data-state="waiting"]')).to.contain('Warten auf Ben Müller');
    const track = canvasTrack();
    session.set({ partner: { ...session.snapshot.partner, presence: 'present', camera: track, cameraOff: false, micMuted: false }, connectedSince: Date.now() });
    await el.updateComplete;
    expect(root.querySelector('.overlay') === null).to.equal(true);
    const video = root.querySelector<HTMLVideoElement>('video[part="partner-video"]')!;
    expect((video.srcObject as MediaStream).getVideoTracks()[0] === track).to.equal(true);
    expect(video.getAttribute('aria-label')).to.equal('Videoansicht von Ben Müller');
    await waitUntil(() => video.videoWidth > 0, 'partner video shows frames');
    await expect(el).to.be.accessible();
  });

  it("shows the partner's muted mic, stopped camera and shared screen", async () => {
    const { el, session, root } = await open('en');
    session.set({ phase: 'connected', partner: { ...session.snapshot.partner, presence: 'present', micMuted: true, cameraOff: true } });
    await el.updateComplete;
    expect(text(root, '[data-state="partner-mic-muted"]')).to.equal('Ben Müller muted their microphone');
    expect(text(root, '.avatar')).to.contain('Ben Müller turned their camera off');
    expect(text(root, '.avatar .initials')).to.equal('BM');
    session.set({ partner: { ...session.snapshot.partner, screen: canvasTrack(), camera: canvasTrack(), cameraOff: false } });
    await el.updateComplete;
    expect(text(root, '[data-state="partner-sharing"]')).to.equal('Ben Müller is sharing their screen');
    expect(root.querySelector('video[data-track="partner-screen"]')?.getAttribute('aria-label')).to.equal('Screen of Ben Müller');
    expect(root.querySelector('.tile.partner-camera video')).to.not.equal(null);
  });

  it('shows reconnecting, partner left and a failed connection; Close ends with the reason', async () => {
    const { el, session, root } = await open('de');
    session.set({ phase: 'reconnecting' });
    await el.updateComplete;
    expect(text(root, '.overlay[data-state="reconnecting"]')).to.contain('Verbindung unterbrochen');
    session.set({ phase: 'connected', partner: { ...session.snapshot.partner, presence: 'left' } });
    await el.updateComplete;
    expect(text(root, '.overlay[data-state="partner-left"]')).to.contain('Ben Müller hat das Gespräch verlassen.');
    const ended = oneEvent(el, 'timio-call-window-end');
    root.querySelector<HTMLButtonElement>('.overlay button')!.click();
    expect((await ended).detail.reason).to.equal('partner_left');
    session.set({ phase: 'disconnected', ended: 'failed' });
    await el.updateComplete;
    expect(text(root, '.overlay[data-state="failed"]')).to.contain('Die Verbindung ist fehlgeschlagen.');
  });

  it('tells the user when camera permission is denied or there is no microphone', async () => {
    const { el, session, root } = await open('de');
    session.set({
      phase: 'connected',
      problems: [{ source: 'camera', failure: 'permission_denied' }, { source: 'microphone', failure: 'no_device' }],
    });
    await el.updateComplete;
    expect(root.querySelector('.problems')?.getAttribute('role')).to.equal('alert');
    expect(text(root, '[data-problem="camera-permission_denied"]')).to.contain('Kein Zugriff auf die Kamera');
    expect(text(root, '[data-problem="microphone-no_device"]')).to.contain('Es wurde kein Mikrofon gefunden.');
    expect(text(root, '.self')).to.contain('Ihre Kamera ist aus');
  });

  it('controls: labelled toggles that call the session, end call by keyboard', async () => {
    const { el, session, root } = await open('de');
    session.set({ phase: 'connected', local: { cameraOn: true, micOn: true, screenSharing: false, busy: false, camera: canvasTrack() } });
    await el.updateComplete;
    const label = (sel: string) => root.querySelector(sel)!.getAttribute('aria-label');
    expect(label('.controls .camera')).to.equal('Kamera ausschalten');
    expect(label('.controls .mic')).to.equal('Mikrofon stummschalten');
    expect(label('.controls .screen')).to.equal('Bildschirm teilen');
    expect(label('.controls .fullscreen')).to.equal('Vollbild-Modus');
    expect(label('.controls .more')).to.equal('Weitere Optionen');
    expect(label('.controls .end')).to.equal('Gespräch beenden');
    // Focus starts on the window, announced by its label.
    expect(root.activeElement?.getAttribute('aria-label')).to.equal('Videocall mit Ben Müller');
    root.querySelector<HTMLButtonElement>('.controls .camera')!.click();
    root.querySelector<HTMLButtonElement>('.controls .mic')!.click();
    root.querySelector<HTMLButtonElement>('.controls .screen')!.click();
    expect(session.calls).to.deep.equal(['camera:false', 'mic:false', 'screen:true']);
    session.set({ local: { ...session.snapshot.local, cameraOn: false, micOn: false, camera: undefined } });
    await el.updateComplete;
    expect(label('.controls .camera')).to.equal('Kamera einschalten');
    expect(root.querySelector('.controls .camera')!.getAttribute('aria-pressed')).to.equal('true');
    const ended = oneEvent(el, 'timio-call-window-end');
    const end = root.querySelector<HTMLButtonElement>('.controls .end')!;
    end.focus();
    end.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    end.click(); // a keyboard Enter on a <button> activates it as a click
    const detail = (await ended).detail;
    expect(detail.reason).to.equal('hangup');
    expect(detail.call.id).to.equal('c1');
  });

  it('more options: device lists, switching, Escape closes and returns focus', async () => {
    const { el, session, root } = await open('en');
    session.set({
      phase: 'connected',
      local: { cameraOn: true, micOn: true, screenSharing: false, busy: false, camera: canvasTrack() },
      devices: {
        videoinput: [{ id: 'cam1', label: 'Front camera' }, { id: 'cam2', label: 'USB camera' }],
        audioinput: [{ id: 'mic1', label: 'Headset' }],
        audiooutput: [{ id: 'spk1', label: 'Speakers' }],
      },
      activeDevices: { videoinput: 'cam1' },
    });
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('.controls .more')!.click();
    await el.updateComplete;
    await el.updateComplete;
    const panel = root.querySelector('.options')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal('options-title');
    expect(session.calls).to.include('refresh');
    const camSelect = panel.querySelector<HTMLSelectElement>('select[data-device="videoinput"]')!;
    expect(root.activeElement === camSelect).to.equal(true);
    expect([...camSelect.options].map((o) => o.textContent)).to.deep.equal(['Front camera', 'USB camera']);
    camSelect.value = 'cam2';
    camSelect.dispatchEvent(new Event('change'));
    expect(session.calls).to.include('device:videoinput:cam2');
    expect(panel.querySelector('select[data-device="audiooutput"]')).to.not.equal(null);
    expect(panel.querySelector('[role="meter"]')?.getAttribute('aria-label')).to.equal('Microphone level');
    expect(panel.querySelector('.test-sound')?.textContent).to.equal('Play test sound');
    await expect(el).to.be.accessible();
    camSelect.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(root.querySelector('.options') === null).to.equal(true);
    expect(root.activeElement === root.querySelector('.controls .more')).to.equal(true);
  });

  it('own video moves between corners with the arrow keys', async () => {
    const { el, session, root } = await open('de');
    session.set({ phase: 'connected' });
    await el.updateComplete;
    const self = root.querySelector<HTMLElement>('.self')!;
    expect(self.getAttribute('aria-label')).to.equal('Eigene Videoansicht');
    expect(self.classList.contains('bottom-right')).to.equal(true);
    self.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    await el.updateComplete;
    self.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(root.querySelector('.self')!.classList.contains('top-left')).to.equal(true);
  });
});

describe('self-view corners', () => {
  it('snaps to the nearest corner and follows arrow keys', () => {
    expect(nearestCorner(10, 10, 800, 600)).to.equal('top-left');
    expect(nearestCorner(790, 590, 800, 600)).to.equal('bottom-right');
    expect(nearestCorner(700, 100, 800, 600)).to.equal('top-right');
    expect(cornerAfterKey('bottom-right', 'ArrowLeft')).to.equal('bottom-left');
    expect(cornerAfterKey('bottom-left', 'ArrowUp')).to.equal('top-left');
    expect(cornerAfterKey('top-left', 'Enter')).to.equal(undefined);
  });
});
