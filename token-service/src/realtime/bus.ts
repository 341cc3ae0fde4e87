// The state that all token-service processes share: which users have pages open (presence) and
// the delivery of events to users' pages wherever they are connected. One process uses the
// in-process bus; several behind a load balancer use Redis. A user shows as busy while the call
// store (calls/call-store.ts) marks them so; the bus knows nothing of calls.
import type { PresenceStatus, ServerMessage } from '#protocol/realtime.js';

export interface PresenceChange { id: string; status: PresenceStatus }

/**
 * An event for every page of the named users, on whichever process they are connected; with `room`,
 * for every page watching that room's status instead (`to` is then empty).
 */
export interface Delivery {
  to: string[];
  room?: string;
  message: ServerMessage;
  /** For an answered call: the page that answered; the callee's other pages get `answeredElsewhere`. */
  answeredBy?: string;
}

export interface RealtimeBus {
  /** This process's id on the bus. */
  readonly nodeId: string;

  /** This process now has at least one page of the user. */
  addPage(userId: string): Promise<void>;
  /** This process has no page of the user any more (after the grace period); resolves with the user's status now. */
  removePage(userId: string): Promise<PresenceStatus>;
  statuses(userIds: string[]): Promise<PresenceChange[]>;

  publish(delivery: Delivery): Promise<void>;
  onPresence(listener: (change: PresenceChange) => void): void;
  onDelivery(listener: (delivery: Delivery) => void): void;

  /** Called after the bus lost state or messages (Redis restarted or reconnected). */
  onReconnect(listener: () => void): void;
  /** Makes the bus's record of this process's users match `userIds` (after a reconnect). */
  reconcile(userIds: string[]): Promise<void>;

  close(): Promise<void>;
}
