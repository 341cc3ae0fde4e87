// Answers of the token service's REST routes that the SDK reads: calls, room rings, and the body of
// every error. Part of the wire protocol module (sdk/src/protocol): no DOM, no imports from outside
// this folder.
import type { ErrorCode } from './errors.js';
import type { CallInfo } from './realtime.js';

/** The body of every error answer. Call errors add the call they are about (e.g. 409 `busy`). */
export interface ErrorBody {
  /** `retryAfterSeconds` comes with `rate_limited` from a per-user limit: how long to wait. */
  error: { code: ErrorCode; message: string; retryAfterSeconds?: number };
  call?: CallInfo;
}

/** What POST /v1/calls and /v1/calls/:id/accept return: the call and this side's LiveKit token. */
export interface CallGrant { call: CallInfo; token: string; url: string }

/** What GET /v1/calls/current returns: the user's ringing or active call as the service knows it. */
export interface CurrentCallAnswer { call: CallInfo | null }

/** What POST /v1/rooms/:room/ring returns: the members invited (online or busy, without the caller). */
export interface RoomRingResult { ringId: string; invited: string[] }

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
