// Where a standalone token service learns users and rooms without a restart: a JSON file re-read
// whenever it changes (fs.watch; a bad file is reported and the previous directory kept), or a
// directory the host serves over HTTP with a shared secret (fetched when a lookup misses, at most
// once per MIN_REFETCH_MS, and refreshed after DIRECTORY_MAX_AGE_MS).
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createStaticDirectory, DirectoryError, loadDirectoryFile, parseDirectory, type Directory } from './directory.js';

export interface ClosableDirectory extends Directory {
  close(): void;
}

/** The file now (a bad file fails the start), then again after every change. */
export function watchDirectoryFile(path: string, log: (line: string) => void, onChange?: () => void): ClosableDirectory {
  let current = loadDirectoryFile(path);
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    try {
      current = loadDirectoryFile(path);
      log(`directory: reloaded ${path}`);
      onChange?.();
    } catch (err) {
      log(`directory: kept the previous directory, ${(err as Error).message}`);
    }
  };
  // The folder is watched, not the file: editors and atomic writers replace the file by a rename.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
      if (name !== null && name !== basename(path)) return;
      clearTimeout(timer);
      // A write arrives as several events: read once they have settled.
      timer = setTimeout(reload, 100);
    });
    watcher.on('error', (err) => log(`directory: watching ${path} failed: ${err.message}`));
  } catch (err) {
    log(`directory: cannot watch ${path} (${(err as Error).message}); changes need a restart`);
  }
  return {
    getUser: (id) => current.getUser(id),
    getRoom: (id) => current.getRoom(id),
    searchUsers: (query, limit) => current.searchUsers!(query, limit),
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

export const MIN_REFETCH_MS = 1_000;
export const DIRECTORY_MAX_AGE_MS = 60_000;

/**
 * The host's directory at `url` (`GET`, `Authorization: Bearer <secret>`, the same JSON as the
 * file). A lookup that misses re-fetches (a room just created is found at once), rate-limited.
 */
export function httpDirectory(url: string, secret: string, log: (line: string) => void, fetchImpl: typeof fetch = fetch): ClosableDirectory {
  let current: Directory | undefined;
  let fetchedAt = 0;
  let inflight: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    inflight ??= (async () => {
      try {
        const res = await fetchImpl(url, { headers: { authorization: `Bearer ${secret}`, accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
        if (!res.ok) throw new DirectoryError(`${url} answered ${res.status}`);
        current = createStaticDirectory(parseDirectory(await res.json(), url));
      } catch (err) {
        log(`directory: kept the previous directory, ${(err as Error).message}`);
        if (!current) throw new DirectoryError(`the directory at ${url} is not available: ${(err as Error).message}`);
      } finally {
        fetchedAt = Date.now();
        inflight = undefined;
      }
    })();
    return inflight;
  };
  async function lookup<T>(get: (d: Directory) => Promise<T | undefined>): Promise<T | undefined> {
    const age = Date.now() - fetchedAt;
    if (!current || age > DIRECTORY_MAX_AGE_MS) await refresh();
    const hit = await get(current!);
    if (hit !== undefined || Date.now() - fetchedAt < MIN_REFETCH_MS) return hit;
    await refresh();
    return get(current!);
  }
  return {
    getUser: (id) => lookup((d) => d.getUser(id)),
    getRoom: (id) => lookup((d) => d.getRoom(id)),
    // The host's whole list, as fetched (refreshed after DIRECTORY_MAX_AGE_MS): a miss is no reason to fetch again.
    async searchUsers(query, limit) {
      if (!current || Date.now() - fetchedAt > DIRECTORY_MAX_AGE_MS) await refresh();
      return current!.searchUsers!(query, limit);
    },
    close: () => undefined,
  };
}
