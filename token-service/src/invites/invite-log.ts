// The invite store in DATA_DIR: an append-only log (`invites.log`, one JSON line per change), each
// change acknowledged after fsync. Changes arriving while a sync runs go out together in the next
// write (group commit), so a burst of revocations costs a few syncs, not one rewrite each. The log
// is compacted (live invites only, written aside, synced, renamed) at start and when it has grown
// well beyond what it holds. An `invites.json` of older versions is taken over once.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { ApiError } from '../http/errors.js';
import { checkWritable, isOpen, isStale, type InviteStore, type InviteStoreOptions, type StoredInvite } from './invite-store.js';

type Entry = { op: 'add'; id: string; invite: StoredInvite } | { op: 'revoke'; id: string; at: string };

const COMPACT_MIN_LINES = 10_000;

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Replays the log into a map. A torn last line (a crash mid-write) was never acknowledged: skipped. */
function replay(file: string, invites: Map<string, StoredInvite>): number {
  const lines = readLines(file);
  if (!lines) return 0;
  let count = 0;
  lines.forEach((line, i) => {
    if (!line) return;
    let e: Entry;
    try {
      e = JSON.parse(line) as Entry;
    } catch (err) {
      if (i >= lines.length - 2) return; // the last line, cut short
      // A damaged line in the middle must stop the start: forgetting revocations would let guests back in.
      throw new ConfigError(`${file} line ${i + 1} is corrupt (${(err as Error).message}); fix or remove it`);
    }
    count++;
    if (e.op === 'add') invites.set(e.id, { ...e.invite });
    else if (e.op === 'revoke') {
      const inv = invites.get(e.id);
      if (inv) inv.revokedAt ??= e.at;
    }
  });
  return count;
}

/** Writes the live invites as a fresh log beside the old one, syncs it, and renames it over. */
function writeSnapshot(dir: string, file: string, invites: Map<string, StoredInvite>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const text = [...invites].map(([id, invite]) => JSON.stringify({ op: 'add', id, invite } satisfies Entry)).join('\n');
    writeSync(fd, text ? `${text}\n` : '');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // The rename itself is durable only once the folder is synced.
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

export function openInviteLog(dataDir: string, options: InviteStoreOptions = {}): InviteStore {
  const now = options.now ?? Date.now;
  checkWritable(dataDir);
  const file = join(dataDir, 'invites.log');
  const legacy = join(dataDir, 'invites.json');
  const invites = new Map<string, StoredInvite>();
  const legacyText = readLines(legacy)?.join('\n');
  if (legacyText !== undefined) {
    try {
      const data = JSON.parse(legacyText) as { invites?: Record<string, StoredInvite> };
      for (const [id, r] of Object.entries(data.invites ?? {})) invites.set(id, r);
    } catch (err) {
      throw new ConfigError(`${legacy} is corrupt (${(err as Error).message}); fix or remove it`);
    }
  }
  replay(file, invites);
  for (const [id, r] of invites) if (isStale(r, now())) invites.delete(id);
  writeSnapshot(dataDir, file, invites);
  if (legacyText !== undefined) unlinkSync(legacy);
  let lines = invites.size;

  let queue: Array<{ line: string; done: (err?: Error) => void }> = [];
  let running: Promise<void> | undefined;

  async function writeBatch(text: string): Promise<void> {
    // Opened per batch (one open per group of changes): a DATA_DIR that went away fails loudly.
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'a', 0o600);
      await handle.write(text);
      await handle.datasync();
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await writeBatch(batch.map((b) => `${b.line}\n`).join(''));
        lines += batch.length;
        for (const b of batch) b.done();
      } catch (err) {
        // The file may now end in a partial line; the next start skips it (never acknowledged).
        for (const b of batch) b.done(err as Error);
      }
      if (lines > COMPACT_MIN_LINES && lines > 4 * invites.size) {
        try {
          for (const [id, r] of invites) if (isStale(r, now())) invites.delete(id);
          writeSnapshot(dataDir, file, invites);
          lines = invites.size;
        } catch {
          // Compaction is an optimisation; the log stays valid without it.
        }
      }
    }
  }

  function append(entry: Entry, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      queue.push({
        line: JSON.stringify(entry),
        done: (err) => err ? reject(new ApiError(503, 'storage_unavailable', `could not save the ${what}: ${err.message}`)) : resolve(),
      });
      running ??= flush().finally(() => (running = undefined));
    });
  }

  // Revocations being written (a second request for one waits for the same write), and those
  // marked in memory whose write failed (the next request writes them again).
  const revoking = new Map<string, Promise<void>>();
  const unsaved = new Set<string>();

  return {
    get: async (id) => invites.get(id),
    isRevoked: async (id) => invites.get(id)?.revokedAt !== undefined,
    async record(id, invite) {
      await append({ op: 'add', id, invite }, 'invite');
      invites.set(id, { ...invite });
    },
    async revoke(id) {
      const invite = invites.get(id);
      if (!invite) throw new Error(`unknown invite ${id}`);
      for (let pending = revoking.get(id); pending; pending = revoking.get(id)) await pending.catch(() => undefined);
      if (invite.revokedAt && !unsaved.has(id)) return invite;
      // Refused at once in memory, acknowledged only once on disk.
      invite.revokedAt ??= new Date(now()).toISOString();
      unsaved.add(id);
      const write = append({ op: 'revoke', id, at: invite.revokedAt }, 'revocation');
      revoking.set(id, write);
      try {
        await write;
        unsaved.delete(id);
      } finally {
        revoking.delete(id);
      }
      return invite;
    },
    async open(room) {
      return [...invites].filter(([, r]) => r.room === room && isOpen(r, now())).map(([id, r]) => ({ ...r, id }));
    },
    async close() {
      while (running) await running;
    },
  };
}
