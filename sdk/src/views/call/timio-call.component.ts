import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { SessionApi } from '../../session/session-api.js';
import type { ParticipantState } from '../../session/types.js';
import { catalogFor, localeOf } from '../../i18n/localize.js';
import { StoreController, sessionContext } from '../session-context.js';
import type { ControlSpec, TimioControlBar, TimioControlEvent } from '../parts/control-bar/control-bar.js';
import { runMediaControl } from '../parts/control-bar/media-controls.js';
import { callControls } from './call-controls.js';
import type { CallInfo, UserRef } from '#protocol/realtime.js';
import type { CallWindowEndReason } from './call-types.js';
import { callHeader, formatDuration } from './call-header.js';
import { callClockStart, partnerVideos } from './call-stage.js';
import { cornerAfterKey, type Corner } from './self-view-corner.js';
import { SelfViewDrag } from './self-view-drag.js';
import { isWindowMode, type WindowFrame } from './window-frame.js';
import { WindowFrameController } from './window-frame-controller.js';
import { awaySince, hasMedia, mediaShape, overlayState, type MediaShape } from './overlay-state.js';
import { endedNotice } from './ended-notice.js';
import { TimioCallWindowEndEvent, TimioCallWindowLayoutEvent } from './call-window-events.js';
import { FocusTrap } from './focus-trap.js';
import { openPictureInPicture, pictureInPictureApi, type PictureInPictureHandle } from './picture-in-picture.js';
import { callWindowStyles } from './timio-call.styles.js';
import { callWindowStrings } from '../i18n/call-window.js';
import { mediaStrings } from '../i18n/media.js';
import { stringsPending } from '../../i18n/lazy-strings.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';
import type { CallInPort } from '../conference/call-in/call-in-api.js';

export { TimioCallWindowEndEvent, TimioCallWindowLayoutEvent };
export type { CallWindowArrangement } from './call-window-events.js';
export { callClockStart } from './call-stage.js';

/** How long the window shows a departed partner as reconnecting before it offers to close (the service's rejoin grace ends the call sooner). */
const PARTNER_GRACE_MS = 30_000;

/**
 * The call window ("Arbeitsfenster") of a 1:1 video call, a view of a room session: the partner
 * on the stage, the own video in a corner (drag, or arrow keys when focused), and the shared parts
 * (video tiles, control bar, device settings, status overlay, media problems), which get the session
 * by context. Notices (media problems, a screen share the page change ended) sit in a row between the
 * stage and the control bar, so they never cover a video.
 *
 * @event timio-contact-action - One of the host's contact actions was chosen for the partner (from <timio-partner-actions>).
 * @event timio-call-window-end - The user ended the call or closed the window after it ended.
 *   detail: `{reason: 'hangup' | 'partner_left' | 'disconnected' | 'failed', call}`.
 * @event timio-call-window-layout - The person moved the own video to another corner, moved or resized the docked window, or switched between docked and full. detail: `{corner, mode, frame?: {x, y, width, height}}`.
 * @csspart window - The window frame.
 * @csspart header - Partner name, the host's contact actions for the partner, call time and state badges; drags the docked window.
 * @csspart grip - The docked window's move grip in the header (arrow keys move, Shift+arrow keys resize); not in full screen.
 * @csspart mode-toggle - The button that switches between the docked window and the full window; not in full screen.
 * @csspart resize-handle - The docked window's resize corner (pointer).
 * @csspart stage - The video area.
 * @csspart problems - The media problems (`<timio-media-problems>`) between the stage and the control bar.
 * @csspart self-view - The movable own video.
 * @csspart controls - The control bar.
 * @csspart options - The device settings ("Weitere Optionen").
 * @csspart add-person - The "Person hinzufügen" dialog (`<timio-call-in-dialog>`): colleagues join the call, which becomes a meeting.
 * @csspart notice - The "Gespräch beendet" notice left when the partner ended the call.
 * @cssproperty --timio-call-inset - Distance of the full window from the viewport edges (0 on phones).
 * @cssproperty --timio-call-mode - The window's mode when the `mode` attribute is not set: `docked` or `full` (default). Set it on `:root` or `timio-call`.
 * @cssproperty --timio-call-backdrop - What covers the page around the window.
 * @cssproperty --timio-call-background - Window background.
 * @cssproperty --timio-call-color - Text and icon colour.
 * @cssproperty --timio-z-index - Stacking order of the window.
 * @cssproperty --timio-call-notice-duration - How long the "Gespräch beendet" notice stays before it is gone (default 8s).
  *
 * @tag timio-call
 */
export class TimioCall extends LitElement {
  static override styles = callWindowStyles;

  /** The room session to show (set by openCallWindow). */
  @property({ attribute: false }) session?: SessionApi;
  /** The call as the token service reports it. */
  @property({ attribute: false }) call?: CallInfo;
  /** The other person; default the call's party that is not this user. */
  @property({ attribute: false }) partner?: UserRef;
  /**
   * "Person hinzufügen" (issue 27): the colleague dialog's port for this call (set by openCallWindow
   * on a page with the token service); without it, no such control.
   */
  @property({ attribute: false }) callIn?: CallInPort;
  /** UI language; defaults to the page's `lang`. */
  @property() locale?: 'de' | 'en';
  /**
   * `full` covers the viewport (a modal dialog); `docked` is a movable, resizable window beside the
   * page (non-modal). The person switches with the maximise/restore button. Unset: the
   * `--timio-call-mode` custom property, else `full`.
   */
  @property({ reflect: true }) mode?: 'docked' | 'full';
  /**
   * Set by the element: the mode on screen. `full` also while `mode` is `docked` on a viewport too
   * small for a window beside the page (a phone: under 480×360 CSS pixels); `mode` and `frame` stay
   * the person's for when there is room again.
   */
  @property({ reflect: true, attribute: 'shown-mode' }) shownMode: 'docked' | 'full' = 'full';
  /** The docked window's position and size; unset: bottom right. Shown clamped to the viewport. */
  @property({ attribute: false }) frame?: WindowFrame;
  /** Corner of the own video (the user moves it by dragging or with the arrow keys). */
  @property({ attribute: false }) corner: Corner = 'bottom-right';
  /** Says that the screen share ended with the previous page (the window came back after a page change). */
  @property({ type: Boolean, attribute: false }) screenShareEnded = false;
  /**
   * How long a partner who left the room shows as reconnecting (a page change of theirs) before the
   * window says they left; the token service normally ends the call first (its rejoin grace).
   */
  @property({ type: Number, attribute: false }) partnerGraceMs = PARTNER_GRACE_MS;

  @state() private optionsOpen = false;
  /** The colleague dialog was opened once (it stays in the window, closed, afterwards). */
  @state() private addingPeople = false;
  @state() private fullscreen = false;
  @state() private now = Date.now();
  /** Shown as the short "Gespräch beendet" notice instead of the window (reflected for styling). */
  @property({ type: Boolean, reflect: true }) ended = false;

  private readonly provider = new ContextProvider(this, { context: sessionContext });
  private readonly connection = new StoreController(this, () => this.session, (s) => s.connection);
  private readonly people = new StoreController(this, () => this.session, (s) => s.participants);
  private readonly departed = new StoreController(this, () => this.session, (s) => s.departed);
  private readonly local = new StoreController(this, () => this.session, (s) => s.local);
  private readonly drag = new SelfViewDrag((corner) => (this.corner = corner));
  private readonly frameCtl = new WindowFrameController(this, () => this.arranged());
  private connectedSince?: number;
  private stage = { width: 0, height: 0 };
  private shownKey = '';
  private clock?: ReturnType<typeof setInterval>;
  private resize?: ResizeObserver;
  private previousFocus?: Element | null;
  /** Since when the partner is away (out of the room, or without media in a page change; see overlay-state.ts). */
  private partnerAwaySince?: number;
  /** The partner's media while they were here (losing all of it is a page change; back, they are back once it is). */
  private partnerHad?: MediaShape;
  private endedDuration = '';
  private pip?: PictureInPictureHandle;
  private noticeGone?: () => void;

  constructor() {
    super();
    // While the window covers the page, Tab cycles inside it (a modal dialog); Escape closes an
    // open panel or menu and never ends the call.
    new FocusTrap(this, () => this.renderRoot.querySelector<HTMLElement>('.window'), () => !this.ended && this.frameCtl.coversPage());
  }

  private readonly onFullscreenChange = () => (this.fullscreen = document.fullscreenElement === this);
  override connectedCallback(): void {
    super.connectedCallback();
    this.previousFocus = document.activeElement;
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.clock = setInterval(() => (this.now = Date.now()), 1000);
    if (!this.mode) {
      const preferred = getComputedStyle(this).getPropertyValue('--timio-call-mode').trim();
      this.mode = isWindowMode(preferred) ? preferred : 'full';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    clearInterval(this.clock);
    this.resize?.disconnect();
    this.pip?.close();
    this.restoreFocus();
    this.noticeGone?.();
  }

  /** Focus goes back where it was before the window opened, unless the user has moved it since. */
  private restoreFocus(): void {
    const active = document.activeElement;
    if (active !== this && active !== document.body && active !== null) return;
    if (this.previousFocus instanceof HTMLElement && this.previousFocus.isConnected) this.previousFocus.focus();
  }

  /**
   * Turns the window into a short "Gespräch beendet" notice (the call is over; the page is free
   * again) and resolves once the person dismissed it or it faded (a few seconds, longer while the
   * pointer or focus is on it).
   */
  showEnded(): Promise<void> {
    if (!this.ended) {
      const seconds = this.call?.durationSeconds;
      this.endedDuration = seconds !== undefined ? formatDuration(seconds * 1000) : this.connectedSince ? formatDuration(this.now - this.connectedSince) : '';
      clearInterval(this.clock);
      this.pip?.close();
      if (document.fullscreenElement === this) void document.exitFullscreen().catch(() => undefined);
      this.ended = true;
      this.restoreFocus();
    }
    return new Promise((resolve) => {
      const before = this.noticeGone;
      this.noticeGone = () => {
        this.noticeGone = undefined;
        before?.();
        resolve();
      };
    });
  }

  private readonly dismissNotice = (): void => this.noticeGone?.();

  private renderEnded() {
    return endedNotice(this.t, this.partner?.name ?? this.call?.callee.name ?? '', this.endedDuration, this.locale, this.dismissNotice);
  }

  protected override firstUpdated(): void {
    // Focus moves into the window (as into a dialog): screen readers announce it, Tab reaches the controls.
    this.renderRoot.querySelector<HTMLElement>('.window')?.focus();
    this.resize = new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.stage = { width: entry.contentRect.width, height: entry.contentRect.height };
      this.reportVisible();
    });
    const stage = this.renderRoot.querySelector('.stage');
    if (stage) this.resize.observe(stage);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this.provider.setValue(this.session);
      for (const c of [this.connection, this.people, this.departed, this.local]) c.sync();
    }
    if (!this.connectedSince && this.partnerState() && this.connection.value?.phase === 'connected') this.connectedSince = callClockStart(this.call?.answeredAt);
    const partner = this.partnerState();
    this.partnerAwaySince = awaySince(this.partnerAwaySince, partner, this.partnerDeparted(), this.partnerHad, Date.now(), this.partnerGraceMs);
    if (partner && this.partnerAwaySince === undefined && hasMedia(partner)) this.partnerHad = mediaShape(partner);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.reportVisible();
    if (changed.has('corner') && changed.get('corner') !== undefined) this.arranged();
  }

  /** The person changed the arrangement: the page wiring keeps it for the tab's next page. */
  private arranged(): void {
    this.dispatchEvent(new TimioCallWindowLayoutEvent({ corner: this.corner, mode: this.mode ?? 'full', ...(this.frame ? { frame: this.frame } : {}) }));
  }

  private partnerDeparted(): boolean {
    const partnerId = this.partner?.id;
    return partnerId ? !!this.departed.value?.includes(partnerId) : (this.departed.value?.length ?? 0) > 0;
  }

  private get t(): CallWindowCatalog {
    return callWindowStrings(catalogFor(this.locale ?? localeOf(this)));
  }


  /** The first render in a language waits for its strings (i18n/lazy-strings.ts): no German flash on an English page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(catalogFor(this.locale ?? localeOf(this)), callWindowStrings, mediaStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  private partnerState(): ParticipantState | undefined {
    const list = this.people.value ?? [];
    return this.partner ? list.find((p) => p.identity === this.partner!.id) : list.find((p) => !p.isLocal);
  }

  override render() {
    if (this.ended) return this.renderEnded();
    const t = this.t;
    const partner = this.partnerState();
    const self = this.people.value?.find((p) => p.isLocal);
    const name = partner?.name ?? this.partner?.name ?? this.call?.callee.name ?? '';
    const elapsed = this.connectedSince ? formatDuration(Math.max(0, this.now - this.connectedSince)) : '';
    const overlay = overlayState(this.connection.value, { partner, departed: this.partnerDeparted(), awaySince: this.partnerAwaySince, now: this.now, graceMs: this.partnerGraceMs }, t, name);
    // While the partner reconnects, their last state is no news: no badges, no "camera off" under the overlay.
    const away = overlay.state === 'partner-reconnecting';
    return html`<div class="window" part="window" role="dialog" aria-modal=${this.frameCtl.covering ? 'true' : 'false'} tabindex="-1" aria-label=${t.windowLabel(name)} lang=${this.locale ?? nothing} @keydown=${this.onKeydown}>
      ${callHeader(t, name, elapsed, away ? undefined : partner, !!this.local.value?.screenSharing, this.partner ? { id: this.partner.id, name } : undefined, this.locale, this.frameCtl.tools(t, this.fullscreen))}
      <div class="stage" part="stage">
        ${partner && !away ? this.renderPartner(partner) : nothing}
        ${self ? this.renderSelf(self) : nothing}
        <timio-status-overlay state=${overlay.state} message=${overlay.message} ?spinner=${overlay.spinner} action=${overlay.close ? t.close : ''}
          @timio-overlay-action=${() => overlay.close && this.end(overlay.close)}></timio-status-overlay>
        ${this.optionsOpen ? html`<timio-device-settings id="options" class="options" part="options" ?pip=${!!pictureInPictureApi()}
          @timio-close=${this.toggleOptions} @timio-control=${this.onControl}></timio-device-settings>` : nothing}
      </div>
      <div class="toasts">
        ${this.screenShareEnded
          ? html`<p class="page-notice" role="status" data-notice="screen-share-ended">${t.screenShareEndedByPage}
              <button type="button" class="page-notice-close" aria-label=${t.close} title=${t.close} @click=${() => (this.screenShareEnded = false)}>×</button></p>`
          : nothing}
        <timio-media-problems part="problems"></timio-media-problems>
      </div>
      ${this.addingPeople && this.callIn ? html`<timio-call-in-dialog part="add-person" .port=${this.callIn}></timio-call-in-dialog>` : nothing}
      <timio-control-bar part="controls" label=${t.controls} .controls=${this.controlSpecs()} @timio-control=${this.onControl}></timio-control-bar>
      ${this.shownMode === 'docked'
        ? html`<div class="resize" part="resize-handle" aria-hidden="true" title=${t.resizeWindow}
            @pointerdown=${this.frameCtl.resize.down} @pointermove=${this.frameCtl.resize.move} @pointerup=${this.frameCtl.resize.up} @pointercancel=${this.frameCtl.resize.up}></div>`
        : nothing}
    </div>`;
  }

  private renderPartner(p: ParticipantState) {
    if (p.screen) {
      return html`<timio-video-tile class="main screen" source="screen" .participant=${p}></timio-video-tile>
        <timio-video-tile class="tile partner-camera" compact .participant=${p}></timio-video-tile>`;
    }
    return html`<timio-video-tile class="main" .participant=${p}></timio-video-tile>`;
  }

  private renderSelf(self: ParticipantState) {
    const t = this.t;
    return html`<timio-video-tile class="tile self ${this.corner} ${this.drag.dragging ? 'dragging' : ''}" part="self-view" mirror
      tabindex="0" role="group" aria-label=${t.ownVideo} aria-description=${t.ownVideoHint} title=${t.ownVideoHint} .participant=${self}
      @keydown=${this.onSelfKeydown} @pointerdown=${this.drag.down} @pointermove=${this.drag.move} @pointerup=${this.drag.up} @pointercancel=${this.drag.up}></timio-video-tile>`;
  }

  private controlSpecs(): ControlSpec[] {
    const phase = this.connection.value?.phase;
    // People join only while the call runs.
    return callControls(this.local.value, { live: phase === 'connected' || phase === 'reconnecting', addPerson: !!this.callIn && this.call?.state === 'active', fullscreen: this.fullscreen, optionsOpen: this.optionsOpen }, this.t);
  }

  /** Tells the session which videos are on screen and how large (the rest is not received). */
  private reportVisible(): void {
    const p = this.partnerState();
    if (!this.session || !p || !this.stage.width) return;
    const shown = partnerVideos(p, this.stage.width, this.stage.height);
    const key = JSON.stringify(shown.map((v) => [v.identity, v.source, Math.round(v.width / 32), Math.round(v.height / 32)]));
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.session.showVideos(shown);
  }

  private end(reason: CallWindowEndReason): void {
    if (this.call) this.dispatchEvent(new TimioCallWindowEndEvent({ reason, call: this.call }));
  }

  private onControl = (e: TimioControlEvent): void => {
    const id = e.detail.id;
    if (this.session && runMediaControl(this.session, id, this.local.value)) return;
    if (id === 'fullscreen') void this.toggleFullscreen();
    else if (id === 'more') this.toggleOptions();
    else if (id === 'picture-in-picture') void this.openPip();
    else if (id === 'add-person') void this.openAddPerson();
    else if (id === 'end') this.end('hangup');
  };

  private toggleOptions = (): void => {
    this.optionsOpen = !this.optionsOpen;
    void this.updateComplete.then(() => {
      if (this.optionsOpen) this.renderRoot.querySelector<HTMLElement>('.options')?.focus();
      else this.renderRoot.querySelector<TimioControlBar>('timio-control-bar')?.shadowRoot?.querySelector<HTMLElement>('.more')?.focus();
    });
  };

  /** "Person hinzufügen": the colleague dialog (its own chunk, loaded on the first press). */
  private async openAddPerson(): Promise<void> {
    if (this.optionsOpen) this.toggleOptions();
    await import('../conference/call-in/call-in-dialog.js');
    this.addingPeople = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<HTMLElement & { show(): Promise<void> }>('timio-call-in-dialog')?.show();
  }

  /** "Bild im Bild": the call also in a small always-on-top window (closing it returns here). */
  private async openPip(): Promise<void> {
    if (!this.session) return;
    if (this.optionsOpen) this.toggleOptions();
    if (this.pip && !this.pip.window.closed) return;
    try {
      const name = this.partnerState()?.name ?? this.partner?.name ?? '';
      this.pip = await openPictureInPicture({
        session: this.session, partnerId: this.partner?.id, partnerName: name, t: this.t, lang: this.locale ?? localeOf(this),
        onHangUp: () => this.end('hangup'),
      });
    } catch (err) {
      console.warn('[timio] picture-in-picture failed', err);
    }
  }

  private async toggleFullscreen(): Promise<void> {
    if (document.fullscreenElement === this) await document.exitFullscreen();
    else await this.requestFullscreen().catch(() => undefined);
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.optionsOpen) {
      e.stopPropagation();
      this.toggleOptions();
      return;
    }
    this.renderRoot.querySelector<TimioControlBar>('timio-control-bar')?.handleShortcut(e);
  };

  private onSelfKeydown = (e: KeyboardEvent): void => {
    const next = cornerAfterKey(this.corner, e.key);
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    this.corner = next;
  };
}
