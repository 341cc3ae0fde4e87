// 1:1 calls: ringing, answering, declining, cancelling, ending, and the outcomes both sides see.
// The call record lives in the call store, so any process can take the next step of a call.
import { randomBytes } from 'node:crypto';
import type { CallGrant } from '#protocol/rest.js';
import type { CallInfo, UserRef } from '#protocol/realtime.js';
import { ApiError } from '../http/errors.js';
import type { RealtimeBus } from '../realtime/bus.js';
import type { RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import type { UserLimits } from '../limits/user-limits.js';
import type { Metrics } from '../http/metrics.js';
import { RejoinGrace, type Absence } from './rejoin-grace.js';
import { logFailure, type Logger } from '../http/logger.js';
import { callRoomMetadata } from './call-rooms.js';
import { CALL_ROOM_PREFIX, RECORD_TTL_MS, readCall, recordKey, writeCall } from './call-record.js';
import { restoreCalls } from './call-restore.js';
import type { CallMeeting } from './call-meetings.js';
import * as steps from './call-transitions.js';
import { finish, notFound, notRinging, type CallStep } from './call-transitions.js';

export interface CallDeps {
  /** Delivers call events to both sides' pages. */
  bus: Pick<RealtimeBus, 'publish'>;
  store: CallStore;
  settings: RealtimeSettings;
  getUser(id: string): Promise<UserRef | undefined>;
  /** A LiveKit token for the private call room (role 'caller'). */
  mintCallToken(user: UserRef, room: string): Promise<string>;
  livekitUrl: string;
  /** Per-user limits (calls per hour, no calling back right after a decline); none when absent. */
  limits?: UserLimits;
  /** Counts call states and outcomes for GET /metrics. */
  metrics?: Pick<Metrics, 'call'>;
  /** Identities in a LiveKit room now (the rejoin grace asks before it ends a call). */
  participants?(room: string): Promise<string[]>;
  /** Whether the user has a portal page open anywhere. */
  isOnline?(userId: string): Promise<boolean>;
  /**
   * The LiveKit rooms of calls: each room's metadata describes its call (call-rooms.ts), so a
   * restarted service rebuilds its calls from them (`restore`).
   */
  rooms?: {
    describe(room: string, metadata: string, emptyTimeoutSeconds: number): Promise<void>;
    list(prefix: string): Promise<Array<{ name: string; metadata: string }>>;
  };
  /** Rebuilds a call turned meeting from its room at start (call-meetings.ts); true when it did. */
  restoreMeeting?(meeting: CallMeeting, inRoom: string[]): Promise<boolean>;
  /** Where failures of the call timers go. */
  logger: Logger;
  /** Each side's call history gets the call once it ended (before the end is announced, so a page that reads its history then finds it). */
  history?: { callEnded(call: CallInfo): Promise<void> };
}

/** Longest the start waits for LiveKit to say which calls ran (then it goes on without them). */
const RESTORE_LIMIT_MS = 15_000;

export class CallService {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly grace: RejoinGrace;
  /** Every call step waits for the rebuild after a restart, so no page is told "no call" too early. */
  private restoring: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CallDeps) {
    this.grace = new RejoinGrace({
      store: deps.store,
      graceMs: deps.settings.callRejoinGraceMs,
      ...(deps.participants ? { participants: deps.participants } : {}),
      ...(deps.isOnline ? { isOnline: deps.isOnline } : {}),
      giveUp: (id, identity, absence) => this.giveUp(id, identity, absence),
      logger: deps.logger,
    });
  }

  /**
   * Rings every page of the callee. A callee already engaged ends the call at once as "busy".
   * Two people calling each other at the same moment get one call: the second caller answers
   * the first one's call (the answer carries that call, already active).
   */
  async start(caller: UserRef, calleeId: string): Promise<CallGrant> {
    await this.restoring;
    if (calleeId === caller.id) throw new ApiError(400, 'invalid_input', 'you cannot call yourself');
    const callee = await this.deps.getUser(calleeId);
    if (!callee) throw new ApiError(404, 'not_found', 'no such contact');
    const crossing = await this.answerCrossingCall(caller, calleeId);
    if (crossing) return crossing;
    // After the crossing check: answering someone who is calling you is never limited.
    await this.deps.limits?.beforeCall(caller.id, callee.id);
    const id = randomBytes(12).toString('hex');
    const call = steps.ringingCall(id, CALL_ROOM_PREFIX + id, caller, callee, new Date());
    const { store, settings } = this.deps;
    const claim = await store.claimLines(caller.id, callee.id, id, settings.ringTimeoutMs + 60_000);
    if (claim !== 'ok') {
      // The other one may have placed their call to us a moment ago.
      const joined = await this.answerCrossingCall(caller, calleeId);
      if (joined) return joined;
    }
    if (claim === 'caller_busy') {
      // Say which call, so the caller's page shows it and disables its call buttons.
      const current = await this.currentCallOf(caller.id);
      throw new ApiError(409, 'already_in_call', 'you are already in a call', current);
    }
    if (claim === 'callee_busy') {
      const ended = finish(call, 'busy', new Date());
      await writeCall(store, ended);
      this.deps.metrics?.call(undefined, ended);
      await this.deps.history?.callEnded(ended);
      await this.announce(ended);
      throw new ApiError(409, 'busy', `${callee.name} is in another call or a conference`, ended);
    }
    await writeCall(store, call);
    this.deps.metrics?.call(undefined, call);
    this.ringTimeout(id, settings.ringTimeoutMs);
    // Before anyone hears of the call: its room says what it is, should this process restart.
    await this.describeRoom(call);
    const token = await this.deps.mintCallToken(call.caller, call.room);
    await this.announce(call);
    return { call, token, url: this.deps.livekitUrl };
  }

  /** The callee answers on one page; `page` (from `ready`) lets their other pages stop ringing. */
  async accept(user: UserRef, id: string, page?: string): Promise<CallGrant> {
    await this.restoring;
    const call = await this.step(id, steps.answer(user, this.deps.settings.ringTimeoutMs, new Date()), page);
    if (call.state !== 'active') throw notRinging(call);
    this.grace.answered(call);
    await this.describeRoom(call);
    const token = await this.deps.mintCallToken(call.callee, call.room);
    return { call, token, url: this.deps.livekitUrl };
  }

  /**
   * A new token for this user's call, for the page that takes the call over after a page change:
   * an active call (either party) or the caller's own ringing call.
   */
  async join(user: UserRef, id: string): Promise<CallGrant> {
    await this.restoring;
    const call = await this.get(user, id);
    if (call.state === 'ended') throw new ApiError(409, 'call_ended', `the call is over (${call.outcome})`, call);
    if (call.state === 'ringing' && call.caller.id !== user.id) throw notRinging(call);
    const self = call.caller.id === user.id ? call.caller : call.callee;
    // The room may have closed meanwhile (both away) and come back without its metadata; not
    // awaited, the page change waits for nothing it does not need.
    void this.describeRoom(call);
    return { call, token: await this.deps.mintCallToken(self, call.room), url: this.deps.livekitUrl };
  }

  /** One call of this user as the service knows it (ended calls are kept for a day). */
  async get(user: UserRef, id: string): Promise<CallInfo> {
    await this.restoring;
    const call = await readCall(this.deps.store, id);
    if (!call || (call.caller.id !== user.id && call.callee.id !== user.id)) throw notFound();
    return call;
  }

  /**
   * The call becomes the meeting `meeting` (call-conversion.ts): it ends `completed` with reason
   * `converted`, both parties' pages are told (the `call` frame) and their lines are free (the
   * meeting keeps them busy). Throws 403 `not_in_call` / 409 `call_not_active` as the step says.
   */
  async convert(user: UserRef, id: string, meeting: { room: string; name: string }): Promise<CallInfo> {
    await this.restoring;
    return this.step(id, steps.convert(user, meeting, new Date()));
  }

  /** The stored call, whoever asks (the conversion decides itself who may add people). */
  async record(id: string): Promise<CallInfo | undefined> {
    await this.restoring;
    return readCall(this.deps.store, id);
  }

  async decline(user: UserRef, id: string): Promise<CallInfo> {
    await this.restoring;
    return this.step(id, steps.decline(user, new Date()));
  }

  async cancel(user: UserRef, id: string): Promise<CallInfo> {
    await this.restoring;
    return this.step(id, steps.cancel(user, new Date()));
  }

  /** Hangs up: an active call completes; a ringing one is cancelled (caller) or declined (callee). */
  async end(user: UserRef, id: string): Promise<CallInfo> {
    await this.restoring;
    // An ended call comes back as it was (step returns the stored call when there is nothing to do).
    return this.step(id, steps.hangUp(user, new Date()));
  }

  /**
   * When `calleeId`'s call to `caller` is ringing, `caller` answers it. The record of a line
   * claimed an instant ago may not be written yet: look again briefly.
   */
  private async answerCrossingCall(caller: UserRef, calleeId: string): Promise<CallGrant | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await this.deps.store.lineOf(caller.id);
      if (!id) return undefined;
      const c = await readCall(this.deps.store, id);
      if (!c) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      if (c.state !== 'ringing' || c.caller.id !== calleeId || c.callee.id !== caller.id) return undefined;
      try {
        return await this.accept(caller, id);
      } catch (err) {
        if (err instanceof ApiError) return undefined; // it ended or was answered meanwhile
        throw err;
      }
    }
    return undefined;
  }

  /** The call that rings or runs for this user now, if any (sent to a page when it connects). */
  async currentCallOf(userId: string): Promise<CallInfo | undefined> {
    await this.restoring;
    const id = await this.deps.store.lineOf(userId);
    if (!id) return undefined;
    const call = await readCall(this.deps.store, id);
    return call && call.state !== 'ended' ? call : undefined;
  }

  /**
   * The user has no portal page open anywhere any more, so no call window either. After the rejoin
   * grace (a page change or reload comes back well within it) their active call is over, and a
   * call they were placing is cancelled. (Covers webhooks LiveKit dropped.)
   */
  async userGone(userId: string): Promise<void> {
    await this.restoring;
    const id = await this.deps.store.lineOf(userId);
    if (!id) return;
    const call = await readCall(this.deps.store, id);
    if (!call) return;
    // A callee who went away keeps being rung until the timeout.
    if (call.state === 'ringing' && call.caller.id !== userId) return;
    this.grace.pagesGone(call, userId, (absence) => this.step(id, steps.pagesGone(userId, absence, new Date())).then(() => undefined, ignoreApiError));
  }

  /**
   * LiveKit says someone joined or left the call room, or the room is gone. A party who left an
   * active call has the rejoin grace to come back (a page change); the call ends only after it.
   */
  async roomEvent(event: 'participant_joined' | 'participant_left' | 'room_finished', room: string, identity?: string): Promise<void> {
    await this.restoring;
    if (!room.startsWith(CALL_ROOM_PREFIX)) return;
    const id = room.slice(CALL_ROOM_PREFIX.length);
    const call = await readCall(this.deps.store, id);
    if (!call) return;
    const party = identity === call.caller.id || identity === call.callee.id;
    if (event === 'participant_joined') {
      if (party) await this.grace.joined(id, identity!);
      return;
    }
    if (call.state === 'active') {
      // The room finished (empty): as if both left at that moment; whoever comes back keeps the call.
      const gone = event === 'room_finished' ? [call.caller.id, call.callee.id] : party ? [identity!] : [];
      for (const who of gone) await this.grace.left(call, who);
      return;
    }
    // The caller left the room before anyone answered: they gave up.
    if (call.state === 'ringing' && (event === 'room_finished' || identity === call.caller.id)) {
      await this.step(id, steps.callerGaveUp(new Date())).catch(ignoreApiError);
    }
  }

  /**
   * After a start: rebuilds the calls that rang or ran when this service last stopped, from their
   * LiveKit rooms (call-restore.ts). Every call step waits for this.
   */
  restore(): Promise<void> {
    const { rooms } = this.deps;
    if (!rooms) return this.restoring;
    const limit = new Promise<void>((resolve) => setTimeout(resolve, RESTORE_LIMIT_MS).unref());
    const rebuild = restoreCalls({
      store: this.deps.store,
      settings: this.deps.settings,
      ...(this.deps.metrics ? { metrics: this.deps.metrics } : {}),
      grace: this.grace,
      listRooms: (prefix) => rooms.list(prefix),
      participants: (room) => this.participantsOf(room),
      ringTimeout: (id, ms) => this.ringTimeout(id, ms),
      announce: (call) => this.announce(call),
      logger: this.deps.logger,
      ...(this.deps.history ? { history: this.deps.history } : {}),
      ...(this.deps.restoreMeeting ? { restoreMeeting: this.deps.restoreMeeting } : {}),
    }).catch(logFailure(this.deps.logger, 'rebuilding the calls from LiveKit failed'));
    this.restoring = Promise.race([rebuild, limit]);
    return this.restoring;
  }

  private async participantsOf(room: string): Promise<string[]> {
    try {
      return (await this.deps.participants?.(room)) ?? [];
    } catch {
      return [];
    }
  }

  /** Writes the call into its room's metadata; a failure only costs the rebuild after a restart. */
  private async describeRoom(call: CallInfo): Promise<void> {
    const { rooms, settings } = this.deps;
    if (!rooms) return;
    // Kept while nobody is in it for as long as the call may still be taken up.
    const emptySeconds = Math.ceil((settings.ringTimeoutMs + settings.callRejoinGraceMs) / 1000);
    await rooms.describe(call.room, callRoomMetadata(call), emptySeconds)
      .catch(logFailure(this.deps.logger, 'describing the call room failed', { call: call.id }));
  }

  /** Ends the call as `no_answer` after `ms` unless it was answered or ended meanwhile. */
  private ringTimeout(id: string, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.step(id, steps.unanswered(new Date()))
        .catch(logFailure(this.deps.logger, 'ending an unanswered call failed', { call: id }));
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** A party did not come back (or never came) within the rejoin grace: the call ends. */
  private async giveUp(id: string, identity: string, absence: Absence): Promise<void> {
    await this.step(id, steps.partyGone(identity, absence, new Date())).catch(ignoreApiError);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.grace.close();
  }

  /**
   * Applies one transition to the stored call (compare and swap, retried when another process
   * changed it meanwhile), then updates both lines and tells both sides. `change` returns
   * undefined for "nothing to do".
   */
  private async step(id: string, change: CallStep, answeredBy?: string): Promise<CallInfo> {
    const { store, settings } = this.deps;
    for (let attempt = 0; attempt < 8; attempt++) {
      const raw = await store.getRecord(recordKey(id));
      if (!raw) throw notFound();
      const before = JSON.parse(raw) as CallInfo;
      const after = change(before);
      if (!after) return before;
      if (!(await store.swapRecord(recordKey(id), raw, JSON.stringify(after), RECORD_TTL_MS))) continue;
      this.deps.metrics?.call(before, after);
      const users = [after.caller.id, after.callee.id];
      if (after.state === 'active') await store.markLinesActive(users, id, settings.maxCallMs);
      if (after.state === 'ended') {
        await store.releaseLines(users, id);
        await this.deps.limits?.afterCall(after.caller.id, after.callee.id, after.outcome);
        await this.deps.history?.callEnded(after);
      }
      await this.announce(after, answeredBy);
      return after;
    }
    throw new ApiError(409, 'conflict', 'the call changed too often; try again');
  }

  private announce(call: CallInfo, answeredBy?: string): Promise<void> {
    return this.deps.bus.publish({ to: [call.caller.id, call.callee.id], message: { type: 'call', call }, answeredBy });
  }
}

function ignoreApiError(err: unknown): void {
  if (!(err instanceof ApiError)) throw err;
}
