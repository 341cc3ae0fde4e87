// Who left a room's meeting without saying goodbye, and still counts for a while. LiveKit cannot
// tell a page change from leaving: livekit-client disconnects on `pagehide` with the same
// CLIENT_INITIATED leave either way, so the server removes the participant at once and sends
// `participant_left`. The conference keeps such a person as "reconnecting" for its grace
// (`timio.leave`, docs/contracts.md); the room status does the same, so a page change does not
// make the room bar count 2 → 1 → 2. A real leave says so (`POST /v1/rooms/:room/leave`) and
// drops at once. This process's memory: the process that hears the webhook pushes the status.
// Presence follows the same rule: someone in their grace stays "in a conference" (busy), and is
// told `gone` only when the grace runs out without them back, or a goodbye ends it.
import type { RoomParticipant } from '../livekit/room-service.js';

/** A goodbye may come before LiveKit's `participant_left`; it is kept this long for it. */
const GOODBYE_KEPT_MS = 60_000;

const key = (room: string, identity: string) => `${room}\n${identity}`;

export class Departures {
  /** room → identity → the participant as last seen, and the end of their grace. */
  private readonly away = new Map<string, Map<string, { participant: RoomParticipant; timer: NodeJS.Timeout; back: boolean }>>();
  /** Goodbyes not yet matched by a `participant_left` (room\nidentity → until). */
  private readonly goodbyes = new Map<string, number>();
  /** Rooms whose meeting was ended: their people left for good. */
  private readonly ended = new Set<string>();
  /** room → who RoomService listed the last time the status was read. */
  private readonly lastListed = new Map<string, Map<string, RoomParticipant>>();

  constructor(
    private readonly graceMs: number,
    /** The room's status changed (a grace ran out, or a goodbye ended one). */
    private readonly changed: (room: string) => void,
    /** Someone's grace ended without them back (ran out, or a goodbye): out of the meeting now. */
    private readonly gone: (room: string, identity: string) => void = () => undefined,
  ) {}

  /**
   * LiveKit's `participant_left`: counts on for the grace unless they said goodbye or the meeting
   * ended. True when they count on (their leave is not final yet).
   */
  left(room: string, participant: RoomParticipant): boolean {
    // The goodbye stays until it expires or they join again: the listing may notice the leave after the webhook.
    const until = this.goodbyes.get(key(room, participant.identity));
    if ((until !== undefined && until >= Date.now()) || this.ended.has(room) || this.graceMs <= 0) return false;
    this.clear(room, participant.identity);
    const timer = setTimeout(() => {
      const back = this.away.get(room)?.get(participant.identity)?.back;
      if (!this.clear(room, participant.identity)) return;
      this.changed(room);
      if (!back) this.gone(room, participant.identity);
    }, this.graceMs);
    timer.unref();
    let people = this.away.get(room);
    if (!people) this.away.set(room, (people = new Map()));
    people.set(participant.identity, { participant, timer, back: false });
    return true;
  }

  /**
   * RoomService's listing, read for the status: someone listed last time and missing now left, even
   * when LiveKit's `participant_left` has not arrived yet (it comes by webhook, after the server has
   * already dropped them). Without this, a status read in between counts them out during a page
   * change. A goodbye waiting for its webhook is left to it.
   */
  listed(room: string, present: readonly RoomParticipant[]): void {
    const now = new Map(present.map((p) => [p.identity, p] as const));
    const before = this.lastListed.get(room);
    if (now.size > 0) this.lastListed.set(room, now);
    else this.lastListed.delete(room);
    if (!before) return;
    for (const [identity, participant] of before) {
      if (now.has(identity) || this.away.get(room)?.has(identity)) continue;
      const until = this.goodbyes.get(key(room, identity));
      if (until !== undefined && until >= Date.now()) continue;
      this.left(room, participant);
    }
  }

  /**
   * LiveKit's `participant_joined`: back (a page change), or a new meeting of an ended room. Their
   * entry stays until its grace ends (the status counts each identity once): RoomService may list
   * them a moment after the webhook, and the count must not dip meanwhile.
   */
  joined(room: string, identity: string): void {
    this.ended.delete(room);
    const entry = this.away.get(room)?.get(identity);
    if (entry) entry.back = true;
    this.goodbyes.delete(key(room, identity)); // a goodbye of an earlier stay
  }

  /**
   * The person left for good: gone from the count now, and no grace when LiveKit reports it (an
   * entry of an earlier page change may be there while the leave is still to come).
   */
  goodbye(room: string, identity: string): void {
    const now = Date.now();
    for (const [k, until] of this.goodbyes) if (until < now) this.goodbyes.delete(k);
    this.goodbyes.set(key(room, identity), now + GOODBYE_KEPT_MS);
    const back = this.away.get(room)?.get(identity)?.back;
    if (!this.clear(room, identity)) return;
    this.changed(room);
    if (!back) this.gone(room, identity);
  }

  /** A moderator ended the meeting: nobody counts on, and the leaves LiveKit reports for it are no page changes. */
  finished(room: string): void {
    this.ended.add(room);
    const away = this.away.get(room);
    this.away.delete(room);
    for (const [identity, { timer, back }] of away ?? []) {
      clearTimeout(timer);
      if (!back) this.gone(room, identity);
    }
    this.lastListed.delete(room);
  }

  /** A moderator ended the room's meeting and nobody has joined since (a page change must not start a new one). */
  wasEnded(room: string): boolean {
    return this.ended.has(room);
  }

  /** The people of `room` still within their grace. */
  awayIn(room: string): RoomParticipant[] {
    return [...(this.away.get(room)?.values() ?? [])].map((a) => a.participant);
  }

  close(): void {
    for (const people of this.away.values()) for (const { timer } of people.values()) clearTimeout(timer);
    this.away.clear();
    this.goodbyes.clear();
    this.lastListed.clear();
  }

  private clear(room: string, identity: string): boolean {
    const people = this.away.get(room);
    const entry = people?.get(identity);
    if (!people || !entry) return false;
    clearTimeout(entry.timer);
    people.delete(identity);
    if (people.size === 0) this.away.delete(room);
    return true;
  }
}
