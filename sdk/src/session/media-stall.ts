// Notices within about 2 s that the call's media stopped arriving (the network went away, the
// media server hangs). LiveKit itself notices only when its signal ping times out (15 s on the
// default server settings), so the window said "reconnecting" far too late. The count is the
// packets received on a subscribed, unmuted remote track: while the partner's camera or
// microphone is on it never stands still for long.

/** Decides from samples of the packet count whether media is flowing; pure, for tests. */
export class StallDetector {
  private last?: number;
  private since = 0;
  private lastSample = 0;
  stalled = false;

  constructor(private readonly stallMs = 1500) {}

  /**
   * One sample (`count` undefined: nothing is expected to flow). Returns the new state when it
   * changed: true for stalled, false for flowing again.
   */
  sample(count: number | undefined, now: number): boolean | undefined {
    const gap = now - this.lastSample;
    this.lastSample = now;
    if (count === undefined || count !== this.last) {
      this.last = count;
      this.since = now;
      if (this.stalled) {
        this.stalled = false;
        return false;
      }
      return undefined;
    }
    // A page that was frozen or throttled did not look: its long gap proves nothing.
    if (gap >= this.stallMs) {
      this.since = now;
      return undefined;
    }
    if (!this.stalled && now - this.since >= this.stallMs) {
      this.stalled = true;
      return true;
    }
    return undefined;
  }
}

/** Samples `read` every `intervalMs` and reports changes of the stalled state. */
export class MediaStallWatch {
  private timer?: ReturnType<typeof setTimeout>;
  private readonly detector: StallDetector;

  constructor(
    private readonly read: () => Promise<number | undefined>,
    private readonly onChange: (stalled: boolean) => void,
    private readonly intervalMs = 500,
    stallMs = 1500,
  ) {
    this.detector = new StallDetector(stallMs);
  }

  start(): void {
    if (this.timer) return;
    const tick = async () => {
      const count = await this.read().catch(() => undefined);
      if (!this.timer) return;
      const change = this.detector.sample(count, performance.now());
      if (change !== undefined) this.onChange(change);
      this.schedule(tick);
    };
    this.schedule(tick);
  }

  private schedule(tick: () => Promise<void>): void {
    this.timer = setTimeout(tick, this.intervalMs);
    // Under Node (unit tests of the session) a watch never keeps the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
