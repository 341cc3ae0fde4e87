import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GuestGrant, GuestWaiting, InviteInfo } from '#protocol/rest.js';
import { TimioApiError } from '../../api/api-error.js';
import { useTokenServiceUrl } from '../../config/config.js';
import { LocalizeController } from '../../i18n/localize.js';
import { guestApi, inviteFromHash, validInvite } from './guest-api.js';
import { openGuestConference, type GuestConferenceOpener } from './guest-conference.js';
import { guestJoinStyles } from './guest-join.styles.js';
import { guestStrings } from './i18n/index.js';
import { stringsPending } from '../../i18n/lazy-strings.js';

/** Where the guest is on their way in. */
export type GuestJoinState =
  | 'loading' | 'early' | 'open' | 'joining' | 'waiting' | 'conference'
  | 'denied' | 'removed' | 'ended' | 'left' | 'expired' | 'revoked' | 'malformed' | 'unknown' | 'error';

/** The states that end the way in: a page with a title and a sentence. */
const END_PAGES = ['denied', 'removed', 'ended', 'left', 'expired', 'revoked', 'malformed', 'unknown', 'error'] as const;

/** The moderator turned the guest away (the admission's rejection; the page shows it already). */
const DENIED = Symbol('denied');

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

export class TimioGuestStateEvent extends CustomEvent<{ state: GuestJoinState }> {
  constructor(state: GuestJoinState) {
    super('timio-guest-state', { bubbles: true, composed: true, detail: { state } });
  }
}

/**
 * The guest page of an invite link (`…/guest#invite=…`): what the meeting is and when; before it
 * opens a note with the time it opens (and it opens by itself then); the guest's name (pre-filled
 * from the invite); the conference's camera and microphone check, loaded on demand and covering the
 * window; a guest who has to wait goes from its "Teilnehmen" to the waiting room and, once a
 * moderator lets them in, straight into the conference with the devices they chose. Expired,
 * withdrawn, damaged and unknown links, refusal and removal each get a readable page in the
 * browser's language.
 *
 * @tag timio-guest-join
 *
 * @event timio-guest-state - Every change of state. detail: `{state}` (loading, early, open, joining, waiting, conference, denied, removed, ended, left, expired, revoked, malformed, unknown, error).
 *
 * @csspart card - The box with the invitation, the form and the notes.
 * @csspart title - The meeting's title.
 * @csspart name - The name field.
 * @csspart join - The "Weiter" button.
 * @csspart cancel - "Abbrechen" in the waiting room (the guest stops waiting).
 * @csspart notice - The note before the start, in the waiting room, or on an end page.
 * @csspart conference - Where the conference is put once the guest is in (it covers the window).
 *
 * @cssproperty --timio-color-primary - Buttons and focus rings.
 * @cssproperty --timio-color-text - Text on the card.
 * @cssproperty --timio-guest-join-background - Behind the card.
 */
export class TimioGuestJoin extends LitElement {
  static override styles = guestJoinStyles;

  /** How long a waiting guest's page waits before asking again after a 429 without Retry-After (tests shorten it). */
  static retryMs = 5_000;

  /** Opens the conference once admitted; tests replace it (the default loads the views chunk). */
  static openConference: GuestConferenceOpener = openGuestConference;

  /** The token service; default: the page's configured one. */
  @property({ attribute: 'service-url' }) serviceUrl = '';
  /** The invite token; default: read from the page's `#invite=…`. */
  @property() invite = '';

  /** Where the guest is: loading, early, open, joining, waiting, conference or one of the end pages (read only). */
  @state() state: GuestJoinState = 'loading';
  @state() private info?: InviteInfo;
  @state() private name = '';
  @state() private waitReason: 'no_moderator' | 'waiting_room' = 'no_moderator';
  @state() private errorCode = '';
  /** A moderator let the guest in (or nobody had to): "Teilnehmen" in the check joins at once. */
  private admitted = false;

  private readonly localize = new LocalizeController(this);

  /** The first render in a language waits for its strings (i18n/lazy-strings.ts): no German flash on an English page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(this.localize.t, guestStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  private readonly stop = new AbortController();
  /** The waiting guest's admission poll and token; "Abbrechen" ends both. */
  private wait?: { stop: AbortController; guestToken: string };
  private openTimer?: ReturnType<typeof setTimeout>;
  private conference?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop.abort();
    // The held admission request closes with the page: the service takes the guest off the list.
    this.wait?.stop.abort();
    clearTimeout(this.openTimer);
  }

  private get base(): string {
    return (this.serviceUrl || useTokenServiceUrl() || '').replace(/\/$/, '');
  }

  private go(next: GuestJoinState): void {
    // An end page or a fresh start: the conference (ended, or never joined) goes.
    if (next === 'open' || (END_PAGES as readonly string[]).includes(next)) this.dropConference();
    this.state = next;
    this.dispatchEvent(new TimioGuestStateEvent(next));
  }

  private fail(err: unknown): void {
    const api = err instanceof TimioApiError ? err : undefined;
    const code = api?.code ?? 'fallback';
    if (code === 'invite_expired') return this.go('expired');
    if (code === 'invite_revoked') return this.go('revoked');
    // The guest's credential ended (docs/contracts.md "The guest life model"): the page says how.
    if (code === 'guest_denied') return this.go('denied');
    if (code === 'guest_removed') return this.go('removed');
    if (code === 'meeting_ended') return this.go('ended');
    if (code === 'not_found') return this.go('unknown');
    if (code === 'not_open_yet') return this.scheduleOpen(api?.opensAt);
    this.errorCode = code;
    this.go('error');
  }

  private async load(): Promise<void> {
    const invite = this.invite ? validInvite(this.invite) : inviteFromHash(location.hash);
    if (!invite) return this.go('malformed');
    this.invite = invite;
    try {
      this.info = await guestApi.lookup(this.base, invite);
    } catch (err) {
      return this.fail(err);
    }
    this.name ||= this.info.guestName ?? '';
    this.scheduleOpen(this.info.opensAt);
  }

  /** Before the opening time: the note, and the form by itself once it is reached. */
  private scheduleOpen(opensAt: string | undefined): void {
    const wait = opensAt ? Date.parse(opensAt) - Date.now() : 0;
    clearTimeout(this.openTimer);
    if (wait <= 0) return this.go('open');
    if (opensAt && this.info) this.info = { ...this.info, opensAt };
    this.go('early');
    // Timers longer than ~24.8 days overflow; a page open that long can be reloaded.
    this.openTimer = setTimeout(() => this.go('open'), Math.min(wait + 500, 2_000_000_000));
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const name = this.name.trim();
    if (!name || this.state !== 'open') return;
    this.go('joining');
    let answer: GuestGrant | GuestWaiting;
    try {
      answer = await guestApi.token(this.base, this.invite, name);
    } catch (err) {
      if (this.stop.signal.aborted) return;
      if (err instanceof TimioApiError && (err.code === 'name_taken' || err.code === 'invalid_input')) {
        this.errorCode = err.code;
        return this.go('open');
      }
      return this.fail(err);
    }
    if (answer.state === 'admitted') return this.enter(answer, Promise.resolve(answer));
    // A guest who has to wait checks camera and microphone first; the moderator is asked meanwhile.
    this.waitReason = answer.reason;
    this.admitted = false;
    const wait = { stop: new AbortController(), guestToken: answer.guestToken };
    this.wait = wait;
    const admission = this.waitForAdmission(answer.guestToken, wait.stop.signal);
    admission.catch((err: unknown) => {
      if (this.stop.signal.aborted || wait.stop.signal.aborted) return;
      this.dropConference();
      if (err !== DENIED) this.fail(err);
    });
    await this.enter(answer, admission);
  }

  /** Resolves with the grant once a moderator lets the guest in; rejects with DENIED or the service's error. */
  private async waitForAdmission(guestToken: string, signal: AbortSignal): Promise<GuestGrant> {
    for (;;) {
      let answer;
      try {
        answer = await guestApi.admission(this.base, guestToken, signal);
      } catch (err) {
        // Too many requests from this address, or the network hiccuped: the guest keeps waiting
        // and the page asks again later, without an error page.
        if (signal.aborted || !(err instanceof TimioApiError) || (err.status !== 429 && err.code !== 'network_error')) throw err;
        const seconds = err.retryAfterSeconds;
        await pause(seconds ? Math.min(seconds * 1000, 60_000) : TimioGuestJoin.retryMs * (1 + Math.random()), signal);
        continue;
      }
      if (answer.state === 'admitted') {
        this.admitted = true;
        this.wait = undefined;
        // "Teilnehmen" was pressed already: from the waiting room straight into the conference.
        if (this.state === 'waiting') this.go('conference');
        return answer;
      }
      if (answer.state === 'denied') {
        this.go('denied');
        throw DENIED;
      }
      this.waitReason = answer.reason;
    }
  }

  /** The conference with its camera and microphone check; a waiting guest's "Teilnehmen" there leads to the waiting room. */
  private async enter(guest: GuestGrant | GuestWaiting, grant: Promise<GuestGrant>): Promise<void> {
    this.admitted ||= guest.state === 'admitted';
    this.go('conference');
    await this.updateComplete;
    const slot = this.renderRoot.querySelector<HTMLElement>('[part="conference"]')!;
    const conference = await TimioGuestJoin.openConference({
      room: guest.room, guestToken: guest.guestToken, grant, title: this.info?.title ?? guest.room, container: slot, serviceUrl: this.base,
    });
    // Turned away or gone while the chunk loaded: the page already says so.
    if (this.state !== 'conference') return void conference.remove();
    this.conference = conference;
    conference.addEventListener('timio-prejoin-join', () => {
      if (this.conference === conference && !this.admitted) this.go('waiting');
    });
    conference.addEventListener('timio-conference-left', (e) => {
      if (this.conference !== conference) return;
      const reason = (e as CustomEvent<{ reason: string }>).detail.reason;
      this.go(reason === 'removed' ? 'removed' : reason === 'left' ? 'left' : 'error');
    });
    conference.addEventListener('timio-conference-ended', () => {
      if (this.conference === conference) this.go('ended');
    });
    // "Abbrechen" in the camera check: the guest did not go in; the page offers to join again
    // (an empty conference would leave a blank page).
    conference.addEventListener('timio-conference-close', () => {
      if (this.conference !== conference) return;
      this.cancel();
    });
  }

  /** "Abbrechen" in the check or the waiting room: off the waiting list at once, then the 'left' page. */
  private cancel(): void {
    const wait = this.wait;
    this.wait = undefined;
    if (wait && !this.admitted) {
      wait.stop.abort();
      // The closed poll tells the service too; this says it at once and through proxies.
      void guestApi.leave(this.base, wait.guestToken).catch(() => undefined);
    }
    this.dropConference();
    this.go('left');
  }

  /** Takes the conference out of the page (it leaves); its later events are no news for the page. */
  private dropConference(): void {
    const conference = this.conference;
    this.conference = undefined;
    conference?.remove();
  }

  private when(): string {
    const t = this.localize.t;
    if (!this.info) return '';
    const start = new Date(this.info.startsAt);
    const end = new Date(start.getTime() + this.info.durationMinutes * 60_000);
    const day = new Intl.DateTimeFormat(t.locale, { dateStyle: 'full', timeStyle: 'short' }).format(start);
    const until = new Intl.DateTimeFormat(t.locale, { timeStyle: 'short' }).format(end);
    return guestStrings(t).when(day, until);
  }

  override render(): TemplateResult {
    // One template with the slot first: it stays while the guest waits after the check, so the
    // conference keeps their choices.
    return html`<div part="conference" ?hidden=${this.state !== 'conference'}></div>${this.state === 'conference' ? nothing : this.card()}`;
  }

  private card(): TemplateResult {
    const t = guestStrings(this.localize.t);
    return html`<section part="card" aria-label=${t.label} aria-busy=${this.state === 'loading' || this.state === 'joining' ? 'true' : 'false'}>
      ${this.info && !(END_PAGES as readonly string[]).includes(this.state) ? html`
        <p class="kicker">${t.invitation}</p>
        <h1 part="title">${this.info.title}</h1>
        <p class="when">${this.when()}</p>` : nothing}
      ${this.body()}
    </section>`;
  }

  private body(): TemplateResult {
    const catalog = this.localize.t;
    const t = guestStrings(catalog);
    switch (this.state) {
      case 'loading':
        return html`<p part="notice" role="status">${t.loading}</p>`;
      case 'early': {
        const opens = new Intl.DateTimeFormat(catalog.locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(this.info!.opensAt));
        return html`<div part="notice" role="status"><h2>${t.notOpenTitle}</h2><p>${t.notOpen(opens)}</p></div>`;
      }
      case 'open':
      case 'joining':
        return html`<form @submit=${this.submit}>
          <label for="name">${t.nameLabel}</label>
          <input id="name" part="name" name="name" autocomplete="name" required maxlength="64" aria-describedby="hint${this.errorCode ? ' problem' : ''}"
            .value=${this.name} @input=${(e: Event) => { this.name = (e.target as HTMLInputElement).value; this.errorCode = ''; }} />
          <p id="hint" class="hint">${t.nameHint}</p>
          ${this.errorCode ? html`<p id="problem" class="problem" role="alert">${this.errorCode === 'name_taken' ? t.nameTaken : catalog.errors[this.errorCode] ?? catalog.errors.fallback}</p>` : nothing}
          <button part="join" type="submit" ?disabled=${this.state === 'joining'}>${this.state === 'joining' ? t.joining : t.join}</button>
        </form>`;
      case 'waiting':
        return html`<div part="notice" role="status"><h2>${t.waitingTitle}</h2>
          <p>${this.waitReason === 'waiting_room' ? t.waitingForModerator : t.waitingForStart}</p>
          <button part="cancel" type="button" class="secondary" @click=${() => this.cancel()}>${t.cancel}</button></div>`;
      default:
        return this.endPage(this.state);
    }
  }

  private endPage(state: (typeof END_PAGES)[number] | 'conference'): TemplateResult {
    const catalog = this.localize.t;
    const t = guestStrings(catalog);
    const pages: Record<string, [string, string]> = {
      denied: [t.deniedTitle, t.denied], removed: [t.removedTitle, t.removed], ended: [t.endedTitle, t.ended],
      left: [t.leftTitle, t.left], expired: [t.expiredTitle, t.expired], revoked: [t.revokedTitle, t.revoked],
      malformed: [t.malformedTitle, t.malformed], unknown: [t.unknownTitle, t.unknown],
      error: [t.errorTitle, catalog.errors[this.errorCode] ?? catalog.errors.fallback],
    };
    const [title, text] = pages[state] ?? pages['error']!;
    const again = state === 'left' || state === 'error';
    return html`<div part="notice" role="alert"><h1>${title}</h1><p>${text}</p>
      ${again ? html`<button part="join" type="button" @click=${() => { this.errorCode = ''; void this.load(); }}>${state === 'left' ? t.rejoin : t.retry}</button>` : nothing}</div>`;
  }
}
