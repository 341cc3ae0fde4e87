// A guest's life (docs/contracts.md "The guest life model"): one record per guest identity, kept
// in this process's memory, or in Redis (guests/redis-admissions.ts) when several processes share
// the work, since a guest may poll one process while a moderator decides on another. Beside the
// records, each room's current meeting id: an admission holds for the meeting it was given in, so
// a meeting's end ends every admission at once without touching each record.

/**
 * waiting → admitted → (in the meeting) → gone / removed; waiting → denied; waiting → left (the
 * guest cancelled or their page went; they come back as waiting if it asks again). An admission
 * whose meeting is no longer the room's current one has ended with that meeting.
 */
export type AdmissionState = 'waiting' | 'admitted' | 'denied' | 'left' | 'gone' | 'removed';
export type WaitReason = 'no_moderator' | 'waiting_room';

export interface Admission {
  identity: string;
  name: string;
  room: string;
  inviteId: string;
  /** When the guest began to wait, or was let in at once (ISO). */
  since: string;
  reason?: WaitReason;
  state: AdmissionState;
  /** The meeting the guest was admitted to (the room's meeting id then). */
  meeting?: string;
  /** When the guest was admitted (ISO): what they may read of the chat starts here. */
  admittedAt?: string;
  /** The guest's name reads like a room member's (moderators are told). */
  resembles?: true;
  /** The record is forgotten after this instant (the invite's expiry). */
  expiresAt: string;
}

/** A guest whose page has not asked for a minute is taken as gone: moderators no longer see them. */
export const WAITING_ALIVE_MS = 60_000;
/** A meeting id nobody asked for in this long is forgotten (the next ask starts a new meeting). */
export const MEETING_KEPT_MS = 48 * 3600_000;

export type AdmissionPatch = Partial<Pick<Admission, 'meeting' | 'admittedAt'>>;

export interface AdmissionStore {
  put(a: Admission): Promise<void>;
  get(identity: string): Promise<Admission | undefined>;
  /** Moves the guest to `to` (with `patch`) if their state is one of `from`; undefined otherwise (unknown too). */
  move(identity: string, from: readonly AdmissionState[], to: AdmissionState, patch?: AdmissionPatch): Promise<Admission | undefined>;
  /** A guest who left waits again (their page asked once more); undefined when they had not left. */
  back(identity: string): Promise<Admission | undefined>;
  /** The guest's page asked again: still there. */
  seen(identity: string): Promise<void>;
  /** The room's guests still waiting whose page asked within WAITING_ALIVE_MS, longest waiting first. */
  waitingIn(room: string): Promise<Admission[]>;
  /** The room's current meeting id, made now if the room has none (the first admission of a meeting). */
  meeting(room: string): Promise<string>;
  /** The room's current meeting id if there is one (never makes one). */
  currentMeeting(room: string): Promise<string | undefined>;
  /** The room's meeting ended (only meeting `id` if given): the next admission belongs to a new meeting. */
  endMeeting(room: string, id?: string): Promise<void>;
  close(): Promise<void>;
}

/** A meeting id begins with the time it was made (base 36 ms), so its age can be read from it. */
export function newMeetingId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** When a meeting id was made (ms), or 0 for an id of another shape. */
export function meetingMadeAt(id: string): number {
  const made = parseInt(id.split('-')[0] ?? '', 36);
  return Number.isFinite(made) ? made : 0;
}

export function memoryAdmissions(): AdmissionStore {
  const records = new Map<string, Admission & { seenAt: number }>();
  const meetings = new Map<string, { id: string; until: number }>();
  const prune = () => {
    const now = Date.now();
    for (const [id, a] of records) if (Date.parse(a.expiresAt) < now) records.delete(id);
    for (const [room, m] of meetings) if (m.until < now) meetings.delete(room);
  };
  const plain = (a: Admission & { seenAt: number }): Admission => {
    const { seenAt: _seen, ...rest } = a;
    return { ...rest };
  };
  const current = (room: string) => {
    const m = meetings.get(room);
    if (!m || m.until < Date.now()) return undefined;
    m.until = Date.now() + MEETING_KEPT_MS;
    return m.id;
  };
  return {
    async put(a) {
      prune();
      records.set(a.identity, { ...a, seenAt: Date.now() });
    },
    async get(identity) {
      const a = records.get(identity);
      return a ? plain(a) : undefined;
    },
    async move(identity, from, to, patch = {}) {
      const a = records.get(identity);
      if (!a || !from.includes(a.state)) return undefined;
      Object.assign(a, patch, { state: to });
      return plain(a);
    },
    async back(identity) {
      const a = records.get(identity);
      if (!a || a.state !== 'left') return undefined;
      a.state = 'waiting';
      a.seenAt = Date.now();
      return plain(a);
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
        .map(plain);
    },
    async meeting(room) {
      const id = current(room);
      if (id) return id;
      const made = newMeetingId();
      meetings.set(room, { id: made, until: Date.now() + MEETING_KEPT_MS });
      return made;
    },
    async currentMeeting(room) {
      return current(room);
    },
    async endMeeting(room, id) {
      if (id === undefined || meetings.get(room)?.id === id) meetings.delete(room);
    },
    async close() {
      records.clear();
      meetings.clear();
    },
  };
}
