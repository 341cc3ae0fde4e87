// Who of a call's two parties is in its LiveKit room, and the rejoin grace: a party who leaves the
// room (a page change, a reload, a closed page) or never joins after the answer gets
// `graceMs` to come (back); only then does the call end. The marks live in the call store, so the
// webhook, the answer and the check may each happen on another token-service process.
import { randomBytes } from 'node:crypto';
import type { CallInfo } from '#protocol/realtime.js';
import type { CallStore } from './call-store.js';
import { logFailure, type Logger } from '../http/logger.js';

/** Why a party is given up: never came to the room after the answer, or left it and stayed away. */
export type Absence = { kind: 'never_joined' } | { kind: 'left'; at: Date };

export interface RejoinGraceDeps {
  store: CallStore;
  graceMs: number;
  /** Identities in the LiveKit room now (a lost `participant_joined` must not end a call). */
  participants?(room: string): Promise<string[]>;
  /** Whether the user has a portal page open anywhere (presence). */
  isOnline?(userId: string): Promise<boolean>;
  /** The party did not come back in time. */
  giveUp(callId: string, identity: string, absence: Absence): Promise<void>;
  /** Where failures of the checks go. */
  logger: Logger;
}

const MARK_TTL_MS = 24 * 60 * 60 * 1000;
const inKey = (id: string, who: string) => `call-in:${id}:${who}`;
const leftKey = (id: string, who: string) => `call-left:${id}:${who}`;

export class RejoinGrace {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: RejoinGraceDeps) {}

  /** LiveKit: the party is in the call room. */
  async joined(callId: string, identity: string): Promise<void> {
    await this.deps.store.putRecord(inKey(callId, identity), '1', MARK_TTL_MS);
  }

  /** LiveKit: the party left the call room; they have the grace to come back. */
  async left(call: CallInfo, identity: string): Promise<void> {
    const mark = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    await this.deps.store.deleteRecord(inKey(call.id, identity));
    await this.deps.store.putRecord(leftKey(call.id, identity), mark, MARK_TTL_MS);
    this.later(() => this.checkLeft(call, identity, mark));
  }

  /** The call was answered: both parties have the grace to arrive in the room. */
  answered(call: CallInfo): void {
    for (const identity of [call.caller.id, call.callee.id]) this.later(() => this.checkArrived(call, identity));
  }

  /**
   * The user has no portal page left anywhere (hence no call window): they have the grace to
   * return. `onStillGone` hears whether they had been in the call room at all.
   */
  pagesGone(call: CallInfo, userId: string, onStillGone: (absence: Absence) => Promise<void>): void {
    const since = new Date();
    this.later(async () => {
      if (await this.deps.isOnline?.(userId)) return;
      if (await this.inRoom(call, userId)) return;
      const { store } = this.deps;
      const left = await store.getRecord(leftKey(call.id, userId));
      const wasIn = left !== undefined || (await store.getRecord(inKey(call.id, userId))) !== undefined;
      await onStillGone(wasIn ? { kind: 'left', at: left ? new Date(Number(left.split('-')[0])) : since } : { kind: 'never_joined' });
    });
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async checkLeft(call: CallInfo, identity: string, mark: string): Promise<void> {
    const { store } = this.deps;
    if (await store.getRecord(inKey(call.id, identity))) return; // back
    // A newer leave has its own timer (left, came back, left again).
    if ((await store.getRecord(leftKey(call.id, identity))) !== mark) return;
    if (await this.inRoom(call, identity)) return;
    await this.deps.giveUp(call.id, identity, { kind: 'left', at: new Date(Number(mark.split('-')[0])) });
  }

  private async checkArrived(call: CallInfo, identity: string): Promise<void> {
    const { store } = this.deps;
    if (await store.getRecord(inKey(call.id, identity))) return;
    // Came and went: the leave's own timer decides.
    if (await store.getRecord(leftKey(call.id, identity))) return;
    if (await this.inRoom(call, identity)) return;
    await this.deps.giveUp(call.id, identity, { kind: 'never_joined' });
  }

  private async inRoom(call: CallInfo, identity: string): Promise<boolean> {
    if (!this.deps.participants) return false;
    try {
      return (await this.deps.participants(call.room)).includes(identity);
    } catch {
      return false; // the room is gone (or LiveKit cannot say): the marks decide
    }
  }

  private later(check: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      check().catch(logFailure(this.deps.logger, 'the rejoin check failed'));
    }, this.deps.graceMs);
    timer.unref();
    this.timers.add(timer);
  }
}
