// An append-only log of JSON lines written with group commit: lines arriving while a write and its
// sync run go out together in the next one, each acknowledged only once all of its batch is on
// disk (append-log.ts cuts a failed batch off again). When the log holds four times the live lines
// (and at least COMPACT_MIN_LINES), it is rewritten from the store's snapshot.
import { AppendLog, type WriteAt } from './append-log.js';

const COMPACT_MIN_LINES = 10_000;

export interface GroupCommitLogOptions {
  file: string;
  /** The file's size now (after the start's snapshot or replay). */
  size: number;
  writeAt?: WriteAt;
  /** How many lines the store holds live (what a snapshot would write). */
  live: () => number;
  /** Writes the live lines as a fresh file (pruning what is stale first); returns its size. */
  snapshot: () => number;
}

export class GroupCommitLog {
  private log: AppendLog;
  private lines: number;
  private queue: Array<{ line: string; done: (err?: Error) => void }> = [];
  private running: Promise<void> | undefined;

  constructor(private readonly options: GroupCommitLogOptions) {
    this.log = new AppendLog(options.file, options.size, options.writeAt);
    this.lines = options.live();
  }

  /** Resolves once `line` is on disk; rejects with the write's error (none of its batch is kept). */
  append(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, done: (err) => (err ? reject(err) : resolve()) });
      this.running ??= this.flush().finally(() => (this.running = undefined));
    });
  }

  /** Resolves once every line appended so far is written (or refused). */
  async drained(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.log.append(batch.map((b) => `${b.line}\n`).join(''));
        this.lines += batch.length;
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err as Error);
      }
      if (this.lines > COMPACT_MIN_LINES && this.lines > 4 * this.options.live()) {
        try {
          this.log = new AppendLog(this.options.file, this.options.snapshot(), this.options.writeAt);
          this.lines = this.options.live();
        } catch {
          // Compaction is an optimisation; the log stays valid without it.
        }
      }
    }
  }
}
