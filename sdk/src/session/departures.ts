// Who left a conference and how: someone who goes without saying goodbye (their page changed
// within the portal) stays listed as reconnecting for the rejoin grace, so nobody sees "left" and
// "joined" for a page change; a goodbye (sent by leave() on the `timio.leave` data topic) or a
// removal by a moderator makes them gone at once. No LiveKit objects here: the session feeds it
// identities and payloads.
import type { ParticipantState, TrackState } from './types.js';

/** Data topic of a participant's goodbye (sent by leave() before disconnecting). */
export const LEAVE_TOPIC = 'timio.leave';
/** A goodbye arriving this long before (or after) the departure still counts as one. */
const GOODBYE_VALID_MS = 30_000;

export class Departures {
  /** Remote people gone without a goodbye, shown as reconnecting until they return or the grace ends. */
  private readonly away = new Map<string, ReturnType<typeof setTimeout>>();
  /** Goodbyes received: identity → when. */
  private readonly goodbyes = new Map<string, number>();

  /** `graceMs` 0: no grace (1:1 calls); `onGone` when someone is gone for good. */
  constructor(private readonly graceMs: number, private readonly onGone: (identity: string) => void) {}

  isAway(identity: string): boolean {
    return this.away.has(identity);
  }

  /** Back (within the grace, a page change): no departure any more. */
  returned(identity: string): void {
    this.forget(identity);
  }

  /**
   * A goodbye on the leave topic. It may arrive after the departure (data and signalling travel
   * apart); LiveKit then no longer knows the sender (`sender` undefined), so the payload names
   * them. Trusted only for someone already out of the room: a forged one can only end a grace early.
   */
  heardGoodbye(payload: Uint8Array, sender: string | undefined): void {
    const identity = sender ?? goodbyeIdentity(payload);
    if (!identity || (!sender && !this.away.has(identity))) return;
    this.goodbyes.set(identity, Date.now());
    if (this.away.has(identity)) this.onGone(identity);
  }

  /**
   * A remote participant is out of the room: `gone` now (no grace, not shown, said goodbye, sent
   * out by a moderator, connection already lost), or `away` for the grace, shown as reconnecting.
   */
  departed(identity: string, shown: ParticipantState | undefined, sentOut: boolean): 'gone' | 'away' {
    const saidGoodbye = Date.now() - (this.goodbyes.get(identity) ?? -Infinity) < GOODBYE_VALID_MS;
    if (!this.graceMs || !shown || saidGoodbye || sentOut || shown.quality === 'lost') return 'gone';
    clearTimeout(this.away.get(identity));
    this.away.set(identity, setTimeout(() => this.onGone(identity), this.graceMs));
    return 'away';
  }

  /** Gone for good (or back): nothing to wait for any more. */
  forget(identity: string): void {
    clearTimeout(this.away.get(identity));
    this.away.delete(identity);
    this.goodbyes.delete(identity);
  }

  close(): void {
    for (const timer of this.away.values()) clearTimeout(timer);
    this.away.clear();
  }
}

/** The goodbye leave() sends. */
export function goodbyeFrame(identity: string) {
  return new TextEncoder().encode(JSON.stringify({ type: 'leave', identity }));
}

export function goodbyeIdentity(payload: Uint8Array): string | undefined {
  try {
    const frame = JSON.parse(new TextDecoder().decode(payload)) as { type?: unknown; identity?: unknown };
    return frame.type === 'leave' && typeof frame.identity === 'string' ? frame.identity : undefined;
  } catch {
    return undefined;
  }
}

/** Someone away within the grace: listed as reconnecting, without media (their tracks went with them). */
export function awayState(p: ParticipantState): ParticipantState {
  const { camera, microphone, screen, screenAudio, ...rest } = p;
  const still = (t: TrackState | undefined) => (t ? { sid: t.sid, muted: t.muted } : undefined);
  const cam = still(camera);
  const mic = still(microphone);
  return { ...rest, speaking: false, reconnecting: true, ...(cam ? { camera: cam } : {}), ...(mic ? { microphone: mic } : {}) };
}
