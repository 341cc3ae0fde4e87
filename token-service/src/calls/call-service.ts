// 1:1 calls: ringing, answering, declining, cancelling, ending, and the outcomes both sides see.
// The call record lives in the call store, so any process can take the next step of a call.
import { randomBytes } from 'node:crypto';
import type { CallGrant } from '../../../sdk/src/protocol/rest.js';
import type { CallInfo, CallOutcome, UserRef } from '../../../sdk/src/protocol/realtime.js';
import { ApiError } from '../http/errors.js';
import type { RealtimeBus } from '../realtime/bus.js';
import type { RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import type { UserLimits } from '../limits/user-limits.js';
import type { Metrics } from '../http/metrics.js';
import { logFailure, type Logger } from '../http/logger.js';

export interface CallDeps {
  /** Delivers call events to both sides' pages. */
  bus: Pick<RealtimeBus, 'publish'>;
  store: CallStore;
  settings: RealtimeSettings;
  getUser(id: string): Promise<UserRef | undefined>;
  /** A LiveKit token for the private call room (role 'caller'). */
  mintCallToken(user: UserRef, room: string): Promise<string>;
  livekitUrl: string;
  /** Per-user limits (calls per hour, no calling back right after a decline); none when absent. */
  limits?: UserLimits;
  /** Counts call states and outcomes for GET /metrics. */
  metrics?: Pick<Metrics, 'call'>;
  /** Where failures of the call timers go. */
  logger: Logger;
}

const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
export const CALL_ROOM_PREFIX = 'call-';
const key = (id: string) => `call:${id}`;

export class CallService {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: CallDeps) {}

  /**
   * Rings every page of the callee. A callee already engaged ends the call at once as "busy".
   * Two people calling each other at the same moment get one call: the second caller answers
   * the first one's call (the answer carries that call, already active).
   */
  async start(caller: UserRef, calleeId: string): Promise<CallGrant> {
    if (calleeId === caller.id) throw new ApiError(400, 'invalid_input', 'you cannot call yourself');
    const callee = await this.deps.getUser(calleeId);
    if (!callee) throw new ApiError(404, 'not_found', 'no such contact');
    const crossing = await this.answerCrossingCall(caller, calleeId);
    if (crossing) return crossing;
    // After the crossing check: answering someone who is calling you is never limited.
    await this.deps.limits?.beforeCall(caller.id, callee.id);
    const id = randomBytes(12).toString('hex');
    const call: CallInfo = {
      id, room: CALL_ROOM_PREFIX + id,
      caller: { id: caller.id, name: caller.name }, callee: { id: callee.id, name: callee.name },
      state: 'ringing', createdAt: new Date().toISOString(),
    };
    const { store, settings } = this.deps;
    const claim = await store.claimLines(caller.id, callee.id, id, settings.ringTimeoutMs + 60_000);
    if (claim !== 'ok') {
      // The other one may have placed their call to us a moment ago.
      const joined = await this.answerCrossingCall(caller, calleeId);
      if (joined) return joined;
    }
    if (claim === 'caller_busy') {
      // Say which call, so the caller's page shows it and disables its call buttons.
      const current = await this.currentCallOf(caller.id);
      throw new ApiError(409, 'already_in_call', 'you are already in a call', current);
    }
    if (claim === 'callee_busy') {
      const ended = finish(call, 'busy');
      await store.putRecord(key(id), JSON.stringify(ended), RECORD_TTL_MS);
      this.deps.metrics?.call(undefined, ended);
      await this.announce(ended);
      throw new ApiError(409, 'busy', `${callee.name} is in another call or a conference`, ended);
    }
    await store.putRecord(key(id), JSON.stringify(call), RECORD_TTL_MS);
    this.deps.metrics?.call(undefined, call);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.step(id, (c) => (c.state === 'ringing' ? finish(c, 'no_answer') : undefined))
        .catch(logFailure(this.deps.logger, 'ending an unanswered call failed', { call: id }));
    }, settings.ringTimeoutMs);
    timer.unref();
    this.timers.add(timer);
    const token = await this.deps.mintCallToken(call.caller, call.room);
    await this.announce(call);
    return { call, token, url: this.deps.livekitUrl };
  }

  /** The callee answers on one page; `page` (from `ready`) lets their other pages stop ringing. */
  async accept(user: UserRef, id: string, page?: string): Promise<CallGrant> {
    const call = await this.step(id, (c) => {
      if (c.callee.id !== user.id) throw notFound();
      if (c.state !== 'ringing') throw notRinging(c);
      if (Date.parse(c.createdAt) + this.deps.settings.ringTimeoutMs < Date.now()) return finish(c, 'no_answer');
      return { ...c, state: 'active', answeredAt: new Date().toISOString() };
    }, page);
    if (call.state !== 'active') throw notRinging(call);
    const token = await this.deps.mintCallToken(call.callee, call.room);
    return { call, token, url: this.deps.livekitUrl };
  }

  async decline(user: UserRef, id: string): Promise<CallInfo> {
    return this.step(id, (c) => {
      if (c.callee.id !== user.id) throw notFound();
      if (c.state !== 'ringing') throw notRinging(c);
      return finish(c, 'declined');
    });
  }

  async cancel(user: UserRef, id: string): Promise<CallInfo> {
    return this.step(id, (c) => {
      if (c.caller.id !== user.id) throw notFound();
      if (c.state !== 'ringing') throw notRinging(c);
      return finish(c, 'cancelled');
    });
  }

  /** Hangs up: an active call completes; a ringing one is cancelled (caller) or declined (callee). */
  async end(user: UserRef, id: string): Promise<CallInfo> {
    let current: CallInfo | undefined;
    const call = await this.step(id, (c) => {
      if (c.caller.id !== user.id && c.callee.id !== user.id) throw notFound();
      current = c;
      if (c.state === 'active') return finish(c, 'completed');
      if (c.state === 'ringing') return finish(c, c.caller.id === user.id ? 'cancelled' : 'declined');
      return undefined; // already ended: hanging up twice is harmless
    });
    return call ?? current!;
  }

  /**
   * When `calleeId`'s call to `caller` is ringing, `caller` answers it. The record of a line
   * claimed an instant ago may not be written yet: look again briefly.
   */
  private async answerCrossingCall(caller: UserRef, calleeId: string): Promise<CallGrant | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await this.deps.store.lineOf(caller.id);
      if (!id) return undefined;
      const raw = await this.deps.store.getRecord(key(id));
      if (!raw) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const c = JSON.parse(raw) as CallInfo;
      if (c.state !== 'ringing' || c.caller.id !== calleeId || c.callee.id !== caller.id) return undefined;
      try {
        return await this.accept(caller, id);
      } catch (err) {
        if (err instanceof ApiError) return undefined; // it ended or was answered meanwhile
        throw err;
      }
    }
    return undefined;
  }

  /** The call that rings or runs for this user now, if any (sent to a page when it connects). */
  async currentCallOf(userId: string): Promise<CallInfo | undefined> {
    const id = await this.deps.store.lineOf(userId);
    if (!id) return undefined;
    const raw = await this.deps.store.getRecord(key(id));
    const call = raw ? (JSON.parse(raw) as CallInfo) : undefined;
    return call && call.state !== 'ended' ? call : undefined;
  }

  /**
   * The user has no portal page open anywhere any more, so no call window either: their active
   * call is over, and a call they were placing is cancelled. (Covers webhooks LiveKit dropped.)
   */
  async userGone(userId: string): Promise<void> {
    const id = await this.deps.store.lineOf(userId);
    if (!id) return;
    await this.step(id, (c) => {
      if (c.state === 'active') return finish(c, 'completed');
      if (c.state === 'ringing' && c.caller.id === userId) return finish(c, 'cancelled');
      return undefined; // a callee who went away keeps being rung until the timeout
    }).catch((err) => {
      if (!(err instanceof ApiError)) throw err;
    });
  }

  /** LiveKit says someone left the call room or the room is gone. */
  async roomEvent(event: 'participant_left' | 'room_finished', room: string, identity?: string): Promise<void> {
    if (!room.startsWith(CALL_ROOM_PREFIX)) return;
    const id = room.slice(CALL_ROOM_PREFIX.length);
    await this.step(id, (c) => {
      if (event === 'participant_left' && identity !== c.caller.id && identity !== c.callee.id) return undefined;
      if (c.state === 'active') return finish(c, 'completed');
      // The caller left the room before anyone answered: they gave up.
      if (c.state === 'ringing' && (event === 'room_finished' || identity === c.caller.id)) return finish(c, 'cancelled');
      return undefined;
    }).catch((err) => {
      if (!(err instanceof ApiError)) throw err;
    });
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * Applies one transition to the stored call (compare and swap, retried when another process
   * changed it meanwhile), then updates both lines and tells both sides. `change` returns
   * undefined for "nothing to do".
   */
  private async step(id: string, change: (c: CallInfo) => CallInfo | undefined, answeredBy?: string): Promise<CallInfo> {
    const { store, settings } = this.deps;
    for (let attempt = 0; attempt < 8; attempt++) {
      const raw = await store.getRecord(key(id));
      if (!raw) throw notFound();
      const before = JSON.parse(raw) as CallInfo;
      const after = change(before);
      if (!after) return before;
      if (!(await store.swapRecord(key(id), raw, JSON.stringify(after), RECORD_TTL_MS))) continue;
      this.deps.metrics?.call(before, after);
      const users = [after.caller.id, after.callee.id];
      if (after.state === 'active') await store.markLinesActive(users, id, settings.maxCallMs);
      if (after.state === 'ended') {
        await store.releaseLines(users, id);
        await this.deps.limits?.afterCall(after.caller.id, after.callee.id, after.outcome);
      }
      await this.announce(after, answeredBy);
      return after;
    }
    throw new ApiError(409, 'conflict', 'the call changed too often; try again');
  }

  private announce(call: CallInfo, answeredBy?: string): Promise<void> {
    return this.deps.bus.publish({ to: [call.caller.id, call.callee.id], message: { type: 'call', call }, answeredBy });
  }
}

function finish(call: CallInfo, outcome: CallOutcome): CallInfo {
  const endedAt = new Date();
  const ended: CallInfo = { ...call, state: 'ended', outcome, endedAt: endedAt.toISOString() };
  ended.durationSeconds = call.answeredAt ? Math.max(0, Math.round((endedAt.getTime() - Date.parse(call.answeredAt)) / 1000)) : 0;
  return ended;
}

function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'no such call');
}

function notRinging(call: CallInfo): ApiError {
  return new ApiError(409, 'call_not_ringing', `the call is ${call.state === 'ended' ? `over (${call.outcome})` : 'already answered'}`, call);
}
