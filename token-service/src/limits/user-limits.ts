// Per-user limits on what reaches other people: ringing a room, calling someone, inviting guests.
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
}

export const defaultUserLimits: UserLimitSettings = {
  roomRingIntervalMs: 120_000,
  callRetryAfterDeclineMs: 30_000,
  callsPerHour: 30,
  invitesPerHour: 50,
};

const HOUR = 3_600_000;

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

  close(): Promise<void> {
    return this.limiter.close();
  }
}
