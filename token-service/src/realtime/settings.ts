// Tunables of presence and ringing. Defaults suit production; tests shorten the timers.
export interface RealtimeSettings {
  /** How long a user stays online after their last page went away (a reload must not flicker). */
  graceMs: number;
  /** How long a call rings before it ends as "no_answer". */
  ringTimeoutMs: number;
  /**
   * How long a participant of a call may be away (a page change, a reload, a closed last page)
   * before the call ends: it ends only when they have not come back within this time.
   */
  callRejoinGraceMs: number;
  /**
   * How long someone who left a room's meeting without the goodbye (a page change, a closed tab)
   * still counts in the room status: the conference's reconnecting grace (15 s in the SDK).
   */
  roomRejoinGraceMs: number;
  /** How long a room invitation ("call all members") stays up. */
  roomRingTimeoutMs: number;
  /** Most sockets one client address may hold open before their first frame (more get 429). */
  maxPendingPerAddress: number;
  /** A page must authenticate within this time or is closed with 4002. */
  authTimeoutMs: number;
  /** Interval of WebSocket pings; a page that misses one is dropped. */
  heartbeatMs: number;
  /** Largest accepted frame; bigger ones close the page with 1009. */
  maxFrameBytes: number;
  /** Sustained messages per second a page may send, and the burst above it; more closes with 4008. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Most pages (connections) one user may have open on one process; more are closed with 4008. */
  maxPagesPerUser: number;
  /** Most contacts one page may watch. */
  maxWatched: number;
  /** A page whose unsent data exceeds this is dropped (it does not read what it is sent). */
  maxBufferedBytes: number;
  /** Longest a call may stay active without a webhook ending it (frees the line eventually). */
  maxCallMs: number;
  /**
   * With Redis (REDIS_PROCESS_TIMEOUT_SECONDS): the users of a process that died (kill -9, a lost
   * machine) are offline on the others within this time. A process that stalls for less than 70 %
   * of it (a long GC, SIGSTOP) is not taken as dead; one that stalls longer re-announces its pages.
   */
  processTimeoutMs: number;
}

export const defaultRealtimeSettings: RealtimeSettings = {
  graceMs: 5_000,
  ringTimeoutMs: 30_000,
  callRejoinGraceMs: 20_000,
  roomRejoinGraceMs: 15_000,
  roomRingTimeoutMs: 60_000,
  maxPendingPerAddress: 100,
  authTimeoutMs: 10_000,
  heartbeatMs: 30_000,
  maxFrameBytes: 16 * 1024,
  messagesPerSecond: 20,
  messageBurst: 60,
  maxPagesPerUser: 50,
  maxWatched: 1_000,
  maxBufferedBytes: 1024 * 1024,
  maxCallMs: 12 * 60 * 60 * 1000,
  // Users of a crashed process look callable until then: short, but well above a GC pause.
  processTimeoutMs: 10_000,
};
