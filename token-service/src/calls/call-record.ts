// Where a call's record lives in the call store (any process reads and steps it), and its room's
// name. Ended calls are kept a day, so a page that missed the end can still ask how it ended.
import type { CallInfo } from '#protocol/realtime.js';
import type { CallStore } from './call-store.js';

export const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
/** A call's LiveKit room is this prefix plus the call's id. */
export const CALL_ROOM_PREFIX = 'call-';

export const recordKey = (id: string) => `call:${id}`;

export async function readCall(store: Pick<CallStore, 'getRecord'>, id: string): Promise<CallInfo | undefined> {
  const raw = await store.getRecord(recordKey(id));
  return raw ? (JSON.parse(raw) as CallInfo) : undefined;
}

export function writeCall(store: Pick<CallStore, 'putRecord'>, call: CallInfo): Promise<void> {
  return store.putRecord(recordKey(call.id), JSON.stringify(call), RECORD_TTL_MS);
}
