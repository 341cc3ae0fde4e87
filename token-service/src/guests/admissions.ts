// Who waits in a room's waiting room and what was decided for them: one record per guest identity,
// kept in this process's memory, or in Redis (guests/redis-admissions.ts) when several processes
// share the work, since a guest may poll one process while a moderator decides on another.

/** `left`: the guest cancelled or their page went while waiting (they come back as waiting if it asks again). */
export type AdmissionState = 'waiting' | 'admitted' | 'denied' | 'left';
export type WaitReason = 'no_moderator' | 'waiting_room';

export interface Admission {
  identity: string;
  name: string;
  room: string;
  inviteId: string;
  /** When the guest began to wait (ISO). */
  since: string;
  reason: WaitReason;
  state: AdmissionState;
  /** The record is forgotten after this instant (the invite's expiry). */
  expiresAt: string;
}

/** A guest whose page has not asked for a minute is taken as gone: moderators no longer see them. */
export const WAITING_ALIVE_MS = 60_000;

export interface AdmissionStore {
  put(a: Admission): Promise<void>;
  get(identity: string): Promise<Admission | undefined>;
  /** Moves a waiting guest to `state`; undefined when the guest was not waiting (decided already, left, unknown). */
  decide(identity: string, state: 'admitted' | 'denied' | 'left'): Promise<Admission | undefined>;
  /** A guest who left waits again (their page asked once more); undefined when they had not left. */
  back(identity: string): Promise<Admission | undefined>;
  /** The guest's page asked again: still there. */
  seen(identity: string): Promise<void>;
  /** The room's guests still waiting whose page asked within WAITING_ALIVE_MS, longest waiting first. */
  waitingIn(room: string): Promise<Admission[]>;
  close(): Promise<void>;
}

export function memoryAdmissions(): AdmissionStore {
  const records = new Map<string, Admission & { seenAt: number }>();
  const prune = () => {
    const now = Date.now();
    for (const [id, a] of records) if (Date.parse(a.expiresAt) < now) records.delete(id);
  };
  return {
    async put(a) {
      prune();
      records.set(a.identity, { ...a, seenAt: Date.now() });
    },
    async get(identity) {
      const a = records.get(identity);
      if (!a) return undefined;
      const { seenAt: _seen, ...rest } = a;
      return rest;
    },
    async decide(identity, state) {
      const a = records.get(identity);
      if (!a || a.state !== 'waiting') return undefined;
      a.state = state;
      const { seenAt: _seen, ...rest } = a;
      return rest;
    },
    async back(identity) {
      const a = records.get(identity);
      if (!a || a.state !== 'left') return undefined;
      a.state = 'waiting';
      a.seenAt = Date.now();
      const { seenAt: _seen, ...rest } = a;
      return rest;
    },
    async seen(identity) {
      const a = records.get(identity);
      if (a) a.seenAt = Date.now();
    },
    async waitingIn(room) {
      const alive = Date.now() - WAITING_ALIVE_MS;
      return [...records.values()]
        .filter((a) => a.room === room && a.state === 'waiting' && a.seenAt >= alive)
        .sort((x, y) => x.since.localeCompare(y.since))
        .map(({ seenAt: _seen, ...rest }) => rest);
    },
    async close() {
      records.clear();
    },
  };
}
