import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RoomStatus } from '#protocol/realtime.js';
import { TimioConferenceRequestEvent } from '../../events.js';
import { LocalizeController } from '../../i18n/localize.js';
import { openConference, pageServices, type OpenConferenceRequest } from '../../page/page-services.js';
import { RoomController } from '../shared/room-controller.js';
import { initials } from '../shared/initials.js';
import { bellIcon, videoIcon } from '../shared/icons.js';
import { roomBarStyles } from './room-bar.styles.js';
import { meetingTime } from './meeting-time.js';

/** Avatars shown before "+n". */
const MAX_AVATARS = 5;

/**
 * A chat room's meeting, for the room's top bar: whether a meeting runs, how many and who are in
 * it (initials; names on hover and for screen readers), the next scheduled meeting, "Teilnehmen"
 * (opens the room's conference with the pre-join; "Besprechung starten" while none runs; "Zur
 * Besprechung" while the person is in it, which brings the page's conference into view) and "Alle
 * Mitglieder rufen" (after a confirmation that says who will be rung, rings every other member
 * and opens the conference at once). Live over the page's
 * realtime connection; no polling.
 *
 * @tag timio-room-bar
 *
 * @event timio-conference-request - Before the conference opens; cancelable (the host opens it itself). detail: `{room, roomName, prejoin}`.
 *
 * @csspart bar - The row of state, avatars and buttons.
 * @csspart join - The "Teilnehmen" / "Besprechung starten" / "Zur Besprechung" button.
 * @csspart ring - The "Alle Mitglieder rufen" button.
 * @csspart people - The list of avatars.
 * @csspart next - The next scheduled meeting ("Nächste Besprechung: heute 14:00 · title"), while none runs.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --timio-room-bar-avatar-size - Diameter of an avatar (default 1.9em).
 * @cssproperty --timio-room-bar-live-color - The dot while a meeting runs.
 * @cssproperty --timio-room-bar-join-background - The "Teilnehmen" button.
 * @cssproperty --timio-room-bar-background - Behind the avatars (their ring).
 * @cssproperty --timio-room-bar-color - Text colour.
 * @cssproperty --timio-color-primary - Avatars, focus rings.
 */
export class TimioRoomBar extends LitElement {
  static override styles = roomBarStyles;

  /** Opens the conference; tests and hosts with their own loader may replace it. */
  static openConference: (request: OpenConferenceRequest) => Promise<unknown> = openConference;

  /** The room's directory id. */
  @property({ reflect: true }) room?: string;
  /** Only whether a meeting runs and how many are in it (room lists): no avatars, no buttons. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Whether a meeting runs (read-only, reflected for styling). */
  @property({ type: Boolean, reflect: true }) running = false;

  @state() private message = '';
  @state() private busy = false;
  /** Who "Alle Mitglieder rufen" will ring, in words, asked before its confirmation opens. */
  @state() private reach = '';
  /** The confirmation and the ring, loaded on the first press of "Alle Mitglieder rufen". */
  @state() private ringChunk?: typeof import('./ring-all.js');
  // A getter rather than lit's @query: keeps the decorator's helper out of the light part.
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  private readonly localize = new LocalizeController(this);
  private readonly live = new RoomController(this, () => this.room);

  /** The room's status as last pushed by the service. */
  get status(): RoomStatus | undefined {
    return this.live.status;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.live.sync();
    this.running = this.live.status?.running ?? false;
  }

  override render() {
    const t = this.localize.t;
    if (this.live.error) return this.compact ? nothing : html`<p class="message" role="status">${t.errors[this.live.error] ?? t.errors.fallback}</p>`;
    const status = this.live.status;
    if (this.compact) {
      return html`<span class="state" part="bar"><span class="dot" aria-hidden="true"></span><span>${status?.running ? t.roomBar.running(status.count) : t.roomBar.idle}</span></span>`;
    }
    const name = status?.name ?? this.room ?? '';
    const people = status?.participants ?? [];
    const shown = people.slice(0, MAX_AVATARS);
    // The service lists this person in the meeting: the bar says so instead of offering to join.
    const here = people.some((p) => p.identity === pageServices().realtime?.userId);
    // No whitespace between the tags (the bar and the dialog lay out their children themselves): lit
    // keeps a template's indentation, and the light part's size budget counts it. Lines break in ${}.
    return html`<div class="bar" part="bar" role="group" aria-label=${t.roomBar.label(name)}><span class="state"><span class="dot" aria-hidden="true"></span><span role="status">${
      here ? t.roomBar.people : status?.running ? t.roomBar.running(status.count) : t.roomBar.idle}</span></span>${
      people.length > 0
        ? html`<ul part="people" aria-label=${t.roomBar.people}>${
          shown.map((p) => html`<li title=${p.name}><span aria-hidden="true">${initials(p.name)}</span><span class="sr-only">${p.name}</span></li>`)}${
          people.length > shown.length
            ? html`<li class="more" title=${people.slice(MAX_AVATARS).map((p) => p.name).join(', ')}><span aria-hidden="true">+${people.length - shown.length}</span><span class="sr-only">${t.roomBar.more(people.length - shown.length)}</span></li>`
            : nothing}</ul>`
        : nothing}${
      !status?.running && status?.nextMeeting
        ? html`<span class="next" part="next"><span class="when">${t.roomBar.next(meetingTime(status.nextMeeting.startsAt, t.locale))}</span> <span class="title">· ${status.nextMeeting.title}</span></span>`
        : nothing}<button class="primary" part="join" type="button" ?disabled=${!this.room || this.busy} @click=${() => this.join(true)}>${videoIcon}${
      here ? t.roomBar.show : status?.running ? t.roomBar.join : t.roomBar.start}</button><button part="ring" type="button" ?disabled=${!this.room || this.busy} @click=${this.askRingAll}>${bellIcon}${
      t.roomBar.ringAll}</button><span class="message sr-only" role="status">${this.message}</span></div>${
      this.ringChunk ? this.ringChunk.ringDialog(t, this.reach, this.onRingClosed) : nothing}`;
  }

  /**
   * Opens the room's conference (as "Teilnehmen" does); `prejoin: false` joins at once. A conference
   * the page shows already (pre-join or meeting) comes into view (openConference).
   */
  async join(prejoin: boolean): Promise<void> {
    const room = this.room;
    if (!room) return;
    const roomName = this.live.status?.name ?? room;
    if (!this.dispatchEvent(new TimioConferenceRequestEvent({ room, roomName, prejoin }))) return;
    try {
      await TimioRoomBar.openConference({ room, prejoin, roomName });
    } catch (err) {
      console.error('[timio] the conference could not be opened', err);
      this.message = this.localize.t.errors.fallback;
    }
  }

  private async askRingAll(): Promise<void> {
    this.message = '';
    // The confirmation opens saying who will be rung (the service knows who is signed in now), so
    // a screen reader reads that with it. The buttons wait meanwhile. The dialog comes with its
    // chunk (ring-all.ts), fetched on the first press.
    this.busy = true;
    const chunk = await import('./ring-all.js').catch(() => undefined);
    if (!chunk) {
      this.busy = false;
      this.message = this.localize.t.errors.fallback;
      return;
    }
    chunk.adoptRingDialogStyles(this.renderRoot as ShadowRoot);
    this.reach = await chunk.ringReach(pageServices().api, this.room!, this.localize.t);
    this.ringChunk = chunk;
    this.busy = false;
    await this.updateComplete;
    this.dialog?.showModal();
    // The safe choice first: Enter on an accidental open does not ring anyone.
    this.dialog?.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private readonly onRingClosed = async (confirmed: boolean): Promise<void> => {
    // Focus goes back to the trigger (native dialogs do this for showModal; made explicit).
    this.renderRoot.querySelector<HTMLButtonElement>('button[part="ring"]')?.focus();
    if (!confirmed || !this.room || !this.ringChunk) return;
    this.busy = true;
    const rung = await this.ringChunk.ringAll(pageServices().api, this.room, this.localize.t);
    this.busy = false;
    this.message = rung.message;
    if (rung.ok) await this.join(false);
  };
}
