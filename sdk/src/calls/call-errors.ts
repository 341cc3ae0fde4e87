// What a failed REST answer means for a call: the error a host hears, and whether the answer
// settles the call's local state (the service does not know it, or says how it stands now).
import type { CallInfo, CallOutcome } from '#protocol/realtime.js';
import { endedCall } from '#protocol/call-end.js';
import { apiError } from '../api/api-error.js';

/** The code and message of a failure, `failed` when it is not the service's answer. */
export function failure(err: unknown): { code: string; message: string } {
  return { code: apiError(err)?.code ?? 'failed', message: (err as Error | undefined)?.message ?? String(err) };
}

/**
 * The call as it stands after `err`: a 404 (the service does not know it) ends it with `outcome`;
 * a 409 carrying the call is the call now; undefined for other errors (they do not settle it).
 */
export function settledCall(call: CallInfo, err: unknown, outcome: CallOutcome): CallInfo | undefined {
  const e = apiError(err);
  if (e?.status === 404) return endedCall(call, outcome);
  if (e?.status === 409 && e.call?.id === call.id) return e.call;
  return undefined;
}
