// The call history in DATA_DIR: `history.log`, one JSON line per entry written (a changed entry,
// e.g. a meeting's duration once its owner left, is written again and the last line wins). Like the
// invite log: an entry counts once all of it is written and synced (storage/append-log.ts), entries
// arriving during a sync go out together in the next write, and the file is compacted (entries
// within the retention only, written aside, synced, renamed) at start and when it has grown well
// beyond what it holds.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEntry } from '#protocol/history.js';
import { ApiError } from '../http/errors.js';
import type { WriteAt } from '../storage/append-log.js';
import { GroupCommitLog } from '../storage/group-commit-log.js';
import { cutTornTail, readJsonLines } from '../storage/json-lines.js';
import { replaceFile } from '#node-lib/replace-file.js';
import { checkWritable } from '../invites/invite-store.js';
import { MAX_ENTRIES_PER_PERSON, newestFirst, pageOf, type HistoryStore, type HistoryStoreOptions } from './history-store.js';

/** One line of the log: the owner and the entry as it is now. */
interface Line { owner: string; entry: HistoryEntry }


export interface HistoryLogOptions extends HistoryStoreOptions {
  /** The write call (tests inject one that writes short, as a full disk does). */
  writeAt?: WriteAt;
  /** Where things an operator should know go (a torn record dropped, a compaction that failed). */
  warn?: (line: string) => void;
}

export function openHistoryLog(dataDir: string, options: HistoryLogOptions): HistoryStore {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? (() => undefined);
  checkWritable(dataDir, warn);
  const file = join(dataDir, 'history.log');
  /** owner → entry id → entry. */
  const people = new Map<string, Map<string, HistoryEntry>>();
  const { complete, torn } = readJsonLines<Line>(file, ({ owner, entry }) => remember(owner, entry));
  if (torn > 0) {
    cutTornTail(file, complete);
    warn(`${file}: dropped a torn last record (${torn} bytes, a write cut short by a crash; it was never acknowledged)`);
  }
  let size: number;
  try {
    size = snapshot();
  } catch (err) {
    // A full disk must not stop the start: the log as it is will do.
    warn(`${file}: could not compact the log at start (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); using it as it is`);
    if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
    size = complete;
  }
  const log = new GroupCommitLog({ file, size, ...(options.writeAt ? { writeAt: options.writeAt } : {}), live: countEntries, snapshot });

  function remember(owner: string, entry: HistoryEntry): void {
    let mine = people.get(owner);
    if (!mine) people.set(owner, (mine = new Map()));
    mine.delete(entry.id); // re-inserted last: the map keeps the order entries were written in
    mine.set(entry.id, entry);
    if (mine.size > MAX_ENTRIES_PER_PERSON) {
      const oldest = [...mine.values()].sort(newestFirst).at(-1);
      if (oldest) mine.delete(oldest.id);
    }
  }

  /** Drops what is older than the retention (of one owner, or everyone). */
  function prune(owner?: string): void {
    const cutoff = now() - options.retentionMs;
    for (const [who, mine] of owner === undefined ? people : [[owner, people.get(owner)] as const]) {
      if (!mine) continue;
      for (const [id, e] of mine) if (Date.parse(e.at) < cutoff) mine.delete(id);
      if (mine.size === 0) people.delete(who);
    }
  }

  function countEntries(): number {
    let n = 0;
    for (const mine of people.values()) n += mine.size;
    return n;
  }

  function snapshot(): number {
    prune();
    const text: string[] = [];
    for (const [owner, mine] of people) for (const entry of mine.values()) text.push(`${JSON.stringify({ owner, entry } satisfies Line)}\n`);
    return replaceFile(file, text.join(''));
  }

  return {
    put(owner, entry) {
      return new Promise<void>((resolve, reject) => {
        log.append(JSON.stringify({ owner, entry } satisfies Line)).then(() => {
          // Shown only now that it is on disk.
          remember(owner, entry);
          resolve();
        }, (err: Error) => reject(new ApiError(503, 'storage_unavailable', `could not save the history entry: ${err.message}`)));
      });
    },
    async list(owner, query) {
      prune(owner);
      return pageOf([...(people.get(owner)?.values() ?? [])].sort(newestFirst), query);
    },
    async close() {
      await log.drained();
    },
  };
}
