// After a start of the token service: the calls that rang or ran when it last stopped, rebuilt from
// their LiveKit rooms (each call room's metadata describes its call, call-rooms.ts). Without Redis
// the store is empty: an active call comes back (lines, busy presence, the rejoin grace for a party
// not in the room); a ringing one cannot go on (the ring and its timer are gone) and ends `failed`
// with reason `service_restarted`. A call turned meeting comes back from its room's metadata too
// (`restoreMeeting`). With Redis the records are there; only the timers of the process
// that had them are lost: the ring timeout and the rejoin checks start again.
import type { CallInfo } from '#protocol/realtime.js';
import type { CallStore } from './call-store.js';
import type { RealtimeSettings } from '../realtime/settings.js';
import type { Metrics } from '../http/metrics.js';
import type { RejoinGrace } from './rejoin-grace.js';
import { callFromRoomMetadata } from './call-rooms.js';
import { meetingFromRoomMetadata, type CallMeeting } from './call-meetings.js';
import { CALL_ROOM_PREFIX, readCall, writeCall } from './call-record.js';
import { finish } from './call-transitions.js';
import { logFailure, type Logger } from '../http/logger.js';

export interface CallRestoreDeps {
  store: CallStore;
  settings: RealtimeSettings;
  metrics?: Pick<Metrics, 'call'>;
  grace: Pick<RejoinGrace, 'joined' | 'left'>;
  /** The call rooms LiveKit has now, with their metadata. */
  listRooms(prefix: string): Promise<Array<{ name: string; metadata: string }>>;
  /** Identities in a LiveKit room now (empty when LiveKit cannot say). */
  participants(room: string): Promise<string[]>;
  /** Starts the ring timeout of a ringing call again, `ms` from now. */
  ringTimeout(id: string, ms: number): void;
  /** Tells both parties' pages. */
  announce(call: CallInfo): Promise<void>;
  /** A call turned meeting, described by its room (call-meetings.ts); `inRoom`: who is in it now. */
  restoreMeeting?(meeting: CallMeeting, inRoom: string[]): Promise<boolean>;
  /** Each side's call history gets a call that could not go on. */
  history?: { callEnded(call: CallInfo): Promise<void> };
  logger: Logger;
}

/** Rebuilds every described call room; logs how many calls were taken up again. */
export async function restoreCalls(deps: CallRestoreDeps): Promise<void> {
  let restored = 0;
  let meetings = 0;
  for (const room of await deps.listRooms(CALL_ROOM_PREFIX)) {
    const described = callFromRoomMetadata(room.name, room.metadata);
    if (!described) {
      const meeting = deps.restoreMeeting && meetingFromRoomMetadata(room.name, room.metadata);
      if (meeting) {
        try {
          if (await deps.restoreMeeting!(meeting, await deps.participants(room.name))) meetings++;
        } catch (err) {
          logFailure(deps.logger, 'rebuilding a meeting failed', { room: room.name })(err);
        }
      }
      continue;
    }
    try {
      if (await restoreCall(deps, described)) restored++;
    } catch (err) {
      logFailure(deps.logger, 'rebuilding a call failed', { call: described.id })(err);
    }
  }
  if (restored > 0 || meetings > 0) deps.logger.info({ calls: restored, meetings }, 'calls and meetings rebuilt from LiveKit after a start');
}

/** One call from its room; true when it was taken up again. */
async function restoreCall(deps: CallRestoreDeps, described: CallInfo): Promise<boolean> {
  const { store, settings, grace } = deps;
  const known = await readCall(store, described.id);
  if (known?.state === 'ended') return false;
  const inRoom = await deps.participants(described.room);
  const parties = [described.caller.id, described.callee.id];
  if (known) {
    // Redis kept it; the timers of the process that had them are gone.
    if (known.state === 'ringing') deps.ringTimeout(known.id, Math.max(0, Date.parse(known.createdAt) + settings.ringTimeoutMs - Date.now()));
    else for (const who of parties) if (!inRoom.includes(who)) await grace.left(known, who);
    return true;
  }
  if (described.state === 'ringing') {
    const ended: CallInfo = { ...finish(described, 'failed', new Date()), reason: 'service_restarted' };
    await writeCall(store, ended);
    deps.metrics?.call(undefined, ended);
    await deps.history?.callEnded(ended);
    await deps.announce(ended);
    return true;
  }
  if ((await store.claimLines(described.caller.id, described.callee.id, described.id, settings.maxCallMs)) !== 'ok') return false;
  await writeCall(store, described);
  await store.markLinesActive(parties, described.id, settings.maxCallMs);
  deps.metrics?.call(undefined, described);
  // Whoever is away (changing pages while the service was down) has the grace to come back.
  for (const who of parties) {
    if (inRoom.includes(who)) await grace.joined(described.id, who);
    else await grace.left(described, who);
  }
  await deps.announce(described);
  return true;
}
