// Live presence of one contact for an element (call button, contact), through the shared LiveController.
import type { ReactiveControllerHost } from 'lit';
import type { PresenceStatus } from '#protocol/realtime.js';
import { LiveController, type LiveSource } from './live-controller.js';

export const presenceStatuses: readonly PresenceStatus[] = ['online', 'offline', 'busy'];

const contacts: LiveSource<string, PresenceStatus, PresenceStatus> = {
  watch: (realtime, contact, listener) => realtime.watchPresence(contact, listener),
  reduce: (_, status) => status,
};

export class PresenceController extends LiveController<string, PresenceStatus, PresenceStatus> {
  constructor(host: ReactiveControllerHost, contact: () => string | undefined) {
    super(host, contact, contacts);
  }

  /** The live status; undefined until the service has said anything about the contact. */
  get live(): PresenceStatus | undefined {
    return this.state;
  }
}

/** The status an element shows: the host's `presence` attribute when valid, else the live one. */
export function effectivePresence(override: string | undefined | null, live: PresenceStatus | undefined): PresenceStatus {
  return presenceStatuses.includes(override as PresenceStatus) ? (override as PresenceStatus) : live ?? 'offline';
}
