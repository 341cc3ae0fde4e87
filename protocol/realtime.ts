// The realtime protocol of `/v1/realtime` (docs/contracts.md "Realtime protocol"): JSON text frames
// and close codes. Part of the wire protocol module (protocol/, imported as `#protocol/…`): the SDK and the token service
// both import it, and the published .d.ts files carry it. No DOM, no imports from outside this folder.
import type { ErrorCode } from './errors.js';

export type PresenceStatus = 'online' | 'offline' | 'busy';

export interface UserRef { id: string; name: string }

export type CallState = 'ringing' | 'active' | 'ended';
export type CallOutcome = 'completed' | 'declined' | 'busy' | 'no_answer' | 'cancelled' | 'failed';

export interface CallInfo {
  id: string;
  room: string;
  caller: UserRef;
  callee: UserRef;
  state: CallState;
  outcome?: CallOutcome;
  /** This page stops ringing because another page of the callee answered. */
  answeredElsewhere?: boolean;
  createdAt: string;
  answeredAt?: string;
  endedAt?: string;
  durationSeconds?: number;
  /**
   * Why an ended call ended, where the outcome alone does not say: `not_joined` (answered, but a
   * party never came into the room within the rejoin grace), `service_restarted` (it was ringing
   * when the token service restarted; the ring could not go on), `converted` (a party added people:
   * the call goes on as a meeting in the same LiveKit room, `meeting`).
   */
  reason?: CallEndReason;
  /** Only on an end with `reason: 'converted'`: the meeting the call became (same LiveKit room, `room`). */
  meeting?: { room: string; name: string };
}

export type CallEndReason = 'not_joined' | 'service_restarted' | 'converted';

export interface RoomRing {
  id: string;
  room: string;
  roomName: string;
  caller: UserRef;
  at: string;
  /** Show without a ring tone: the member signed in after the ring, or is in a call or conference. */
  silent?: boolean;
  /** A colleague rang this person into the meeting ("Kollegen hinzurufen"), not the room's "call all members". */
  direct?: true;
}

/** Who is in a room's conference, as `room` frames push it (and `GET /v1/rooms/:room` lists them, with `joinedAt`). */
export interface RoomParticipantStatus {
  identity: string;
  name: string;
  guest: boolean;
  moderator: boolean;
  handRaisedAt?: string;
}

/** A room as the realtime `room` frame reports it (GET /v1/rooms/:room answers RoomStatusAnswer, rest.ts). */
export interface RoomStatus {
  id: string;
  name: string;
  /** `meeting`: a 1:1 call turned into a meeting (no chat room behind it: no guest invites). Absent for a chat room. */
  kind?: 'meeting';
  running: boolean;
  startedAt?: string;
  count: number;
  participants: RoomParticipantStatus[];
  nextMeeting?: { title: string; startsAt: string; durationMinutes: number };
}

// Client → server
export interface AuthMessage { type: 'auth'; token: string }
export interface WatchMessage { type: 'watch'; add?: string[]; remove?: string[] }
export interface PingMessage { type: 'ping' }
/** Rooms whose status this page shows (room bars); the service pushes `room` frames for them. */
export interface WatchRoomsMessage { type: 'watch-rooms'; add?: string[]; remove?: string[] }
export type ClientMessage = AuthMessage | WatchMessage | PingMessage | WatchRoomsMessage;

// Server → client
/** `page` names this connection; pass it to `POST /v1/calls/:id/accept {page}` so the other pages learn they were answered elsewhere. */
export interface ReadyMessage { type: 'ready'; user: UserRef; page: string }
export interface PresenceMessage { type: 'presence'; users: Array<{ id: string; status: PresenceStatus }> }
export interface CallMessage { type: 'call'; call: CallInfo }
export interface RoomRingMessage { type: 'room-ring'; ring: RoomRing }
export interface RoomRingEndedMessage { type: 'room-ring-ended'; id: string }
export interface PongMessage { type: 'pong' }
/** A watched room's status: once on watch, then on every change. */
export interface RoomMessage { type: 'room'; room: RoomStatus }
/** To the room's moderators: a guest waits to be let in ("… möchte teilnehmen"). */
export interface GuestWaitingMessage { type: 'guest-waiting'; room: string; guest: { identity: string; name: string; since: string; resembles?: true } }
/**
 * To the room's moderators: a guest chose a name that reads like a room member's (the same, or
 * with confusable letters). Not refused, so the answer to the guest tells nothing about the
 * directory; the guest is marked "Gast" like every guest, and the moderators know.
 */
export interface GuestResemblesMessage { type: 'guest-resembles'; room: string; guest: { identity: string; name: string } }
/** To the room's moderators: a waiting guest was admitted, denied, or gave up; the notice goes. */
export interface GuestDecidedMessage { type: 'guest-decided'; room: string; identity: string; decision: 'admitted' | 'denied' | 'left'; by?: UserRef }
/** How a colleague rung into a meeting answered (`POST /v1/rooms/:room/ring-colleagues`): `busy` and `offline` at once (nobody was rung). */
export type ColleagueRingOutcome = 'declined' | 'no_answer' | 'busy' | 'offline';
/**
 * To the person who rang a colleague into a meeting (all their pages): the colleague declined, let
 * it ring out, or could not be rung. Joining needs no frame: the colleague appears in the meeting.
 */
export interface ColleagueRingAnswerMessage { type: 'colleague-ring-answer'; room: string; ring: string; user: UserRef; outcome: ColleagueRingOutcome }
/** `room` is set when the error is about a room the page asked to watch (`not_a_member`, `not_found`). */
export interface ErrorMessage { type: 'error'; error: { code: ErrorCode; message: string }; room?: string }
export type ServerMessage =
  | ReadyMessage | PresenceMessage | CallMessage | RoomRingMessage | RoomRingEndedMessage | RoomMessage | PongMessage | ErrorMessage
  | GuestWaitingMessage | GuestDecidedMessage | GuestResemblesMessage | ColleagueRingAnswerMessage;

/** WebSocket close codes of the realtime endpoint. */
export const CloseCode = {
  unauthorized: 4001,
  authTimeout: 4002,
  malformed: 4003,
  flood: 4008,
  /** Set by the server's WebSocket library when a frame exceeds the size limit. */
  tooBig: 1009,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
  /** The server failed handling a frame; reconnect. */
  internal: 1011,
} as const;
