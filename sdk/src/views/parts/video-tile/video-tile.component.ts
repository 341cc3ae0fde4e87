import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParticipantState } from '../../../session/types.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { icons } from '../../icons.js';
import { initials } from '../../../elements/shared/initials.js';
import { videoTileStyles } from './video-tile.styles.js';
import { callWindowStrings } from '../../i18n/call-window.js';
import { mediaStrings } from '../../i18n/media.js';

/**
 * One participant's picture: their camera or shared screen, or their initials when there is no
 * video; optionally a name bar with badges (microphone off, hand raised, guest, moderator, weak
 * connection). A speaking participant gets a ring.
 *
 * @csspart video - The <video>.
 * @csspart avatar - Initials shown instead of video.
 * @csspart name-bar - Name and badges.
 * @csspart reconnecting - "… wird wiederhergestellt" over a participant who went without a goodbye (a page change).
 *
 * @cssproperty --timio-tile-fit - How the video fills the tile (`cover` by default, `contain` for screens).
 * @cssproperty --timio-call-control - Background behind the initials.
 * @cssproperty --timio-call-color - Text colour.
 * @cssproperty --timio-color-primary - The speaking ring.
  *
 * @tag timio-video-tile
 */
export class TimioVideoTile extends LitElement {
  static override styles = videoTileStyles;

  /** Whose picture. */
  @property({ attribute: false }) participant?: ParticipantState;
  /** Which of their videos. */
  @property() source: 'camera' | 'screen' = 'camera';
  /** Show the name bar with badges (tile views); off where the view names the person itself. */
  @property({ type: Boolean }) named = false;
  /** Mirror the picture (one's own camera). */
  @property({ type: Boolean }) mirror = false;
  /** Initials only, without the sentence under them (small tiles). */
  @property({ type: Boolean }) compact = false;
  /** Reflected for styling: the participant is speaking (tile views only: `named`). */
  @property({ type: Boolean, reflect: true }) speaking = false;

  private readonly localize = new LocalizeController(this);

  protected override willUpdate(): void {
    this.speaking = this.named && !!this.participant?.speaking && this.source === 'camera';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    const track = this.currentTrack();
    const current = (video.srcObject as MediaStream | null)?.getTracks()[0];
    if (current !== track) video.srcObject = track ? new MediaStream([track]) : null;
  }

  private currentTrack(): MediaStreamTrack | undefined {
    const p = this.participant;
    const state = this.source === 'screen' ? p?.screen : p?.camera;
    return state && !state.muted ? state.track : undefined;
  }

  override render() {
    const p = this.participant;
    if (!p) return nothing;
    const t = this.localize.t;
    const prefix = p.isLocal ? 'local' : 'partner';
    const track = this.currentTrack();
    const label = this.source === 'screen' ? callWindowStrings(t).partnerScreen(p.name) : p.isLocal ? callWindowStrings(t).ownVideo : callWindowStrings(t).partnerVideo(p.name);
    // tabindex -1: Firefox makes a <video> a Tab stop of its own; the tile's controls are the stops.
    return html`${track
        ? html`<video part="video" class=${this.mirror ? 'mirror' : ''} data-track="${prefix}-${this.source}" autoplay playsinline muted tabindex="-1" aria-label=${label}></video>`
        : html`<div class="avatar ${this.compact ? 'compact' : ''}" part="avatar" data-state="${prefix}-camera-off">
            <div class="initials" aria-hidden="true">${initials(p.name)}</div>
            ${this.compact ? nothing : html`<div class="off-text">${p.isLocal ? callWindowStrings(t).yourCameraIsOff : callWindowStrings(t).partnerCameraOff(p.name)}</div>`}
          </div>`}
      ${p.reconnecting ? html`<div class="reconnecting" part="reconnecting" data-state="reconnecting">${callWindowStrings(t).partnerReconnecting(p.name)}</div>` : nothing}
      ${this.named ? this.renderNameBar(p) : nothing}`;
  }

  private renderNameBar(p: ParticipantState) {
    const m = mediaStrings(this.localize.t);
    const badge = (key: string, icon: unknown, text: string) =>
      html`<span class="badge ${key}" data-badge=${key} title=${text}>${icon}<span class="sr-only">${text}</span></span>`;
    const poor = p.reconnecting ? 'lost' : p.quality === 'poor' || p.quality === 'lost' ? p.quality : undefined;
    return html`<div class="name-bar" part="name-bar">
      ${p.handRaisedAt ? badge('hand', icons.hand, m.handRaised) : nothing}
      <span class="name">${this.source === 'screen' ? callWindowStrings(this.localize.t).partnerScreen(p.isLocal ? m.self(p.name) : p.name) : p.isLocal ? m.self(p.name) : p.name}</span>
      ${p.moderator ? html`<span class="tag" data-badge="moderator">${m.moderator}</span>` : nothing}
      ${p.guest ? html`<span class="tag" data-badge="guest">${m.guest}</span>` : nothing}
      ${!p.microphone || p.microphone.muted ? badge('mic-muted', icons.micOff, m.micMuted) : nothing}
      ${poor ? badge(`quality-${poor}`, icons.signal, m.quality[poor]) : nothing}
      ${this.speaking ? html`<span class="sr-only" data-badge="speaking">${m.speaking}</span>` : nothing}
    </div>`;
  }
}
