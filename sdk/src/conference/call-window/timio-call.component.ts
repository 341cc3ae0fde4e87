import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CallSession, CallSessionState, DeviceKind } from '../call-session.js';
import type { CallWindowCall, CallWindowEnd, CallWindowEndReason } from '../call-types.js';
import { SessionController } from '../session-controller.js';
import { playTestSound, watchMicrophoneLevel } from '../device-test.js';
import { catalogFor, localeOf } from '../../i18n/localize.js';
import type { Catalog } from '../../i18n/catalog.js';

type CallWindowStrings = Catalog['callWindow'];
import { cornerAfterKey, nearestCorner, type Corner } from './self-view-corner.js';
import { callWindowStyles } from './timio-call.styles.js';
import { icons } from './icons.js';

/** What the window needs of a session; CallSession provides it (tests may pass their own). */
export type CallWindowSession = Pick<
  CallSession,
  'snapshot' | 'subscribe' | 'setCameraEnabled' | 'setMicrophoneEnabled' | 'setScreenShareEnabled' | 'switchDevice' | 'refreshDevices' | 'startAudio'
>;

export class TimioCallWindowEndEvent extends CustomEvent<CallWindowEnd> {
  constructor(detail: CallWindowEnd) {
    super('timio-call-window-end', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-call-window-end': TimioCallWindowEndEvent;
  }
}

/**
 * The call window ("Arbeitsfenster") of a 1:1 video call: the partner's video fills it, the own
 * video is a small view that can be moved to any corner (drag, or arrow keys when focused).
 *
 * @event timio-call-window-end - The user ended the call or closed the window after it ended.
 *   detail: `{reason: 'hangup' | 'partner_left' | 'disconnected' | 'failed', call}`.
 *
 * @csspart window - The window frame.
 * @csspart header - Partner name, call time and the partner's mic/camera/screen badges.
 * @csspart stage - The video area.
 * @csspart partner-video - The partner's camera or shared screen.
 * @csspart self-view - The movable own video.
 * @csspart controls - The control bar.
 * @csspart end-button - The red "end call" button.
 * @csspart options - The "more options" panel (devices and their tests).
 *
 * @cssproperty --timio-call-inset - Distance of the window from the viewport edges (default 24px).
 * @cssproperty --timio-call-backdrop - What covers the page around the window.
 * @cssproperty --timio-call-background - Window background.
 * @cssproperty --timio-call-color - Text and icon colour.
 * @cssproperty --timio-call-muted-color - Secondary text colour.
 * @cssproperty --timio-call-z-index - Stacking order of the window.
 * @cssproperty --timio-color-primary - Focus rings and active buttons.
 * @cssproperty --timio-color-danger - The end-call button.
 * @cssproperty --timio-radius - Corner radius of the window.
 * @cssproperty --timio-font-family - Font.
 */
export class TimioCall extends LitElement {
  static override styles = callWindowStyles;

  /** The media session to show (set by openCallWindow). */
  @property({ attribute: false }) session?: CallWindowSession;
  /** The call as the token service reports it. */
  @property({ attribute: false }) call?: CallWindowCall;
  /** UI language; defaults to the page's `lang`. */
  @property() locale?: 'de' | 'en';

  @state() private corner: Corner = 'bottom-right';
  @state() private optionsOpen = false;
  @state() private fullscreen = false;
  @state() private micLevel = 0;
  @state() private now = Date.now();

  private readonly sessionState = new SessionController(this);
  private clock?: ReturnType<typeof setInterval>;
  private stopMicMeter?: () => void;
  private meteredTrack?: MediaStreamTrack;
  private drag?: { pointerId: number };
  private previousFocus?: Element | null;

  private readonly onFullscreenChange = () => {
    this.fullscreen = document.fullscreenElement === this;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.previousFocus = document.activeElement;
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.clock = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    clearInterval(this.clock);
    this.stopMeter();
    if (this.previousFocus instanceof HTMLElement) this.previousFocus.focus();
  }

  protected override firstUpdated(): void {
    // Focus moves into the window (as a dialog does) so screen readers announce it and the
    // next Tab reaches the controls.
    this.renderRoot.querySelector<HTMLElement>('.window')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.sessionState.set(this.session as CallSession | undefined);
  }

  protected override updated(): void {
    const s = this.sessionState.state;
    for (const video of this.renderRoot.querySelectorAll<HTMLVideoElement>('video[data-track]')) {
      const which = video.dataset.track;
      const track =
        which === 'partner-screen' ? s?.partner.screen
        : which === 'partner-camera' ? s?.partner.camera
        : which === 'local-camera' ? s?.local.camera
        : undefined;
      bindTrack(video, track);
    }
    // The microphone meter runs only while the options panel is open.
    const mic = this.optionsOpen ? s?.local.microphone : undefined;
    if (mic !== this.meteredTrack) {
      this.stopMeter();
      if (mic) {
        this.meteredTrack = mic;
        this.stopMicMeter = watchMicrophoneLevel(mic, (level) => (this.micLevel = level));
      }
    }
  }

  /** The catalog's call-window group, in the window's locale (else the SDK's/page's). */
  private get t(): CallWindowStrings {
    return catalogFor(this.locale ?? localeOf(this)).callWindow;
  }

  override render(): TemplateResult {
    const s = this.sessionState.state;
    const t = this.t;
    const partnerName = s?.partner.name ?? this.call?.callee.name ?? '';
    return html`
      <div class="window" part="window" role="dialog" tabindex="-1" aria-label=${t.windowLabel(partnerName)} @keydown=${this.onKeydown}>
        ${this.renderHeader(s, t, partnerName)}
        <div class="stage" part="stage">
          ${s ? this.renderPartner(s, t) : nothing} ${s ? this.renderSelf(s, t) : nothing} ${s ? this.renderProblems(s, t) : nothing}
          ${this.renderOverlay(s, t, partnerName)}
        </div>
        ${this.renderControls(s, t)} ${this.optionsOpen && s ? this.renderDeviceOptions(s, t) : nothing}
      </div>
    `;
  }

  private renderHeader(s: CallSessionState | undefined, t: CallWindowStrings, name: string) {
    const since = s?.connectedSince;
    const status = since ? formatDuration(Math.max(0, this.now - since)) : '';
    const p = s?.partner;
    const present = p?.presence === 'present';
    return html`<header part="header">
      <span class="name">${name}</span>
      <span class="status" role="timer" aria-live="off">${status}</span>
      <span class="badges">
        ${present && p.micMuted
          ? html`<span class="badge warn" data-state="partner-mic-muted">${icons.micOff}<span>${t.partnerMicMuted(name)}</span></span>`
          : nothing}
        ${present && p.cameraOff
          ? html`<span class="badge" data-state="partner-camera-off">${icons.cameraOff}<span>${t.partnerCameraOff(name)}</span></span>`
          : nothing}
        ${present && p.screen
          ? html`<span class="badge" data-state="partner-sharing">${icons.screen}<span>${t.partnerSharing(name)}</span></span>`
          : nothing}
        ${s?.local.screenSharing ? html`<span class="badge" data-state="self-sharing">${icons.screen}<span>${t.youAreSharing}</span></span>` : nothing}
      </span>
    </header>`;
  }

  private renderPartner(s: CallSessionState, t: CallWindowStrings) {
    const p = s.partner;
    if (p.presence !== 'present') return nothing;
    if (p.screen) {
      return html`
        <video class="main screen" part="partner-video" data-track="partner-screen" autoplay playsinline muted aria-label=${t.partnerScreen(p.name)}></video>
        <div class="tile partner-camera">
          ${p.camera
            ? html`<video data-track="partner-camera" autoplay playsinline muted aria-label=${t.partnerVideo(p.name)}></video>`
            : html`<div class="off">${initials(p.name)}</div>`}
        </div>
      `;
    }
    if (p.camera) {
      return html`<video class="main" part="partner-video" data-track="partner-camera" autoplay playsinline muted aria-label=${t.partnerVideo(p.name)}></video>`;
    }
    return html`<div class="avatar" data-state="partner-camera-off">
      <div class="initials" aria-hidden="true">${initials(p.name)}</div>
      <div>${t.partnerCameraOff(p.name)}</div>
    </div>`;
  }

  private renderSelf(s: CallSessionState, t: CallWindowStrings) {
    return html`<div
      class="tile self ${this.corner} ${this.drag ? 'dragging' : ''}"
      part="self-view"
      tabindex="0"
      role="group"
      aria-label=${t.ownVideo}
      aria-description=${t.ownVideoHint}
      title=${t.ownVideoHint}
      @keydown=${this.onSelfKeydown}
      @pointerdown=${this.onPointerDown}
      @pointermove=${this.onPointerMove}
      @pointerup=${this.onPointerUp}
      @pointercancel=${this.onPointerUp}
    >
      ${s.local.camera
        ? html`<video data-track="local-camera" autoplay playsinline muted></video>`
        : html`<div class="off">${t.yourCameraIsOff}</div>`}
    </div>`;
  }

  private renderProblems(s: CallSessionState, t: CallWindowStrings) {
    if (s.problems.length === 0 && !s.audioBlocked) return nothing;
    return html`<div class="problems" role="alert">
      ${s.problems.map(
        (p) => html`<div class="problem" data-problem="${p.source}-${p.failure}">${icons.warning}<span>${t.problem[p.source][p.failure]}</span></div>`,
      )}
      ${s.audioBlocked
        ? html`<div class="problem">${icons.speaker}<button class="text-button primary" @click=${() => this.session?.startAudio()}>${t.enableAudio}</button></div>`
        : nothing}
    </div>`;
  }

  private renderOverlay(s: CallSessionState | undefined, t: CallWindowStrings, name: string) {
    let message: string;
    let spinner = false;
    let closeReason: CallWindowEndReason | undefined;
    let state: string;
    if (!s || s.phase === 'idle' || s.phase === 'connecting') {
      [message, spinner, state] = [t.connecting, true, 'connecting'];
    } else if (s.phase === 'reconnecting') {
      [message, spinner, state] = [t.reconnecting, true, 'reconnecting'];
    } else if (s.phase === 'disconnected') {
      const failed = s.ended === 'failed';
      [message, state, closeReason] = [failed ? t.connectionFailed : t.callEnded, failed ? 'failed' : 'ended', failed ? 'failed' : 'disconnected'];
    } else if (s.partner.presence === 'left') {
      [message, state, closeReason] = [t.partnerLeft(name), 'partner-left', 'partner_left'];
    } else if (s.partner.presence === 'waiting') {
      [message, spinner, state] = [t.waitingFor(name), true, 'waiting'];
    } else {
      return html`<div class="visually-hidden" role="status"></div>`;
    }
    return html`<div class="overlay" data-state=${state}>
      ${spinner ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
      <div role="status">${message}</div>
      ${closeReason
        ? html`<button class="text-button primary" @click=${() => this.end(closeReason)}>${t.close}</button>`
        : nothing}
    </div>`;
  }

  private renderControls(s: CallSessionState | undefined, t: CallWindowStrings) {
    const local = s?.local;
    const live = s?.phase === 'connected' || s?.phase === 'reconnecting';
    const busy = !live || !!local?.busy;
    const camOn = !!local?.cameraOn;
    const micOn = !!local?.micOn;
    const sharing = !!local?.screenSharing;
    const canShare = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;
    return html`<div class="controls" part="controls" role="toolbar" aria-label=${t.controls}>
      <button
        class="camera ${camOn ? '' : 'toggle-off'}"
        aria-pressed=${camOn ? 'false' : 'true'}
        aria-label=${camOn ? t.cameraOff : t.cameraOn}
        title=${camOn ? t.cameraOff : t.cameraOn}
        ?disabled=${busy}
        @click=${() => this.session?.setCameraEnabled(!camOn)}
      >${camOn ? icons.camera : icons.cameraOff}</button>
      <button
        class="mic ${micOn ? '' : 'toggle-off'}"
        aria-pressed=${micOn ? 'false' : 'true'}
        aria-label=${micOn ? t.micOff : t.micOn}
        title=${micOn ? t.micOff : t.micOn}
        ?disabled=${busy}
        @click=${() => this.session?.setMicrophoneEnabled(!micOn)}
      >${micOn ? icons.mic : icons.micOff}</button>
      ${canShare
        ? html`<button
            class="screen ${sharing ? 'active' : ''}"
            aria-pressed=${sharing ? 'true' : 'false'}
            aria-label=${sharing ? t.stopSharing : t.shareScreen}
            title=${sharing ? t.stopSharing : t.shareScreen}
            ?disabled=${busy}
            @click=${() => this.session?.setScreenShareEnabled(!sharing)}
          >${icons.screen}</button>`
        : nothing}
      <button
        class="fullscreen"
        aria-pressed=${this.fullscreen ? 'true' : 'false'}
        aria-label=${this.fullscreen ? t.exitFullscreen : t.fullscreen}
        title=${this.fullscreen ? t.exitFullscreen : t.fullscreen}
        @click=${this.toggleFullscreen}
      >${this.fullscreen ? icons.fullscreenExit : icons.fullscreen}</button>
      <button
        class="more ${this.optionsOpen ? 'active' : ''}"
        aria-expanded=${this.optionsOpen ? 'true' : 'false'}
        aria-controls="options"
        aria-label=${t.moreOptions}
        title=${t.moreOptions}
        @click=${this.toggleOptions}
      >${icons.more}</button>
      <button class="end" part="end-button" aria-label=${t.endCall} title=${t.endCall} @click=${() => this.end('hangup')}>${icons.hangUp}</button>
    </div>`;
  }

  private renderDeviceOptions(s: CallSessionState, t: CallWindowStrings) {
    const select = (kind: DeviceKind, label: string) => {
      const list = s.devices[kind];
      return html`<label>
        ${label}
        <select data-device=${kind} ?disabled=${list.length === 0} @change=${(e: Event) => this.session?.switchDevice(kind, (e.target as HTMLSelectElement).value)}>
          ${list.length === 0 ? html`<option value="">${t.noDevice}</option>` : nothing}
          ${list.map((d) => html`<option value=${d.id} ?selected=${s.activeDevices[kind] === d.id}>${d.label}</option>`)}
        </select>
      </label>`;
    };
    return html`<section id="options" class="options" part="options" role="dialog" aria-labelledby="options-title" @keydown=${this.onOptionsKeydown}>
      <div class="head">
        <h2 id="options-title">${t.moreOptions}</h2>
        <button aria-label=${t.close} title=${t.close} @click=${this.toggleOptions}>${icons.close}</button>
      </div>
      ${select('videoinput', t.camera)}
      ${s.local.camera ? html`<video class="preview" data-track="local-camera" autoplay playsinline muted aria-hidden="true"></video>` : nothing}
      ${select('audioinput', t.microphone)}
      <div>
        <div class="meter" role="meter" aria-label=${t.micLevel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(this.micLevel * 100)}>
          <div style=${styleMap({ width: `${Math.round(this.micLevel * 100)}%` })}></div>
        </div>
        <div class="hint">${t.micTestHint}</div>
      </div>
      ${s.canChooseSpeaker ? select('audiooutput', t.speaker) : nothing}
      <button class="text-button test-sound" @click=${() => playTestSound(s.activeDevices.audiooutput ?? '')}>${t.playTestSound}</button>
    </section>`;
  }

  private end(reason: CallWindowEndReason): void {
    if (!this.call) return;
    this.dispatchEvent(new TimioCallWindowEndEvent({ reason, call: this.call }));
  }

  private toggleOptions = (): void => {
    this.optionsOpen = !this.optionsOpen;
    if (this.optionsOpen) {
      void this.session?.refreshDevices();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLSelectElement>('.options select')?.focus());
    } else {
      this.stopMeter();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.controls .more')?.focus());
    }
  };

  private toggleFullscreen = async (): Promise<void> => {
    if (document.fullscreenElement === this) await document.exitFullscreen();
    else await this.requestFullscreen().catch(() => undefined);
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.optionsOpen) {
      e.stopPropagation();
      this.toggleOptions();
    }
  };

  private onOptionsKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.toggleOptions();
    }
  };

  private onSelfKeydown = (e: KeyboardEvent): void => {
    const next = cornerAfterKey(this.corner, e.key);
    if (next) {
      e.preventDefault();
      this.corner = next;
    }
  };

  private onPointerDown = (e: PointerEvent): void => {
    const tile = e.currentTarget as HTMLElement;
    tile.setPointerCapture(e.pointerId);
    this.drag = { pointerId: e.pointerId };
    this.requestUpdate();
  };

  private onPointerMove = (e: PointerEvent): void => {
    if (this.drag?.pointerId !== e.pointerId) return;
    const tile = e.currentTarget as HTMLElement;
    const stage = tile.parentElement!.getBoundingClientRect();
    const x = Math.min(Math.max(e.clientX - stage.left - tile.offsetWidth / 2, 0), stage.width - tile.offsetWidth);
    const y = Math.min(Math.max(e.clientY - stage.top - tile.offsetHeight / 2, 0), stage.height - tile.offsetHeight);
    Object.assign(tile.style, { left: `${x}px`, top: `${y}px`, right: 'auto', bottom: 'auto' });
  };

  private onPointerUp = (e: PointerEvent): void => {
    if (this.drag?.pointerId !== e.pointerId) return;
    const tile = e.currentTarget as HTMLElement;
    const stage = tile.parentElement!.getBoundingClientRect();
    this.corner = nearestCorner(e.clientX - stage.left, e.clientY - stage.top, stage.width, stage.height);
    this.drag = undefined;
    tile.removeAttribute('style');
  };

  private stopMeter(): void {
    this.stopMicMeter?.();
    this.stopMicMeter = undefined;
    this.meteredTrack = undefined;
    this.micLevel = 0;
  }
}

function bindTrack(video: HTMLVideoElement, track: MediaStreamTrack | undefined): void {
  const current = (video.srcObject as MediaStream | null)?.getTracks()[0];
  if (current === track) return;
  video.srcObject = track ? new MediaStream([track]) : null;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
