// Follows the session for <timio-conference>: join / leave / drop / hand notices (shown a few
// seconds, read by screen readers through a polite live region; never a sound), the unread chat
// count, and the host events for raised hands and chat messages.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionApi } from '../../../session/session-api.js';
import type { ChatMessage, ParticipantState } from '../../../session/types.js';
import { TimioConferenceChatMessageEvent, TimioConferenceHandRaisedEvent } from '../events.js';
import { diffPeople, type Notice } from './notice-feed.js';

export interface ShownNotice extends Notice {
  id: number;
}

const SHOWN_MS = 6000;

export class ConferenceNotices implements ReactiveController {
  notices: ShownNotice[] = [];
  unread = 0;
  private people: readonly ParticipantState[] = [];
  private seenChat = new Set<string>();
  private stops: Array<() => void> = [];
  private session?: SessionApi;
  private seq = 0;
  /** Taking the people in as they are, without notices (until the session is connected). */
  private quiet = false;
  /** Chat messages up to this time were seen on the tab's previous page. */
  private seenUntil = -Infinity;
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { room: string },
    /** Whether the chat panel is open now (then nothing is unread). */
    private readonly chatOpen: () => boolean,
  ) {
    host.addController(this);
  }

  /**
   * Follows a new session (or none). The people and messages already there make no notices, nor
   * do the people present when it connects (they were there before this person: only who comes
   * after is news). `resumed` (the conference came back after a page change): the messages up to
   * `chatSeenAt` were known on the previous page, so they are no news again.
   */
  follow(session: SessionApi | undefined, resumed?: { chatSeenAt: number }): void {
    if (session === this.session) return;
    for (const stop of this.stops) stop();
    this.stops = [];
    this.session = session;
    this.unread = 0;
    if (!session) return;
    this.people = session.participants.value;
    this.seenChat = new Set(session.chat.value.map((m) => m.id));
    this.seenUntil = resumed?.chatSeenAt ?? -Infinity;
    let first = true;
    // The session fills in everyone present right after it reports `connected` (same task).
    this.quiet = true;
    this.stops.push(session.connection.subscribe((c) => {
      if (c.phase === 'connected' && this.quiet) queueMicrotask(() => (this.quiet = false));
    }));
    this.stops.push(session.participants.subscribe((list) => this.onPeople(list)));
    this.stops.push(session.chat.subscribe((list) => {
      if (!first) this.onChat(list);
      first = false;
    }));
  }

  /** The chat was opened: everything is read. */
  markRead(): void {
    this.unread = 0;
    this.host.requestUpdate();
  }

  /** A notice of the view itself (e.g. a moderator action failed). */
  push(notice: Notice): void {
    const shown = { ...notice, id: ++this.seq };
    this.notices = [...this.notices.slice(-3), shown];
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.notices = this.notices.filter((n) => n !== shown);
      this.host.requestUpdate();
    }, SHOWN_MS);
    this.timers.add(timer);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.follow(undefined);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private onPeople(list: readonly ParticipantState[]): void {
    const before = this.people;
    this.people = list;
    if (this.quiet) return;
    for (const n of diffPeople(before, list)) this.push(n);
    // Hands (own ones too) go to the host; raised and lowered.
    const old = new Map(before.map((p) => [p.identity, p.handRaisedAt]));
    for (const p of list) {
      const was = old.get(p.identity);
      if ((p.handRaisedAt ?? '') === (was ?? '') || (!old.has(p.identity) && !p.handRaisedAt)) continue;
      this.host.dispatchEvent(new TimioConferenceHandRaisedEvent({ room: this.host.room, identity: p.identity, name: p.name, raised: !!p.handRaisedAt, ...(p.handRaisedAt ? { at: p.handRaisedAt } : {}) }));
    }
  }

  private onChat(list: readonly ChatMessage[]): void {
    const fresh = list.filter((m) => !this.seenChat.has(m.id));
    for (const m of fresh) {
      this.seenChat.add(m.id);
      if (m.at <= this.seenUntil) continue;
      this.host.dispatchEvent(new TimioConferenceChatMessageEvent({ room: this.host.room, message: m }));
      if (!m.mine && !this.chatOpen()) this.unread++;
    }
    if (fresh.length) this.host.requestUpdate();
  }
}
