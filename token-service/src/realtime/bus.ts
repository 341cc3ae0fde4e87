// The state that all token-service processes share: which users have pages open, which call a user
// is engaged in, call and ring records, and the delivery of events to users' pages wherever they are
// connected. One process uses the in-process bus; several behind a load balancer use Redis.
import type { PresenceStatus, ServerMessage } from '../../../sdk/src/protocol/realtime.js';

export interface PresenceChange { id: string; status: PresenceStatus }

/** An event for every page of the named users, on whichever process they are connected. */
export interface Delivery {
  to: string[];
  message: ServerMessage;
  /** For an answered call: the page that answered; the callee's other pages get `answeredElsewhere`. */
  answeredBy?: string;
}

export type LineClaim = 'ok' | 'caller_busy' | 'callee_busy';

export interface RealtimeBus {
  /** This process's id on the bus. */
  readonly nodeId: string;

  /** This process now has at least one page of the user. */
  addPage(userId: string): Promise<void>;
  /** This process has no page of the user any more (after the grace period); resolves with the user's status now. */
  removePage(userId: string): Promise<PresenceStatus>;
  statuses(userIds: string[]): Promise<PresenceChange[]>;

  /** Engages both users' lines for a new ringing call, unless either is engaged already. */
  claimLines(callerId: string, calleeId: string, callId: string, ttlMs: number): Promise<LineClaim>;
  /** The call was answered: both users show as busy. */
  markLinesActive(userIds: string[], callId: string, ttlMs: number): Promise<void>;
  /** The call ended: frees the lines that still belong to it. */
  releaseLines(userIds: string[], callId: string): Promise<void>;
  /** The call the user is engaged in (ringing or active), if any. */
  lineOf(userId: string): Promise<string | undefined>;

  getRecord(key: string): Promise<string | undefined>;
  putRecord(key: string, value: string, ttlMs: number): Promise<void>;
  /** Replaces the record only if it still holds `expected` (compare and swap). */
  swapRecord(key: string, expected: string, next: string, ttlMs: number): Promise<boolean>;

  publish(delivery: Delivery): Promise<void>;
  onPresence(listener: (change: PresenceChange) => void): void;
  onDelivery(listener: (delivery: Delivery) => void): void;

  /** Called after the bus lost state or messages (Redis restarted or reconnected). */
  onReconnect(listener: () => void): void;
  /** Makes the bus's record of this process's users match `userIds` (after a reconnect). */
  reconcile(userIds: string[]): Promise<void>;

  close(): Promise<void>;
}
