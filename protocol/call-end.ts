// How a call ended, as the token service announces it and as a page tells it when the service no
// longer knows the call. Part of the wire protocol module (protocol/, imported as `#protocol/…`):
// no DOM, no imports from outside this folder.
import type { CallInfo, CallOutcome } from './realtime.js';

/** `call` ended with `outcome` at `endedAt` (default now); the duration counts from the answer, 0 when nobody answered. */
export function endedCall(call: CallInfo, outcome: CallOutcome, endedAt = new Date()): CallInfo {
  const durationSeconds = call.answeredAt ? Math.max(0, Math.round((endedAt.getTime() - Date.parse(call.answeredAt)) / 1000)) : 0;
  return { ...call, state: 'ended', outcome, endedAt: endedAt.toISOString(), durationSeconds };
}
