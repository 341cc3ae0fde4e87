// Answers of the token service's REST routes that the SDK reads: calls, room rings, and the body of
// every error. Part of the wire protocol module (protocol/, imported as `#protocol/…`): no DOM, no imports from outside
// this folder.
import type { ErrorCode } from './errors.js';
import type { CallInfo, PresenceStatus, RoomParticipantStatus } from './realtime.js';

/** The body of every error answer. Call errors add the call they are about (e.g. 409 `busy`). */
export interface ErrorBody {
  /** `retryAfterSeconds` comes with `rate_limited` from a per-user limit: how long to wait. */
  error: { code: ErrorCode; message: string; retryAfterSeconds?: number; opensAt?: string };
  call?: CallInfo;
}

/** What POST /v1/calls and /v1/calls/:id/accept return: the call and this side's LiveKit token. */
export interface CallGrant { call: CallInfo; token: string; url: string }

/** What GET /v1/calls/current returns: the user's ringing or active call as the service knows it. */
export interface CurrentCallAnswer { call: CallInfo | null }

/** What POST /v1/rooms/:room/ring returns: the members invited (online or busy, without the caller). */
export interface RoomRingResult { ringId: string; invited: string[] }
/** What GET /v1/rooms/:room/ring returns: who a ring would reach now (the same members, with their names). */
/** `GET /v1/directory/users?q=&limit=`: colleagues whose name or id matches, with presence; never the asker. */
export interface ColleagueSearchAnswer { users: Array<{ id: string; name: string; status: PresenceStatus }> }
/** One colleague of `POST /v1/rooms/:room/ring-colleagues`: rung now, or why not (then the inviter also gets a `colleague-ring-answer` frame). */
export interface ColleagueRingResult { id: string; name: string; outcome: 'ringing' | 'present' | 'busy' | 'offline' }
export interface ColleagueRingAnswer { ringId: string; rung: ColleagueRingResult[] }
/**
 * What `POST /v1/calls/:id/add-people` returns: the call became this meeting (same LiveKit room, no
 * new token) and the colleagues were rung into it as by `ring-colleagues`.
 */
export interface CallConvertAnswer extends ColleagueRingAnswer { meeting: { room: string; name: string } }
export interface RoomRingReach { members: Array<{ id: string; name: string }> }

/** What POST /v1/invites/lookup returns: what the guest page shows before anyone joins. */
export interface InviteInfo {
  room: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  expiresAt: string;
  /** When the service starts handing out guest tokens (start minus GUEST_JOIN_OPENS_MINUTES). */
  opensAt: string;
  /** The name the inviter gave for the guest, to pre-fill. */
  guestName?: string;
}

/** A guest's LiveKit grant: POST /v1/guest/token (let in at once) or POST /v1/guest/admission (admitted). */
export interface GuestGrant {
  state: 'admitted';
  token: string;
  url: string;
  identity: string;
  room: string;
  role: 'guest';
  name: string;
  /** The guest's credential for this service (admission, hand, chat) until the invite expires. */
  guestToken: string;
}

/** A guest who has to wait: poll POST /v1/guest/admission with `guestToken` as bearer. */
export interface GuestWaiting {
  state: 'waiting';
  identity: string;
  room: string;
  name: string;
  guestToken: string;
  /** Why: no moderator is in the meeting yet, or the invite lets guests in one by one. */
  reason: 'no_moderator' | 'waiting_room';
}

/** POST /v1/guest/admission: still waiting, admitted (with the grant) or turned away. */
export type GuestAdmission = GuestGrant | { state: 'waiting'; reason: GuestWaiting['reason'] } | { state: 'denied' };

/** A guest in a room's waiting room, as moderators see them. */
export interface WaitingGuest { identity: string; name: string; since: string; inviteId: string; /** The name reads like a room member's. */ resembles?: true }

/** An open invite of a room, as GET /v1/rooms/:room/invites lists it for moderators. */
export interface OpenInvite {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  expiresAt: string;
  guestName?: string;
  email?: string;
  waitingRoom: boolean;
  url: string;
  mailto: string;
}

/** What POST /v1/rooms/:room/invites returns. */
export interface CreatedInvite extends OpenInvite { invite: string }

/** What POST /v1/token returns: a member's LiveKit token for a directory room. */
export interface RoomTokenGrant {
  token: string;
  url: string;
  identity: string;
  room: string;
  /** `moderator` only when the directory lists the user as moderator and the body said `moderator: true`. */
  role: 'member' | 'moderator' | 'guest';
  /** The directory lists the user as a moderator of this room: the view may offer "Ich bin Moderator". */
  canModerate: boolean;
}

/**
 * What GET /v1/rooms/:room answers (members): the meeting as LiveKit lists it now. Not the realtime
 * `room` frame's RoomStatus: no count, no `startedAt` (the earliest `joinedAt` is the meeting's start).
 */
export interface RoomStatusAnswer {
  room: { id: string; name: string };
  /** `meeting`: a 1:1 call turned into a meeting (no chat room behind it: no guest invites, no schedule). Absent for a chat room. */
  kind?: 'meeting';
  /** Someone is in the meeting. */
  running: boolean;
  /** A moderator ended the meeting (POST /v1/rooms/:room/end) and nobody joined since. */
  ended: boolean;
  /** `joinedAt`: when LiveKit saw them join (ISO time), when it says. */
  participants: Array<RoomParticipantStatus & { joinedAt?: string }>;
}

/** One chat message of a room's meeting; `from` is the authenticated sender, never the body. */
export interface ChatMessage {
  id: string;
  from: { identity: string; name: string; guest: boolean };
  at: string;
  text: string;
}

/** The LiveKit data topic the service delivers chat messages on, payload `{type:'chat', message}`. */
export const CHAT_TOPIC = 'timio.chat';
/** Longest chat message, in characters after trimming. */
export const CHAT_MAX_LENGTH = 2000;
/** What POST /v1/rooms/:room/hand returns (the service sets the attribute `timio.hand`). */
export interface HandResult { room: string; identity: string; raised: boolean; raisedAt?: string }

/** The conference view's name for a chat message. */
export type RoomChatMessage = ChatMessage;
