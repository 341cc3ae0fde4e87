// The guests waiting to be let in, for a moderator in the conference: read once when this person
// is in the meeting as moderator, then kept current by the realtime frames `guest-waiting` /
// `guest-decided` (which also clear a notice another moderator answered). "Einlassen" /
// "Ablehnen" go to the token service, which checks and logs them.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ColleagueRingAnswerMessage, GuestDecidedMessage, GuestResemblesMessage, GuestWaitingMessage } from '#protocol/realtime.js';
import type { ConferenceCatalog } from '../../../i18n/catalog.js';
import type { ConferenceApi } from '../room-api.js';

/** The page's frames about who comes into the meeting: guests (moderators), and the answers of colleagues this person rang. */
export type GuestNotice = GuestWaitingMessage | GuestDecidedMessage | GuestResemblesMessage | ColleagueRingAnswerMessage;
/** Subscribes to the page's guest frames; returns the unsubscribe. */
export type GuestNoticeSource = (listener: (notice: GuestNotice) => void) => () => void;

export interface WaitingGuestEntry { identity: string; name: string; since: string; /** The name reads like a room member's. */ resembles?: true }

interface Host extends ReactiveControllerHost {
  room: string;
  api?: ConferenceApi;
  guestNotices?: GuestNoticeSource;
}

export class WaitingGuests implements ReactiveController {
  guests: WaitingGuestEntry[] = [];
  /**
   * Guests let in without waiting whose name reads like a room member's (`guest-resembles`): the
   * moderator is told (`onResembles`) and the participants panel marks them.
   */
  resembling: ReadonlySet<string> = new Set();
  private active = false;
  private stop?: () => void;

  constructor(private readonly host: Host, private readonly onResembles?: (guest: { identity: string; name: string }) => void) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.follow(false);
  }

  /** Follows the waiting room while `moderatorIn` (this person is in the meeting as moderator). */
  follow(moderatorIn: boolean): void {
    if (moderatorIn === this.active) return;
    this.active = moderatorIn;
    this.stop?.();
    this.stop = undefined;
    this.guests = [];
    this.resembling = new Set();
    if (!moderatorIn) return;
    this.stop = this.host.guestNotices?.((n) => this.onNotice(n));
    void this.host.api?.waitingGuests?.().then((guests) => {
      for (const g of guests) this.add(g);
    }).catch(() => undefined);
  }

  /**
   * Admits or turns away one guest. `left`: the guest had stopped waiting a moment before (the
   * view says so, since nobody comes in); `gone`: decided elsewhere; the notice goes for both.
   */
  async decide(identity: string, admit: boolean): Promise<'done' | 'left' | 'gone' | 'failed'> {
    try {
      await this.host.api?.decideGuest?.(identity, admit);
      this.remove(identity);
      return 'done';
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'not_found' && code !== 'guest_left') return 'failed';
      this.remove(identity);
      return code === 'guest_left' ? 'left' : 'gone';
    }
  }

  private onNotice(n: GuestNotice): void {
    if (n.room !== this.host.room) return;
    if (n.type === 'guest-waiting') this.add(n.guest);
    else if (n.type === 'guest-resembles') this.resembles(n.guest);
    else if (n.type === 'guest-decided') this.remove(n.identity);
  }

  private resembles(g: { identity: string; name: string }): void {
    // Waiting: the admit notice says it. Let in at once: a notice and the panel's mark.
    if (this.guests.some((x) => x.identity === g.identity)) {
      this.guests = this.guests.map((x) => (x.identity === g.identity ? { ...x, resembles: true } : x));
    } else if (!this.resembling.has(g.identity)) {
      this.resembling = new Set([...this.resembling, g.identity]);
      this.onResembles?.(g);
    }
    this.host.requestUpdate();
  }

  private add(g: WaitingGuestEntry): void {
    if (this.guests.some((x) => x.identity === g.identity)) return;
    this.guests = [...this.guests, g];
    this.host.requestUpdate();
  }

  private remove(identity: string): void {
    this.guests = this.guests.filter((g) => g.identity !== identity);
    this.host.requestUpdate();
  }
}

/** "… möchte teilnehmen" with "Einlassen" / "Ablehnen", one per waiting guest. */
export function waitingGuestNotices(t: ConferenceCatalog['invite'], guestMark: string, guests: readonly WaitingGuestEntry[], decide: (identity: string, admit: boolean) => void) {
  if (guests.length === 0) return nothing;
  return html`<div class="admit-notices">${guests.map((g) => html`<div class="banner admit-notice" role="group" aria-labelledby=${`admit-${g.identity}`} data-identity=${g.identity}>
    <p id=${`admit-${g.identity}`}>${t.wantsToJoin(g.name)} <span class="tag">${guestMark}</span></p>
    ${g.resembles ? html`<p class="resembles">${t.resemblesMember}</p>` : nothing}
    <div class="actions">
      <button class="primary admit" @click=${() => decide(g.identity, true)}>${t.admit}<span class="sr-only"> – ${g.name}</span></button>
      <button class="secondary deny" @click=${() => decide(g.identity, false)}>${t.deny}<span class="sr-only"> – ${g.name}</span></button>
    </div>
  </div>`)}</div>`;
}
