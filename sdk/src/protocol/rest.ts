// Answers of the token service's REST routes that the SDK reads: calls, room rings, and the body of
// every error. Part of the wire protocol module (sdk/src/protocol): no DOM, no imports from outside
// this folder.
import type { ErrorCode } from './errors.js';
import type { CallInfo } from './realtime.js';

/** The body of every error answer. Call errors add the call they are about (e.g. 409 `busy`). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  call?: CallInfo;
}

/** What POST /v1/calls and /v1/calls/:id/accept return: the call and this side's LiveKit token. */
export interface CallGrant { call: CallInfo; token: string; url: string }

/** What GET /v1/calls/current returns: the user's ringing or active call as the service knows it. */
export interface CurrentCallAnswer { call: CallInfo | null }

/** What POST /v1/rooms/:room/ring returns: the members invited (online or busy, without the caller). */
export interface RoomRingResult { ringId: string; invited: string[] }

/** What POST /v1/rooms/:room/hand returns (the service sets the attribute `timio.hand`). */
export interface HandResult { room: string; identity: string; raised: boolean; raisedAt?: string }
