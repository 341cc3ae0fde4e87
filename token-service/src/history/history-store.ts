// Each person's call history, kept so it survives a restart and is the same on every device: in
// DATA_DIR as an append-only log (history/history-log.ts), or in Redis when REDIS_URL is set so
// several processes share it (history/redis-history-store.ts). An entry is shown only once it is
// durable; entries older than the retention (HISTORY_RETENTION_DAYS) are never shown and dropped.
import type { HistoryEntry, HistoryPage } from '#protocol/history.js';

export interface HistoryQuery {
  limit: number;
  /** Only entries before this instant (ms since the epoch): the next page after an entry's `at`. */
  before?: number;
}

export interface HistoryStore {
  /** Adds the owner's entry, or replaces the one with its id; resolves once it is durable. */
  put(owner: string, entry: HistoryEntry): Promise<void>;
  /** The owner's entries, newest first, within the retention. */
  list(owner: string, query: HistoryQuery): Promise<HistoryPage>;
  /** Waits for pending writes and lets go of files and connections. */
  close(): Promise<void>;
}

export interface HistoryStoreOptions {
  /** The service's clock (createTokenService's `now`): what counts as older than the retention. */
  now?: () => number;
  /** How long an entry is kept, in ms. */
  retentionMs: number;
}

/** Most entries kept per person (the oldest go first): one person cannot fill the disk. */
export const MAX_ENTRIES_PER_PERSON = 2_000;

/** Newest first; entries of the same instant in a fixed order, so pages never skip one. */
export function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** One page of `entries` (sorted newest first, already within the retention). */
export function pageOf(entries: readonly HistoryEntry[], { limit, before }: HistoryQuery): HistoryPage {
  const older = before === undefined ? entries : entries.filter((e) => Date.parse(e.at) < before);
  return { entries: older.slice(0, limit), more: older.length > limit };
}
