import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RoomRing } from '#protocol/realtime.js';
import type { HostCallEvent, IncomingCallView } from '../../calls/call-types.js';
import type { Catalog } from '../../i18n/catalog.js';
import { TimioConferenceRequestEvent, TimioRoomRingAcceptEvent, TimioRoomRingDismissEvent, TimioRoomRingEvent } from '../../events.js';
import { LocalizeController } from '../../i18n/localize.js';
import { CallsController } from '../shared/calls-controller.js';
import { openConference, pageServices, whenRealtime, type OpenConferenceRequest } from '../../page/page-services.js';
import { bellIcon, bellOffIcon, phoneDownIcon, videoIcon } from '../shared/icons.js';
import { askForDesktopNotifications } from '../call-button/call-button.component.js';
import { Ringer, loadRingMuted, saveRingMuted } from './ringer.js';
import { notificationsStyles } from './notifications.styles.js';
import { DesktopNotifications, type RingingText } from './desktop-notifications.js';
import { PopupFocus } from './popup-focus.js';
import { domId } from './notification-text.js';
import { initials } from '../shared/initials.js';

/** How long a finished outgoing call ("declined", "no answer", …) and an error stay visible. */
const NOTICE_MS = 8000;

interface Notice { id: number; message: string }

/**
 * The page's call popups: an incoming call with the caller's name, accept and decline, a ring
 * tone (muted by the user's choice) and a desktop notification while the page is in the
 * background; the caller's own "ringing …", "declined", "no answer" and "busy"; and the
 * invitation to a room's meeting ("Einladung zur Videobesprechung" / "Teilnehmen").
 * The SDK adds one to the page when the page has none. (The call events `timio-call-*` come from
 * the page wiring, on `document`, with or without this element.)
 *
 * @tag timio-notifications
 *
 * @event timio-room-ring - A room invitation arrived; cancelable (hides the popup). detail: RoomRing.
 * @event timio-room-ring-accept - "Teilnehmen" was chosen; cancelable. detail: RoomRing.
 * @event timio-room-ring-dismiss - The invitation was dismissed. detail: RoomRing.
 * @event timio-call-resumed - On `document`, from the page wiring: after a page change or reload, this page took
 *   over the call its tab held (sent instead of a second `timio-call-started`). detail: CallInfo.
 *
 * @csspart stack - The column of popups.
 * @csspart popup - Each popup.
 * @csspart accept - The accept / join button.
 * @csspart decline - The decline / hang-up button.
 *
 * @cssproperty --timio-notifications-inset - Distance from the viewport's bottom and end edges (default 16px).
 * @cssproperty --timio-notifications-width - Width of the popups (default 22rem).
 * @cssproperty --timio-notifications-background - Popup background.
 * @cssproperty --timio-color-primary - Accent, focus rings.
 * @cssproperty --timio-color-success - Accept button.
 * @cssproperty --timio-color-danger - Decline and hang-up buttons.
 */
export class TimioNotifications extends LitElement {
  static override styles = notificationsStyles;

  /** The instance that sends the page's call events (the first one connected). */
  private static primary?: TimioNotifications;
  /** Opens a room's conference; tests and hosts with their own loader may replace it. */
  static openConference: (request: OpenConferenceRequest) => Promise<unknown> = openConference;

  /** Silences the ring tone; the user's own choice is remembered in this browser. */
  @property({ type: Boolean, reflect: true }) muted: boolean = loadRingMuted();
  /** Whether the ring tone is playing (read-only, reflected for tests and styling). */
  @property({ type: Boolean, reflect: true }) ringing = false;

  @state() private rings: RoomRing[] = [];
  @state() private notices: Notice[] = [];
  /** The invitation whose "Teilnehmen" waits for the user to leave their current call. */
  @state() private leavingFor?: string;

  private readonly localize = new LocalizeController(this);
  private readonly calls = new CallsController(this);
  private readonly ringer = new Ringer();
  private readonly desktop = new DesktopNotifications();
  private readonly popupFocus = new PopupFocus();
  private cleanup: Array<() => void> = [];
  private noticeId = 0;
  /** The call whose window this page shows (to tell when it ends before the partner ever came). */
  private windowCall?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    TimioNotifications.primary ??= this;
    if (TimioNotifications.primary !== this) return;
    this.cleanup.push(this.calls.machine.onHostEvent((event) => this.onHostEvent(event)));
    let stopRings: Array<() => void> = [];
    const cancel = whenRealtime((realtime) => {
      stopRings = [realtime.onRoomRing((ring) => this.showRoomRing(ring)), realtime.onRoomRingEnded((id) => this.removeRing(id))];
    });
    this.cleanup.push(cancel, () => stopRings.forEach((stop) => stop()));
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cleanup.forEach((stop) => stop());
    this.cleanup = [];
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.ringer.stop();
    this.desktop.close();
    if (TimioNotifications.primary === this) TimioNotifications.primary = undefined;
  }

  /** Shows a room invitation (the realtime connection calls this; hosts and tests may too). */
  showRoomRing(ring: RoomRing): void {
    if (this.rings.some((r) => r.id === ring.id)) return;
    if (!this.dispatchEvent(new TimioRoomRingEvent(ring))) return;
    this.rings = [...this.rings, ring];
  }

  /** Removes a room invitation (it ended or was answered elsewhere). */
  removeRing(id: string): void {
    this.rings = this.rings.filter((r) => r.id !== id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { incoming, active } = this.calls.snapshot;
    if (active) this.windowCall = active.id;
    // Silent invitations (signed in late, or busy in a call or conference) show without a ring tone.
    this.ringing = !this.muted && (incoming.some((i) => i.phase === 'ringing') || this.rings.some((r) => !r.silent));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.ringing) this.ringer.start();
    else this.ringer.stop();
    this.syncDesktopNotifications();
    this.popupFocus.update(this, [...this.renderRoot.querySelectorAll<HTMLElement>('[role="alertdialog"]')]);
    // An ended call's popup closes by itself (with the calls chunk, as the popup).
    this.calls.machine.chunk?.closeEndedLater(this.calls.machine, NOTICE_MS);
  }

  override render() {
    const t = this.localize.t;
    const { incoming, outgoing } = this.calls.snapshot;
    // The caller's popup comes with the calls chunk, which an outgoing call loads (outgoing-popup.ts).
    const chunk = this.calls.machine.chunk;
    const cancel = () => void this.calls.machine.cancel();
    return html`<div class="stack" part="stack">
        ${incoming.map((i) => this.renderIncoming(t, i))} ${this.rings.map((r) => this.renderRing(t, r))}
        ${outgoing && chunk ? chunk.outgoingPopup(t, outgoing, cancel) : nothing} ${this.notices.map((n) => this.renderNotice(t, n))}
      </div>
      <div class="sr-only" role="status">${outgoing && chunk ? chunk.outgoingMessage(t, outgoing) : ''}</div>`;
  }

  private renderIncoming(t: Catalog, view: IncomingCallView): TemplateResult {
    const { call } = view;
    const id = domId(call.id);
    const accepting = view.phase === 'accepting';
    return html`<div class="popup incoming" part="popup" role="alertdialog" aria-labelledby="in-title-${id}" aria-describedby="in-msg-${id}" data-call=${call.id} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && !accepting && this.decline(call.id)}>
      <div class="avatar" aria-hidden="true">${initials(call.caller.name)}</div>
      <div class="text">
        <p class="title" id="in-title-${id}">${t.incomingCall.title}</p>
        <p class="message" id="in-msg-${id}">${(accepting && this.calls.machine.chunk?.outgoingStrings(t).connecting(call.caller.name)) || t.incomingCall.from(call.caller.name)}</p>
      </div>
      <button class="icon mute" type="button" aria-pressed=${this.muted ? 'true' : 'false'} aria-label=${t.incomingCall.muteRing} title=${this.muted ? t.incomingCall.unmuteRing : t.incomingCall.muteRing} @click=${this.toggleMute}>${this.muted ? bellOffIcon : bellIcon}</button>
      <div class="actions">
        <button class="decline" part="decline" type="button" ?disabled=${accepting} @click=${() => this.decline(call.id)}>${phoneDownIcon}${t.incomingCall.decline}</button>
        <button class="accept primary" part="accept" type="button" ?disabled=${accepting} @click=${() => this.accept(call.id)}>${videoIcon}${t.incomingCall.accept}</button>
      </div>
    </div>`;
  }

  private renderRing(t: Catalog, ring: RoomRing): TemplateResult {
    const id = domId(ring.id);
    const leaving = this.leavingFor === ring.id;
    return html`<div class="popup ring" part="popup" role="alertdialog" aria-labelledby="ring-title-${id}" aria-describedby="ring-msg-${id}" data-ring=${ring.id} data-silent=${ring.silent ? 'true' : nothing} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.dismissRing(ring)}>
      <div class="avatar" aria-hidden="true">${initials(ring.caller.name)}</div>
      <div class="text">
        <p class="title" id="ring-title-${id}">${t.roomRing.title}</p>
        <p class="message" id="ring-msg-${id}">${(leaving && this.calls.machine.chunk?.outgoingStrings(t).leaveCallFirst) || t.roomRing.body(ring.caller.name, ring.roomName, ring.direct)}</p>
      </div>
      <button class="icon mute" type="button" aria-pressed=${this.muted ? 'true' : 'false'} aria-label=${t.incomingCall.muteRing} title=${this.muted ? t.incomingCall.unmuteRing : t.incomingCall.muteRing} @click=${this.toggleMute}>${this.muted ? bellOffIcon : bellIcon}</button>
      <div class="actions">
        <button class="dismiss" part="decline" type="button" @click=${() => this.dismissRing(ring)}>${leaving ? t.roomBar.cancel : ring.direct ? t.incomingCall.decline : t.roomRing.dismiss}</button>
        <button class="accept primary" part="accept" type="button" @click=${() => this.joinRing(ring)}>${videoIcon}${t.roomRing.join}</button>
      </div>
    </div>`;
  }

  private renderNotice(t: Catalog, notice: Notice): TemplateResult {
    return html`<div class="popup error" part="popup" role="alert">
      <div class="avatar" aria-hidden="true">!</div>
      <p class="message">${notice.message}</p>
      <div class="actions"><button class="close" type="button" @click=${() => this.dropNotice(notice.id)}>${t.notifications.close}</button></div>
    </div>`;
  }

  private accept(callId: string): void {
    askForDesktopNotifications();
    void this.calls.machine.accept(callId);
  }

  private decline(callId: string): void {
    void this.calls.machine.decline(callId);
  }

  /**
   * "Teilnehmen": straight into the room's conference on this page, without the pre-join. A
   * person in a call is asked first to leave it (the second press leaves and joins).
   */
  private async joinRing(ring: RoomRing): Promise<void> {
    if (this.calls.snapshot.active && this.leavingFor !== ring.id) {
      this.leavingFor = ring.id;
      return;
    }
    this.leavingFor = undefined;
    this.removeRing(ring.id);
    if (!this.dispatchEvent(new TimioRoomRingAcceptEvent(ring))) return;
    if (this.calls.snapshot.active) await this.calls.machine.hangup();
    const request = { room: ring.room, roomName: ring.roomName, prejoin: false };
    if (!this.dispatchEvent(new TimioConferenceRequestEvent(request))) return;
    try {
      await TimioNotifications.openConference(request);
    } catch (err) {
      console.error('[timio] the conference could not be opened', err);
      this.addNotice(this.localize.t.errors.fallback);
    }
  }

  /** "Später": the invitation ends on every page of this user (the service tells the others). */
  private dismissRing(ring: RoomRing): void {
    if (this.leavingFor === ring.id) {
      this.leavingFor = undefined;
      return;
    }
    this.removeRing(ring.id);
    this.dispatchEvent(new TimioRoomRingDismissEvent(ring));
    pageServices().api.declineRoomRing(ring.room).catch((err) => console.warn('[timio] declining the invitation failed', err));
  }

  private toggleMute(): void {
    this.muted = !this.muted;
    saveRingMuted(this.muted);
  }

  /** Errors become a notice; the page wiring sends the host events themselves. */
  private onHostEvent(event: HostCallEvent): void {
    const chunk = this.calls.machine.chunk;
    const t = this.localize.t;
    if (event.type === 'ended') {
      // Answered, but the partner never came into the call (their page went away): say so, as the
      // window closes. The token service ends such a call after its rejoin grace.
      const here = this.windowCall === event.call.id || this.calls.snapshot.active?.id === event.call.id;
      const notice = here && chunk?.endedNotice(t, event.call, pageServices().realtime?.userId);
      if (notice) this.addNotice(notice);
      return;
    }
    if (event.type !== 'error') return;
    // The outgoing popup shows its own failure; others get a notice (the words of call errors come with the calls chunk).
    const outgoing = this.calls.snapshot.outgoing;
    if (outgoing?.phase === 'ended' && outgoing.error?.code === event.code) return;
    this.addNotice(chunk?.callError(t, event.code) ?? t.errors.fallback);
  }

  private addNotice(message: string): void {
    const id = ++this.noticeId;
    this.notices = [...this.notices, { id, message }];
    setTimeout(() => this.dropNotice(id), NOTICE_MS);
  }

  private dropNotice(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Moves focus to a new popup's main button unless the user is typing; gives it back after. */
  private syncDesktopNotifications(): void {
    const t = this.localize.t;
    const ringing = new Map<string, RingingText>();
    for (const i of this.calls.snapshot.incoming) {
      if (i.phase === 'ringing') ringing.set(`call:${i.call.id}`, { title: t.incomingCall.desktopTitle(i.call.caller.name), body: t.incomingCall.desktopBody });
    }
    for (const r of this.rings) ringing.set(`ring:${r.id}`, { title: t.roomRing.title, body: t.roomRing.body(r.caller.name, r.roomName, r.direct) });
    this.desktop.show(ringing);
  }

  private readonly onVisibility = () => {
    if (!document.hidden) this.desktop.close();
    else this.syncDesktopNotifications();
  };
}
