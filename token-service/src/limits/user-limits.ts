// Per-user limits on what reaches other people: ringing a room, calling someone, inviting guests,
// writing in a meeting's chat, and a guest's admission polls.
// A refusal is 429 rate_limited with the time to wait (retryAfterSeconds, Retry-After).
import { ApiError } from '../http/errors.js';
import type { Limiter } from './limiter.js';

export interface UserLimitSettings {
  /** A room is rung at most once in this time (and never while its ring runs). */
  roomRingIntervalMs: number;
  /** After a decline or no answer, the same caller may not call the same callee for this long (0: off). */
  callRetryAfterDeclineMs: number;
  /** Calls one person may place per hour. */
  callsPerHour: number;
  /** Invites one person may make per hour. */
  invitesPerHour: number;
  /**
   * Chat per sender (employee or guest) and minute, in units: a message costs one unit and one
   * more for every CHAT_UNIT_CHARS characters, so people typing never notice, while a flood of
   * long messages stops after a few (rate and size in one budget).
   */
  chatUnitsPerMinute: number;
  /** Admission polls one waiting guest may send per minute (a page holds each for up to 25 s). */
  admissionPollsPerMinute: number;
}

/** Characters per extra chat unit (a 2,000-character message costs 5 units). */
export const CHAT_UNIT_CHARS = 500;

export const defaultUserLimits: UserLimitSettings = {
  roomRingIntervalMs: 120_000,
  callRetryAfterDeclineMs: 30_000,
  callsPerHour: 30,
  invitesPerHour: 50,
  chatUnitsPerMinute: 40,
  admissionPollsPerMinute: 30,
};

const HOUR = 3_600_000;
const MINUTE = 60_000;

export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(message: string, waitMs: number) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    super(429, 'rate_limited', `${message}; try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }
}

export class UserLimits {
  constructor(private readonly limiter: Limiter, readonly settings: UserLimitSettings) {}

  /** Before a call rings: not right after this callee declined or missed this caller, and within the hourly count. */
  async beforeCall(callerId: string, calleeId: string): Promise<void> {
    const cooling = await this.limiter.blockedFor(`callback:${callerId}:${calleeId}`);
    if (cooling > 0) throw new RateLimitedError('this contact just declined or missed your call', cooling);
    const wait = await this.limiter.take(`calls:${callerId}`, this.settings.callsPerHour, HOUR);
    if (wait > 0) throw new RateLimitedError(`at most ${this.settings.callsPerHour} calls an hour`, wait);
  }

  /** A call ended: after a decline or no answer, the caller waits before calling this callee again. */
  async afterCall(callerId: string, calleeId: string, outcome: string | undefined): Promise<void> {
    if ((outcome === 'declined' || outcome === 'no_answer') && this.settings.callRetryAfterDeclineMs > 0) {
      await this.limiter.block(`callback:${callerId}:${calleeId}`, this.settings.callRetryAfterDeclineMs);
    }
  }

  /** Before a room is rung: once per interval, and never while its ring (`ringMs` long) still runs. */
  async beforeRoomRing(roomId: string, ringMs: number): Promise<void> {
    const wait = await this.limiter.take(`roomring:${roomId}`, 1, Math.max(this.settings.roomRingIntervalMs, ringMs));
    if (wait > 0) throw new RateLimitedError('this room was rung a moment ago', wait);
  }

  async beforeInvite(userId: string): Promise<void> {
    const wait = await this.limiter.take(`invites:${userId}`, this.settings.invitesPerHour, HOUR);
    if (wait > 0) throw new RateLimitedError(`at most ${this.settings.invitesPerHour} invites an hour`, wait);
  }

  /** Before a chat message of `chars` characters goes out (keyed by the sender's identity). */
  async beforeChat(senderId: string, chars: number): Promise<void> {
    const units = 1 + Math.floor(chars / CHAT_UNIT_CHARS);
    for (let i = 0; i < units; i++) {
      const wait = await this.limiter.take(`chat:${senderId}`, this.settings.chatUnitsPerMinute, MINUTE);
      if (wait > 0) throw new RateLimitedError('you are writing faster than the chat takes', wait);
    }
  }

  /** Before a waiting guest's admission poll: its own budget, not the address's (many guests share a NAT). */
  async beforeAdmissionPoll(guestId: string): Promise<void> {
    const wait = await this.limiter.take(`admission:${guestId}`, this.settings.admissionPollsPerMinute, MINUTE);
    if (wait > 0) throw new RateLimitedError('asking for admission too often', wait);
  }

  close(): Promise<void> {
    return this.limiter.close();
  }
}
