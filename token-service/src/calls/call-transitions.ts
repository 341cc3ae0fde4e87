// The steps of a 1:1 call as pure functions of the stored call: who may take which step, and the
// call after it (or undefined for "nothing to do", or a thrown ApiError the route sends). The
// service applies them to the call store (CallService.step); nothing here reads a clock that is not
// passed in, so every rule is testable without a store or a timer.
import type { CallInfo, CallOutcome, UserRef } from '#protocol/realtime.js';
import { endedCall } from '#protocol/call-end.js';
import { ApiError } from '../http/errors.js';
import type { Absence } from './rejoin-grace.js';

/** One step: the call after it, undefined when there is nothing to do. */
export type CallStep = (call: CallInfo) => CallInfo | undefined;

/** A new ringing call from `caller` to `callee` in the room `room`. */
export function ringingCall(id: string, room: string, caller: UserRef, callee: UserRef, now: Date): CallInfo {
  return { id, room, caller: { id: caller.id, name: caller.name }, callee: { id: callee.id, name: callee.name }, state: 'ringing', createdAt: now.toISOString() };
}

/**
 * The call ended with `outcome`. `at`: when it really ended (a party left and did not come back),
 * used when it lies after the answer; otherwise `now`.
 */
export function finish(call: CallInfo, outcome: CallOutcome, now: Date, at?: Date): CallInfo {
  return endedCall(call, outcome, at && call.answeredAt && at.getTime() > Date.parse(call.answeredAt) ? at : now);
}

/** An active call that `identity` left (ends when they left) or never came into (not connected). */
export function endedWithout(call: CallInfo, identity: string, absence: Absence, now: Date): CallInfo {
  if (absence.kind === 'left') return finish(call, 'completed', now, absence.at);
  // Never connected: no duration; the caller who never came gave up, otherwise it failed.
  return { ...finish(call, identity === call.caller.id ? 'cancelled' : 'failed', now), durationSeconds: 0, reason: 'not_joined' };
}

/** The callee answers; a ring older than `ringTimeoutMs` has ended unanswered instead. */
export function answer(user: UserRef, ringTimeoutMs: number, now: Date): CallStep {
  return (c) => {
    if (c.callee.id !== user.id) throw notFound();
    if (c.state !== 'ringing') throw notRinging(c);
    if (Date.parse(c.createdAt) + ringTimeoutMs < now.getTime()) return finish(c, 'no_answer', now);
    return { ...c, state: 'active', answeredAt: now.toISOString() };
  };
}

/** The callee declines the ringing call. */
export function decline(user: UserRef, now: Date): CallStep {
  return (c) => {
    if (c.callee.id !== user.id) throw notFound();
    if (c.state !== 'ringing') throw notRinging(c);
    return finish(c, 'declined', now);
  };
}

/** The caller withdraws the ringing call. */
export function cancel(user: UserRef, now: Date): CallStep {
  return (c) => {
    if (c.caller.id !== user.id) throw notFound();
    if (c.state !== 'ringing') throw notRinging(c);
    return finish(c, 'cancelled', now);
  };
}

/**
 * Either party hangs up: an active call completes; a ringing one is cancelled (caller) or declined
 * (callee); an ended one stays as it is (hanging up twice is harmless).
 */
export function hangUp(user: UserRef, now: Date): CallStep {
  return (c) => {
    if (c.caller.id !== user.id && c.callee.id !== user.id) throw notFound();
    if (c.state === 'active') return finish(c, 'completed', now);
    if (c.state === 'ringing') return finish(c, c.caller.id === user.id ? 'cancelled' : 'declined', now);
    return undefined;
  };
}

/**
 * A party added people: the active call ends `completed` (its duration up to now) and goes on as the
 * meeting `meeting` in the same room. Anything but an active call refuses (a converted call is ended).
 */
export function convert(user: UserRef, meeting: { room: string; name: string }, now: Date): CallStep {
  return (c) => {
    if (c.caller.id !== user.id && c.callee.id !== user.id) throw notInCall();
    if (c.state !== 'active') throw notActive(c);
    return { ...finish(c, 'completed', now), reason: 'converted', meeting: { room: meeting.room, name: meeting.name } };
  };
}

/** Nobody answered within the ring timeout. */
export function unanswered(now: Date): CallStep {
  return (c) => (c.state === 'ringing' ? finish(c, 'no_answer', now) : undefined);
}

/** The caller left the call room (or it closed) before anyone answered: they gave up. */
export function callerGaveUp(now: Date): CallStep {
  return (c) => (c.state === 'ringing' ? finish(c, 'cancelled', now) : undefined);
}

/** `userId` has no portal page any more after the grace: their active call ends, their own ring is cancelled. */
export function pagesGone(userId: string, absence: Absence, now: Date): CallStep {
  return (c) => {
    if (c.state === 'active') return endedWithout(c, userId, absence, now);
    if (c.state === 'ringing' && c.caller.id === userId) return finish(c, 'cancelled', now);
    return undefined;
  };
}

/** A party did not come back (or never came) within the rejoin grace: the active call ends. */
export function partyGone(identity: string, absence: Absence, now: Date): CallStep {
  return (c) => (c.state === 'active' ? endedWithout(c, identity, absence, now) : undefined);
}

export function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'no such call');
}

export function notRinging(call: CallInfo): ApiError {
  return new ApiError(409, 'call_not_ringing', `the call is ${call.state === 'ended' ? `over (${call.outcome})` : 'already answered'}`, call);
}

export function notInCall(): ApiError {
  return new ApiError(403, 'not_in_call', 'only a party of the call may add people to it');
}

export function notActive(call: CallInfo): ApiError {
  const why = call.reason === 'converted' ? 'already a meeting; ring colleagues into the meeting' : call.state === 'ended' ? `over (${call.outcome})` : 'not answered yet';
  return new ApiError(409, 'call_not_active', `the call is ${why}`, call);
}
