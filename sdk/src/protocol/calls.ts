// The answers of the call REST routes (docs/contracts.md, "REST" under the realtime protocol).
// Part of the wire protocol module (sdk/src/protocol): no DOM, no imports from outside this folder.
import type { CallInfo } from './realtime.js';

/** What POST /v1/calls and /v1/calls/:id/accept return: the call and this side's LiveKit token. */
export interface CallGrant { call: CallInfo; token: string; url: string }

/** What POST /v1/rooms/:room/ring returns: the members invited (online or busy, without the caller). */
export interface RoomRingResult { ringId: string; invited: string[] }
