// What a 1:1 call's LiveKit room says about its call (the room's metadata), so a restarted token
// service without Redis can rebuild the calls that were ringing or running: the room and who is in
// it outlive the process, its memory does not.
import type { CallInfo } from '#protocol/realtime.js';

/** The marker that tells this service's call rooms' metadata from anything else in it. */
const KIND = 'timio-call';

/** The call as its room keeps it: everything needed to take the call's next step. */
export function callRoomMetadata(call: CallInfo): string {
  const { id, room, caller, callee, state, createdAt, answeredAt } = call;
  return JSON.stringify({ kind: KIND, call: { id, room, caller, callee, state, createdAt, ...(answeredAt ? { answeredAt } : {}) } });
}

/** The call a room's metadata describes; undefined for anything else (or anything malformed). */
export function callFromRoomMetadata(room: string, metadata: string): CallInfo | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return undefined;
  }
  const m = parsed as { kind?: unknown; call?: Partial<CallInfo> } | null;
  const c = m?.kind === KIND ? m.call : undefined;
  if (!c || c.room !== room || typeof c.id !== 'string' || !isUser(c.caller) || !isUser(c.callee)) return undefined;
  if ((c.state !== 'ringing' && c.state !== 'active') || typeof c.createdAt !== 'string') return undefined;
  if (c.state === 'active' && typeof c.answeredAt !== 'string') return undefined;
  return {
    id: c.id, room, caller: { id: c.caller.id, name: c.caller.name }, callee: { id: c.callee.id, name: c.callee.name },
    state: c.state, createdAt: c.createdAt, ...(c.answeredAt ? { answeredAt: c.answeredAt } : {}),
  };
}

function isUser(u: unknown): u is { id: string; name: string } {
  const v = u as { id?: unknown; name?: unknown } | null;
  return typeof v?.id === 'string' && typeof v.name === 'string';
}
