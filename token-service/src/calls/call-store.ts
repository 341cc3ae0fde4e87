// What calls, room rings and room chats keep where every token-service process can reach it: each user's line
// (the call they are engaged in) and the call and ring records. Beside the realtime bus, on the same
// backend: in this process's memory, or in Redis for several processes.

export type LineClaim = 'ok' | 'caller_busy' | 'callee_busy';

export interface CallStore {
  /**
   * Engages both users' lines for a new ringing call, unless either is engaged already. A callee
   * in a room conference is engaged too: a 1:1 call would ring over the meeting.
   */
  claimLines(callerId: string, calleeId: string, callId: string, ttlMs: number): Promise<LineClaim>;
  /** The call was answered: both users show as busy (their presence changes with it). */
  markLinesActive(userIds: string[], callId: string, ttlMs: number): Promise<void>;
  /** The call ended: frees the lines that still belong to it (and the users are no longer busy). */
  releaseLines(userIds: string[], callId: string): Promise<void>;
  /** The call the user is engaged in (ringing or active), if any. */
  lineOf(userId: string): Promise<string | undefined>;

  /** The user entered or left a room's conference: busy in presence while in any (see bus). */
  setInConference(userId: string, room: string, present: boolean): Promise<void>;

  getRecord(key: string): Promise<string | undefined>;
  deleteRecord(key: string): Promise<void>;
  putRecord(key: string, value: string, ttlMs: number): Promise<void>;
  /** Replaces the record only if it still holds `expected` (compare and swap). */
  swapRecord(key: string, expected: string, next: string, ttlMs: number): Promise<boolean>;
}
