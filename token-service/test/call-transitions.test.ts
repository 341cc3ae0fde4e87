// The steps of a 1:1 call as pure functions (token-service/src/calls/call-transitions.ts): who may
// take which step, what the call looks like after it, and which error a wrong step is. The HTTP
// and realtime tests (realtime/calls.test.ts) cover the same rules through the running service.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CallInfo } from '#protocol/realtime.js';
import { ApiError } from '../src/http/errors.js';
import * as steps from '../src/calls/call-transitions.js';
import { meetingFromRoomMetadata, meetingName, meetingRoomMetadata, type CallMeeting } from '../src/calls/call-meetings.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };
const carla = { id: 'carla', name: 'Carla Weber' };
// Times relative to when the test runs, never a fixed day.
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const RING_MS = 30_000;

function ringing(createdAt = ago(5_000)): CallInfo {
  return steps.ringingCall('c1', 'call-c1', anna, ben, createdAt);
}
function active(answeredAt = ago(60_000)): CallInfo {
  return { ...ringing(ago(70_000)), state: 'active', answeredAt: answeredAt.toISOString() };
}
function rejects(step: steps.CallStep, call: CallInfo, status: number, code: string): void {
  assert.throws(() => step(call), (err: unknown) => err instanceof ApiError && err.status === status && err.code === code);
}

describe('call steps', () => {
  it('a new call rings from the caller to the callee, with names only', () => {
    const call = steps.ringingCall('c1', 'call-c1', { ...anna, extra: 1 } as typeof anna, ben, now);
    assert.deepEqual(call, { id: 'c1', room: 'call-c1', caller: anna, callee: ben, state: 'ringing', createdAt: now.toISOString() });
  });

  it('only the callee answers a ringing call; it becomes active, answered now', () => {
    const after = steps.answer(ben, RING_MS, now)(ringing());
    assert.equal(after?.state, 'active');
    assert.equal(after?.answeredAt, now.toISOString());
    rejects(steps.answer(anna, RING_MS, now), ringing(), 404, 'not_found');
    rejects(steps.answer(carla, RING_MS, now), ringing(), 404, 'not_found');
    rejects(steps.answer(ben, RING_MS, now), active(), 409, 'call_not_ringing');
  });

  it('an answer after the ring timeout finds the call ended unanswered', () => {
    const after = steps.answer(ben, RING_MS, now)(ringing(ago(RING_MS + 1_000)));
    assert.equal(after?.state, 'ended');
    assert.equal(after?.outcome, 'no_answer');
    assert.equal(after?.durationSeconds, 0);
  });

  it('the callee declines, the caller cancels, each only their own side of a ringing call', () => {
    assert.equal(steps.decline(ben, now)(ringing())?.outcome, 'declined');
    rejects(steps.decline(anna, now), ringing(), 404, 'not_found');
    assert.equal(steps.cancel(anna, now)(ringing())?.outcome, 'cancelled');
    rejects(steps.cancel(ben, now), ringing(), 404, 'not_found');
    const ended = steps.decline(ben, now)(ringing())!;
    assert.throws(() => steps.cancel(anna, now)(ended), (err: unknown) => err instanceof ApiError && err.code === 'call_not_ringing' && /over \(declined\)/.test(err.message));
  });

  it('hanging up completes an active call with its duration; a ring is cancelled or declined; twice is harmless', () => {
    const done = steps.hangUp(ben, now)(active(ago(90_000)))!;
    assert.equal(done.outcome, 'completed');
    assert.equal(done.durationSeconds, 90);
    assert.equal(steps.hangUp(anna, now)(ringing())?.outcome, 'cancelled');
    assert.equal(steps.hangUp(ben, now)(ringing())?.outcome, 'declined');
    assert.equal(steps.hangUp(anna, now)(done), undefined);
    rejects(steps.hangUp(carla, now), active(), 404, 'not_found');
  });

  it('the ring timeout and the caller leaving the room end only a call still ringing', () => {
    assert.equal(steps.unanswered(now)(ringing())?.outcome, 'no_answer');
    assert.equal(steps.unanswered(now)(active()), undefined);
    assert.equal(steps.callerGaveUp(now)(ringing())?.outcome, 'cancelled');
    assert.equal(steps.callerGaveUp(now)(active()), undefined);
  });

  it('a party who left and stayed away ends the call when they left, not when the grace ran out', () => {
    const leftAt = ago(20_000);
    const ended = steps.partyGone('ben', { kind: 'left', at: leftAt }, now)(active(ago(80_000)))!;
    assert.equal(ended.outcome, 'completed');
    assert.equal(ended.endedAt, leftAt.toISOString());
    assert.equal(ended.durationSeconds, 60);
    // A leave before the answer cannot be the end: then it ends now.
    const early = steps.partyGone('ben', { kind: 'left', at: ago(100_000) }, now)(active(ago(80_000)))!;
    assert.equal(early.endedAt, now.toISOString());
    assert.equal(steps.partyGone('ben', { kind: 'left', at: leftAt }, now)(ringing()), undefined);
  });

  it('a party who never came into the answered call: the caller gave up, a missing callee failed, no duration', () => {
    const byCaller = steps.partyGone('anna', { kind: 'never_joined' }, now)(active())!;
    assert.deepEqual([byCaller.outcome, byCaller.durationSeconds, byCaller.reason], ['cancelled', 0, 'not_joined']);
    const byCallee = steps.partyGone('ben', { kind: 'never_joined' }, now)(active())!;
    assert.deepEqual([byCallee.outcome, byCallee.durationSeconds, byCallee.reason], ['failed', 0, 'not_joined']);
  });

  it('no portal page left: the active call ends, the caller\'s own ring is cancelled, a callee keeps being rung', () => {
    assert.equal(steps.pagesGone('ben', { kind: 'left', at: ago(1_000) }, now)(active())?.outcome, 'completed');
    assert.equal(steps.pagesGone('anna', { kind: 'left', at: ago(1_000) }, now)(ringing())?.outcome, 'cancelled');
    assert.equal(steps.pagesGone('ben', { kind: 'left', at: ago(1_000) }, now)(ringing()), undefined);
  });

  it('either party converts an active call: it ends completed up to now, reason converted, with the meeting', () => {
    const meeting = { room: 'call-c1', name: meetingName(anna, ben) };
    assert.equal(meeting.name, 'Anna Schmidt, Ben Müller');
    for (const who of [anna, ben]) {
      const after = steps.convert(who, meeting, now)(active(ago(60_000)));
      assert.deepEqual([after?.state, after?.outcome, after?.reason, after?.meeting, after?.durationSeconds], ['ended', 'completed', 'converted', meeting, 60]);
    }
    rejects(steps.convert(carla, meeting, now), active(), 403, 'not_in_call');
    rejects(steps.convert(anna, meeting, now), ringing(), 409, 'call_not_active');
    const converted = steps.convert(anna, meeting, now)(active())!;
    rejects(steps.convert(ben, meeting, now), converted, 409, 'call_not_active');
  });
});

describe('a call turned meeting in its room\'s metadata', () => {
  const meeting: CallMeeting = { room: 'call-c1', name: 'Anna Schmidt, Ben Müller', moderator: anna, members: ['anna', 'ben', 'carla'], fromCall: 'c1', createdAt: now.toISOString() };

  it('reads back what it wrote, for its own room only', () => {
    assert.deepEqual(meetingFromRoomMetadata('call-c1', meetingRoomMetadata(meeting)), meeting);
    assert.equal(meetingFromRoomMetadata('call-c2', meetingRoomMetadata(meeting)), undefined);
  });

  it('ignores anything else: a call\'s metadata, malformed JSON, missing or wrong fields', () => {
    const bad = (m: unknown) => meetingFromRoomMetadata('call-c1', JSON.stringify({ kind: 'timio-meeting', meeting: m }));
    assert.equal(meetingFromRoomMetadata('call-c1', JSON.stringify({ kind: 'timio-call', call: { id: 'c1', room: 'call-c1' } })), undefined);
    assert.equal(meetingFromRoomMetadata('call-c1', '{not json'), undefined);
    assert.equal(meetingFromRoomMetadata('call-c1', ''), undefined);
    assert.equal(bad({ ...meeting, moderator: 'anna' }), undefined);
    assert.equal(bad({ ...meeting, members: 'anna' }), undefined);
    assert.equal(bad({ ...meeting, members: ['anna', 7] }), undefined);
    assert.equal(bad({ ...meeting, name: undefined }), undefined);
    assert.equal(bad({ ...meeting, fromCall: 1 }), undefined);
  });
});
