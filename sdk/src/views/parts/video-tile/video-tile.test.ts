// <timio-video-tile> in Chromium: video or initials, the name bar and its badges, axe.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { canvasTrack } from '../../../../../testing/browser/fake-session.js';
import type { ParticipantState } from '../../../session/types.js';
import { defineVideoTile, type TimioVideoTile } from './video-tile.js';
import { callWindowStrings } from '../../i18n/call-window.js';
import { mediaStrings } from '../../i18n/media.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineVideoTile();

const ben: ParticipantState = { identity: 'ben', name: 'Ben Müller', isLocal: false, guest: false, moderator: false, speaking: false, quality: 'good', joinedAt: 1 };
const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<timio-video-tile>', () => {
  it('shows the camera with frames, labelled with the person’s name', async () => {
    const track = canvasTrack();
    const el = await fixture<TimioVideoTile>(html`<timio-video-tile lang="de" style="width:320px;height:180px" .participant=${{ ...ben, camera: { sid: 'C', muted: false, track } }}></timio-video-tile>`);
    const video = el.shadowRoot!.querySelector('video')!;
    expect(video.dataset.track).to.equal('partner-camera');
    expect(video.getAttribute('aria-label')).to.equal('Videoansicht von Ben Müller');
    await waitUntil(() => video.videoWidth > 0, 'frames arrive');
    await expect(el).to.be.accessible();
  });

  it('shows initials and the sentence when the camera is off; compact shows initials only', async () => {
    // Alone (not inside the call window or conference, which wait for them), the tile shows German
    // until the English strings have arrived.
    await Promise.all([mediaStrings.load('en'), callWindowStrings.load('en')]);
    const el = await fixture<TimioVideoTile>(html`<timio-video-tile lang="en" .participant=${{ ...ben, camera: { sid: 'C', muted: true } }}></timio-video-tile>`);
    expect(el.shadowRoot!.querySelector('video')).to.equal(null);
    expect(text(el, '.avatar[data-state="partner-camera-off"] .initials')).to.equal('BM');
    expect(text(el, '.avatar')).to.contain('Ben Müller turned their camera off');
    el.compact = true;
    await el.updateComplete;
    expect(text(el, '.avatar')).to.equal('BM');
  });

  it('name bar: muted, hand, guest, moderator, weak connection, speaking; this user marked', async () => {
    const el = await fixture<TimioVideoTile>(html`<timio-video-tile lang="de" named style="width:320px;height:180px" .participant=${{
      ...ben, guest: true, moderator: true, handRaisedAt: '2026-01-01T10:00:00Z', quality: 'poor', speaking: true, microphone: { sid: 'M', muted: true },
    }}></timio-video-tile>`);
    const badges = [...el.shadowRoot!.querySelectorAll('[data-badge]')].map((b) => b.getAttribute('data-badge'));
    expect(badges).to.deep.equal(['hand', 'moderator', 'guest', 'mic-muted', 'quality-poor', 'speaking']);
    expect(text(el, '.name-bar')).to.equal('Hand gehoben Ben Müller Moderation Gast Mikrofon aus Schwache Verbindung Spricht');
    expect(el.hasAttribute('speaking')).to.equal(true);
    await expect(el).to.be.accessible();
    el.participant = { ...ben, isLocal: true, microphone: { sid: 'M', muted: false } };
    await el.updateComplete;
    expect(text(el, '.name')).to.equal('Ben Müller (Sie)');
    expect(el.shadowRoot!.querySelector('[data-badge="mic-muted"]')).to.equal(null);
    expect(el.hasAttribute('speaking')).to.equal(false);
  });

  it('shows a shared screen, labelled as the screen', async () => {
    const el = await fixture<TimioVideoTile>(html`<timio-video-tile lang="en" source="screen" .participant=${{ ...ben, screen: { sid: 'S', muted: false, track: canvasTrack() } }}></timio-video-tile>`);
    const video = el.shadowRoot!.querySelector('video')!;
    expect(video.dataset.track).to.equal('partner-screen');
    expect(video.getAttribute('aria-label')).to.equal('Ben Müller\'s screen');
  });
});
