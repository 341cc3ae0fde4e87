import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { LocalizeController } from '../../i18n/localize.js';
import type { ConferenceCatalog } from '../../i18n/catalog.js';
import { StoreController, sessionContext } from '../session-context.js';
import type { TimioControlBar, TimioControlEvent } from '../parts/control-bar/control-bar.js';
import { runMediaControl } from '../parts/control-bar/media-controls.js';
import { joinTimes, type ConferenceApi } from './room-api.js';
import type { ConferenceResumeStore, ResumableConference } from '../../resume/conference-resume.js';
import type { RoomStatusAnswer, RoomTokenGrant } from '#protocol/rest.js';
import { WaitingGuests, waitingGuestNotices, type GuestNoticeSource } from './waiting/waiting-guests.js';
import { ConferenceJoin, type ConferenceSession, type Phase, type SessionFactory } from './conference-join.js';
import { ConferenceNotices } from './notices/conference-notices.js';
import { conferenceControls, type Panel } from './toolbar/conference-controls.js';
import { conferenceHeader, meetingSince } from './header/conference-header.js';
import { endConfirm, endedView, moderatorNotice } from './dialogs/conference-dialogs.js';
import type { TimioPrejoinJoinEvent } from './prejoin/prejoin.component.js';
import type { TimioModerateEvent } from './participants/moderate-event.js';
import type { CallInPort } from './call-in/call-in-api.js';
import type { TimioViewChangeEvent } from './settings/conference-settings.component.js';
import { TimioConferenceChatMessageEvent, TimioConferenceCloseEvent } from './events.js';
import { conferenceStyles } from './timio-conference.styles.js';
import { sharing } from './stage/stage-plan.js';
import { conferenceStrings } from './i18n/index.js';
import { mediaStrings } from '../i18n/media.js';
import { callWindowStrings } from '../i18n/call-window.js';
import { stringsPending } from '../../i18n/lazy-strings.js';

/**
 * The conference room of one chat room's meeting ("Informationen zum Konferenzraum"): pre-join,
 * header, tile or speaker view, the controls in the manual's order, chat, participants and
 * settings panels, notices, and the view after it ended. Placed by the host (e.g. beside the
 * chat) or full window (`full-window`, added by openConference). On a phone-sized screen (narrower
 * than 640 px) it covers the screen from the pre-join on, wherever it is placed.
 *
 * @event timio-conference-joined - detail `{room, moderator}`.
 * @event timio-conference-resumed - The conference came back after a page change in the portal (no second joined). detail `{room, moderator}`.
 * @event timio-conference-left - detail `{room, reason: 'left' | 'removed' | 'failed' | 'full'}`.
 * @event timio-conference-ended - The moderator ended it for everyone. detail `{room}`.
 * @event timio-conference-hand-raised - detail `{room, identity, name, raised, at?}`.
 * @event timio-conference-close - The person closed the view after the meeting ended for them. detail `{room}`.
 * @event timio-conference-chat-message - detail `{room, message}`; with `chat="host"` the chat button sends `{room, open: true}`.
 * @csspart header - Room name, running time, number present.
 * @csspart ended - The view after the meeting ended for this person.
 * @cssproperty --timio-call-background - Background.
 * @cssproperty --timio-call-color - Text colour.
 *
 * @tag timio-conference
 */
export class TimioConference extends LitElement {
  static override styles = conferenceStyles;

  /** The room's directory id. */
  @property({ reflect: true }) room = '';
  /** Shown name of the room (else the token service's, else the id). */
  @property({ attribute: 'room-name' }) roomName = '';
  /** `host`: the chat button sends timio-conference-chat-message instead of opening the panel. */
  @property() chat = '';
  /** Tiles per page in the tile view (default 9 = 3×3). */
  @property({ type: Number, attribute: 'per-page' }) perPage = 9;
  /** The chat room's address: "Person einladen" offers it to colleagues (without it, guest links only). */
  @property({ attribute: 'room-url' }) roomUrl = '';
  /**
   * A private meeting without a chat room or schedule (a 1:1 call converted in place, issue 27): no
   * guest invites ("Person einladen") and no waiting room; "Kollegen hinzurufen" stays. Set by the
   * view from the conversion or the room's status (`kind: 'meeting'`).
   */
  @property({ type: Boolean, reflect: true, attribute: 'private-meeting' }) privateMeeting = false;
  /** Covers the whole window instead of the place the host gave it. */
  @property({ type: Boolean, reflect: true, attribute: 'full-window' }) fullWindow = false;
  /** The room routes of the token service (set by the page wiring). */
  @property({ attribute: false }) api?: ConferenceApi;
  /** The page's realtime guest frames (set by the page wiring): moderators see who waits to be let in. */
  @property({ attribute: false }) guestNotices?: GuestNoticeSource;
  /** Where the page remembers the conference this tab holds, for its next page (set by the page wiring). */
  @property({ attribute: false }) resumeStore?: ConferenceResumeStore;
  /** Makes the room session for a join (set by the page wiring; tests pass their own). */
  @property({ attribute: false }) createSession?: SessionFactory;
  /**
   * Where the view is, reflected for the host's CSS (set by the view; writing it has no effect):
   * `idle` (shows nothing: e.g. hide the panel around it), `prejoin`, `joining`, `in`, `ended`.
   */
  @property({ reflect: true }) phase: Phase = 'idle';

  @state() private panel?: Panel;
  @state() private layout: 'tiles' | 'speaker' = 'tiles';
  @state() private mirrorSelf = true;
  @state() private hideSelf = false;
  @state() private confirmingEnd = false;
  /** Who shared a screen at the last update: a new share shows it large (speaker view); the person may switch back. */
  private sharers = new Set<string>();
  /** This view ended the meeting for everyone: its ended view says "Sie haben …", not "vom Moderator". */
  private endedHere = false;
  @state() private now = Date.now();
  /** Earlier joins of people present, from the room status (a page change's rejoin keeps the meeting's start). */
  @state() private joins: ReadonlyMap<string, number> = new Map();

  /** This view's join: its room session, role and progress. */
  readonly joining = new ConferenceJoin(this);
  private readonly notices = new ConferenceNotices(this, () => this.panel === 'chat');
  private readonly waiting = new WaitingGuests(this, (g) => this.notices.push({ kind: 'guest-resembles', identity: g.identity, name: g.name, guest: true }));
  private readonly provider = new ContextProvider(this, { context: sessionContext });
  private readonly connection = new StoreController(this, () => this.joining.session, (s) => s.connection);
  private readonly people = new StoreController(this, () => this.joining.session, (s) => s.participants);
  private readonly local = new StoreController(this, () => this.joining.session, (s) => s.local);
  private readonly localize = new LocalizeController(this);

  /** The first render in a language waits for its strings (i18n/lazy-strings.ts): no German flash on an English page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(this.localize.t, conferenceStrings, callWindowStrings, mediaStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  private clock?: ReturnType<typeof setInterval>;
  /** "Kollegen hinzurufen" for the participants panel (the dialog's chunk follows the answers through it). */
  private callIn?: CallInPort;
  /** Stops following the rung colleagues' answers. */
  private stopAnswers?: () => void;

  /**
   * Opens the pre-join, or (`prejoin: false`, from the invitation) joins at once; `resume` takes
   * over the conference the tab held on its previous page (`grant`: its token, already asked for).
   */
  async join({ prejoin = true, resume, grant }: { prejoin?: boolean; resume?: ResumableConference; grant?: Promise<RoomTokenGrant> } = {}): Promise<void> {
    if (!this.roomName && resume?.roomName) this.roomName = resume.roomName;
    this.endedHere = false;
    // One status request: the header's name and the joins before a page change, and a resume's `ended` check, read its answer.
    const status = !this.roomName || resume ? this.api?.status() : undefined;
    void status?.then((s) => this.statusRead(s), () => undefined);
    await (resume ? this.joining.resume(resume, status, grant) : this.joining.start(prejoin));
  }

  /**
   * Takes over the live session of a 1:1 call that became this meeting (issue 27): in at once, on
   * the same connection (openConference with `adopt`). `moderator`: this person placed the call.
   */
  adopt(session: ConferenceSession, moderator: boolean): void {
    this.endedHere = false;
    this.privateMeeting = true;
    void this.api?.status().then((s) => this.statusRead(s), () => undefined);
    this.joining.adopt(session, moderator);
    // Others see the moderator by the service's mark on the participant (the call's token has none).
    if (moderator) void this.api?.confirmModerator?.().catch(() => false);
  }

  private statusRead(s: RoomStatusAnswer): void {
    this.roomName ||= s.room.name;
    this.joins = joinTimes(s);
    if (s.kind === 'meeting') this.privateMeeting = true;
  }

  /** Leaves the conference (the meeting goes on for the others). */
  leave(): Promise<void> {
    return this.joining.leave();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.stopAnswers?.();
    this.stopAnswers = undefined;
  }

  protected override willUpdate(): void {
    this.waiting.follow(this.joining.phase === 'in' && this.joining.moderator && !this.privateMeeting);
    this.phase = this.joining.phase;
    if (this.phase === 'in') this.followRingAnswers();
    const shares = sharing(this.people.value ?? []);
    if (shares.some((id) => !this.sharers.has(id))) this.layout = 'speaker';
    this.sharers = new Set(shares);
    const session = this.joining.session;
    if (this.provider.value !== session) {
      this.provider.setValue(session);
      for (const c of [this.connection, this.people, this.local]) c.sync();
      this.notices.follow(session, this.joining.resuming ? { chatSeenAt: this.joining.chatSeenAt ?? 0 } : undefined);
    }
  }

  override render() {
    const catalog = this.localize.t;
    const t = conferenceStrings(catalog);
    const j = this.joining;
    const name = this.roomName || this.room;
    let body: unknown = nothing;
    if (j.phase === 'prejoin') {
      body = html`<timio-conference-prejoin room-name=${name} ?can-moderate=${j.canModerate} @timio-prejoin-join=${this.onPrejoin} @timio-close=${this.close}></timio-conference-prejoin>`;
    } else if (j.phase === 'joining' || j.phase === 'in') {
      body = this.renderRoom(name);
    } else if (j.phase === 'ended') {
      body = endedView(catalog, name, j.endReason, j.errorCode, this.close, () => void this.join({ prejoin: true }), this.endedHere);
    }
    return html`<div class="conference" role="region" aria-label=${t.regionLabel(name)} data-phase=${j.phase} @keydown=${this.onKeydown}>${body}</div>`;
  }

  private renderRoom(name: string) {
    const t = conferenceStrings(this.localize.t);
    const j = this.joining;
    const people = this.people.value ?? [];
    const self = people.find((p) => p.isLocal);
    const phase = this.connection.value?.phase;
    const overlay = phase === 'reconnecting' ? t.reconnecting : j.phase === 'joining' ? t.connecting : '';
    const controls = conferenceControls(t, {
      local: this.local.value, live: phase === 'connected', panel: this.panel, unread: this.notices.unread,
      handRaised: !!self?.handRaisedAt, layout: this.layout, moderator: j.moderator,
    });
    const since = meetingSince(people, this.joins);
    // No whitespace between the tags (flex and grid boxes): lit keeps a template's indentation and
    // the views chunk's size budget counts it. Lines break inside ${}.
    return html`${conferenceHeader(t, name, since === undefined ? undefined : this.now - since, people.length)}${
      j.askModerator ? moderatorNotice(t, () => void j.confirmModerator(), () => j.dismissModerator()) : nothing}${
      waitingGuestNotices(conferenceStrings(this.localize.t).invite, mediaStrings(this.localize.t).guest, this.waiting.guests, this.decideGuest)}<div class="body ${
      this.panel ? 'with-panel' : ''}"><timio-conference-stage class="stage" layout=${this.layout} per-page=${this.perPage} ?hide-self=${this.hideSelf} ?mirror-self=${
      this.mirrorSelf}></timio-conference-stage><timio-status-overlay class="overlay" state=${overlay ? (phase === 'reconnecting' ? 'reconnecting' : 'connecting') : ''} message=${
      overlay} ?spinner=${!!overlay}></timio-status-overlay>${
      this.panel ? html`<div id="panel" class="panel">${this.renderPanel(this.panel)}</div>` : nothing}</div><timio-media-problems class="problems"></timio-media-problems><div class="notices" role="status" aria-live="polite">${
      this.notices.notices.map((n) => html`<p class="notice" data-kind=${n.kind}>${noticeText(t, n)}${n.guest ? html` <span class="tag">${mediaStrings(this.localize.t).guest}</span>` : nothing}</p>`)}</div><timio-control-bar label=${t.controls} .controls=${controls} @timio-control=${
      this.onControl}></timio-control-bar>${this.confirmingEnd ? endConfirm(t, () => this.setEndConfirm(false), () => void this.endForAll()) : nothing}`;
  }

  private renderPanel(panel: Panel) {
    const close = () => this.togglePanel(panel);
    if (panel === 'chat') return html`<timio-chat-panel @timio-panel-close=${close}></timio-chat-panel>`;
    if (panel === 'participants') {
      return html`<timio-participants-panel ?moderator=${this.joining.moderator} .invites=${this.joining.moderator && !this.privateMeeting ? this.api?.invites : undefined} .callIn=${this.callInPort()} .resembling=${this.waiting.resembling}
        room-name=${this.roomName || this.room} room-url=${this.roomUrl} @timio-moderate=${this.onModerate} @timio-panel-close=${close}></timio-participants-panel>`;
    }
    return html`<timio-conference-settings layout=${this.layout} ?mirror-self=${this.mirrorSelf} ?hide-self=${this.hideSelf}
      @timio-view-change=${(e: TimioViewChangeEvent) => Object.assign(this, e.detail)} @timio-panel-close=${close}></timio-conference-settings>`;
  }

  /** "Kollegen hinzurufen"'s port (employees only: the guest page's api has no `request`). */
  private callInPort(): CallInPort | undefined {
    const request = this.api?.request;
    return request && (this.callIn ??= { request, room: this.room, host: this });
  }

  /**
   * From the join on, a rung colleague's decline, no answer, busy or offline for this meeting is a
   * notice: also after a page change, or for the colleagues rung with a call's conversion, when this
   * view never opened the dialog. The strings come with the dialog's chunk, fetched on the first answer.
   */
  private followRingAnswers(): void {
    if (this.stopAnswers || !this.guestNotices || !this.api?.request) return;
    this.stopAnswers = this.guestNotices((n) => {
      if (n.type !== 'colleague-ring-answer' || n.room !== this.room) return;
      void import('./call-in/i18n.js').then(({ callInStrings }) =>
        this.notices.push({ kind: 'info', identity: '', name: callInStrings(this.localize.t.locale).said[n.outcome](n.user.name) }));
    });
  }

  private onPrejoin = (e: TimioPrejoinJoinEvent): void => {
    void this.joining.join(e.detail.choices, e.detail.moderator);
  };

  private onControl = (e: TimioControlEvent): void => {
    const id = e.detail.id;
    const session = this.joining.session;
    if (session && runMediaControl(session, id, this.local.value)) return;
    if (id === 'leave') void this.leave();
    else if (id === 'chat' && this.chat === 'host') this.dispatchEvent(new TimioConferenceChatMessageEvent({ room: this.room, open: true }));
    else if (id === 'chat' || id === 'participants' || id === 'settings') this.togglePanel(id);
    else if (id === 'hand') void session?.setHandRaised(!this.people.value?.find((p) => p.isLocal)?.handRaisedAt).catch(() => this.failed());
    else if (id === 'layout') this.layout = this.layout === 'tiles' ? 'speaker' : 'tiles';
    else if (id === 'end') this.setEndConfirm(true);
  };

  private onModerate = (e: TimioModerateEvent): void => {
    const api = this.api;
    if (!api) return;
    const { action, identity = '' } = e.detail;
    const run = action === 'mute' ? api.mute(identity, 'microphone') : action === 'mute-all' ? api.muteAll()
      : action === 'lower-hand' ? api.setHand(false, identity) : api.remove(identity);
    void run.catch(() => this.failed());
  };

  private decideGuest = (identity: string, admit: boolean): void => {
    const name = this.waiting.guests.find((g) => g.identity === identity)?.name ?? '';
    void this.waiting.decide(identity, admit).then((outcome) => {
      if (outcome === 'left') this.notices.push({ kind: 'guest-left', identity, name });
      else if (outcome === 'failed') this.failed();
    });
  };

  private failed(): void {
    this.notices.push({ kind: 'failed', identity: '', name: '' });
  }

  private togglePanel(panel: Panel): void {
    const opening = this.panel !== panel;
    this.panel = opening ? panel : undefined;
    if (opening && panel === 'chat') this.notices.markRead();
    void this.updateComplete.then(() => {
      if (opening) (this.renderRoot.querySelector('#panel > *') as HTMLElement | null)?.focus();
      else this.controlBar()?.shadowRoot?.querySelector<HTMLElement>(`.${panel}`)?.focus();
    });
  }

  private setEndConfirm(open: boolean): void {
    this.confirmingEnd = open;
    void this.updateComplete.then(() => {
      if (open) this.renderRoot.querySelector<HTMLElement>('.cancel-end')?.focus();
      else this.controlBar()?.shadowRoot?.querySelector<HTMLElement>('.end')?.focus();
    });
  }

  private async endForAll(): Promise<void> {
    this.confirmingEnd = false;
    // Everyone, this view too, learns it ended from the media server (room deleted).
    // Set before the request: the media server's "ended" may come before its answer.
    this.endedHere = true;
    await this.api?.end().catch(() => {
      this.endedHere = false;
      this.failed();
    });
  }

  private close = (): void => {
    this.joining.reset();
    this.dispatchEvent(new TimioConferenceCloseEvent({ room: this.room }));
  };

  private controlBar(): TimioControlBar | null {
    return this.renderRoot.querySelector('timio-control-bar');
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.panel && !this.confirmingEnd) {
      this.togglePanel(this.panel);
      return;
    }
    if (this.joining.phase === 'in' && !this.confirmingEnd) this.controlBar()?.handleShortcut(e);
  };
}

function noticeText(t: ConferenceCatalog, n: { kind: string; name: string }): string {
  switch (n.kind) {
    case 'joined': return t.joined(n.name);
    case 'left': return t.left(n.name);
    case 'dropped': return t.dropped(n.name);
    case 'hand': return t.raisedHand(n.name);
    case 'guest-left': return t.invite.guestLeft(n.name);
    case 'guest-resembles': return t.invite.resemblesNotice(n.name);
    case 'info': return n.name;
    default: return t.actionFailed;
  }
}
