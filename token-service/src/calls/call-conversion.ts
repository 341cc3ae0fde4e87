// "Person hinzufügen" (POST /v1/calls/:id/add-people): a party of an active 1:1 call rings colleagues,
// and the call becomes a meeting in its own LiveKit room, so nobody reconnects. The order matters:
// everything that can refuse (party, state, users, limits) is checked first and converts nothing;
// then the meeting is stored and written into the room's metadata (a restart rebuilds it), the two
// parties are marked in it (busy without a gap), the call ends `converted` (both pages learn the
// meeting from that `call` frame), and only then are the colleagues rung into the room.
import type { RoomRing, UserRef } from '#protocol/realtime.js';
import type { CallConvertAnswer } from '#protocol/rest.js';
import { ApiError } from '../http/errors.js';
import type { CallService } from './call-service.js';
import type { CallMeetings } from './call-meetings.js';
import { callAsRing, meetingName, type CallMeeting } from './call-meetings.js';
import type { ColleagueRinger } from './colleague-ring.js';
import { notActive, notInCall } from './call-transitions.js';

export interface CallConversionDeps {
  calls: Pick<CallService, 'record' | 'convert'>;
  meetings: Pick<CallMeetings, 'create' | 'finished'>;
  colleagueRings: Pick<ColleagueRinger, 'plan' | 'send'>;
  /** Identities in the LiveKit room now. */
  participants(room: string): Promise<string[]>;
  /** Marks the user in (or out of) the room's meeting: busy in presence. */
  setInConference(userId: string, room: string, present: boolean): Promise<void>;
  /** The parties' call history gets the meeting (the callee's as called by the caller). */
  history?: { meetingJoined(user: UserRef, room: { id: string; name: string }, ring?: RoomRing): Promise<void> };
}

export class CallConversion {
  constructor(private readonly deps: CallConversionDeps) {}

  async addPeople(user: UserRef, callId: string, userIds: readonly string[]): Promise<CallConvertAnswer> {
    const { calls, meetings, colleagueRings } = this.deps;
    const call = await calls.record(callId);
    if (!call) throw new ApiError(404, 'not_found', 'no such call');
    if (call.caller.id !== user.id && call.callee.id !== user.id) throw notInCall();
    if (call.state !== 'active') throw notActive(call);
    const partner = call.caller.id === user.id ? call.callee : call.caller;
    if (userIds.includes(partner.id)) throw new ApiError(400, 'invalid_input', `${partner.name} is in the call already`);
    const place = { id: call.room, name: meetingName(call.caller, call.callee) };
    const inviter = call.caller.id === user.id ? call.caller : call.callee;
    const present = await this.deps.participants(call.room);
    const plan = await colleagueRings.plan(inviter, place, present, userIds);

    const parties = [call.caller.id, call.callee.id];
    const record: CallMeeting = { room: call.room, name: place.name, moderator: call.caller, members: parties, fromCall: call.id, createdAt: new Date().toISOString() };
    await meetings.create(record);
    for (const id of parties) await this.deps.setInConference(id, call.room, true);
    let ended;
    try {
      ended = await calls.convert(user, callId, { room: call.room, name: place.name });
    } catch (err) {
      await this.undo(call.room, parties);
      throw err;
    }
    if (ended.reason !== 'converted' || ended.meeting?.room !== call.room) {
      // Another step (a hang-up on another process) ended the call first.
      await this.undo(call.room, parties);
      throw notActive(ended);
    }
    const meeting = { id: call.room, name: place.name };
    await this.deps.history?.meetingJoined(call.caller, meeting);
    await this.deps.history?.meetingJoined(call.callee, meeting, callAsRing(record));
    const answer = await colleagueRings.send(plan);
    return { meeting: { room: call.room, name: place.name }, ...answer };
  }

  private async undo(room: string, parties: string[]): Promise<void> {
    await this.deps.meetings.finished(room);
    for (const id of parties) await this.deps.setInConference(id, room, false);
  }
}
